//! `report -o`: nothing the user wrote is lost, and nothing is written that
//! the shell would not write (issue 8, items 5-7). Run through the binary and
//! `sh`, as a user would.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{root, REFERENCE};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_sparekrav"))
}

fn scenario() -> PathBuf {
    root().join(REFERENCE)
}

/// Runs `script` with `sh -c`, `$BIN` and `$S` set; returns (exit code, stderr).
fn sh(dir: &Path, script: &str) -> (Option<i32>, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("BIN", bin())
        .env("S", scenario())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn is_root() -> bool {
    // SAFETY: geteuid touches no memory.
    unsafe { libc::geteuid() == 0 }
}

/// Item 5: `-o /dev/stdout` used to open and truncate whatever standard
/// output pointed at, so `>> log` lost the log.
#[test]
fn dev_stdout_appended_to_a_log_keeps_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = sh(
        dir.path(),
        "printf 'first\\n' > log; \"$BIN\" report \"$S\" -f csv -o /dev/stdout >> log",
    );
    assert_eq!(code, Some(0), "{err}");
    let log = fs::read_to_string(dir.path().join("log")).unwrap();
    assert!(
        log.starts_with("first\n\u{feff}Implementering"),
        "{log:.80}"
    );
    // The same through another descriptor, and a second append after it.
    let (code, err) = sh(
        dir.path(),
        "printf 'first\\n' > log3; \"$BIN\" report \"$S\" -f csv -o /dev/fd/3 3>> log3; printf 'last\\n' >> log3",
    );
    assert_eq!(code, Some(0), "{err}");
    let log = fs::read_to_string(dir.path().join("log3")).unwrap();
    assert!(
        log.starts_with("first\n\u{feff}Implementering"),
        "{log:.80}"
    );
    assert!(log.ends_with("\nlast\n"));
    // `>` still starts afresh, as the shell said.
    let (code, _) = sh(
        dir.path(),
        "printf 'old old old\\n' > fresh; \"$BIN\" report \"$S\" -f csv -o /dev/stdout > fresh",
    );
    assert_eq!(code, Some(0));
    let fresh = fs::read_to_string(dir.path().join("fresh")).unwrap();
    assert!(fresh.starts_with("\u{feff}Implementering"), "{fresh:.80}");
}

/// Item 6: `report s.yaml -o s.yaml` replaced the scenario with its tables.
#[test]
fn an_input_file_is_never_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s.yaml");
    fs::copy(scenario(), &s).unwrap();
    let original = fs::read(&s).unwrap();
    fs::hard_link(&s, dir.path().join("link.yaml")).unwrap();
    for target in ["s.yaml", "./s.yaml", "link.yaml"] {
        let (code, err) = sh(dir.path(), &format!("\"$BIN\" report s.yaml -o {target}"));
        assert_eq!(code, Some(2), "{target}");
        assert_eq!(
            err.trim_end(),
            format!(
                "sparekrav: error: cannot write {target}: it is the input file s.yaml: choose another output file"
            )
        );
        assert_eq!(fs::read(&s).unwrap(), original, "{target}");
    }
    assert_eq!(entries(dir.path()), ["link.yaml", "s.yaml"]);
}

/// Runs `script` as an unprivileged user: as `nobody` via setpriv when the
/// tests run as root, else as the current user. `None` when root cannot drop.
fn sh_unprivileged(dir: &Path, script: &str) -> Option<(Option<i32>, String)> {
    if !is_root() {
        return Some(sh(dir, script));
    }
    let out = Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "sh",
            "-c",
            script,
        ])
        .current_dir(dir)
        .env("BIN", bin())
        .env("S", scenario())
        .output()
        .ok()?;
    Some((
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// Item 6: a read-only file, and (when the tests run as root) a root-owned
/// 0644 file in a 0777 directory, were replaced by an unprivileged user,
/// because the directory allowed the rename. Refused now, as `>` would.
#[test]
fn a_file_the_user_may_not_write_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let ro = dir.path().join("ro.csv");
    fs::write(&ro, "mine\n").unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o444)).unwrap();
    let theirs = dir.path().join("theirs.csv");
    fs::write(&theirs, "root's\n").unwrap();
    fs::set_permissions(&theirs, fs::Permissions::from_mode(0o644)).unwrap();
    let targets: &[&str] = if is_root() {
        &["ro.csv", "theirs.csv"]
    } else {
        &["ro.csv"]
    };
    for target in targets {
        let before = fs::metadata(dir.path().join(target)).unwrap();
        let Some((code, err)) =
            sh_unprivileged(dir.path(), &format!("\"$BIN\" report \"$S\" -o {target}"))
        else {
            panic!("running as root and setpriv is unavailable");
        };
        assert_eq!(code, Some(2), "{target}: {err}");
        assert_eq!(
            err.trim_end(),
            format!(
                "sparekrav: error: cannot write {target}: permission denied: you may not write this file, so it is not replaced"
            )
        );
        let after = fs::metadata(dir.path().join(target)).unwrap();
        assert_eq!((after.ino(), after.uid()), (before.ino(), before.uid()));
    }
    assert_eq!(fs::read_to_string(&ro).unwrap(), "mine\n");
    assert_eq!(fs::read_to_string(&theirs).unwrap(), "root's\n");
    assert_eq!(entries(dir.path()), ["ro.csv", "theirs.csv"]);
}

