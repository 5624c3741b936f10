//! The rule table: every check's stable code, its default severity and why it has that
//! severity. The checker takes severities from here only, and `vbhc rules` prints this table,
//! so what a clerk reads and what the checker does cannot disagree.
//!
//! The policy behind the severities: **error** where the decree fixes a word, a form or a part
//! (a wrong Quốc hiệu, an unpadded date, a missing Nơi nhận) — a Văn thư would send the
//! document back; **warning** where the decree gives a range and a measured value falls outside
//! it (margins, sizes, spacing: nd30.md §1.1 and the corpus show genuine documents outside the
//! ranges), or where practice varies; **note** where the document is right but worth knowing
//! about (a number left blank for the signing system to fill).

use crate::finding::Severity;
use crate::finding::Severity::{Error, Note, Warning};

pub struct RuleInfo {
    pub code: &'static str,
    pub severity: Severity,
    /// What the rule checks.
    pub vi: &'static str,
    pub en: &'static str,
    /// Why it has this severity.
    pub why_vi: &'static str,
    pub why_en: &'static str,
}

const fn r(
    code: &'static str,
    severity: Severity,
    vi: &'static str,
    en: &'static str,
    why_vi: &'static str,
    why_en: &'static str,
) -> RuleInfo {
    RuleInfo {
        code,
        severity,
        vi,
        en,
        why_vi,
        why_en,
    }
}

const FORM: (&str, &str) = (
    "Nghị định quy định cụ thể chữ, dạng hoặc thành phần này",
    "the decree fixes this word, form or part",
);
const RANGE: (&str, &str) = (
    "giá trị đo được nằm ngoài khoảng Nghị định cho phép; văn bản thật cũng có khi lệch, nên chỉ cảnh báo",
    "a measured value outside the decree's range; genuine documents deviate too, so a warning",
);
const PRACTICE: (&str, &str) = (
    "thực tế các cơ quan còn khác nhau; cần người soạn xem lại",
    "practice varies between offices; for the drafter to review",
);
const INFO: (&str, &str) = (
    "văn bản vẫn đúng; chỉ để biết",
    "the document is right; for information",
);

