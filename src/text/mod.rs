//! Vietnamese text rules: Unicode normalisation, spacing, tone-mark placement, upper-casing
//! and the Vietnamese order of điểm letters. Pure functions on strings, tested beside the code.

pub mod alpha;
pub mod blank;
pub mod case;
pub mod chars;
pub mod fold;
pub mod legacy;
pub mod memo;
pub mod normalize;
pub mod numerals;
pub mod tone;

pub use case::upper;

/// The text in NFC, borrowed when it already is (nearly all text a word processor writes).
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    // Most text is ASCII, Vietnamese letters and a few punctuation marks: characters that are
    // in NFC whatever surrounds them. Checking that first skips the quick check's two table
    // lookups a character (a tenth of a plugin's cost per document went there).
    if all_always_nfc(s) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}
/// Whether `c` is in NFC next to any other character: no decomposition, combining class 0,
/// never composed with what precedes it. Below U+0300 (ASCII, Latin-1, Latin Extended-A/B:
/// `đ`, `ơ`, `ư`), the precomposed Vietnamese vowels (`ạ` … `ỹ`) and the dashes, quotes and
/// ellipsis of General Punctuation. The unit test checks every one against the quick check.
#[cfg(test)]
fn always_nfc(c: char) -> bool {
    matches!(c, '\0'..='\u{02FF}' | '\u{1EA0}'..='\u{1EF9}' | '\u{2010}'..='\u{2027}')
}

/// Whether every character of `s` is [`always_nfc`], reading bytes. Below U+0300 a character
/// is one byte under `CC` or a lead byte `C0`–`CB` with its continuation, so only bytes from
/// `CC` up start a character that needs looking at: the precomposed vowels (`E1 BA A0`–
/// `E1 BB B9`) and the punctuation (`E2 80 90`–`E2 80 A7`) pass, every other one fails. Bytes
/// are tested sixteen at a time (a loop the compiler vectorises), each `CC`-or-above byte of a
/// chunk then on its own.
fn all_always_nfc(s: &str) -> bool {
    let b = s.as_bytes();
    let allowed_at = |k: usize| {
        matches!(
            (b[k], b.get(k + 1), b.get(k + 2)),
            (0xE1, Some(0xBA), Some(0xA0..=0xBF))
                | (0xE1, Some(0xBB), Some(0x80..=0xB9))
                | (0xE2, Some(0x80), Some(0x90..=0xA7))
        )
    };
    let mut i = 0;
    while i < b.len() {
        let end = (i + 16).min(b.len());
        // One bit a byte from `CC` up, then only those bytes looked at.
        let mut mask = b[i..end]
            .iter()
            .enumerate()
            .fold(0u32, |m, (j, &x)| m | (u32::from(x >= 0xCC) << j));
        while mask != 0 {
            let k = i + mask.trailing_zeros() as usize;
            if !allowed_at(k) {
                return false;
            }
            mask &= mask - 1;
        }
        i = end;
    }
    true
}

/// `char::is_alphabetic`, answered without the Unicode table for the letters Vietnamese text
/// is made of (ASCII, Latin-1 and Latin Extended-A/B, the precomposed vowels U+1EA0–U+1EF9):
/// the table lookup was a tenth of a checked document's time.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        '\u{c0}'..='\u{24f}' => c != '\u{d7}' && c != '\u{f7}',
        '\u{1ea0}'..='\u{1ef9}' => true,
        _ => c.is_alphabetic(),
    }
}

pub use fold::upper_for_matching;

/// Vietnamese letters without tone and vowel marks, `đ` → `d` (`Sở Nội vụ` → `So Noi vu`): for
/// file names and column keys, never for text that is shown.
pub fn strip_marks(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}
pub use normalize::{Normalizer, TextError};
pub use tone::ToneStyle;

#[cfg(test)]
mod tests {
    #[test]
    fn is_letter_is_is_alphabetic() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(
                super::is_letter(c),
                c.is_alphabetic(),
                "{c:?} U+{:04X}",
                c as u32
            );
        }
    }

    use super::*;
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc_quick};

    #[test]
    fn always_nfc_characters_pass_the_quick_check_and_never_combine() {
        let mut n = 0;
        for c in (0..0x3000u32)
            .filter_map(char::from_u32)
            .filter(|&c| always_nfc(c))
        {
            assert_eq!(
                is_nfc_quick(std::iter::once(c)),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
            assert_eq!(canonical_combining_class(c), 0, "U+{:04X}", c as u32);
            n += 1;
        }
        assert_eq!(n, 0x300 + 90 + 24);
        // The byte reading agrees with the characters, alone and among others.
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            // Also past runs of ASCII read eight bytes at a time, at every offset.
            for t in [
                c.to_string(),
                format!("a{c}ư{c}ệ"),
                format!("abcdefghij{c}"),
                format!("abcdefg{c}hijklmnop"),
                format!("abcdefghijklmnopq{c}ả"),
            ] {
                assert_eq!(
                    all_always_nfc(&t),
                    t.chars().all(always_nfc),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
        assert!(matches!(
            nfc("Ủy ban nhân dân – “Lạng Sơn”…"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(nfc("Lie\u{302}u"), "Liêu");
        assert_eq!(nfc("\u{2000}"), "\u{2002}");
    }
}
