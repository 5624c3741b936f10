//! Every size, margin and position vbhc lays out, in one place, each beside the range
//! Nghị định 30/2020/NĐ-CP (Phụ lục I) allows. The writer lays out with these values and the
//! checker judges against the same ranges, so a value and its limit cannot drift apart.
//!
//! Units: twips (1/20 pt; 1 cm = 567, 1 mm = 56.7) for lengths, half-points for font sizes
//! (DOCX `w:sz`), EMU (1 cm = 360 000) for drawing shapes.

/// A value chosen by vbhc and the inclusive range the decree allows for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranged {
    pub value: u32,
    pub min: u32,
    pub max: u32,
}

impl Ranged {
    const fn new(value: u32, min: u32, max: u32) -> Self {
        assert!(min <= value && value <= max);
        Self { value, min, max }
    }
    pub fn contains(&self, v: u32) -> bool {
        (self.min..=self.max).contains(&v)
    }
}

/// A proportion chosen by vbhc and the range the decree allows for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fraction {
    pub chosen: f64,
    pub min: f64,
    pub max: f64,
}

pub const TWIPS_PER_CM: f64 = 567.0;
pub const TWIPS_PER_MM: f64 = 56.7;
pub const EMU_PER_TWIP: u32 = 635;

// ---- The decree's fixed words (Phụ lục I; nd30.md §1.2, §1.9, §2) ---------------------------

/// Quốc hiệu, as Phụ lục I prints it (HÒA; its table's HOÀ is the same word, see
/// `text::upper_for_matching`).
pub const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Tiêu ngữ: hyphens with a space each side.
pub const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";
/// The heading of the recipients' list under the text.
pub const NOI_NHAN: &str = "Nơi nhận:";
/// What opens the addressees of a công văn, tờ trình, giấy mời.
pub const KINH_GUI: &str = "Kính gửi:";
/// The line between a quyết định's căn cứ and its articles.
pub const QUYET_DINH_LABEL: &str = "QUYẾT ĐỊNH:";

// ---- Phụ lục III: tên loại and their abbreviations ------------------------------------------

/// One kind of document as Phụ lục III names it, its abbreviation in the ký hiệu, and the
/// built-in kind vbhc drafts it as (if any).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TenLoai {
    /// As printed above the trích yếu: `CHỈ THỊ`.
    pub name: &'static str,
    /// Phụ lục III's abbreviation: `CT`. `None` for what offices print there that the
    /// decree does not list (`PHIẾU TRÌNH`).
    pub abbr: Option<&'static str>,
    /// The built-in kind id that writes it (`chi-thi`).
    pub kind: Option<&'static str>,
    /// Which parts the decree's model of the kind has.
    pub parts: Parts,
}

/// The parts a kind's model has besides the ones every kind has: most have all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// The Số line (a thư công has none).
    pub so: bool,
    /// The place-and-date line under the Tiêu ngữ (a biên bản, Mẫu 1.9, has none).
    pub date_line: bool,
    /// A trích yếu under the tên loại (giấy giới thiệu Mẫu 1.8, giấy nghỉ phép Mẫu 1.10 and a
    /// thư công have none).
    pub trich_yeu: bool,
    /// A decision's line between its căn cứ and its articles (Mẫu 1.1–1.3).
    pub label: Option<&'static str>,
}

const ALL_PARTS: Parts = Parts {
    so: true,
    date_line: true,
    trich_yeu: true,
    label: None,
};

const fn tl(name: &'static str, abbr: &'static str, kind: Option<&'static str>) -> TenLoai {
    TenLoai {
        name,
        abbr: Some(abbr),
        kind,
        parts: ALL_PARTS,
    }
}

impl TenLoai {
    const fn with(self, parts: Parts) -> TenLoai {
        TenLoai { parts, ..self }
    }
}

fn parts_of(name: &str) -> Parts {
    ten_loai(name).map_or(ALL_PARTS, |r| r.parts)
}

