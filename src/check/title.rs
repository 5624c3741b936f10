//! Under the header: the tên loại (upper case, bold) and trích yếu (bold, centred, a rule under
//! it), a công văn's V/v line instead, and the căn cứ (italic, `;` at each line's end, `.` at
//! the last).

use super::{Checker, all_bold, all_italic, block_words, is_upper, para, text};
use crate::i18n::{Localised, Qty};
use crate::model::{Align, Block, Content, Region, Role};
use crate::msg;

pub fn run(c: &mut Checker) {
    sizes(c);
    if let Some(b) = c.first(Role::TenLoai) {
        ten_loai(c, b);
        trich_yeu(c, b);
    } else if c.first(Role::VeViec).is_none() && c.first(Role::QuocHieu).is_some() {
        let f = c.make(
            "ND30-VV",
            c.first(Role::SoKyHieu),
            msg!(
                "không có tên loại, cũng không có dòng \"V/v …\" của công văn",
                "neither a tên loại nor a công văn's \"V/v …\" line"
            ),
        );
        c.push(f);
    }
    ve_viec(c);
    can_cu(c);
}

/// Sizes: tên loại and trích yếu 13–14 pt, V/v 12–13 pt.
fn sizes(c: &mut Checker) {
    for (role, range, vi, en) in [
        (
            Role::TenLoai,
            crate::nd30::SIZE_TITLE,
            "tên loại",
            "the tên loại",
        ),
        (
            Role::TrichYeu,
            crate::nd30::SIZE_TITLE,
            "trích yếu",
            "the trích yếu",
        ),
        (
            Role::VeViec,
            crate::nd30::SIZE_VV,
            "dòng V/v",
            "the V/v line",
        ),
    ] {
        let off = c.blocks(role).find_map(|b| {
            super::main_size(para(b)?)
                .filter(|s| !range.contains(*s))
                .map(|s| (b, s))
        });
        if let Some((b, s)) = off {
            let allowed = Qty(format!("{}–{}", range.min / 2, super::pt(range.max).0));
            let f = c
                .make(
                    "ND30-TITLE-SIZE",
                    Some(b),
                    crate::i18n::Msg::new(
                        format!(
                            "{vi} cỡ {}, Nghị định 30 quy định {}",
                            super::pt(s).vi(),
                            allowed.vi()
                        ),
                        format!(
                            "{en} is {}, Decree 30 asks {}",
                            super::pt(s).en(),
                            allowed.en()
                        ),
                    ),
                )
                .measured(super::pt(s), allowed);
            c.push(f);
        }
    }
}

/// The tên loại: upper case and bold.
fn ten_loai(c: &mut Checker, b: &Block) {
    let t = block_words(b);
    let bold = para(b).is_some_and(all_bold);
    if !is_upper(&t) || !bold {
        let f = c.make(
            "ND30-TEN-LOAI",
            Some(b),
            msg!(
                "tên loại \"{}\" phải in hoa, in đậm",
                "the tên loại \"{}\" must be upper case and bold",
                t
            ),
        );
        c.push(f);
    }
}

/// `t` without its bracketed parts, `(…)`; an unclosed bracket runs to the end.
fn outside_brackets(t: &str) -> String {
    let mut depth = 0usize;
    t.chars()
        .filter(|&ch| match ch {
            '(' => {
                depth += 1;
                false
            }
            ')' if depth > 0 => {
                depth -= 1;
                false
            }
            _ => depth == 0,
        })
        .collect()
}

