//! vbhc's block markup (grammar in `docs/markup.md`): what a clerk types in a body field and
//! what a kind template produces. Each line is one block; a line's opening tells its level
//! (`I.` mục, `1.` khoản, `1.1.` sub-khoản, `a)` điểm, `-` and `+` items, `Điều 1.`,
//! `Phần I`), `|` lines are table rows, `[[slot: name]]` is a plugin slot, `**…**` and `*…*`
//! are bold and italic, a trailing `\` breaks the line inside a paragraph, and `\` before any
//! character makes it literal (`\1.` at the start of a line is text, not a khoản).

use crate::finding::codes;
use crate::text::alpha;

/// A span of text with its emphasis, as the clerk marked it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Inline {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// A line break before this span (from a trailing `\`).
    pub break_before: bool,
}

/// What a line's opening makes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    /// Plain paragraph.
    Para,
    /// `Phần I`, `Chương II`: centred heading.
    Part(String),
    /// `Điều 1.`
    Article(String),
    /// `I.`, `II.` — mục.
    Section(String),
    /// `1.` — khoản.
    Clause(String),
    /// `1.1.`, `2.3.1.` — sub-khoản.
    SubClause(String),
    /// `a)` — điểm, with its index in the Vietnamese alphabet (`None` for f, j, w, z).
    Point(String, Option<usize>),
    /// `-` item.
    Dash,
    /// `+` item.
    Plus,
}

impl Mark {
    /// Level in the flat block list: 1 phần, 2 mục/điều, 3 khoản, 4 sub-khoản, 5 điểm, 6 `-`,
    /// 7 `+`; 0 for a plain paragraph.
    pub fn level(&self) -> u8 {
        match self {
            Mark::Para => 0,
            Mark::Part(_) => 1,
            Mark::Section(_) | Mark::Article(_) => 2,
            Mark::Clause(_) => 3,
            Mark::SubClause(_) => 4,
            Mark::Point(..) => 5,
            Mark::Dash => 6,
            Mark::Plus => 7,
        }
    }

