//! The two-column header: Quốc hiệu and Tiêu ngữ (words, case, bold, size, the rule as long as
//! the Tiêu ngữ), the issuing organ (case, bold, size, the rule of 1/3–1/2 of its line) and the
//! parent organ's line (upper case, not bold).

use super::{Checker, all_bold, block_words, cm, is_upper, main_size, para, pt, width};
use crate::i18n::{Localised, Msg, Qty};
use crate::model::{Block, Content, Role};
use crate::msg;
use crate::nd30::{self, QUOC_HIEU, TIEU_NGU};

fn size_rule(
    c: &mut Checker,
    code: &'static str,
    b: &Block,
    range: nd30::Ranged,
    what_vi: &str,
    what_en: &str,
) {
    let Some(p) = para(b) else { return };
    if let Some(s) = main_size(p)
        && !range.contains(s)
    {
        let allowed = Qty(if range.min == range.max {
            pt(range.min).0
        } else {
            format!(
                "{}–{}",
                pt(range.min).0.trim_end_matches(" pt"),
                pt(range.max).0
            )
        });
        let f = c
            .make(
                code,
                Some(b),
                Msg::new(
                    format!(
                        "{what_vi} cỡ {}, Nghị định 30 quy định {}",
                        pt(s).vi(),
                        allowed.vi()
                    ),
                    format!(
                        "{what_en} is {}, Decree 30 asks {}",
                        pt(s).en(),
                        allowed.en()
                    ),
                ),
            )
            .measured(pt(s), allowed);
        c.push(f);
    }
}

fn bold_rule(c: &mut Checker, code: &'static str, b: &Block, what_vi: &str, what_en: &str) {
    if para(b).is_some_and(|p| !all_bold(p)) {
        let f = c.make(
            code,
            Some(b),
            Msg::new(
                format!("{what_vi} không in đậm"),
                format!("{what_en} is not bold"),
            ),
        );
        c.push(f);
    }
}

/// One ND30-CO-QUAN finding for the organ's lines that have a fault, quoting them together.
fn organ_fault(c: &mut Checker, organ: &[&Block], faulty: fn(&Block) -> bool, what: (&str, &str)) {
    let lines: Vec<&Block> = organ.iter().copied().filter(|b| faulty(b)).collect();
    let Some(first) = lines.first() else { return };
    let t = joined_words(&lines);
    let f = c.make(
        "ND30-CO-QUAN",
        Some(first),
        Msg::new(
            format!("tên cơ quan ban hành \"{t}\" {}", what.0),
            format!("the issuing organ \"{t}\" {}", what.1),
        ),
    );
    c.push(f);
}

fn joined_words(blocks: &[&Block]) -> String {
    blocks
        .iter()
        .map(|b| block_words(b))
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_line(b: &Block) -> bool {
    b.role == Role::DrawnLine && matches!(&b.content, Content::DrawnLine(r) if r.length > 0)
}

/// The line drawn under a text block: the first line of its region after it (a shape is often
/// anchored in the next paragraph, the Số or the date line, and moved up by its offsets), or
/// else the nearest one above it among the block's own lines (anchored in the Quốc hiệu, or in
/// the organ's first line, and moved down).
fn line_under<'a>(c: &Checker<'a>, anchor: &Block, own: &[Role]) -> Option<&'a Block> {
    let blocks: Vec<&'a Block> = c.doc.blocks().collect();
    let at = blocks.iter().position(|b| std::ptr::eq(*b, anchor))?;
    let region = anchor.region;
    let same = |b: &&&Block| b.region == region;
    let passable = |b: &&&Block| {
        b.role == Role::DrawnLine || own.contains(&b.role) || block_words(b).trim().is_empty()
    };
    blocks[at + 1..]
        .iter()
        .filter(same)
        .find(|b| is_line(b))
        .or_else(|| {
            blocks[..at]
                .iter()
                .filter(same)
                .rev()
                .take_while(passable)
                .find(|b| is_line(b))
        })
        .copied()
}

/// A rule typed as dashes or stars prints as a broken line; the decree draws a solid one.
fn typed_rule(c: &mut Checker, code: &'static str, r: &Block, what_vi: &str, what_en: &str) {
    if matches!(&r.content, Content::DrawnLine(l) if l.typed) {
        let f = c.make(
            code,
            Some(r),
            Msg::new(
                format!("đường kẻ dưới {what_vi} được gõ bằng dấu gạch hoặc dấu sao, không phải đường kẻ liền nét"),
                format!("the rule under {what_en} is typed as dashes or stars, not drawn as a solid line"),
            ),
        );
        c.push(f);
    }
}