/// Whether the decree's model of a kind has a trích yếu under its tên loại.
pub fn has_trich_yeu(ten_loai: &str) -> bool {
    parts_of(ten_loai).trich_yeu
}

/// The label a decision (quyết định, nghị quyết) puts between its căn cứ and its articles.
pub fn decision_label(ten_loai: &str) -> Option<&'static str> {
    parts_of(ten_loai).label
}

/// Whether a kind has the place-and-date line under the Tiêu ngữ.
pub fn has_date_line(ten_loai: &str) -> bool {
    parts_of(ten_loai).date_line
}

/// Whether a kind has a Số line.
pub fn has_so(ten_loai: &str) -> bool {
    parts_of(ten_loai).so
}

/// Phụ lục III's table, in its order, and what offices print besides. A longer name never
/// follows a name it starts with, so the first name a line starts with is the right one.
pub const TEN_LOAI: &[TenLoai] = &[
    tl("NGHỊ QUYẾT", "NQ", Some("nghi-quyet")).with(Parts {
        label: Some("QUYẾT NGHỊ:"),
        ..ALL_PARTS
    }),
    tl("QUYẾT ĐỊNH", "QĐ", Some("quyet-dinh")).with(Parts {
        label: Some(QUYET_DINH_LABEL),
        ..ALL_PARTS
    }),
    tl("CHỈ THỊ", "CT", Some("chi-thi")),
    tl("QUY CHẾ", "QC", Some("quy-che")),
    tl("QUY ĐỊNH", "QyĐ", Some("quy-dinh")),
    tl("THÔNG CÁO", "TC", Some("thong-cao")),
    tl("THÔNG BÁO", "TB", Some("thong-bao")),
    tl("HƯỚNG DẪN", "HD", Some("huong-dan")),
    tl("CHƯƠNG TRÌNH", "CTr", Some("chuong-trinh")),
    tl("KẾ HOẠCH", "KH", Some("ke-hoach")),
    tl("PHƯƠNG ÁN", "PA", Some("phuong-an")),
    tl("ĐỀ ÁN", "ĐA", Some("de-an")),
    tl("DỰ ÁN", "DA", Some("du-an")),
    tl("BÁO CÁO", "BC", Some("bao-cao")),
    tl("BIÊN BẢN", "BB", Some("bien-ban")).with(Parts {
        date_line: false,
        ..ALL_PARTS
    }),
    tl("TỜ TRÌNH", "TTr", Some("to-trinh")),
    tl("HỢP ĐỒNG", "HĐ", Some("hop-dong")),
    tl("CÔNG ĐIỆN", "CĐ", Some("cong-dien")),
    tl("BẢN GHI NHỚ", "BGN", Some("ban-ghi-nho")),
    tl("BẢN THỎA THUẬN", "BTT", Some("ban-thoa-thuan")),
    tl("GIẤY ỦY QUYỀN", "GUQ", Some("giay-uy-quyen")),
    tl("GIẤY MỜI", "GM", Some("giay-moi")),
    tl("GIẤY GIỚI THIỆU", "GGT", Some("giay-gioi-thieu")).with(Parts {
        trich_yeu: false,
        ..ALL_PARTS
    }),
    tl("GIẤY NGHỈ PHÉP", "GNP", Some("giay-nghi-phep")).with(Parts {
        trich_yeu: false,
        ..ALL_PARTS
    }),
    tl("PHIẾU GỬI", "PG", Some("phieu-gui")),
    tl("PHIẾU CHUYỂN", "PC", Some("phieu-chuyen")),
    tl("PHIẾU BÁO", "PB", Some("phieu-bao")),
    // Điều 7 lists the thư công with no abbreviation and Phụ lục III gives it no model: its
    // printed title is the letter's own ("THƯ CHÚC MỪNG", "THƯ CẢM ƠN").
    TenLoai {
        name: "THƯ",
        abbr: None,
        kind: Some("thu-cong"),
        parts: Parts {
            so: false,
            trich_yeu: false,
            ..ALL_PARTS
        },
    },
    TenLoai {
        name: "PHIẾU TRÌNH",
        abbr: None,
        kind: None,
        parts: ALL_PARTS,
    },
];

