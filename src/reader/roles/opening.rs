//! What stands between the header and the body: the tên loại and its trích yếu (with the rule
//! under it), a quyết định's authority line, Kính gửi and its recipients, the căn cứ lines and
//! the `QUYẾT ĐỊNH:` label.

use super::words::*;
use super::{Mapper, align, all_bold};
use crate::model::{Align, Region, Role};
use crate::reader::body::RawPara;

/// Reads the opening from paragraph `i` up to `end` (where the signature block starts);
/// gives back the first paragraph of the body and the tên loại found, if any.
pub(super) fn map(m: &mut Mapper, mut i: usize, end: usize) -> (usize, String) {
    let body = m.body;
    let paras = &body.paras[..];
    let o = Opening { paras, end };
    o.skip_empty(&mut i);
    // A stamp between the header and the title (`(DỰ THẢO)`, `Dự thảo:`) or a greeting over
    // it is not the title.
    while i < end && (is_stamp(&paras[i].text()) || is_banner(&paras[i].text())) {
        m.push(&paras[i], Role::Body, Region::Page);
        i += 1;
        o.skip_empty(&mut i);
    }
    let ten_loai = o.title(m, &mut i);
    o.skip_empty(&mut i);
    // Quyết định: the authority line, then căn cứ, then "QUYẾT ĐỊNH:".
    let decision = crate::nd30::decision_label(&ten_loai);
    if decision.is_some() && i < end {
        let t = paras[i].text();
        if align(&paras[i]) == Align::Center && !is_can_cu(&t) && is_upper(&t) {
            m.push(&paras[i], Role::ThamQuyen, Region::Page);
            i += 1;
        }
    }
    o.skip_empty(&mut i);
    o.kinh_gui(m, &mut i);
    o.skip_empty(&mut i);
    // Căn cứ lines at the head of the body.
    let is_label = |t: &str| {
        decision.is_some_and(|l| key(t).trim().trim_end_matches(':') == l.trim_end_matches(':'))
    };
    let mut listed = 0;
    while i < end && paras[i].cell.is_none() {
        let t = paras[i].text();
        let italic = paras[i].visible().all(|r| r.look.italic);
        let closed = t.trim_end().ends_with([';', ',', '.']);
        let accept = if is_can_cu(&t) {
            // Outside a decision an upright "Căn cứ …;" list is the body's preamble (a Sở's
            // kế hoạch sets it upright, kinds.md §kế hoạch), not the căn cứ block.
            decision.is_some() || italic
        } else {
            // A decision's căn cứ that does not open with "Căn cứ" ("Quyết định số 42/2025/…
            // của Chủ tịch …;"): italic like its neighbours, and the block goes on after it.
            decision.is_some()
                && listed > 0
                && italic
                && closed
                && (i + 1..end.min(i + 12))
                    .map(|k| paras[k].text())
                    .any(|u| is_can_cu(&u) || is_label(&u))
        };
        if !accept {
            break;
        }
        m.push(&paras[i], Role::CanCu, Region::Page);
        listed += 1;
        i += 1;
        while i < end && o.empty(i) {
            i += 1;
        }
    }
    if i < end && is_label(&paras[i].text()) {
        m.push(&paras[i], Role::QuyetDinhLabel, Region::Page);
        i += 1;
    }
    (i, ten_loai)
}

