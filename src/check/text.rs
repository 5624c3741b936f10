//! Text hygiene: precomposed letters (NFC, TCVN 6909:2001 as Unikey types it), one tone-mark
//! style among the body's common words, no doubled spaces inside running text. The blanks of
//! an unassigned number or day and the spaces offices use to centre a line are not doubled
//! spaces: only the inside of body, căn cứ, Kính gửi and Nơi nhận text is looked at.

use super::{Checker, para};
use crate::model::{Block, Role};
use crate::msg;
use crate::text::tone::{ToneStyle, place_in_word};
use unicode_normalization::UnicodeNormalization;

pub fn run(c: &mut Checker) {
    nfd(c);
    tone_mix(c);
    double_spaces(c);
}

fn raw(b: &Block) -> String {
    para(b).map(|p| p.text()).unwrap_or_default()
}

fn nfd(c: &mut Checker) {
    let mut n = 0;
    let mut first: Option<&Block> = None;
    let mut example = String::new();
    for (b, p) in super::paragraphs(c.doc) {
        // Vietnamese letters typed decomposed: a base letter followed by a combining mark (an
        // Ohm sign NFC would map to Omega is no such thing). A mark is found in its run
        // without joining the paragraph's runs first.
        if p.runs.iter().any(|r| has_combining_mark(&r.text)) {
            let t = p.text();
            n += 1;
            if first.is_none() {
                first = Some(b);
                example = t
                    .split_whitespace()
                    .find(|w| w.chars().any(|ch| ('\u{300}'..='\u{36f}').contains(&ch)))
                    .map(|w| w.nfc().collect())
                    .unwrap_or_default();
            }
        }
    }
    if let Some(b) = first {
        let f = c
            .make(
                "ND30-TEXT-NFD",
                Some(b),
                msg!(
                    "{} đoạn có chữ Việt tổ hợp (dấu rời, Unicode NFD), ví dụ \"{}\": dễ sai khi tìm kiếm, sắp xếp",
                    "{} paragraph(s) have decomposed Vietnamese letters (Unicode NFD), e.g. \"{}\": search and sorting go wrong",
                    n,
                    example
                ),
            )
            .hint(msg!(
                "gõ lại bằng Unikey/EVKey kiểu Unicode dựng sẵn, hoặc chuyển mã sang Unicode dựng sẵn",
                "retype with Unikey/EVKey in precomposed Unicode, or convert the text to NFC"
            ));
        c.push(f);
    }
}

/// Whether the text holds a combining diacritical mark (U+0300–U+036F), read as bytes: in
/// UTF-8 those are `CC 80`–`CD AF`, and nothing else starts with `CC` or with `CD` below `B0`.
/// `CC` and `CD` are lead bytes only, so every hit of the search is a character's start.
fn has_combining_mark(t: &str) -> bool {
    let b = t.as_bytes();
    memchr::memchr2_iter(0xCC, 0xCD, b)
        .any(|i| b[i] == 0xCC || b.get(i + 1).is_some_and(|&y| y < 0xB0))
}

/// Which tone-mark style a word is written in, where the two styles differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordStyle {
    /// `hòa`, `ủy`
    FirstVowel,
    /// `hoà`, `uỷ`
    MainVowel,
    /// The same in both styles, or not a word they apply to.
    Either,
}

fn classify(w: &str) -> WordStyle {
    let w: &str = &w.to_lowercase();
    match (
        place_in_word(w, ToneStyle::FirstVowel),
        place_in_word(w, ToneStyle::MainVowel),
    ) {
        (Some(a), Some(b)) if a != b && w == a => WordStyle::FirstVowel,
        (Some(a), Some(b)) if a != b && w == b => WordStyle::MainVowel,
        _ => WordStyle::Either,
    }
}

thread_local! {
    /// Words already classified. Vietnamese has a few thousand syllables, so after the first
    /// pages nearly every word is a lookup rather than two tone placements.
    static STYLES: std::cell::RefCell<std::collections::HashMap<String, WordStyle>> =
        Default::default();
}

/// [`classify`], remembered per thread (bounded: a pathological text cannot grow it forever).
fn style_of(w: &str) -> WordStyle {
    // Most words cannot end in oa, oe or uy: told from their last two letters, no lookup.
    if !crate::text::tone::may_be_open_syllable(w) {
        return WordStyle::Either;
    }
    if let Some(s) = STYLES.with_borrow(|m| m.get(w).copied()) {
        return s;
    }
    let s = classify(w);
    STYLES.with_borrow_mut(|m| {
        if m.len() > 100_000 {
            m.clear();
        }
        m.insert(w.to_string(), s);
    });
    s
}

/// The words of `t` (runs of letters) that may end in `oa`, `oe` or `uy`, in order: one pass
/// over its characters, and nothing done for the other words.
fn open_syllable_words(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let (mut prev, mut last) = ('\0', '\0');
    for (i, ch) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
        if crate::text::is_letter(ch) {
            if start.is_none() {
                start = Some(i);
                last = '\0';
            }
            prev = last;
            last = ch;
        } else if let Some(s) = start.take()
            && crate::text::tone::open_pair(prev, last)
        {
            out.push(&t[s..i]);
        }
    }
    out
}