/// The row of a tên loại as printed (already folded: upper case, one tone style).
pub fn ten_loai(name: &str) -> Option<&'static TenLoai> {
    TEN_LOAI.iter().find(|t| t.name == name)
}

/// The row a title opens with (`THÔNG BÁO KẾT LUẬN …` → THÔNG BÁO), the title already folded
/// for matching (upper case, one tone style).
pub fn ten_loai_opening(folded: &str) -> Option<&'static TenLoai> {
    // Whole words: "THƯ CHÚC MỪNG" opens with THƯ, "THƯỜNG TRỰC" does not.
    TEN_LOAI.iter().find(|t| {
        folded.starts_with(t.name)
            && folded[t.name.len()..]
                .chars()
                .next()
                .is_none_or(|c| !crate::text::is_letter(c))
    })
}

// ---- Page (Phụ lục I, I.1; nd30.md §1.1) ---------------------------------------------------

/// A4 portrait, 210 × 297 mm.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
/// Top margin 20–25 mm; 20 mm is the "tỉ lệ vàng" taught everywhere and used by 34/46 corpus files.
pub const MARGIN_TOP: Ranged = Ranged::new(1134, 1134, 1417);
/// How far a margin may stray from its range and still be in it, the same for all four: the
/// rounding of a value typed in centimetres with two decimals (±0.005 cm is 3 twips), doubled.
/// An inch (25.4 mm, Word's US default) is outside the 20–25 mm of top and bottom.
pub const MARGIN_TOLERANCE: u32 = 6;
/// Bottom margin 20–25 mm.
pub const MARGIN_BOTTOM: Ranged = Ranged::new(1134, 1134, 1417);
/// Left margin 30–35 mm.
pub const MARGIN_LEFT: Ranged = Ranged::new(1701, 1701, 1984);
/// Right margin 15–20 mm; 20 mm keeps a 160 mm text width (42/46 corpus files).
pub const MARGIN_RIGHT: Ranged = Ranged::new(1134, 850, 1134);
/// Distance of the header (page number) from the page edge: inside the top margin.
pub const HEADER_DISTANCE: u32 = 567;
pub const FOOTER_DISTANCE: u32 = 567;

/// Text width that follows from the chosen margins (160 mm).
pub const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT.value - MARGIN_RIGHT.value;
/// The same for a landscape phụ lục section (the page turned, margins kept per edge role).
pub const TEXT_WIDTH_LANDSCAPE: u32 = PAGE_HEIGHT - MARGIN_LEFT.value - MARGIN_RIGHT.value;

// ---- Header (ô 1–4; nd30.md §1.2, §1.3) ----------------------------------------------------

/// The header table's left column (agency, Số, V/v). The decree gives no width; real files use
/// 5.4–7.75 cm. 5.6 cm leaves the right column 10.4 cm inside the 16 cm text width.
pub const HEADER_LEFT_COL: u32 = 3175;
/// The right column (Quốc hiệu, Tiêu ngữ, date) must hold the 13-pt bold Quốc hiệu (9.57 cm) on
/// one line.
pub const HEADER_RIGHT_COL: u32 = TEXT_WIDTH - HEADER_LEFT_COL;
// The 13-pt bold Quốc hiệu is 9.57 cm = 5426 twips wide (src/metrics.rs tests): checked when
// the crate compiles, so no choice of columns can break its line.
const _: () = assert!(HEADER_RIGHT_COL > 5440);

