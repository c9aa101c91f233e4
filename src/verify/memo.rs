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
}
