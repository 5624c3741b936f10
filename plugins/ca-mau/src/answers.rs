//! What the plugin answers for a draft: defaults, recipients, the standard section and the
//! house style. Everything is for the UBND tỉnh (organ `UBND` or none) of the merged province;
//! any other organ, or a date before the merger, gets "no opinion".

use vbhc_plugin::{
    AnnexNumbering, Block, Defaults, HouseStyle, Recipients, Request, doan, lines, unit,
};

use crate::data::{CO_QUAN_UBND, CONG_TTDT, DIA_DANH, LDVP, TT_TINH_UY_HDND, UNITS};
use crate::merged;

/// Whether the plugin speaks for this request: the UBND tỉnh of the merged province.
pub fn applies(req: &Request) -> bool {
    req.organ_is_or_none("UBND") && merged(&req.date)
}

/// Organ lines, abbreviation, place name and units, from 1 July 2025.
pub fn defaults(req: &Request) -> Defaults {
    if !applies(req) {
        return Defaults::default();
    }
    Defaults {
        chu_quan: None,
        co_quan: lines(&CO_QUAN_UBND),
        viet_tat: Some("UBND".into()),
        dia_danh: Some(DIA_DANH.into()),
        units: UNITS
            .iter()
            .map(|(short, name)| unit(short, name))
            .collect(),
    }
}

/// The standard Kính gửi and Nơi nhận of the UBND tỉnh's documents, by kind (without "- ",
/// ";", "Như trên" and the Lưu line: vbhc writes those).
pub fn recipients(req: &Request) -> Recipients {
    if !applies(req) {
        return Recipients::default();
    }
    let (kinh_gui, noi_nhan): (&[&str], &[&str]) = match req.kind.as_str() {
        "chi-thi" => (
            &[],
            &[
                TT_TINH_UY_HDND,
                "CT, các PCT UBND tỉnh",
                "Ủy ban MTTQ Việt Nam tỉnh",
                "Các sở, ban, ngành tỉnh",
                "UBND các xã, phường",
                CONG_TTDT,
                LDVP,
            ],
        ),
        "ke-hoach" => (
            &[],
            &[
                "Các bộ, ngành Trung ương liên quan (b/c)",
                TT_TINH_UY_HDND,
                "CT, các PCT UBND tỉnh",
                "Ủy ban MTTQ Việt Nam tỉnh",
                "Các sở, ban, ngành tỉnh",
                "UBND các xã, phường",
                CONG_TTDT,
                LDVP,
            ],
        ),
        "thong-bao-ket-luan" => (
            &[],
            &[
                "TT Tỉnh ủy (b/c)",
                "TT HĐND tỉnh (b/c)",
                "CT, các PCT UBND tỉnh",
                "Các sở, ban, ngành tỉnh",
                "UBND các xã, phường",
                LDVP,
            ],
        ),
        "cong-van" => (
            &["Các sở, ban, ngành tỉnh", "UBND các xã, phường"],
            &["CT, các PCT UBND tỉnh", LDVP],
        ),
        _ => (&[], &[]),
    };
    Recipients {
        kinh_gui: lines(kinh_gui),
        noi_nhan: lines(noi_nhan),
    }
}

/// Cà Mau's standard last task of a kế hoạch's "Tổ chức thực hiện" and of a chỉ thị: the Văn
/// phòng follows up. A plain paragraph: the plugin does not see the draft's numbering.
pub fn section(req: &Request, slot: &str) -> Vec<Block> {
    if !applies(req) {
        return Vec::new();
    }
    match slot {
        "ke-hoach.to-chuc-them" => vec![doan(
            "Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc các sở, ban, ngành tỉnh và Ủy ban nhân dân \
             các xã, phường triển khai thực hiện Kế hoạch này; tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định.",
        )],
        "chi-thi.nhiem-vu-them" => vec![doan(
            "Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Chỉ thị này; định kỳ tổng hợp, \
             báo cáo Chủ tịch Ủy ban nhân dân tỉnh.",
        )],
        _ => Vec::new(),
    }
}

