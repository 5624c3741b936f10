//! What the plugin answers for a draft: defaults, recipients, the standard section and the
//! house style.

use vbhc_plugin::{
    AnnexNumbering, Block, Defaults, HouseStyle, Recipients, Request, doan, lines, unit,
};

use crate::after_reform;
use crate::data::{self, CHU_QUAN, CO_QUAN_UBND, DIA_DANH, SO, TT_TINH_UY_HDND, UNITS, VAN_PHONG};

/// The organ a request is about, as far as this plugin knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Organ {
    /// The Ủy ban nhân dân tỉnh (`UBND`, or no organ given).
    Ubnd,
    /// Its Văn phòng issuing in its own name (`VP`, `VPUBND`).
    VanPhong,
    /// A sở of the list in [`data::SO`] (index into it).
    So(usize),
    /// Anything else: no opinion.
    Other,
}

/// Which organ the request is about.
pub fn organ(req: &Request) -> Organ {
    match req.organ() {
        None => Organ::Ubnd,
        Some(o) if o.eq_ignore_ascii_case("UBND") => Organ::Ubnd,
        Some(o) if o.eq_ignore_ascii_case("VP") || o.eq_ignore_ascii_case("VPUBND") => {
            Organ::VanPhong
        }
        Some(o) => SO
            .iter()
            .position(|(short, _)| *short == o)
            .map_or(Organ::Other, Organ::So),
    }
}

fn units() -> Vec<vbhc_plugin::Unit> {
    UNITS
        .iter()
        .map(|(short, name)| unit(short, name))
        .collect()
}

/// Organ lines, abbreviation, place name and units.
pub fn defaults(req: &Request) -> Defaults {
    match organ(req) {
        Organ::Ubnd => Defaults {
            chu_quan: None,
            co_quan: lines(&CO_QUAN_UBND),
            viet_tat: Some("UBND".into()),
            dia_danh: Some(DIA_DANH.into()),
            units: units(),
        },
        Organ::VanPhong => Defaults {
            chu_quan: Some(CHU_QUAN.into()),
            co_quan: lines(&["VĂN PHÒNG"]),
            viet_tat: Some("VP".into()),
            dia_danh: Some(DIA_DANH.into()),
            units: units(),
        },
        Organ::So(i) => Defaults {
            chu_quan: Some(CHU_QUAN.into()),
            co_quan: lines(&[SO[i].1]),
            viet_tat: Some(SO[i].0.into()),
            dia_danh: Some(DIA_DANH.into()),
            units: Vec::new(),
        },
        Organ::Other => Defaults::default(),
    }
}

/// The standard Kính gửi and Nơi nhận of the UBND tỉnh's documents, by kind. Lines come
/// without "- " and ";", and without "Như trên" (vbhc puts it first when there is a Kính gửi)
/// and the Lưu line.
pub fn recipients(req: &Request) -> Recipients {
    if organ(req) != Organ::Ubnd {
        return Recipients::default();
    }
    let merged = after_reform(&req.date);
    let cap_duoi = data::cap_duoi(merged);
    let (kinh_gui, noi_nhan): (Vec<&str>, Vec<&str>) = match req.kind.as_str() {
        "chi-thi" => (
            vec![],
            vec![
                TT_TINH_UY_HDND,
                "CT, các PCT UBND tỉnh",
                "UBMTTQ Việt Nam tỉnh",
                "Các sở, ban, ngành tỉnh",
                cap_duoi,
                data::bao_dai(merged),
                VAN_PHONG,
            ],
        ),
        "thong-bao-ket-luan" => (
            vec![],
            vec![
                "Thường trực Tỉnh ủy (b/c)",
                "Thường trực HĐND tỉnh (b/c)",
                "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
                "Các sở, ban, ngành tỉnh",
                cap_duoi,
                VAN_PHONG,
            ],
        ),
        "cong-van" => (
            vec!["Các sở, ban, ngành tỉnh", cap_duoi],
            vec!["CT, các PCT UBND tỉnh", VAN_PHONG],
        ),
        "ke-hoach" => (
            vec![],
            vec![
                "Các bộ, ngành Trung ương liên quan (b/c)",
                TT_TINH_UY_HDND,
                "CT, các PCT UBND tỉnh",
                "UBMTTQ Việt Nam tỉnh",
                "Các sở, ban, ngành tỉnh",
                cap_duoi,
                VAN_PHONG,
            ],
        ),
        "giay-moi" => (vec![], vec!["CT, các PCT UBND tỉnh (b/c)", VAN_PHONG]),
        _ => (vec![], vec![]),
    };
    Recipients {
        kinh_gui: lines(&kinh_gui),
        noi_nhan: lines(&noi_nhan),
    }
}