/// How many of a paragraph's common words take each tone-mark style, with the first of each.
#[derive(Clone, Default)]
struct Styles {
    first_vowel: usize,
    main_vowel: usize,
    first_vowel_example: Option<String>,
    main_vowel_example: Option<String>,
}

thread_local! {
    /// The styles of paragraphs seen in earlier documents.
    static TONES: std::cell::RefCell<crate::text::memo::TextMemo<(), Styles>> =
        std::cell::RefCell::new(crate::text::memo::TextMemo::new(48, crate::text::memo::MAX_BYTES));
}

pub(super) fn forget() {
    TONES.with_borrow_mut(crate::text::memo::TextMemo::clear);
}

fn styles_in(t: &str) -> Styles {
    let mut s = Styles::default();
    for w in open_syllable_words(t) {
        // Proper names keep their own spelling: only lower-case common words count, and "Ủy"
        // (Ủy ban, never a name).
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if w.is_empty() || capital && !matches!(w, "Ủy" | "Uỷ") {
            continue;
        }
        match style_of(w) {
            WordStyle::FirstVowel => {
                s.first_vowel += 1;
                s.first_vowel_example
                    .get_or_insert_with(|| w.to_lowercase());
            }
            WordStyle::MainVowel => {
                s.main_vowel += 1;
                s.main_vowel_example.get_or_insert_with(|| w.to_lowercase());
            }
            WordStyle::Either => {}
        }
    }
    s
}

fn tone_mix(c: &mut Checker) {
    let mut first_vowel = 0;
    let mut main_vowel = 0;
    let mut first_mv: Option<(&Block, String)> = None;
    let mut first_fv: Option<(&Block, String)> = None;
    for (b, p) in super::paragraphs(c.doc)
        .into_iter()
        .filter(|(b, _)| matches!(b.role, Role::Body | Role::CanCu))
    {
        // The paragraph's words as the other rules read them (NFC, made once).
        let t = c.words.get(p);
        let styles = TONES.with_borrow_mut(|m| m.get_or((), &t, styles_in));
        first_vowel += styles.first_vowel;
        main_vowel += styles.main_vowel;
        if let Some(w) = styles.first_vowel_example {
            first_fv.get_or_insert((b, w));
        }
        if let Some(w) = styles.main_vowel_example {
            first_mv.get_or_insert((b, w));
        }
    }
    if first_vowel > 0 && main_vowel > 0 {
        // Point at the style the document uses less.
        let (at, word) = if main_vowel <= first_vowel {
            first_mv.expect("counted")
        } else {
            first_fv.expect("counted")
        };
        let f = c
            .make(
                "ND30-TONE-MIX",
                Some(at),
                msg!(
                    "hai kiểu đặt dấu thanh trong nội dung: {} từ kiểu \"hòa, ủy\" và {} từ kiểu \"hoà, uỷ\" (ví dụ \"{}\")",
                    "two tone-mark styles in the body: {} words in the \"hòa, ủy\" style and {} in the \"hoà, uỷ\" style (e.g. \"{}\")",
                    first_vowel,
                    main_vowel,
                    word
                ),
            )
            .measured(
                format!("{first_vowel} hòa / {main_vowel} hoà"),
                "một kiểu",
            );
        c.push(f);
    }
}

fn double_spaces(c: &mut Checker) {
    let roles = [
        Role::Body,
        Role::CanCu,
        Role::KinhGui,
        Role::NoiNhan,
        Role::TrichYeu,
    ];
    let mut n = 0;
    let mut first = None;
    for b in c
        .doc
        .blocks()
        .filter(|b| roles.contains(&b.role) && b.region != crate::model::Region::HeaderRight)
        .filter(|b| b.region != crate::model::Region::HeaderLeft)
    {
        if has_doubled_space(&raw(b)) {
            n += 1;
            first.get_or_insert(b);
        }
    }
    if let Some(b) = first {
        let f = c.make(
            "ND30-DOUBLE-SPACE",
            Some(b),
            msg!(
                "{} đoạn có hai dấu cách liền nhau giữa các chữ",
                "{} paragraph(s) have doubled spaces between words",
                n
            ),
        );
        c.push(f);
    }
}

/// Two spaces in a row inside the text (a no-break space counts as a space; the ends do not
/// count), read in one pass without copying.
fn has_doubled_space(t: &str) -> bool {
    // Read as bytes: a space is `20`, a no-break space `C2 A0`; nothing else contains either.
    // Two plain spaces are found by a vectorised search; only a text holding a no-break space
    // is walked byte by byte (a tenth of the checker's time went to walking every paragraph).
    let b = t.trim().as_bytes();
    if memchr::memmem::find(b, b"  ").is_some() {
        return true;
    }
    if memchr::memmem::find(b, "\u{a0}".as_bytes()).is_none() {
        return false;
    }
    let mut after_space = false;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let width = if x == b' ' {
            1
        } else if x == 0xC2 && b.get(i + 1) == Some(&0xA0) {
            2
        } else {
            0
        };
        if width > 0 && after_space {
            return true;
        }
        after_space = width > 0;
        i += width.max(1);
    }
    false
}