fn line_len(b: &Block) -> u32 {
    match &b.content {
        Content::DrawnLine(r) => r.length,
        _ => 0,
    }
}

/// A header of which neither the organ, the number nor the date could be found, though the
/// page shows a number or a date among its first lines, was not read: one finding, and none of
/// the rules that would judge what was not found. A header that truly lacks all three gets its
/// three errors.
pub fn unread(c: &mut Checker) -> bool {
    let doc = c.doc;
    let shown = || {
        doc.blocks().take(20).any(|b| {
            let t = crate::text::upper_for_matching(&b.text());
            let t = t.trim();
            t.chars().count() <= 80
                && ((t.starts_with("SỐ") && t.contains('/'))
                    || (t.contains(", NGÀY") && t.contains("THÁNG") && t.contains("NĂM")))
        })
    };
    if c.origin == super::Origin::Docx
        && c.first(Role::QuocHieu).is_some()
        && c.first(Role::CoQuan).is_none()
        && c.first(Role::SoKyHieu).is_none()
        && c.first(Role::DiaDanhNgay).is_none()
        && !c.attached()
        && shown()
    {
        let f = c.make(
            "ND30-HEADER-UNREAD",
            c.first(Role::QuocHieu),
            msg!(
                "không đọc được phần đầu văn bản: không thấy tên cơ quan ban hành, dòng \"Số:\" và dòng địa danh, ngày tháng (bố cục lạ?); các quy tắc của phần đầu không được kiểm tra",
                "the header could not be read: no issuing organ, no \"Số:\" line and no place-and-date line found (an unusual layout?); the header's rules were not run"
            ),
        );
        c.push(f);
        return true;
    }
    false
}

pub fn run(c: &mut Checker) {
    wraps(c);
    fixed_line(c, &QUOC_HIEU_LINE);
    fixed_line(c, &TIEU_NGU_LINE);
    if let Some(b) = c.first(Role::TieuNgu) {
        tieu_ngu_rule(c, b);
    }
    organ(c);
    chu_quan(c);
}

/// The Quốc hiệu and the date line each on one line: their width at their size against the
/// right column's (known from the rule drawn in it, less Word's default cell margins).
fn wraps(c: &mut Checker) {
    let column = c.doc.blocks().find_map(|b| match &b.content {
        Content::DrawnLine(l)
            if b.region == crate::model::Region::HeaderRight && l.region_width > 0 =>
        {
            Some(l.region_width.saturating_sub(216))
        }
        _ => None,
    });
    let Some(column) = column else { return };
    for (role, vi, en) in [
        (Role::QuocHieu, "Quốc hiệu", "the Quốc hiệu"),
        (
            Role::DiaDanhNgay,
            "dòng địa danh, ngày tháng",
            "the place-and-date line",
        ),
    ] {
        let Some(b) = c.first(role) else { continue };
        if b.region != crate::model::Region::HeaderRight || block_words(b).contains('\n') {
            continue;
        }
        // A line still holding blanks or merge fields («dd») is not the line that will print;
        // and the column is known only roughly (merged cells, the table's own cell margins), so
        // only a line clearly wider than it is said to break.
        let t = block_words(b);
        if t.contains(['«', '…', '{']) || t.contains("..") {
            continue;
        }
        if let Some(w) = para(b).and_then(width)
            && w > column + column / 20
        {
            let f = c
                .make(
                    "ND30-HEADER-WRAP",
                    Some(b),
                    Msg::new(
                        format!(
                            "{vi} dài {} mà cột chỉ rộng {}: dòng bị ngắt thành hai dòng khi in",
                            cm(w).vi(),
                            cm(column).vi()
                        ),
                        format!(
                            "{en} is {} long in a {} column: it breaks onto two lines in print",
                            cm(w).en(),
                            cm(column).en()
                        ),
                    ),
                )
                .measured(cm(w), format!("≤ {}", cm(column).0));
            c.push(f);
        }
    }
}

