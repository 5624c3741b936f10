//! The signature block (authority prefixes TM./KT./TL./TUQ./Q., chức vụ in capitals, the
//! signer's name bold), Kính gửi (`Kính gửi:`; several recipients as `- …;` lines, the last
//! `.`) and Nơi nhận (`Nơi nhận:` 12 pt bold italic, lines 11 pt `- …;`, the last
//! `- Lưu: VT, ….`), with the annotation forms real documents use (nd30.md §1.8).

use super::{Checker, all_bold, all_italic, block_words, is_upper, main_size, para, pt, text};
use crate::model::Role;
use crate::msg;
use crate::nd30;

pub fn run(c: &mut Checker) {
    // Neither a signature nor a Nơi nhận: the closing was not read (or is not there) — said
    // once, for the clerk to look at, instead of two errors.
    let none = [
        Role::ChucVu,
        Role::QuyenHan,
        Role::HoTen,
        Role::NoiNhanHeading,
    ]
    .iter()
    .all(|r| c.first(*r).is_none());
    // Only when the page shows a closing somewhere (a "Nơi nhận" or an authority line among
    // the last paragraphs) that was not read: a document that truly has none gets its errors.
    let shown = || {
        let blocks: Vec<_> = c.doc.blocks().collect();
        blocks[blocks.len().saturating_sub(40)..].iter().any(|b| {
            let t = crate::text::upper_for_matching(&b.text());
            t.contains("NƠI NHẬN")
                || ["TM.", "KT.", "TL.", "TUQ."]
                    .iter()
                    .any(|p| t.trim_start().starts_with(p))
        })
    };
    if none && c.origin == super::Origin::Docx && c.first(Role::QuocHieu).is_some() && shown() {
        if !c.attached() {
            let at = c.doc.blocks().filter(|b| b.source.is_some()).last();
            let f = c.make(
                "ND30-CLOSING-UNREAD",
                at,
                msg!(
                    "không thấy phần cuối văn bản: không có khối chữ ký (chức vụ, họ tên) và không có \"Nơi nhận:\" (hoặc bố cục lạ chưa đọc được)",
                    "no closing found: neither a signature block (position, name) nor a \"Nơi nhận:\" (or a layout vbhc cannot read yet)"
                ),
            );
            c.push(f);
        }
        kinh_gui(c);
        return;
    }
    signature(c);
    kinh_gui(c);
    noi_nhan(c);
}

