//! The text of the document: Times New Roman throughout; body paragraphs 13–14 pt, justified,
//! first-line indent 1 or 1.27 cm, at least 6 pt between paragraphs, line spacing from single
//! to 1.5 lines; điểm letters in Vietnamese order; the body's closing `./.`.
//! Formatting findings are grouped by measured value: "cỡ chữ 12 pt ở 7 đoạn" once, not seven
//! times, so a document with one habit gets one finding.

use super::{
    Checker, Origin, block_words, cm, is_times, main_size, para, pt, text, visible, words,
};
use crate::i18n::{Msg, Qty};
use crate::markup::Mark;
use crate::model::{Align, Block, LineRule, Paragraph, Region, Role};
use crate::msg;
use crate::nd30;

/// ±0.03 cm: 1.25 cm (709 twips), what clerks type for 1.27 cm, is accepted (nd30.md §1.2).
const INDENT_TOLERANCE: i32 = 17;

/// A whole-paragraph left indent this small (1 mm) is a style's hairline shift, not an indent.
const HAIRLINE: i32 = 57;

/// Groups blocks by a measured value and emits one finding per value.
fn grouped<K: PartialEq + Clone>(
    c: &mut Checker,
    code: &'static str,
    items: Vec<(K, &Block)>,
    message: impl Fn(&K, usize) -> (Msg, String, String),
) {
    let mut groups: Vec<(K, Vec<&Block>)> = Vec::new();
    for (k, b) in items {
        match groups.iter_mut().find(|g| g.0 == k) {
            Some(g) => g.1.push(b),
            None => groups.push((k, vec![b])),
        }
    }
    for (k, bs) in groups {
        let (m, measured, allowed) = message(&k, bs.len());
        let f = c
            .make(code, bs.first().copied(), m)
            .measured(measured, allowed);
        c.push(f);
    }
}

/// Where the body may start: at the header's first block. What stands above the header (a
/// report's cover sheet, a tờ trình's table of contents) is not the body the decree lays out:
/// its 16 pt titles and its contents lines are not judged as body text. A document with no
/// header at all is all body.
fn header_start(c: &Checker) -> usize {
    c.doc
        .blocks()
        .position(|b| {
            matches!(
                b.role,
                Role::QuocHieu | Role::TieuNgu | Role::ChuQuan | Role::CoQuan | Role::SoKyHieu
            )
        })
        .unwrap_or(0)
}

/// The paragraphs whose formatting the decree's body rules govern: body text outside tables,
/// below the header, with text, not a note in brackets set in italics (`(Chi tiết có Phụ lục
/// kèm theo)`).
fn body_paragraphs<'a>(c: &Checker<'a>) -> Vec<&'a Block> {
    let start = header_start(c);
    // A draft's stamp over the title (`DỰ THẢO`) is no body text.
    let mut titled = false;
    c.doc
        .blocks()
        .skip(start)
        .filter(|b| {
            titled |= b.role == Role::TenLoai;
            titled || b.role != Role::Body || !crate::reader::roles::is_stamp(&b.text())
        })
        .filter(|b| b.role == Role::Body && b.region == Region::Page)
        .filter(|b| para(b).is_some_and(|p| visible(p).next().is_some() && !is_note(p)))
        .collect()
}

fn is_note(p: &crate::model::Paragraph) -> bool {
    // Told by its first printed character before the text is joined.
    let first = p
        .runs
        .iter()
        .flat_map(|r| r.text.chars())
        .find(|c| !c.is_whitespace());
    if first != Some('(') {
        return false;
    }
    let t = p.text();
    let t = words(&t);
    t.starts_with('(') && t.trim_end_matches(['.', ';', ',']).ends_with(')') && super::all_italic(p)
}

