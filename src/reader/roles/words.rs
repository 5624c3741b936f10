//! What a line says: the tests that recognise the decree's fixed lines (Quốc hiệu, Tiêu ngữ,
//! `Số:`, the date line, `Nơi nhận:`, `Kính gửi:`, căn cứ, phụ lục labels) by their words,
//! tolerant of the ways offices type them.

use crate::text::upper_for_matching;

/// Text as compared: NFC, spaces collapsed, tone-mark style folded (`HOÀ` = `HÒA`), upper case.
pub(super) fn key(s: &str) -> String {
    upper_for_matching(s)
}

/// Whether the text's first letter is one of `letters` (either case): the cheap test each
/// predicate below makes before folding the text, since most paragraphs are body text.
fn opens_with(t: &str, letters: &str) -> bool {
    t.trim_start()
        .chars()
        .next()
        .is_some_and(|c| letters.contains(c.to_ascii_uppercase()) || !c.is_ascii())
}

/// [`key`] of the start of a text only: enough for the predicates that look at how a line
/// begins, without folding a whole page-long paragraph.
pub(super) fn key_head(s: &str) -> String {
    let s = s.trim_start();
    let end = s.char_indices().nth(48).map_or(s.len(), |(i, _)| i);
    upper_for_matching(&s[..end])
}

/// Letters only, without any diacritic and upper case: `CỘNG HÕA` (a real typo) still finds
/// the Quốc hiệu, so the checker can say what is wrong with it instead of missing it.
pub(super) fn bare_letters(t: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    t.nfd()
        .filter(|c| c.is_alphanumeric() && !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'D' } else { c })
        .flat_map(char::to_uppercase)
        .collect()
}

/// Longer than any header line, even one typed with both columns and its line breaks: such a
/// paragraph is running text, which may name the State but is no Quốc hiệu or motto (and
/// folding every long paragraph of a header's zone was a sixth of reading a document).
const MOTTO_LINE_MAX_BYTES: usize = 600;

pub(crate) fn is_quoc_hieu(t: &str) -> bool {
    t.len() <= MOTTO_LINE_MAX_BYTES && bare_letters(t).contains("CONGHOAXAHOICHUNGHIAVIETNAM")
}

/// The motto a Party or Đoàn document carries where the Quốc hiệu would stand.
pub(super) fn is_party_motto(t: &str) -> bool {
    if t.len() > MOTTO_LINE_MAX_BYTES {
        return false;
    }
    let b = bare_letters(t);
    (b.contains("DANGCONGSANVIETNAM") && b.len() < 30)
        || ((b.contains("DOANTNCSHOCHIMINH") || b.contains("DOANTHANHNIENCONGSANHOCHIMINH"))
            && b.len() < 36)
}

/// What the right column of a header holds: the Quốc hiệu (or the Party's motto), the Tiêu
/// ngữ, the place-and-date line.
pub(super) fn is_right_column(t: &str) -> bool {
    is_quoc_hieu(t) || is_tieu_ngu(t) || is_party_motto(t) || is_date_line(t)
}

pub(super) fn is_tieu_ngu(t: &str) -> bool {
    t.len() <= MOTTO_LINE_MAX_BYTES && bare_letters(t).contains("DOCLAPTUDOHANHPHUC")
}

/// Upper case as printed (after NFC): organ lines, chức vụ, tên loại.
pub(super) fn is_upper(t: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let n: String = t.nfc().collect();
    n.chars().any(char::is_alphabetic) && crate::text::upper(&n) == n
}

/// `Số: 12/CT-UBND`, `Số:     /UBND-KT`, `Số 05/QĐ` (colon forgotten).
pub(super) fn is_so(t: &str) -> bool {
    if !opens_with(t, "S") {
        return false;
    }
    let k = key_head(t);
    let k = k.trim_start();
    k.starts_with("SỐ:") || k.starts_with("SỐ ") && k.contains('/')
}

/// `Lào Cai, ngày … tháng … năm 2026`, `Hà Nội, ngày 05 tháng 01 năm 2020`.
pub(crate) fn is_date_line(t: &str) -> bool {
    // A date line is one short line; a body paragraph that mentions a date is not one.
    if t.chars().count() > 160 {
        return false;
    }
    let k = key(t);
    let k = k.trim();
    let (Some(d), Some(y)) = (k.find("NGÀY"), k.rfind("NĂM")) else {
        return false;
    };
    // The place, then the date, and nothing after the year: "Hôm nay, ngày … tháng … năm
    // 2022, tại …" opens the minutes' text and is no date line.
    let before = &k[..d];
    let after = &k[y + "NĂM".len()..];
    // One date: a sentence citing two ("ngày 25 tháng 6 năm 2015 và Luật … ngày 24 tháng 6
    // năm 2025;") spans both with its last "năm".
    let Some(date) = k.get(d..y) else {
        return false;
    };
    date.matches("THÁNG").count() == 1
        && date.chars().count() <= 60
        && before.split_whitespace().count() <= 6
        && !before.contains("HÔM NAY")
        && !before.starts_with("VÀO")
        && after.trim().chars().count() <= 12
}