fn signature(c: &mut Checker) {
    for b in c.blocks(Role::QuyenHan).collect::<Vec<_>>() {
        let t = block_words(b);
        let ok = crate::draft::number::is_authority(&t);
        if !ok {
            let f = c
                .make(
                    "ND30-QUYEN-HAN",
                    Some(b),
                    msg!(
                        "dòng quyền hạn \"{}\": viết TM., KT., TL., TUQ. hoặc Q. (chữ in hoa, dấu chấm, một dấu cách)",
                        "authority line \"{}\": write TM., KT., TL., TUQ. or Q. (capitals, full stop, one space)",
                        t
                    ),
                )
                .hint(
                    if matches!(
                        crate::reader::roles::authority_prefix(&t),
                        Some("PT." | "PT " | "P.T.")
                    ) {
                        msg!(
                            "cấp phó được giao phụ trách ký \"KT.\" thay cấp trưởng (\"KT. GIÁM ĐỐC\", dòng dưới \"PHÓ GIÁM ĐỐC\")",
                            "a deputy put in charge signs \"KT.\" for the head (\"KT. GIÁM ĐỐC\", then \"PHÓ GIÁM ĐỐC\")"
                        )
                    } else {
                        msg!(
                            "\"T/M\", \"K/T\", \"T/L\" là cách viết của văn bản Đảng",
                            "\"T/M\", \"K/T\", \"T/L\" are the Party's forms"
                        )
                    },
                );
            c.push(f);
        }
        if !is_upper(&t) || para(b).is_some_and(|p| !all_bold(p)) {
            let f = c.make(
                "ND30-SIGNATURE",
                Some(b),
                msg!(
                    "dòng quyền hạn \"{}\" phải in hoa, in đậm",
                    "authority line \"{}\" must be upper case and bold",
                    t
                ),
            );
            c.push(f);
        }
    }
    let chuc_vu: Vec<_> = c.blocks(Role::ChucVu).collect();
    let name = c.blocks(Role::HoTen).last();
    if chuc_vu.is_empty() && name.is_none() && !c.attached() {
        if c.first(Role::NoiNhanHeading).is_some() || c.first(Role::QuocHieu).is_some() {
            let f = c.make(
                "ND30-SIGNATURE-MISSING",
                c.first(Role::NoiNhanHeading),
                msg!(
                    "không thấy khối chữ ký (chức vụ, họ tên người ký)",
                    "no signature block (position and name of the signer)"
                ),
            );
            c.push(f);
        }
        return;
    }
    // A position with no one's name under it (an office signing as an office, "VĂN PHÒNG
    // UBND TỈNH"): the decree's block ends with the signer's name. A read document only: a
    // draft's name is its own field.
    // A form or an unsigned draft (number or date still blank) leaves the name blank too.
    let unsigned = c.first(Role::SoKyHieu).is_some() && c.doc.number.is_none()
        || c.first(Role::DiaDanhNgay)
            .is_some_and(|b| super::number::date_left_blank(&block_words(b)));
    if name.is_none() && c.origin == super::Origin::Docx && !c.attached() && !unsigned {
        let f = c.make(
            "ND30-SIGNATURE-MISSING",
            chuc_vu.last().copied(),
            msg!(
                "khối chữ ký không có họ tên người ký",
                "the signature block has no signer's name"
            ),
        );
        c.push(f);
    }
    // A position still to be filled in ("…") has no letters whose weight could be judged.
    for b in chuc_vu
        .iter()
        .filter(|b| text(b).chars().any(crate::text::is_letter))
    {
        if para(b).is_some_and(|p| !all_bold(p)) {
            let f = c.make(
                "ND30-SIGNATURE",
                Some(b),
                msg!(
                    "chức vụ \"{}\" phải in đậm",
                    "position \"{}\" must be bold",
                    block_words(b)
                ),
            );
            c.push(f);
        }
    }
    // A name still to be filled in ("………") has no letters to judge.
    if let Some(b) = name.filter(|b| text(b).chars().any(crate::text::is_letter)) {
        let t = block_words(b);
        let bold = para(b).is_some_and(all_bold);
        // A name in capitals is how a chức vụ looks: the decree writes names in normal case.
        let caps = is_upper(&t) && t.chars().filter(|c| crate::text::is_letter(*c)).count() > 3;
        if !bold || caps {
            let f = c.make(
                "ND30-SIGNATURE",
                Some(b),
                msg!(
                    "họ tên người ký \"{}\" viết chữ thường có hoa đầu tiếng, in đậm",
                    "the signer's name \"{}\" is written in normal case, bold",
                    t
                ),
            );
            c.push(f);
        }
    }
}

fn kinh_gui(c: &mut Checker) {
    let kg: Vec<_> = c.blocks(Role::KinhGui).collect();
    let Some(first) = kg.first() else { return };
    let t = block_words(first);
    if !t.starts_with(nd30::KINH_GUI) {
        let f = c.make(
            "ND30-KINH-GUI",
            Some(first),
            msg!(
                "viết \"Kính gửi:\" (có dấu hai chấm)",
                "write \"Kính gửi:\" with its colon"
            ),
        );
        c.push(f);
    }
    // Several recipients: "- …;" lines, the last ending ".". The lines may sit in a small
    // table of their own, as some offices lay them out.
    let items: Vec<String> = joined(
        kg.iter()
            .map(|b| block_words(b))
            .map(|l| l.trim_start_matches(nd30::KINH_GUI).trim().to_string())
            .filter(|l| !l.is_empty()),
    )
    .into_iter()
    .map(|(l, _)| l)
    .collect();
    if items.len() > 1 {
        let n = items.len();
        for (i, l) in items.iter().enumerate() {
            let end_ok = if i + 1 == n {
                l.ends_with('.')
            } else {
                l.ends_with(';')
            };
            if !l.starts_with('-') || !end_ok {
                let at = kg
                    .iter()
                    .find(|b| block_words(b).contains(l.as_str()))
                    .copied();
                let f = c.make(
                    "ND30-KINH-GUI",
                    at,
                    msg!(
                        "nơi nhận \"{}\": mỗi dòng bắt đầu \"- \", kết thúc \";\", dòng cuối \".\"",
                        "recipient \"{}\": each line starts \"- \" and ends \";\", the last \".\"",
                        l
                    ),
                );
                c.push(f);
            }
        }
    }
}

