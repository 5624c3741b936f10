//! The two-column header: Quốc hiệu and Tiêu ngữ (words, case, bold, size, the rule as long as
//! the Tiêu ngữ), the issuing organ (case, bold, size, the rule of 1/3–1/2 of its line) and the
//! parent organ's line (upper case, not bold).

use super::{Checker, all_bold, block_words, cm, is_upper, main_size, para, pt, width};
use crate::i18n::{Localised, Msg, Qty};
use crate::model::{Block, Content, Region, Role};
use crate::msg;
use crate::nd30;

pub const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";

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

/// The rules drawn in a region, in order.
fn rules_in<'a>(c: &Checker<'a>, region: Region) -> Vec<&'a Block> {
    c.doc
        .blocks()
        .filter(|b| b.role == Role::Rule && b.region == region)
        .filter(|b| matches!(&b.content, Content::Rule(r) if r.length > 0))
        .collect()
}

fn rule_len(b: &Block) -> u32 {
    match &b.content {
        Content::Rule(r) => r.length,
        _ => 0,
    }
}

pub fn run(c: &mut Checker) {
    // ---- Quốc hiệu -------------------------------------------------------------------------
    match c.first(Role::QuocHieu) {
        None => {
            let f = c.make(
                "ND30-QUOC-HIEU",
                None,
                msg!(
                    "không thấy Quốc hiệu \"{}\"",
                    "no Quốc hiệu \"{}\" found",
                    QUOC_HIEU
                ),
            );
            c.push(f);
        }
        Some(b) => {
            let t = block_words(b);
            // Both tone-mark styles are the decree's own (HÒA in Phụ lục I, HOÀ in its table).
            if crate::text::fold(&t) != QUOC_HIEU || !is_upper(&t) {
                let f = c
                    .make(
                        "ND30-QUOC-HIEU",
                        Some(b),
                        msg!(
                            "Quốc hiệu viết \"{}\", phải là \"{}\"",
                            "the Quốc hiệu reads \"{}\"; it must be \"{}\"",
                            t,
                            QUOC_HIEU
                        ),
                    )
                    .measured(t.clone(), QUOC_HIEU.to_string());
                c.push(f);
            }
            bold_rule(c, "ND30-QUOC-HIEU-BOLD", b, "Quốc hiệu", "the Quốc hiệu");
            size_rule(
                c,
                "ND30-QUOC-HIEU-SIZE",
                b,
                nd30::SIZE_QUOC_HIEU,
                "Quốc hiệu",
                "the Quốc hiệu",
            );
        }
    }
    // ---- Tiêu ngữ and its rule ---------------------------------------------------------------
    match c.first(Role::TieuNgu) {
        None => {
            if c.first(Role::QuocHieu).is_some() {
                let f = c.make(
                    "ND30-TIEU-NGU",
                    c.first(Role::QuocHieu),
                    msg!(
                        "không thấy Tiêu ngữ \"{}\" dưới Quốc hiệu",
                        "no Tiêu ngữ \"{}\" under the Quốc hiệu",
                        TIEU_NGU
                    ),
                );
                c.push(f);
            }
        }
        Some(b) => {
            let t = block_words(b);
            if t != TIEU_NGU {
                let f = c
                    .make(
                        "ND30-TIEU-NGU",
                        Some(b),
                        msg!(
                            "Tiêu ngữ viết \"{}\", phải là \"{}\" (gạch nối \"-\" có dấu cách hai bên)",
                            "the Tiêu ngữ reads \"{}\"; it must be \"{}\" (hyphens with a space each side)",
                            t,
                            TIEU_NGU
                        ),
                    )
                    .measured(t.clone(), TIEU_NGU.to_string());
                c.push(f);
            }
            bold_rule(c, "ND30-TIEU-NGU-BOLD", b, "Tiêu ngữ", "the Tiêu ngữ");
            size_rule(
                c,
                "ND30-TIEU-NGU-SIZE",
                b,
                nd30::SIZE_TIEU_NGU,
                "Tiêu ngữ",
                "the Tiêu ngữ",
            );
            let rules = rules_in(c, Region::HeaderRight);
            match (rules.first(), para(b).and_then(width)) {
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
                    // As long as the text: within 10 % (a clerk drags the line by hand).
                    let len = rule_len(r);
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
    }
    // ---- Issuing organ and parent organ ------------------------------------------------------
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
    } else {
        for b in &organ {
            let t = block_words(b);
            if !is_upper(&t) {
                let f = c.make(
                    "ND30-CO-QUAN",
                    Some(b),
                    msg!(
                        "tên cơ quan ban hành \"{}\" không in hoa",
                        "the issuing organ \"{}\" is not upper case",
                        t
                    ),
                );
                c.push(f);
            }
            if para(b).is_some_and(|p| !all_bold(p)) {
                let f = c.make(
                    "ND30-CO-QUAN",
                    Some(b),
                    msg!(
                        "tên cơ quan ban hành \"{}\" không in đậm",
                        "the issuing organ \"{}\" is not bold",
                        t
                    ),
                );
                c.push(f);
            }
            size_rule(
                c,
                "ND30-CO-QUAN-SIZE",
                b,
                nd30::SIZE_CO_QUAN,
                "tên cơ quan ban hành",
                "the issuing organ",
            );
        }
        // The rule: 1/3 to 1/2 of the longest organ line (with a little give for dragging).
        let rules = rules_in(c, Region::HeaderLeft);
        // Lines as they wrap in the column (an organ typed as one paragraph padded with
        // spaces still wraps into its two lines there).
        let column = match rules.first().map(|r| &r.content) {
            Some(Content::Rule(r)) if r.region_width > 0 => r.region_width,
            _ => nd30::HEADER_LEFT_COL,
        };
        let longest = organ
            .iter()
            .filter_map(|b| para(b).and_then(|p| super::longest_line(p, column)))
            .max();
        match (rules.first(), longest) {
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
            (Some(r), Some(w)) if w > 0 => {
                let len = rule_len(r);
                let ratio = f64::from(len) / f64::from(w);
                let (lo, hi) = (
                    nd30::RULE_CO_QUAN_FRACTION.min - 0.05,
                    nd30::RULE_CO_QUAN_FRACTION.max + 0.05,
                );
                if !(lo..=hi).contains(&ratio) {
                    let f = c
                        .make(
                            "ND30-CO-QUAN-RULE",
                            Some(r),
                            msg!(
                                "đường kẻ dưới tên cơ quan dài {} ({} % dòng chữ {}): Nghị định 30 quy định 1/3–1/2 dòng chữ",
                                "the rule under the organ's name is {} ({} % of its {} line): Decree 30 asks 1/3–1/2 of the line",
                                cm(len),
                                format!("{:.0}", ratio * 100.0),
                                cm(w)
                            ),
                        )
                        .measured(
                            cm(len),
                            format!("{}–{}", cm(w / 3).0, cm(w / 2).0),
                        );
                    c.push(f);
                }
            }
            _ => {}
        }
    }
    if let Some(b) = c.first(Role::ChuQuan) {
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
}