pub const RULES: &[RuleInfo] = &[
    r(
        "ND30-NOT-ND30",
        Note,
        "Văn bản không thuộc phạm vi Nghị định 30 (văn bản của Đảng, văn bản quy phạm pháp luật, biểu mẫu nội bộ)",
        "Not an administrative document under Decree 30 (Party document, legal-normative document, internal form)",
        INFO.0,
        INFO.1,
    ),
    r(
        "ND30-HEADER-UNREAD",
        Warning,
        "Phần đầu văn bản đọc được (cơ quan ban hành, số, ngày tháng)",
        "The header can be read (issuing organ, number, date)",
        "vbhc không đọc được bố cục phần đầu (không thấy cả cơ quan, số lẫn ngày tháng); báo một lần thay cho nhiều lỗi có thể sai, người soạn xem lại",
        "vbhc cannot read the header's layout (neither organ, number nor date found); said once instead of several errors that may be wrong, for the drafter to review",
    ),
    r(
        "ND30-CLOSING-UNREAD",
        Warning,
        "Phần cuối văn bản đọc được (chữ ký, nơi nhận)",
        "The closing can be read (signature, Nơi nhận)",
        "vbhc không thấy cả khối chữ ký lẫn nơi nhận; thường do bố cục lạ, nên báo một lần để người soạn xem lại thay cho hai lỗi",
        "vbhc finds neither the signature block nor the Nơi nhận; usually an unusual layout, so said once for the drafter to review instead of two errors",
    ),
    r(
        "ND30-PAGE-SIZE",
        Error,
        "Khổ giấy A4 (210 × 297 mm)",
        "A4 paper (210 × 297 mm)",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-ORIENTATION",
        Error,
        "Trang dọc; trang ngang chỉ cho phụ lục có bảng",
        "Portrait; landscape only for an annex section with a table",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-MARGIN-TOP",
        Warning,
        "Lề trên 20–25 mm",
        "Top margin 20–25 mm",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-MARGIN-BOTTOM",
        Warning,
        "Lề dưới 20–25 mm",
        "Bottom margin 20–25 mm",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-MARGIN-LEFT",
        Warning,
        "Lề trái 30–35 mm",
        "Left margin 30–35 mm",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-MARGIN-RIGHT",
        Warning,
        "Lề phải 15–20 mm",
        "Right margin 15–20 mm",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-PAGE-NUMBER-FIRST",
        Warning,
        "Không đánh số trang thứ nhất",
        "No number on the first page",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-PAGE-NUMBER-MISSING",
        Warning,
        "Văn bản nhiều trang có đánh số trang",
        "A document of several pages has page numbers",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-PAGE-NUMBER-STYLE",
        Warning,
        "Số trang Times New Roman cỡ 13–14",
        "Page numbers in Times New Roman 13–14 pt",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-PAGE-NUMBER-PLACE",
        Warning,
        "Số trang ở giữa, phía trên (phần đầu trang)",
        "Page numbers centred at the top (in the header)",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-FONT",
        Error,
        "Phông chữ Times New Roman",
        "Times New Roman",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-QUOC-HIEU",
        Error,
        "Quốc hiệu: có, đúng chữ, in hoa",
        "Quốc hiệu present, in its words, upper case",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-QUOC-HIEU-BOLD",
        Error,
        "Quốc hiệu in đậm",
        "Quốc hiệu bold",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-QUOC-HIEU-SIZE",
        Warning,
        "Quốc hiệu cỡ 12–13",
        "Quốc hiệu 12–13 pt",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-HEADER-WRAP",
        Warning,
        "Quốc hiệu nằm trên một dòng trong cột của nó",
        "The Quốc hiệu fits on one line in its column",
        "Nghị định trình bày Quốc hiệu trên một dòng; dòng bị ngắt do cột hẹp hoặc chữ to chỉ thấy khi in, nên cảnh báo",
        "the decree sets the Quốc hiệu on one line; a line broken by a narrow column or a large size shows only in print, so a warning",
    ),
    r(
        "ND30-TIEU-NGU",
        Error,
        "Tiêu ngữ: có, đúng chữ, gạch nối có cách hai bên",
        "Tiêu ngữ present, in its words, hyphens spaced",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-TIEU-NGU-DASH",
        Warning,
        "Tiêu ngữ gõ bằng gạch ngang dài (–, —) thay cho gạch nối",
        "Tiêu ngữ typed with en or em dashes instead of hyphens",
        "Nghị định quy định gạch nối (-) có cách hai bên; gạch dài in gần giống và gặp trong văn bản thật của các tỉnh (nd30.md, Dashes), nên chỉ cảnh báo",
        "the decree writes a hyphen with a space each side; an en dash prints almost alike and occurs in genuine provincial documents (nd30.md, Dashes), so a warning",
    ),
    r(
        "ND30-TIEU-NGU-BOLD",
        Error,
        "Tiêu ngữ in đậm",
        "Tiêu ngữ bold",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-TIEU-NGU-SIZE",
        Warning,
        "Tiêu ngữ cỡ 13–14",
        "Tiêu ngữ 13–14 pt",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-TIEU-NGU-RULE",
        Warning,
        "Đường kẻ dưới Tiêu ngữ dài bằng dòng chữ",
        "A rule under the Tiêu ngữ as long as its text",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-CO-QUAN",
        Error,
        "Tên cơ quan ban hành: có, in hoa, in đậm",
        "Issuing organ present, upper case, bold",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-CO-QUAN-SIZE",
        Warning,
        "Tên cơ quan ban hành cỡ 12–13",
        "Issuing organ 12–13 pt",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-CO-QUAN-RULE",
        Warning,
        "Đường kẻ dưới tên cơ quan dài 1/3–1/2 dòng chữ",
        "A rule under the organ's name, 1/3–1/2 of its line",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-CHU-QUAN",
        Warning,
        "Tên cơ quan chủ quản in hoa, không đậm",
        "Parent organ upper case, not bold",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-SO",
        Error,
        "Dòng \"Số:\" đúng dạng Số: 05/QĐ-UBND",
        "The \"Số:\" line in the form Số: 05/QĐ-UBND",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-SO-BLANK",
        Note,
        "Số để trống, cấp khi ký",
        "Number left blank, assigned at signing",
        INFO.0,
        INFO.1,
    ),
    r(
        "ND30-SO-PAD",
        Error,
        "Số nhỏ hơn 10 có số 0 phía trước",
        "Numbers below 10 with a leading zero",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-SO-SPACE",
        Warning,
        "Không có khoảng trắng quanh dấu / và trong ký hiệu",
        "No spaces around the slash or inside the ký hiệu",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-SO-SIZE",
        Warning,
        "Dòng \"Số:\" cỡ 13",
        "The \"Số:\" line in 13 pt",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-KY-HIEU",
        Warning,
        "Ký hiệu mở đầu bằng chữ viết tắt tên loại (Phụ lục III) ứng với tên loại",
        "Ký hiệu opens with the Phụ lục III abbreviation of the tên loại",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-DATE",
        Error,
        "Dòng địa danh, ngày tháng: \"Địa danh, ngày … tháng … năm …\"",
        "Place and date line: \"Place, ngày … tháng … năm …\"",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-DATE-PAD",
        Error,
        "Ngày nhỏ hơn 10 và tháng 1, 2 có số 0 phía trước; tháng 3–9 không",
        "Days below 10 and months 1–2 padded with a zero; months 3–9 not",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-DATE-BLANK",
        Note,
        "Địa danh, ngày, tháng hoặc năm để trống (dấu cách, dấu chấm, dấu lửng, trường trộn thư), điền khi ký",
        "Place, day, month or year left blank (spaces, dots, an ellipsis, a merge field), filled at signing",
        INFO.0,
        INFO.1,
    ),
    r(
        "ND30-DATE-ITALIC",
        Warning,
        "Dòng ngày tháng in nghiêng",
        "Date line italic",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-DATE-PLACE",
        Warning,
        "Dòng địa danh, ngày tháng canh giữa dưới Tiêu ngữ, không canh phải",
        "The place-and-date line centred under the Tiêu ngữ, not flush right",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-DATE-SPACE",
        Warning,
        "Dấu phẩy liền sau địa danh (\"Hà Nội, ngày …\"), không có dấu cách trước",
        "The comma right after the place (\"Hà Nội, ngày …\"), no space before it",
        "Nghị định 30 viết \"Địa danh, ngày …\"; dấu cách thừa là lỗi gõ, văn bản vẫn đọc đúng, nên chỉ cảnh báo",
        "Decree 30 writes \"Place, ngày …\"; the extra space is a typing slip and the line still reads right, so a warning",
    ),
    r(
        "ND30-DATE-PLACE-SHORT",
        Warning,
        "Địa danh ghi đủ tên đơn vị hành chính, không viết tắt (\"Thành phố Hồ Chí Minh\", không \"TP.HCM\")",
        "The place written in full, not abbreviated (\"Thành phố Hồ Chí Minh\", not \"TP.HCM\")",
        "Nghị định 30 (Phụ lục I, mục địa danh) ghi đầy đủ tên đơn vị hành chính đặt theo tên người, chữ số hoặc sự kiện lịch sử; với tên khác, văn bản thật còn viết tắt, nên chỉ cảnh báo",
        "Decree 30 (Appendix I, the place) writes administrative units named after a person, a number or an event in full; for other names genuine documents still abbreviate, so a warning",
    ),
    r(
        "ND30-TEN-LOAI",
        Error,
        "Tên loại in hoa, in đậm",
        "Tên loại upper case, bold",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-TRICH-YEU",
        Warning,
        "Trích yếu in đậm, canh giữa, có đường kẻ dưới dài 1/3–1/2 dòng chữ",
        "Trích yếu bold, centred, with a rule under it 1/3–1/2 of its line",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-TITLE-SIZE",
        Warning,
        "Tên loại, trích yếu cỡ 13–14; V/v cỡ 12–13",
        "Tên loại and trích yếu 13–14 pt; V/v 12–13 pt",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-VV",
        Warning,
        "Công văn có dòng V/v dưới số, chữ đứng",
        "A công văn has its upright V/v line under the number",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-CAN-CU",
        Warning,
        "Căn cứ in nghiêng, mỗi dòng kết thúc bằng \";\", dòng cuối bằng \".\" (dấu \",\" theo thói quen cũ cũng được chấp nhận)",
        "Căn cứ italic, each line ending \";\", the last \".\" (the older \",\" accepted)",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-BODY-SIZE",
        Warning,
        "Nội dung cỡ 13–14",
        "Body 13–14 pt",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-BODY-INDENT",
        Warning,
        "Thụt đầu dòng 1 cm hoặc 1,27 cm",
        "First-line indent 1 cm or 1.27 cm",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-BODY-SPACING",
        Warning,
        "Cách đoạn tối thiểu 6 pt",
        "At least 6 pt between paragraphs",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-LINE-SPACING",
        Warning,
        "Giãn dòng từ đơn đến 1,5 dòng",
        "Line spacing single to 1.5 lines",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-BODY-JUSTIFY",
        Warning,
        "Nội dung canh đều hai lề",
        "Body justified",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-NUMBERING",
        Warning,
        "Điều viết \"Điều 1.\"; số điều, số mục La Mã liên tiếp, không lặp",
        "Articles written \"Điều 1.\"; article and Roman section numbers consecutive, none repeated",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-DIEM-FORM",
        Warning,
        "Điểm viết chữ cái và dấu ngoặc đơn: a), b)",
        "Points written as a letter and a bracket: a), b)",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-DIEM-ORDER",
        Warning,
        "Điểm theo thứ tự chữ cái tiếng Việt a b c d đ e g h …",
        "Points in Vietnamese letter order a b c d đ e g h …",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-END-MARK",
        Warning,
        "Nội dung kết thúc bằng \"./.\"",
        "The body ends with \"./.\"",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-QUYEN-HAN",
        Error,
        "Quyền hạn ký: TM., KT., TL., TUQ., Q. viết đúng",
        "Signing authority written TM., KT., TL., TUQ. or Q.",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-SIGNATURE",
        Warning,
        "Khối chữ ký: quyền hạn, chức vụ in hoa đậm; họ tên đậm, không in hoa toàn bộ",
        "Signature block: authority and position upper case bold; name bold, not all capitals",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-SIGNATURE-MISSING",
        Error,
        "Có khối chữ ký (chức vụ, họ tên người ký)",
        "A signature block (position, signer's name)",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-KINH-GUI",
        Warning,
        "\"Kính gửi:\" và các dòng \"- …;\", dòng cuối \".\"",
        "\"Kính gửi:\" and its \"- …;\" lines, the last ending \".\"",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-NOI-NHAN",
        Error,
        "Có \"Nơi nhận:\"",
        "A \"Nơi nhận:\" list",
        FORM.0,
        FORM.1,
    ),
    r(
        "ND30-NOI-NHAN-HEADING",
        Warning,
        "\"Nơi nhận:\" cỡ 12, đậm, nghiêng",
        "\"Nơi nhận:\" 12 pt bold italic",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-NOI-NHAN-SIZE",
        Warning,
        "Các dòng nơi nhận cỡ 11",
        "Recipient lines 11 pt",
        RANGE.0,
        RANGE.1,
    ),
    r(
        "ND30-NOI-NHAN-PUNCT",
        Warning,
        "Mỗi dòng nơi nhận bắt đầu \"- \" và kết thúc \";\"",
        "Each recipient line starts \"- \" and ends \";\"",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-LUU",
        Warning,
        "Dòng cuối \"- Lưu: VT, …\" kết thúc bằng dấu chấm",
        "Last line \"- Lưu: VT, …\" ending with a full stop",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-TEXT-NFD",
        Warning,
        "Chữ Việt dựng sẵn (Unicode NFC)",
        "Precomposed Vietnamese letters (Unicode NFC)",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-CHU-THE",
        Warning,
        "Chủ thể của câu dẫn, câu kết là cơ quan ban hành, đúng cấp của nó",
        "The subject of the lead-in and closing is the issuing organ, at its own level",
        "câu do người soạn (hoặc mẫu của cấp khác) ghép; trích dẫn cơ quan cấp khác vẫn đúng, nên chỉ cảnh báo",
        "composed wording (or another level's template); citing another level's organ is right, so a warning",
    ),
    r(
        "ND30-TONE-MIX",
        Warning,
        "Một kiểu đặt dấu thanh trong toàn văn bản (hòa/ủy hoặc hoà/uỷ)",
        "One tone-mark style throughout (hòa/ủy or hoà/uỷ)",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-DOUBLE-SPACE",
        Warning,
        "Không có hai dấu cách liền nhau trong nội dung",
        "No doubled spaces in the body",
        PRACTICE.0,
        PRACTICE.1,
    ),
    r(
        "ND30-NO-DIACRITICS",
        Error,
        "Văn bản viết tiếng Việt có dấu",
        "The document is written in Vietnamese with its diacritics",
        "Phụ lục I: chữ viết là tiếng Việt theo bộ mã TCVN 6909:2001; văn bản gõ không dấu không phải văn bản tiếng Việt đúng thể thức",
        "Phụ lục I: the text is Vietnamese in the TCVN 6909:2001 character set; a document typed without diacritics is not",
    ),
    r(
        "ND30-LEGACY-ENCODING",
        Error,
        "Văn bản dùng bộ mã Unicode, không dùng bảng mã cũ (TCVN3, VNI)",
        "The text is Unicode, not a legacy encoding (TCVN3, VNI)",
        "Phụ lục I: phông chữ tiếng Việt của bộ mã ký tự Unicode theo TCVN 6909:2001; chữ gõ bằng bảng mã TCVN3 (.VnTime) hay VNI (VNI-Times) không phải bộ mã đó",
        "Phụ lục I: a Vietnamese font of the Unicode character set per TCVN 6909:2001; text typed in the TCVN3 (.VnTime) or VNI (VNI-Times) encoding is not in it",
    ),
];

pub fn info(code: &str) -> &'static RuleInfo {
    RULES
        .iter()
        .find(|r| r.code == code)
        .unwrap_or_else(|| panic!("rule {code} is not in the rule table"))
}

#[cfg(test)]
mod tests {
    use super::RULES;

    #[test]
    fn codes_are_unique_and_stable_in_form() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.code), "{} twice", r.code);
            assert!(r.code.starts_with("ND30-"), "{}", r.code);
            assert!(
                r.code
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            );
        }
    }
}