/// The trích yếu under the tên loại: a bold centred sentence (not all capitals) with a rule
/// under it.
fn trich_yeu(c: &mut Checker, b: &Block) {
    let ty: Vec<_> = c.blocks(Role::TrichYeu).collect();
    match ty.first() {
        None if !crate::nd30::has_trich_yeu(&block_words(b)) => {}
        None => {
            let f = c.make(
                "ND30-TRICH-YEU",
                Some(b),
                msg!(
                    "không có trích yếu dưới tên loại",
                    "no trích yếu under the tên loại"
                ),
            );
            c.push(f);
        }
        Some(first) => {
            // A line in brackets under it ("(Ngày 17 tháng 01 năm 2009)", the meeting's date
            // under a thông báo kết luận) or a bracket inside it ("… ĐẦU TƯ (năm 2025)") is an
            // aside, in the body's look: the bold and the capitals are the sentence's.
            // A trích yếu that is all bracket ("(Thời điểm 16h30' ngày 21/4/2025)" under a
            // BÁO CÁO NHANH) is judged whole.
            let mut sentence: Vec<(&Block, String)> = ty
                .iter()
                .map(|b| (*b, outside_brackets(&text(b))))
                .filter(|(_, t)| !t.trim().is_empty())
                .collect();
            if sentence.is_empty() {
                sentence = ty.iter().map(|b| (*b, text(b))).collect();
            }
            let plain = sentence
                .iter()
                .any(|(b, _)| para(b).is_some_and(|p| !all_bold(p)));
            let off = ty
                .iter()
                .any(|b| para(b).is_some_and(|p| p.format.align != Align::Center));
            // The trích yếu is a sentence: capitals only at its start and for names.
            let caps = !c.phu_luc()
                && !sentence.is_empty()
                && sentence.iter().all(|(_, t)| is_upper(t))
                && sentence
                    .iter()
                    .map(|(_, t)| t.chars().filter(|c| crate::text::is_letter(*c)).count())
                    .sum::<usize>()
                    > 12;
            if caps {
                let f = c.make(
                    "ND30-TRICH-YEU",
                    Some(first),
                    msg!(
                        "trích yếu viết in hoa toàn bộ: viết chữ thường, hoa chữ đầu và tên riêng",
                        "the trích yếu is all capitals: write it in sentence case"
                    ),
                );
                c.push(f);
            }
            if plain || off {
                let f = c.make(
                    "ND30-TRICH-YEU",
                    Some(first),
                    msg!(
                        "trích yếu phải in đậm, canh giữa",
                        "the trích yếu must be bold and centred"
                    ),
                );
                c.push(f);
            }
            // Its rule: a rule drawn right after it (offices anchor it in the Kính gửi or
            // authority paragraph under it, too, or in the body's first paragraph, drawn in
            // the space above that paragraph's text).
            let last = *ty.last().unwrap_or(first);
            let drawn = |x: &Block| {
                x.role == Role::DrawnLine
                    && x.region == Region::Page
                    && matches!(&x.content, Content::DrawnLine(r) if r.length > 0)
            };
            let mut after = c
                .doc
                .blocks()
                .skip_while(|x| !std::ptr::eq(*x, last))
                .skip(1)
                .skip_while(|x| {
                    matches!(
                        x.role,
                        Role::KinhGui | Role::ThamQuyen | Role::TrichYeu | Role::PhuLucAttribution
                    ) || (x.role == Role::DrawnLine && !drawn(x))
                });
            let rule = match after.next() {
                Some(x) if drawn(x) => Some(x),
                Some(x) if x.role == Role::Body => after.next().filter(|l| {
                    drawn(l)
                        && l.source.as_ref().and_then(|s| s.paragraph)
                            == x.source.as_ref().and_then(|s| s.paragraph)
                }),
                _ => None,
            };
            if let Some(r) = rule {
                rule_length(c, &ty, r);
            } else {
                let f = c.make(
                    "ND30-TRICH-YEU",
                    Some(first),
                    msg!(
                        "không có đường kẻ dưới trích yếu",
                        "no rule under the trích yếu"
                    ),
                );
                c.push(f);
            }
        }
    }
}

/// The rule under the trích yếu: 1/3 to 1/2 of its longest line, as the organ's (with the
/// same give for dragging).
fn rule_length(c: &mut Checker, ty: &[&Block], rule: &Block) {
    let Content::DrawnLine(r) = &rule.content else {
        return;
    };
    // A trích yếu left as dots in a form has no length to measure against; a phụ lục's title
    // is not a trích yếu and the decree sets no length for what is drawn under it.
    if c.phu_luc() || ty.iter().any(|b| crate::text::blank::is_blank(&text(b))) {
        return;
    }
    let column = if r.region_width > 0 {
        r.region_width
    } else {
        c.doc
            .sections
            .first()
            .map_or(crate::nd30::TEXT_WIDTH, |s| s.page.text_width())
    };
    let Some(w) = ty
        .iter()
        .filter_map(|b| para(b).and_then(|p| super::longest_line(p, column)))
        .max()
        .filter(|w| *w > 0)
    else {
        return;
    };
    super::rule_fraction(
        c,
        "ND30-TRICH-YEU",
        rule,
        w,
        crate::nd30::RULE_TRICH_YEU_FRACTION,
        ("trích yếu", "the trích yếu"),
    );
}

