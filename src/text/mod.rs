//! Vietnamese text rules: Unicode normalisation, spacing, tone-mark placement, upper-casing
//! and the Vietnamese order of điểm letters. Pure functions on strings, tested beside the code.

pub mod alpha;
pub mod case;
pub mod fold;
pub mod normalize;
pub mod tone;

pub use case::upper;
pub use fold::fold;
pub use normalize::{Normalizer, TextError};
pub use tone::ToneStyle;
