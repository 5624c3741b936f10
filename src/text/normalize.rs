//! Normalisation applied to every text a draft gives, on load: NFC (TCVN 6909 text typed with
//! a combining-mark keyboard is NFD and silently fails every comparison), C0 control characters
//! refused, spaces collapsed, no space before `, . ; : ? ! )` or after `(`, straight quotes
//! curled, pasted dashes and bullets mapped back, one tone-mark style for the open syllables of
//! common (lower-case) words, and `qui` → `quy`. Capitalised words may be names (`Thủy`,
//! `Khánh Hòa`) and are never re-marked; citations such as `11-CT/TU` or
//! `15972/SXD-QLN& TTBĐS` contain nothing these rules touch, and tests keep it that way.

use super::tone::{self, ToneStyle};
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// A character no text may hold (`chars::illegal`): a C0 control other than tab and line
    /// breaks, DEL, or a noncharacter such as U+FFFF. Most would make the XML ill-formed, and
    /// no keyboard types any of them on purpose.
    #[error("character {} at line {line}, column {column} of the value", super::chars::code_point(*ch))]
    Illegal {
        ch: char,
        why: super::chars::Illegal,
        line: usize,
        column: usize,
    },
}

/// Texts shorter than this are normalised each time: cheaper than looking them up.
const MEMO_MIN_BYTES: usize = 64;

/// What a memo entry normalised: a one-line field, a markup field, or one line of a markup
/// field (a row's value typed into the first line of a long body leaves the other lines the
/// same for every row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Unit {
    Text,
    Markup,
    MarkupLine,
}

thread_local! {
    /// The same long text normalised again gives the same result: a batch fills one base
    /// draft's paragraphs for thousands of rows (normalising them was a quarter of the work for
    /// the Tiền Giang chỉ thị). Per thread, so threads never wait on each other; by the
    /// normaliser and the unit, as they change the result.
    static MEMO: std::cell::RefCell<
        crate::text::memo::TextMemo<(Normalizer, Unit), Result<String, TextError>>,
    > = std::cell::RefCell::new(crate::text::memo::TextMemo::new(MEMO_MIN_BYTES, crate::text::memo::MAX_BYTES));
}