/// A công văn's V/v line: upright, neither bold nor italic (nd30.md, row 5b: "U").
fn ve_viec(c: &mut Checker) {
    let Some(b) = c.first(Role::VeViec) else {
        return;
    };
    let Some(p) = para(b) else { return };
    let message = if all_bold(p) {
        msg!(
            "trích yếu công văn (V/v) viết chữ đứng, không in đậm",
            "a công văn's V/v line is upright, not bold"
        )
    } else if super::all_italic(p) {
        msg!(
            "trích yếu công văn (V/v) viết chữ đứng, không in nghiêng",
            "a công văn's V/v line is upright, not italic"
        )
    } else {
        return;
    };
    let f = c.make("ND30-VV", Some(b), message);
    c.push(f);
}

/// The căn cứ lines: italic, `;` at each line's end, `.` at the last.
fn can_cu(c: &mut Checker) {
    let cc: Vec<_> = c.blocks(Role::CanCu).collect();
    let n = cc.len();
    for (i, b) in cc.iter().enumerate() {
        let t = block_words(b);
        let last = i + 1 == n;
        let end = t.chars().last().unwrap_or(' ');
        // The last one ends with "." (NĐ 30's models); "," (the style of the repealed
        // TT 01/2011) is still written by offices in 2026 and accepted (kinds.md §7).
        let good = if last {
            end == '.' || end == ','
        } else {
            end == ';'
        };
        if !good {
            let (want_vi, want_en) = if last {
                ("dấu chấm \".\"", "a full stop \".\"")
            } else {
                ("dấu chấm phẩy \";\"", "a semicolon \";\"")
            };
            let f = c
                .make(
                    "ND30-CAN-CU",
                    Some(b),
                    crate::i18n::Msg::new(
                        format!("dòng căn cứ phải kết thúc bằng {want_vi}"),
                        format!("the căn cứ line must end with {want_en}"),
                    ),
                )
                .measured(
                    format!("\"{end}\""),
                    if last { "\".\"" } else { "\";\"" }.to_string(),
                );
            c.push(f);
        }
        if let Some(p) = para(b) {
            let size = super::main_size(p).filter(|s| !crate::nd30::SIZE_BODY.contains(*s));
            let placed = matches!(p.format.align, Align::Center | Align::Right);
            if size.is_some() || placed {
                let what = match size {
                    Some(s) => (
                        format!("cỡ {}", super::pt(s).vi()),
                        format!("is {}", super::pt(s).en()),
                    ),
                    None => ("không canh đều hai bên".into(), "is not justified".into()),
                };
                let f = c.make(
                    "ND30-CAN-CU",
                    Some(b),
                    crate::i18n::Msg::new(
                        format!(
                            "dòng căn cứ {}: căn cứ trình bày như nội dung, cỡ 13–14, canh đều",
                            what.0
                        ),
                        format!(
                            "the căn cứ line {}: căn cứ are set as the body, 13–14 pt, justified",
                            what.1
                        ),
                    ),
                );
                c.push(f);
            }
        }
        if para(b).is_some_and(|p| !all_italic(p)) {
            let f = c.make(
                "ND30-CAN-CU",
                Some(b),
                msg!(
                    "dòng căn cứ không in nghiêng",
                    "the căn cứ line is not italic"
                ),
            );
            c.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn brackets_are_set_aside() {
        let o = super::outside_brackets;
        assert_eq!(o("GIÁM SÁT ĐẦU TƯ (năm 2025)"), "GIÁM SÁT ĐẦU TƯ ");
        assert_eq!(o("(Ngày 17 tháng 01 năm 2009)"), "");
        assert_eq!(o("a (b (c) d) e"), "a  e");
        assert_eq!(o("a (b"), "a ");
        assert_eq!(o("a) b"), "a) b");
    }
}
