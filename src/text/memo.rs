//! What was worked out from a text, kept per thread for the next document that holds the same
//! text: a batch writes the same paragraphs into every document, and normalising, wrapping and
//! the checker's word-level rules would read each of them again otherwise.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};

/// The text one memo keeps on one thread before it starts again. A five-page report's texts
/// are about 50 kB, so the ones every document repeats stay for some 80 documents between
/// restarts (refilling costs one document's work); the five memos on each of a batch's
/// threads then hold tens of megabytes, not the hundred a 10,000-row batch reached with caps
/// of 8–16 MB (measured: 151 MB whole process, against the 150 MB budget).
pub const MAX_BYTES: usize = 4 << 20;

/// Values kept by a hash of their text and of what else they depend on (`K`: the normaliser,
/// a font and a width …); the entry keeps both to tell a collision from a hit, so a lookup
/// hashes the text once and copies nothing. Texts shorter than `min_bytes` are worked out
/// again (hashing and copying them costs about as much); past `max_bytes` of texts the memo
/// forgets everything and starts again, so that no input grows it without bound.
pub struct TextMemo<K, V> {
    map: HashMap<u64, (K, String, V)>,
    bytes: usize,
    min_bytes: usize,
    max_bytes: usize,
}

impl<K: Hash + Eq + Copy, V: Clone> TextMemo<K, V> {
    pub fn new(min_bytes: usize, max_bytes: usize) -> Self {
        Self {
            map: HashMap::new(),
            bytes: 0,
            min_bytes,
            max_bytes,
        }
    }

    /// Forgets every text.
    pub fn clear(&mut self) {
        self.map.clear();
        self.bytes = 0;
    }

    fn hash(key: K, text: &str) -> u64 {
        foldhash::fast::FixedState::with_seed(0).hash_one((key, text))
    }

    /// The value kept for `text` under `key`, if any.
    pub fn get(&self, key: K, text: &str) -> Option<V> {
        if text.len() < self.min_bytes {
            return None;
        }
        self.map
            .get(&Self::hash(key, text))
            .filter(|(k, t, _)| *k == key && t == text)
            .map(|e| e.2.clone())
    }

    /// Keeps `value` for `text` under `key` (a text too short to keep is not).
    pub fn insert(&mut self, key: K, text: &str, value: V) {
        if text.len() < self.min_bytes {
            return;
        }
        if self.bytes > self.max_bytes {
            self.clear();
        }
        self.bytes += text.len();
        self.map
            .insert(Self::hash(key, text), (key, text.to_string(), value));
    }

    /// The value for `text` under `key`, made by `make` when it was not kept. `make` must not
    /// use this memo (the caller holds it): a maker that may, looks up with [`Self::get`] and
    /// keeps with [`Self::insert`].
    pub fn get_or(&mut self, key: K, text: &str, make: impl FnOnce(&str) -> V) -> V {
        if let Some(v) = self.get(key, text) {
            return v;
        }
        let v = make(text);
        self.insert(key, text, v.clone());
        v
    }
}

#[cfg(test)]
mod tests {
    use super::TextMemo;

    #[test]
    fn a_text_seen_before_gives_its_value_without_making_it_again() {
        let mut m = TextMemo::new(48, 1 << 20);
        let long = "Ủy ban nhân dân tỉnh đề nghị các sở, ban, ngành thực hiện.";
        let mut made = 0;
        for _ in 0..3 {
            let v = m.get_or((), long, |t| {
                made += 1;
                t.len()
            });
            assert_eq!(v, long.len());
        }
        assert_eq!(made, 1);
        // Short texts are made each time; a full memo starts again and still answers.
        let mut small = TextMemo::new(48, 10);
        assert_eq!(small.get_or((), "ngắn", str::len), "ngắn".len());
        assert_eq!(small.get((), "ngắn"), None);
        assert_eq!(small.get_or((), long, str::len), long.len());
        assert_eq!(small.get_or((), &long.repeat(2), str::len), 2 * long.len());
        assert_eq!(small.get_or((), long, str::len), long.len());
    }

    #[test]
    fn the_same_text_under_another_key_is_another_entry() {
        let mut m = TextMemo::new(0, 1 << 20);
        let t = "Căn cứ Luật Tổ chức chính quyền địa phương";
        m.insert(1u32, t, "một");
        m.insert(2u32, t, "hai");
        assert_eq!(m.get(1, t), Some("một"));
        assert_eq!(m.get(2, t), Some("hai"));
        assert_eq!(m.get(3, t), None);
    }
}
