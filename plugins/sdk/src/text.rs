//! Text helpers for rules: compare Vietnamese without caring about accents, case, tone-mark
//! placement (`ủy`/`uỷ`) or odd spaces, and read the lines a rule usually looks at (a Nơi nhận
//! item, the Lưu line, the place-and-date line, the Số/ký hiệu line).
//!
//! ```
//! use vbhc_plugin::text::{fold, luu_units, date_line_place, ky_hieu};
//!
//! assert_eq!(fold("TT Tỉnh uỷ,  HĐND tỉnh"), "tt tinh uy, hdnd tinh");
//! assert_eq!(luu_units("- Lưu: VT, KT(T.Q.Hùng), HCQT (Mến)."), Some(vec!["KT".to_string(), "HCQT".to_string()]));
//! assert_eq!(date_line_place("Lạng Sơn, ngày 05 tháng 01 năm 2026"), Some("Lạng Sơn"));
//! assert_eq!(ky_hieu("Số: 2623/UBND-NCXDPL"), Some("UBND-NCXDPL"));
//! ```

/// Vowels with their diacritics, by the ASCII letter they fold to (precomposed, NFC).
const VOWELS: &[(char, &str)] = &[
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('i', "ìíỉĩị"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('u', "ùúủũụưừứửữự"),
    ('y', "ỳýỷỹỵ"),
];

fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c);
    }
    if c == 'đ' {
        return Some('d');
    }
    if ('\u{0300}'..='\u{036F}').contains(&c) {
        return None; // a combining mark (text not in NFC): drop it, keep the base letter
    }
    // Vietnamese vowels with marks sit in Latin-1 Supplement, Latin Extended-A/B and Latin
    // Extended Additional: anything else is returned as it is without a scan.
    if !matches!(c, '\u{00C0}'..='\u{01B0}' | '\u{1EA0}'..='\u{1EF9}') {
        return Some(c);
    }
    for (base, set) in VOWELS {
        if set.contains(c) {
            return Some(*base);
        }
    }
    Some(c)
}

/// Lower-case, without diacritics (`đ` → `d`), every run of white space (also no-break spaces)
/// one plain space, trimmed. `"Ủy ban  nhân dân"` and `"UỶ BAN NHÂN DÂN"` both fold to
/// `"uy ban nhan dan"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if let Some(f) = fold_char(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(f);
        }
    }
    out
}

/// Whether `haystack` contains `needle`, both folded with [`fold`].
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    fold(haystack).contains(&fold(needle))
}

/// Whether `a` and `b` are the same text once folded with [`fold`].
pub fn eq_folded(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// Whether folded `text` contains folded `word` as whole words (not inside a longer word):
/// `"tinh uy"` is in `"TT Tỉnh ủy (b/c)"` but `"ca"` is not in `"cao"`.
pub fn contains_words(text: &str, words: &str) -> bool {
    let hay = fold(text);
    let needle = fold(words);
    if needle.is_empty() {
        return true;
    }
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(&needle).any(|(i, m)| {
        !is_word(hay[..i].chars().next_back()) && !is_word(hay[i + m.len()..].chars().next())
    })
}

/// A list line without its bullet and final punctuation: `"- Công an tỉnh;"` → `"Công an tỉnh"`.
pub fn list_item(line: &str) -> &str {
    let t = line.trim();
    let t = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("+ "))
        .or_else(|| t.strip_prefix('-'))
        .or_else(|| t.strip_prefix('\u{2013}'))
        .unwrap_or(t);
    t.trim().trim_end_matches([';', '.', ',']).trim_end()
}

/// Whether a Nơi nhận line is the Lưu line (`- Lưu: VT, NC.`).
pub fn is_luu_line(line: &str) -> bool {
    fold(list_item(line)).starts_with("luu")
}

/// The units on a Lưu line after the Văn thư (`VT`): `"- Lưu: VT, NC."` → `["NC"]`,
/// `"Lưu: VT, KT(T.Q.Hùng)."` → `["KT"]`, `"- Lưu: VT, VP (M9)."` → `["VP"]`. Notes in
/// brackets and words after a unit's letters (the drafter, the number of copies) are dropped.
/// `None` if it is not a Lưu line.
pub fn luu_units(line: &str) -> Option<Vec<String>> {
    if !is_luu_line(line) {
        return None;
    }
    let item = list_item(line);
    let rest = match item.find(':') {
        Some(i) => &item[i + 1..],
        None => item.get("Lưu".len()..).unwrap_or(""),
    };
    // Drop bracketed notes, then split on commas.
    let mut plain = String::with_capacity(rest.len());
    let mut depth = 0u32;
    for c in rest.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    Some(
        plain
            .split([',', ';'])
            .map(|u| u.trim().trim_end_matches('.').trim())
            .filter(|u| !u.is_empty())
            .filter(|u| !matches!(fold(u).as_str(), "vt" | "van thu" | "vtub"))
            // The unit is the first word; what follows is the drafter ("QHĐP (2b) TĐT").
            .filter_map(|u| u.split_whitespace().next())
            .map(|u| u.trim_end_matches('.').to_string())
            .collect(),
    )
}