/// Quốc hiệu: 12–13 pt, upright bold, upper case. 13 pt as in 2026 practice.
pub const SIZE_QUOC_HIEU: Ranged = Ranged::new(26, 24, 26);
/// Tiêu ngữ: 13–14 pt, upright bold.
pub const SIZE_TIEU_NGU: Ranged = Ranged::new(28, 26, 28);
/// Cơ quan chủ quản: 12–13 pt, upright, not bold.
pub const SIZE_CHU_QUAN: Ranged = Ranged::new(26, 24, 26);
/// Cơ quan ban hành: 12–13 pt, upright bold.
pub const SIZE_CO_QUAN: Ranged = Ranged::new(26, 24, 26);
/// Số, ký hiệu: 13 pt.
pub const SIZE_SO: Ranged = Ranged::new(26, 26, 26);
/// Địa danh, ngày tháng: 13–14 pt italic.
pub const SIZE_NGAY: Ranged = Ranged::new(28, 26, 28);
/// Công văn trích yếu (V/v): 12–13 pt upright, 6 pt below the Số line.
pub const SIZE_VV: Ranged = Ranged::new(24, 24, 26);
pub const VV_SPACE_BEFORE: u32 = 120;
/// Rule under the agency name: 1/3–1/2 of its longest line.
/// vbhc takes 0.4 of the line, inside [1/3, 1/2] with room for rounding either way.
pub const RULE_CO_QUAN_FRACTION: Fraction = Fraction {
    chosen: 0.4,
    min: 1.0 / 3.0,
    max: 0.5,
};
/// Rule under the trích yếu: 1/3–1/2 of its longest line.
pub const RULE_TRICH_YEU_FRACTION: Fraction = Fraction {
    chosen: 0.4,
    min: 1.0 / 3.0,
    max: 0.5,
};
/// Rule thickness: 0.75 pt, as Word's default connector (9525 EMU).
pub const RULE_WIDTH_EMU: u32 = 9525;
/// Gap between the bottom of a text line and the rule drawn under it.
pub const RULE_GAP: u32 = 40;

/// Blank kept in place of an unassigned number: `Số:      /UBND-KT`. Six no-break spaces per
/// missing digit group keep the layout when the number is stamped at signing.
pub const BLANK_NUMBER: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";
/// Blank kept in place of an unassigned day or month in the date line.
pub const BLANK_DAY: &str = "\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}";

// ---- Title and body (ô 5–6) -----------------------------------------------------------------

/// Tên loại, trích yếu: 13–14 pt bold.
pub const SIZE_TITLE: Ranged = Ranged::new(28, 26, 28);
/// Body: 13–14 pt.
pub const SIZE_BODY: Ranged = Ranged::new(28, 26, 28);
/// First-line indent: 1 cm or 1.27 cm (567 or 720 twips).
pub const INDENT_FIRST_LINE: Ranged = Ranged::new(720, 567, 720);
/// Space between paragraphs: at least 6 pt. vbhc puts it before each paragraph.
pub const PARA_SPACING: Ranged = Ranged::new(120, 120, 240);
/// Line spacing: single to 1.5 lines (`w:line`, auto rule).
pub const LINE_SPACING: Ranged = Ranged::new(264, 240, 360);
/// Kính gửi: 13–14 pt.
pub const SIZE_KINH_GUI: Ranged = Ranged::new(28, 26, 28);

// ---- Signature and distribution (ô 7, 9b, 12, 13) -------------------------------------------