/// A line longer than this is running text: no header line but the V/v runs so long.
const RUNNING_TEXT_MIN_CHARS: usize = 120;

/// Whether a line under the Quốc hiệu opens the text itself rather than standing in the
/// header: a tên loại in capitals, or running text. A header of plain paragraphs ends at its
/// last Số or date line, but one below the text's opening (a quy trình's closing "Hưng Yên,
/// ngày …" above its signatures) belongs to the closing, and reading up to it made every
/// paragraph between an organ line.
pub(super) fn opens_text(t: &str) -> bool {
    let t = t.trim();
    if is_so(t) || is_vv(t) || is_right_column(t) {
        return false;
    }
    t.chars().count() > RUNNING_TEXT_MIN_CHARS || (is_upper(t) && ten_loai_of(t).is_some())
}

pub(super) fn is_vv(t: &str) -> bool {
    // Some offices bracket it: `(V/v quản lý hoạt động …)`.
    let t = t.trim_start().trim_start_matches('(');
    if !opens_with(t, "V") {
        return false;
    }
    let k = key_head(t);
    let k = k.trim_start();
    k.starts_with("V/V") || k.starts_with("V / V") || k.starts_with("VỀ VIỆC:")
}

pub(super) fn is_urgency(t: &str) -> bool {
    t.split_whitespace().count() <= 4
        && matches!(
            key(t).trim(),
            "KHẨN" | "THƯỢNG KHẨN" | "HỎA TỐC" | "HỎA TỐC HẸN GIỜ"
        )
}

pub(super) fn is_noi_nhan(t: &str) -> bool {
    if !opens_with(t, "N") {
        return false;
    }
    let k = key_head(t);
    let k = k.trim_start();
    k.starts_with("NƠI NHẬN")
}

/// A person's name as signed: two to six words, each opening with a capital, no digits and
/// no closing punctuation (`Nguyễn Văn An`).
pub(super) fn looks_like_name(t: &str) -> bool {
    let t = t.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=6).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !t.chars().any(|c| c.is_ascii_digit())
        && !t.ends_with(['.', ';', ':', ','])
}

/// A form's own label above its header (`Mẫu số 14`, `Mẫu 01/TB`): printed by the office
/// that made the form, it is not an organ.
pub(super) fn is_form_label(t: &str) -> bool {
    let k = key(t);
    let k = k.trim();
    (k.starts_with("MẪU SỐ") || k.starts_with("MẪU ") || k.starts_with("BIỂU MẪU"))
        && k.split_whitespace().count() <= 4
}

/// A stamp typed above or beside the header (`DỰ THẢO`, `BẢN SAO`, `MẬT`): not an organ.
pub(crate) fn is_stamp(t: &str) -> bool {
    let k = key(t);
    let k = k.trim().trim_matches(|c: char| !c.is_alphanumeric());
    matches!(k, "BẢN SAO" | "MẬT" | "TỐI MẬT" | "TUYỆT MẬT")
        || ((k.starts_with("DỰ THẢO") || k.starts_with("BẢN DỰ THẢO"))
            && k.split_whitespace().count() <= 5)
}

pub(super) fn is_kinh_gui(t: &str) -> bool {
    opens_with(t, "K") && key_head(t).starts_with("KÍNH GỬI")
}

/// The authority prefixes of the signature block, including the Party's `T/M` forms.
pub fn authority_prefix(t: &str) -> Option<&'static str> {
    if !opens_with(t, "TKQP") {
        return None;
    }
    let k = key_head(t);
    let k = k.trim_start();
    // "PT." (phụ trách): a deputy put in charge, who signs "KT." under the decree (nd30.md
    // §1.8); a state company's quyết định was signed "PT.GIÁM ĐỐC".
    [
        "TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M", "K/T", "T/L", "TM ", "KT ", "TL ", "PT.", "PT ",
        "P.T.",
    ]
    .into_iter()
    .find(|p| k.starts_with(p))
}

pub(super) fn is_can_cu(t: &str) -> bool {
    if !opens_with(t, "CXT") {
        return false;
    }
    let k = key_head(t);
    let k = k.trim_start();
    // "Theo đề xuất của …" closes the căn cứ of some provinces' decisions as "Theo đề nghị" does.
    k.starts_with("CĂN CỨ")
        || k.starts_with("XÉT ")
        || k.starts_with("THEO ĐỀ NGHỊ")
        || k.starts_with("THEO ĐỀ XUẤT")
}

