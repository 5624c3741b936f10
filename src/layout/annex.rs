//! Annexes (phụ lục): each its own page section (landscape when asked), numbered from 1, with
//! its label, title and attribution line.

use super::body::{blocks_from_markup, ensure_end_mark};
use super::*;

/// One page section per annex.
pub(super) fn annexes(d: &Draft, origins: &[(String, Location)]) -> Vec<Section> {
    let tp = &d.template;
    let mut sections = Vec::new();
    for pl in &d.phu_luc {
        let mut p = page_portrait();
        if pl.ngang {
            p.width = nd30::PAGE_HEIGHT;
            p.height = nd30::PAGE_WIDTH;
            p.landscape = true;
        }
        p.restart_at = Some(1);
        let ptw = p.text_width();
        let mut pb = Vec::new();
        let label = match &pl.so {
            Some(s) => format!("Phụ lục {s}"),
            None => "Phụ lục".to_string(),
        };
        pb.push(line(
            Role::PhuLucLabel,
            Region::Page,
            ParaFormat {
                keep_next: true,
                ..fmt(Align::Center)
            },
            &label,
            Look::new(nd30::SIZE_PHU_LUC_LABEL.value, true, false),
            None,
        ));
        pb.push(line(
            Role::PhuLucTitle,
            Region::Page,
            ParaFormat {
                keep_next: true,
                ..fmt(Align::Center)
            },
            &pl.tieu_de.v,
            Look::new(nd30::SIZE_PHU_LUC_TITLE.value, true, false),
            at(&pl.tieu_de.at),
        ));
        let attribution = pl.kem_theo.clone().unwrap_or_else(|| {
            let name = if tp.form == Form::CongVan {
                "Văn bản".to_string()
            } else {
                tp.name.clone()
            };
            let date = d.ngay.v.line("").trim_start_matches(", ").to_string();
            // Mẫu 2.1: "(Kèm theo Quyết định số … ngày … của …)", the issuer named.
            let issuer = crate::organ::sentence_name(&d.co_quan.v.join(" "));
            format!(
                "(Kèm theo {name} số {}/{} {date} của {issuer})",
                number::format_number(d.so),
                d.ky_hieu.v
            )
        });
        pb.push(line(
            Role::PhuLucAttribution,
            Region::Page,
            ParaFormat {
                keep_next: true,
                ..fmt(Align::Center)
            },
            &attribution,
            Look::new(nd30::SIZE_BODY.value, false, true),
            None,
        ));
        // Mẫu 2.1 draws a short rule under the attribution, as under a trích yếu.
        let w = longest_line(&attribution, Face::Italic, nd30::SIZE_BODY.value, ptw);
        pb.push(rule(
            Region::Page,
            (f64::from(w) * nd30::RULE_TRICH_YEU_FRACTION.chosen).round() as u32,
            ptw,
        ));
        let (mblocks, _) = markup::parse(&pl.noi_dung.v, 1);
        let mut blocks = blocks_from_markup(&mblocks, ptw, origins);
        for bl in &mut blocks {
            if bl.source.is_none() {
                bl.source = Some(pl.noi_dung.at.clone());
            }
        }
        ensure_end_mark(&mut blocks);
        pb.extend(blocks);
        sections.push(Section {
            page: p,
            blocks: pb,
        });
    }

    sections
}
