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
        // whichever comes last among the first paragraphs.
        let end = (0..limit)
            .filter(|&i| is_date_line(&paras[i].text()) || is_so(&paras[i].text()))
            .max()
            .unwrap_or(q);
        (end + 1, None)
    };
    // A left part that is itself in another table before the Quốc hiệu's (rare) or in
    // the same row: every paragraph before `end` is the header.
    let right_col = qcell.map(|c| c.col);
    let mut left = LeftColumn::default();
    for p in &paras[..end] {
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
            // An empty paragraph may still carry the rule.
            for r in &p.rules {
                m.drawn_line(p, r, region);
            }
            continue;
        }
        let role = if in_right {
            right_role(&t)
        } else {
            left.role(&t, super::all_bold(p))
        };
        m.push(p, role, region);
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

/// The left column read top down: the chủ quản in regular type before the bold cơ quan, then
/// the Số line, and what follows the Số line is the V/v.
#[derive(Default)]
struct LeftColumn {
    seen_so: bool,
    organ_started: bool,
}

impl LeftColumn {
    fn role(&mut self, t: &str, bold: bool) -> Role {
        if is_so(t) {
            self.seen_so = true;
            Role::SoKyHieu
        } else if is_urgency(t) {
            Role::DoKhan
        } else if self.seen_so || is_vv(t) {
            Role::VeViec
        } else if !self.organ_started && !bold {
            self.organ_started = true;
            Role::ChuQuan
        } else {
            self.organ_started = true;
            Role::CoQuan
        }
    }
}
