//! Text helpers for rules: compare Vietnamese without caring about accents, case, tone-mark
//! placement (`ủy`/`uỷ`) or odd spaces, and read the lines a rule usually looks at (a Nơi nhận
//! item, the Lưu line, the place-and-date line, the Số/ký hiệu line).
//!
//! ```
//! use vbhc_plugin::text::{lower_unmarked, luu_units, date_line_place, ky_hieu};
//!
//! assert_eq!(lower_unmarked("TT Tỉnh uỷ,  HĐND tỉnh"), "tt tinh uy, hdnd tinh");
//! assert_eq!(luu_units("- Lưu: VT, KT(T.Q.Hùng), HCQT (Mến)."), Some(vec!["KT".to_string(), "HCQT".to_string()]));
//! assert_eq!(date_line_place("Lạng Sơn, ngày 05 tháng 01 năm 2026"), Some("Lạng Sơn"));
//! assert_eq!(ky_hieu("Số: 2623/UBND-NCXDPL"), Some("UBND-NCXDPL"));
//! ```

/// Vowels with their diacritics, by the ASCII letter they fold to (lower case, precomposed).
const VOWELS: &[(char, &str)] = &[
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('i', "ìíỉĩị"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('u', "ùúủũụưừứửữự"),
    ('y', "ỳýỷỹỵ"),
    ('d', "đ"),
];

/// Vietnamese letters live in two blocks: Latin-1 Supplement with Latin Extended-A/B
/// (`à`, `đ`, `ơ`, `ư`) and Latin Extended Additional (`ạ` … `ỹ`).
const LATIN: (u32, u32) = (0x00C0, 0x01B0);
const ADDITIONAL: (u32, u32) = (0x1EA0, 0x1EF9);

/// The ASCII letter each code point of a block folds to, 0 where it is not a Vietnamese
/// letter. Built at compile time: folding runs for every character a rule reads, in a fresh
/// plugin instance per document, so a table lookup instead of a case conversion and a scan
/// is most of a plugin's cost per document.
static LATIN_FOLD: [u8; (LATIN.1 - LATIN.0 + 1) as usize] = fold_table(LATIN.0);
static ADDITIONAL_FOLD: [u8; (ADDITIONAL.1 - ADDITIONAL.0 + 1) as usize] = fold_table(ADDITIONAL.0);

const fn fold_table<const N: usize>(lo: u32) -> [u8; N] {
    let mut t = [0u8; N];
    let mut v = 0;
    while v < VOWELS.len() {
        let (base, set) = VOWELS[v];
        let bytes = set.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let (lower, len) = decode_utf8(bytes, i);
            // The capital is 0x20 below in Latin-1 (`à`/`À`) and just below everywhere else
            // (`ă`/`Ă`, `ư`/`Ư`, `ạ`/`Ạ`); the unit test checks this against `to_lowercase`.
            let upper = if lower >= 0xE0 && lower <= 0xFF {
                lower - 0x20
            } else {
                lower - 1
            };
            let mut k = 0;
            while k < 2 {
                let c = if k == 0 { lower } else { upper };
                if c >= lo && ((c - lo) as usize) < N {
                    t[(c - lo) as usize] = base as u8;
                }
                k += 1;
            }
            i += len;
        }
        v += 1;
    }
    t
}

