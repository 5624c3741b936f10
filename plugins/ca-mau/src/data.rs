//! The province's facts: organ names, the Văn phòng's units, the standard lines. Kept apart
//! from the code so the office can review them without reading Rust.
//!
//! Since 1 July 2025 Cà Mau province is the former Cà Mau and Bạc Liêu provinces together
//! (Nghị quyết 202/2025/QH15), with no district level. The facts below are those of the merged
//! province; for earlier documents the plugin gives no organ or place defaults (they belong to
//! one of the two former provinces, and the draft says which). Check the units against the
//! current organisation chart of the Văn phòng UBND tỉnh before a release.

/// The day the merged province started.
pub const MERGER: (u16, u8, u8) = (2025, 7, 1);

/// The organ lines of the UBND tỉnh, as printed in the header.
pub const CO_QUAN_UBND: [&str; 2] = ["ỦY BAN NHÂN DÂN", "TỈNH CÀ MAU"];

/// The parent-organ line above a sở or the Văn phòng.
pub const CHU_QUAN: &str = "UBND TỈNH CÀ MAU";

/// The place name of every provincial organ's date line.
pub const DIA_DANH: &str = "Cà Mau";

/// The former province merged into Cà Mau, as it appears in organ lines and date lines.
pub const FORMER: &str = "Bạc Liêu";

/// Units of the Văn phòng UBND tỉnh and the letters they sign with in a ký hiệu
/// (`…/UBND-KT`) and on the Lưu line (`Lưu: VT, KT.`).
pub const UNITS: &[(&str, &str)] = &[
    ("TH", "Phòng Tổng hợp"),
    ("KT", "Phòng Kinh tế"),
    ("NC", "Phòng Nội chính"),
    ("KGVX", "Phòng Khoa giáo - Văn xã"),
    ("XD", "Phòng Xây dựng"),
    ("HCTC", "Phòng Hành chính - Tổ chức"),
    ("TCD", "Ban Tiếp công dân tỉnh"),
];

/// The standing bodies a chỉ thị or kế hoạch reports to.
pub const TT_TINH_UY_HDND: &str = "TT Tỉnh ủy, TT HĐND tỉnh (b/c)";

/// The Văn phòng's own line in Cà Mau's Nơi nhận (Lãnh đạo Văn phòng).
pub const LDVP: &str = "LĐVP UBND tỉnh";

/// The province's electronic information portal, which publishes its chỉ thị and kế hoạch.
pub const CONG_TTDT: &str = "Cổng Thông tin điện tử tỉnh";
