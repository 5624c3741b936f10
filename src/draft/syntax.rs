//! The TOML parser's messages a clerk meets most, in Vietnamese with what to type instead. The
//! parser's own words ("unexpected leading zero, expected nothing") are kept after them, for
//! whoever knows TOML.

use crate::i18n::Msg;
use crate::msg;

/// The message and hint for a syntax error `m` on the draft line `line`.
pub fn explain(m: &str, line: &str, is_json: bool) -> (Msg, Option<Msg>) {
    let lang = if is_json { "JSON" } else { "TOML" };
    let raw = || msg!("cú pháp {} sai: {}", "{} syntax error: {}", lang, m);
    if is_json {
        return (raw(), None);
    }
    let key = line.split('=').next().unwrap_or("").trim();
    let said =
        |vi: &str, en: &str| Msg::new(format!("{vi} (TOML: {m})"), format!("{en} (TOML: {m})"));
    if m.contains("leading zero") {
        return (
            said(
                "số không viết số 0 ở đầu",
                "a number is not written with a leading zero",
            ),
            Some(msg!(
                "viết `{} = {}`: vbhc tự thêm số 0 khi in số nhỏ hơn 10",
                "write `{} = {}`: vbhc pads numbers below 10 itself",
                key,
                line.split('=')
                    .nth(1)
                    .unwrap_or("")
                    .trim()
                    .trim_start_matches('0')
            )),
        );
    }
    if m.contains("invalid unquoted key") || m.contains("invalid key") {
        let plain = crate::text::strip_marks(key).replace(['đ', 'Đ'], "d");
        let hint = if plain != key && !key.is_empty() {
            msg!(
                "tên trường viết không dấu: `{}` thay cho `{}`",
                "field names have no diacritics: `{}`, not `{}`",
                plain,
                key
            )
        } else {
            msg!(
                "tên trường chỉ gồm chữ không dấu, số, `_` và `-` (xem `vbhc new <loại>`)",
                "field names are unaccented letters, digits, `_` and `-` (see `vbhc new <kind>`)"
            )
        };
        return (
            said("tên trường không hợp lệ", "an invalid field name"),
            Some(hint),
        );
    }
    if m.contains("must be quoted") {
        return (
            said(
                "chữ phải đặt trong ngoặc kép",
                "text must be in double quotes",
            ),
            Some(msg!(
                "ví dụ `{} = \"…\"`",
                "e.g. `{} = \"…\"`",
                if key.is_empty() { "luu" } else { key }
            )),
        );
    }
    if m.contains("invalid basic string") || m.contains("expected `\"`") {
        return (
            said("chuỗi chưa đóng ngoặc kép", "a string is not closed"),
            Some(msg!(
                "đóng chuỗi bằng \" trên cùng dòng; văn bản nhiều dòng viết trong \"\"\"…\"\"\"",
                "close the string with \" on the same line; text of several lines goes in \"\"\"…\"\"\""
            )),
        );
    }
    if m.contains("duplicate key") {
        return (
            said("một trường được ghi hai lần", "a field is written twice"),
            Some(msg!(
                "giữ một dòng `{}`, xóa dòng còn lại",
                "keep one `{}` line and delete the other",
                key
            )),
        );
    }
    if m.contains("invalid date") || m.contains("invalid time") {
        return (
            said("ngày viết sai", "a date is written wrong"),
            Some(msg!(
                "viết ngày trong ngoặc kép: `ngay = \"2026-03-05\"` hoặc `\"05/03/2026\"`",
                "write the date in quotes: `ngay = \"2026-03-05\"` or `\"05/03/2026\"`"
            )),
        );
    }
    if m.contains("unclosed array") || m.contains("expected `]`") || m.contains("invalid array") {
        return (
            said("danh sách chưa đóng", "a list is not closed"),
            Some(msg!(
                "danh sách viết [\"…\", \"…\"], các phần tử cách nhau bằng dấu phẩy, đóng bằng ]",
                "a list is [\"…\", \"…\"], items separated by commas, closed with ]"
            )),
        );
    }
    (raw(), None)
}

#[cfg(test)]
mod tests {
    use super::explain;

    #[test]
    fn common_mistakes_get_a_vietnamese_hint() {
        let (m, h) = explain(
            "unexpected leading zero, expected nothing",
            "so = 07",
            false,
        );
        assert!(m.vi.starts_with("số không viết số 0"), "{}", m.vi);
        assert!(h.unwrap().vi.contains("`so = 7`"));
        let (_, h) = explain(
            "invalid unquoted key, expected letters, numbers, `-`, `_`",
            "ho_tên = \"A\"",
            false,
        );
        assert!(h.unwrap().vi.contains("`ho_ten`"));
        let (m, _) = explain("duplicate key", "luu = \"b\"", false);
        assert!(m.vi.contains("hai lần"));
    }
}