    /// The label as printed.
    pub fn label(&self) -> String {
        match self {
            Mark::Para => String::new(),
            Mark::Part(s)
            | Mark::Article(s)
            | Mark::Section(s)
            | Mark::Clause(s)
            | Mark::SubClause(s) => s.clone(),
            Mark::Point(l, _) => format!("{l})"),
            Mark::Dash => "-".into(),
            Mark::Plus => "+".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MBlock {
    Line {
        mark: Mark,
        inlines: Vec<Inline>,
        line: usize,
    },
    Table {
        rows: Vec<Vec<Vec<Inline>>>,
        header_rows: usize,
        line: usize,
    },
    Slot {
        name: String,
        line: usize,
    },
}

/// A problem in markup that does not stop rendering (a gap in điểm letters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupNote {
    pub line: usize,
    pub code: &'static str,
    pub vi: String,
    pub en: String,
}

/// The most columns a Word table may have (Word's documented limit); a wider one opens in
/// LibreOffice but not as written in Word.
pub const MAX_TABLE_COLUMNS: usize = 63;

fn check_tables(blocks: &[MBlock], notes: &mut Vec<MarkupNote>) {
    for b in blocks {
        if let MBlock::Table { rows, line, .. } = b {
            let n = rows.iter().map(Vec::len).max().unwrap_or(0);
            if n > MAX_TABLE_COLUMNS {
                notes.push(MarkupNote {
                    line: *line,
                    code: codes::MARKUP_TABLE_COLUMNS,
                    vi: format!(
                        "bảng có {n} cột; Word chỉ mở được bảng đến {MAX_TABLE_COLUMNS} cột"
                    ),
                    en: format!(
                        "the table has {n} columns; Word opens tables of at most {MAX_TABLE_COLUMNS}"
                    ),
                });
            }
        }
    }
}

/// `#. Tổ chức thực hiện`: a mục whose Roman number vbhc gives, the next after the mục before
/// it. Templates whose sections are optional use it (a kế hoạch without a budget section has
/// no gap between II and IV); a clerk may too.
pub const AUTO_SECTION: &str = "#. ";

/// Gives every automatic mục its number: one more than the mục before it, written or automatic.
fn number_sections(blocks: &mut [MBlock]) {
    let mut n = 0u32;
    for b in blocks {
        if let MBlock::Line {
            mark: Mark::Section(label),
            ..
        } = b
        {
            if label == AUTO_SECTION.trim() {
                n += 1;
                *label = format!("{}.", crate::text::numerals::roman(n));
            } else {
                let written = label.trim_end_matches('.');
                n = crate::text::numerals::from_roman(written).unwrap_or(n + 1);
            }
        }
    }
}

/// Splits the structural opening off a line. `None` when the line is a plain paragraph (or
/// starts with `\`).
pub fn classify(line: &str) -> (Mark, &str) {
    if line.starts_with('\\') {
        return (Mark::Para, line);
    }
    if let Some(rest) = line.strip_prefix("- ") {
        return (Mark::Dash, rest);
    }
    if let Some(rest) = line.strip_prefix("+ ") {
        return (Mark::Plus, rest);
    }
    if let Some(rest) = line.strip_prefix(AUTO_SECTION) {
        return (Mark::Section(AUTO_SECTION.trim().to_string()), rest);
    }
    let (head, rest) = match line.split_once(' ') {
        Some((h, r)) => (h, r),
        None => (line, ""),
    };
    for word in ["Phần", "Chương"] {
        if head == word {
            let (num, after) = rest.split_once(' ').unwrap_or((rest, ""));
            let n = num.trim_end_matches('.');
            // "Chương V của dự thảo luật quy định …" cites a chapter in a sentence: a
            // paragraph, not a heading (a heading's title is capitals or follows a stop).
            if (crate::text::numerals::looks_roman(n)
                || n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty())
                && !after.starts_with(char::is_lowercase)
            {
                return (Mark::Part(format!("{word} {n}")), after);
            }
        }
    }
    if head == "Điều" {
        let (num, after) = rest.split_once(' ').unwrap_or((rest, ""));
        if let Some(n) = num.strip_suffix('.')
            && !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
        {
            return (Mark::Article(format!("Điều {n}.")), after);
        }
    }
    if rest.is_empty() && !line.ends_with(' ') {
        // A bare label with no text is still a label (`a)` alone is rare; treat as text).
        return (Mark::Para, line);
    }
    if let Some(n) = head.strip_suffix('.') {
        if crate::text::numerals::looks_roman(n) {
            return (Mark::Section(head.to_string()), rest);
        }
        let parts: Vec<&str> = n.split('.').collect();
        if parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
        {
            return if parts.len() == 1 {
                (Mark::Clause(head.to_string()), rest)
            } else {
                (Mark::SubClause(head.to_string()), rest)
            };
        }
    }
    if let Some(l) = head.strip_suffix(')')
        && l.chars().count() == 1
        && l.chars().all(|c| c.is_lowercase())
    {
        return (Mark::Point(l.to_string(), alpha::index_of(l)), rest);
    }
    (Mark::Para, line)
}

/// Parses inline emphasis and escapes. Unbalanced `*` are kept as text.
pub fn inlines(s: &str) -> Vec<Inline> {
    // Most lines have no emphasis and no escapes: one plain span.
    if !s.bytes().any(|b| b == b'*' || b == b'\\') {
        return if s.is_empty() {
            Vec::new()
        } else {
            vec![Inline {
                text: s.to_string(),
                ..Inline::default()
            }]
        };
    }
    let chars: Vec<char> = s.chars().collect();
    // Find which `*`/`**` toggles are balanced: count unescaped markers.
    let mut out: Vec<Inline> = Vec::new();
    let mut cur = Inline::default();
    let (mut bold, mut italic) = (false, false);
    let count = |pat: &str| -> usize {
        let mut n = 0;
        let mut i = 0;
        while i < chars.len() {
            if chars[i] == '\\' {
                i += 2;
                continue;
            }
            if chars[i] == '*' {
                let run = chars[i..].iter().take_while(|c| **c == '*').count();
                if (pat == "**" && run >= 2) || (pat == "*" && run % 2 == 1) {
                    n += 1;
                }
                i += run;
                continue;
            }
            i += 1;
        }
        n
    };
    let bold_ok = count("**") % 2 == 0;
    let italic_ok = count("*") % 2 == 0;
    let mut i = 0;
    let push = |cur: &mut Inline, out: &mut Vec<Inline>, bold: bool, italic: bool| {
        if !cur.text.is_empty() || cur.break_before {
            out.push(std::mem::take(cur));
        }
        cur.bold = bold;
        cur.italic = italic;
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            if i + 1 < chars.len() {
                cur.text.push(chars[i + 1]);
                i += 2;
            } else {
                i += 1;
            }
            continue;
        }
        if c == '*' {
            let run = chars[i..].iter().take_while(|c| **c == '*').count();
            let mut used = 0;
            let (mut nb, mut ni) = (bold, italic);
            if run >= 2 && bold_ok {
                nb = !nb;
                used += 2;
            }
            if (run - used) % 2 == 1 && italic_ok {
                ni = !ni;
                used += 1;
            }
            if used > 0 {
                push(&mut cur, &mut out, nb, ni);
                bold = nb;
                italic = ni;
            }
            for _ in used..run {
                cur.text.push('*');
            }
            i += run;
            continue;
        }
        cur.text.push(c);
        i += 1;
    }
    push(&mut cur, &mut out, bold, italic);
    out
}

/// Escapes a text value so that it can never become structure or emphasis: Handlebars'
/// escape function for vbhc templates.
pub fn escape(s: &str) -> String {
    let one_line = s.replace(['\n', '\r'], " ");
    let mut out = String::with_capacity(one_line.len() + 4);
    let first_escaped = one_line.starts_with(['\\', '*', '|', '[', ']']);
    if classify(&one_line).0 != Mark::Para && !first_escaped {
        out.push('\\');
    }
    for c in one_line.chars() {
        if matches!(c, '\\' | '*' | '|' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Parses a whole markup text. `first_line` is the line number of its first line (in the
/// draft or the rendered template) so that notes point to the right place.
pub fn parse(src: &str, first_line: usize) -> (Vec<MBlock>, Vec<MarkupNote>) {
    let mut blocks: Vec<MBlock> = Vec::new();
    let mut notes = Vec::new();
    let mut pending_break = false;
    for (i, raw) in src.lines().enumerate() {
        let line_no = first_line + i;
        let line = raw.trim();
        if line.is_empty() {
            pending_break = false;
            continue;
        }
        // A trailing unescaped `\` continues the paragraph on a new line.
        let trailing = line.ends_with('\\') && !line.ends_with("\\\\");
        let body = if trailing {
            line[..line.len() - 1].trim_end()
        } else {
            line
        };
        if pending_break && let Some(MBlock::Line { inlines: prev, .. }) = blocks.last_mut() {
            let mut more = inlines(body);
            if let Some(first) = more.first_mut() {
                first.break_before = true;
            }
            prev.extend(more);
            pending_break = trailing;
            continue;
        }
        pending_break = trailing;
        if let Some(name) = body
            .strip_prefix("[[slot:")
            .and_then(|r| r.strip_suffix("]]"))
        {
            blocks.push(MBlock::Slot {
                name: name.trim().to_string(),
                line: line_no,
            });
            continue;
        }
        if body.starts_with('|') {
            let cells = split_row(body);
            let is_rule = cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
            if let Some(MBlock::Table {
                rows, header_rows, ..
            }) = blocks.last_mut()
            {
                if is_rule {
                    *header_rows = rows.len();
                } else {
                    rows.push(cells.iter().map(|c| inlines(c)).collect());
                }
                continue;
            }
            if !is_rule {
                blocks.push(MBlock::Table {
                    rows: vec![cells.iter().map(|c| inlines(c)).collect()],
                    header_rows: 0,
                    line: line_no,
                });
            }
            continue;
        }
        let (mark, rest) = classify(body);
        blocks.push(MBlock::Line {
            inlines: inlines(rest),
            mark,
            line: line_no,
        });
    }
    number_sections(&mut blocks);
    check_points(&blocks, &mut notes);
    check_tables(&blocks, &mut notes);
    (blocks, notes)
}

fn split_row(line: &str) -> Vec<String> {
    let inner = line.trim().strip_prefix('|').unwrap_or(line);
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cur.push('\\');
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '|' => cells.push(std::mem::take(&mut cur).trim().to_string()),
            _ => cur.push(c),
        }
    }
    if !cur.trim().is_empty() {
        cells.push(cur.trim().to_string());
    }
    cells
}

/// The clerk's numbers are kept as written (other text refers to them: "điểm b khoản 2"); a
/// điểm letter out of the Vietnamese order, or a letter the order does not have, is noted.
fn check_points(blocks: &[MBlock], notes: &mut Vec<MarkupNote>) {
    let mut expected: Option<usize> = None;
    for b in blocks {
        match b {
            MBlock::Line { mark: Mark::Point(l, idx), line, .. } => {
                match idx {
                    None => notes.push(MarkupNote {
                        line: *line,
                        code: codes::MARKUP_POINT_LETTER,
                        vi: format!("điểm `{l})` không có trong bảng chữ cái tiếng Việt (a, b, c, d, đ, e, g, h, i, k…)"),
                        en: format!("point `{l})` is not a letter of the Vietnamese alphabet (a, b, c, d, đ, e, g, h, i, k…)"),
                    }),
                    Some(i) => {
                        let want = expected.unwrap_or(0);
                        if *i != want {
                            let w = alpha::letter(want).unwrap_or("?");
                            notes.push(MarkupNote {
                                line: *line,
                                code: codes::MARKUP_POINT_ORDER,
                                vi: format!("điểm `{l})` đứng ở chỗ của điểm `{w})` (thứ tự a, b, c, d, đ, e, g…)"),
                                en: format!("point `{l})` stands where `{w})` belongs (order a, b, c, d, đ, e, g…)"),
                            });
                        }
                        expected = Some(i + 1);
                    }
                }
            }
            MBlock::Line { mark, .. } if mark.level() > 0 && mark.level() < 5 => expected = None,
            _ => {}
        }
    }
    // Khoản numbers run 1, 2, 3 … within each mục, điều or phần.
    let mut next: Option<u32> = None;
    for b in blocks {
        match b {
            MBlock::Line {
                mark: Mark::Clause(label),
                line,
                ..
            } => {
                let n: u32 = label.trim_end_matches('.').parse().unwrap_or(0);
                let want = next.unwrap_or(1);
                if n != want {
                    notes.push(MarkupNote {
                        line: *line,
                        code: codes::MARKUP_CLAUSE_ORDER,
                        vi: format!("khoản `{label}` đứng ở chỗ của khoản `{want}.` (số được giữ như đã viết)"),
                        en: format!("clause `{label}` stands where `{want}.` belongs (numbers are kept as written)"),
                    });
                }
                next = Some(n + 1);
            }
            MBlock::Line {
                mark: Mark::Section(_) | Mark::Article(_) | Mark::Part(_),
                ..
            } => next = None,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(s: &str) -> Mark {
        classify(s).0
    }

    #[test]
    fn tables_wider_than_word_allows_are_noted() {
        let row = |n: usize| format!("|{}\n", " x |".repeat(n));
        let (_, notes) = parse(&row(MAX_TABLE_COLUMNS), 1);
        assert!(notes.is_empty());
        let (_, notes) = parse(&format!("Mở đầu\n{}", row(10_000)), 1);
        assert_eq!(notes.len(), 1);
        assert_eq!((notes[0].code, notes[0].line), ("MARKUP-TABLE-COLUMNS", 2));
    }

    #[test]
    fn levels() {
        assert_eq!(mark("I. ĐÁNH GIÁ CHUNG"), Mark::Section("I.".into()));
        assert_eq!(mark("1. Sở Công Thương"), Mark::Clause("1.".into()));
        assert_eq!(mark("1.1. Đợt 1"), Mark::SubClause("1.1.".into()));
        assert_eq!(mark("đ) Đẩy mạnh"), Mark::Point("đ".into(), Some(4)));
        assert_eq!(mark("- Lưu"), Mark::Dash);
        assert_eq!(mark("+ Kíp"), Mark::Plus);
        assert_eq!(mark("Điều 1. Phê duyệt"), Mark::Article("Điều 1.".into()));
        assert_eq!(mark("Phần II"), Mark::Part("Phần II".into()));
        assert_eq!(
            mark("Chương V. QUẢN LÝ NHÀ NƯỚC"),
            Mark::Part("Chương V".into())
        );
        // A sentence citing a chapter is a paragraph of text, in a draft as in a read file.
        assert_eq!(mark("Chương V của dự thảo luật quy định về"), Mark::Para);
        assert_eq!(mark("Ngày 19/8 hằng năm"), Mark::Para);
        assert_eq!(mark("\\1. không phải khoản"), Mark::Para);
        assert_eq!(mark("2026. Năm"), Mark::Para);
    }

    #[test]
    fn emphasis_and_escapes() {
        let r = inlines("**1.** Thủ trưởng *các* sở \\*không\\*");
        assert_eq!(
            r[0],
            Inline {
                text: "1.".into(),
                bold: true,
                ..Default::default()
            }
        );
        assert_eq!(r[1].text, " Thủ trưởng ");
        assert!(r[2].italic && r[2].text == "các");
        assert_eq!(r[3].text, " sở *không*");
        // An unbalanced star stays a star.
        assert_eq!(inlines("5 * 3")[0].text, "5 * 3");
    }

    #[test]
    fn an_escaped_quote_prints_straight() {
        let printed: String = inlines(r#"gọi là \"A\""#)
            .iter()
            .map(|i| i.text.as_str())
            .collect();
        assert_eq!(printed, "gọi là \"A\"");
    }

    #[test]
    fn automatic_sections_count_on() {
        let (b, _) = parse("#. Một\nII. Hai\n#. Ba\n1. khoản\n#. Bốn", 1);
        let labels: Vec<String> = b
            .iter()
            .filter_map(|b| match b {
                MBlock::Line {
                    mark: Mark::Section(l),
                    ..
                } => Some(l.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(labels, ["I.", "II.", "III.", "IV."]);
        assert_ne!(
            classify(&escape("#. không phải mục")).0,
            Mark::Section("#.".into())
        );
    }

    #[test]
    fn escape_cannot_make_structure() {
        for v in [
            "1. Hai",
            "a) b",
            "- gạch",
            "**đậm**",
            "I. MỤC",
            "[[slot: x]]",
            "| a | b |",
            "dòng\nmới",
            "Điều 1. x",
            "a\\",
        ] {
            let (blocks, _) = parse(&escape(v), 1);
            assert_eq!(blocks.len(), 1, "{v}");
            let MBlock::Line { mark, inlines, .. } = &blocks[0] else {
                panic!("{v} became {blocks:?}")
            };
            assert_eq!(*mark, Mark::Para, "{v}");
            let text: String = inlines.iter().map(|i| i.text.as_str()).collect();
            assert_eq!(text, v.replace('\n', " "), "{v}");
            assert!(inlines.iter().all(|i| !i.bold && !i.italic));
        }
    }

    #[test]
    fn tables_slots_breaks() {
        let (b, _) = parse(
            "| TT | Nội dung |\n|---|---|\n| 1 | Kiểm tra |\n[[slot: x.y]]\nDòng một \\\ndòng hai",
            10,
        );
        let MBlock::Table {
            rows,
            header_rows,
            line,
        } = &b[0]
        else {
            panic!()
        };
        assert_eq!((rows.len(), *header_rows, *line), (2, 1, 10));
        assert_eq!(
            b[1],
            MBlock::Slot {
                name: "x.y".into(),
                line: 13
            }
        );
        let MBlock::Line { inlines, .. } = &b[2] else {
            panic!()
        };
        assert!(inlines[1].break_before && inlines[1].text == "dòng hai");
    }

    #[test]
    fn point_order_is_noted() {
        let (_, notes) = parse("a) một\nb) hai\nd) bốn\nf) sáu", 1);
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].code, "MARKUP-POINT-ORDER");
        assert_eq!(notes[0].line, 3);
        assert_eq!(notes[1].code, "MARKUP-POINT-LETTER");
        let (_, gap) = parse("1. một\n2. hai\n4. bốn\nII. MỤC\n1. lại một", 1);
        assert_eq!(
            gap.iter().map(|n| (n.code, n.line)).collect::<Vec<_>>(),
            [("MARKUP-CLAUSE-ORDER", 3)]
        );
        let (_, ok) = parse("a) một\nb) hai\nc) ba\nd) bốn\nđ) năm\ne) sáu\ng) bảy", 1);
        assert!(ok.is_empty(), "{ok:?}");
    }
}
