//! The layers of `src/lib.rs` as a rule: nothing below the command line
//! imports it, and no two top-level modules import each other, directly or
//! round a loop (in the spirit of `no_float.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The top-level modules, as `src/lib.rs` declares them.
fn modules() -> Vec<String> {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    lib.lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect()
}

/// The code of a file: comments and test modules left out (a test may use
/// anything).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Top-level modules named after `crate::` in `code`, including in
/// `crate::{a::x, b}` lists.
fn crate_refs(code: &str, modules: &[String]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let names: Vec<String> = if let Some(list) = rest.strip_prefix('{') {
            // Top-level names of the list, up to its closing brace.
            let (mut depth, mut names, mut cur, mut at_start) =
                (0, Vec::new(), String::new(), true);
            for c in list.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.push(std::mem::take(&mut cur));
                        at_start = true;
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 && at_start {
                    if c.is_alphanumeric() || c == '_' {
                        cur.push(c);
                    } else if !cur.is_empty() {
                        at_start = false;
                    }
                }
            }
            names.push(cur);
            names
        } else {
            vec![rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()]
        };
        out.extend(names.into_iter().filter(|n| modules.contains(n)));
    }
    out
}

/// Which top-level module a source file belongs to (`src/verify/judge.rs` ->
/// `verify`); `None` for `lib.rs` and `main.rs`.
fn module_of(rel: &str) -> Option<String> {
    let rest = rel.strip_prefix("src/")?;
    let first = rest.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib" && name != "main").then(|| name.to_string())
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    assert!(modules.len() > 10, "read the layers of src/lib.rs");
    let mut files = Vec::new();
    walk(&root().join("src"), &mut files);
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let rel = f
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let Some(m) = module_of(&rel) else { continue };
        let mut code = code(&f);
        // In `src/x.rs` and `src/x/mod.rs`, `super::` is the crate root.
        if rel.matches('/').count() == 1
            || rel.ends_with("/mod.rs") && rel.matches('/').count() == 2
        {
            code = code.replace("super::", "crate::");
        }
        let mut refs = crate_refs(&code, &modules);
        refs.remove(&m);
        g.entry(m).or_default().extend(refs);
    }
    g
}

#[test]
fn nothing_below_the_command_line_imports_it() {
    let importers: Vec<String> = graph()
        .into_iter()
        .filter(|(m, refs)| m != "cli" && refs.contains("cli"))
        .map(|(m, _)| m)
        .collect();
    assert!(importers.is_empty(), "import `crate::cli`: {importers:?}");
}

#[test]
fn the_layers_import_each_other_without_a_cycle() {
    let g = graph();
    // Depth-first search; a module met again while on the path closes a cycle.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let mut cycle = path[at..].to_vec();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for next in g.get(m).into_iter().flatten() {
            if let Some(c) = visit(next, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        let cycle = visit(m, &g, &mut Vec::new(), &mut done);
        assert_eq!(
            cycle,
            None,
            "an import cycle: {}",
            cycle.clone().unwrap_or_default().join(" -> ")
        );
    }
}

#[test]
fn the_reference_reader_sees_lists_and_paths() {
    let modules: Vec<String> = ["cli", "error", "money"].map(String::from).to_vec();
    let refs = crate_refs(
        "use crate::{error::{InputError, X}, money::Decimal};\nlet e = crate::cli::CliError::x;",
        &modules,
    );
    assert_eq!(refs, modules.iter().cloned().collect());
}
