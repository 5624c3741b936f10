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
    let forms = form_zones(paras, from);
    // The zones are in order and apart: one cursor walks them with the paragraphs (a test of
    // every zone for every paragraph was quadratic in a document made of forms).
    let mut zones = forms.iter().peekable();
    let mut i = from;
    while i < n {
        while zones.next_if(|&&(_, b)| b < i).is_some() {}
        if zones.peek().is_some_and(|&&(a, _)| a <= i) && paras[i].cell.is_none() {
            m.push(&paras[i], Role::Form, Region::Page);
            i += 1;
            continue;
        }
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
        // A text issued with the document and set after its signature (a quy định under its
        // quyết định): its tên loại, then within a few lines "(Ban hành kèm theo …)", stands as
        // a phụ lục's label does.
        let attached = || {
            after_sign
                && !in_phu_luc
                && is_upper(&t)
                && ten_loai_of(&t).is_some()
                && paras[i..n.min(i + 4)]
                    .iter()
                    .any(|q| is_attribution(&q.text()))
        };
        let label_like =
            is_phu_luc_label(&t) && (after_sign || align(p) == Align::Center) || attached();
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

/// How far a reproduced form may run before its signer's line, in paragraphs; past it the
/// label was no form's.
const FORM_MAX: usize = 200;

/// The forms of other texts reproduced in the document: from a form's label (`Mẫu số 16:`,
/// `Phụ lục số 06`) with, on it or within two lines under it, the text that sets it
/// ("Ban hành kèm theo Thông tư số 28/2015/TT-BLĐTBXH …"), to the form's signer line
/// (`(ký, ghi rõ họ tên)`) and the numbered notes under it (`(1): …`, `Ghi chú: …`). First
/// and last paragraph of each.
fn form_zones(paras: &[RawPara], from: usize) -> Vec<(usize, usize)> {
    let n = paras.len();
    let sets_it = |t: &str| {
        let k = key(t);
        [
            "KÈM THEO THÔNG TƯ",
            "KÈM THEO NGHỊ ĐỊNH",
            "KÈM THEO QUYẾT ĐỊNH SỐ",
        ]
        .iter()
        .any(|x| k.contains(x))
            && (k.contains("CỦA BỘ")
                || k.contains("CỦA CHÍNH PHỦ")
                || k.contains("/TT-")
                || k.contains("/NĐ-CP")
                || k.contains("/TTLT-"))
    };
    let label = |t: &str| {
        // Read the cheap way first: a label is short and opens with M, P or B.
        if t.len() > 300 || !t.trim_start().starts_with(['M', 'm', 'P', 'p', 'B', 'b']) {
            return false;
        }
        let k = key(t);
        let k = k.trim();
        (is_form_label(t) || k.starts_with("PHỤ LỤC SỐ") || k.starts_with("MẪU "))
            && k.split_whitespace().count() <= 20
    };
    // On a line of its own, or under the signer's title in the same paragraph.
    let signer_note = |t: &str| t.lines().any(super::sign::is_signature_note);
    let note = |t: &str| {
        let t = t.trim_start();
        let k = key(t);
        t.starts_with('(')
            && t.chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit() || c == '*')
            || t.starts_with('*')
            || t.starts_with("- (")
            || k.starts_with("GHI CHÚ")
            || k.starts_with("HƯỚNG DẪN")
            || t.trim().is_empty()
    };
    let mut out = Vec::new();
    let mut i = from;
    while i < n {
        let t = paras[i].text();
        // The text that sets it, or the form's own Quốc hiệu, right under the label.
        let set = label(&t)
            && (sets_it(&t)
                || (i + 1..n.min(i + 10))
                    .filter(|&k| !paras[k].text().trim().is_empty())
                    .take(5)
                    .any(|k| {
                        let u = paras[k].text();
                        sets_it(&u) || is_quoc_hieu(&u)
                    }));
        if !set {
            i += 1;
            continue;
        }
        let Some(sig) = (i + 1..n.min(i + FORM_MAX))
            .take_while(|&k| k == i + 1 || !label(&paras[k].text()))
            .find(|&k| signer_note(&paras[k].text()))
        else {
            i += 1;
            continue;
        };
        let mut end = sig;
        // Signed in a table (THƯ KÝ | CHỦ TỊCH): the notes come under the whole table.
        if let Some(c) = paras[sig].cell {
            while end + 1 < n && paras[end + 1].cell.is_some_and(|d| d.table == c.table) {
                end += 1;
            }
        }
        // The notes under it, and a second signer set under the table ("ĐẠI DIỆN CỬ TRI
        // CHỨNG KIẾN (Ký và ghi rõ họ tên)").
        while end + 1 < n
            && (note(&paras[end + 1].text()) || signer_note(&paras[end + 1].text()))
            && !label(&paras[end + 1].text())
        {
            end += 1;
        }
        out.push((i, end));
        i = end + 1;
    }
    out
}

