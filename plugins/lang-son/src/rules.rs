//! Lạng Sơn's own checks, run by vbhc on the finished document (after its Nghị định 30 checks).
//!
//! | code | severity | what |
//! |---|---|---|
//! | `LANG-SON-DIA-DANH` | error | a provincial organ's date line must say "Lạng Sơn" |
//! | `LANG-SON-LUU-DON-VI` | warning | the units after VT on the Lưu line are units of the Văn phòng |
//! | `LANG-SON-KY-HIEU-DON-VI` | warning | a công văn of the UBND tỉnh is numbered `UBND-<unit>` with a unit of the Văn phòng |
//! | `LANG-SON-NOI-NHAN-TINH-UY` | warning | a chỉ thị or kế hoạch of the UBND tỉnh reports to the TT Tỉnh ủy and the TT HĐND tỉnh |
//! | `LANG-SON-CAP-HUYEN` | warning | from 1 July 2025 the Nơi nhận and Kính gửi name no district level |
//!
//! Each rule looks only at documents of the province's own organs: a document of another
//! province (a sample, a text being copied from) gets no Lạng Sơn finding.

use vbhc_plugin::text::{
    contains_any_words, contains_words, date_line_place, eq_folded, ky_hieu, list_item,
    lower_unmarked,
};
use vbhc_plugin::{Document, Finding, Role};

use crate::data::{DIA_DANH, UNITS};

/// All the rules, in the order of the document.
pub fn validate(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let organ = Organ::of(doc);
    dia_danh(doc, &organ, &mut out);
    ky_hieu_don_vi(doc, &organ, &mut out);
    noi_nhan_tinh_uy(doc, &organ, &mut out);
    cap_huyen(doc, &organ, &mut out);
    luu_don_vi(doc, &organ, &mut out);
    out
}

/// Who issues the document, worked out once for all the rules (each rule applies to some of
/// the province's organs only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Organ {
    /// The UBND tỉnh Lạng Sơn itself.
    pub ubnd_tinh: bool,
    /// The UBND tỉnh or its Văn phòng (both use the Văn phòng's units).
    pub ubnd_or_van_phong: bool,
    /// Provincial: the UBND tỉnh, or an organ under it (a sở, the Văn phòng).
    pub provincial: bool,
}

impl Organ {
    /// Reads the organ lines once: the folded comparison and the word search are the costly
    /// part of the rules, and four of them need the answer.
    pub fn of(doc: &Document) -> Organ {
        let co_quan = doc.co_quan();
        let cq = lower_unmarked(&co_quan);
        let under_province = doc
            .chu_quan()
            .is_some_and(|c| contains_words(c, "tỉnh Lạng Sơn"));
        let ubnd_tinh = doc.chu_quan().is_none()
            && (cq == "uy ban nhan dan tinh lang son" || cq == "ubnd tinh lang son");
        Organ {
            ubnd_tinh,
            ubnd_or_van_phong: ubnd_tinh
                || (under_province && contains_words(&co_quan, "văn phòng")),
            provincial: ubnd_tinh || under_province,
        }
    }
}

