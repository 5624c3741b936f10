//! Under the header: the tên loại and trích yếu with their rule, the Kính gửi, and a quyết
//! định's authority line, căn cứ and `QUYẾT ĐỊNH:`.

use super::*;

/// The tên loại and trích yếu (none for a công văn, whose V/v is in the header).
pub(super) fn title(d: &Draft, b: &mut Vec<Block>, tw: u32) {
    let tp = &d.template;
    let size_t = nd30::SIZE_TITLE.value;
    if tp.form != Form::CongVan {
        b.push(line(
            Role::TenLoai,
            Region::Page,
            ParaFormat {
                space_before: nd30::SPACE_TEN_LOAI,
                keep_next: true,
                ..fmt(Align::Center)
            },
            &title_of(d),
            Look::new(size_t, true, false),
            None,
        ));
        if !d.trich_yeu.v.is_empty() {
            b.push(line(
                Role::TrichYeu,
                Region::Page,
                ParaFormat {
                    keep_next: true,
                    ..fmt(Align::Center)
                },
                &d.trich_yeu.v,
                Look::new(size_t, true, false),
                at(&d.trich_yeu.at),
            ));
        }
        // A text issued with a decision says so under its trích yếu, in brackets, italic
        // (Mẫu 1.3's attached text; the reader takes it for the attribution it is).
        if let Some(k) = &d.kem_theo {
            let inner = k.v.trim().trim_start_matches('(').trim_end_matches(')');
            b.push(line(
                Role::PhuLucAttribution,
                Region::Page,
                ParaFormat {
                    keep_next: true,
                    ..fmt(Align::Center)
                },
                &format!("({inner})"),
                Look::new(nd30::SIZE_BODY.value, false, true),
                at(&k.at),
            ));
        }
        // Without a trích yếu the short rule goes under the tên loại.
        let over = if d.trich_yeu.v.is_empty() {
            &tp.ten_loai
        } else {
            &d.trich_yeu.v
        };
        let w = longest_line(over, Face::Bold, size_t, tw);
        b.push(rule(
            Region::Page,
            (f64::from(w) * nd30::RULE_TRICH_YEU_FRACTION.chosen).round() as u32,
            tw,
        ));
    }
}

/// The tên loại as printed: the kind's, or the clerk's own title where the kind takes one (a
/// thư công's "THƯ CHÚC MỪNG").
fn title_of(d: &Draft) -> String {
    let tp = &d.template;
    match tp
        .title_field
        .as_ref()
        .and_then(|f| d.fields.get(f))
        .map(|f| &f.v)
    {
        Some(FieldValue::Text(t)) => crate::text::upper(t),
        _ => tp.ten_loai.clone(),
    }
}

/// The Kính gửi: under the title, before any căn cứ (as in TTr-PANM, TB-SCT_KhoVLNCL).
pub(super) fn kinh_gui(d: &Draft, b: &mut Vec<Block>, tw: u32) {
    let size_kg = nd30::SIZE_KINH_GUI.value;
    match d.kinh_gui.as_slice() {
        [] => {}
        [one] => {
            let text = format!(
                "{} {}.",
                nd30::KINH_GUI,
                one.v.trim_end_matches([';', '.', ','])
            );
            b.push(line(
                Role::KinhGui,
                Region::Page,
                ParaFormat {
                    space_before: nd30::SPACE_PART,
                    space_after: nd30::SPACE_SMALL,
                    ..fmt(Align::Center)
                },
                &text,
                Look::new(size_kg, false, false),
                at(&one.at),
            ));
        }
        many => {
            let label = nd30::KINH_GUI;
            let widest = many
                .iter()
                .map(|k| metrics::width_twips(&format!("- {};", k.v), Face::Regular, size_kg))
                .max()
                .unwrap_or(0);
            let label_w = metrics::width_twips(&format!("{label} "), Face::Regular, size_kg);
            // Centre the block as a whole; never let it start left of the first-line indent.
            let left = (tw.saturating_sub(label_w + widest) / 2)
                .max(nd30::INDENT_FIRST_LINE.value)
                .min(tw / 3);
            let n = many.len();
            for (i, k) in many.iter().enumerate() {
                let stem = k.v.trim_end_matches([';', '.', ',']);
                let item = format!("- {stem}{}", if i + 1 == n { "." } else { ";" });
                let mut f = ParaFormat {
                    indent_left: left + label_w,
                    indent_first: -(label_w as i32),
                    ..fmt(Align::Left)
                };
                let runs = if i == 0 {
                    f.space_before = nd30::SPACE_PART;
                    vec![
                        run(format!("{label} "), size_kg, false, false),
                        run(item, size_kg, false, false),
                    ]
                } else {
                    f.indent_first = 0;
                    vec![run(item, size_kg, false, false)]
                };
                if i + 1 == n {
                    f.space_after = nd30::SPACE_SMALL;
                }
                b.push(para(Role::KinhGui, Region::Page, f, runs, at(&k.at)));
            }
        }
    }
}

/// A quyết định's authority line, căn cứ and `QUYẾT ĐỊNH:`.
pub(super) fn quyet_dinh(d: &Draft, b: &mut Vec<Block>) {
    let tp = &d.template;
    let size_t = nd30::SIZE_TITLE.value;
    if tp.form == Form::QuyetDinh
        && let Some(tq) = &d.tham_quyen
    {
        b.push(line(
            Role::ThamQuyen,
            Region::Page,
            ParaFormat {
                space_before: nd30::SPACE_PART,
                ..fmt(Align::Center)
            },
            &tq.v,
            Look::new(size_t, true, false),
            at(&tq.at),
        ));
    }
    let n = d.can_cu.len();
    for (i, cc) in d.can_cu.iter().enumerate() {
        let stem = cc.v.trim_end_matches([';', '.', ',']).trim_end();
        let text = if d.verbatim {
            cc.v.clone()
        } else {
            format!("{stem}{}", if i + 1 == n { "." } else { ";" })
        };
        let mut f = body_fmt();
        if i == 0 {
            f.space_before = nd30::SPACE_PART;
        }
        b.push(line(
            Role::CanCu,
            Region::Page,
            f,
            &text,
            Look::new(nd30::SIZE_BODY.value, false, true),
            at(&cc.at),
        ));
    }
    if tp.form == Form::QuyetDinh {
        b.push(line(
            Role::QuyetDinhLabel,
            Region::Page,
            ParaFormat {
                space_before: nd30::SPACE_PART,
                space_after: nd30::SPACE_SMALL,
                keep_next: true,
                ..fmt(Align::Center)
            },
            nd30::decision_label(&tp.ten_loai).unwrap_or(nd30::QUYET_DINH_LABEL),
            Look::new(size_t, true, false),
            None,
        ));
    }
}
