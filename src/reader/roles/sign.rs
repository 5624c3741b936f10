//! The signature block: the table holding "Nơi nhận" (or, without one, the last table with
//! authority lines), or a Nơi nhận typed as plain paragraphs. Its left column is the Nơi nhận
//! list; its right, the authority and position lines, the room for the signature, the name.

use super::Mapper;
use super::words::*;
use crate::model::{Align, Region, Role};
use crate::reader::body::{Cell, RawPara};

/// `(Đã ký)`, `(ký, ghi rõ họ tên, đóng dấu)`: what stands where the signature goes.
pub(super) fn is_signature_note(t: &str) -> bool {
    let k = key(t);
    let k = k.trim();
    k.starts_with('(') && k.ends_with(')') && k.contains("KÝ") && k.chars().count() <= 48
}

/// Set apart from the text as a signature is: centred or flush right, indented into the
/// right half, or pushed there with tabs or spaces.
fn set_right(p: &RawPara) -> bool {
    let t = p.text();
    let lead = t.len() - t.trim_start().len();
    matches!(super::align(p), Align::Center | Align::Right)
        || p.props.ind_left.unwrap_or(0) >= 2800
        || t[..lead].contains('\t')
        || lead >= 10
}

/// A signer's position as written: capitals, a few words, no closing punctuation, no digits
/// (`THƯ KÝ`, `PHỤ TRÁCH TRUNG TÂM`).
fn is_position_text(t: &str) -> bool {
    let t = t.trim();
    let words = t.split_whitespace().count();
    is_upper(t) && (1..=8).contains(&words) && closes_like_a_position(t)
}

fn closes_like_a_position(t: &str) -> bool {
    !t.ends_with(['.', ':', ';', ',']) && !t.chars().any(|c| c.is_ascii_digit())
}

/// A position line of a signature set apart from the text (or its authority line).
fn is_position(p: &RawPara) -> bool {
    let t = p.text();
    let t = t.trim();
    (is_position_text(t) || authority_prefix(t).is_some() && closes_like_a_position(t))
        && set_right(p)
}

/// A signature block with no table and no authority prefix to find it by: position lines set
/// apart from the text, then within a few lines the signer's name, among the document's last
/// paragraphs before `n`. The range of paragraphs from the first position line to the name.
fn by_layout(paras: &[RawPara], from: usize, n: usize) -> Option<(usize, usize)> {
    let low = from.max(n.saturating_sub(60));
    let empty = |i: usize| paras[i].text().trim().is_empty();
    for s in (low..n).rev() {
        if paras[s].cell.is_some() || !is_position(&paras[s]) {
            continue;
        }
        // The name: the first text after the position lines, the room and "(Đã ký)", and
        // the recipients typed beside them; under an authority line (`TL. Hiệu trưởng`) the
        // position may be in lower case.
        let authority = authority_prefix(&paras[s].text()).is_some();
        let recipient = |j: usize| paras[j].text().trim_start().starts_with('-');
        // A name in capitals (`BÙI THỊ XUÂN THU`) reads like a position line too: after the
        // room left for the signature it is the name.
        let mut j = s + 1;
        let mut room = false;
        while j < n
            && j <= s + 10
            && (empty(j)
                || recipient(j)
                || is_signature_note(&paras[j].text())
                || (is_position(&paras[j]) && !(room && looks_like_name(&paras[j].text())))
                || (authority && j == s + 1 && !looks_like_name(&paras[j].text())))
        {
            room |= empty(j);
            j += 1;
        }
        if j >= n || j > s + 10 || !looks_like_name(&paras[j].text()) || !set_right(&paras[j]) {
            continue;
        }
        let mut a = s;
        while a > low && a + 3 > s && is_position(&paras[a - 1]) {
            a -= 1;
        }
        // Signers side by side typed one after another (a biên bản's text boxes): each group
        // before this one, position lines over a name, belongs to the block too.
        loop {
            let mut k = a;
            while k > low && empty(k - 1) {
                k -= 1;
            }
            if k == low || !looks_like_name(&paras[k - 1].text()) || !set_right(&paras[k - 1]) {
                break;
            }
            let name = k - 1;
            let mut top = name;
            while top > low && top + 10 > name && (empty(top - 1) || is_position(&paras[top - 1])) {
                top -= 1;
            }
            while top < name && empty(top) {
                top += 1;
            }
            if top == name {
                break;
            }
            a = top;
        }
        return Some((a, j));
    }
    None
}

