//! A bounded memo for a pure function of a text: a document repeats its row
//! labels, headers and unit words table after table, and verify asks the
//! same word tests of them in every table. Each memo is kept per thread
//! (`thread_local!`), holds at most its capacity of texts and forgets them
//! all when full, so memory stays bounded whatever the input. Only for
//! functions whose answer depends on the text alone: remembering changes
//! how fast, never what.

use std::cell::RefCell;
use std::collections::HashMap;

/// foldhash: a fast hash with a per-process random seed (SipHash, the
/// default, was two thirds of a look-up; the texts are short).
type Texts<V> = HashMap<String, V, foldhash::fast::RandomState>;

pub struct Memo<V> {
    seen: RefCell<Texts<V>>,
    capacity: usize,
}

impl<V: Clone> Memo<V> {
    pub fn new(capacity: usize) -> Memo<V> {
        Memo {
            seen: RefCell::new(Texts::default()),
            capacity,
        }
    }

    /// `f(text)`, remembered.
    pub fn get(&self, text: &str, f: impl FnOnce(&str) -> V) -> V {
        if let Some(v) = self.seen.borrow().get(text) {
            return v.clone();
        }
        let v = f(text);
        let mut seen = self.seen.borrow_mut();
        if seen.len() >= self.capacity {
            seen.clear();
        }
        seen.insert(text.to_string(), v.clone());
        v
    }
}

/// A quick byte look before a memo's look-up (`may_open`, `may_name_rate`,
/// …) lets a text go that has none of its words' ASCII letters in either
/// case: sound only where no character outside ASCII lowercases to one of
/// them. The first character that does, if any (asked by each quick look's
/// test).
#[cfg(test)]
pub(crate) fn non_ascii_lowercasing_to(letters: &str) -> Option<char> {
    (0..=0x10FFFFu32)
        .filter_map(char::from_u32)
        .find(|c| !c.is_ascii() && c.to_lowercase().any(|l| letters.contains(l)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_the_answer_and_stays_bounded() {
        let m = Memo::new(2);
        let calls = std::cell::Cell::new(0);
        let len = |t: &str| {
            calls.set(calls.get() + 1);
            t.len()
        };
        assert_eq!(m.get("abc", len), 3);
        assert_eq!(m.get("abc", len), 3);
        assert_eq!(calls.get(), 1);
        assert_eq!(m.get("de", len), 2);
        assert_eq!(m.get("f", len), 1);
        assert!(m.seen.borrow().len() <= 2);
        assert_eq!(m.get("abc", len), 3);
        assert_eq!(calls.get(), 4);
    }

    #[test]
    fn a_character_outside_ascii_lowercasing_to_a_letter_is_found() {
        // The Kelvin sign lowercases to `k`, the dotted capital I to `i`
        // and a combining dot.
        assert_eq!(non_ascii_lowercasing_to("k"), Some('\u{212a}'));
        assert_eq!(non_ascii_lowercasing_to("i"), Some('\u{130}'));
        assert_eq!(non_ascii_lowercasing_to("q"), None);
    }
}
