//! The clerk reads Vietnamese: every message vbhc prints exists in Vietnamese and English,
//! and one language is chosen per run (`--lang`).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// Tiếng Việt (mặc định)
    #[default]
    Vi,
    /// English
    En,
}

/// A message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Msg {
    pub vi: String,
    pub en: String,
}

impl Msg {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            vi: vi.into(),
            en: en.into(),
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// Builds a [`Msg`] from two format strings with the same arguments, each argument written
/// the way its language writes it (a [`Qty`] takes a decimal comma in Vietnamese, a point in
/// English). Arguments arrive as text: format them first where a width or precision is needed.
#[macro_export]
macro_rules! msg {
    ($vi:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        $crate::i18n::Msg::new(
            format!($vi $(, $crate::i18n::Localised::vi(&$arg))*),
            format!($en $(, $crate::i18n::Localised::en(&$arg))*),
        )
    };
}

/// A value written differently per language.
pub trait Localised {
    fn vi(&self) -> String;
    fn en(&self) -> String;
}

impl<T: std::fmt::Display + ?Sized> Localised for T {
    fn vi(&self) -> String {
        self.to_string()
    }
    fn en(&self) -> String {
        self.to_string()
    }
}

/// A message inside another, each language in its own.
impl Localised for Msg {
    fn vi(&self) -> String {
        self.vi.clone()
    }
    fn en(&self) -> String {
        self.en.clone()
    }
}

/// A measured quantity with its unit, kept in Vietnamese notation ("13,5 pt", "1,27 cm"):
/// Vietnamese writes a decimal comma, English a point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qty(pub String);

impl Localised for Qty {
    fn vi(&self) -> String {
        self.0.clone()
    }
    fn en(&self) -> String {
        en_decimals(&self.0)
    }
}

impl From<Qty> for String {
    fn from(q: Qty) -> String {
        q.0
    }
}

/// "13,5 pt" → "13.5 pt": a comma between two digits is a decimal comma.
pub fn en_decimals(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    c.iter()
        .enumerate()
        .map(|(i, &ch)| {
            let between = i > 0
                && c[i - 1].is_ascii_digit()
                && c.get(i + 1).is_some_and(char::is_ascii_digit);
            if ch == ',' && between { '.' } else { ch }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_take_the_decimal_sign_of_the_language() {
        let m = crate::msg!(
            "cỡ {} ở {} đoạn",
            "{} in {} paragraphs",
            Qty("13,5 pt".into()),
            3
        );
        assert_eq!(m.vi, "cỡ 13,5 pt ở 3 đoạn");
        assert_eq!(m.en, "13.5 pt in 3 paragraphs");
        assert_eq!(en_decimals("1,27 cm; Điều 3, 4"), "1.27 cm; Điều 3, 4");
    }
}
