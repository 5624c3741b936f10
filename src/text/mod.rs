//! Vietnamese text rules: Unicode normalisation, spacing, tone-mark placement, upper-casing
//! and the Vietnamese order of điểm letters. Pure functions on strings, tested beside the code.

pub mod alpha;
pub mod case;
pub mod fold;
pub mod normalize;
pub mod tone;

pub use case::upper;

/// The text in NFC, borrowed when it already is (nearly all text a word processor writes).
pub fn nfc(s: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.nfc().collect())
    }
}
pub use fold::fold;
pub use normalize::{Normalizer, TextError};
pub use tone::ToneStyle;
