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

#[cfg(test)]
mod tests {
    use super::is_blank;

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