/// One of the header's two fixed lines: its words, bold, size, and where it is missing.
struct FixedLine {
    role: Role,
    words: &'static str,
    size: nd30::Ranged,
    codes: [&'static str; 3],
    name_vi: &'static str,
    name_en: &'static str,
    /// Whether the line as typed is the decree's words.
    same: fn(&str) -> bool,
    /// What a clerk most often types wrong in it.
    note: (&'static str, &'static str),
}

const QUOC_HIEU_LINE: FixedLine = FixedLine {
    role: Role::QuocHieu,
    words: QUOC_HIEU,
    size: nd30::SIZE_QUOC_HIEU,
    codes: [
        "ND30-QUOC-HIEU",
        "ND30-QUOC-HIEU-BOLD",
        "ND30-QUOC-HIEU-SIZE",
    ],
    name_vi: "Quốc hiệu",
    name_en: "the Quốc hiệu",
    // Both tone-mark styles are the decree's own (HÒA in Phụ lục I, HOÀ in its table).
    same: |t| crate::text::upper_for_matching(t) == QUOC_HIEU && is_upper(t),
    note: ("", ""),
};

const TIEU_NGU_LINE: FixedLine = FixedLine {
    role: Role::TieuNgu,
    words: TIEU_NGU,
    size: nd30::SIZE_TIEU_NGU,
    codes: ["ND30-TIEU-NGU", "ND30-TIEU-NGU-BOLD", "ND30-TIEU-NGU-SIZE"],
    name_vi: "Tiêu ngữ",
    name_en: "the Tiêu ngữ",
    same: |t| t == TIEU_NGU,
    note: (
        " (gạch nối \"-\" có dấu cách hai bên)",
        " (hyphens with a space each side)",
    ),
};

fn fixed_line(c: &mut Checker, line: &FixedLine) {
    let [code, code_bold, code_size] = line.codes;
    let quoc_hieu = c.first(Role::QuocHieu);
    let Some(b) = c.first(line.role) else {
        // The Tiêu ngữ is looked for under a Quốc hiệu; without one, that is the finding.
        let missing = match line.role {
            Role::QuocHieu if c.bare_annex() => return,
            Role::QuocHieu => msg!(
                "không thấy Quốc hiệu \"{}\"",
                "no Quốc hiệu \"{}\" found",
                line.words
            ),
            _ if quoc_hieu.is_none() => return,
            _ => msg!(
                "không thấy Tiêu ngữ \"{}\" dưới Quốc hiệu",
                "no Tiêu ngữ \"{}\" under the Quốc hiệu",
                line.words
            ),
        };
        let f = c.make(code, quoc_hieu, missing);
        c.push(f);
        return;
    };
    let t = block_words(b);
    let hyphens = t.replace(['–', '—'], "-");
    if line.role == Role::TieuNgu && hyphens != t && (line.same)(&hyphens) {
        // The words are right and only the dashes are long: a lesser fault.
        let f = c
            .make(
                "ND30-TIEU-NGU-DASH",
                Some(b),
                msg!(
                    "Tiêu ngữ gõ gạch ngang dài \"{}\": Nghị định viết gạch nối \"-\" có cách hai bên",
                    "the Tiêu ngữ \"{}\" is typed with long dashes: the decree writes hyphens with a space each side",
                    t
                ),
            )
            .measured(t.clone(), line.words.to_string());
        c.push(f);
    } else if !(line.same)(&t) {
        let f = c
            .make(
                code,
                Some(b),
                Msg::new(
                    format!(
                        "{} viết \"{t}\", phải là \"{}\"{}",
                        line.name_vi, line.words, line.note.0
                    ),
                    format!(
                        "{} reads \"{t}\"; it must be \"{}\"{}",
                        line.name_en, line.words, line.note.1
                    ),
                ),
            )
            .measured(t.clone(), line.words.to_string());
        c.push(f);
    }
    bold_rule(c, code_bold, b, line.name_vi, line.name_en);
    size_rule(c, code_size, b, line.size, line.name_vi, line.name_en);
}

/// The rule under the Tiêu ngữ: as long as the text, within 10 % (a clerk drags the line by
/// hand).
fn tieu_ngu_rule(c: &mut Checker, b: &Block) {
    let rule = line_under(c, b, &[Role::QuocHieu, Role::TieuNgu]);
    if let Some(r) = rule {
        typed_rule(c, "ND30-TIEU-NGU-RULE", r, "Tiêu ngữ", "the Tiêu ngữ");
    }
    match (rule, para(b).and_then(width)) {
        (None, _) => {
            let f = c.make(
                "ND30-TIEU-NGU-RULE",
                Some(b),
                msg!(
                    "không có đường kẻ dưới Tiêu ngữ",
                    "no rule under the Tiêu ngữ"
                ),
            );
            c.push(f);
        }
        (Some(r), Some(w)) => {
            let len = line_len(r);
            if len.abs_diff(w) * 10 > w {
                let f = c
                    .make(
                        "ND30-TIEU-NGU-RULE",
                        Some(r),
                        msg!(
                            "đường kẻ dưới Tiêu ngữ dài {}, dòng chữ dài {}: phải dài bằng dòng chữ",
                            "the rule under the Tiêu ngữ is {} long, its text {}: it must be as long as the text",
                            cm(len),
                            cm(w)
                        ),
                    )
                    .measured(cm(len), format!("{} ± 10 %", cm(w).0));
                c.push(f);
            }
        }
        (Some(_), None) => {}
    }
}

/// The issuing organ: upper case, bold, its size, and the rule under it.
fn organ(c: &mut Checker) {
    let organ: Vec<&Block> = c.blocks(Role::CoQuan).collect();
    if organ.is_empty() {
        if c.first(Role::QuocHieu).is_some() {
            let f = c.make(
                "ND30-CO-QUAN",
                c.first(Role::QuocHieu),
                msg!(
                    "không thấy tên cơ quan ban hành ở góc trái",
                    "no issuing organ in the top left"
                ),
            );
            c.push(f);
        }
        return;
    }
    // The organ may stand on several lines; each fault is said once, for all of them.
    organ_fault(
        c,
        &organ,
        |b| !is_upper(&block_words(b)),
        ("không in hoa", "is not upper case"),
    );
    organ_fault(
        c,
        &organ,
        |b| para(b).is_some_and(|p| !all_bold(p)),
        ("không in đậm", "is not bold"),
    );
    if let Some(b) = organ.iter().find(|b| {
        para(b)
            .and_then(main_size)
            .is_some_and(|s| !nd30::SIZE_CO_QUAN.contains(s))
    }) {
        size_rule(
            c,
            "ND30-CO-QUAN-SIZE",
            b,
            nd30::SIZE_CO_QUAN,
            "tên cơ quan ban hành",
            "the issuing organ",
        );
    }
    organ_rule(c, &organ);
}

/// The rule under the organ: 1/3 to 1/2 of its longest line (with a little give for
/// dragging).
fn organ_rule(c: &mut Checker, organ: &[&Block]) {
    let Some(last) = organ.last() else { return };
    let rule = line_under(c, last, &[Role::CoQuan, Role::ChuQuan]);
    if let Some(r) = rule {
        typed_rule(c, "ND30-CO-QUAN-RULE", r, "tên cơ quan", "the organ's name");
    }
    // Lines as they wrap in the column (an organ typed as one paragraph padded with
    // spaces still wraps into its two lines there).
    let column = match rule.map(|r| &r.content) {
        Some(Content::DrawnLine(r)) if r.region_width > 0 => r.region_width,
        _ => nd30::HEADER_LEFT_COL,
    };
    let longest = organ
        .iter()
        .filter_map(|b| para(b).and_then(|p| super::longest_line(p, column)))
        .max();
    match (rule, longest) {
        (None, _) => {
            let f = c.make(
                "ND30-CO-QUAN-RULE",
                organ.last().copied(),
                msg!(
                    "không có đường kẻ dưới tên cơ quan ban hành",
                    "no rule under the issuing organ's name"
                ),
            );
            c.push(f);
        }
        (Some(r), Some(w)) => super::rule_fraction(
            c,
            "ND30-CO-QUAN-RULE",
            r,
            w,
            nd30::RULE_CO_QUAN_FRACTION,
            ("tên cơ quan", "the organ's name"),
        ),
        _ => {}
    }
}

/// The parent organ's line: upper case, not bold.
fn chu_quan(c: &mut Checker) {
    let Some(b) = c.first(Role::ChuQuan) else {
        return;
    };
    let t = block_words(b);
    let bold = para(b).is_some_and(all_bold);
    if !is_upper(&t) || bold {
        let f = c.make(
            "ND30-CHU-QUAN",
            Some(b),
            msg!(
                "tên cơ quan chủ quản \"{}\" phải in hoa, không in đậm",
                "the parent organ \"{}\" must be upper case and not bold",
                t
            ),
        );
        c.push(f);
    }
}
