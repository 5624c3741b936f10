//! What a clerk leaves to be filled: a field typed as dots, an ellipsis, underscores, spaces,
//! or a mail-merge field (`«dd»`, `{{ngay}}`, `[ngày]`, `<số>`). Templates and unsigned
//! drafts are full of them, and each one means the same as a field left empty.

/// Whether `s` (one field of a line: the number, the day, the year …) is left to be filled.
pub fn is_blank(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() {
        return true;
    }
    let merge = |open: &str, close: &str| {
        t.starts_with(open) && t.ends_with(close) && t.len() > open.len() + close.len()
    };
    if merge("«", "»") || merge("{{", "}}") || merge("[", "]") || merge("<", ">") {
        return true;
    }
    t.chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | '…' | '_' | '·' | '-' | '/' | '*'))
}

/// Whether a place-and-date line leaves its day, month or year to be filled
/// (`Lào Cai, ngày      tháng 6 năm 2026`, `ngày «dd» tháng «MM» năm «yyyy»`).
pub fn has_blank_date(line: &str) -> bool {
    let after = |word: &str, until: &str| -> Option<String> {
        let i = line.find(word)? + word.len();
        let rest = &line[i..];
        let j = if until.is_empty() {
            rest.len()
        } else {
            rest.find(until).unwrap_or(rest.len())
        };
        Some(rest[..j].to_string())
    };
    [("ngày", "tháng"), ("tháng", "năm"), ("năm", "")]
        .iter()
        .any(|(w, u)| after(w, u).is_some_and(|v| is_blank(v.trim_end_matches('.'))))
}

#[cfg(test)]
mod tests {
    use super::is_blank;

    #[test]
    fn a_date_line_with_a_part_to_fill() {
        assert!(super::has_blank_date("Lào Cai, ngày      tháng 6 năm 2026"));
        assert!(super::has_blank_date(
            "Vĩnh Long, ngày «dd» tháng «MM» năm «yyyy»."
        ));
        assert!(!super::has_blank_date("Hà Nội, ngày 05 tháng 01 năm 2026"));
    }

    #[test]
    fn dots_ellipses_and_merge_fields_are_blanks() {
        for s in [
            "", "   ", "…", "...", "……", "…/…", "____", "«dd»", "{{ngay}}", "[năm]", " . . . ",
        ] {
            assert!(is_blank(s), "{s:?}");
        }
        for s in ["05", "2026", "ba", "12a", "«"] {
            assert!(!is_blank(s), "{s:?}");
        }
    }
}
