//! Benchmark: `sparekrav verify` on a generated document of about 50 MB
//! (running text with tens of thousands of tables), as a whole process.
//!
//! Run: `cargo bench --bench verify_throughput` (set `SPAREKRAV_BENCH_MB` for
//! another size). Reports MB/s for the default output, `--quiet` and
//! `--format json`, and peak RSS via `/usr/bin/time -f %M` when present.
// A harness's own report on its terminal: printing macros are fine here.
#![allow(clippy::disallowed_macros)]

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const PARAGRAPH: &str = "Beskæftigelsesreformen medfører besparelser på konto 6 (service) og konto 5 \
    (indsats og overførsler). Tabellen nedenfor viser fordelingen af de realiserede besparelser mellem \
    centre og kategorier, opgjort i mio. kr., og forvaltningen vurderer løbende, om udviklingen følger \
    de forventninger, der blev lagt til grund i budgettet for 2026-2029 og de kommende overslagsår.\n";

/// Writes a document of about `mb` megabytes; returns the number of tables.
fn generate(path: &Path, mb: usize) -> usize {
    let target = mb * 1_000_000;
    let mut doc = String::with_capacity(target + 4096);
    let mut tables = 0usize;
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    while doc.len() < target {
        for _ in 0..3 {
            doc.push_str(PARAGRAPH);
        }
        doc.push('\n');
        // Tenths of a mio. kr.: exact sums, printed with one decimal.
        let rows = 2 + (next() % 5) as usize;
        let parts: Vec<i64> = (0..rows).map(|_| -((next() % 9000) as i64 + 1)).collect();
        let total: i64 = parts.iter().sum();
        let tenths = |v: i64| {
            format!(
                "{}{},{}",
                if v < 0 { "-" } else { "" },
                (v.abs() / 10),
                v.abs() % 10
            )
        };
        doc.push_str("Mio. kr.\tRealiserede besparelser 2026\t2027\tAndel\n");
        doc.push_str("Konto 6 (service)\t\t\t\n");
        for (i, p) in parts.iter().enumerate() {
            let share = (*p as i128 * 1000 * 2 + total as i128) / (total as i128 * 2); // tenths of a percent, rounded
            let _ = writeln!(
                doc,
                "Center {i}\t{}\t{}\t{},{}%",
                tenths(*p),
                tenths(*p * 2),
                share / 10,
                share % 10
            );
        }
        let _ = writeln!(
            doc,
            "I alt konto 6\t{}\t{}\t100,0%",
            tenths(total),
            tenths(total * 2)
        );
        doc.push('\n');
        tables += 1;
    }
    std::fs::write(path, doc).expect("write the document");
    tables
}

fn run(exe: &str, args: &[&str]) -> f64 {
    let start = Instant::now();
    let status = Command::new(exe)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run");
    assert!(status.code() == Some(0), "verify {args:?} failed: {status}");
    start.elapsed().as_secs_f64()
}

fn peak_mib(exe: &str, args: &[&str]) -> Option<f64> {
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(exe)
        .args(args)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    let kib: f64 = String::from_utf8_lossy(&out.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

fn main() {
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let exe = env!("CARGO_BIN_EXE_sparekrav");
    let mb: usize = std::env::var("SPAREKRAV_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    let path = dir.join("bench-verify.txt");
    let tables = generate(&path, mb);
    let size = std::fs::metadata(&path).expect("size").len() as f64;
    let p = path.to_str().expect("utf-8 path");
    println!("document: {:.1} MB, {tables} tables ({})", size / 1e6, p);
    for (name, args) in [
        ("verify (every relation listed)", vec!["verify", p]),
        ("verify --quiet", vec!["verify", "--quiet", p]),
        (
            "verify --format json",
            vec!["verify", "--format", "json", p],
        ),
    ] {
        run(exe, &args); // warm the page cache
        let best = (0..3)
            .map(|_| run(exe, &args))
            .fold(f64::INFINITY, f64::min);
        let peak = peak_mib(exe, &args).map_or("n/a".to_string(), |m| format!("{m:.0} MiB"));
        println!(
            "{name:<32} best of 3: {best:.3} s  {:.0} MB/s  peak RSS {peak}",
            size / 1e6 / best
        );
    }
}