/// Lines as the reader sees them: an item broken over two paragraphs with Enter (`- Các Sở:
/// Công Thương, Tài chính,` / `Xây dựng;`) is one item.
/// Each item comes with the index of the line it starts on.
fn joined(lines: impl Iterator<Item = String>) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for (i, l) in lines.enumerate() {
        // After the last item (`- Lưu: VT, TH.`) comes what is not a recipient: the drafter's
        // initials, a note.
        if out
            .last()
            .is_some_and(|(p, _): &(String, usize)| p.ends_with('.'))
            && !l.starts_with('-')
            && !l.starts_with('+')
        {
            break;
        }
        match out.last_mut() {
            Some((prev, _))
                if !l.starts_with('-')
                    && !prev.ends_with(';')
                    && !prev.ends_with('.')
                    && !prev.ends_with(')') =>
            {
                prev.push(' ');
                prev.push_str(&l);
            }
            _ => out.push((l, i)),
        }
    }
    out
}

/// `- Thường trực Tỉnh ủy (b/c);`, `- Thường trực Thành ủy; (để b/c)`: a line ends with `;`,
/// or with `;` followed by a bracketed note (Hà Nội's form).
fn ends_like_an_item(l: &str) -> bool {
    if l.ends_with(';') {
        return true;
    }
    match l.rfind("; (") {
        Some(i) => l.ends_with(')') && i + 3 < l.len(),
        None => false,
    }
}

fn noi_nhan(c: &mut Checker) {
    let Some(h) = c.first(Role::NoiNhanHeading) else {
        if c.first(Role::QuocHieu).is_some() && !c.attached() {
            let f = c.make(
                "ND30-NOI-NHAN",
                c.blocks(Role::HoTen).last().or(c.first(Role::ChucVu)),
                msg!("không có \"Nơi nhận:\"", "no \"Nơi nhận:\" list"),
            );
            c.push(f);
        }
        return;
    };
    // `Nơi nhận:` and its first items are often one paragraph cut by line breaks.
    let head_text = para(h).map(|p| p.text()).unwrap_or_default();
    let mut head_lines = head_text.split('\n');
    let t = super::words(head_lines.next().unwrap_or_default());
    // Judged on its own line: the items that share its paragraph have their own look.
    let first = para(h).map(|p| crate::model::Paragraph {
        runs: p
            .runs
            .iter()
            .enumerate()
            .take_while(|(i, r)| *i == 0 || !r.break_before)
            .map(|(_, r)| r.clone())
            .collect(),
        format: p.format,
    });
    let p = first.as_ref();
    let size = p.and_then(main_size);
    let styled = p.is_some_and(|p| all_bold(p) && all_italic(p));
    if t != nd30::NOI_NHAN
        || !styled
        || size.is_some_and(|s| !nd30::SIZE_NOI_NHAN_HEADING.contains(s))
    {
        let f = c
            .make(
                "ND30-NOI-NHAN-HEADING",
                Some(h),
                msg!(
                    "\"{}\": viết \"Nơi nhận:\" cỡ 12, đậm, nghiêng",
                    "\"{}\": write \"Nơi nhận:\" in 12 pt bold italic",
                    t
                ),
            )
            .measured(
                format!(
                    "{}{}",
                    size.map(|s| pt(s).0).unwrap_or_default(),
                    if styled { ", đậm nghiêng" } else { "" }
                ),
                "12 pt, đậm nghiêng",
            );
        c.push(f);
    }
    // A purpose written beside a brace that groups several recipients (`(để b/c)`,
    // `Báo cáo`) sits in its own text box among the list: it is no recipient line.
    let aside = |b: &&crate::model::Block| {
        let t = block_words(b);
        t.starts_with('(') && t.ends_with(')') && t.chars().count() <= 24
    };
    let blocks: Vec<_> = c
        .blocks(Role::NoiNhan)
        .filter(|b| !block_words(b).is_empty())
        .filter(|b| !aside(b))
        .collect();
    // Every printed line with the block it is in.
    let mut printed: Vec<(String, &crate::model::Block)> = head_lines
        .map(|l| (super::words(l), h))
        .filter(|(l, _)| !l.is_empty())
        .collect();
    for b in &blocks {
        let text = para(b).map(|p| p.text()).unwrap_or_default();
        printed.extend(
            text.split('\n')
                .map(|l| (without_purpose(&super::words(l)).to_string(), *b))
                .filter(|(l, _)| !l.is_empty()),
        );
    }
    // Size: one finding for the list.
    let off: Vec<(u32, &crate::model::Block)> = blocks
        .iter()
        .filter_map(|b| main_size(para(b)?).map(|s| (s, *b)))
        .filter(|(s, _)| !nd30::SIZE_NOI_NHAN.contains(*s))
        .collect();
    if let Some((s, b)) = off.first() {
        let f = c
            .make(
                "ND30-NOI-NHAN-SIZE",
                Some(b),
                msg!(
                    "{} dòng nơi nhận cỡ {}, Nghị định 30 quy định 11 pt",
                    "{} recipient line(s) in {}, Decree 30 asks 11 pt",
                    off.len(),
                    pt(*s)
                ),
            )
            .measured(pt(*s), "11 pt");
        c.push(f);
    }
    let texts = joined(printed.iter().map(|(l, _)| l.clone()));
    let Some(last) = texts.last().map(|(_, i)| printed[*i].1) else {
        return;
    };
    for (l, first) in texts.iter().take(texts.len().saturating_sub(1)) {
        let b = printed[*first].1;
        // "- " then the recipient: "-Như Điều 3;" lacks the space (the list's own format). A
        // recipient left as dots in a form ("-……..;") is a blank, not a line to judge.
        let blank = crate::text::blank::is_blank(l.trim_start_matches('-').trim_end_matches(';'));
        if (!l.starts_with("- ") && !blank) || !ends_like_an_item(l) {
            let f = c.make(
                "ND30-NOI-NHAN-PUNCT",
                Some(b),
                msg!(
                    "dòng nơi nhận \"{}\": bắt đầu \"- \", kết thúc \";\"",
                    "recipient line \"{}\": starts \"- \", ends \";\"",
                    l
                ),
            );
            c.push(f);
        }
    }
    let l = texts.last().map(|(l, _)| l.clone()).unwrap_or_default();
    let body = l.trim_start_matches('-').trim();
    // The decree's Lưu line keeps a copy at the văn thư: `Lưu: VT, TH.`. `Lưu VT` and
    // `Lưu:VT` are the same words mistyped; "VT-TCCB", "VT,TCCB" and "VTMT" join the văn thư
    // and the drafting unit. The unit may be left blank in a form (`VT,…(10).`).
    let after_vt = |rest: &str| {
        let rest = rest.trim_end_matches('.');
        rest.is_empty()
            || rest.starts_with(", ")
            || rest
                .strip_prefix(',')
                .is_some_and(|u| crate::text::blank::is_blank(u.split('(').next().unwrap_or(u)))
    };
    let luu_ok = body.strip_prefix("Lưu: VT").is_some_and(after_vt)
        || body.strip_prefix("Lưu: Văn thư").is_some_and(after_vt);
    if !luu_ok || !l.starts_with("- ") || !l.ends_with('.') {
        let f = c
            .make(
                "ND30-LUU",
                Some(last),
                msg!(
                    "dòng cuối nơi nhận \"{}\": viết \"- Lưu: VT, <đơn vị soạn>.\" (có dấu chấm cuối)",
                    "the last recipient line \"{}\": write \"- Lưu: VT, <drafting unit>.\" (full stop at the end)",
                    l
                ),
            )
            .measured(l.clone(), "- Lưu: VT, ….");
        c.push(f);
    }
}