/// Where the first line's text starts: the indents, plus the spaces or tab typed before it
/// (a tab goes to the next 1,27 cm stop, Word's default).
fn first_line_start(p: &crate::model::Paragraph) -> i32 {
    // A whole-paragraph shift of a millimetre or less (a style's `w:left="20"`) is not part
    // of the first line's indent the clerk set.
    let left = p.format.indent_left as i32;
    let set = if left <= HAIRLINE { 0 } else { left } + p.format.indent_first;
    let mut x = set;
    let mut spaces = 0;
    // Where the last tab typed before the first word took the line.
    let mut tab_stop: Option<i32> = None;
    'runs: for r in &p.runs {
        for ch in r.text.chars() {
            match ch {
                '\t' => {
                    spaces = 0;
                    x = (x.div_euclid(720) + 1) * 720;
                    tab_stop = Some(x);
                }
                ' ' | '\u{a0}' => {
                    spaces += 1;
                    x += crate::metrics::width_twips(" ", crate::metrics::Face::Regular, r.size)
                        as i32
                }
                _ => break 'runs,
            }
        }
    }
    // One to three stray spaces before the first word (or after the tab that indents it) are
    // a typing slip, not an indent: the setting or the tab stop is what the clerk chose.
    if spaces <= 3 {
        tab_stop.unwrap_or(set)
    } else {
        x
    }
}

/// Text set apart on purpose (a formula, a quotation) starts far in: not the body's indent.
const SET_APART: i32 = 1417;

