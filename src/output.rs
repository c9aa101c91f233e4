//! Writing output files atomically.
//!
//! A report goes to a temporary file in the target's own directory, which is
//! written, flushed and fsynced, and only then renamed over the target. A run
//! that fails or is interrupted half-way therefore leaves either the previous
//! file intact or the complete new one, never a mix; the temporary file is
//! removed on failure (by `tempfile`'s drop guard).
//!
//! Targets that exist and are not regular files (`/dev/stdout`, a named pipe,
//! `/dev/full`) cannot be replaced by a rename, and should not be: they are
//! written directly, and their errors are reported like any other. So is
//! anything under `/dev`, `/proc` and `/sys`, or a link pointing there. A
//! symbolic link to a regular file stays a link; the file it points to is
//! replaced atomically.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writing an output file failed. The message names the file and the step.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {step}: {source}", path.display())]
pub struct OutputError {
    /// The file the user asked for.
    pub path: PathBuf,
    /// What was being done (`cannot create a temporary file in /x`, `write failed`, ...).
    pub step: String,
    #[source]
    pub source: io::Error,
}

impl OutputError {
    fn new(path: &Path, step: impl Into<String>, source: io::Error) -> OutputError {
        OutputError {
            path: path.to_path_buf(),
            step: step.into(),
            source,
        }
    }
}

/// Writes `bytes` to `path` atomically (see the module documentation).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Like [`write_atomic`], with the content produced by `fill`, which may fail
/// at any point (tests use this to simulate a full disk half-way). When `fill`
/// fails, the target is untouched and the temporary file is removed.
pub fn write_atomic_with<F>(path: &Path, fill: F) -> Result<(), OutputError>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    if is_system_path(path) {
        // `/dev/stdout`, `/dev/fd/1`, `/dev/full`, `/proc/...`: never put a
        // temporary file there nor rename over it (as root, both would
        // succeed); open it as it is, without creating anything.
        return write_in_place(path, path, fill);
    }
    // A symbolic link (`seneste.xlsx -> rapport-2025-12.xlsx`) stays a link:
    // the file it points to is replaced. A dangling link is replaced itself.
    let resolved;
    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => match std::fs::canonicalize(path) {
            Ok(p) => {
                resolved = p;
                resolved.as_path()
            }
            Err(_) => path,
        },
        _ => path,
    };
    replace(path, target, fill)
}

/// Is `path`, or the first target of the link it is, in `/dev` (other than
/// the ordinary files of `/dev/shm`), `/proc` or `/sys`?
fn is_system_path(path: &Path) -> bool {
    let system = |p: &Path| {
        let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        (abs.starts_with("/dev") && !abs.starts_with("/dev/shm"))
            || abs.starts_with("/proc")
            || abs.starts_with("/sys")
    };
    system(path)
        || std::fs::read_link(path).is_ok_and(|link| {
            let link = match path.parent() {
                Some(parent) if link.is_relative() => parent.join(link),
                _ => link,
            };
            system(&link)
        })
}

/// Replaces `target` (the resolved `path`); errors name `path`, as the user gave it.
fn replace<F>(path: &Path, target: &Path, fill: F) -> Result<(), OutputError>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    match std::fs::metadata(target) {
        Ok(meta) if meta.is_dir() => {
            return Err(OutputError::new(
                path,
                "is a directory",
                io::Error::new(io::ErrorKind::InvalidInput, "expected a file name"),
            ));
        }
        Ok(meta) if !meta.is_file() => return write_in_place(path, target, fill),
        _ => {}
    }

    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let prefix = format!(
        ".{}.",
        target
            .file_name()
            .map_or_else(|| "sparekrav".into(), |n| n.to_string_lossy())
    );
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // tempfile creates files 0600; ask for the usual 0666 minus the umask, as
    // any newly created output file would get.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| {
        OutputError::new(
            path,
            format!("cannot create a temporary file in {}", dir.display()),
            e,
        )
    })?;

    // From here on, returning early drops `tmp`, which deletes the temporary file.
    fill(tmp.as_file_mut()).map_err(|e| OutputError::new(path, "write failed", e))?;
    tmp.as_file_mut()
        .flush()
        .map_err(|e| OutputError::new(path, "flush failed", e))?;
    if let Ok(previous) = std::fs::metadata(target) {
        // Keep the permissions of the file being replaced.
        tmp.as_file()
            .set_permissions(previous.permissions())
            .map_err(|e| OutputError::new(path, "cannot copy the permissions", e))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| OutputError::new(path, "fsync failed", e))?;
    tmp.persist(target).map_err(|e| {
        // `e.file` is the temporary file; dropping it with `e` removes it.
        OutputError::new(path, "cannot replace the file", e.error)
    })?;
    // Make the rename itself durable. Best effort: some file systems refuse to
    // fsync a directory, and the new file is already complete and in place.
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Writes straight into an existing non-regular file (a terminal, pipe or device).
fn write_in_place<F>(path: &Path, target: &Path, fill: F) -> Result<(), OutputError>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let mut file = OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(target)
        .map_err(|e| OutputError::new(path, "cannot open", e))?;
    fill(&mut file).map_err(|e| OutputError::new(path, "write failed", e))?;
    file.flush()
        .map_err(|e| OutputError::new(path, "flush failed", e))?;
    Ok(())
}