pub(super) fn is_phu_luc_label(t: &str) -> bool {
    if t.split_whitespace().count() > 6 {
        return false;
    }
    let k = key(t);
    let k = k.trim();
    (k.starts_with("PHỤ LỤC") || k == "PHỤ LỤC") && k.split_whitespace().count() <= 4
}

pub(super) fn is_attribution(t: &str) -> bool {
    let k = key_head(t);
    // A space typed inside the bracket (`( Ban hành kèm theo …`) is the same line.
    let Some(k) = k.trim().strip_prefix('(') else {
        return false;
    };
    ["KÈM THEO", "BAN HÀNH KÈM", "BAN HÀNH THEO"]
        .iter()
        .any(|p| k.trim_start().starts_with(p))
}

/// The tên loại a line starts with, if it is one (`THÔNG BÁO`, `GIẤY MỜI HỌP` → `GIẤY MỜI`).
pub fn ten_loai_of(t: &str) -> Option<&'static str> {
    if t.split_whitespace().count() > 6 {
        return None;
    }
    let k = key(t);
    let k = k.trim();
    if k.split_whitespace().count() > 6 || k.contains(':') {
        return None;
    }
    crate::nd30::ten_loai_opening(k).map(|t| t.name)
}

/// The kind id a tên loại stands for; `khac` for one vbhc does not draft.
pub fn kind_of(ten_loai: &str) -> &'static str {
    crate::nd30::ten_loai(ten_loai)
        .and_then(|t| t.kind)
        .unwrap_or("khac")
}

/// The drafter's initials and the number of copies under the Lưu line (`CM.(5)`, `A.XX.(10)`,
/// `NV.`): short, no leading dash, capitals, digits and punctuation only.
pub(super) fn is_drafter_mark(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && t.chars().count() <= 24
        && !t.starts_with(['-', '+', '–'])
        && t.chars().any(char::is_uppercase)
        && t.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || ".,()/ ".contains(c))
}

#[cfg(test)]
mod tests {
    use super::{is_attribution, is_date_line, is_drafter_mark, opens_text};

    #[test]
    fn an_attribution_may_have_a_space_inside_its_bracket() {
        assert!(is_attribution(
            "(Ban hành kèm theo Quyết định số 12/QĐ-UBND)"
        ));
        assert!(is_attribution(
            "( Ban hành kèm theo Quyết định số    /QĐ.BQL-VP"
        ));
        assert!(is_attribution("(Kèm theo Kế hoạch số 5/KH-UBND)"));
        assert!(!is_attribution("Ban hành kèm theo Quyết định này"));
    }

    #[test]
    fn the_text_opens_at_a_ten_loai_or_running_text() {
        let sentence = "Đầu học kỳ hè, căn cứ trên số lượng sinh viên dự kiến tốt nghiệp năm học tiếp theo, số lượng cán bộ giảng viên, khoa lập kế hoạch sơ bộ.";
        assert!(opens_text("QUY CHẾ"));
        assert!(opens_text("  QUYẾT ĐỊNH"));
        assert!(opens_text(sentence));
        // Header lines, however long, do not.
        assert!(!opens_text(&format!("V/v {sentence}")));
        assert!(!opens_text("Hưng Yên, ngày 15 tháng 11 năm 2013"));
        assert!(!opens_text("Số: 12/QĐ-UBND"));
        assert!(!opens_text("ỦY BAN NHÂN DÂN"));
        assert!(!opens_text("Quy chế"));
    }

    #[test]
    fn a_date_line_holds_one_date() {
        for t in [
            "Lào Cai, ngày 05 tháng 3 năm 2026",
            "Lương Minh, ngày    tháng 01 năm 2026",
            "………, ngày ………… tháng ………… năm 20…",
            "ngày 25 tháng 6 năm 2015",
        ] {
            assert!(is_date_line(t), "{t}");
        }
        for t in [
            "ngày 25 tháng 6 năm 2015 và Luật sửa đổi, bổ sung một số điều của Luật Bầu cử ngày 24 tháng 6 năm 2025;",
            "Hôm nay, ngày 05 tháng 3 năm 2026, tại trụ sở",
            "Chúc mừng năm mới, ngày vui",
        ] {
            assert!(!is_date_line(t), "{t}");
        }
    }

    #[test]
    fn drafter_marks_under_the_luu_line() {
        for t in ["CM.(5)", "A.XX.(10)", "NV.", " TH.(05) "] {
            assert!(is_drafter_mark(t), "{t}");
        }
        for t in ["- Lưu: VT, KT.", "Ban Giám đốc Sở;", "", "(5)", "- NV."] {
            assert!(!is_drafter_mark(t), "{t}");
        }
    }
}
