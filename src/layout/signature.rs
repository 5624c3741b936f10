//! The signature table: Nơi nhận on the left, level with the authority line; the authority,
//! the signer's position, space to sign and the name on the right; the drafter's mark and the
//! address footer.

use super::*;

/// The signature table and what follows it on page 1.
pub(super) fn signature(d: &Draft, b: &mut Vec<Block>) {
    let tp = &d.template;
    let keep = ParaFormat {
        keep_next: true,
        ..fmt(Align::Left)
    };
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
    let size_s = nd30::SIZE_SIGNATURE.value;
    let centre_keep = ParaFormat {
        keep_next: true,
        ..fmt(Align::Center)
    };
    let mut first = true;
    for q in &d.quyen_han {
        let f = if first {
            ParaFormat {
                space_before: nd30::SPACE_PART,
                ..centre_keep
            }
        } else {
            centre_keep
        };
        first = false;
        b.push(line(
            Role::QuyenHan,
            Region::SignRight,
            f,
            &q.v,
            Look::new(size_s, true, false),
            at(&q.at),
        ));
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
        Region::SignRight,
        f,
        &d.chuc_vu.v,
        Look::new(size_s, true, false),
        at(&d.chuc_vu.at),
    ));
    b.push(para(
        Role::SignatureSpace,
        Region::SignRight,
        ParaFormat {
            line: 240 * nd30::SIGNATURE_SPACE_LINES * 14 / 12,
            ..centre_keep
        },
        Vec::new(),
        None,
    ));
    b.push(line(
        Role::HoTen,
        Region::SignRight,
        fmt(Align::Center),
        &d.ho_ten.v,
        Look::new(size_s, true, false),
        at(&d.ho_ten.at),
    ));

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

/// `- Sở Tài chính;` from whatever the clerk typed (`Sở Tài chính`, `- Sở Tài chính;`).
/// Annotations after the semicolon (`- Thường trực Tỉnh ủy; (để b/c)`) are kept as written.
pub(super) fn noi_nhan_item(s: &str) -> String {
    let s = s.trim().trim_start_matches('-').trim();
    if s.contains("; (") || s.ends_with(';') {
        return format!("- {s}");
    }
    format!("- {};", s.trim_end_matches(['.', ',']))
}