/// A title line that is no tên loại of Phụ lục III (`GIẤY ĐỀ NGHỊ`, `PHIẾU ĐỀ XUẤT`), or one
/// that runs the tên loại and the trích yếu together (`THÔNG BÁO NỘP BÁO CÁO THỰC TẬP`): a
/// short line in bold capitals, centred under the header. The tên loại it opens with, or the
/// whole title when it opens with none.
fn heading_title(p: &RawPara) -> Option<String> {
    let t = p.text();
    let words = t.split_whitespace().count();
    // Up to three printed lines: a form's long title (`BẢN TỔNG HỢP Ý KIẾN, TIẾP THU, GIẢI
    // TRÌNH …`) is a title too.
    if !(1..=40).contains(&words) || t.contains(':') || !is_upper(&t) || !all_bold(p) {
        return None;
    }
    let k = key(&t);
    let k = k.trim();
    // Letters only, so that a type typed without its diacritics or spaces (`QƯYĐỊNH` from a
    // scan) is still that type.
    let bare = bare_letters(k);
    let scanned = || {
        crate::nd30::TEN_LOAI
            .iter()
            .find(|t| bare.starts_with(&bare_letters(t.name)))
    };
    if let Some(t) = crate::nd30::ten_loai_opening(k).or_else(scanned) {
        return Some(t.name.to_string());
    }
    (!is_banner(k)).then(|| k.to_string())
}

/// A greeting set over the title ("CHÚC MỪNG NĂM MỚI", "CHÀO MỪNG …"): no title.
fn is_banner(t: &str) -> bool {
    let k = key(t);
    let k = k.trim();
    ["CHÚC MỪNG", "CHÀO MỪNG", "MỪNG ", "NHIỆT LIỆT", "KỶ NIỆM"]
        .iter()
        .any(|b| k.starts_with(b))
}

struct Opening<'a> {
    paras: &'a [RawPara],
    end: usize,
}