/// The Văn phòng's follow-up task, which Lạng Sơn adds to the tasks of a chỉ thị and of a
/// thông báo kết luận. It is a plain paragraph, not a numbered khoản: the plugin does not see
/// how many tasks the draft has, so it cannot number it.
pub fn section(req: &Request, slot: &str) -> Vec<Block> {
    if organ(req) != Organ::Ubnd {
        return Vec::new();
    }
    match slot {
        "chi-thi.nhiem-vu-them" => vec![doan(
            "Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc, kiểm tra việc thực hiện Chỉ thị này; \
             định kỳ tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện.",
        )],
        "thong-bao-ket-luan.nhiem-vu-them" => vec![doan(
            "Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc các cơ quan, đơn vị, địa phương thực hiện \
             Kết luận này; tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện.",
        )],
        _ => Vec::new(),
    }
}

/// Signature and Lưu defaults. Kế hoạch and tờ trình of the UBND tỉnh are signed on behalf
/// of the collective (`TM. ỦY BAN NHÂN DÂN`); chỉ thị, công văn and báo cáo by the Chủ tịch;
/// thông báo kết luận and giấy mời by the Chánh Văn phòng for the Chủ tịch. The quyết định's
/// authority line decides its signature, so the plugin leaves it to the draft. Annexes are
/// numbered `PHỤ LỤC I`, `PHỤ LỤC II`.
pub fn house_style(req: &Request) -> HouseStyle {
    let some = |s: &str| Some(s.to_string());
    let mut hs = HouseStyle {
        luu: None,
        tham_quyen: None,
        chuc_vu: None,
        annex_numbering: AnnexNumbering::Roman,
    };
    match organ(req) {
        Organ::Ubnd => match req.kind.as_str() {
            "ke-hoach" | "to-trinh" => {
                hs.tham_quyen = some("TM. ỦY BAN NHÂN DÂN");
                hs.chuc_vu = some("CHỦ TỊCH");
            }
            "chi-thi" | "cong-van" | "bao-cao" | "thong-bao" | "huong-dan" => {
                hs.chuc_vu = some("CHỦ TỊCH")
            }
            "thong-bao-ket-luan" => {
                hs.tham_quyen = some("TL. CHỦ TỊCH");
                hs.chuc_vu = some("CHÁNH VĂN PHÒNG");
                hs.luu = some("TH");
            }
            "giay-moi" => {
                hs.tham_quyen = some("TL. CHỦ TỊCH");
                hs.chuc_vu = some("CHÁNH VĂN PHÒNG");
                hs.luu = some("HCTC");
            }
            _ => {}
        },
        Organ::VanPhong => hs.chuc_vu = some("CHÁNH VĂN PHÒNG"),
        Organ::So(_) => hs.chuc_vu = some("GIÁM ĐỐC"),
        Organ::Other => {}
    }
    hs
}

#[cfg(test)]
mod tests {
    use super::*;
    use vbhc_plugin::testing::{assert_lines, assert_text};
    use vbhc_plugin::{Date, Request};

    const KINDS: &[&str] = &[
        "bao-cao",
        "chi-thi",
        "cong-van",
        "giay-moi",
        "huong-dan",
        "ke-hoach",
        "quyet-dinh",
        "thong-bao-ket-luan",
        "thong-bao",
        "to-trinh",
    ];

