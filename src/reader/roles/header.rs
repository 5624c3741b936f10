//! The header: from the Quốc hiệu (or the Party's motto) to the date line, in a two-column
//! table, in text boxes or in plain paragraphs. Its right column holds the Quốc hiệu, the
//! Tiêu ngữ and the date line; its left, the organs, the Số line, the urgency and the V/v.

use super::Mapper;
use super::words::*;
use crate::model::{Region, Role};

/// Where the header ended: the first paragraph after it, and the table it sat in.
pub(super) struct Header {
    pub end: usize,
    pub table: Option<usize>,
}

/// Maps the header's paragraphs, if the document has a Quốc hiệu among its first 40.
pub(super) fn map(m: &mut Mapper) -> Header {
    let body = m.body;
    let paras = &body.paras;
    let n = paras.len();
    let limit = n.min(40);
    let Some(q) =
        (0..limit).find(|&i| is_quoc_hieu(&paras[i].text()) || is_party_motto(&paras[i].text()))
    else {
        return Header {
            end: 0,
            table: None,
        };
    };
    let qcell = paras[q].cell;
    let (end, table) = if let Some(c) = qcell {
        let last = (0..n)
            .filter(|&i| paras[i].cell.is_some_and(|x| x.table == c.table))
            .max()
            .unwrap_or(q);
        (last + 1, Some(c.table))
    } else {
        // Header in text boxes or plain paragraphs: up to the date line, or the Số line,
        // whichever comes last among the first paragraphs (at least to the Tiêu ngữ right
        // under the Quốc hiệu).
        let end = (0..limit)
            .filter(|&i| {
                let t = paras[i].text();
                is_date_line(&t) || is_so(&t) || (i > q && i <= q + 2 && is_tieu_ngu(&t))
            })
            .max()
            .unwrap_or(q);
        // A rule in its own paragraph right under the last line is the header's.
        let mut end = end + 1;
        while end < n && paras[end].text().trim().is_empty() && !paras[end].rules.is_empty() {
            end += 1;
        }
        (end, None)
    };
    // A left part that is itself in another table before the Quốc hiệu's (rare) or in
    // the same row: every paragraph before `end` is the header.
    let right_col = qcell.map(|c| c.col);
    let mut left = LeftColumn::default();
    let mut placed: Vec<(usize, Role, Region)> = Vec::new();
    for (i, p) in paras[..end].iter().enumerate() {
        let t = p.text();
        let in_right = match (p.cell, right_col) {
            (Some(c), Some(rc)) => Some(c.table) == table && c.col >= rc,
            _ => is_quoc_hieu(&t) || is_tieu_ngu(&t) || is_date_line(&t) || is_party_motto(&t),
        };
        let region = if in_right {
            Region::HeaderRight
        } else {
            Region::HeaderLeft
        };
        if t.trim().is_empty() {
            placed.push((i, Role::DrawnLine, region));
            continue;
        }
        let role = if is_form_label(&t) || is_stamp(&t) {
            Role::Body
        } else if in_right {
            right_role(&t)
        } else {
            left.role(&t)
        };
        placed.push((i, role, region));
    }
    organ_weights(&mut placed, paras);
    for (i, role, region) in placed {
        let p = &paras[i];
        if role == Role::DrawnLine {
            // An empty paragraph may still carry the rule.
            for r in &p.rules {
                m.drawn_line(p, r, region);
            }
        } else {
            m.push(p, role, region);
        }
    }
    Header { end, table }
}

fn right_role(t: &str) -> Role {
    if is_quoc_hieu(t) || is_party_motto(t) {
        Role::QuocHieu
    } else if is_tieu_ngu(t) {
        Role::TieuNgu
    } else if is_date_line(t) {
        Role::DiaDanhNgay
    } else {
        Role::Body
    }
}

/// The left column read top down: the organs, then the Số line, and what follows the Số line
/// is the V/v.
#[derive(Default)]
struct LeftColumn {
    seen_so: bool,
    seen_kinh_gui: bool,
}

impl LeftColumn {
    fn role(&mut self, t: &str) -> Role {
        if is_so(t) {
            self.seen_so = true;
            Role::SoKyHieu
        } else if is_urgency(t) {
            Role::DoKhan
        } else if self.seen_kinh_gui || is_kinh_gui(t) {
            // "Kính gửi:" set under the Số line, where some offices put it, and the addressees
            // under it: not the V/v.
            self.seen_kinh_gui = true;
            Role::KinhGui
        } else if self.seen_so || is_vv(t) {
            Role::VeViec
        } else {
            Role::CoQuan
        }
    }
}

/// The organ lines split by weight: the chủ quản is the regular lines above the first bold
/// one, the cơ quan the rest. Without any bold line the weight says nothing, and every line
/// is the organ (which the checker then finds not bold, once).
fn organ_weights(placed: &mut [(usize, Role, Region)], paras: &[crate::reader::body::RawPara]) {
    let organ: Vec<usize> = (0..placed.len())
        .filter(|&k| placed[k].1 == Role::CoQuan)
        .collect();
    let Some(first_bold) = organ
        .iter()
        .position(|&k| super::all_bold(&paras[placed[k].0]))
    else {
        return;
    };
    for &k in &organ[..first_bold] {
        placed[k].1 = Role::ChuQuan;
    }
}
