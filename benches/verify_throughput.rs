//! Benchmark: `sparekrav verify` on two generated documents of about 50 MB
//! each, as a whole process: a prose-heavy one (three paragraphs of running
//! text before each small table, a table every 1,4 kB) and a table-dense one
//! (one short sentence before each small table, a table every 400 bytes).
//!
//! Run: `cargo bench --bench verify_throughput` (set `SPAREKRAV_BENCH_MB` for
//! another size; `-- --generate-only` just writes the two documents to
//! `target/bench-verify.txt` and `target/bench-verify-dense.txt`). Reports
//! MB/s for the default output, `--quiet` and `--format json`, and peak RSS
//! via `/usr/bin/time -f %M` when present.
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

/// A short sentence before each table of the table-dense document.
const SHORT: &str =
    "Tabellen viser de realiserede besparelser pr. center på konto 6 i 2026 og 2027, \
    opgjort i mio. kr., med hvert centers andel af den samlede besparelse.\n";

/// Writes a document of about `mb` megabytes, `paragraphs` paragraphs of
/// running text before each table (none: one short sentence); returns the
/// number of tables.
fn generate(path: &Path, mb: usize, paragraphs: usize) -> usize {
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
        for _ in 0..paragraphs {
            doc.push_str(PARAGRAPH);
        }
        if paragraphs == 0 {
            doc.push_str(SHORT);
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
    let documents = [
        ("prose-heavy", dir.join("bench-verify.txt"), 3),
        ("table-dense", dir.join("bench-verify-dense.txt"), 0),
    ];
    let mut generated = Vec::new();
    for (kind, path, paragraphs) in &documents {
        let tables = generate(path, mb, *paragraphs);
        let size = std::fs::metadata(path).expect("size").len() as f64;
        println!(
            "{kind} document: {:.1} MB, {tables} tables, a table every {:.0} bytes ({})",
            size / 1e6,
            size / tables as f64,
            path.display()
        );
        generated.push((*kind, path.to_str().expect("utf-8 path").to_string(), size));
    }
    if std::env::args().any(|a| a == "--generate-only") {
        return;
    }
    for (kind, p, size) in &generated {
        let p = p.as_str();
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
                "{kind}: {name:<32} best of 3: {best:.3} s  {:.0} MB/s  peak RSS {peak}",
                size / 1e6 / best
            );
        }
    }
}