/// The place name of a place-and-date line: `"Lạng Sơn, ngày … tháng … năm 2010"` →
/// `"Lạng Sơn"`. `None` if the line has no comma before the date.
pub fn date_line_place(line: &str) -> Option<&str> {
    let i = line.find(',')?;
    let place = line[..i].trim();
    (!place.is_empty()).then_some(place)
}

/// The ký hiệu of a Số line: the part after the last `/`: `"Số: 75/TB-UBND"` → `"TB-UBND"`,
/// `"Số: 12/2025/QĐ-UBND"` → `"QĐ-UBND"`, `"Số:    /UBND-KT"` → `"UBND-KT"`.
pub fn ky_hieu(line: &str) -> Option<&str> {
    let i = line.rfind('/')?;
    let k = line[i + 1..].trim();
    (!k.is_empty()).then_some(k)
}

/// Whether `s` has a decomposed diacritic (a combining mark): text that is not precomposed.
pub fn has_combining_marks(s: &str) -> bool {
    s.chars().any(|c| ('\u{0300}'..='\u{036F}').contains(&c))
}

/// Whether `s` uses the old tone-mark placement (`hoà`, `uỷ`, `thuý`) that vbhc's documents do
/// not use; the new style puts the mark on the main vowel (`hòa`, `ủy`, `thúy`).
pub fn has_old_tone_style(s: &str) -> bool {
    // oa, oe, uy with the mark on the second vowel, not followed by another letter
    // ("hoàng" and "quý" are right either way).
    let chars: Vec<char> = s.chars().flat_map(char::to_lowercase).collect();
    chars.windows(2).enumerate().any(|(i, w)| {
        let next_is_letter = chars.get(i + 2).is_some_and(|c| c.is_alphabetic());
        let before_is_q = i > 0 && chars[i - 1] == 'q';
        let old = matches!(
            (w[0], w[1]),
            ('o', 'à' | 'á' | 'ả' | 'ã' | 'ạ')
                | ('o', 'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ')
                | ('u', 'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ')
        );
        old && !next_is_letter && !before_is_q
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(
            fold("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"),
            "uy ban nhan dan tinh lang son"
        );
        assert_eq!(fold("Uỷ ban"), fold("Ủy ban"));
        assert_eq!(fold("Lạng\u{a0}\u{a0}Sơn "), "lang son");
        // Decomposed input folds the same.
        assert_eq!(fold("Bạc Lie\u{302}u"), "bac lieu");
        assert_eq!(fold("Đồng Tháp"), "dong thap");
        assert!(contains_folded(
            "- TT Tỉnh uỷ, HĐND tỉnh (để BC);",
            "tỉnh ủy"
        ));
        assert!(eq_folded("Cà Mau", "CÀ  MAU"));
        assert!(contains_words("TT Tỉnh ủy (b/c)", "tỉnh ủy"));
        assert!(!contains_words("Cao Lộc", "ca"));
    }

    #[test]
    fn lines() {
        assert_eq!(list_item("- Công an tỉnh;"), "Công an tỉnh");
        assert_eq!(list_item("- Lưu: VT, NC."), "Lưu: VT, NC");
        assert!(is_luu_line("- Lưu: VT, NC."));
        assert!(is_luu_line("Lưu VP (M9)"));
        assert!(!is_luu_line("- Thường trực Tỉnh ủy (b/c);"));
        assert_eq!(luu_units("- Lưu: VT, NC."), Some(vec!["NC".into()]));
        assert_eq!(luu_units("- Lưu: VT, VP (M9)."), Some(vec!["VP".into()]));
        assert_eq!(luu_units("- Lưu: VT, (ĐT/VMN)."), Some(vec![]));
        assert_eq!(
            luu_units("- Lưu: Văn thư, QHĐP (2b) TĐT."),
            Some(vec!["QHĐP".into()])
        );
        assert_eq!(luu_units("- Công an tỉnh;"), None);
        assert_eq!(
            date_line_place("Bạc Liêu, ngày \u{a0}\u{a0} tháng \u{a0} năm 1998"),
            Some("Bạc Liêu")
        );
        assert_eq!(date_line_place("ngày 5 tháng 1 năm 2026"), None);
        assert_eq!(ky_hieu("Số: \u{a0}\u{a0}\u{a0}/CT-UBND"), Some("CT-UBND"));
        assert_eq!(ky_hieu("Số: 12/2025/QĐ-UBND"), Some("QĐ-UBND"));
        assert_eq!(ky_hieu("Số: 12"), None);
    }

    #[test]
    fn styles() {
        assert!(has_combining_marks("Lie\u{302}u"));
        assert!(!has_combining_marks("Liêu"));
        assert!(has_old_tone_style("hoà giải"));
        assert!(has_old_tone_style("Tỉnh uỷ"));
        assert!(!has_old_tone_style("hòa giải, Tỉnh ủy, quý, hoàng, thuyền"));
    }
}