pub fn run(c: &mut Checker) {
    fonts(c);
    let body = body_paragraphs(c);
    // ---- Size ------------------------------------------------------------------------------
    let items: Vec<(u32, &Block)> = body
        .iter()
        .filter_map(|b| main_size(para(b)?).map(|s| (s, *b)))
        .filter(|(s, _)| !nd30::SIZE_BODY.contains(*s))
        .collect();
    grouped(c, "ND30-BODY-SIZE", items, |s, n| {
        (
            msg!(
                "nội dung cỡ {} ở {} đoạn, Nghị định 30 quy định 13–14 pt",
                "body text is {} in {} paragraph(s), Decree 30 asks 13–14 pt",
                pt(*s),
                n
            ),
            pt(*s).0,
            "13–14 pt".into(),
        )
    });
    mixed_sizes(c, &body);
    // ---- Indent: the first line starts 1 cm or 1.27 cm in ------------------------------------
    // The căn cứ lines too: the decree sets them as the body (nd30.md §1.6).
    let indented: Vec<&Block> = c
        .doc
        .blocks()
        .filter(|b| b.role == Role::CanCu)
        .chain(body.iter().copied())
        .collect();
    // Grouped by the indent as shown: 539 and 540 twips are both "0,95 cm" to the clerk.
    let items: Vec<(String, &Block)> = indented
        .iter()
        .filter_map(|b| {
            let p = para(b)?;
            if matches!(p.format.align, Align::Center | Align::Right) {
                return None;
            }
            let first = first_line_start(p);
            let ok = [567, 720]
                .iter()
                .any(|v| (first - v).abs() <= INDENT_TOLERANCE);
            if ok || first >= SET_APART {
                return None;
            }
            let shown = if first < 0 {
                format!("-{}", cm(first.unsigned_abs()).0)
            } else {
                cm(first as u32).0
            };
            Some((shown, *b))
        })
        .collect();
    grouped(c, "ND30-BODY-INDENT", items, |v, n| {
        let shown = Qty(v.clone());
        (
            msg!(
                "thụt đầu dòng {} ở {} đoạn, Nghị định 30 quy định 1 cm hoặc 1,27 cm",
                "first-line indent {} in {} paragraph(s), Decree 30 asks 1 cm or 1.27 cm",
                shown,
                n
            ),
            shown.0.clone(),
            "1 cm; 1,27 cm".into(),
        )
    });
    spacing(c);
    // ---- Line spacing ----------------------------------------------------------------------
    let items: Vec<(String, &Block)> = body
        .iter()
        .filter_map(|b| {
            let p = para(b)?;
            let f = p.format;
            let size = main_size(p).unwrap_or(28);
            let ok = match f.line_rule {
                LineRule::Auto => nd30::LINE_SPACING.contains(f.line),
                // Exact or at-least, in twips: one line of the font (its size) up to 1.5 of
                // Times New Roman's line height (1.15 × the size).
                LineRule::Exact => {
                    let one = size * 10;
                    f.line >= one && f.line <= one * 115 * 3 / 200 + 10
                }
                // "At least" a small value is single spacing: only the top bound matters.
                LineRule::AtLeast => f.line <= size * 10 * 115 * 3 / 200 + 10,
            };
            let shown = match f.line_rule {
                LineRule::Auto => {
                    format!("{:.2} dòng", f64::from(f.line) / 240.0).replace('.', ",")
                }
                LineRule::Exact => format!("chính xác {}", pt(f.line / 10).0),
                LineRule::AtLeast => format!("tối thiểu {}", pt(f.line / 10).0),
            };
            (!ok).then_some((shown, *b))
        })
        .collect();
    grouped(c, "ND30-LINE-SPACING", items, |v, n| {
        (
            msg!(
                "giãn dòng {} ở {} đoạn, Nghị định 30 quy định từ 1 dòng đến 1,5 dòng",
                "line spacing {} in {} paragraph(s), Decree 30 asks single to 1.5 lines",
                v,
                n
            ),
            v.clone(),
            "1–1,5 dòng".into(),
        )
    });
    // ---- Justification: running text (longer than a line) aligned on both sides -----------
    // The căn cứ lines are set as the body here too.
    let items: Vec<(&'static str, &Block)> = indented
        .iter()
        .filter_map(|b| {
            let p = para(b)?;
            let long = c.words_of(b).chars().count() > 100;
            match p.format.align {
                Align::Left if long => Some(("trái", *b)),
                Align::Right if long => Some(("phải", *b)),
                _ => None,
            }
        })
        .collect();
    grouped(c, "ND30-BODY-JUSTIFY", items, |side, n| {
        (
            msg!(
                "{} đoạn nội dung canh lề {}, không canh đều hai lề",
                "{} body paragraph(s) aligned {} instead of justified",
                n,
                side
            ),
            format!("canh {side}"),
            "canh đều".into(),
        )
    });
    if c.origin == Origin::Docx {
        points(c, &body);
    }
    numbering(c, &body);
    end_mark(c);
}

/// Spacing between paragraphs: the gap after one plus before the next (an empty line between
/// them is space too).
fn spacing(c: &mut Checker) {
    let mut items: Vec<(u32, &Block)> = Vec::new();
    // The căn cứ are paragraphs of the content (ô 6) as much as the articles under them; only
    // neighbours are compared (the last căn cứ and `Điều 1.` have `QUYẾT ĐỊNH:` between them).
    let start = header_start(c);
    let flow: Vec<(usize, &Block)> = c
        .doc
        .blocks()
        .enumerate()
        .skip(start)
        .filter(|(_, b)| matches!(b.role, Role::Body | Role::CanCu) && b.region == Region::Page)
        .collect();
    for pair in flow.windows(2) {
        let ((i, first), (j, second)) = (pair[0], pair[1]);
        if first.role != second.role && j != i + 1 {
            continue;
        }
        let pair = [first, second];
        let (Some(a), Some(b)) = (para(pair[0]), para(pair[1])) else {
            continue;
        };
        let judged = |p: &crate::model::Paragraph| {
            visible(p).next().is_some() && !is_note(p) && p.format.align != Align::Center
        };
        if !judged(a) || !judged(b) {
            continue;
        }
        let gap = a.format.space_after + b.format.space_before;
        if gap < nd30::PARA_SPACING.min {
            items.push((gap, pair[1]));
        }
    }
    grouped(c, "ND30-BODY-SPACING", items, |gap, n| {
        (
            msg!(
                "cách đoạn {} ở {} chỗ, Nghị định 30 quy định tối thiểu 6 pt",
                "{} between paragraphs in {} place(s), Decree 30 asks at least 6 pt",
                pt(*gap / 10),
                n
            ),
            pt(*gap / 10).0,
            "≥ 6 pt".into(),
        )
    });
}

/// `Điều 1.` … `Điều n.` in sequence, and the Roman mục I, II, III … in sequence (each phụ
/// lục numbers its own of both); points written `a.` instead of `a)`.
fn numbering(c: &mut Checker, body: &[&Block]) {
    let mut out: Vec<(&'static str, &Block, Msg)> = Vec::new();
    let mut article = 0u32;
    let mut roman = 0usize;
    let mut roman_label = String::new();
    let mut last_label = 0usize;
    // How many phụ lục labels come before each body block: one walk of the document, as
    // `body` is in document order (searching the document per block was quadratic).
    let mut labels_before = Vec::with_capacity(body.len());
    let mut seen = 0usize;
    for b in c.doc.blocks() {
        if labels_before.len() < body.len() && std::ptr::eq(b, body[labels_before.len()]) {
            labels_before.push(seen);
        }
        if b.role == Role::PhuLucLabel {
            seen += 1;
        }
    }
    labels_before.resize(body.len(), seen);
    // A tờ trình, báo cáo or công văn has no articles of its own: a line opening "Điều 18 dự
    // thảo Luật quy định …" cites a law's (a ministry's tờ trình on a draft law had 15 such
    // lines told they were out of sequence).
    let has_articles = !matches!(
        c.doc.kind.as_str(),
        "to-trinh" | "bao-cao" | "cong-van" | "thong-bao" | "bien-ban" | "cong-dien" | "giay-moi"
    );
    for (b, &label) in body.iter().zip(&labels_before) {
        // A new phụ lục, or a text issued with the document (a quy chế's own Điều 1 …),
        // numbers from I and from Điều 1 again.
        if label != last_label {
            last_label = label;
            roman = 0;
            article = 0;
        }
        let t = c.words_of(b);
        if let Some(rest) = t.strip_prefix("Điều ").filter(|_| has_articles) {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(n) = digits.parse::<u32>()
                && !cites_an_article(&rest[digits.len()..])
            {
                let after = rest[digits.len()..].chars().next();
                if after != Some('.') {
                    out.push((
                        "ND30-NUMBERING",
                        b,
                        msg!(
                            "\"Điều {}{}\": số điều theo sau là dấu chấm (\"Điều {}.\")",
                            "\"Điều {}{}\": the article number is followed by a full stop (\"Điều {}.\")",
                            n,
                            after.map(String::from).unwrap_or_default(),
                            n
                        ),
                    ));
                }
                if n != article + 1 {
                    out.push((
                        "ND30-NUMBERING",
                        b,
                        msg!(
                            "Điều {} đứng sau Điều {}: số điều phải liên tiếp",
                            "Điều {} follows Điều {}: articles are numbered in sequence",
                            n,
                            article
                        ),
                    ));
                }
                article = n;
                continue;
            }
        }
        let mark = match crate::markup::classify(&t).0 {
            // `I.Tổng quan`, typed without the space, is still section I.
            Mark::Para => glued_section(&t).map_or(Mark::Para, Mark::Section),
            m => m,
        };
        match mark {
            // `A.`, `B.`, `C.`: lettered parts, though C, D, L and M are Roman numerals too.
            Mark::Section(r)
                if r.chars().count() == 2
                    && roman_value(r.trim_end_matches('.')) != roman + 1
                    && !matches!(r.as_str(), "I." | "V." | "X.") => {}
            Mark::Section(r) => {
                let n = roman_value(r.trim_end_matches('.'));
                // "I." may start again (a phụ lục has its own sections).
                if n != roman + 1 && n > 1 {
                    let m = if roman == 0 {
                        msg!(
                            "mục \"{}\" là mục đầu tiên: số mục La Mã bắt đầu từ \"I.\"",
                            "section \"{}\" comes first: Roman numbers start at \"I.\"",
                            r
                        )
                    } else {
                        msg!(
                            "mục \"{}\" đứng sau mục \"{}\": số mục La Mã phải liên tiếp",
                            "section \"{}\" follows section \"{}\": Roman numbers run in sequence",
                            r,
                            roman_label
                        )
                    };
                    out.push(("ND30-NUMBERING", b, m));
                }
                roman = n;
                roman_label = r.clone();
            }
            Mark::Para => {
                if let Some((l, mark)) = dotted_point(&t) {
                    out.push((
                        "ND30-DIEM-FORM",
                        b,
                        msg!(
                            "điểm viết \"{}{}\": Nghị định 30 viết chữ cái và dấu ngoặc đơn \"{})\"",
                            "point written \"{}{}\": Decree 30 writes a letter and a bracket \"{})\"",
                            l,
                            mark,
                            l
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    for (code, b, m) in out {
        let f = c.make(code, Some(b), m);
        c.push(f);
    }
}

/// The letter and the mark of a point written "a. Text" or "a, Text" instead of "a) Text".
fn dotted_point(t: &str) -> Option<(char, char)> {
    let mut ch = t.trim_start().chars();
    match (ch.next(), ch.next(), ch.next()) {
        (Some(l), Some(mark @ ('.' | ',')), Some(' '))
            if crate::text::alpha::index_of(&l.to_string()).is_some()
                && ch.next().is_some_and(char::is_uppercase) =>
        {
            Some((l, mark))
        }
        _ => None,
    }
}

/// A point's label as typed by hand, with a tab or no space after it (`k)\tThành viên`,
/// `d)Tạm ngưng`): the line with one space after the label, as the markup reads points.
fn spaced_point(t: &str) -> std::borrow::Cow<'_, str> {
    let mut ch = t.char_indices();
    if let (Some((_, l)), Some((i, ')')), Some((j, next))) = (ch.next(), ch.next(), ch.next())
        && l.is_lowercase()
        && (next == '\t' || next.is_uppercase())
    {
        let rest = if next == '\t' { &t[j + 1..] } else { &t[j..] };
        return format!("{} {}", &t[..=i], rest.trim_start()).into();
    }
    t.into()
}

fn roman_value(s: &str) -> usize {
    let v = |c: char| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        _ => 0,
    };
    let chars: Vec<usize> = s.chars().map(v).collect();
    let mut total = 0;
    for (i, x) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|n| n > x) {
            total -= *x as isize;
        } else {
            total += *x as isize;
        }
    }
    total.max(0) as usize
}

/// A few words in another size inside a paragraph of the right size (a pasted phrase): the
/// paragraph's size passes, the words do not.
fn mixed_sizes(c: &mut Checker, body: &[&Block]) {
    let items: Vec<(u32, &Block)> = body
        .iter()
        .filter_map(|b| {
            let p = para(b)?;
            let main = main_size(p)?;
            if !nd30::SIZE_BODY.contains(main) {
                return None;
            }
            visible(p)
                .find(|r| {
                    !nd30::SIZE_BODY.contains(r.size)
                        && r.text.chars().filter(|c| c.is_alphanumeric()).count() >= 3
                })
                .map(|r| (r.size, *b))
        })
        .collect();
    grouped(c, "ND30-BODY-SIZE", items, |s, n| {
        (
            msg!(
                "chữ cỡ {} chen trong đoạn nội dung ở {} đoạn, Nghị định 30 quy định 13–14 pt",
                "words in {} inside body paragraphs in {} paragraph(s), Decree 30 asks 13–14 pt",
                pt(*s),
                n
            ),
            pt(*s).0,
            "13–14 pt".into(),
        )
    });
}

/// The face of every run with text, judged as Word shows it.
fn fonts(c: &mut Checker) {
    let legacy_said = c.out.iter().any(|f| f.code == "ND30-LEGACY-ENCODING");
    let mut found: Vec<(String, usize, &Block)> = Vec::new();
    for b in c.doc.blocks() {
        let Some(p) = para(b) else { continue };
        // Runs with letters: a symbol Times New Roman lacks (∛ in a formula) may come from
        // another face.
        for r in visible(p).filter(|r| r.text.chars().any(crate::text::is_letter)) {
            // The legacy encoding's finding names its fonts.
            let decoded = legacy_said && crate::text::legacy::Legacy::of_font(&r.font).is_some();
            if !is_times(&r.font) && !decoded {
                match found.iter_mut().find(|f| f.0 == r.font) {
                    Some(f) => f.1 += 1,
                    None => found.push((r.font.to_string(), 1, b)),
                }
            }
        }
    }
    for (font, n, b) in found {
        let f = c
            .make(
                "ND30-FONT",
                Some(b),
                msg!(
                    "{} đoạn chữ dùng phông \"{}\", không phải Times New Roman",
                    "{} run(s) of text are in \"{}\", not Times New Roman",
                    n,
                    font
                ),
            )
            .measured(font.clone(), "Times New Roman")
            .hint(msg!(
                "chọn cả văn bản (Ctrl+A) và đặt phông Times New Roman",
                "select all (Ctrl+A) and set the font to Times New Roman"
            ));
        c.push(f);
    }
}

/// A khoản typed without its full stop (`2 Yêu cầu`) or numbered below a khoản (`2.2 Trường
/// hợp …`): the points under it start again at a).
fn numbered_heading(t: &str) -> bool {
    let t = t.trim_start();
    let digits = t
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    if digits == 0 || !t.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    let rest = &t[digits..];
    rest.starts_with(char::is_whitespace)
        && rest
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// Whether what follows "Điều N" makes a sentence citing an article ("Điều 26 Luật BHYT quy
/// định", "Điều 60 của Luật …") rather than the document's own heading ("Điều 3. Tổ chức …",
/// or a heading missing its full stop, "Điều 3 Tổ chức thực hiện").
fn cites_an_article(after_number: &str) -> bool {
    let Some(rest) = after_number.strip_prefix(' ') else {
        return false;
    };
    let word = rest.split_whitespace().next().unwrap_or("");
    word.starts_with(char::is_lowercase)
        || [
            "Luật", "Bộ", "Nghị", "Thông", "Quyết", "Hiến", "Pháp", "Chỉ", "Hiệp", "Công",
        ]
        .contains(&word)
}

/// Điểm letters a b c d đ e g h i k …: Word's automatic `a)` lists skip đ, and f, j, w, z are
/// no Vietnamese letters.
fn points(c: &mut Checker, body: &[&Block]) {
    let mut prev: Option<usize> = None;
    // After a letter that is not Vietnamese (`f)`, `j)`), reported on its own line, the next
    // point sets the order again instead of being judged against it.
    let mut resync = false;
    let mut out = Vec::new();
    // A passage quoted from a law ("“1. Các trường hợp …”, then its own "a)", "…", "e)") keeps
    // the law's lettering: its points are not the document's. The quote runs from a paragraph
    // that opens with a quotation mark to one that closes it, or up to the first paragraph
    // that is no clause, point or ellipsis of it; the document's order resumes after it.
    let mut quoted: Option<Option<usize>> = None;
    let mut opens_list = false;
    for b in body {
        let t = text(b);
        let line = spaced_point(t.trim_start());
        let (mark, _) = crate::markup::classify(&line);
        let tt = t.trim();
        if quoted.is_none() && tt.starts_with(['“', '"', '«', '„']) {
            quoted = Some(prev);
        }
        if let Some(saved) = quoted {
            let part_of_quote = tt.starts_with(['“', '"', '«', '„', '…'])
                || tt.starts_with("...")
                || tt.starts_with(|ch: char| ch.is_ascii_digit())
                || matches!(mark, Mark::Point(..));
            if part_of_quote {
                let closed = tt
                    .trim_end_matches(['.', ';', ',', ')', ':'])
                    .ends_with(['”', '"', '»']);
                if closed {
                    quoted = None;
                    prev = saved;
                }
                continue;
            }
            quoted = None;
            prev = saved;
        }
        match mark {
            Mark::Point(letter, idx) => match idx {
                None => {
                    out.push((
                        *b,
                        msg!(
                            "điểm \"{})\": chữ \"{}\" không có trong bảng chữ cái tiếng Việt",
                            "point \"{})\": \"{}\" is not a letter of the Vietnamese alphabet",
                            letter,
                            letter
                        ),
                    ));
                    resync = true;
                    continue;
                }
                Some(i) => {
                    let expected = prev.map_or(0, |p| p + 1);
                    let restart = std::mem::take(&mut opens_list) && i == 0;
                    let in_order = i == expected || (prev.is_none() && i == 0);
                    if !(in_order || resync || restart) {
                        let want = crate::text::alpha::letter(expected).unwrap_or("?");
                        out.push((
                            *b,
                            msg!(
                                "điểm \"{})\" sau điểm trước phải là \"{})\" (thứ tự a b c d đ e g h …)",
                                "point \"{})\" should be \"{})\" here (order a b c d đ e g h …)",
                                letter,
                                want
                            ),
                        ));
                    }
                    prev = Some(i);
                    resync = false;
                    continue;
                }
            },
            // A point written "a." or "a," is reported by ND30-DIEM-FORM; it still holds its
            // place in the order, so the "b)" after it is not a second finding.
            Mark::Para => {
                if let Some((l, _)) = dotted_point(&t) {
                    prev = crate::text::alpha::index_of(&l.to_string());
                } else if numbered_heading(&t) {
                    prev = None;
                    resync = false;
                } else if tt.ends_with(':') {
                    // A sentence that opens a list ("… được hình thành từ các nguồn sau
                    // đây:") may start a list of its own: an "a)" under it is no
                    // break in the order; any other letter still follows the points above.
                    opens_list = true;
                }
            }
            Mark::Dash | Mark::Plus => {}
            _ => {
                prev = None;
                resync = false;
            }
        }
    }
    for (b, m) in out {
        let f = c.make("ND30-DIEM-ORDER", Some(b), m);
        c.push(f);
    }
}

/// The last paragraph of the text before the signature ends with `./.`. Without a signature
/// block (a copy published without it, whose missing signature is reported already) the text
/// ends where the document's own blocks end: before a phụ lục, a form or a bản sao.
fn end_mark(c: &mut Checker) {
    // The text runs on over section breaks (a landscape table in a section of its own) up to
    // the signature, but not into another document set in the same file.
    let others = super::other_documents(c.doc);
    let blocks: Vec<&Block> = c
        .doc
        .blocks()
        .take_while(|b| !others.contains(&(*b as *const Block)))
        .collect();
    let signed = [Role::NoiNhanHeading, Role::QuyenHan, Role::ChucVu]
        .into_iter()
        .any(|r| c.first(r).is_some());
    let sign = blocks
        .iter()
        .position(|b| matches!(b.role, Role::NoiNhanHeading | Role::QuyenHan | Role::ChucVu))
        .or_else(|| {
            (!signed).then(|| {
                blocks.iter().position(|b| {
                    matches!(
                        b.role,
                        Role::PhuLucLabel | Role::Form | Role::BanSao | Role::NguoiSoan
                    )
                })
            })?
        })
        .unwrap_or(blocks.len());
    // A note in brackets under the text (`(Đính kèm …)`, `(Hoàn lại đơn …)`) stands after
    // the end mark; the body ends above it.
    // So does the list of enclosures a tờ trình closes with ("Hồ sơ kèm theo gồm: …", "(Xin
    // gửi kèm theo: …).", kinds.md: notes go on their own line after the text), and the
    // place-and-date line some texts are signed under (a quy trình's "Hưng Yên, ngày …").
    let note = |b: &Block| {
        let t = block_words(b);
        if crate::reader::roles::is_date_line(&t) {
            return true;
        }
        let t = t.trim_end_matches(['.', ';']);
        (t.starts_with('(') && t.ends_with(')'))
            || [
                "Hồ sơ kèm theo",
                "Hồ sơ gửi kèm",
                "Tài liệu kèm theo",
                "Tài liệu gửi kèm",
                "Xin gửi kèm theo",
                "Gửi kèm theo",
            ]
            .iter()
            .any(|o| t.starts_with(o))
    };
    // The text's last paragraph: a table's last one when the text ends with a table (a biên
    // bản's list of the work handed over), where the clerk types the mark.
    let last = blocks[..sign]
        .iter()
        .copied()
        .rev()
        .filter(|b| b.role == Role::Body && !note(b))
        .find_map(|b| {
            super::paragraphs_of(b)
                .filter(|p| visible(p).next().is_some())
                .last()
                .map(|p| (b, p))
        });
    // Without a signature the last paragraph may be one the reader did not see as its lines
    // (a signer's title, a name): the text is judged only when it ends with a sentence, and a
    // "./." above it is not judged (where the text ends is then a guess).
    if !signed
        && !last.is_some_and(|(_, p)| {
            let t = super::words_owned(p.text());
            t.chars().count() > 40 && t.ends_with(['.', ';', ':'])
        })
    {
        return;
    }
    // A "./." typed before the body's end: the text after it reads as outside the document.
    let ends = |p: &Paragraph| {
        // The last three printed characters, spaces (no-break ones too) skipped.
        let mut tail = p
            .runs
            .iter()
            .rev()
            .flat_map(|r| r.text.chars().rev())
            .filter(|c| !c.is_whitespace());
        tail.next() == Some('.') && tail.next() == Some('/') && tail.next() == Some('.')
    };
    if let Some(early) = blocks[..sign]
        .iter()
        .copied()
        .filter(|_| signed)
        .filter(|b| b.role == Role::Body)
        .find(|b| last.is_some_and(|(l, _)| !std::ptr::eq(*b, l)) && para(b).is_some_and(ends))
    {
        let f = c.make(
            "ND30-END-MARK",
            Some(early),
            msg!(
                "dấu \"./.\" đặt giữa nội dung: chỉ đặt một lần, liền sau chữ cuối cùng của nội dung",
                "\"./.\" in the middle of the body: it stands once, right after the body's last word"
            ),
        );
        c.push(f);
    }
    if let Some((b, p)) = last {
        let t = super::words_owned(p.text());
        // `./.` broken by a no-break space (`. /.`) is still the end mark.
        if !ends(p) {
            let tail: String = t
                .chars()
                .rev()
                .take(12)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let f = c
                .make(
                    "ND30-END-MARK",
                    Some(b),
                    msg!(
                        "nội dung không kết thúc bằng \"./.\" (đoạn cuối: \"…{}\")",
                        "the body does not end with \"./.\" (last paragraph: \"…{}\")",
                        tail
                    ),
                )
                .hint(msg!(
                    "thêm \"./.\" liền sau chữ cuối cùng của nội dung",
                    "add \"./.\" right after the body's last word"
                ));
            c.push(f);
        }
    }
}

/// A Roman section label glued to its heading (`II.Kết quả`): the label.
fn glued_section(t: &str) -> Option<String> {
    let t = t.trim_start();
    let dot = t.find('.')?;
    let (num, rest) = (&t[..dot], &t[dot + 1..]);
    (crate::text::numerals::looks_roman(num) && rest.starts_with(char::is_uppercase))
        .then(|| format!("{num}."))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_khoan_without_its_stop_or_below_a_khoan_restarts_the_points() {
        assert!(super::numbered_heading("2 Yêu cầu"));
        assert!(super::numbered_heading(
            "2.2 Trường hợp số định danh trùng:"
        ));
        assert!(super::numbered_heading("  3. Tổ chức thực hiện"));
        assert!(!super::numbered_heading("15 ngày kể từ ngày nhận"));
        assert!(!super::numbered_heading("a) Thông báo"));
        assert!(!super::numbered_heading("Điều 2. Phạm vi"));
    }
}
