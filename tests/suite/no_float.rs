//! No amount passes through binary floating point: `f32`/`f64` appear in the
//! source only where a float is refused (the amount visitor) and at the xlsx
//! edges (spreadsheet cells are IEEE doubles by the file format: written in
//! `render/xlsx.rs`, read in `input/import/workbook.rs`, which takes a double as the
//! shortest decimal that converts back to it and refuses anything past whole
//! øre or 2^53, never rounding).

use std::path::Path;

const ALLOWED: &[&str] = &[
    "src/input/amount.rs",
    "src/render/xlsx.rs",
    // Workbook cells are doubles by the file format; converted exactly there.
    "src/input/import/workbook.rs",
];

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_float_types_on_amount_paths() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    walk(&root.join("src"), &mut files);
    assert!(files.len() > 10, "walked the source tree");
    let mut offenders = Vec::new();
    for f in files {
        let rel = f
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if ALLOWED.contains(&rel.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("f64") || code.contains("f32") {
                offenders.push(format!("{rel}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "binary floats outside the allowed edges:\n{}",
        offenders.join("\n")
    );
}

#[test]
fn the_amount_reader_only_refuses_floats() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("src/input/amount.rs")).unwrap();
    let uses: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("f64") && !l.trim_start().starts_with("//"))
        .collect();
    // visit_f64's signature and its refusal message, and the test's witness; nothing else.
    assert!(
        uses.iter()
            .all(|l| l.contains("fn visit_f64") || l.contains("0.1") || l.contains("binary")),
        "{uses:#?}"
    );
}
