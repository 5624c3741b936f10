//! The province's facts: organ names, the Văn phòng's units, the standard lists. Kept apart from
//! the code so the office can review them without reading Rust.
//!
//! Check these against the current organisation chart of the Văn phòng UBND tỉnh before a
//! release; they are what the province's drafts use at the time of writing.

/// The organ lines of the UBND tỉnh, as printed in the header.
pub const CO_QUAN_UBND: [&str; 2] = ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"];

/// The parent-organ line above a sở or the Văn phòng.
pub const CHU_QUAN: &str = "UBND TỈNH LẠNG SƠN";

/// The place name of every provincial organ's date line.
pub const DIA_DANH: &str = "Lạng Sơn";

/// Units of the Văn phòng UBND tỉnh and the letters they sign with in a ký hiệu
/// (`…/UBND-KT`) and on the Lưu line (`Lưu: VT, KT.`).
pub const UNITS: &[(&str, &str)] = &[
    ("TH", "Phòng Tổng hợp"),
    ("KT", "Phòng Kinh tế"),
    ("NC", "Phòng Nội chính"),
    ("KGVX", "Phòng Khoa giáo - Văn xã"),
    ("HCTC", "Phòng Hành chính - Tổ chức"),
    ("KSTT", "Phòng Kiểm soát thủ tục hành chính"),
    ("BTCD", "Ban Tiếp công dân tỉnh"),
    ("TTTT", "Trung tâm Thông tin"),
];

/// Provincial departments a draft may name as its organ (`organ = "SCT"`), with their header
/// line. Only departments that kept their name through the 2025 reorganisation are listed.
pub const SO: &[(&str, &str)] = &[
    ("SCT", "SỞ CÔNG THƯƠNG"),
    ("STC", "SỞ TÀI CHÍNH"),
    ("SNV", "SỞ NỘI VỤ"),
    ("STP", "SỞ TƯ PHÁP"),
    ("SXD", "SỞ XÂY DỰNG"),
    ("SYT", "SỞ Y TẾ"),
    ("SGDĐT", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"),
];

/// The line for the local level below the province. Until 30 June 2025 the province had
/// districts and one city; from 1 July 2025 there is no district level: communes and wards.
pub fn cap_duoi(merged: bool) -> &'static str {
    if merged {
        "UBND các xã, phường"
    } else {
        "UBND các huyện, thành phố"
    }
}

/// The province's newspaper and broadcaster, merged into one in 2025.
pub fn bao_dai(merged: bool) -> &'static str {
    if merged {
        "Báo và Phát thanh, Truyền hình Lạng Sơn"
    } else {
        "Báo Lạng Sơn, Đài PT-TH tỉnh"
    }
}

/// The Văn phòng's own line in Lạng Sơn's Nơi nhận: "C, PCVP UBND tỉnh, các phòng CV" (Chánh,
/// Phó Chánh Văn phòng and the specialist rooms).
pub const VAN_PHONG: &str = "C, PCVP UBND tỉnh, các phòng CV";

/// The standing bodies a chỉ thị or kế hoạch reports to.
pub const TT_TINH_UY_HDND: &str = "TT Tỉnh ủy, TT HĐND tỉnh (b/c)";
