//! The signature table: Nơi nhận on the left, level with the authority line; the authority,
//! the signer's position, space to sign and the name on the right; the drafter's mark and the
//! address footer.

use super::*;
use crate::draft::Field;

/// The signature table and what follows it on page 1.
pub(super) fn signature(d: &Draft, b: &mut Vec<Block>) {
    let tp = &d.template;
    let keep = ParaFormat {
        keep_next: true,
        ..fmt(Align::Left)
    };
    // A second signer (a biên bản's secretary, a contract's party A) stands on the left, level
    // with the main signer, and the Nơi nhận goes under it.
    if let Some(k2) = &d.ky_trai {
        signer_block(b, Region::SignLeft, &k2.quyen_han, &k2.chuc_vu, &k2.ho_ten);
    }
    b.push(line(
        Role::NoiNhanHeading,
        Region::SignLeft,
        ParaFormat {
            space_before: nd30::SPACE_PART,
            ..keep
        },
        nd30::NOI_NHAN,
        Look::new(nd30::SIZE_NOI_NHAN_HEADING.value, true, true),
        None,
    ));
    let mut items: Vec<(String, Option<Location>)> = Vec::new();
    let has_nhu_tren = d
        .noi_nhan
        .first()
        .is_some_and(|f| f.v.trim_start_matches("- ").starts_with("Như trên"));
    if tp.nhu_tren && !d.kinh_gui.is_empty() && !has_nhu_tren {
        items.push(("- Như trên;".into(), None));
    }
    for nn in &d.noi_nhan {
        items.push((noi_nhan_item(&nn.v), Some(nn.at.clone())));
    }
    let luu = d
        .luu
        .v
        .trim()
        .trim_start_matches("Lưu:")
        .trim()
        .trim_end_matches('.');
    items.push((format!("- Lưu: {luu}."), Some(d.luu.at.clone())));
    for (text, src) in items {
        b.push(line(
            Role::NoiNhan,
            Region::SignLeft,
            keep,
            &text,
            Look::new(nd30::SIZE_NOI_NHAN.value, false, false),
            src,
        ));
    }
    if let Some(ns) = &d.nguoi_soan {
        let text = match d.so_ban {
            Some(n) => format!("{ns}.({n})"),
            None => format!("{ns}."),
        };
        b.push(line(
            Role::NguoiSoan,
            Region::SignLeft,
            ParaFormat {
                space_before: nd30::SPACE_SMALL,
                ..fmt(Align::Left)
            },
            &text,
            Look::new(nd30::SIZE_NGUOI_SOAN.value, false, false),
            None,
        ));
    }
    signer_block(b, Region::SignRight, &d.quyen_han, &d.chuc_vu, &d.ho_ten);

    for dc in &d.dia_chi {
        b.push(line(
            Role::DiaChi,
            Region::Footer,
            fmt(Align::Left),
            &dc.v,
            Look::new(nd30::SIZE_DIA_CHI.value, false, false),
            at(&dc.at),
        ));
    }
}

/// An authority line wider than its column ("TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI") wraps where the
/// width runs out, splitting a name ("QUỐC / HỘI"). It is broken by vbhc instead, before its
/// last two words, the way offices break it by hand.
fn keep_last_words_together(blk: &mut Block, width: u32, size: u32) {
    let Content::Paragraph(p) = &mut blk.content else {
        return;
    };
    let [r] = p.runs.as_mut_slice() else { return };
    if metrics::width_twips(&r.text, Face::Bold, size) <= width {
        return;
    }
    let words: Vec<&str> = r.text.split_whitespace().collect();
    if words.len() < 4 {
        return;
    }
    let head = words[..words.len() - 2].join(" ");
    let tail = words[words.len() - 2..].join(" ");
    if metrics::width_twips(&head, Face::Bold, size) > width {
        return;
    }
    let mut second = r.clone();
    r.text = head;
    second.text = tail;
    second.break_before = true;
    p.runs.push(second);
}

/// One signature block: authority lines, position, space to sign, name, centred in `region`.
pub(super) fn signer_block(
    b: &mut Vec<Block>,
    region: Region,
    quyen_han: &[Field<String>],
    chuc_vu: &Field<String>,
    ho_ten: &Field<String>,
) {
    let size_s = nd30::SIZE_SIGNATURE.value;
    let centre_keep = ParaFormat {
        keep_next: true,
        ..fmt(Align::Center)
    };
    let mut first = true;
    for q in quyen_han {
        let f = if first {
            ParaFormat {
                space_before: nd30::SPACE_PART,
                ..centre_keep
            }
        } else {
            centre_keep
        };
        first = false;
        let mut blk = line(
            Role::QuyenHan,
            region,
            f,
            &q.v,
            Look::new(size_s, true, false),
            at(&q.at),
        );
        keep_last_words_together(&mut blk, nd30::SIGN_RIGHT_COL, size_s);
        b.push(blk);
    }
    let f = if first {
        ParaFormat {
            space_before: nd30::SPACE_PART,
            ..centre_keep
        }
    } else {
        centre_keep
    };
    b.push(line(
        Role::ChucVu,
        region,
        f,
        &chuc_vu.v,
        Look::new(size_s, true, false),
        at(&chuc_vu.at),
    ));
    b.push(para(
        Role::SignatureSpace,
        region,
        ParaFormat {
            line: 240 * nd30::SIGNATURE_SPACE_LINES * 14 / 12,
            ..centre_keep
        },
        Vec::new(),
        None,
    ));
    b.push(line(
        Role::HoTen,
        region,
        fmt(Align::Center),
        &ho_ten.v,
        Look::new(size_s, true, false),
        at(&ho_ten.at),
    ));
}

/// `- Sở Tài chính;` from whatever the clerk typed (`Sở Tài chính`, `- Sở Tài chính;`).
/// Annotations after the semicolon (`- Thường trực Tỉnh ủy; (để b/c)`) are kept as written.
pub(super) fn noi_nhan_item(s: &str) -> String {
    let s = s.trim().trim_start_matches('-').trim();
    if s.contains("; (") || s.ends_with(';') {
        return format!("- {s}");
    }
    format!("- {};", s.trim_end_matches(['.', ',']))
}
