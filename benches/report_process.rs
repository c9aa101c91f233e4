//! Benchmark: `sparekrav report` on the reference scenario as a whole process,
//! against `sparekrav --version` (the cost of starting the process at all).
//!
//! Run: `cargo bench --bench report_process`
//! Peak memory is read with `/usr/bin/time -f %M` when that program exists.
// A harness's own report on its terminal: printing macros are fine here.
#![allow(clippy::disallowed_macros)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 300;

fn time_runs(args: &[&str]) -> Vec<Duration> {
    let exe = env!("CARGO_BIN_EXE_sparekrav");
    let root = env!("CARGO_MANIFEST_DIR");
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let status = Command::new(exe)
            .args(args)
            .current_dir(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run sparekrav");
        times.push(start.elapsed());
        assert!(status.success(), "sparekrav {args:?} failed");
    }
    times.sort();
    times
}

fn peak_kib(args: &[&str]) -> Option<u64> {
    let exe = env!("CARGO_BIN_EXE_sparekrav");
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(exe)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

fn report(name: &str, args: &[&str]) {
    let t = time_runs(args);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = t.iter().map(|d| ms(*d)).sum::<f64>() / t.len() as f64;
    let peak = peak_kib(args).map_or("n/a".to_string(), |k| {
        format!("{:.1} MiB", k as f64 / 1024.0)
    });
    println!(
        "{name:<28} runs {RUNS}  median {:.2} ms  mean {mean:.2} ms  p95 {:.2} ms  min {:.2} ms  peak RSS {peak}",
        ms(t[t.len() / 2]),
        ms(t[t.len() * 95 / 100]),
        ms(t[0]),
    );
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` runs it once as a smoke test.
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    report("sparekrav --version", &["--version"]);
    report(
        "sparekrav report (reference)",
        &["report", "scenarios/randers-2025-12-02.yaml"],
    );
    report(
        "sparekrav check (reference)",
        &["check", "scenarios/randers-2025-12-02.yaml"],
    );
    report(
        "sparekrav diff (follow-ups)",
        &[
            "diff",
            "scenarios/randers-opfoelgning-2025-05-31.yaml",
            "scenarios/randers-opfoelgning-2025-09-30.yaml",
        ],
    );
    report(
        "sparekrav report --side-by-side",
        &[
            "report",
            "--side-by-side",
            "scenarios/randers-opfoelgning-2025-05-31.yaml",
            "scenarios/randers-opfoelgning-2025-09-30.yaml",
        ],
    );
}