/// The code point at `bytes[i]` of valid UTF-8 (at most 3 bytes here) and its length.
const fn decode_utf8(bytes: &[u8], i: usize) -> (u32, usize) {
    let b = bytes[i] as u32;
    if b < 0x80 {
        (b, 1)
    } else if b < 0xE0 {
        (((b & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F), 2)
    } else {
        (
            ((b & 0x0F) << 12) | ((bytes[i + 1] as u32 & 0x3F) << 6) | (bytes[i + 2] as u32 & 0x3F),
            3,
        )
    }
}

/// The ASCII letter a Vietnamese letter of either case folds to (`Ữ` → `u`, `Đ` → `d`).
fn vietnamese_base(c: char) -> Option<char> {
    let c = c as u32;
    let b = if (LATIN.0..=LATIN.1).contains(&c) {
        LATIN_FOLD[(c - LATIN.0) as usize]
    } else if (ADDITIONAL.0..=ADDITIONAL.1).contains(&c) {
        ADDITIONAL_FOLD[(c - ADDITIONAL.0) as usize]
    } else {
        0
    };
    (b != 0).then_some(b as char)
}

fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// The characters of [`lower_unmarked`]`(s)`, one at a time, without building the string: comparing
/// folded text this way allocates nothing.
pub fn fold_chars(s: &str) -> FoldChars<'_> {
    FoldChars {
        chars: s.chars(),
        lower: None,
        pending: None,
        space: false,
        started: false,
    }
}

/// The iterator of [`fold_chars`].
#[derive(Debug, Clone)]
pub struct FoldChars<'a> {
    chars: std::str::Chars<'a>,
    /// The rest of a lower-casing that gave several characters.
    lower: Option<std::char::ToLowercase>,
    /// A folded character waiting behind the space emitted before it.
    pending: Option<char>,
    space: bool,
    started: bool,
}

impl Iterator for FoldChars<'_> {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        if let Some(c) = self.pending.take() {
            return Some(c);
        }
        loop {
            let c = match self.lower.as_mut().and_then(Iterator::next) {
                Some(c) => c,
                None => {
                    self.lower = None;
                    let c = self.chars.next()?;
                    if c.is_ascii() {
                        c.to_ascii_lowercase()
                    } else if let Some(b) = vietnamese_base(c) {
                        b
                    } else {
                        self.lower = Some(c.to_lowercase());
                        continue;
                    }
                }
            };
            if c.is_whitespace() {
                self.space = self.started;
                continue;
            }
            if is_combining_mark(c) {
                continue; // text not in NFC: drop the mark, keep the base letter
            }
            let f = vietnamese_base(c).unwrap_or(c);
            self.started = true;
            if self.space {
                self.space = false;
                self.pending = Some(f);
                return Some(' ');
            }
            return Some(f);
        }
    }
}

/// Lower-case, without diacritics (`đ` → `d`), every run of white space (also no-break spaces)
/// one plain space, trimmed. `"Ủy ban  nhân dân"` and `"UỶ BAN NHÂN DÂN"` both fold to
/// `"uy ban nhan dan"`.
pub fn lower_unmarked(s: &str) -> String {
    // The same as collecting [`fold_chars`], written as one loop with a path for ASCII
    // bytes (most of any Vietnamese line): rules fold every line they read, so this loop is
    // most of what a plugin's `validate` costs.
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    #[inline(always)]
    fn push(out: &mut String, space: &mut bool, f: char) {
        if *space {
            out.push(' ');
            *space = false;
        }
        out.push(f);
    }
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            i += 1;
            if (b as char).is_whitespace() {
                space = !out.is_empty();
            } else {
                push(&mut out, &mut space, b.to_ascii_lowercase() as char);
            }
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if let Some(base) = vietnamese_base(c) {
            push(&mut out, &mut space, base);
            continue;
        }
        for l in c.to_lowercase() {
            if l.is_whitespace() {
                space = !out.is_empty();
            } else if !is_combining_mark(l) {
                push(&mut out, &mut space, vietnamese_base(l).unwrap_or(l));
            }
        }
    }
    out
}

/// The name [`lower_unmarked`] had in SDK 1.0.0. vbhc's own folding (`upper_for_matching`) upper-cases and keeps the
/// marks: one name for two opposite foldings misled readers of both sides.
#[deprecated(note = "renamed `lower_unmarked`: lower case, no diacritics")]
pub fn fold(s: &str) -> String {
    lower_unmarked(s)
}

/// Whether `haystack` contains `needle`, both folded with [`lower_unmarked`].
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    lower_unmarked(haystack).contains(&lower_unmarked(needle))
}

