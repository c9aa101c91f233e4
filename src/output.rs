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
//! written directly, and their errors are reported like any other.

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
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(OutputError::new(
                path,
                "is a directory",
                io::Error::new(io::ErrorKind::InvalidInput, "expected a file name"),
            ));
        }
        Ok(meta) if !meta.is_file() => return write_in_place(path, fill),
        _ => {}
    }

    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let prefix = format!(
        ".{}.",
        path.file_name()
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
    if let Ok(previous) = std::fs::metadata(path) {
        // Keep the permissions of the file being replaced.
        tmp.as_file()
            .set_permissions(previous.permissions())
            .map_err(|e| OutputError::new(path, "cannot copy the permissions", e))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| OutputError::new(path, "fsync failed", e))?;
    tmp.persist(path).map_err(|e| {
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
fn write_in_place<F>(path: &Path, fill: F) -> Result<(), OutputError>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let mut file = OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(path)
        .map_err(|e| OutputError::new(path, "cannot open", e))?;
    fill(&mut file).map_err(|e| OutputError::new(path, "write failed", e))?;
    file.flush()
        .map_err(|e| OutputError::new(path, "flush failed", e))?;
    Ok(())
}