    #[test]
    fn defaults_for_the_ubnd_and_others() {
        let d = defaults(&Request::new("chi-thi", Date::y(2026), None));
        assert_eq!(d.co_quan, ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]);
        assert_eq!(d.viet_tat.as_deref(), Some("UBND"));
        assert_eq!(d.dia_danh.as_deref(), Some("Lạng Sơn"));
        assert!(
            d.units
                .iter()
                .any(|u| u.short == "NC" && u.name == "Phòng Nội chính")
        );
        let sct = defaults(&Request::new("cong-van", Date::y(2026), Some("SCT")));
        assert_eq!(sct.chu_quan.as_deref(), Some("UBND TỈNH LẠNG SƠN"));
        assert_eq!(sct.co_quan, ["SỞ CÔNG THƯƠNG"]);
        let other = defaults(&Request::new("cong-van", Date::y(2026), Some("UBND-XA")));
        assert_eq!(other, Defaults::default());
    }

    #[test]
    fn recipients_follow_the_date() {
        let before = recipients(&Request::new(
            "chi-thi",
            Date::ymd(2024, 5, 2),
            Some("UBND"),
        ));
        let after = recipients(&Request::new("chi-thi", Date::ymd(2025, 7, 1), None));
        assert!(
            before
                .noi_nhan
                .iter()
                .any(|l| l == "UBND các huyện, thành phố")
        );
        assert!(after.noi_nhan.iter().any(|l| l == "UBND các xã, phường"));
        assert_eq!(after.noi_nhan[0], "TT Tỉnh ủy, TT HĐND tỉnh (b/c)");
        let cv = recipients(&Request::new("cong-van", Date::y(2026), None));
        assert_eq!(
            cv.kinh_gui,
            ["Các sở, ban, ngành tỉnh", "UBND các xã, phường"]
        );
        for kind in ["chi-thi", "thong-bao-ket-luan", "cong-van", "ke-hoach"] {
            assert!(
                !recipients(&Request::new(kind, Date::y(2026), None))
                    .noi_nhan
                    .is_empty(),
                "{kind}"
            );
        }
        assert_eq!(
            recipients(&Request::new("chi-thi", Date::y(2026), Some("SCT"))),
            Recipients::default()
        );
    }

    #[test]
    fn every_answer_is_clean_text() {
        for kind in KINDS {
            for date in [Date::y(2010), Date::y(2025), Date::y(2026)] {
                for organ in [None, Some("VP"), Some("SCT"), Some("XYZ")] {
                    let req = Request::new(kind, date, organ);
                    let d = defaults(&req);
                    for l in d.co_quan.iter().chain(&d.chu_quan).chain(&d.dia_danh) {
                        assert_text(kind, l);
                    }
                    let r = recipients(&req);
                    assert_lines(kind, &r.kinh_gui);
                    assert_lines(kind, &r.noi_nhan);
                    let hs = house_style(&req);
                    for s in [&hs.luu, &hs.tham_quyen, &hs.chuc_vu].into_iter().flatten() {
                        assert_text(kind, s);
                    }
                    if let Some(luu) = &hs.luu {
                        assert!(UNITS.iter().any(|(u, _)| u == luu), "{luu}");
                    }
                }
            }
        }
    }

    #[test]
    fn sections() {
        let req = Request::new("chi-thi", Date::y(2026), None);
        let s = section(&req, "chi-thi.nhiem-vu-them");
        assert_eq!(s.len(), 1);
        assert!(
            s[0].text
                .starts_with("Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc")
        );
        assert_text("section", &s[0].text);
        assert!(section(&req, "chi-thi.cuoi").is_empty());
        let tb = Request::new("thong-bao-ket-luan", Date::y(2010), None);
        assert_eq!(section(&tb, "thong-bao-ket-luan.nhiem-vu-them").len(), 1);
        assert!(
            section(
                &Request::new("chi-thi", Date::y(2026), Some("SCT")),
                "chi-thi.nhiem-vu-them"
            )
            .is_empty()
        );
    }

    #[test]
    fn house_style_by_kind() {
        let hs = |kind| house_style(&Request::new(kind, Date::y(2026), None));
        assert_eq!(
            hs("ke-hoach").tham_quyen.as_deref(),
            Some("TM. ỦY BAN NHÂN DÂN")
        );
        assert_eq!(hs("ke-hoach").chuc_vu.as_deref(), Some("CHỦ TỊCH"));
        assert_eq!(hs("chi-thi").tham_quyen, None);
        assert_eq!(
            hs("thong-bao-ket-luan").chuc_vu.as_deref(),
            Some("CHÁNH VĂN PHÒNG")
        );
        assert_eq!(hs("thong-bao-ket-luan").luu.as_deref(), Some("TH"));
        assert_eq!(
            hs("quyet-dinh"),
            HouseStyle {
                luu: None,
                tham_quyen: None,
                chuc_vu: None,
                annex_numbering: AnnexNumbering::Roman
            }
        );
    }
}