fn unit_list() -> String {
    UNITS
        .iter()
        .map(|(s, n)| format!("{s} ({n})"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn is_unit(s: &str) -> bool {
    UNITS.iter().any(|(u, _)| eq_folded(u, s))
}

/// `LANG-SON-DIA-DANH`: a provincial organ dates its documents at "Lạng Sơn" (Nghị định 30,
/// Phụ lục I: the place name of a provincial organ is the province's name), not at the city or
/// a district where the meeting or the office is.
fn dia_danh(doc: &Document, organ: &Organ, out: &mut Vec<Finding>) {
    if !organ.provincial {
        return;
    }
    let Some((i, line)) = doc.first(Role::DiaDanhNgay) else {
        return;
    };
    let Some(place) = date_line_place(line) else {
        return;
    };
    if !eq_folded(place, DIA_DANH) {
        out.push(
            Finding::error(
                "LANG-SON-DIA-DANH",
                &format!(
                    "Cơ quan cấp tỉnh của Lạng Sơn ghi địa danh \"{place}\" ở dòng ngày tháng; địa danh phải là \"Lạng Sơn\""
                ),
                &format!("A provincial organ of Lạng Sơn dates its document at \"{place}\"; the place must be \"Lạng Sơn\""),
            )
            .hint("Viết \"Lạng Sơn, ngày … tháng … năm …\"", "Write \"Lạng Sơn, ngày … tháng … năm …\"")
            .at(i),
        );
    }
}

/// `LANG-SON-LUU-DON-VI`: after VT the Lưu line names the unit of the Văn phòng that drafted the
/// document; an unknown code is usually a typo or another office's code.
fn luu_don_vi(doc: &Document, organ: &Organ, out: &mut Vec<Finding>) {
    if !organ.ubnd_or_van_phong {
        return;
    }
    out.extend(vbhc_plugin::rules::luu_unit(
        doc,
        "LANG-SON-LUU-DON-VI",
        "Văn phòng UBND tỉnh Lạng Sơn",
        UNITS,
    ));
}

/// `LANG-SON-KY-HIEU-DON-VI`: a công văn of the UBND tỉnh is numbered `…/UBND-<unit>`, the unit
/// being the Văn phòng's room that drafted it (`UBND-KT`).
fn ky_hieu_don_vi(doc: &Document, organ: &Organ, out: &mut Vec<Finding>) {
    if doc.kind != "cong-van" || !organ.ubnd_tinh {
        return;
    }
    let Some((i, line)) = doc.first(Role::SoKyHieu) else {
        return;
    };
    let Some(kh) = ky_hieu(line) else { return };
    let mut parts = kh.splitn(2, '-');
    if parts.next() != Some("UBND") {
        return; // not the UBND's own numbering: vbhc's own checks cover the form
    }
    let unit = parts.next().unwrap_or("").trim();
    let (vi, en) = if unit.is_empty() {
        (
            format!("Ký hiệu công văn \"{kh}\" thiếu đơn vị soạn thảo của Văn phòng UBND tỉnh"),
            format!("The công văn's ký hiệu \"{kh}\" lacks the drafting unit of the Văn phòng"),
        )
    } else if !is_unit(unit) {
        (
            format!(
                "Ký hiệu công văn \"{kh}\": \"{unit}\" không phải đơn vị của Văn phòng UBND tỉnh Lạng Sơn"
            ),
            format!(
                "The công văn's ký hiệu \"{kh}\": \"{unit}\" is not a unit of the Văn phòng UBND tỉnh Lạng Sơn"
            ),
        )
    } else {
        return;
    };
    out.push(
        Finding::warning("LANG-SON-KY-HIEU-DON-VI", &vi, &en)
            .hint(
                &format!(
                    "Viết \"UBND-<đơn vị>\", ví dụ \"UBND-KT\"; các đơn vị: {}",
                    unit_list()
                ),
                &format!(
                    "Write \"UBND-<unit>\", e.g. \"UBND-KT\"; the units: {}",
                    unit_list()
                ),
            )
            .at(i),
    );
}

/// `LANG-SON-NOI-NHAN-TINH-UY`: the province's chỉ thị and kế hoạch are sent to the Thường trực
/// Tỉnh ủy and the Thường trực HĐND tỉnh for their information ("(b/c)").
fn noi_nhan_tinh_uy(doc: &Document, organ: &Organ, out: &mut Vec<Finding>) {
    if !matches!(doc.kind.as_str(), "chi-thi" | "ke-hoach") || !organ.ubnd_tinh {
        return;
    }
    let items: Vec<(u32, &str)> = doc.noi_nhan().collect();
    let tinh_uy = items.iter().any(|(_, t)| contains_words(t, "tỉnh ủy"));
    let hdnd = items
        .iter()
        .any(|(_, t)| contains_any_words(t, &["hđnd", "hội đồng nhân dân"]));
    if tinh_uy && hdnd {
        return;
    }
    let missing = match (tinh_uy, hdnd) {
        (false, false) => (
            "Thường trực Tỉnh ủy và Thường trực HĐND tỉnh",
            "the Tỉnh ủy's and the HĐND's standing bodies",
        ),
        (false, true) => ("Thường trực Tỉnh ủy", "the Tỉnh ủy's standing body"),
        _ => ("Thường trực HĐND tỉnh", "the HĐND's standing body"),
    };
    let at = doc
        .first(Role::NoiNhanHeading)
        .or_else(|| items.first().copied())
        .map(|(i, _)| i);
    out.push(
        Finding::warning(
            "LANG-SON-NOI-NHAN-TINH-UY",
            &format!("Nơi nhận của văn bản này thiếu {} (để báo cáo)", missing.0),
            &format!(
                "The Nơi nhận of this document leaves out {} (for their information)",
                missing.1
            ),
        )
        .hint(
            "Thêm dòng \"- TT Tỉnh ủy, TT HĐND tỉnh (b/c);\" ở đầu Nơi nhận",
            "Add the line \"- TT Tỉnh ủy, TT HĐND tỉnh (b/c);\" at the top of the Nơi nhận",
        )
        .at_opt(at),
    );
}

/// `LANG-SON-CAP-HUYEN`: from 1 July 2025 there are no districts (nor a provincial city or
/// towns): documents go to the UBND of communes and wards.
fn cap_huyen(doc: &Document, organ: &Organ, out: &mut Vec<Finding>) {
    if !doc
        .date
        .is_on_or_after(crate::REFORM.0, crate::REFORM.1, crate::REFORM.2)
        || !organ.provincial
    {
        return;
    }
    let lines = doc.blocks_of(Role::KinhGui).chain(doc.noi_nhan());
    for (i, line) in lines {
        let item = list_item(line);
        if contains_any_words(item, &["huyện", "thị xã", "thị trấn"]) {
            out.push(
                Finding::warning(
                    "LANG-SON-CAP-HUYEN",
                    &format!("\"{item}\": từ ngày 01/7/2025 không còn cấp huyện"),
                    &format!("\"{item}\": there is no district level from 1 July 2025"),
                )
                .hint(
                    "Viết \"UBND các xã, phường\"",
                    "Write \"UBND các xã, phường\"",
                )
                .at(i),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vbhc_plugin::testing::{assert_well_formed, doc};
    use vbhc_plugin::{Date, Severity};

    /// `samples/thong-bao-ket-luan-lang-son-2010.toml` as vbhc lays it out (the blocks rules look
    /// at; text as in `tests/golden/thong-bao-ket-luan-lang-son-2010/document.xml`).
    fn tb_2010() -> Vec<(Role, &'static str)> {
        vec![
            (Role::CoQuan, "ỦY BAN NHÂN DÂN"),
            (Role::CoQuan, "TỈNH LẠNG SƠN"),
            (Role::SoKyHieu, "Số: 75/TB-UBND"),
            (Role::QuocHieu, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            (Role::TieuNgu, "Độc lập - Tự do - Hạnh phúc"),
            (
                Role::DiaDanhNgay,
                "Lạng Sơn, ngày \u{a0}\u{a0}\u{a0}\u{a0}\u{a0} tháng \u{a0}\u{a0}\u{a0}\u{a0}\u{a0} năm 2010",
            ),
            (Role::TenLoai, "THÔNG BÁO"),
            (
                Role::TrichYeu,
                "Kết luận Hội nghị sơ kết công tác phối hợp, chỉ đạo thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc 6 tháng đầu năm 2010",
            ),
            (Role::Body, "I. ĐÁNH GIÁ CHUNG"),
            (
                Role::Body,
                "II. MỘT SỐ NHIỆM VỤ VÀ GIẢI PHÁP 6 THÁNG CUỐI NĂM 2010",
            ),
            (Role::NoiNhanHeading, "Nơi nhận:"),
            (Role::NoiNhan, "- Thường trực Tỉnh ủy (b/c);"),
            (Role::NoiNhan, "- Thường trực HĐND tỉnh (b/c);"),
            (Role::NoiNhan, "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;"),
            (Role::NoiNhan, "- Ủy ban MTTQ tỉnh, các đoàn thể tỉnh;"),
            (Role::NoiNhan, "- Thành viên Ban Chỉ đạo tỉnh;"),
            (Role::NoiNhan, "- Công an tỉnh;"),
            (Role::NoiNhan, "- Các sở, ban, ngành tỉnh;"),
            (Role::NoiNhan, "- UBND, Ban Chỉ đạo các huyện, thành phố;"),
            (Role::NoiNhan, "- CVP, các PCVP UBND tỉnh;"),
            (Role::NoiNhan, "- Lưu: VT, NC."),
            (Role::QuyenHan, "TL. CHỦ TỊCH"),
            (Role::ChucVu, "CHÁNH VĂN PHÒNG"),
            (Role::HoTen, "………"),
        ]
    }

    /// `samples/chi-thi-bac-lieu-1998.toml` as vbhc lays it out (another province's chỉ thị).
    fn ct_bac_lieu_1998() -> Vec<(Role, &'static str)> {
        vec![
            (Role::CoQuan, "ỦY BAN NHÂN DÂN"),
            (Role::CoQuan, "TỈNH BẠC LIÊU"),
            (
                Role::SoKyHieu,
                "Số: \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/CT-UBND",
            ),
            (
                Role::DiaDanhNgay,
                "Bạc Liêu, ngày \u{a0}\u{a0}\u{a0}\u{a0}\u{a0} tháng \u{a0}\u{a0}\u{a0}\u{a0}\u{a0} năm 1998",
            ),
            (Role::TenLoai, "CHỈ THỊ"),
            (Role::NoiNhanHeading, "Nơi nhận:"),
            (Role::NoiNhan, "- UBND các huyện, thị xã (để thực hiện);"),
            (Role::NoiNhan, "- Lưu: VT, VP (M9)."),
        ]
    }

    fn run(kind: &str, date: Date, blocks: &[(Role, &str)]) -> Vec<Finding> {
        let f = validate(&doc(kind, date, blocks));
        assert_well_formed(&crate::info(), &f);
        f
    }

    fn codes(f: &[Finding]) -> Vec<&str> {
        f.iter().map(|f| f.code.as_str()).collect()
    }

    fn replace(
        blocks: &[(Role, &'static str)],
        from: &str,
        to: &'static str,
    ) -> Vec<(Role, &'static str)> {
        let mut found = false;
        let out = blocks
            .iter()
            .map(|&(r, t)| {
                if t == from {
                    found = true;
                    (r, to)
                } else {
                    (r, t)
                }
            })
            .collect();
        assert!(found, "{from:?} not in the fixture");
        out
    }

    #[test]
    fn the_2010_sample_passes_every_rule() {
        assert_eq!(
            codes(&run("thong-bao-ket-luan", Date::y(2010), &tb_2010())),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn another_provinces_document_gets_no_finding() {
        for date in [Date::y(1998), Date::y(2026)] {
            assert_eq!(
                codes(&run("chi-thi", date, &ct_bac_lieu_1998())),
                Vec::<&str>::new()
            );
        }
    }

    #[test]
    fn dia_danh() {
        let date_line = tb_2010()[5].1;
        let b = replace(
            &tb_2010(),
            date_line,
            "Cao Lộc, ngày \u{a0}\u{a0} tháng \u{a0}\u{a0} năm 2010",
        );
        let f = run("thong-bao-ket-luan", Date::y(2010), &b);
        assert_eq!(codes(&f), ["LANG-SON-DIA-DANH"]);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[0].block, Some(5));
        assert!(f[0].message_vi.contains("\"Cao Lộc\""));
        // A sở under the UBND tỉnh too; spacing and case of the place do not matter.
        let so = [
            (Role::ChuQuan, "UBND TỈNH LẠNG SƠN"),
            (Role::CoQuan, "SỞ CÔNG THƯƠNG"),
            (
                Role::DiaDanhNgay,
                "Thành phố Lạng Sơn, ngày 05 tháng 01 năm 2026",
            ),
        ];
        assert_eq!(
            codes(&run("cong-van", Date::ymd(2026, 1, 5), &so)),
            ["LANG-SON-DIA-DANH"]
        );
        let ok = [
            so[0],
            so[1],
            (Role::DiaDanhNgay, "Lạng  Sơn, ngày 05 tháng 01 năm 2026"),
        ];
        assert!(run("cong-van", Date::ymd(2026, 1, 5), &ok).is_empty());
    }

    #[test]
    fn luu_don_vi() {
        let b = replace(&tb_2010(), "- Lưu: VT, NC.", "- Lưu: VT, NCXDPL.");
        let f = run("thong-bao-ket-luan", Date::y(2010), &b);
        assert_eq!(codes(&f), ["LANG-SON-LUU-DON-VI"]);
        assert_eq!(f[0].block, Some(20));
        assert!(
            f[0].hint_vi
                .as_deref()
                .unwrap()
                .contains("NC (Phòng Nội chính)")
        );
        // The drafter's initials in brackets are fine.
        let ok = replace(&tb_2010(), "- Lưu: VT, NC.", "- Lưu: VT, NC(Hùng), KT.");
        assert!(run("thong-bao-ket-luan", Date::y(2010), &ok).is_empty());
    }

    #[test]
    fn ky_hieu_don_vi() {
        let cv = |so: &'static str| {
            vec![
                (Role::CoQuan, "ỦY BAN NHÂN DÂN"),
                (Role::CoQuan, "TỈNH LẠNG SƠN"),
                (Role::SoKyHieu, so),
                (Role::DiaDanhNgay, "Lạng Sơn, ngày 05 tháng 01 năm 2026"),
                (Role::KinhGui, "Kính gửi: Các sở, ban, ngành tỉnh."),
                (Role::NoiNhan, "- Như trên;"),
                (Role::NoiNhan, "- Lưu: VT, KT."),
            ]
        };
        let d = Date::ymd(2026, 1, 5);
        assert!(run("cong-van", d, &cv("Số: 12/UBND-KT")).is_empty());
        assert_eq!(
            codes(&run("cong-van", d, &cv("Số: 12/UBND"))),
            ["LANG-SON-KY-HIEU-DON-VI"]
        );
        assert_eq!(
            codes(&run("cong-van", d, &cv("Số: 12/UBND-NCXDPL"))),
            ["LANG-SON-KY-HIEU-DON-VI"]
        );
        // Only công văn: a thông báo is numbered TB-UBND.
        assert!(run("thong-bao", d, &cv("Số: 12/TB-UBND")).is_empty());
    }

    #[test]
    fn noi_nhan_tinh_uy() {
        // The Bạc Liêu chỉ thị's Nơi nhận, issued by the UBND tỉnh Lạng Sơn.
        let ct = vec![
            (Role::CoQuan, "ỦY BAN NHÂN DÂN"),
            (Role::CoQuan, "TỈNH LẠNG SƠN"),
            (
                Role::DiaDanhNgay,
                "Lạng Sơn, ngày \u{a0} tháng \u{a0} năm 2024",
            ),
            (Role::NoiNhanHeading, "Nơi nhận:"),
            (Role::NoiNhan, "- TT Tỉnh uỷ, HĐND tỉnh (để BC);"),
            (Role::NoiNhan, "- Thành viên UBND tỉnh (để biết);"),
            (Role::NoiNhan, "- Lưu: VT, NC."),
        ];
        assert!(run("chi-thi", Date::y(2024), &ct).is_empty());
        let without = replace(
            &ct,
            "- TT Tỉnh uỷ, HĐND tỉnh (để BC);",
            "- Sở, ban, ngành cấp tỉnh (để thực hiện);",
        );
        let f = run("chi-thi", Date::y(2024), &without);
        assert_eq!(codes(&f), ["LANG-SON-NOI-NHAN-TINH-UY"]);
        assert_eq!(f[0].block, Some(3));
        let only_tu = replace(
            &ct,
            "- TT Tỉnh uỷ, HĐND tỉnh (để BC);",
            "- Thường trực Tỉnh ủy (b/c);",
        );
        assert!(
            run("ke-hoach", Date::y(2024), &only_tu)[0]
                .message_vi
                .contains("HĐND")
        );
        // Not a rule for a thông báo kết luận.
        assert!(run("thong-bao-ket-luan", Date::y(2024), &without).is_empty());
    }

    #[test]
    fn cap_huyen_from_july_2025() {
        // The 2010 sample's Nơi nhận has "UBND, Ban Chỉ đạo các huyện, thành phố": right in 2010.
        assert!(run("thong-bao-ket-luan", Date::y(2010), &tb_2010()).is_empty());
        assert!(run("thong-bao-ket-luan", Date::ymd(2025, 6, 30), &tb_2010()).is_empty());
        // Undated within 2025: the plugin cannot tell, so it says nothing.
        assert!(run("thong-bao-ket-luan", Date::y(2025), &tb_2010()).is_empty());
        let f = run("thong-bao-ket-luan", Date::ym(2025, 7), &tb_2010());
        assert_eq!(codes(&f), ["LANG-SON-CAP-HUYEN"]);
        assert_eq!(f[0].block, Some(18));
        let fixed = replace(
            &tb_2010(),
            "- UBND, Ban Chỉ đạo các huyện, thành phố;",
            "- UBND các xã, phường;",
        );
        assert!(run("thong-bao-ket-luan", Date::y(2026), &fixed).is_empty());
    }

    /// The fixture above is what vbhc really writes for the sample: every line is a paragraph of
    /// the golden DOCX.
    #[test]
    fn fixture_matches_the_golden_docx() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/golden/thong-bao-ket-luan-lang-son-2010/document.xml"
        );
        // The plugin lives in the vbhc repository, whose golden files are its fixture: a
        // missing file is a failure, never a silent pass.
        let xml = std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("{path}: {e} (the plugin's tests run inside the vbhc repository)")
        });
        let paragraphs: Vec<String> = xml
            .split("</w:p>")
            .map(|p| {
                // The text runs: `<w:t>…</w:t>` or `<w:t xml:space="preserve">…</w:t>`.
                p.split("<w:t")
                    .skip(1)
                    .filter(|t| t.starts_with('>') || t.starts_with(' '))
                    .filter_map(|t| {
                        t.split_once('>')
                            .map(|(_, rest)| rest.split("</w:t>").next().unwrap_or(""))
                    })
                    .collect::<String>()
            })
            .collect();
        for (_, line) in tb_2010() {
            if line == "Nơi nhận:" || line.starts_with("Kết luận") || line.starts_with("I") {
                continue; // split into runs or typeset differently
            }
            assert!(
                paragraphs.iter().any(|p| p == line),
                "{line:?} is not a paragraph of the golden DOCX"
            );
        }
    }
}