fn last_text_block(blocks: &[Block]) -> Option<&Block> {
    blocks
        .iter()
        .rev()
        .find(|b| !matches!(b.content, Content::DrawnLine(_)) && !is_empty_block(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::body::RawRun;

    fn para(text: &str) -> RawPara {
        RawPara::of_runs(vec![RawRun::plain(text, false, false)])
    }

    #[test]
    fn a_reproduced_form_runs_from_its_label_to_its_signer_and_notes() {
        let texts = [
            "9. Tên mẫu đơn, mẫu tờ khai: Mẫu số 16.",
            "Mẫu số 16:",
            "Ban hành kèm theo Thông tư số 28/2015/TT-BLĐTBXH ngày 31/7/2015 của Bộ Lao động",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "THÔNG BÁO VỀ VIỆC TÌM KIẾM VIỆC LÀM",
            "Tên tôi là: ……… sinh ngày ……",
            "Người thông báo",
            "(ký, ghi rõ họ tên)",
            "(1) Ghi rõ tên đơn vị.",
            "4. Chấm dứt hưởng trợ cấp thất nghiệp",
        ];
        let paras: Vec<RawPara> = texts.iter().map(|t| para(t)).collect();
        assert_eq!(form_zones(&paras, 0), [(1, 8)]);
        // A label with nothing that sets it and no form header under it is no form.
        let plain: Vec<RawPara> = ["Mẫu số 2", "Nội dung báo cáo.", "(ký, ghi rõ họ tên)"]
            .iter()
            .map(|t| para(t))
            .collect();
        assert!(form_zones(&plain, 0).is_empty());
    }

    /// A form signed in a table (THƯ KÝ | CHỦ TỊCH over "(Ký, ghi rõ họ tên)"), with a second
    /// signer under it and its notes: the zone runs over all of them.
    #[test]
    fn a_form_signed_in_a_table_runs_to_its_notes() {
        let cell = |t: &str, col: usize| {
            let mut p = para(t);
            p.cell = Some(crate::reader::body::Cell {
                table: 0,
                row: 0,
                col,
                span: 1,
            });
            p
        };
        let paras = vec![
            para("Mẫu số 01/HNCT"),
            para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            para("BIÊN BẢN HỘI NGHỊ CỬ TRI"),
            para("Hội nghị kết thúc hồi … giờ cùng ngày."),
            cell("THƯ KÝ", 0),
            cell("(Ký, ghi rõ họ tên)", 0),
            cell("CHỦ TỊCH", 1),
            cell("(Ký, ghi rõ họ tên)", 1),
            para("ĐẠI DIỆN CỬ TRI\n(Ký và ghi rõ họ tên)"),
            para("Ghi chú: Mẫu số 01/HNCT áp dụng đối với hội nghị cử tri."),
            para("(1) Tên cơ quan tổ chức hội nghị."),
            para("(*) Biên bản này phải được gửi kèm theo biên bản khác."),
            para("Nội dung tiếp theo của hướng dẫn."),
        ];
        assert_eq!(form_zones(&paras, 0), [(0, 11)]);
    }
}