/// A document typed without Vietnamese diacritics (`CONG HOA XA HOI CHU NGHIA VIET NAM`,
/// `Ve viec trien khai`): said once, at its first paragraph. Letters with marks are nearly a
/// third of Vietnamese words; a text of some length with next to none has lost them all.
pub fn without_diacritics(c: &mut Checker) -> bool {
    let mut words = 0usize;
    let mut marked = 0usize;
    for b in c
        .doc
        .blocks()
        .filter(|b| b.region != crate::model::Region::Footer)
    {
        let Some(p) = para(b) else { continue };
        for w in p.text().split_whitespace() {
            if !w.chars().any(char::is_alphabetic) {
                continue;
            }
            words += 1;
            if !w.is_ascii() && w.chars().any(|ch| ch.is_alphabetic() && !ch.is_ascii()) {
                marked += 1;
            }
        }
        // Enough words read, and enough of them marked: the rest cannot change the answer.
        if words >= 40 && marked * 50 > words {
            return false;
        }
    }
    if words < 40 || marked * 50 > words {
        return false;
    }
    let at = c
        .doc
        .blocks()
        .find(|b| b.source.is_some() && para(b).is_some());
    let f = c.make(
        "ND30-NO-DIACRITICS",
        at,
        msg!(
            "văn bản gõ không dấu ({} trên {} từ có dấu): viết tiếng Việt có dấu; các quy tắc so chữ (Quốc hiệu, Tiêu ngữ, ngày tháng, nơi nhận …) không chạy",
            "the document is typed without diacritics ({} of {} words carry one): write Vietnamese with its marks; the rules that compare words (Quốc hiệu, Tiêu ngữ, date, Nơi nhận …) were not run",
            marked,
            words
        ),
    );
    c.push(f);
    true
}

/// A document the reader decoded from a legacy 8-bit encoding (TCVN3, VNI): said once, at its
/// first paragraph in the legacy font. On the office's machine it printed as Vietnamese, so
/// every other rule judges the decoded words; but its characters are not TCVN 6909:2001
/// (Unicode), and any other program, a search or a copy into a Unicode document shows them
/// garbled. A few words decoded in a long text (a seal's caption) are not the document's
/// encoding: one word in ten.
pub fn legacy_encoding(c: &mut Checker) {
    let Some(l) = &c.doc.legacy else {
        return;
    };
    let words: usize = super::paragraphs(c.doc)
        .iter()
        .map(|(_, p)| {
            p.runs
                .iter()
                .map(|r| r.text.split_whitespace().count())
                .sum::<usize>()
        })
        .sum();
    if l.words * 10 < words {
        return;
    }
    let at = c.doc.blocks().find(|b| {
        super::paragraphs_of(b).any(|p| p.runs.iter().any(|r| r.font == l.font.as_str()))
    });
    let f = c
        .make(
            "ND30-LEGACY-ENCODING",
            at,
            msg!(
                "văn bản gõ bằng bảng mã cũ {}, phông {}: không phải Unicode theo TCVN 6909:2001, chữ chỉ hiện đúng khi máy có phông đó",
                "the document is typed in the legacy {} encoding, font {}: not Unicode (TCVN 6909:2001), its letters show right only where that font is installed",
                l.encoding,
                l.font
            ),
        )
        .hint(msg!(
            "chuyển mã sang Unicode (Unikey: Công cụ chuyển mã, từ {} sang Unicode) rồi đặt phông Times New Roman",
            "convert the text to Unicode (Unikey's converter, from {} to Unicode), then set Times New Roman",
            l.encoding
        ));
    c.push(f);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_syllable_words_are_the_split_words_that_may_move() {
        for t in [
            "Hòa bình, ủy ban và thủy lợi; khỏe hoà uỷ",
            "Ủy ban nhân dân tỉnh Khánh Hòa quy định",
            "oa oe uy a o",
            "",
            "hòa-hoà/uỷ",
        ] {
            let split: Vec<&str> = t
                .split(|ch: char| !crate::text::is_letter(ch))
                .filter(|w| crate::text::tone::may_be_open_syllable(w))
                .collect();
            assert_eq!(open_syllable_words(t), split, "{t:?}");
        }
    }

    #[test]
    fn doubled_spaces_are_inside_the_text() {
        for (t, doubled) in [
            ("a  b", true),
            ("a \u{a0}b", true),
            ("a\u{a0}\u{a0}b", true),
            ("  a b  ", false),
            ("a\t\tb", false),
            ("a b", false),
        ] {
            assert_eq!(has_doubled_space(t), doubled, "{t:?}");
            // The rule it replaces, as it read.
            assert_eq!(
                t.replace('\u{a0}', " ").trim().contains("  "),
                doubled,
                "{t:?}"
            );
        }
    }

    #[test]
    fn combining_marks_are_found_by_their_bytes() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            let t = format!("a{c}b");
            assert_eq!(
                has_combining_mark(&t),
                ('\u{300}'..='\u{36f}').contains(&c),
                "U+{:04X}",
                c as u32
            );
        }
    }
}
