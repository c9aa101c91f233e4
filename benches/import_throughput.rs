//! Benchmark: `sparekrav import` on a generated extract of 1 000 000 lines
//! (windows-1252, `;`, Danish numbers with thousands separators and trailing
//! minus), aggregated exactly by konto × center × year.
//!
//! Run: `cargo bench --bench import_throughput` (`-- --generate-only` just
//! writes the files to `target/import-bench/`, for
//! `benches/compare_import.py`, which runs DuckDB and pandas on the same CSV).
//! Reports lines/s and MB/s in-process (the library, best and median of 5),
//! as a whole process, and peak RSS via `/usr/bin/time -f %M` for 100 000 and
//! 1 000 000 lines (memory must not grow with lines) and for few and many
//! groups (memory per group).
// A harness's own report on its terminal: printing macros are fine here.
#![allow(clippy::disallowed_macros)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const FUNKTIONER: [&str; 9] = [
    "6.45.53", "5.68.90", "5.68.91", "5.57.73", "5.57.78", "5.58.81", "5.58.82", "3.22.01",
    "0.25.10",
];
const ARTER: [&str; 6] = ["1.0", "2.2", "4.0", "5.2", "7.1", "8.6"];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// A Danish amount from øre: `-1.234.567,89`, or with a trailing minus.
fn danish(ore: i64, trailing: bool, out: &mut String) {
    let a = ore.unsigned_abs();
    let digits = (a / 100).to_string();
    if ore < 0 && !trailing {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    let _ = write!(out, ",{:02}", a % 100);
    if ore < 0 && trailing {
        out.push('-');
    }
}

/// The benchmark extract: 200 cost centres in 9 centers, 9 functions, 4 years.
fn generate(path: &Path, lines: usize) {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut s = String::with_capacity(lines * 64);
    s.push_str("Budgetudtræk (genereret til benchmark)\r\n");
    s.push_str("Funktion;Dranst;Art;Omkostningssted;Omkostningssted navn;År;Beløb\r\n");
    for _ in 0..lines {
        let f = FUNKTIONER[(rng.next() % 9) as usize];
        let dranst = if f.starts_with("5.57") && rng.next() % 3 == 0 {
            2
        } else {
            1
        };
        let art = ARTER[(rng.next() % 6) as usize];
        let centre = 41 + rng.next() % 9;
        let sted = centre * 1000 + (rng.next() % 22) * 10;
        let navn = [
            "Jobcenter Øst",
            "Jobcenter Vest",
            "Ydelseskontoret",
            "Virksomhedsservice",
        ][(rng.next() % 4) as usize];
        let year = 2026 + rng.next() % 4;
        let ore = (rng.next() % 2_000_000_000) as i64 - 1_000_000_000;
        let _ = write!(s, "{f};{dranst};{art};{sted};{navn};{year};");
        danish(ore, rng.next() % 2 == 0, &mut s);
        s.push_str("\r\n");
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&s);
    assert!(!unmappable);
    std::fs::write(path, bytes).expect("write the extract");
}

const MAPPING: &str = "kolonner: {funktion: Funktion, dranst: Dranst, art: Art, sted: Omkostningssted, år: År, beløb: Beløb}
regler:
  - {funktion: \"6.45.53\", konto: service}
  - {funktion: \"5.68.9*\", konto: indsats}
  - {funktion: \"5.57.*\", dranst: \"2\", udelad: statsrefusion}
  - {funktion: \"5.57.*\", konto: overførsler}
  - {funktion: \"5.58.*\", konto: overførsler}
centre:
  - {sted: \"41*\", center: Center 41}
  - {sted: \"42*\", center: Center 42}
  - {sted: \"43*\", center: Center 43}
  - {sted: \"44*\", center: Center 44}
  - {sted: \"45*\", center: Center 45}
  - {sted: \"46*\", center: Center 46}
  - {sted: \"47*\", center: Center 47}
  - {sted: \"48*\", center: Center 48}
";

/// Many groups: every cost centre its own center, every function its own konto.
fn many_groups_mapping() -> String {
    let mut m = String::from(
        "kolonner: {funktion: Funktion, dranst: Dranst, art: Art, sted: Omkostningssted, år: År, beløb: Beløb}\nregler:\n",
    );
    for (i, f) in FUNKTIONER.iter().enumerate() {
        let _ = writeln!(m, "  - {{funktion: \"{f}\", konto: k{i}}}");
    }
    m.push_str("centre:\n");
    for c in 41..50 {
        for k in 0..22 {
            let sted = c * 1000 + k * 10;
            let _ = writeln!(m, "  - {{sted: \"{sted}\", center: S{sted}}}");
        }
    }
    m
}

/// One group: every line to one konto, no centres, one year listed.
const ONE_GROUP: &str = "kolonner: {funktion: Funktion, dranst: Dranst, art: Art, sted: Omkostningssted, år: År, beløb: Beløb}
år: [2026]
regler:
  - {funktion: \"*\", konto: alt}
";

fn dir() -> PathBuf {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/import-bench");
    std::fs::create_dir_all(&d).expect("bench dir");
    d
}

fn ensure(path: &Path, lines: usize) {
    if !path.exists() {
        let t = Instant::now();
        generate(path, lines);
        eprintln!(
            "generated {} ({lines} lines) in {:.1} s",
            path.display(),
            t.elapsed().as_secs_f64()
        );
    }
}

fn peak_kib(args: &[&str]) -> Option<u64> {
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(env!("CARGO_BIN_EXE_sparekrav"))
        .args(args)
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

fn main() {
    // `cargo test --benches` runs it once as a smoke test: do nothing.
    if std::env::args().any(|a| a == "--test" || a == "--list") {
        return;
    }
    let d = dir();
    let big = d.join("udtraek-1m.csv");
    let small = d.join("udtraek-100k.csv");
    let map = d.join("map.yaml");
    let many = d.join("map-many-groups.yaml");
    let one = d.join("map-one-group.yaml");
    std::fs::write(&map, MAPPING).expect("mapping");
    std::fs::write(&many, many_groups_mapping()).expect("mapping");
    std::fs::write(&one, ONE_GROUP).expect("mapping");
    ensure(&big, 1_000_000);
    ensure(&small, 100_000);
    if std::env::args().any(|a| a == "--generate-only") {
        return;
    }
    let bytes = std::fs::metadata(&big).map(|m| m.len()).unwrap_or(0);

    // In-process: the library alone.
    let mapping =
        sparekrav::input::import::mapping::read_mapping_file(&map).expect("mapping reads");
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let t = Instant::now();
        let agg =
            sparekrav::input::import::import_files(&[&big], &mapping, Vec::new(), &mut |_, _| {})
                .expect("import");
        times.push(t.elapsed().as_secs_f64());
        last = Some(agg);
    }
    times.sort_by(f64::total_cmp);
    let agg = last.expect("ran");
    assert!(agg.reconciles() && agg.lines_failed == 0);
    let lines = agg.lines_read as f64;
    println!(
        "import (library), {} lines, {:.1} MB, {} groups: best {:.3} s, median {:.3} s = {:.2} M lines/s, {:.0} MB/s",
        agg.lines_read,
        bytes as f64 / 1e6,
        agg.groups.len(),
        times[0],
        times[2],
        lines / times[2] / 1e6,
        bytes as f64 / times[2] / 1e6
    );

    // As a whole process, JSON to /dev/null.
    let run = |file: &Path, m: &Path| {
        let t = Instant::now();
        let ok = Command::new(env!("CARGO_BIN_EXE_sparekrav"))
            .args([
                "import",
                &file.to_string_lossy(),
                "--map",
                &m.to_string_lossy(),
                "-f",
                "json",
            ])
            .stdout(Stdio::null())
            .status()
            .expect("run")
            .success();
        assert!(ok);
        t.elapsed().as_secs_f64()
    };
    let mut p: Vec<f64> = (0..3).map(|_| run(&big, &map)).collect();
    p.sort_by(f64::total_cmp);
    println!(
        "sparekrav import (process), 1 000 000 lines: best {:.3} s = {:.2} M lines/s",
        p[0],
        lines / p[0] / 1e6
    );

    let rss = |file: &Path, m: &Path| {
        peak_kib(&[
            "import",
            &file.to_string_lossy(),
            "--map",
            &m.to_string_lossy(),
            "-f",
            "json",
        ])
    };
    let show = |k: Option<u64>| {
        k.map_or("n/a".to_string(), |k| {
            format!("{:.1} MiB", k as f64 / 1024.0)
        })
    };
    println!(
        "peak RSS: 100 000 lines {}, 1 000 000 lines {} (same mapping, {} groups)",
        show(rss(&small, &map)),
        show(rss(&big, &map)),
        agg.groups.len()
    );
    let many_map = sparekrav::input::import::mapping::read_mapping_file(&many).expect("mapping");
    let many_agg =
        sparekrav::input::import::import_files(&[&big], &many_map, Vec::new(), &mut |_, _| {})
            .expect("import");
    let one_map = sparekrav::input::import::mapping::read_mapping_file(&one).expect("mapping");
    let one_agg =
        sparekrav::input::import::import_files(&[&big], &one_map, Vec::new(), &mut |_, _| {})
            .expect("import");
    let (a, b) = (rss(&big, &one), rss(&big, &many));
    let per_group = match (a, b) {
        (Some(a), Some(b)) => format!(
            "{:.0} bytes per group",
            (b.saturating_sub(a) * 1024) as f64
                / (many_agg.groups.len() - one_agg.groups.len()) as f64
        ),
        _ => "n/a".to_string(),
    };
    println!(
        "peak RSS: {} group{} {}, {} groups {} => {per_group} (incl. the table printed)",
        one_agg.groups.len(),
        if one_agg.groups.len() == 1 { "" } else { "s" },
        show(a),
        many_agg.groups.len(),
        show(b)
    );
}