/// A signature table with no Nơi nhận and no authority prefix (`NGƯỜI LẬP BIỂU` |
/// `PHỤ TRÁCH TRUNG TÂM`, a biên bản's `THƯ KÝ` | `CHỦ TỊCH` over the names): a small table
/// in which a cell opens with a position line in capitals and the same column has the signer's
/// name under it. It closes the text: after it come only empty paragraphs, a heading and the
/// list of members who sign (a large table), before the phụ lục.
fn signature_table(paras: &[RawPara], from: usize) -> Option<usize> {
    let end = (from..paras.len())
        .find(|&i| paras[i].cell.is_none() && is_phu_luc_label(&paras[i].text()))
        .unwrap_or(paras.len());
    // A table's paragraphs are consecutive: `a..b`.
    let signs = |a: usize, b: usize| {
        (a..b).any(|i| {
            looks_like_name(&paras[i].text())
                && (a..i).any(|k| {
                    paras[k].cell.map(|c| c.col) == paras[i].cell.map(|c| c.col)
                        && is_position_text(&paras[k].text())
                })
        })
    };
    // Walk back from the end over the tables and the lines between them: at most one line of
    // text outside the tables after the signature table, and at most three tables.
    let (mut loose, mut tables) = (0, 0);
    let mut i = end;
    while i > from {
        i -= 1;
        let p = &paras[i];
        match p.cell {
            Some(c) => {
                let b = i + 1;
                while i > from && paras[i - 1].cell.is_some_and(|d| d.table == c.table) {
                    i -= 1;
                }
                // Small by its text: the blank lines left for the signatures do not count.
                let lines = (i..b)
                    .filter(|&k| !paras[k].text().trim().is_empty())
                    .count();
                if lines <= 20 && signs(i, b) {
                    return Some(c.table);
                }
                tables += 1;
                if tables >= 3 {
                    return None;
                }
            }
            None if p.text().trim().is_empty() => {}
            None => {
                loose += 1;
                if loose > 1 {
                    return None;
                }
            }
        }
    }
    None
}

/// Where the signature block sits, found before the body is read so the body stops at it.
pub(super) struct Sign {
    pub table: Option<usize>,
    /// First and last paragraph of the block.
    pub range: Option<(usize, usize)>,
    /// The cell holding "Nơi nhận": its column is the left one.
    noi_nhan_cell: Option<Cell>,
}

impl Sign {
    pub(super) fn find(paras: &[RawPara], from: usize) -> Sign {
        let n = paras.len();
        let nn = (from..n).find(|&i| is_noi_nhan(&paras[i].text()));
        // A Nơi nhận typed outside a table belongs to the signature beside or around it: a
        // table with authority lines far after it signs an attached text (a quy định's
        // council), not the document.
        // Near the list, however long it runs: from its heading to its last "- …" line.
        let list = nn.map(|k| {
            let mut e = k;
            while e + 1 < n && {
                let t = paras[e + 1].text();
                t.trim_start().starts_with('-') || t.trim().is_empty()
            } {
                e += 1;
            }
            (k, e)
        });
        let near = |i: usize| list.is_none_or(|(a, e)| i + 15 >= a && i <= e + 15);
        let table = nn.and_then(|i| paras[i].cell.map(|c| c.table)).or_else(|| {
            (from..n)
                .filter(|&i| near(i) && authority_prefix(&paras[i].text()).is_some())
                .filter_map(|i| paras[i].cell.map(|c| c.table))
                .next_back()
                .or_else(|| signature_table(paras, from).filter(|_| nn.is_none()))
        });
        let layout = match (table, nn) {
            (Some(_), _) => None,
            // The block ends within a few lines of the list.
            (None, Some(k)) => {
                let e = list.map_or(k, |(_, e)| e);
                by_layout(paras, from.max(k.saturating_sub(8)), n.min(e + 16))
            }
            (None, None) => by_layout(paras, from, n),
        };
        let range = match (table, nn) {
            (Some(t), _) => {
                let idx: Vec<usize> = (0..n)
                    .filter(|&i| paras[i].cell.is_some_and(|c| c.table == t))
                    .collect();
                idx.first().zip(idx.last()).map(|(a, b)| (*a, *b))
            }
            (None, Some(i)) => {
                // Nơi nhận outside a table: it and its "- …" lines, then the signature lines.
                let mut end = i;
                while end + 1 < n
                    && (paras[end + 1].text().trim_start().starts_with('-')
                        || paras[end + 1].text().trim().is_empty()
                        || authority_prefix(&paras[end + 1].text()).is_some()
                        // The other half of a line cut in two columns.
                        || paras[end + 1].index == paras[end].index)
                    && paras[end + 1].section == paras[i].section
                {
                    end += 1;
                }
                // A signature block laid out beside or above the list, by tabs or alignment.
                match layout {
                    Some((s, e)) if e < i && i - e <= 6 => Some((s, end)),
                    Some((s, e)) if s > end && s - end <= 6 => Some((i, e)),
                    // Beside the list, its name typed under the list's last line.
                    Some((s, e)) if s >= i && s <= end && e > end && e - end <= 6 => Some((i, e)),
                    // A position set apart just above the list, its name not typed yet.
                    _ => match (i.saturating_sub(3)..i).find(|&k| is_position(&paras[k])) {
                        Some(k) if k >= from => Some((k, end)),
                        _ => Some((i, end)),
                    },
                }
            }
            (None, None) => layout,
        };
        Sign {
            table,
            range,
            noi_nhan_cell: nn.and_then(|i| paras[i].cell),
        }
    }