/// Signature and Lưu defaults of the UBND tỉnh; annexes numbered `PHỤ LỤC 1`, `PHỤ LỤC 2` in
/// every period.
pub fn house_style(req: &Request) -> HouseStyle {
    let some = |s: &str| Some(s.to_string());
    let mut hs = HouseStyle {
        luu: None,
        tham_quyen: None,
        chuc_vu: None,
        annex_numbering: AnnexNumbering::Arabic,
    };
    if !applies(req) {
        return hs;
    }
    match req.kind.as_str() {
        "ke-hoach" | "to-trinh" => {
            hs.tham_quyen = some("TM. ỦY BAN NHÂN DÂN");
            hs.chuc_vu = some("CHỦ TỊCH");
        }
        "chi-thi" | "cong-van" | "bao-cao" | "thong-bao" | "huong-dan" => {
            hs.chuc_vu = some("CHỦ TỊCH")
        }
        "thong-bao-ket-luan" | "giay-moi" => {
            hs.tham_quyen = some("TL. CHỦ TỊCH");
            hs.chuc_vu = some("CHÁNH VĂN PHÒNG");
            hs.luu = some("TH");
        }
        _ => {}
    }
    hs
}

#[cfg(test)]
mod tests {
    use super::*;
    use vbhc_plugin::testing::{assert_lines, assert_text};
    use vbhc_plugin::{Date, Request};

    #[test]
    fn defaults_depend_on_the_date() {
        let after = defaults(&Request::new("cong-van", Date::ymd(2025, 7, 1), None));
        assert_eq!(after.co_quan, ["ỦY BAN NHÂN DÂN", "TỈNH CÀ MAU"]);
        assert_eq!(after.dia_danh.as_deref(), Some("Cà Mau"));
        assert!(!after.units.is_empty());
        for before in [Date::ymd(2025, 6, 30), Date::y(1998), Date::y(2025)] {
            let d = defaults(&Request::new("cong-van", before, None));
            assert_eq!(d, Defaults::default(), "{before:?}");
        }
        assert_eq!(
            defaults(&Request::new("cong-van", Date::y(2026), Some("SCT"))),
            Defaults::default()
        );
    }

    #[test]
    fn recipients_for_four_kinds() {
        for kind in ["chi-thi", "ke-hoach", "thong-bao-ket-luan", "cong-van"] {
            let r = recipients(&Request::new(kind, Date::y(2026), None));
            assert!(!r.noi_nhan.is_empty(), "{kind}");
            assert_lines(kind, &r.noi_nhan);
            assert_lines(kind, &r.kinh_gui);
            assert!(r.noi_nhan.iter().all(|l| !l.contains("huyện")), "{kind}");
            assert_eq!(
                recipients(&Request::new(kind, Date::y(2024), None)),
                Recipients::default()
            );
        }
        assert_eq!(
            recipients(&Request::new("cong-van", Date::y(2026), None)).kinh_gui,
            ["Các sở, ban, ngành tỉnh", "UBND các xã, phường"]
        );
    }

    #[test]
    fn section_and_house_style() {
        let req = Request::new("ke-hoach", Date::ym(2025, 9), None);
        let s = section(&req, "ke-hoach.to-chuc-them");
        assert_eq!(s.len(), 1);
        assert_text("section", &s[0].text);
        assert!(
            section(
                &Request::new("ke-hoach", Date::y(2024), None),
                "ke-hoach.to-chuc-them"
            )
            .is_empty()
        );
        let hs = house_style(&req);
        assert_eq!(hs.tham_quyen.as_deref(), Some("TM. ỦY BAN NHÂN DÂN"));
        assert_eq!(hs.annex_numbering, AnnexNumbering::Arabic);
        let tb = house_style(&Request::new("thong-bao-ket-luan", Date::y(2026), None));
        assert_eq!(tb.luu.as_deref(), Some("TH"));
        assert!(UNITS.iter().any(|(u, _)| *u == "TH"));
        let old = house_style(&Request::new("chi-thi", Date::y(1998), None));
        assert_eq!((old.tham_quyen, old.chuc_vu), (None, None));
    }
}
