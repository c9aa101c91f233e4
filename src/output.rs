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
//! written directly, never truncated (`-o /dev/stdout >> log` appends to the
//! log, as the shell's `>>` says), and their errors are reported like any
//! other. So is anything under `/dev`, `/proc` and `/sys`, or a link pointing
//! there; `/dev/stdout` and `/dev/stderr` are the process's own standard
//! output and error. A symbolic link to a regular file stays a link; the file
//! it points to is replaced atomically.
//!
//! What the shell's `>` would refuse is refused: a file the user may not
//! write (read-only, or someone else's) is not replaced, even where the
//! directory would allow a rename. A file with other hard links, or owned by
//! someone else, is rewritten in place (as `>` would), keeping its links,
//! owner and mode; atomic replacement is for the user's own files.
//!
//! Temporary files are named `.<target>.sparekrav-<pid>-<random>.tmp`. On
//! SIGINT, SIGTERM and SIGHUP the one being written is removed before the
//! process ends with that signal; a file size limit (SIGXFSZ) becomes an
//! ordinary write error. A temporary file left by a run that was killed
//! outright (SIGKILL, power loss) is recognised by its name and its dead
//! process id, and removed by the next run writing the same target.

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

/// Refuses an output path that is one of this run's input files (the same
/// file, by device and inode, however it is named or linked): `report
/// s.yaml -o s.yaml` would replace the scenario with its own tables.
pub fn refuse_input(path: &Path, inputs: &[&Path]) -> Result<(), OutputError> {
    let Ok(out) = std::fs::metadata(path) else {
        return Ok(());
    };
    for input in inputs {
        if std::fs::metadata(input).is_ok_and(|m| same_file(&m, &out)) {
            return Err(OutputError::new(
                path,
                format!("it is the input file {}", input.display()),
                io::Error::new(io::ErrorKind::AlreadyExists, "choose another output file"),
            ));
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_a: &std::fs::Metadata, _b: &std::fs::Metadata) -> bool {
    false
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
    if let Some(stream) = own_stream(path) {
        return write_stream(path, stream, fill);
    }
    if is_system_path(path) {
        // `/dev/fd/3`, `/dev/full`, `/proc/...`: never put a temporary file
        // there nor rename over it (as root, both would succeed); open it as
        // it is, without creating or truncating anything.
        return write_in_place(path, path, InPlace::Keep, fill);
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

/// The process's own standard output (1) or error (2), named as a path.
#[derive(Clone, Copy)]
enum Stream {
    Out,
    Err,
}

fn own_stream(path: &Path) -> Option<Stream> {
    let p = path.to_str()?;
    match p {
        "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1" => Some(Stream::Out),
        "/dev/stderr" | "/dev/fd/2" | "/proc/self/fd/2" => Some(Stream::Err),
        _ => None,
    }
}

/// Writes through the already open standard stream: whatever it points at
/// (a terminal, a pipe, a file opened with `>` or `>>`) is written exactly as
/// the shell set it up, never reopened or truncated.
fn write_stream<F>(path: &Path, stream: Stream, fill: F) -> Result<(), OutputError>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let result = match stream {
        Stream::Out => {
            let mut out = io::stdout().lock();
            fill(&mut out).and_then(|()| out.flush())
        }
        Stream::Err => {
            let mut err = io::stderr().lock();
            fill(&mut err).and_then(|()| err.flush())
        }
    };
    result.map_err(|e| OutputError::new(path, "write failed", e))
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
        Ok(meta) if !meta.is_file() => return write_in_place(path, target, InPlace::Keep, fill),
        Ok(meta) => {
            // As the shell would: a file the user may not write is not
            // replaced, even when the directory would allow a rename.
            if !may_write(target) {
                return Err(OutputError::new(
                    path,
                    "permission denied",
                    io::Error::new(
                        io::ErrorKind::PermissionDenied,
                        "you may not write this file, so it is not replaced",
                    ),
                ));
            }
            if !replaceable(&meta) {
                return write_in_place(path, target, InPlace::Truncate, fill);
            }
        }
        Err(_) => {}
    }

    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| "sparekrav".into(), |n| n.to_string_lossy());
    let stem = temp_stem(&name);
    remove_stale_temporaries(dir, &stem);
    let prefix = format!("{stem}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    // tempfile creates files 0600; ask for the usual 0666 minus the umask, as
    // any newly created output file would get.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // SIGINT, SIGTERM and SIGHUP wait while the temporary file is created and
    // registered, so none can end the process between the two.
    let blocked = signals::Blocked::new();
    let mut tmp = builder.tempfile_in(dir).map_err(|e| {
        OutputError::new(
            path,
            format!("cannot create a temporary file in {}", dir.display()),
            e,
        )
    })?;

    // From here on, returning early drops `tmp`, which deletes the temporary
    // file; so does a signal, through the guard.
    let _guard = signals::Guard::new(tmp.path());
    drop(blocked);
    #[cfg(debug_assertions)]
    hold_for_tests();
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

/// How [`write_in_place`] opens its target.
#[derive(Clone, Copy, PartialEq, Eq)]
enum InPlace {
    /// A device, pipe or `/dev/fd/N`: nothing is truncated; a regular file
    /// reached this way (`3>> log`) is appended to.
    Keep,
    /// A regular file that cannot be replaced without losing its links or
    /// owner: rewritten, as the shell's `>` does.
    Truncate,
}

/// Writes straight into an existing file (a terminal, pipe or device; or a
/// regular file that must keep its identity).
fn write_in_place<F>(path: &Path, target: &Path, how: InPlace, fill: F) -> Result<(), OutputError>
where
    F: FnOnce(&mut dyn Write) -> io::Result<()>,
{
    let mut options = OpenOptions::new();
    options.write(true);
    match how {
        InPlace::Truncate => {
            options.truncate(true);
        }
        InPlace::Keep => {
            if std::fs::metadata(target).is_ok_and(|m| m.is_file()) {
                options.append(true);
            }
        }
    }
    let mut file = options
        .open(target)
        .map_err(|e| OutputError::new(path, "cannot open", e))?;
    fill(&mut file).map_err(|e| OutputError::new(path, "write failed", e))?;
    file.flush()
        .map_err(|e| OutputError::new(path, "flush failed", e))?;
    Ok(())
}

/// May this process write `target`, as the shell's `>` would check it
/// (effective user and groups)?
#[cfg(unix)]
fn may_write(target: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(target.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
    unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), libc::W_OK, libc::AT_EACCESS) == 0 }
}

#[cfg(not(unix))]
fn may_write(target: &Path) -> bool {
    std::fs::metadata(target).is_ok_and(|m| !m.permissions().readonly())
}

/// Can a rename replace this file without changing what it is: a single link,
/// owned by the user (so the new file gets the same owner)?
#[cfg(unix)]
fn replaceable(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid and getegid cannot fail and touch no memory.
    let (uid, gid) = unsafe { (libc::geteuid(), libc::getegid()) };
    meta.nlink() <= 1 && meta.uid() == uid && meta.gid() == gid
}

#[cfg(not(unix))]
fn replaceable(_meta: &std::fs::Metadata) -> bool {
    true
}

/// `.<name>.sparekrav-`: the start of every temporary file written for `name`.
fn temp_stem(name: &str) -> String {
    format!(".{name}.sparekrav-")
}

/// Removes `<stem><pid>-<random>.tmp` files in `dir` whose process is gone:
/// left by an earlier run that was killed before it could clean up. Best
/// effort; files of a live process (another run writing now) are kept.
fn remove_stale_temporaries(dir: &Path, stem: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(stem)) else {
            continue;
        };
        let Some((pid, tail)) = rest.split_once('-') else {
            continue;
        };
        if !tail.ends_with(".tmp") || tail.contains('/') {
            continue;
        }
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if pid != std::process::id() && !process_alive(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return true;
    }
    // SAFETY: signal 0 only asks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

/// Tests interrupt a write half-way: a debug build told so by
/// `SPAREKRAV_TEST_HOLD_TEMP_MS` waits that long with its temporary file
/// open. Not in release builds.
#[cfg(debug_assertions)]
fn hold_for_tests() {
    if let Some(ms) = std::env::var("SPAREKRAV_TEST_HOLD_TEMP_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms.min(60_000)));
    }
}

/// Removing the temporary file when the process is told to stop.
#[cfg(unix)]
mod signals {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;
    use std::sync::atomic::{AtomicPtr, Ordering};
    use std::sync::Once;

    /// The temporary file being written, for the signal handler (a leaked
    /// C string; null when none).
    static TEMP: AtomicPtr<libc::c_char> = AtomicPtr::new(std::ptr::null_mut());
    static INSTALL: Once = Once::new();
    const SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

    extern "C" fn on_signal(sig: libc::c_int) {
        let p = TEMP.swap(std::ptr::null_mut(), Ordering::SeqCst);
        // SAFETY: only async-signal-safe calls (unlink, signal, raise); `p`
        // is null or a path leaked by `Guard::new` and never freed while set.
        unsafe {
            if !p.is_null() {
                libc::unlink(p);
            }
            libc::signal(sig, libc::SIG_DFL);
            libc::raise(sig);
        }
    }

    fn install() {
        INSTALL.call_once(|| {
            // SAFETY: installs handlers for signals whose default is to end
            // the process; a file size limit becomes an EFBIG write error.
            unsafe {
                for sig in SIGNALS {
                    // Leave a signal ignored by whoever started us (nohup) ignored.
                    let previous = libc::signal(sig, on_signal as *const () as libc::sighandler_t);
                    if previous == libc::SIG_IGN {
                        libc::signal(sig, libc::SIG_IGN);
                    }
                }
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            }
        });
    }

    /// While alive, the signals are held (delivered when it is dropped), and
    /// their handlers are installed.
    pub struct Blocked(libc::sigset_t);

    impl Blocked {
        pub fn new() -> Blocked {
            install();
            // SAFETY: plain C calls on a local signal set; the previous mask
            // is kept and restored on drop.
            unsafe {
                let mut set: libc::sigset_t = std::mem::zeroed();
                let mut old: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut set);
                for sig in SIGNALS {
                    libc::sigaddset(&mut set, sig);
                }
                libc::pthread_sigmask(libc::SIG_BLOCK, &set, &mut old);
                Blocked(old)
            }
        }
    }

    impl Drop for Blocked {
        fn drop(&mut self) {
            // SAFETY: restores the mask saved in `new`.
            unsafe {
                libc::pthread_sigmask(libc::SIG_SETMASK, &self.0, std::ptr::null_mut());
            }
        }
    }

    /// While alive, a signal removes the temporary file `path`.
    pub struct Guard(());

    impl Guard {
        pub fn new(path: &Path) -> Guard {
            install();
            if let Ok(c) = CString::new(path.as_os_str().as_bytes()) {
                let old = TEMP.swap(c.into_raw(), Ordering::SeqCst);
                free(old);
            }
            Guard(())
        }
    }

    impl Drop for Guard {
        fn drop(&mut self) {
            free(TEMP.swap(std::ptr::null_mut(), Ordering::SeqCst));
        }
    }

    fn free(p: *mut libc::c_char) {
        if !p.is_null() {
            // SAFETY: `p` came from `CString::into_raw` and was taken out of
            // TEMP, so the handler can no longer see it.
            drop(unsafe { CString::from_raw(p) });
        }
    }
}

#[cfg(not(unix))]
mod signals {
    pub struct Blocked(());
    impl Blocked {
        pub fn new() -> Blocked {
            Blocked(())
        }
    }
    pub struct Guard(());
    impl Guard {
        pub fn new(_path: &std::path::Path) -> Guard {
            Guard(())
        }
    }
}
