//! What was worked out from a text, kept per thread for the next document that holds the same
//! text: a batch writes the same paragraphs into every document, and the checker's word-level
//! rules read each of them again otherwise.

use std::collections::HashMap;
use std::hash::BuildHasher;

/// Texts shorter than this are worked out again: hashing and copying them costs about as much.
const MIN_BYTES: usize = 48;

/// Values kept by a hash of their text; the entry keeps the text to tell a collision from a
/// hit. Bounded: past `max_bytes` of texts it forgets everything and starts again.
pub struct TextMemo<V> {
    map: HashMap<u64, (String, V)>,
    bytes: usize,
    max_bytes: usize,
}

impl<V: Clone> TextMemo<V> {
    pub fn new(max_bytes: usize) -> Self {
        Self {
            map: HashMap::new(),
            bytes: 0,
            max_bytes,
        }
    }

    /// Forgets every text.
    pub fn clear(&mut self) {
        self.map.clear();
        self.bytes = 0;
    }

    /// The value for `text`, made by `make` when the text was not seen.
    pub fn get_or(&mut self, text: &str, make: impl FnOnce(&str) -> V) -> V {
        if text.len() < MIN_BYTES {
            return make(text);
        }
        let h = foldhash::fast::FixedState::with_seed(0).hash_one(text);
        if let Some((t, v)) = self.map.get(&h)
            && t == text
        {
            return v.clone();
        }
        let v = make(text);
        if self.bytes > self.max_bytes {
            self.map.clear();
            self.bytes = 0;
        }
        self.bytes += text.len();
        self.map.insert(h, (text.to_string(), v.clone()));
        v
    }
}

#[cfg(test)]
mod tests {
    use super::TextMemo;

    #[test]
    fn a_text_seen_before_gives_its_value_without_making_it_again() {
        let mut m = TextMemo::new(1 << 20);
        let long = "Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành thực hiện.";
        let mut made = 0;
        for _ in 0..3 {
            let v = m.get_or(long, |t| {
                made += 1;
                t.len()
            });
            assert_eq!(v, long.len());
        }
        assert_eq!(made, 1);
        // Short texts are made each time; a full memo starts again and still answers.
        let mut small = TextMemo::new(10);
        assert_eq!(small.get_or("ngắn", str::len), "ngắn".len());
        assert_eq!(small.get_or(long, str::len), long.len());
        assert_eq!(small.get_or(&long.repeat(2), str::len), 2 * long.len());
        assert_eq!(small.get_or(long, str::len), long.len());
    }
}
