//! XML parts of Office packages (`word/document.xml`, an ods `content.xml`)
//! through `quick-xml`, as a flat stream of start, end and text events with
//! entities resolved. Streaming: memory is the part plus one element, however
//! deep or long the document; malformed XML is bad input with its byte offset.

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::error::InputError;

/// One event, element names qualified as written (`w:tbl`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ev {
    Start {
        name: String,
        attrs: Vec<(String, String)>,
    },
    End {
        name: String,
    },
    Text(String),
}

impl Ev {
    /// The value of an attribute of a start event.
    pub fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Ev::Start { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Reads `text` (one part of package `file`) and calls `each` for every
/// event; an empty element gives a start and an end.
pub fn events(
    file: &str,
    part: &str,
    text: &str,
    mut each: impl FnMut(Ev) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let bad = |pos: u64, e: &dyn std::fmt::Display| {
        InputError::new(file, format!("malformed XML in {part} at byte {pos}: {e}"))
    };
    loop {
        let pos = reader.buffer_position();
        let ev = reader.read_event().map_err(|e| bad(pos, &e))?;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = e.name().as_ref().to_string();
                let mut attrs = Vec::new();
                for a in e.attributes() {
                    let a = a.map_err(|err| bad(pos, &err))?;
                    let key = a.key.as_ref().to_string();
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|err| bad(pos, &err))?
                        .into_owned();
                    attrs.push((key, value));
                }
                let empty = matches!(ev, Event::Empty(_));
                each(Ev::Start {
                    name: name.clone(),
                    attrs,
                })?;
                if empty {
                    each(Ev::End { name })?;
                }
            }
            Event::End(e) => each(Ev::End {
                name: e.name().as_ref().to_string(),
            })?,
            Event::Text(t) => each(Ev::Text(t.xml10_content().into_owned()))?,
            Event::CData(t) => each(Ev::Text(t.into_inner().into_owned()))?,
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref().map_err(|e| bad(pos, &e))? {
                    Some(c) => c,
                    None => match &*r {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "quot" => '"',
                        "apos" => '\'',
                        other => {
                            return Err(bad(pos, &format!("unknown entity &{other};")));
                        }
                    },
                };
                each(Ev::Text(c.to_string()))?;
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// The part's bytes as text; a part that is not UTF-8 is bad input.
pub fn utf8<'b>(file: &str, part: &str, bytes: &'b [u8]) -> Result<&'b str, InputError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        InputError::new(
            file,
            format!(
                "{part} is not UTF-8 (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Result<Vec<Ev>, InputError> {
        let mut v = Vec::new();
        events("f", "p.xml", text, |e| {
            v.push(e);
            Ok(())
        })?;
        Ok(v)
    }

    #[test]
    fn entities_and_empty_elements() {
        let v = all(r#"<a x="1 &amp; 2"><b/>&lt;&#65;</a>"#).unwrap();
        assert_eq!(v[0].attr("x"), Some("1 & 2"));
        assert_eq!(
            v[1],
            Ev::Start {
                name: "b".into(),
                attrs: vec![]
            }
        );
        assert_eq!(v[2], Ev::End { name: "b".into() });
        assert_eq!(v[3], Ev::Text("<".into()));
        assert_eq!(v[4], Ev::Text("A".into()));
    }

    #[test]
    fn malformed_xml_is_bad_input() {
        let e = all("<a><b></a>").err().unwrap();
        assert!(e.message.contains("malformed XML in p.xml"), "{e:?}");
    }
}