/// Whether `a` and `b` are the same text once folded with [`lower_unmarked`] (without allocating).
pub fn eq_folded(a: &str, b: &str) -> bool {
    fold_chars(a).eq(fold_chars(b))
}

/// Whether folded `text` contains folded `word` as whole words (not inside a longer word):
/// `"tinh uy"` is in `"TT Tỉnh ủy (b/c)"` but `"ca"` is not in `"cao"`.
pub fn contains_words(text: &str, words: &str) -> bool {
    contains_any_words(text, &[words])
}

/// Whether folded `text` contains any of `words` as whole words ([`contains_words`]), folding
/// `text` once (and the words as they are compared, without allocating).
pub fn contains_any_words(text: &str, words: &[&str]) -> bool {
    let hay = lower_unmarked(text);
    words.iter().any(|w| has_words(&hay, w))
}

/// Whether folded `hay` contains `words`, folded, starting and ending at word boundaries.
fn has_words(hay: &str, words: &str) -> bool {
    let Some(first) = fold_chars(words).next() else {
        return true; // no words: trivially there
    };
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut buf = [0u8; 4];
    let lead = first.encode_utf8(&mut buf).as_bytes()[0];
    let h = hay.as_bytes();
    // `lead` begins a character, so every place it occurs is a character boundary: a byte
    // search finds the candidates, and the folded words are compared there one character at
    // a time (no string built for them). Rules ask this of every Nơi nhận line, in a fresh
    // instance per document, where an allocation is dear.
    let mut from = 0;
    while let Some(off) = h[from..].iter().position(|&b| b == lead) {
        let at = from + off;
        let mut rest = hay[at..].chars();
        if !is_word(hay[..at].chars().next_back())
            && fold_chars(words).all(|w| rest.next() == Some(w))
            && !is_word(rest.next())
        {
            return true;
        }
        from = at + 1;
    }
    false
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
    // Only the first word can say "Lưu": fold that, not the whole line; and most lines are
    // told apart by their first letter, before the bullet and punctuation are taken off.
    let head =
        line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '+' | '\u{2013}'));
    if !head.starts_with(['L', 'l']) {
        return false;
    }
    let item = list_item(line);
    let first = item
        .split(|c: char| !(c.is_alphabetic() || is_combining_mark(c)))
        .next()
        .unwrap_or("");
    fold_chars(first).take(3).eq("luu".chars())
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
            .filter(|u| !matches!(lower_unmarked(u).as_str(), "vt" | "van thu" | "vtub"))
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
    s.chars().any(is_combining_mark)
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
            lower_unmarked("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"),
            "uy ban nhan dan tinh lang son"
        );
        assert_eq!(lower_unmarked("Uỷ ban"), lower_unmarked("Ủy ban"));
        assert_eq!(lower_unmarked("Lạng\u{a0}\u{a0}Sơn "), "lang son");
        // Decomposed input folds the same.
        assert_eq!(lower_unmarked("Bạc Lie\u{302}u"), "bac lieu");
        assert_eq!(lower_unmarked("Đồng Tháp"), "dong thap");
        assert!(contains_folded(
            "- TT Tỉnh uỷ, HĐND tỉnh (để BC);",
            "tỉnh ủy"
        ));
        assert!(eq_folded("Cà Mau", "CÀ  MAU"));
        assert!(contains_words("TT Tỉnh ủy (b/c)", "tỉnh ủy"));
        assert!(!contains_words("Cao Lộc", "ca"));
    }

    /// `fold` as first written: lower-case, then look the letter up in the vowel table.
    fn fold_reference(s: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in s.chars().flat_map(char::to_lowercase) {
            if c.is_whitespace() {
                space = !out.is_empty();
                continue;
            }
            if is_combining_mark(c) {
                continue;
            }
            let f = VOWELS
                .iter()
                .find(|(_, set)| set.contains(c))
                .map_or(c, |(base, _)| *base);
            if space {
                out.push(' ');
                space = false;
            }
            out.push(f);
        }
        out
    }

    #[test]
    fn the_fold_table_agrees_with_lower_casing_for_every_character() {
        let mut checked = 0;
        for c in (0..0x3000u32)
            .chain(0x1E00..0x1F00)
            .filter_map(char::from_u32)
        {
            for s in [format!("{c}"), format!(" A{c} {c}b  ")] {
                assert_eq!(
                    lower_unmarked(&s),
                    fold_reference(&s),
                    "{c:?} (U+{:04X})",
                    c as u32
                );
                let chars: String = fold_chars(&s).collect();
                assert_eq!(chars, fold_reference(&s), "{c:?} (U+{:04X})", c as u32);
            }
            checked += 1;
        }
        assert!(checked > 12_000);
        // Every capital and small Vietnamese vowel is in the table.
        for (base, set) in VOWELS {
            for c in set.chars() {
                let up: String = c.to_uppercase().collect();
                assert_eq!(lower_unmarked(&up), base.to_string(), "{up}");
                assert_eq!(vietnamese_base(c), Some(*base));
            }
        }
        let s = "  Ủy ban\u{a0}nhân DÂN, Bạc Lie\u{302}u ";
        assert_eq!(fold_chars(s).collect::<String>(), lower_unmarked(s));
        assert_eq!(lower_unmarked(s), "uy ban nhan dan, bac lieu");
    }

    /// `contains_words` as first written: fold both, then look for the folded words between
    /// word boundaries.
    fn contains_words_reference(text: &str, words: &str) -> bool {
        let (hay, needle) = (lower_unmarked(text), lower_unmarked(words));
        if needle.is_empty() {
            return true;
        }
        let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        hay.char_indices().any(|(i, _)| {
            hay[i..].starts_with(&needle)
                && !is_word(hay[..i].chars().next_back())
                && !is_word(hay[i + needle.len()..].chars().next())
        })
    }

    #[test]
    fn whole_words_agree_with_folding_first() {
        let lines = [
            "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
            "- UBND các huyện, thị xã, thành phố;",
            "- UBND các xã, phường;",
            "UBND huyện Cao Lộc",
            "Thị trấn Đồng Đăng; thị  xã\u{a0}cũ",
            "THỊ XÃ",
            "huyệnx huyện",
            "Bạc Lie\u{302}u, ngày 5",
            "(b/c) - Lưu: VT, KT.",
            "",
            "  ",
            "caca ca",
            "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
        ];
        let needles = [
            "huyện",
            "thị xã",
            "thị trấn",
            "tỉnh ủy",
            "hđnd",
            "ca",
            "Bạc Liêu",
            "liêu",
            "(b/c)",
            "b/c",
            "lưu",
            "",
            " ",
            "ủy ban nhân dân",
            "tỉnh Lạng Sơn",
            "xã",
        ];
        for l in lines {
            for n in needles {
                assert_eq!(
                    contains_words(l, n),
                    contains_words_reference(l, n),
                    "{l:?} / {n:?}"
                );
            }
        }
    }

    #[test]
    fn whole_words() {
        assert!(contains_words("- UBND các huyện, thành phố;", "huyện"));
        assert!(!contains_words("- UBND các huyệnx;", "huyện"));
        assert!(contains_words("Sở Nội vụ, Thị xã Đồng Đăng", "thị xã"));
        assert!(!contains_words("thị xãa", "thị xã"));
        // A match later in the line after a false start inside a word.
        assert!(contains_words("caca ca", "ca"));
        assert!(contains_any_words(
            "Thường trực Hội đồng nhân dân tỉnh",
            &["hđnd", "hội đồng nhân dân"]
        ));
        assert!(!contains_any_words("Công an tỉnh", &["hđnd", "tỉnh ủy"]));
        assert!(contains_words("anything", ""));
        assert!(eq_folded("Ủy ban", "UỶ  BAN"));
        assert!(!eq_folded("Ủy ban", "Ủy ba"));
        assert!(is_luu_line("- LƯU: VT."));
        assert!(is_luu_line("Lu\u{31b}u: VT"));
        assert!(!is_luu_line("- Lực lượng vũ trang tỉnh;"));
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
