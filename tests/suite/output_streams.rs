//! Closed and full standard streams (issue 8, item 11): no write may panic
//! (exit 101), a closed pipe is not a failure, lost output is.
#![cfg(unix)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_sparekrav"))
}

/// Runs `script` in `sh` with `$BIN` set; the exit code of the sparekrav
/// run is what the script writes to the file `rc`.
fn rc_of(dir: &Path, script: &str) -> (i32, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("BIN", bin())
        .output()
        .unwrap();
    let rc = fs::read_to_string(dir.join("rc")).unwrap_or_default();
    (
        rc.trim().parse().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// A document with many tables, so that its output is far larger than a
/// pipe's buffer.
fn big_document(dir: &Path) {
    let mut doc = String::new();
    for i in 0..2000 {
        doc.push_str(&format!(
            "Tabel {i}\n\nMio. kr.\t2026\nA\t1,0\nB\t2,0\nI alt\t3,0\n\n"
        ));
    }
    fs::write(dir.join("doc.txt"), doc).unwrap();
}

/// `verify --format json DOC | head -1` exited 2 where the text format
/// exited 0 (the closed pipe came wrapped in a JSON error), and with
/// `2>&1` it panicked: the closed stderr made `eprintln!` panic.
#[test]
fn a_closed_pipe_ends_verify_quietly_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    big_document(dir.path());
    for format in ["json", "text"] {
        for merge in ["", "2>&1"] {
            let (rc, out) = rc_of(
                dir.path(),
                &format!(
                    "( \"$BIN\" verify --format {format} doc.txt {merge}; echo $? > rc ) | head -1"
                ),
            );
            assert_eq!(rc, 0, "--format {format} {merge}");
            assert_eq!(out.lines().count(), 1);
        }
    }
}

/// `report /nonexist 2>/dev/full` panicked (exit 101) writing its error.
#[test]
fn a_full_stderr_does_not_panic() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    big_document(dir.path());
    for (cmd, want) in [
        ("report /nonexist", 2),
        ("check /nonexist", 2),
        ("verify doc.txt --checks /nonexist", 2),
        ("verify /dev/null", 1),
    ] {
        let (rc, _) = rc_of(
            dir.path(),
            &format!("\"$BIN\" {cmd} 2>/dev/full; echo $? > rc"),
        );
        assert_eq!(rc, want, "{cmd}");
    }
}

/// `--help` and `--version` into /dev/full exited 0 with their output lost;
/// into a closed pipe they still exit 0.
#[test]
fn help_and_version_that_cannot_be_written_fail() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for flag in ["--help", "--version", "report --help"] {
        let (rc, _) = rc_of(
            dir.path(),
            &format!("\"$BIN\" {flag} > /dev/full; echo $? > rc"),
        );
        assert_eq!(rc, 2, "{flag} > /dev/full");
        let (rc, _) = rc_of(dir.path(), &format!("\"$BIN\" {flag}; echo $? > rc"));
        assert_eq!(rc, 0, "{flag}");
    }
}
