//! Finds where a key path (`besparelseskrav.service.2026`, `sigtelinjer[0].år`)
//! stands in a YAML file, so that errors found after reading (an undefined
//! center, a year outside the scenario, a breakdown that does not reconcile)
//! can name a line and column. serde_yaml does not keep positions, so this walks
//! the file's events once more with yaml-rust2's parser. It also finds
//! duplicate keys, with the position of the second one.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};

/// 1-based line and column.
pub type Position = (usize, usize);

/// Key paths of a YAML document and where they are.
#[derive(Debug, Default)]
pub struct Locator {
    positions: HashMap<String, Position>,
    /// Duplicate keys: path of the key and the position of its repetition.
    pub duplicates: Vec<(String, Position)>,
    /// Where the nesting first went deeper than [`MAX_DEPTH`], if it did.
    pub too_deep_at: Option<Position>,
}

/// How deep a scenario may nest. A real one nests about six levels
/// (`realiserede_besparelser.service.fordelinger.center.Nord.2026`); the limit
/// keeps libyaml, which is quadratic in the nesting depth, from being handed
/// ten thousand levels.
pub const MAX_DEPTH: usize = 64;
/// How many events the walk reads at most.
const MAX_EVENTS: usize = 2_000_000;

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        seen: HashMap<String, ()>,
    },
    Seq {
        path: String,
        index: usize,
    },
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Locator {
    /// Builds the index. A file the parser cannot read gives an empty (or
    /// partial) index; reading errors are reported by the reader itself.
    pub fn new(source: &str) -> Locator {
        let mut loc = Locator::default();
        let mut parser = Parser::new_from_str(source);
        let mut stack: Vec<Frame> = Vec::new();
        for _ in 0..MAX_EVENTS {
            let (event, marker) = match parser.next_token() {
                Ok(e) => e,
                Err(e) => {
                    // yaml-rust2 refuses flow nesting past 255 levels, and may
                    // do so before handing out the first event of the nest.
                    if e.info().contains("recursion limit") {
                        loc.too_deep_at = Some((e.marker().line(), e.marker().col() + 1));
                    }
                    break;
                }
            };
            let pos = (marker.line(), marker.col() + 1);
            // The path of the node this event starts, and whether it is a key.
            let (node_path, is_key) = match stack.last_mut() {
                Some(Frame::Map { path, key, .. }) => match key.take() {
                    None => (String::new(), true),
                    Some(k) => (child(path, &k), false),
                },
                Some(Frame::Seq { path, index }) => {
                    let p = format!("{path}[{index}]");
                    *index += 1;
                    (p, false)
                }
                None => (String::new(), false),
            };
            match event {
                Event::StreamEnd => break,
                Event::Scalar(value, ..) if is_key => {
                    if let Some(Frame::Map { path, key, seen }) = stack.last_mut() {
                        let p = child(path, &value);
                        if seen.insert(value.clone(), ()).is_some() {
                            loc.duplicates.push((p.clone(), pos));
                        } else {
                            loc.positions.entry(p).or_insert(pos);
                        }
                        *key = Some(value);
                    }
                }
                Event::Scalar(..) | Event::Alias(_) => {
                    if !is_key {
                        loc.positions.entry(node_path).or_insert(pos);
                    } else if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                        // A complex key: give it a name nobody writes.
                        *key = Some("<key>".to_string());
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    if stack.len() >= MAX_DEPTH {
                        loc.too_deep_at = Some(pos);
                        break;
                    }
                    if !is_key {
                        loc.positions.entry(node_path.clone()).or_insert(pos);
                    }
                    let path = if is_key {
                        "<key>".to_string()
                    } else {
                        node_path
                    };
                    stack.push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Map {
                            path,
                            key: None,
                            seen: HashMap::new(),
                        }
                    } else {
                        Frame::Seq { path, index: 0 }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    let ended = stack.pop();
                    // A collection used as a key: the mapping above now expects its value.
                    if let (Some(Frame::Map { path, .. }), Some(Frame::Map { key, .. })) =
                        (&ended, stack.last_mut())
                    {
                        if path == "<key>" && key.is_none() {
                            *key = Some("<key>".to_string());
                        }
                    }
                }
                _ => {}
            }
        }
        loc
    }

    /// Where the key (or, for list items, the value) of `path` stands.
    /// Falls back to the nearest enclosing path that is known.
    pub fn locate(&self, path: &str) -> Option<Position> {
        let mut p = path;
        loop {
            if let Some(pos) = self.positions.get(p) {
                return Some(*pos);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "titel: x\nbesparelseskrav:\n  service:\n    2026: 6.1\n    2027: 15.9\nsigtelinjer:\n  - konto: indsats\n    år: 2026\n";

    #[test]
    fn finds_keys_and_list_items() {
        let loc = Locator::new(SRC);
        assert_eq!(loc.locate("titel"), Some((1, 1)));
        assert_eq!(loc.locate("besparelseskrav.service"), Some((3, 3)));
        assert_eq!(loc.locate("besparelseskrav.service.2027"), Some((5, 5)));
        // yaml-rust2 marks a block mapping inside a list where its first value is.
        assert_eq!(loc.locate("sigtelinjer[0]"), Some((7, 10)));
        assert_eq!(loc.locate("sigtelinjer[0].år"), Some((8, 5)));
        // falls back to the nearest known parent
        assert_eq!(loc.locate("besparelseskrav.service.2031"), Some((3, 3)));
        assert_eq!(loc.locate("nothing"), None);
    }

    #[test]
    fn finds_duplicates_at_their_repetition() {
        let loc = Locator::new("a:\n  2026: 1\n  2026: 2\n");
        assert_eq!(loc.duplicates, vec![("a.2026".to_string(), (3, 3))]);
    }
}
