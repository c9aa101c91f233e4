//! The binary's `completions` and `man` subcommands.

use assert_cmd::Command;
use predicates::prelude::*;

fn sparekrav() -> Command {
    Command::cargo_bin("sparekrav").unwrap()
}

/// Output of a successful run, as text.
fn stdout_of(args: &[&str]) -> String {
    let out = sparekrav()
        .args(args)
        .assert()
        .success()
        .code(0)
        .get_output()
        .clone();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish"] {
        let out = stdout_of(&["completions", shell]);
        assert!(!out.trim().is_empty(), "{shell}: empty completions");
        for sub in ["report", "check", "verify", "schema", "completions", "man"] {
            assert!(out.contains(sub), "{shell} completions lack {sub}");
        }
    }
}

#[test]
fn bash_completions_define_the_completion_function() {
    let out = stdout_of(&["completions", "bash"]);
    assert!(out.contains("complete -F _sparekrav"), "{out}");
}

#[test]
fn man_page_is_roff_naming_the_subcommands() {
    let out = stdout_of(&["man"]);
    assert!(out.contains("\n.TH sparekrav 1 "), "{out}");
    assert!(out.contains("\n.SH NAME\n"), "{out}");
    for sub in ["report", "check", "verify"] {
        assert!(out.contains(sub), "man page lacks {sub}");
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    sparekrav()
        .args(["completions", "cmd.exe"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("cmd.exe"));
}

#[test]
fn completions_without_a_shell_is_a_usage_error() {
    sparekrav().arg("completions").assert().code(2);
}
