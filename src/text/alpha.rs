//! The letters of điểm: the Vietnamese alphabet order a b c d đ e g h i k …, which skips f, j,
//! w, z and has đ after d (the decree's own models run a) b) c) d) đ) e) g)). Word's
//! `lowerLetter` numbering has no đ, which is why vbhc writes the letters as text.

/// The Vietnamese alphabet as used for điểm.
pub const LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The letter of the `index`-th điểm (0-based), or `None` past `y`.
pub fn letter(index: usize) -> Option<&'static str> {
    LETTERS.get(index).copied()
}

/// Position of a điểm letter in the Vietnamese order; `None` for f, j, w, z and non-letters.
pub fn index_of(letter: &str) -> Option<usize> {
    LETTERS.iter().position(|l| *l == letter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn d_is_followed_by_dj_and_f_is_skipped() {
        assert_eq!(letter(3), Some("d"));
        assert_eq!(letter(4), Some("đ"));
        assert_eq!(letter(5), Some("e"));
        assert_eq!(letter(6), Some("g"));
        assert_eq!(index_of("f"), None);
        assert_eq!(index_of("k"), Some(9));
        assert_eq!(letter(23), None);
    }
}
