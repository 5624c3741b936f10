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
        (
            date_under(paras, rules_under(paras, last + 1)),
            Some(c.table),
        )
    } else {
        // Header in text boxes or plain paragraphs: up to the date line, or the Số line,
        // whichever comes last among the first paragraphs (at least to the Tiêu ngữ right
        // under the Quốc hiệu), before a second Quốc hiệu (a copy of the document set under
        // the first) and before the text opens.
        let limit = (q + 1..limit)
            .find(|&i| is_quoc_hieu(&paras[i].text()) || opens_text(&paras[i].text()))
            .unwrap_or(limit);
        let end = (0..limit)
            .filter(|&i| {
                let t = paras[i].text();
                is_date_line(&t) || is_so(&t) || (i > q && i <= q + 2 && is_tieu_ngu(&t))
            })
            .max()
            .unwrap_or(q);
        (
            vv_under(paras, organ_under(paras, rules_under(paras, end + 1))),
            None,
        )
    };
    // A left part that is itself in another table before the Quốc hiệu's (rare) or in
    // the same row: the paragraphs before `end` are the header, from the organ's first line
    // up; text above it (a handout's steps before the form it explains) is not.
    let first = match qcell {
        Some(c) => (0..q)
            .find(|&i| paras[i].cell.is_some_and(|x| x.table == c.table))
            .unwrap_or(q),
        None => q,
    };
    let start = header_start(paras, first, table);
    for p in &paras[..start] {
        if !p.text().trim().is_empty() {
            m.push(p, Role::Body, Region::Page);
        }
        for r in &p.rules {
            m.drawn_line(p, r, Region::Page);
        }
    }
    // The columns are the table's when the header's lines sit in more than one column; a
    // header typed in one cell (or in a table nested in it, as Hương Khê's is) is read by its
    // lines' text.
    let right_col = qcell
        .filter(|qc| {
            paras[start..end]
                .iter()
                .filter(|p| !p.text().trim().is_empty())
                .any(|p| {
                    p.cell
                        .is_some_and(|c| c.table == qc.table && c.col != qc.col)
                })
        })
        .map(|c| c.col);
    let mut left = LeftColumn::default();
    // Each paragraph's role and column, and whether the column's width is its own (false for a
    // rule placed under the text above it, see below).
    let mut placed: Vec<(usize, Role, Region, bool)> = Vec::new();
    // The column of the last line of text: in a header typed in one cell (or a table nested
    // in it) an empty paragraph that holds a rule is under that line.
    let mut above: Option<Region> = None;
    for (i, p) in paras.iter().enumerate().take(end).skip(start) {
        let t = p.text();
        let in_right = match (p.cell, right_col) {
            (Some(c), Some(rc)) => Some(c.table) == table && c.col >= rc,
            _ => is_right_column(&t) || (p.right_half && t.trim().is_empty()),
        };
        let region = if in_right {
            Region::HeaderRight
        } else {
            Region::HeaderLeft
        };
        if t.trim().is_empty() {
            match (p.cell, right_col, above) {
                (Some(_), None, Some(r)) if r != region && !p.rules.is_empty() => {
                    placed.push((i, Role::DrawnLine, r, false));
                }
                _ => placed.push((i, Role::DrawnLine, region, true)),
            }
            continue;
        }
        above = Some(region);
        let role = if is_form_label(&t) || is_stamp(&t) {
            Role::Body
        } else if in_right {
            right_role(&t)
        } else {
            left.role(&t)
        };
        placed.push((i, role, region, true));
    }
    organ_weights(&mut placed, paras);
    for (i, role, region, measured) in placed {
        let p = &paras[i];
        if role == Role::DrawnLine {
            // An empty paragraph may still carry the rule.
            for r in &p.rules {
                m.drawn_line_in(p, r, region, measured);
            }
        } else {
            m.push(p, role, region);
        }
    }
    Header { end, table }
}

/// Past the rules drawn in their own empty paragraphs right under the header's last line (or
/// under its table): they are the header's.
fn rules_under(paras: &[crate::reader::body::RawPara], mut end: usize) -> usize {
    while end < paras.len() && paras[end].text().trim().is_empty() && !paras[end].rules.is_empty() {
        end += 1;
    }
    end
}

/// Past the organ's last line typed under the Tiêu ngữ's row of a header laid out in plain
/// paragraphs (`\tDẦU KHÍ NAM ĐỊNH` under `\tCÔNG TY CỔ PHẦN XĂNG DẦU\tĐộc lập – …`) when no
/// Số or date line follows to close the header (a quy định attached to a decision has
/// neither): a line set in by a tab or spaces, in capitals, that is no tên loại.
fn organ_under(paras: &[crate::reader::body::RawPara], end: usize) -> usize {
    set_in_lines(paras, end, 2, |k| {
        is_upper(k) && may_stand_in_header(k) && ten_loai_of(k).is_none() && !is_quoc_hieu(k)
    })
}