impl Opening<'_> {
    fn empty(&self, i: usize) -> bool {
        self.paras[i].text().trim().is_empty()
    }

    fn skip_empty(&self, i: &mut usize) {
        while *i < self.end && self.empty(*i) && self.paras[*i].rules.is_empty() {
            *i += 1;
        }
    }

    /// The centred tên loại, the trích yếu lines under it (until the rule or the text
    /// changes) and a rule in its own empty paragraph under them.
    fn title(&self, m: &mut Mapper, i: &mut usize) -> String {
        let (paras, end) = (self.paras, self.end);
        if *i >= end {
            return String::new();
        }
        let t = ten_loai_of(&paras[*i].text()).map(str::to_string);
        // A tên loại pushed to the middle with typed spaces or tabs prints centred.
        let pushed = || {
            let text = paras[*i].text();
            let lead = &text[..text.len() - text.trim_start().len()];
            t.is_some() && (lead.chars().filter(|c| *c == ' ').count() >= 10 || lead.contains('\t'))
        };
        if align(&paras[*i]) != Align::Center && !pushed() {
            return String::new();
        }
        let Some(t) = t.or_else(|| heading_title(&paras[*i])) else {
            return String::new();
        };
        m.push(&paras[*i], Role::TenLoai, Region::Page);
        *i += 1;
        // An empty spacer or two between the tên loại and its trích yếu (a 5 pt line a state
        // company's quyết định sets there) does not end the title.
        let after = (*i..end.min(*i + 3)).find(|&k| !self.empty(k) || !paras[k].rules.is_empty());
        let titled = |k: &usize| {
            let p = &paras[*k];
            *k > *i
                && p.rules.is_empty()
                && p.cell.is_none()
                && align(p) == Align::Center
                && all_bold(p)
        };
        if let Some(k) = after.filter(titled) {
            *i = k;
        }
        while *i < end
            && !self.empty(*i)
            && (align(&paras[*i]) == Align::Center || all_bold(&paras[*i]))
            && paras[*i].cell.is_none()
            && !is_kinh_gui(&paras[*i].text())
            && !is_can_cu(&paras[*i].text())
            && !opens_a_part(&paras[*i].text())
        {
            // A quyết định's authority line (bold capitals) follows its trích yếu.
            let text = paras[*i].text();
            if is_attribution(&text) {
                // `(Ban hành kèm theo Quyết định số …)`: the text is attached to another.
                m.push(&paras[*i], Role::PhuLucAttribution, Region::Page);
                *i += 1;
                // Its second line typed as a paragraph of its own: `của Hiệu trưởng …)`.
                if !text.contains(')')
                    && *i < end
                    && align(&paras[*i]) == Align::Center
                    && paras[*i].text().trim_end().ends_with(')')
                {
                    m.push(&paras[*i], Role::PhuLucAttribution, Region::Page);
                    *i += 1;
                }
                break;
            }
            // A quyết định's trích yếu opens with "Về" even in capitals; the authority line
            // under it does not.
            let upper_bold = all_bold(&paras[*i]) && is_upper(&text);
            let about = key_head(&text).trim_start().starts_with("VỀ ");
            if upper_bold && crate::nd30::decision_label(&t).is_some() && !about {
                break;
            }
            let rules_here = !paras[*i].rules.is_empty();
            m.push(&paras[*i], Role::TrichYeu, Region::Page);
            *i += 1;
            if rules_here {
                break;
            }
        }
        while *i < end && self.empty(*i) {
            for r in &paras[*i].rules {
                m.drawn_line(&paras[*i], r, Region::Page);
            }
            *i += 1;
        }
        t
    }

    /// Kính gửi: a line, its "- …;" lines, or a small table of them, within the first few
    /// paragraphs; what stands before it is body text.
    fn kinh_gui(&self, m: &mut Mapper, i: &mut usize) {
        let (paras, end) = (self.paras, self.end);
        let Some(k) = (*i..end.min(*i + 4)).find(|&k| is_kinh_gui(&paras[k].text())) else {
            return;
        };
        for p in &paras[*i..k] {
            if !p.text().trim().is_empty() {
                m.push(p, Role::Body, Region::Page);
            }
        }
        let kg_table = paras[k].cell.map(|c| c.table);
        let mut j = k;
        while j < end {
            let p = &paras[j];
            let same_table = kg_table.is_some() && p.cell.map(|c| c.table) == kg_table;
            // A recipient line: "- …", or a line hung at the same indent as the one before
            // it (the list's layout), ending as a recipient does.
            let prev = &paras[j.saturating_sub(1)];
            let t = p.text();
            let hung = p.props.ind_left.unwrap_or(0) > 0
                && p.props.ind_left == prev.props.ind_left
                && (t.trim_end().ends_with(';') || t.trim_end().ends_with('.'));
            // An addressee broken over two lines with Enter: the line before it had no
            // final punctuation.
            let open = j > k && {
                let pt = prev.text();
                let pt = pt.trim_end();
                !pt.is_empty() && !pt.ends_with([';', '.', ':'])
            };
            let nonempty = !t.trim().is_empty();
            let item = j == k
                || same_table
                || (kg_table.is_none()
                    && (t.trim_start().starts_with('-') || hung || (open && nonempty)));
            if !item {
                break;
            }
            if nonempty {
                m.push(p, Role::KinhGui, Region::Page);
            }
            j += 1;
        }
        *i = j;
    }
}

/// A line that opens a part of the body (`I. Thời gian và địa điểm:`, `1.`, `Điều 1.`,
/// `Chương I`): bold like a trích yếu, but the body has begun.
fn opens_a_part(t: &str) -> bool {
    use crate::markup::Mark;
    matches!(
        crate::markup::classify(t.trim_start()).0,
        Mark::Section(_) | Mark::Clause(_) | Mark::Part(_) | Mark::Article(_)
    )
}

#[cfg(test)]
mod tests {
    use super::opens_a_part;

    #[test]
    fn a_part_of_the_body_is_no_trich_yeu_line() {
        assert!(opens_a_part("I. Thời gian và địa điểm:"));
        assert!(opens_a_part("  1. Mục đích"));
        assert!(opens_a_part("Điều 1. Phạm vi điều chỉnh"));
        assert!(!opens_a_part("Về việc họp thống nhất các nội dung"));
        assert!(!opens_a_part("(KHÓA 05DHTH VÀ 15CDTH)"));
    }
}
