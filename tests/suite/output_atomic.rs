//! Atomic output: a failed or interrupted write leaves the previous file intact
//! and no temporary file behind; errors name the file and what went wrong.
// A harness's own report on its terminal: printing macros are fine here.
#![allow(clippy::disallowed_macros)]

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use proptest::prelude::*;
use sparekrav::output::{write_atomic, write_atomic_with, OutputError};

/// Names of the entries in `dir`, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Writes `bytes[..k]`, then fails like a full disk.
fn fail_after<'a>(bytes: &'a [u8], k: usize) -> impl FnOnce(&mut dyn Write) -> io::Result<()> + 'a {
    move |w| {
        w.write_all(&bytes[..k])?;
        Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "simulated full disk",
        ))
    }
}

#[test]
fn writes_a_new_file_and_leaves_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.csv");
    write_atomic(&path, "I alt konto 6;0,0;9,8\r\n".as_bytes()).unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"I alt konto 6;0,0;9,8\r\n");
    assert_eq!(entries(dir.path()), vec!["rapport.csv"]);
}

#[test]
fn replaces_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.md");
    fs::write(&path, "gammel rapport, meget længere end den nye\n").unwrap();
    write_atomic(&path, b"ny\n").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"ny\n");
    assert_eq!(entries(dir.path()), vec!["rapport.md"]);
}

#[test]
fn a_failure_half_way_keeps_the_previous_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.xlsx");
    fs::write(&path, b"previous complete report").unwrap();
    let new = vec![b'x'; 100_000];
    let err = write_atomic_with(&path, fail_after(&new, 50_000)).unwrap_err();
    assert_eq!(fs::read(&path).unwrap(), b"previous complete report");
    assert_eq!(
        entries(dir.path()),
        vec!["rapport.xlsx"],
        "temporary file left behind"
    );
    let msg = err.to_string();
    assert_eq!(
        msg,
        format!(
            "cannot write {}: write failed: simulated full disk",
            path.display()
        )
    );
    assert_eq!(err.path, path);
    assert_eq!(err.source.kind(), io::ErrorKind::StorageFull);
}

#[test]
fn a_failure_without_a_previous_file_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ny.json");
    write_atomic_with(&path, fail_after(b"{\"tables\": [", 5)).unwrap_err();
    assert!(!path.exists());
    assert!(entries(dir.path()).is_empty());
}

/// Does the permission system stop us (it does not for root)?
fn permissions_are_enforced(dir: &Path) -> bool {
    fs::write(dir.join("probe"), b"").is_err()
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_gives_an_error_naming_the_path() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("skrivebeskyttet");
    fs::create_dir(&ro).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    if permissions_are_enforced(&ro) {
        let path = ro.join("rapport.csv");
        let err = write_atomic(&path, b"x").unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with(&format!(
                "cannot write {}: cannot create a temporary file in {}: ",
                path.display(),
                ro.display()
            )),
            "{msg}"
        );
        assert_eq!(err.source.kind(), io::ErrorKind::PermissionDenied);
        assert!(!path.exists());
    } else {
        // Running as root: permission bits do not stop writes. The cases
        // below fail for root too.
        eprintln!("permission bits not enforced (root?); read-only case covered by the others");
    }
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_parent_that_is_a_file_gives_an_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-dir");
    fs::write(&file, b"x").unwrap();
    let path = file.join("rapport.csv");
    let err: OutputError = write_atomic(&path, b"data").unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with(&format!(
            "cannot write {}: cannot create a temporary file in {}: ",
            path.display(),
            file.display()
        )),
        "{msg}"
    );
    assert_eq!(err.source.kind(), io::ErrorKind::NotADirectory);
    assert_eq!(fs::read(&file).unwrap(), b"x");
}

#[test]
fn a_missing_directory_gives_an_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("findes-ikke").join("rapport.csv");
    let msg = write_atomic(&path, b"data").unwrap_err().to_string();
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(msg.contains("cannot create a temporary file in"), "{msg}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_file_system_gives_an_error_even_for_root() {
    // procfs allows no new files, whoever asks; and no temporary file is
    // ever created under /proc or /dev.
    let path = Path::new("/proc/sparekrav-test-rapport.csv");
    let err = write_atomic(path, b"data").unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("cannot write /proc/sparekrav-test-rapport.csv: cannot open: "),
        "{msg}"
    );
    assert!(!path.exists());
}

#[test]
fn a_directory_is_not_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let msg = write_atomic(dir.path(), b"data").unwrap_err().to_string();
    assert_eq!(
        msg,
        format!(
            "cannot write {}: is a directory: expected a file name",
            dir.path().display()
        )
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_device_is_written_in_place_and_reports_the_error() {
    use std::os::unix::fs::FileTypeExt;
    let full = Path::new("/dev/full");
    if !fs::metadata(full).is_ok_and(|m| m.file_type().is_char_device()) {
        return;
    }
    let err = write_atomic(full, b"I alt konto 6;0,0\r\n").unwrap_err();
    assert_eq!(err.source.kind(), io::ErrorKind::StorageFull);
    let msg = err.to_string();
    assert!(
        msg.starts_with("cannot write /dev/full: write failed: "),
        "{msg}"
    );
    // Still the device: a device is never replaced by a rename.
    assert!(fs::metadata(full).unwrap().file_type().is_char_device());
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.csv");
    fs::write(&path, b"old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    write_atomic(&path, b"new").unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_stays_a_link_to_the_new_content() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("rapport-2025-12.csv");
    let link = dir.path().join("seneste.csv");
    fs::write(&real, b"old").unwrap();
    std::os::unix::fs::symlink("rapport-2025-12.csv", &link).unwrap();
    write_atomic(&link, b"new").unwrap();
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read(&real).unwrap(), b"new");
    assert_eq!(
        entries(dir.path()),
        vec!["rapport-2025-12.csv", "seneste.csv"]
    );
}

#[cfg(unix)]
#[test]
fn a_link_into_dev_is_written_through_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("null.csv");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    write_atomic(&link, b"data").unwrap();
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(entries(dir.path()), vec!["null.csv"]);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Whatever happens, the file holds the old content or the new one, never a
    /// mix, and no temporary file is left.
    #[test]
    fn old_or_new_never_a_mix(
        old in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..4096)),
        new in proptest::collection::vec(any::<u8>(), 0..4096),
        fail_at in proptest::option::of(0usize..4096),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rapport.bin");
        if let Some(old) = &old {
            fs::write(&path, old).unwrap();
        }
        let result = match fail_at {
            Some(k) => write_atomic_with(&path, fail_after(&new, k.min(new.len()))),
            None => write_atomic(&path, &new),
        };
        match (result, &old) {
            (Ok(()), _) => {
                prop_assert!(fail_at.is_none());
                prop_assert_eq!(fs::read(&path).unwrap(), new);
            }
            (Err(_), Some(old)) => prop_assert_eq!(&fs::read(&path).unwrap(), old),
            (Err(_), None) => prop_assert!(!path.exists()),
        }
        let expected: Vec<String> = if path.exists() { vec!["rapport.bin".into()] } else { vec![] };
        prop_assert_eq!(entries(dir.path()), expected);
    }
}
