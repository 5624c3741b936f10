//! The header's two columns: on the left the parent organ, the organ with its short rule, the
//! Số line, the công văn's V/v and the urgency stamp; on the right the Quốc hiệu, the Tiêu ngữ
//! with its rule and the place and date.

use super::*;
use crate::finding::codes;

/// The left column of the header.
pub(super) fn left(d: &Draft, b: &mut Vec<Block>, warnings: &mut Vec<Finding>) {
    let tp = &d.template;
    let lw = nd30::HEADER_LEFT_COL;
    if let Some(cq) = &d.chu_quan {
        // A long parent organ ("UBND TỈNH THÁI NGUYÊN") takes the decree's smaller size rather
        // than wrapping inside its name; past that, the clerk is told.
        let widest = |s: u32| {
            cq.v.lines()
                .map(|l| metrics::width_twips(l, Face::Regular, s))
                .max()
                .unwrap_or(0)
        };
        let size = [nd30::SIZE_CHU_QUAN.value, nd30::SIZE_CHU_QUAN.min]
            .into_iter()
            .find(|s| widest(*s) <= lw)
            .unwrap_or(nd30::SIZE_CHU_QUAN.min);
        if widest(size) > lw {
            warnings.push(
                Finding::new(
                    codes::LAYOUT_ORGAN_WRAP,
                    msg!(
                        "dòng cơ quan chủ quản `{}` dài hơn cột trái nên sẽ tự xuống dòng",
                        "parent organ line `{}` is wider than the left column and will wrap",
                        cq.v.lines()
                            .max_by_key(|l| metrics::width_twips(l, Face::Regular, size))
                            .unwrap_or_default()
                    ),
                )
                .at(cq.at.clone())
                .hint(msg!(
                    "viết tắt thông dụng (UBND, HĐND), hoặc ngắt thành hai dòng: `chu_quan = [\"…\", \"…\"]`",
                    "use the common abbreviations (UBND, HĐND), or break it: `chu_quan = [\"…\", \"…\"]`"
                )),
            );
        }
        for l in cq.v.lines() {
            b.push(line(
                Role::ChuQuan,
                Region::HeaderLeft,
                fmt(Align::Center),
                l,
                Look::new(size, false, false),
                at(&cq.at),
            ));
        }
    }
    let size_cq = nd30::SIZE_CO_QUAN.value;
    for l in &d.co_quan.v {
        b.push(line(
            Role::CoQuan,
            Region::HeaderLeft,
            fmt(Align::Center),
            l,
            Look::new(size_cq, true, false),
            at(&d.co_quan.at),
        ));
        let w = metrics::width_twips(l, Face::Bold, size_cq);
        if w > lw {
            warnings.push(
                Finding::new(
                    codes::LAYOUT_ORGAN_WRAP,
                    msg!(
                        "dòng tên cơ quan `{}` dài hơn cột trái nên sẽ tự xuống dòng",
                        "organ line `{}` is wider than the left column and will wrap",
                        l
                    ),
                )
                .at(d.co_quan.at.clone())
                .measured(
                    format!("{:.2} cm", f64::from(w) / nd30::TWIPS_PER_CM),
                    format!("≤ {:.2} cm", f64::from(lw) / nd30::TWIPS_PER_CM),
                )
                .hint(msg!(
                    "tách tên thành nhiều dòng trong `co_quan.ten`",
                    "split the name into lines in `co_quan.ten`"
                )),
            );
        }
    }
    let organ_w = d
        .co_quan
        .v
        .iter()
        .map(|l| longest_line(l, Face::Bold, size_cq, lw))
        .max()
        .unwrap_or(0);
    b.push(rule(
        Region::HeaderLeft,
        (f64::from(organ_w) * nd30::RULE_CO_QUAN_FRACTION.chosen).round() as u32,
        lw,
    ));
    if d.attached() || !nd30::has_so(&tp.ten_loai) {
        return;
    }
    let so_line = format!("Số: {}/{}", number::format_number(d.so), d.ky_hieu.v);
    b.push(line(
        Role::SoKyHieu,
        Region::HeaderLeft,
        ParaFormat {
            space_before: nd30::SPACE_HEADER_LINE,
            ..fmt(Align::Center)
        },
        &so_line,
        Look::new(nd30::SIZE_SO.value, false, false),
        at(&d.ky_hieu.at),
    ));
    if tp.form == Form::CongVan {
        let vv = format!("V/v {}", d.trich_yeu.v);
        b.push(line(
            Role::VeViec,
            Region::HeaderLeft,
            ParaFormat {
                space_before: nd30::VV_SPACE_BEFORE,
                ..fmt(Align::Center)
            },
            &vv,
            Look::new(nd30::SIZE_VV.value, false, false),
            at(&d.trich_yeu.at),
        ));
    }
    if let Some(dk) = &d.do_khan {
        // The stamp's frame has the decree's size (30/40/20 × 8 mm): the paragraph's box is
        // narrowed to it by equal indents.
        let frame = match dk.v.as_str() {
            "THƯỢNG KHẨN" => nd30::FRAME_THUONG_KHAN,
            "KHẨN" => nd30::FRAME_KHAN,
            _ => nd30::FRAME_HOA_TOC,
        };
        let side = lw.saturating_sub(frame) / 2;
        b.push(line(
            Role::DoKhan,
            Region::HeaderLeft,
            ParaFormat {
                space_before: nd30::SPACE_DO_KHAN,
                boxed: true,
                indent_left: side,
                indent_right: side,
                ..fmt(Align::Center)
            },
            &dk.v,
            Look::new(nd30::SIZE_DO_KHAN.value, true, false),
            at(&dk.at),
        ));
    }
}

/// The right column of the header.
pub(super) fn right(d: &Draft, b: &mut Vec<Block>) {
    let rw = nd30::HEADER_RIGHT_COL;
    b.push(line(
        Role::QuocHieu,
        Region::HeaderRight,
        fmt(Align::Center),
        nd30::QUOC_HIEU,
        Look::new(nd30::SIZE_QUOC_HIEU.value, true, false),
        None,
    ));
    b.push(line(
        Role::TieuNgu,
        Region::HeaderRight,
        fmt(Align::Center),
        nd30::TIEU_NGU,
        Look::new(nd30::SIZE_TIEU_NGU.value, true, false),
        None,
    ));
    b.push(rule(
        Region::HeaderRight,
        metrics::width_twips(nd30::TIEU_NGU, Face::Bold, nd30::SIZE_TIEU_NGU.value),
        rw,
    ));
    if d.attached() || !nd30::has_date_line(&d.template.ten_loai) {
        return;
    }
    let date_line = d.ngay.v.line(&d.dia_danh.v);
    b.push(line(
        Role::DiaDanhNgay,
        Region::HeaderRight,
        ParaFormat {
            space_before: nd30::SPACE_HEADER_LINE,
            ..fmt(Align::Center)
        },
        &date_line,
        Look::new(nd30::SIZE_NGAY.value, false, true),
        // A place name the plugin supplied is the likelier cause of a finding on this line:
        // the finding then names the plugin rather than the draft's date.
        at(if d.dia_danh.at.plugin.is_some() {
            &d.dia_danh.at
        } else {
            &d.ngay.at
        }),
    ));
}
