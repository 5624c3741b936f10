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

/// An operating-system error as a clerk reads it: the system's own text is English on Linux
/// and the console's language on Windows, and "Access is denied. (os error 5)" says nothing
/// about the Word window that holds the file. Vietnamese by kind, with the cause a clerk can
/// act on; English keeps the system's words.
pub struct OsErr<'a>(pub &'a std::io::Error);

/// Windows: the file is open in another program (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION).
const WINDOWS_IN_USE: &[i32] = &[32, 33];

impl Localised for OsErr<'_> {
    fn vi(&self) -> String {
        use std::io::ErrorKind as K;
        let e = self.0;
        if e.raw_os_error()
            .is_some_and(|c| WINDOWS_IN_USE.contains(&c))
            && cfg!(windows)
        {
            return "tệp đang mở trong một chương trình khác (Word?): đóng tệp đó rồi chạy lại"
                .into();
        }
        match e.kind() {
            K::NotFound => "không có tệp hoặc thư mục này".into(),
            K::PermissionDenied => {
                "không có quyền (tệp chỉ đọc, thuộc người khác, hoặc đang mở trong chương trình khác như Word)".into()
            }
            K::AlreadyExists => "đã có tệp cùng tên".into(),
            K::StorageFull => "ổ đĩa đã đầy".into(),
            K::QuotaExceeded => "đã hết dung lượng được cấp trên ổ đĩa".into(),
            K::ReadOnlyFilesystem => "ổ đĩa chỉ đọc".into(),
            K::IsADirectory => "đây là thư mục, không phải tệp".into(),
            K::NotADirectory => "một phần của đường dẫn không phải thư mục".into(),
            K::ResourceBusy => "tệp đang được dùng".into(),
            K::InvalidFilename => "tên tệp không hợp lệ".into(),
            K::FileTooLarge => "tệp quá lớn".into(),
            K::Interrupted | K::TimedOut => "thao tác bị ngắt, hãy chạy lại".into(),
            K::UnexpectedEof => "tệp bị cắt cụt".into(),
            K::OutOfMemory => "không đủ bộ nhớ".into(),
            _ => format!("lỗi hệ thống: {e}"),
        }
    }
    fn en(&self) -> String {
        self.0.to_string()
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
    fn system_errors_speak_vietnamese() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let m = crate::msg!("không ghi được: {}", "cannot write: {}", OsErr(&e));
        assert!(
            m.vi.contains("không có quyền") && m.vi.contains("Word"),
            "{}",
            m.vi
        );
        assert!(m.en.contains("denied"), "{}", m.en);
        let e = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(OsErr(&e).vi(), "ổ đĩa đã đầy");
    }

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
