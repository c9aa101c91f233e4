use sparekrav::verify::{relations, scan, Options};
#[test]
fn scratch() {
    let doc = std::fs::read_to_string("target/bench-verify.txt").unwrap();
    let t = std::time::Instant::now();
    let mut n = 0;
    scan::scan_text(&doc, |t| n += t.rows.len());
    eprintln!("scan {:?} rows {n}", t.elapsed());
    let t = std::time::Instant::now();
    let mut m = 0;
    scan::scan_text(&doc, |t| {
        m += relations::find(&t, &Options::default()).len()
    });
    eprintln!("scan+find {:?} rels {m}", t.elapsed());
    let t = std::time::Instant::now();
    let mut k = 0;
    scan::scan_text(&doc, |t| {
        for f in relations::find(&t, &Options::default()) {
            if let Ok(r) = f.what {
                k += r.judge().1.len();
            }
        }
    });
    eprintln!("scan+find+judge {:?} {k}", t.elapsed());
    let t = std::time::Instant::now();
    let mut k = 0;
    sparekrav::verify::verify_document(
        "x",
        &doc,
        sparekrav::verify::DocumentKind::Text,
        &Options::default(),
        |t| k += t.checks.len(),
    )
    .unwrap();
    eprintln!("verify_document {:?} {k}", t.elapsed());
}