/// `make`'s result for `s`, remembered. A markup field's `make` normalises its lines through
/// this memo too, so the memo is not held while `make` runs.
fn memo(
    tone: Normalizer,
    markup: Unit,
    s: &str,
    make: impl FnOnce() -> Result<String, TextError>,
) -> Result<String, TextError> {
    if let Some(hit) = MEMO.with_borrow(|m| m.get((tone, markup), s)) {
        return hit;
    }
    let made = make();
    MEMO.with_borrow_mut(|m| m.insert((tone, markup), s, made.clone()));
    made
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Normalizer {
    pub tone: ToneStyle,
    /// The clerk asked for the text as written (`nguyen_van = true`, a verbatim reproduction):
    /// only NFC, the character checks, collapsed spaces and the list bullets that carry
    /// structure; quotes, tone marks, `qui`, dashes and spacing around punctuation stay.
    pub verbatim: bool,
}

impl Normalizer {
    pub fn new(tone: ToneStyle) -> Self {
        Self {
            tone,
            verbatim: false,
        }
    }

    pub fn verbatim(tone: ToneStyle) -> Self {
        Self {
            tone,
            verbatim: true,
        }
    }

    /// A one-line text field: line breaks become spaces.
    pub fn text(&self, s: &str) -> Result<String, TextError> {
        memo(*self, Unit::Text, s, || self.text_uncached(s))
    }

    fn text_uncached(&self, s: &str) -> Result<String, TextError> {
        check_controls(s)?;
        let joined: String = s
            .split(['\n', '\r'])
            .filter(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Ok(self.line(&joined, false))
    }

    /// A multi-line markup field: each line normalised, line structure kept, CRLF folded.
    pub fn markup(&self, s: &str) -> Result<String, TextError> {
        memo(*self, Unit::Markup, s, || self.markup_uncached(s))
    }

    fn markup_uncached(&self, s: &str) -> Result<String, TextError> {
        check_controls(s)?;
        let lines: Vec<String> = s
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .split('\n')
            .map(|l| {
                memo(*self, Unit::MarkupLine, l, || Ok(self.line(l, true)))
                    .unwrap_or_else(|_| self.line(l, true))
            })
            .collect();
        Ok(lines.join("\n"))
    }

    fn line(&self, raw: &str, markup: bool) -> String {
        let mut s = collapse_spaces(&super::nfc(raw));
        if self.verbatim {
            return map_bullets(&s);
        }
        s = fix_punctuation_spacing(&s);
        s = map_dashes_and_bullets(&s);
        s = curl_quotes(&s, markup);
        self.words(&s)
    }

    /// Only the tone-mark style, on the words it may move: for vbhc's own wording (a
    /// template's standard sentences, the organ's name in them), which must follow the draft's
    /// `kieu_dau` as the clerk's text does.
    pub fn retone(&self, s: &str) -> String {
        self.words(s)
    }

    fn words(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            if !word.is_empty() {
                out.push_str(&self.word(word));
                word.clear();
            }
        };
        for c in s.chars() {
            if super::is_letter(c) {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        out
    }

    fn word(&self, w: &str) -> String {
        let all_lower = w.chars().all(|c| c.is_lowercase());
        // Capitalised common words that are never names: Ủy ban, Ủy viên.
        let ủy_capital = w.starts_with(['Ủ', 'U'])
            && {
                let l = w.to_lowercase();
                l == "ủy" || l == "uỷ"
            }
            && w.chars().skip(1).all(|c| c.is_lowercase());
        if !(all_lower || ủy_capital) {
            return w.to_string();
        }
        if let Some(q) = qui_to_quy(w) {
            return q;
        }
        tone::place_in_word(w, self.tone).unwrap_or_else(|| w.to_string())
    }
}

fn check_controls(s: &str) -> Result<(), TextError> {
    match super::chars::first_illegal(s) {
        Some((ch, why, line, column)) => Err(TextError::Illegal {
            ch,
            why,
            line,
            column,
        }),
        None => Ok(()),
    }
}

/// Tabs, no-break and other spaces become one plain space; the ends are trimmed.
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

fn fix_punctuation_spacing(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let next = chars.get(i + 1).copied();
            let prev = if i > 0 { Some(chars[i - 1]) } else { None };
            let before_punct = matches!(next, Some(',' | ';' | ':' | '?' | '!' | ')'))
                // `./.` keeps its own form; a lone "." after a space is a typo.
                || (next == Some('.') && chars.get(i + 2) != Some(&'/'));
            if before_punct || prev == Some('(') {
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn map_dashes_and_bullets(s: &str) -> String {
    map_bullets(&s.replace(" – ", " - ").replace(" — ", " - "))
}

/// A pasted bullet opening a line is the markup's `- ` item: structure, kept even verbatim.
fn map_bullets(s: &str) -> String {
    for bullet in ["• ", "· ", "– ", "— "] {
        if let Some(rest) = s.strip_prefix(bullet) {
            return format!("- {rest}");
        }
    }
    s.to_string()
}

/// `"…"` → `“…”`, as the decree's own text writes quotations. `\"` keeps a straight quote, as
/// a verbatim citation may need: in markup the `\` stays for the markup parser to drop; in a
/// text field, where a `\` is otherwise printed, it is dropped here.
fn curl_quotes(s: &str, markup: bool) -> String {
    if !s.contains('"') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 4);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c == '"' && prev == Some('\\') {
            if !markup {
                out.pop();
            }
            out.push('"');
        } else if c == '"' {
            let opening = prev.is_none_or(|p| p.is_whitespace() || "([{“‘".contains(p));
            out.push(if opening { '“' } else { '”' });
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// `qui định` → `quy định`, `quí` → `quý`: the pre-2014 spelling of the same syllable.
fn qui_to_quy(w: &str) -> Option<String> {
    // Decomposing is for the words that can be it: `qu` and one more letter.
    if !w.starts_with(['q', 'Q']) || w.chars().count() != 3 {
        return None;
    }
    let nfd: Vec<char> = w.nfd().collect();
    let base: String = nfd
        .iter()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(*c))
        .collect();
    if base != "qui" {
        return None;
    }
    let marks: String = nfd
        .iter()
        .filter(|c| ('\u{300}'..='\u{36f}').contains(*c))
        .collect();
    Some(format!("quy{marks}").nfc().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        Normalizer::default().text(s).unwrap()
    }

    #[test]
    fn verbatim_keeps_what_the_decree_would_change() {
        let v = Normalizer::verbatim(ToneStyle::default());
        let src = "Theo \"Quy chế\" , qui định hoà giải – thuỷ lợi";
        assert_eq!(v.text(src).unwrap(), src);
        assert_eq!(
            v.text("a\u{0301}  b").unwrap(),
            "á b",
            "NFC and spaces still apply"
        );
        assert_eq!(v.markup("• mục").unwrap(), "- mục");
    }

    #[test]
    fn an_escaped_quote_stays_straight() {
        assert_eq!(n(r#"gọi là \"A\" và "B""#), "gọi là \"A\" và “B”");
        let m = Normalizer::default().markup(r#"gọi là \"A\""#).unwrap();
        assert_eq!(
            m, r#"gọi là \"A\""#,
            "the markup parser drops the backslash"
        );
    }

    #[test]
    fn nfd_becomes_nfc() {
        let nfd: String = "Ủy ban nhân dân".nfd().collect();
        assert_ne!(nfd, "Ủy ban nhân dân");
        assert_eq!(n(&nfd), "Ủy ban nhân dân");
    }

    #[test]
    fn spacing() {
        assert_eq!(n("( gọi tắt là cơ sở )"), "(gọi tắt là cơ sở)");
        assert_eq!(n("a  ,  b ;c :   d"), "a, b;c: d");
        assert_eq!(n("  hai\t\tkhoảng  "), "hai khoảng");
        assert_eq!(n("thực hiện./."), "thực hiện./.");
    }

    #[test]
    fn tone_marks_on_common_words_only() {
        assert_eq!(
            n("hoà bình, thuỷ lợi, Uỷ ban"),
            "hòa bình, thủy lợi, Ủy ban"
        );
        // Names keep their spelling.
        assert_eq!(
            n("ông Nguyễn Văn Thuỷ, tỉnh Khánh Hoà"),
            "ông Nguyễn Văn Thuỷ, tỉnh Khánh Hoà"
        );
        let main = Normalizer::new(ToneStyle::MainVowel);
        assert_eq!(
            main.text("hòa bình, ủy quyền").unwrap(),
            "hoà bình, uỷ quyền"
        );
    }

    #[test]
    fn qui_becomes_quy() {
        assert_eq!(n("qui định, nội qui, quí vị"), "quy định, nội quy, quý vị");
        assert_eq!(n("quyết định"), "quyết định");
    }

    #[test]
    fn quotes_and_dashes() {
        assert_eq!(
            n("phong trào \"Toàn dân\" nhé"),
            "phong trào “Toàn dân” nhé"
        );
        assert_eq!(n("• mục"), "- mục");
        assert_eq!(n("Độc lập – Tự do"), "Độc lập - Tự do");
    }

    #[test]
    fn citations_are_quoted_as_written() {
        for c in [
            "Chỉ thị số 11-CT/TU ngày 04/01/2026",
            "Công văn số 15972/SXD-QLN& TTBĐS ngày 14 tháng 11 năm 2025",
            "Văn bản số 01/GĐN- DH",
            "Số: 5973 /UBND-KT",
        ] {
            assert_eq!(n(c), c);
        }
    }

    #[test]
    fn control_characters_are_refused_with_position() {
        let e = Normalizer::default()
            .markup("dòng một\nab\u{7}c")
            .unwrap_err();
        assert_eq!(
            e,
            TextError::Illegal {
                ch: '\u{7}',
                why: crate::text::chars::Illegal::Control,
                line: 2,
                column: 3
            }
        );
        let e = Normalizer::default().text("Hòa\u{FFFF}").unwrap_err();
        assert!(matches!(
            e,
            TextError::Illegal {
                ch: '\u{FFFF}',
                why: crate::text::chars::Illegal::Noncharacter,
                line: 1,
                column: 4
            }
        ));
    }

    #[test]
    fn markup_keeps_lines() {
        let m = Normalizer::default()
            .markup("1. Một  ;\r\n- hai\r\n")
            .unwrap();
        assert_eq!(m, "1. Một;\n- hai\n");
    }
}