    /// The column a paragraph of the block stands in.
    fn region(&self, p: &RawPara) -> Region {
        match (p.cell, self.noi_nhan_cell) {
            (Some(c), Some(nc)) if c.col == nc.col => Region::SignLeft,
            (Some(_), Some(_)) => Region::SignRight,
            (Some(c), None) => {
                if c.col == 0 {
                    Region::SignLeft
                } else {
                    Region::SignRight
                }
            }
            (None, _) => {
                if p.text().trim_start().starts_with('-') || is_noi_nhan(&p.text()) {
                    Region::SignLeft
                } else {
                    Region::SignRight
                }
            }
        }
    }

    /// Maps the paragraphs `a..=b` of the block: authority and position lines, then room for
    /// the signature, then the name; on the left, the Nơi nhận list and the drafter's mark.
    pub(super) fn map(&self, m: &mut Mapper, a: usize, b: usize) {
        let body = m.body;
        let (mut titled, mut signed, mut named) = (false, false, false);
        let mut luu_seen = false;
        // A second signer on the left (a biên bản's secretary, a contract's party A) stands
        // above the Nơi nhận heading: its lines are a signature, not recipients.
        let left_heading_at = body.paras[a..=b]
            .iter()
            .position(|p| self.region(p) == Region::SignLeft && is_noi_nhan(&p.text()));
        let mut left_titled = false;
        for (k, p) in body.paras[a..=b].iter().enumerate() {
            let t = p.text();
            let region = self.region(p);
            if region == Region::SignLeft
                && left_heading_at.is_some_and(|h| k < h)
                && !t.trim().is_empty()
                && !t.trim_start().starts_with('-')
            {
                let role = if authority_prefix(&t).is_some() {
                    Role::QuyenHan
                } else if is_upper(&t) && !t.chars().any(|c| c.is_ascii_digit()) {
                    Role::ChucVu
                } else if left_titled {
                    Role::HoTen
                } else {
                    Role::NoiNhan
                };
                left_titled |= matches!(role, Role::QuyenHan | Role::ChucVu);
                m.push(p, role, region);
                continue;
            }
            if t.trim().is_empty() {
                for r in &p.rules {
                    m.drawn_line(p, r, region);
                }
                // The empty lines between chức vụ and name are the signature space.
                if region == Region::SignRight {
                    m.push(p, Role::SignatureSpace, Region::SignRight);
                    signed |= titled;
                }
                continue;
            }
            if region == Region::SignRight && is_signature_note(&t) {
                // "(Đã ký)", "(Ký, ghi rõ họ tên)": the room for the signature.
                m.push(p, Role::SignatureSpace, Region::SignRight);
                signed |= titled;
                continue;
            }
            let role = if region == Region::SignLeft {
                if is_noi_nhan(&t) {
                    Role::NoiNhanHeading
                } else if luu_seen && is_drafter_mark(&t) {
                    // "CM.(5)" under the Lưu line: who typed it and how many copies.
                    Role::NguoiSoan
                } else {
                    luu_seen |= t.trim_start_matches(['-', ' ']).starts_with("Lưu");
                    Role::NoiNhan
                }
            } else if authority_prefix(&t).is_some() {
                Role::QuyenHan
            } else if signed && !named {
                // The first line after the room left for the signature is the signer's
                // name, however it is written.
                named = true;
                Role::HoTen
            } else if is_upper(&t) && !t.chars().any(|c| c.is_ascii_digit()) {
                Role::ChucVu
            } else {
                Role::HoTen
            };
            if region == Region::SignRight {
                titled = true;
            }
            m.push(p, role, region);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::body::RawRun;

    fn para(text: &str, cell: Option<(usize, usize)>) -> RawPara {
        let mut p = RawPara::of_runs(vec![RawRun::plain(text, false, false)]);
        p.cell = cell.map(|(table, col)| Cell {
            table,
            row: 0,
            col,
            span: 1,
        });
        p
    }

    /// Two signers of a biên bản in text boxes, one after the other: position lines over
    /// the room and a name in capitals, twice. Both groups are the block, each name is a name.
    #[test]
    fn signers_side_by_side_with_their_names_in_capitals() {
        let centred = |t: &str| {
            let mut p = para(t, None);
            p.props.jc = Some("center".into());
            p
        };
        let mut paras = vec![para("3. Mọi phát sinh lỗi được khắc phục sớm nhất.", None)];
        for t in [
            "ĐẠI DIỆN",
            "P. KỸ THUẬT CÔNG NGHỆ",
            "",
            "",
            "LÊ VĂN NGHIÊM",
            "ĐẠI DIỆN",
            "P. TỔ CHỨC HÀNH CHÍNH",
            "",
            "",
            "BÙI THỊ XUÂN THU",
        ] {
            paras.push(centred(t));
        }
        assert_eq!(by_layout(&paras, 0, paras.len()), Some((1, 10)));
    }

    /// A biên bản signs in a table (THƯ KÝ | TỔ TRƯỞNG over the names), then lists the members
    /// who sign in a large table, then its phụ lục: the small table is the signature block.
    #[test]
    fn a_signature_table_before_the_members_list_and_the_phu_luc() {
        let mut paras = vec![para("Cuộc họp kết thúc lúc 11 giờ cùng ngày./.", None)];
        for (t, c) in [
            ("THƯ KÝ", 0),
            ("", 0),
            ("Bùi Khánh Chân", 0),
            ("TỔ TRƯỞNG", 1),
            ("", 1),
            ("Lê Na", 1),
        ] {
            paras.push(para(t, Some((1, c))));
        }
        paras.push(para("CÁC THÀNH VIÊN TỔ CHUYÊN GIA DỰ HỌP", None));
        for k in 0..30 {
            paras.push(para(
                if k % 2 == 0 {
                    "Ông Nguyễn Văn Sơn"
                } else {
                    ""
                },
                Some((2, k % 2)),
            ));
        }
        paras.push(para("PHỤ LỤC", None));
        paras.push(para("Danh mục vật tư", None));
        assert_eq!(signature_table(&paras, 0), Some(1));
        // Body text after the table: it does not close the text, so it is no signature.
        let mut later = paras.clone();
        later.insert(7, para("Các thành viên thống nhất.", None));
        later.insert(7, para("Ý kiến khác: không.", None));
        assert_eq!(signature_table(&later, 0), None);
    }
    /// A quyết định's Nơi nhận typed beside its signature (the position on the Nơi nhận line,
    /// the name under the list), then the quy định it issues with that text's own signature
    /// table: the block is the quyết định's, not the table far after it.
    #[test]
    fn a_typed_noi_nhan_keeps_its_signature_over_a_later_table() {
        let centred = |t: &str| {
            let mut p = para(t, None);
            p.props.jc = Some("center".into());
            p
        };
        let mut paras = vec![
            para(
                "Điều 3. Các phòng chịu trách nhiệm thi hành quyết định này./.",
                None,
            ),
            para("Nơi nhận:", None),
            centred("HIỆU TRƯỞNG"),
            para("- Sở GD&ĐT (b/c);", None),
            para("- BGH (b/c);", None),
            centred("(Đã ký)"),
            para("- Lưu: VT, TĐKT.", None),
            para("\t\t\t\tNinh Văn Hưng", None),
            centred("QUY ĐỊNH"),
        ];
        for _ in 0..20 {
            paras.push(para("Nội dung quy định.", None));
        }
        for (t, c) in [("TM. HỘI ĐỒNG", 1), ("CHỦ TỊCH", 1), ("Ninh Văn Hưng", 1)] {
            paras.push(para(t, Some((1, c))));
        }
        for (k, p) in paras.iter_mut().enumerate() {
            p.index = k + 1;
        }
        let sign = Sign::find(&paras, 0);
        assert_eq!(sign.table, None);
        assert_eq!(sign.range, Some((1, 7)));
    }
    /// A long Nơi nhận typed as paragraphs, the signature in a table under its last line:
    /// the table is near the list, however many recipients it names.
    #[test]
    fn a_signature_table_under_a_long_typed_list_is_the_block() {
        let mut paras = vec![
            para("Đề nghị các đơn vị thực hiện./.", None),
            para("Nơi nhận:", None),
        ];
        for k in 0..25 {
            paras.push(para(&format!("- Đơn vị số {k};"), None));
        }
        paras.push(para("- Lưu: VT, TH.", None));
        for (t, c) in [
            ("TM. ỦY BAN NHÂN DÂN", 1),
            ("CHỦ TỊCH", 1),
            ("Nguyễn Văn An", 1),
        ] {
            paras.push(para(t, Some((4, c))));
        }
        for (k, p) in paras.iter_mut().enumerate() {
            p.index = k + 1;
        }
        assert_eq!(Sign::find(&paras, 0).table, Some(4));
    }
}
