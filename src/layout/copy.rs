//! The copy block of a bản sao (Mẫu 3.1 of Phụ lục III): under the original's signature, a
//! full-width rule, then the copying organ with its rule and the copy's Số on the left, the form
//! of copy and the date on the right, then the copy's Nơi nhận and signer. Every line has the
//! role `BanSao`: the original's rules do not judge it.

use super::signature::noi_nhan_item;
use super::*;
use crate::draft::BanSao;

pub(super) fn copy_block(bs: &BanSao, b: &mut Vec<Block>, tw: u32) {
    let role = Role::BanSao;
    let mut sep = rule(Region::Page, tw, tw);
    sep.role = role;
    b.push(sep);
    let size = nd30::SIZE_CO_QUAN.value;
    for l in &bs.co_quan {
        b.push(line(
            role,
            Region::HeaderLeft,
            fmt(Align::Center),
            l,
            Look::new(size, true, false),
            None,
        ));
    }
    let lw = nd30::HEADER_LEFT_COL;
    let organ_w = bs
        .co_quan
        .iter()
        .map(|l| longest_line(l, Face::Bold, size, lw))
        .max()
        .unwrap_or(0);
    let mut r = rule(
        Region::HeaderLeft,
        (f64::from(organ_w) * nd30::RULE_CO_QUAN_FRACTION.chosen).round() as u32,
        lw,
    );
    r.role = role;
    b.push(r);
    b.push(line(
        role,
        Region::HeaderLeft,
        ParaFormat {
            space_before: nd30::SPACE_HEADER_LINE,
            ..fmt(Align::Center)
        },
        &format!("Số: {}/{}", number::format_number(bs.so), bs.ky_hieu),
        Look::new(nd30::SIZE_SO.value, false, false),
        at(&bs.hinh_thuc.at),
    ));
    b.push(line(
        role,
        Region::HeaderRight,
        fmt(Align::Center),
        &bs.hinh_thuc.v,
        Look::new(nd30::SIZE_QUOC_HIEU.value, true, false),
        at(&bs.hinh_thuc.at),
    ));
    b.push(line(
        role,
        Region::HeaderRight,
        ParaFormat {
            space_before: nd30::SPACE_HEADER_LINE,
            ..fmt(Align::Center)
        },
        &bs.ngay.v.line(&bs.dia_danh),
        Look::new(nd30::SIZE_NGAY.value, false, true),
        at(&bs.ngay.at),
    ));
    b.push(line(
        role,
        Region::SignLeft,
        ParaFormat {
            space_before: nd30::SPACE_PART,
            keep_next: true,
            ..fmt(Align::Left)
        },
        nd30::NOI_NHAN,
        Look::new(nd30::SIZE_NOI_NHAN_HEADING.value, true, true),
        None,
    ));
    let luu = bs
        .luu
        .trim()
        .trim_start_matches("Lưu:")
        .trim()
        .trim_end_matches('.');
    let items = bs
        .noi_nhan
        .iter()
        .map(|n| (noi_nhan_item(&n.v), at(&n.at)))
        .chain([(format!("- Lưu: {luu}."), None)]);
    for (text, src) in items {
        b.push(line(
            role,
            Region::SignLeft,
            fmt(Align::Left),
            &text,
            Look::new(nd30::SIZE_NOI_NHAN.value, false, false),
            src,
        ));
    }
    let s = &bs.signer;
    let before = b.len();
    super::signature::signer_block(b, Region::SignRight, &s.quyen_han, &s.chuc_vu, &s.ho_ten);
    for blk in &mut b[before..] {
        blk.role = role;
    }
}
