//! The body proper, between the opening and the end of the document: paragraphs, the tables
//! in the text, the signature block where it stands, and the phụ lục after it (label, title,
//! the "(Kèm theo …)" line).

use super::sign::Sign;
use super::words::*;
use super::{Mapper, align, is_empty_block};
use crate::model::{Align, Block, Content, Region, Role};
use crate::reader::body::RawPara;

/// Maps paragraphs `from..` to the end; `header_table` and the signature's table are not text.
pub(super) fn map(m: &mut Mapper, from: usize, header_table: Option<usize>, sign: &Sign) {
    let body = m.body;
    let paras = &body.paras[..];
    let n = paras.len();
    let mut in_phu_luc = false;
    let copy_from = copy_block_start(paras, sign.range.map_or(from, |(_, b)| b + 1));
    let mut i = from;
    while i < n {
        // A bản sao's copy block (Mẫu 3.1) under the signature: its own organ, number, form,
        // date, recipients and signer, none of which the original's rules judge.
        if copy_from.is_some_and(|c| i >= c) {
            m.push(&paras[i], Role::BanSao, Region::Page);
            i += 1;
            continue;
        }
        if let Some((a, b)) = sign.range
            && i == a
        {
            sign.map(m, a, b);
            i = b + 1;
            continue;
        }
        let p = &paras[i];
        // A table in the text (a phụ lục's list, a schedule): one table block.
        if let Some(c) = p.cell
            && Some(c.table) != header_table
            && Some(c.table) != sign.table
        {
            let mut j = i;
            while j < n && paras[j].cell.is_some_and(|x| x.table == c.table) {
                j += 1;
            }
            m.table(&paras[i..j], c.table);
            i = j;
            continue;
        }
        i += 1;
        let t = p.text();
        if t.trim().is_empty() {
            // Kept as an empty block: the space it makes between paragraphs counts.
            m.push(p, Role::Body, Region::Page);
            continue;
        }
        let after_sign = sign.range.is_some_and(|(_, b)| i - 1 > b);
        // A phụ lục: its label ("Phụ lục 1", "PHỤ LỤC") centred on its own line, after the
        // signature or, in a draft without one, wherever it starts; its title is the centred
        // lines under the label, up to the "(Kèm theo …)" line.
        let label_like = is_phu_luc_label(&t) && (after_sign || align(p) == Align::Center);
        let under_label = last_text_block(&m.blocks[p.section])
            .is_some_and(|b| matches!(b.role, Role::PhuLucLabel | Role::PhuLucTitle));
        let role = if label_like {
            in_phu_luc = true;
            Role::PhuLucLabel
        } else if in_phu_luc && is_attribution(&t) {
            Role::PhuLucAttribution
        } else if in_phu_luc && align(p) == Align::Center && under_label {
            Role::PhuLucTitle
        } else if after_sign && !in_phu_luc {
            // Text after the signature that is not a phụ lục: the drafter/copies line or a
            // note; still text of the document.
            Role::NguoiSoan
        } else {
            Role::Body
        };
        m.push(p, role, Region::Page);
    }
}

/// Where a copy block starts after the signature: the table (or paragraph) holding the form of
/// copy ("SAO Y", "SAO LỤC", "TRÍCH SAO") or a copy's number ("Số: 05/SY-UBND"), with the
/// full-width rule right above it.
fn copy_block_start(paras: &[RawPara], after: usize) -> Option<usize> {
    let k = (after..paras.len()).find(|&i| {
        let t = key(&paras[i].text());
        let t = t.trim();
        matches!(t, "SAO Y" | "SAO LỤC" | "TRÍCH SAO")
            || (t.starts_with("SỐ:") && ["/SY-", "/SL-", "/TRS-"].iter().any(|a| t.contains(a)))
    })?;
    let mut start = match paras[k].cell {
        Some(c) => (after..=k)
            .find(|&i| paras[i].cell.is_some_and(|x| x.table == c.table))
            .unwrap_or(k),
        None => k,
    };
    while start > after && paras[start - 1].text().trim().is_empty() {
        start -= 1;
    }
    Some(start)
}

fn last_text_block(blocks: &[Block]) -> Option<&Block> {
    blocks
        .iter()
        .rev()
        .find(|b| !matches!(b.content, Content::DrawnLine(_)) && !is_empty_block(b))
}