/// Past the V/v typed under a header laid out in plain paragraphs (`\tV/v giải quyết …` on
/// its own line under the Số and the date, with its continuation lines set in by tabs or
/// spaces): the left column's last lines, as the V/v in a header table's cell is.
fn vv_under(paras: &[crate::reader::body::RawPara], end: usize) -> usize {
    let Some(k) = (end..paras.len().min(end + 2)).find(|&k| !paras[k].text().trim().is_empty())
    else {
        return end;
    };
    if paras[k].cell.is_some() || !is_vv(&paras[k].text()) {
        return end;
    }
    set_in_lines(paras, k + 1, 2, |t| !is_kinh_gui(t))
}

/// Past up to `most` lines from `from` set in by a tab or spaces under a header of plain
/// paragraphs (and outside any table) that `fits`, and the rules under them.
fn set_in_lines(
    paras: &[crate::reader::body::RawPara],
    from: usize,
    most: usize,
    fits: impl Fn(&str) -> bool,
) -> usize {
    let mut e = from;
    while e < paras.len().min(from + most) {
        let t = paras[e].text();
        let set_in = t.starts_with('\t') || t.starts_with("   ");
        if paras[e].cell.is_some() || t.trim().is_empty() || !set_in || !fits(t.trim()) {
            break;
        }
        e += 1;
    }
    rules_under(paras, e)
}

/// Past the date line typed under a header table (`Gia Lai, ngày 20 tháng 9 năm 2012` in its
/// own paragraph below the two columns): it is the header's right column.
fn date_under(paras: &[crate::reader::body::RawPara], end: usize) -> usize {
    let Some(k) = (end..paras.len().min(end + 3)).find(|&k| !paras[k].text().trim().is_empty())
    else {
        return end;
    };
    if paras[k].cell.is_none() && is_date_line(&paras[k].text()) {
        k + 1
    } else {
        end
    }
}

/// How many lines the left column may hold above the Quốc hiệu's line: the chủ quản and the
/// cơ quan on up to two lines each, and a stamp or a form label.
const LINES_ABOVE: usize = 6;

/// The first paragraph of the header: walking up from `first` (the Quốc hiệu's line, or the
/// first of its table) over what can stand in a header's left column, and stopping at running
/// text (a sentence, a `Bước 1:` label, a list item) or past [`LINES_ABOVE`] lines.
fn header_start(
    paras: &[crate::reader::body::RawPara],
    first: usize,
    table: Option<usize>,
) -> usize {
    // A Số or date line above the Quốc hiệu puts everything above it in the header (a scan
    // whose lines came out of order).
    if paras[..first].iter().any(|p| {
        let t = p.text();
        is_so(&t) || is_date_line(&t)
    }) {
        return 0;
    }
    let mut start = first;
    let mut lines = 0;
    while start > 0 {
        let p = &paras[start - 1];
        // A header never runs over a section break: what is above one is a cover page (a
        // quy trình's "02 QUY TRÌNH Quản lý dự án …" in a section of its own), not the organ.
        if p.section < paras[first].section {
            break;
        }
        if table.is_some() && p.cell.is_some_and(|c| Some(c.table) == table) {
            start -= 1;
            continue;
        }
        let t = p.text();
        let t = t.trim();
        if t.is_empty() {
            start -= 1;
            continue;
        }
        if lines == LINES_ABOVE || !may_stand_in_header(t) {
            break;
        }
        // Over a header set in a table, a line outside it is an organ only in capitals (a
        // chủ quản typed above the table): a quy trình's cover title "02 QUY TRÌNH Quản lý dự
        // án …" that lost its section break in a `.doc` copy is not.
        let outside = table.is_some() && p.cell.is_none() && !p.textbox;
        if outside && !(is_upper(t) || is_so(t) || is_urgency(t) || is_stamp(t) || is_form_label(t))
        {
            break;
        }
        lines += 1;
        start -= 1;
    }
    // Empty paragraphs above the header's first line are the page's, not the header's.
    while start < first && paras[start].text().trim().is_empty() && paras[start].rules.is_empty() {
        start += 1;
    }
    start
}

/// Whether a line can be one of a header's left column: an organ's line, the Số line, an
/// urgency, a stamp or a form label; not a sentence, a label ending `:` or a list item.
fn may_stand_in_header(t: &str) -> bool {
    if is_so(t) || is_urgency(t) || is_stamp(t) || is_form_label(t) || is_right_column(t) {
        return true;
    }
    let words = t.split_whitespace().count();
    words <= 14
        && !t.ends_with(':')
        && !t.ends_with('.')
        && !t.starts_with(['-', '+', '•', '*'])
        && !t.contains("http")
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
fn organ_weights(
    placed: &mut [(usize, Role, Region, bool)],
    paras: &[crate::reader::body::RawPara],
) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_text_cannot_stand_in_a_header() {
        for t in [
            "ỦY BAN NHÂN DÂN",
            "TỈNH LÀO CAI",
            "SỞ Y TẾ",
            "Số: 12/UBND-VP",
            "DỰ THẢO",
        ] {
            assert!(may_stand_in_header(t), "{t}");
        }
        for t in [
            "Bước 1:",
            "- Sinh viên vào trang https://sv.example.vn truy cập bằng tài khoản",
            "Cán bộ Phòng đào tạo kiểm tra hồ sơ minh chứng và dữ liệu tuyển sinh đầu vào nếu đúng sẽ duyệt.",
        ] {
            assert!(!may_stand_in_header(t), "{t}");
        }
    }
}
