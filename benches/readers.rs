//! Benchmark: verify's readers on long agendas as they are published.
//!
//! - a 100-page PDF agenda with 50 tables (LibreOffice's export of a Word
//!   document), target under 1 s;
//! - a 50-page Word document with 25 tables, target under 0.2 s.
//!
//! Both are made by tests/data/docs/make-fixtures.py. Reports the best of
//! 5 runs of reading (text layer, lines, tables) in-process, and of the whole
//! `sparekrav verify FILE` process (read, find, judge, print) when the
//! release binary is built.
//!
//! Run: `cargo bench --bench readers`

// A harness's own report on its terminal: printing macros are fine here.
#![allow(clippy::disallowed_macros)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sparekrav::numfmt::NumberStyle;
use sparekrav::read::{self, Source};

fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed());
        out = Some(r);
    }
    (best, out.expect("at least one run"))
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/docs/bench");
    for (file, f, target) in [
        ("agenda-100.pdf", read::pdf::read as read::ReadFn, 1.0),
        ("agenda-50.docx", read::docx::read, 0.2),
    ] {
        let path = dir.join(file);
        let bytes = std::fs::read(&path).expect("bench fixture");
        let (t, doc) = best(5, || {
            f(&Source {
                name: file,
                bytes: &bytes,
                style: NumberStyle::DANISH,
            })
            .expect("readable")
        });
        println!(
            "read {file}: {} tables, {} blocks in {:.3} s (target {target} s)",
            doc.tables().count(),
            doc.blocks.len(),
            t.as_secs_f64()
        );
        let exe = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/sparekrav");
        if exe.exists() {
            let (t, ok) = best(5, || {
                Command::new(&exe)
                    .args(["verify", "--quiet"])
                    .arg(&path)
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .map(|s| s.code())
            });
            println!(
                "sparekrav verify --quiet {file}: {:.3} s (exit {:?}; target {target} s)",
                t.as_secs_f64(),
                ok.ok().flatten()
            );
        } else {
            println!(
                "(build the release binary for the whole-process figure: cargo build --release)"
            );
        }
    }
}