/// Quyền hạn, chức vụ, họ tên người ký: 13–14 pt bold.
pub const SIZE_SIGNATURE: Ranged = Ranged::new(28, 26, 28);
/// Room for the hand signature and seal: practitioners ask for at least 4 empty lines.
pub const SIGNATURE_SPACE_LINES: u32 = 4;
/// "Nơi nhận:": 12 pt bold italic.
pub const SIZE_NOI_NHAN_HEADING: Ranged = Ranged::new(24, 24, 24);
/// Recipient lines: 11 pt upright.
pub const SIZE_NOI_NHAN: Ranged = Ranged::new(22, 22, 22);
/// The signature table: Nơi nhận in the left half, the signature block in the right half.
pub const SIGN_LEFT_COL: u32 = TEXT_WIDTH / 2;
pub const SIGN_RIGHT_COL: u32 = TEXT_WIDTH - SIGN_LEFT_COL;
/// Ký hiệu người soạn thảo and số bản (`PL.(300)`): 11 pt.
pub const SIZE_NGUOI_SOAN: Ranged = Ranged::new(22, 22, 22);
/// Address footer of a công văn: 11–12 pt.
pub const SIZE_DIA_CHI: Ranged = Ranged::new(22, 22, 24);
/// Urgency mark (KHẨN, THƯỢNG KHẨN, HỎA TỐC): 13–14 pt bold in a single-line frame.
pub const SIZE_DO_KHAN: Ranged = Ranged::new(26, 26, 28);
/// Frame widths of the urgency stamps: HỎA TỐC 30 mm, THƯỢNG KHẨN 40 mm, KHẨN 20 mm (× 8 mm).
pub const FRAME_HOA_TOC: u32 = 1701;
pub const FRAME_THUONG_KHAN: u32 = 2268;
pub const FRAME_KHAN: u32 = 1134;

// ---- Space around the page's parts (the decree sets none outside the body) -----------------
//
// Chosen to match the corpus's pages (tests/corpus) in LibreOffice; the writer reads only these.

/// Single line spacing (`w:line` 240, auto): the header, the signature and other one-line parts.
pub const LINE_SINGLE: u32 = 240;
/// Before the Số line and the date line, under the rules of the header's columns: 3 pt.
pub const SPACE_HEADER_LINE: u32 = 60;
/// Before the urgency stamp under the Số/V/v lines: 6 pt.
pub const SPACE_DO_KHAN: u32 = 120;
/// Before the tên loại, under the header: 18 pt.
pub const SPACE_TEN_LOAI: u32 = 360;
/// Before a part of the page that opens after another (Kính gửi, a quyết định's authority
/// line, its căn cứ and `QUYẾT ĐỊNH:`, the Nơi nhận and the signature) and after a phụ lục's
/// "(Kèm theo …)" line: 12 pt.
pub const SPACE_PART: u32 = 240;
/// After the Kính gửi and `QUYẾT ĐỊNH:`, before the text they open; before the drafter's
/// mark under the Lưu line: 6 pt.
pub const SPACE_SMALL: u32 = 120;
/// Above and below a table cell's text: 2 pt.
pub const SPACE_TABLE_CELL: u32 = 40;

// ---- Page numbers and phụ lục ---------------------------------------------------------------

/// Page number: 13–14 pt, centred in the top margin, none on page 1.
pub const SIZE_PAGE_NUMBER: Ranged = Ranged::new(28, 26, 28);
/// "Phụ lục I": 14 pt bold.
pub const SIZE_PHU_LUC_LABEL: Ranged = Ranged::new(28, 28, 28);
/// Phụ lục title: 13–14 pt bold upper case.
pub const SIZE_PHU_LUC_TITLE: Ranged = Ranged::new(28, 26, 28);
/// Table text in a phụ lục or body table: the decree sets no size; 12–13 pt is usual.
pub const SIZE_TABLE: Ranged = Ranged::new(24, 22, 28);

pub const FONT: &str = "Times New Roman";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_ten_loai_is_hidden_behind_a_shorter_one() {
        for (i, a) in TEN_LOAI.iter().enumerate() {
            for b in &TEN_LOAI[i + 1..] {
                assert!(!b.name.starts_with(a.name), "{} after {}", b.name, a.name);
            }
        }
    }

    #[test]
    fn text_width_is_160_mm() {
        assert_eq!(TEXT_WIDTH, 9071);
    }

    #[test]
    fn every_margin_is_in_range() {
        for m in [MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT] {
            assert!(m.contains(m.value));
        }
        assert!(
            !MARGIN_LEFT.contains(1587),
            "28 mm is below the decree's 30 mm"
        );
    }
}
