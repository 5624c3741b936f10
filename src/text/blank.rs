//! What a clerk leaves to be filled: a field typed as dots, an ellipsis, underscores, spaces,
//! or a mail-merge field (`«dd»`, `{{ngay}}`, `{documentNo}`, `${so}`, `[ngày]`, `<số>`).
//! Templates and unsigned drafts are full of them, and each one means the same as a field left
//! empty.

/// Whether `s` (one field of a line: the number, the day, the year …) is left to be filled.
pub fn is_blank(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() {
        return true;
    }
    let merge = |open: &str, close: &str| {
        t.starts_with(open) && t.ends_with(close) && t.len() > open.len() + close.len()
    };
    // `{documentNo}` is docxtemplater's and docx-templates' field (a state company's tờ trình
    // kept as a template had its number so); `{{…}}` (docxtpl, Handlebars) is a case of it.
    if merge("«", "»") || merge("{", "}") || merge("${", "}") || merge("[", "]") || merge("<", ">")
    {
        return true;
    }
    t.chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | '…' | '_' | '·' | '-' | '/' | '*'))
}

/// Whether a year is left partly to be filled: the century typed and the rest dotted (`20..`,
/// `20…`, `202_`), as templates print it.
pub fn is_blank_year(s: &str) -> bool {
    let t = s.trim();
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
    let typed = t.len() - rest.len();
    is_blank(t) || (typed < 4 && !rest.is_empty() && is_blank(rest))
}

#[cfg(test)]
mod tests {
    use super::{is_blank, is_blank_year};

    #[test]
    fn a_year_with_its_last_digits_dotted_is_blank() {
        for s in ["20..", "20…", "202_", "…", ""] {
            assert!(is_blank_year(s), "{s:?}");
        }
        for s in ["2026", "20", "20a", "2026.."] {
            assert!(!is_blank_year(s), "{s:?}");
        }
    }

    #[test]
    fn dots_ellipses_and_merge_fields_are_blanks() {
        for s in [
            "",
            "   ",
            "…",
            "...",
            "……",
            "…/…",
            "____",
            "«dd»",
            "{{ngay}}",
            "[năm]",
            " . . . ",
            "{documentNo}",
            "${so}",
        ] {
            assert!(is_blank(s), "{s:?}");
        }
        for s in ["05", "2026", "ba", "12a", "«", "{}", "843A"] {
            assert!(!is_blank(s), "{s:?}");
        }
    }
}
