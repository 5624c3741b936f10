//! The body proper, between the opening and the end of the document: paragraphs, the tables
//! in the text, the signature block where it stands, and the phụ lục after it (label, title,
//! the "(Kèm theo …)" line).

use super::sign::Sign;
use super::words::*;
use super::{Mapper, align, is_empty_block};
use crate::model::{Align, Block, Content, Region, Role};

/// Maps paragraphs `from..` to the end; `header_table` and the signature's table are not text.
pub(super) fn map(m: &mut Mapper, from: usize, header_table: Option<usize>, sign: &Sign) {
    let body = m.body;
    let paras = &body.paras[..];
    let n = paras.len();
    let mut in_phu_luc = false;
    let mut i = from;
    while i < n {
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

fn last_text_block(blocks: &[Block]) -> Option<&Block> {
    blocks
        .iter()
        .rev()
        .find(|b| !matches!(b.content, Content::DrawnLine(_)) && !is_empty_block(b))
}
