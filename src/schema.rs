//! The fixed core of every draft: the facts every văn bản hành chính has, whatever its kind.
//! The kind's own fields are declared in its template; together they are the whole schema,
//! and `vbhc new`, `vbhc templates show` and the validator read both from here and there.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoreKind {
    Text,
    /// One string, or an array of strings (lines).
    Lines,
    /// An array of strings.
    List,
    Integer,
    /// A number, or blank (`""`, or the key left out): assigned at signing.
    NumberOrBlank,
    /// `2026-03-05`, `"2026-03"`, `"2026"` (day and month blank), `"05/03/2026"`.
    Date,
    Bool,
    Markup,
    Table(&'static [CoreField]),
    TableArray(&'static [CoreField]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CoreField {
    pub name: &'static str,
    pub kind: CoreKind,
    pub required: bool,
    pub vi: &'static str,
    pub en: &'static str,
    /// Example for the skeleton, as TOML.
    pub example: &'static str,
}

const fn f(
    name: &'static str,
    kind: CoreKind,
    required: bool,
    vi: &'static str,
    en: &'static str,
    example: &'static str,
) -> CoreField {
    CoreField {
        name,
        kind,
        required,
        vi,
        en,
        example,
    }
}

pub const CO_QUAN: &[CoreField] = &[
    f(
        "chu_quan",
        CoreKind::Text,
        false,
        "Cơ quan chủ quản trực tiếp (nếu có), viết tắt thông dụng, không in đậm; \"\" = không có",
        "Parent organ (if any), common abbreviations, not bold; \"\" = none",
        "\"UBND TỈNH LẠNG SƠN\"",
    ),
    f(
        "ten",
        CoreKind::Lines,
        true,
        "Tên cơ quan ban hành, mỗi dòng một phần tử để ngắt dòng đúng chỗ",
        "Issuing organ, one array item per printed line",
        "[\"ỦY BAN NHÂN DÂN\", \"TỈNH LẠNG SƠN\"]",
    ),
    f(
        "viet_tat",
        CoreKind::Text,
        true,
        "Chữ viết tắt của cơ quan trong ký hiệu (UBND, SCT, VP…)",
        "The organ's abbreviation in the ký hiệu",
        "\"UBND\"",
    ),
    f(
        "cap",
        CoreKind::Text,
        false,
        "Cấp của cơ quan, khi vbhc đoán sai từ tên: trung-uong, tinh, thanh-pho (trực thuộc trung ương), xa, phuong, dac-khu; văn bản trước 01/7/2025: huyen, quan, thi-xa, thanh-pho-thuoc-tinh, thi-tran",
        "The organ's level, when vbhc guesses it wrong from the name: trung-uong, tinh, thanh-pho (central city), xa, phuong, dac-khu; before 1 July 2025: huyen, quan, thi-xa, thanh-pho-thuoc-tinh, thi-tran",
        "\"tinh\"",
    ),
    f(
        "loai",
        CoreKind::Text,
        false,
        "Loại cơ quan, khi vbhc đoán sai: ubnd, chu-tich (Chủ tịch UBND ban hành), so, van-phong, bo, cuc, doanh-nghiep, khac",
        "The organ's kind, when vbhc guesses it wrong: ubnd, chu-tich (issued by the Chủ tịch), so, van-phong, bo, cuc, doanh-nghiep, khac",
        "\"ubnd\"",
    ),
    f(
        "ten_goi",
        CoreKind::Text,
        false,
        "Tên cơ quan trong câu văn (câu dẫn, câu kết), khi tên vbhc suy ra từ dòng tên chưa đúng, ví dụ \"Ban Quản lý các khu công nghiệp tỉnh\"",
        "The organ as sentences name it, when the name vbhc derives from the header is not right",
        "\"Sở Công Thương\"",
    ),
];

pub const KY: &[CoreField] = &[
    f(
        "quyen_han",
        CoreKind::List,
        false,
        "Dòng quyền hạn (TM., KT., TL., TUQ., Q.), tối đa 2 dòng; bỏ trống nếu người đứng đầu ký",
        "Authority lines (TM., KT., TL., TUQ., Q.), at most 2; empty when the head signs",
        "[\"KT. CHỦ TỊCH\"]",
    ),
    f(
        "chuc_vu",
        CoreKind::Text,
        true,
        "Chức vụ người ký",
        "Signer's position",
        "\"PHÓ CHỦ TỊCH\"",
    ),
    f(
        "ho_ten",
        CoreKind::Text,
        true,
        "Họ và tên người ký (không ghi học hàm, học vị)",
        "Signer's full name (no titles)",
        "\"Nguyễn Văn A\"",
    ),
];

pub const PHU_LUC: &[CoreField] = &[
    f(
        "so",
        CoreKind::Text,
        false,
        "Số thứ tự phụ lục (I, II… khi có từ hai phụ lục)",
        "Annex number (I, II… when there are two or more)",
        "\"I\"",
    ),
    f(
        "tieu_de",
        CoreKind::Text,
        true,
        "Tên phụ lục",
        "Annex title",
        "\"DANH MỤC NHIỆM VỤ\"",
    ),
    f(
        "kem_theo",
        CoreKind::Text,
        false,
        "Dòng chỉ dẫn \"(Kèm theo …)\"; bỏ trống để vbhc tự ghi theo số, ngày của văn bản",
        "The \"(Kèm theo …)\" line; empty to build it from the document's number and date",
        "\"\"",
    ),
    f(
        "noi_dung",
        CoreKind::Markup,
        true,
        "Nội dung phụ lục (markup: bảng, mục…)",
        "Annex content (markup: tables, items…)",
        "\"| TT | Nhiệm vụ |\\n|---|---|\\n| 1 | … |\"",
    ),
    f(
        "ngang",
        CoreKind::Bool,
        false,
        "Trang nằm ngang (chỉ dùng cho phụ lục có bảng rộng)",
        "Landscape page (only for an annex with a wide table)",
        "false",
    ),
];

/// The core fields, in the order a skeleton lists them.
pub const CORE: &[CoreField] = &[
    f(
        "loai",
        CoreKind::Text,
        true,
        "Loại văn bản (xem `vbhc templates list`)",
        "Document kind (see `vbhc templates list`)",
        "",
    ),
    f(
        "kieu_dau",
        CoreKind::Text,
        false,
        "Kiểu đặt dấu thanh: \"hòa\" (mặc định, như văn bản 2026) hoặc \"hoà\"",
        "Tone-mark style: \"hòa\" (default, as 2026 documents) or \"hoà\"",
        "\"hòa\"",
    ),
    f(
        "nguyen_van",
        CoreKind::Bool,
        false,
        "true để giữ nguyên văn như đã viết (chép lại văn bản có sẵn): không đổi ngoặc kép, kiểu dấu thanh, chữ hoa của tên mục, dấu câu cuối căn cứ và cuối văn bản; vbhc chỉ cảnh báo chỗ Nghị định 30 yêu cầu khác",
        "true to keep the text as written (reproducing an existing document): quotes, tone marks, heading case and the căn cứ and final punctuation unchanged; vbhc only warns where the decree asks otherwise",
        "false",
    ),
    f(
        "cho_trong",
        CoreKind::Bool,
        false,
        "true khi văn bản cố ý có chỗ để trống (biểu mẫu, văn bản công bố đã xóa tên người ký): chỗ \"…\" không bị báo lỗi",
        "true when the document is blank on purpose (a form, a published text with the signer's name removed): \"…\" is not an error",
        "false",
    ),
    f(
        "plugin",
        CoreKind::Text,
        false,
        "Plugin của tỉnh cung cấp tên cơ quan, địa danh, Nơi nhận, mục chuẩn và quy tắc riêng (xem `vbhc plugin list`)",
        "The province plugin that supplies organ names, place name, recipients, standard sections and its own rules (see `vbhc plugin list`)",
        "\"lang-son\"",
    ),
    f(
        "co_quan",
        CoreKind::Table(CO_QUAN),
        true,
        "Cơ quan ban hành",
        "Issuing organ",
        "",
    ),
    f(
        "so",
        CoreKind::NumberOrBlank,
        false,
        "Số văn bản; để trống (\"\") khi số được cấp lúc ký",
        "Document number; blank (\"\") when assigned at signing",
        "12",
    ),
    f(
        "ky_hieu",
        CoreKind::Text,
        false,
        "Ký hiệu sau dấu /, chỉ khi khác cách ghép mặc định (ví dụ \"HD-CAT-PV05\")",
        "Ký hiệu after the slash, only to override the built one (e.g. \"HD-CAT-PV05\")",
        "\"HD-CAT-PV05\"",
    ),
    f(
        "don_vi_soan",
        CoreKind::Text,
        false,
        "Đơn vị soạn thảo (công văn: phần sau dấu - của ký hiệu, ví dụ \"KT\")",
        "Drafting unit (công văn: the part after the hyphen, e.g. \"KT\")",
        "\"KT\"",
    ),
    f(
        "dia_danh",
        CoreKind::Text,
        true,
        "Địa danh nơi cơ quan đóng trụ sở",
        "Place name of the organ's seat",
        "\"Lạng Sơn\"",
    ),
    f(
        "ngay",
        CoreKind::Date,
        true,
        "Ngày ban hành: \"2026-03-05\"; \"2026-03\" hoặc \"2026\" để trống ngày, tháng; \"\" để trống cả năm",
        "Date: \"2026-03-05\"; \"2026-03\" or \"2026\" leaves day and month blank; \"\" the year too",
        "\"2026\"",
    ),
    f(
        "trich_yeu",
        CoreKind::Text,
        true,
        "Trích yếu nội dung",
        "Subject line",
        "",
    ),
    f(
        "do_khan",
        CoreKind::Text,
        false,
        "Mức độ khẩn: KHẨN, THƯỢNG KHẨN, HỎA TỐC",
        "Urgency: KHẨN, THƯỢNG KHẨN, HỎA TỐC",
        "\"KHẨN\"",
    ),
    f(
        "ban_hanh_kem_theo",
        CoreKind::Text,
        false,
        "Dòng dưới trích yếu của văn bản ban hành kèm theo quyết định (quy chế, quy định): \"Ban hành kèm theo Quyết định số … ngày … của …\" (vbhc thêm ngoặc đơn)",
        "The line under the trích yếu of a text issued with a decision (quy chế, quy định): \"Ban hành kèm theo Quyết định số … ngày … của …\" (vbhc adds the brackets)",
        "\"Ban hành kèm theo Quyết định số …/QĐ-UBND ngày … của Ủy ban nhân dân tỉnh\"",
    ),
    f(
        "tham_quyen",
        CoreKind::Text,
        false,
        "Dòng thẩm quyền ban hành (quyết định), ví dụ \"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\"",
        "Authority line (quyết định)",
        "",
    ),
    f(
        "can_cu",
        CoreKind::List,
        false,
        "Các căn cứ, mỗi phần tử một dòng (vbhc thêm ; và . cuối)",
        "Legal bases, one per item (vbhc adds the ; and final .)",
        "",
    ),
    f(
        "kinh_gui",
        CoreKind::List,
        false,
        "Nơi nhận chính (Kính gửi), mỗi phần tử một nơi",
        "Addressees (Kính gửi), one per item",
        "",
    ),
    f("ky", CoreKind::Table(KY), true, "Người ký", "Signer", ""),
    f(
        "ky_trai",
        CoreKind::Table(KY),
        false,
        "Người ký thứ hai, ở cột trái trên Nơi nhận: thư ký của biên bản, người được ủy quyền, bên A của hợp đồng, bản ghi nhớ, bản thỏa thuận",
        "A second signer, in the left column above the Nơi nhận: a biên bản's secretary, the person authorised, party A of a contract or memorandum",
        "",
    ),
    f(
        "noi_nhan",
        CoreKind::List,
        true,
        "Nơi nhận, mỗi phần tử một dòng (vbhc thêm \"- \" và \";\")",
        "Distribution list, one per item (vbhc adds \"- \" and \";\")",
        "[\"Thường trực Tỉnh ủy (b/c)\", \"Chủ tịch, các Phó Chủ tịch UBND tỉnh\"]",
    ),
    f(
        "luu",
        CoreKind::Text,
        true,
        "Dòng Lưu sau \"Lưu: \", ví dụ \"VT, KT\"",
        "The Lưu line after \"Lưu: \", e.g. \"VT, KT\"",
        "\"VT, TH\"",
    ),
    f(
        "nguoi_soan",
        CoreKind::Text,
        false,
        "Ký hiệu người soạn thảo (chữ in hoa), ví dụ \"PL\"",
        "Drafter's initials, e.g. \"PL\"",
        "\"PL\"",
    ),
    f(
        "so_ban",
        CoreKind::Integer,
        false,
        "Số lượng bản phát hành",
        "Number of copies issued",
        "300",
    ),
    f(
        "dia_chi",
        CoreKind::List,
        false,
        "Địa chỉ, điện thoại, email in ở chân trang 1 (công văn, nếu cần)",
        "Address block in the footer of page 1 (công văn, if needed)",
        "[\"Địa chỉ: …; Điện thoại: …; Email: …\"]",
    ),
    f(
        "than",
        CoreKind::Markup,
        false,
        "Thân văn bản viết tự do (markup), thay cho toàn bộ khung của loại văn bản: khi có `than`, các trường riêng của loại không dùng",
        "The whole body written freely (markup), instead of the kind's skeleton: with `than`, the kind's own fields are not used",
        "",
    ),
    f(
        "phu_luc",
        CoreKind::TableArray(PHU_LUC),
        false,
        "Phụ lục kèm theo ([[phu_luc]], mỗi phụ lục một bảng)",
        "Annexes ([[phu_luc]], one table each)",
        "",
    ),
];

pub fn core(name: &str) -> Option<&'static CoreField> {
    CORE.iter().find(|f| f.name == name)
}