/// A recipient line with a purpose typed after its ";" and spread over the lines of the
/// recipients it covers (`- Ban TT UBTW MTTQ VN; (Để`, `- Ban Thường vụ Tỉnh ủy; báo cáo)`):
/// the recipient, up to its ";".
fn without_purpose(l: &str) -> &str {
    match l.rsplit_once(';') {
        Some((head, tail)) => {
            let tail = tail.trim();
            let purpose = !tail.is_empty()
                && tail.chars().count() <= 24
                && (tail.starts_with('(') || tail.ends_with(')'));
            if purpose { &l[..=head.len()] } else { l }
        }
        None => l,
    }
}

#[cfg(test)]
mod tests {
    use super::without_purpose;

    #[test]
    fn a_purpose_after_the_semicolon_is_not_the_recipient() {
        assert_eq!(
            without_purpose("- Ban TT UBTW MTTQ VN; (Để"),
            "- Ban TT UBTW MTTQ VN;"
        );
        assert_eq!(
            without_purpose("- Ban Thường vụ Tỉnh ủy; báo cáo)"),
            "- Ban Thường vụ Tỉnh ủy;"
        );
        assert_eq!(without_purpose("- Như Điều 3;"), "- Như Điều 3;");
        assert_eq!(
            without_purpose("- Sở Tài chính (để b/c)"),
            "- Sở Tài chính (để b/c)"
        );
    }
}