/// Item 6: hard links were broken silently (the rename made a new file).
/// A file with other links, or owned by someone else, is rewritten in place:
/// same inode, owner and mode.
#[test]
fn hard_links_owner_and_mode_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    fs::write(&a, "old\n").unwrap();
    fs::set_permissions(&a, fs::Permissions::from_mode(0o640)).unwrap();
    fs::hard_link(&a, dir.path().join("b.txt")).unwrap();
    let (code, err) = sh(dir.path(), "\"$BIN\" report \"$S\" -o a.txt");
    assert_eq!(code, Some(0), "{err}");
    let b = fs::read_to_string(dir.path().join("b.txt")).unwrap();
    assert!(
        b.starts_with("Implementering"),
        "the link was broken: {b:.40}"
    );
    let meta = fs::metadata(&a).unwrap();
    assert_eq!((meta.nlink(), meta.mode() & 0o777), (2, 0o640));
    assert_eq!(entries(dir.path()), ["a.txt", "b.txt"]);

    if is_root() {
        // Root writing a file of nobody's (in a shared folder): it stays nobody's.
        let n = dir.path().join("nobody.txt");
        fs::write(&n, "old\n").unwrap();
        std::os::unix::fs::chown(&n, Some(65534), Some(65534)).unwrap();
        fs::set_permissions(&n, fs::Permissions::from_mode(0o604)).unwrap();
        let (code, err) = sh(dir.path(), "\"$BIN\" report \"$S\" -o nobody.txt");
        assert_eq!(code, Some(0), "{err}");
        let meta = fs::metadata(&n).unwrap();
        assert_eq!(
            (meta.uid(), meta.gid(), meta.mode() & 0o777),
            (65534, 65534, 0o604)
        );
        assert!(fs::read_to_string(&n)
            .unwrap()
            .starts_with("Implementering"));
    }
}

/// Item 7: an interrupted write (SIGINT, SIGTERM) left its hidden temporary
/// file behind. Now the file is removed and the process ends by the signal;
/// the previous output is untouched.
#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the binary holds its temporary file for tests in debug builds only"
)]
fn a_signal_during_a_write_removes_the_temporary_file() {
    for (sig, name) in [(libc::SIGTERM, "TERM"), (libc::SIGINT, "INT")] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("rapport.csv");
        fs::write(&out, "previous\n").unwrap();
        let mut child = Command::new(bin())
            .args(["report", scenario().to_str().unwrap(), "-o"])
            .arg(&out)
            .env("SPAREKRAV_TEST_HOLD_TEMP_MS", "20000")
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while entries(dir.path()).len() < 2 {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no temporary file"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        let temp = entries(dir.path())
            .into_iter()
            .find(|n| n != "rapport.csv")
            .unwrap();
        assert!(
            temp.starts_with(&format!(".rapport.csv.sparekrav-{}-", child.id()))
                && temp.ends_with(".tmp"),
            "{temp}"
        );
        // SAFETY: signals our own child.
        unsafe { libc::kill(child.id() as libc::pid_t, sig) };
        let status = child.wait().unwrap();
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(sig), "SIG{name}");
        assert_eq!(entries(dir.path()), ["rapport.csv"], "SIG{name}");
        assert_eq!(fs::read_to_string(&out).unwrap(), "previous\n");
    }
}

/// Item 7: a file size limit (`ulimit -f`) killed the process by SIGXFSZ
/// and left the temporary file; now it is a write error (exit 2).
#[test]
fn a_file_size_limit_is_a_write_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("r.txt"), "previous\n").unwrap();
    // 1 block (512 or 1024 bytes); the report is several kB.
    let (code, err) = sh(dir.path(), "ulimit -f 1; \"$BIN\" report \"$S\" -o r.txt");
    assert_eq!(code, Some(2), "{err}");
    assert_eq!(
        err.trim_end(),
        "sparekrav: error: cannot write r.txt: write failed: File too large (os error 27)"
    );
    assert_eq!(entries(dir.path()), ["r.txt"]);
    assert_eq!(
        fs::read_to_string(dir.path().join("r.txt")).unwrap(),
        "previous\n"
    );
}

/// Item 7: a temporary file left by a run killed outright (SIGKILL) is
/// recognised by its name and dead process id and removed by the next run
/// writing the same target; one of a live process is kept.
#[test]
fn stale_temporary_files_of_a_dead_run_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let mut dead = Command::new("true").spawn().unwrap();
    let dead_pid = dead.id();
    dead.wait().unwrap();
    let stale = format!(".rapport.csv.sparekrav-{dead_pid}-Ab12Cd.tmp");
    let live = format!(".rapport.csv.sparekrav-{}-Ef34Gh.tmp", std::process::id());
    let other = ".andet.csv.sparekrav-1-x.tmp".to_string();
    for n in [&stale, &live, &other] {
        fs::write(dir.path().join(n), "half a report").unwrap();
    }
    let (code, err) = sh(dir.path(), "\"$BIN\" report \"$S\" -o rapport.csv");
    assert_eq!(code, Some(0), "{err}");
    let mut want = vec![other, live, "rapport.csv".to_string()];
    want.sort();
    assert_eq!(entries(dir.path()), want);
}
