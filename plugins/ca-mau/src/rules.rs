//! Cà Mau's own checks, run by vbhc on the finished document. They know the merger of
//! 1 July 2025: what is right on a Bạc Liêu document of 1998 is wrong on one of 2026.
//!
//! | code | severity | what |
//! |---|---|---|
//! | `CA-MAU-BAC-LIEU` | error | from 1 July 2025 a provincial document names no "tỉnh Bạc Liêu" and is not dated at "Bạc Liêu" |
//! | `CA-MAU-BAC-LIEU-NGAY` | warning | the same, when a 2025 draft has no month yet and the plugin cannot tell |
//! | `CA-MAU-LUU-DON-VI` | warning | from 1 July 2025, the units after VT on the Lưu line are units of the Văn phòng |
//! | `CA-MAU-NOI-NHAN-TINH-UY` | warning | a chỉ thị of the UBND tỉnh is sent to the Tỉnh ủy's standing body |
//! | `CA-MAU-KY-HIEU` | warning | a công văn of the UBND tỉnh is numbered `UBND-<unit>` (a unit of the Văn phòng from 1 July 2025) |

use vbhc_plugin::text::{contains_words, date_line_place, eq_folded, ky_hieu, lower_unmarked};
use vbhc_plugin::{DateOrder, Document, Finding, Role};

use crate::data::{DIA_DANH, FORMER, UNITS};
use crate::{merged, period};

/// All the rules.
pub fn validate(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    bac_lieu(doc, &mut out);
    ky_hieu_don_vi(doc, &mut out);
    noi_nhan_tinh_uy(doc, &mut out);
    luu_don_vi(doc, &mut out);
    out
}

/// The organ lines (chủ quản and cơ quan), with their indices.
fn organ_lines(doc: &Document) -> impl Iterator<Item = (u32, &str)> + '_ {
    doc.blocks_of(Role::ChuQuan)
        .chain(doc.blocks_of(Role::CoQuan))
}

/// The issuing organ is the UBND of province `name` itself.
fn is_ubnd_of(doc: &Document, name: &str) -> bool {
    doc.chu_quan().is_none()
        && lower_unmarked(&doc.co_quan())
            == format!("uy ban nhan dan tinh {}", lower_unmarked(name))
}

/// The issuing organ is a UBND tỉnh: Cà Mau, or Bạc Liêu (its documents before the merger).
fn is_ubnd_tinh(doc: &Document) -> bool {
    is_ubnd_of(doc, DIA_DANH) || is_ubnd_of(doc, FORMER)
}

/// The UBND tỉnh Cà Mau or its Văn phòng (both use the Văn phòng's units).
fn is_ubnd_or_van_phong(doc: &Document) -> bool {
    is_ubnd_of(doc, DIA_DANH)
        || (doc
            .chu_quan()
            .is_some_and(|c| contains_words(c, "tỉnh Cà Mau"))
            && contains_words(&doc.co_quan(), "văn phòng"))
}

/// The organ is provincial: some organ line names a tỉnh. A commune's UBND (`PHƯỜNG …`) is not,
/// and keeps its own place name in the date line.
fn is_provincial(doc: &Document) -> bool {
    organ_lines(doc).any(|(_, t)| contains_words(t, "tỉnh"))
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

/// `CA-MAU-BAC-LIEU` and `CA-MAU-BAC-LIEU-NGAY`: Bạc Liêu province no longer exists from
/// 1 July 2025. Before that date its organ lines and date lines are right and get nothing.
fn bac_lieu(doc: &Document, out: &mut Vec<Finding>) {
    let order = period(&doc.date);
    if order == DateOrder::Before {
        return;
    }
    // The places that name the former province: organ lines saying "tỉnh Bạc Liêu", and the
    // date line of a provincial organ placed at "Bạc Liêu".
    let mut hits: Vec<(u32, String, bool)> = organ_lines(doc)
        .filter(|(_, t)| contains_words(t, "tỉnh Bạc Liêu"))
        .map(|(i, t)| (i, t.trim().to_string(), true))
        .collect();
    if is_provincial(doc)
        && let Some((i, line)) = doc.first(Role::DiaDanhNgay)
        && date_line_place(line).is_some_and(|p| eq_folded(p, FORMER))
    {
        hits.push((i, line.trim().to_string(), false));
    }
    if hits.is_empty() {
        return;
    }
    if order == DateOrder::Unknown {
        let first = hits.iter().map(|h| h.0).min();
        out.push(
            Finding::warning(
                "CA-MAU-BAC-LIEU-NGAY",
                &format!(
                    "Văn bản năm {} chưa có tháng: nếu ban hành từ ngày 01/7/2025 thì tỉnh Bạc Liêu đã hợp nhất vào tỉnh Cà Mau, không ghi \"Bạc Liêu\" ở tên cơ quan và địa danh",
                    doc.date.year
                ),
                &format!(
                    "The {} document has no month yet: if it is issued on or after 1 July 2025, Bạc Liêu province is part of Cà Mau and neither the organ nor the place may say \"Bạc Liêu\"",
                    doc.date.year
                ),
            )
            .hint(
                "Ghi tháng ban hành; từ ngày 01/7/2025 viết \"TỈNH CÀ MAU\" và \"Cà Mau, ngày … tháng … năm …\"",
                "Give the month; from 1 July 2025 write \"TỈNH CÀ MAU\" and \"Cà Mau, ngày … tháng … năm …\"",
            )
            .at_opt(first),
        );
        return;
    }
    let date = doc.date.display();
    for (i, line, organ) in hits {
        let f = if organ {
            Finding::error(
                "CA-MAU-BAC-LIEU",
                &format!(
                    "Văn bản ngày {date} ghi cơ quan \"{line}\": từ ngày 01/7/2025 tỉnh Bạc Liêu đã hợp nhất vào tỉnh Cà Mau"
                ),
                &format!("The document of {date} names the organ \"{line}\": on 1 July 2025 Bạc Liêu province became part of Cà Mau"),
            )
            .hint(
                "Ghi \"TỈNH CÀ MAU\" (dòng cơ quan chủ quản: \"UBND TỈNH CÀ MAU\")",
                "Write \"TỈNH CÀ MAU\" (parent-organ line: \"UBND TỈNH CÀ MAU\")",
            )
        } else {
            Finding::error(
                "CA-MAU-BAC-LIEU",
                &format!(
                    "Văn bản ngày {date} ghi địa danh \"Bạc Liêu\": từ ngày 01/7/2025 cơ quan cấp tỉnh ghi địa danh \"Cà Mau\""
                ),
                &format!("The document of {date} is dated at \"Bạc Liêu\": from 1 July 2025 provincial organs date at \"Cà Mau\""),
            )
            .hint("Viết \"Cà Mau, ngày … tháng … năm …\"", "Write \"Cà Mau, ngày … tháng … năm …\"")
        };
        out.push(f.at(i));
    }
}

/// `CA-MAU-LUU-DON-VI`: after VT the Lưu line names the Văn phòng's unit that drafted the
/// document. Only from 1 July 2025: the former provinces' Văn phòng had other units.
fn luu_don_vi(doc: &Document, out: &mut Vec<Finding>) {
    if !merged(&doc.date) || !is_ubnd_or_van_phong(doc) {
        return;
    }
    out.extend(vbhc_plugin::rules::luu_unit(
        doc,
        "CA-MAU-LUU-DON-VI",
        "Văn phòng UBND tỉnh Cà Mau",
        UNITS,
    ));
}

/// `CA-MAU-NOI-NHAN-TINH-UY`: a chỉ thị of the UBND tỉnh is reported to the Thường trực Tỉnh ủy.
/// Holds for the former Bạc Liêu's chỉ thị too.
fn noi_nhan_tinh_uy(doc: &Document, out: &mut Vec<Finding>) {
    if doc.kind != "chi-thi" || !is_ubnd_tinh(doc) {
        return;
    }
    if doc.noi_nhan().any(|(_, t)| contains_words(t, "tỉnh ủy")) {
        return;
    }
    let at = doc
        .first(Role::NoiNhanHeading)
        .or_else(|| doc.noi_nhan().next())
        .map(|(i, _)| i);
    out.push(
        Finding::warning(
            "CA-MAU-NOI-NHAN-TINH-UY",
            "Nơi nhận của chỉ thị thiếu Thường trực Tỉnh ủy (để báo cáo)",
            "The chỉ thị's Nơi nhận leaves out the Tỉnh ủy's standing body (for its information)",
        )
        .hint(
            "Thêm dòng \"- TT Tỉnh ủy, TT HĐND tỉnh (b/c);\" ở đầu Nơi nhận",
            "Add the line \"- TT Tỉnh ủy, TT HĐND tỉnh (b/c);\" at the top of the Nơi nhận",
        )
        .at_opt(at),
    );
}

/// `CA-MAU-KY-HIEU`: a công văn of the UBND tỉnh is numbered `…/UBND-<unit>`; from 1 July 2025
/// the unit is one of the Văn phòng's.
fn ky_hieu_don_vi(doc: &Document, out: &mut Vec<Finding>) {
    if doc.kind != "cong-van" || !is_ubnd_tinh(doc) {
        return;
    }
    let Some((i, line)) = doc.first(Role::SoKyHieu) else {
        return;
    };
    let Some(kh) = ky_hieu(line) else { return };
    let mut parts = kh.splitn(2, '-');
    if parts.next() != Some("UBND") {
        return;
    }
    let unit = parts.next().unwrap_or("").trim();
    let (vi, en) = if unit.is_empty() {
        (
            format!("Ký hiệu công văn \"{kh}\" thiếu đơn vị soạn thảo"),
            format!("The công văn's ký hiệu \"{kh}\" lacks the drafting unit"),
        )
    } else if merged(&doc.date) && !is_unit(unit) {
        (
            format!(
                "Ký hiệu công văn \"{kh}\": \"{unit}\" không phải đơn vị của Văn phòng UBND tỉnh Cà Mau"
            ),
            format!(
                "The công văn's ký hiệu \"{kh}\": \"{unit}\" is not a unit of the Văn phòng UBND tỉnh Cà Mau"
            ),
        )
    } else {
        return;
    };
    out.push(
        Finding::warning("CA-MAU-KY-HIEU", &vi, &en)
            .hint(
                &format!(
                    "Viết \"UBND-<đơn vị>\", ví dụ \"UBND-KT\"; các đơn vị của Văn phòng: {}",
                    unit_list()
                ),
                &format!(
                    "Write \"UBND-<unit>\", e.g. \"UBND-KT\"; the Văn phòng's units: {}",
                    unit_list()
                ),
            )
            .at(i),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use vbhc_plugin::testing::{assert_well_formed, doc};
    use vbhc_plugin::{Date, Severity};

    /// `samples/chi-thi-bac-lieu-1998.toml` as vbhc lays it out (text as in
    /// `tests/golden/chi-thi-bac-lieu-1998/document.xml`).
    fn ct_1998() -> Vec<(Role, &'static str)> {
        vec![
            (Role::CoQuan, "ỦY BAN NHÂN DÂN"),
            (Role::CoQuan, "TỈNH BẠC LIÊU"),
            (
                Role::SoKyHieu,
                "Số: \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/CT-UBND",
            ),
            (Role::QuocHieu, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            (Role::TieuNgu, "Độc lập - Tự do - Hạnh phúc"),
            (
                Role::DiaDanhNgay,
                "Bạc Liêu, ngày \u{a0}\u{a0}\u{a0}\u{a0}\u{a0} tháng \u{a0}\u{a0}\u{a0}\u{a0}\u{a0} năm 1998",
            ),
            (Role::TenLoai, "CHỈ THỊ"),
            (
                Role::TrichYeu,
                "Về việc triển khai thực hiện các quyết định, quy định về tổ chức quần chúng làm công tác bảo vệ an ninh trật tự",
            ),
            (
                Role::Body,
                "Trong những năm qua, nhất là từ khi tỉnh Bạc Liêu được tái lập, …",
            ),
            (Role::NoiNhanHeading, "Nơi nhận:"),
            (Role::NoiNhan, "- TT Tỉnh ủy, HĐND tỉnh (để BC);"),
            (Role::NoiNhan, "- Thành viên UBND tỉnh (để biết);"),
            (Role::NoiNhan, "- UBMTTQ tỉnh và các đoàn thể (phối hợp);"),
            (Role::NoiNhan, "- Sở, ban, ngành cấp tỉnh (để thực hiện);"),
            (Role::NoiNhan, "- UBND các huyện, thị xã (để thực hiện);"),
            (Role::NoiNhan, "- TAND, VKSND (để biết);"),
            (Role::NoiNhan, "- Chánh Văn phòng, các Phó Văn phòng;"),
            (Role::NoiNhan, "- Lưu: VT, VP (M9)."),
            (Role::QuyenHan, "TM. ỦY BAN NHÂN DÂN"),
            (Role::ChucVu, "CHỦ TỊCH"),
            (Role::HoTen, "………"),
        ]
    }

    /// A công văn of the merged province.
    fn cv(so: &'static str, luu: &'static str) -> Vec<(Role, &'static str)> {
        vec![
            (Role::CoQuan, "ỦY BAN NHÂN DÂN"),
            (Role::CoQuan, "TỈNH CÀ MAU"),
            (Role::SoKyHieu, so),
            (Role::DiaDanhNgay, "Cà Mau, ngày 12 tháng 3 năm 2026"),
            (Role::KinhGui, "Kính gửi: Các sở, ban, ngành tỉnh."),
            (Role::NoiNhanHeading, "Nơi nhận:"),
            (Role::NoiNhan, "- Như trên;"),
            (Role::NoiNhan, "- LĐVP UBND tỉnh;"),
            (Role::NoiNhan, luu),
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

    fn without(blocks: &[(Role, &'static str)], line: &str) -> Vec<(Role, &'static str)> {
        assert!(blocks.iter().any(|b| b.1 == line));
        blocks.iter().copied().filter(|b| b.1 != line).collect()
    }

    #[test]
    fn the_1998_bac_lieu_sample_passes() {
        assert_eq!(
            codes(&run("chi-thi", Date::y(1998), &ct_1998())),
            Vec::<&str>::new()
        );
        assert!(run("chi-thi", Date::ymd(2025, 6, 30), &ct_1998()).is_empty());
    }

    #[test]
    fn bac_lieu_after_the_merger_is_an_error() {
        let f = run("chi-thi", Date::ymd(2026, 3, 12), &ct_1998());
        assert_eq!(codes(&f), ["CA-MAU-BAC-LIEU", "CA-MAU-BAC-LIEU"]);
        assert!(f.iter().all(|f| f.severity == Severity::Error));
        assert_eq!(f[0].block, Some(1)); // TỈNH BẠC LIÊU
        assert_eq!(f[1].block, Some(5)); // Bạc Liêu, ngày …
        assert_eq!(
            f[1].hint_vi.as_deref(),
            Some("Viết \"Cà Mau, ngày … tháng … năm …\"")
        );
        assert!(f[0].message_vi.contains("12/3/2026"));
        // From the first day.
        assert_eq!(run("chi-thi", Date::ymd(2025, 7, 1), &ct_1998()).len(), 2);
        // The mention of Bạc Liêu in the body is history, not an error.
        let fixed = [
            (Role::CoQuan, "ỦY BAN NHÂN DÂN"),
            (Role::CoQuan, "TỈNH CÀ MAU"),
            (Role::DiaDanhNgay, "Cà Mau, ngày 12 tháng 3 năm 2026"),
            (
                Role::Body,
                "Trong những năm qua, nhất là từ khi tỉnh Bạc Liêu được tái lập, …",
            ),
            (Role::NoiNhan, "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);"),
        ];
        assert!(run("chi-thi", Date::y(2026), &fixed).is_empty());
        // A sở under the old province's UBND.
        let so = [
            (Role::ChuQuan, "UBND TỈNH BẠC LIÊU"),
            (Role::CoQuan, "SỞ CÔNG THƯƠNG"),
        ];
        assert_eq!(
            codes(&run("cong-van", Date::y(2026), &so)),
            ["CA-MAU-BAC-LIEU"]
        );
    }

    #[test]
    fn a_commune_keeps_its_place_name() {
        let phuong = [
            (Role::CoQuan, "ỦY BAN NHÂN DÂN"),
            (Role::CoQuan, "PHƯỜNG BẠC LIÊU"),
            (Role::DiaDanhNgay, "Bạc Liêu, ngày 12 tháng 3 năm 2026"),
        ];
        assert!(run("cong-van", Date::y(2026), &phuong).is_empty());
    }

    #[test]
    fn a_2025_draft_without_month_gets_a_warning() {
        let f = run("chi-thi", Date::y(2025), &ct_1998());
        assert_eq!(codes(&f), ["CA-MAU-BAC-LIEU-NGAY"]);
        assert_eq!(f[0].severity, Severity::Warning);
        assert_eq!(f[0].block, Some(1));
        assert!(run("chi-thi", Date::ym(2025, 6), &ct_1998()).is_empty());
    }

    #[test]
    fn noi_nhan_tinh_uy() {
        let no_tu = without(&ct_1998(), "- TT Tỉnh ủy, HĐND tỉnh (để BC);");
        let f = run("chi-thi", Date::y(1998), &no_tu);
        assert_eq!(codes(&f), ["CA-MAU-NOI-NHAN-TINH-UY"]);
        assert_eq!(f[0].block, Some(9));
        // Only for chỉ thị.
        assert!(run("bao-cao", Date::y(1998), &no_tu).is_empty());
    }

    #[test]
    fn luu_don_vi_after_the_merger() {
        assert!(
            run(
                "cong-van",
                Date::y(2026),
                &cv("Số: 12/UBND-KT", "- Lưu: VT, KT(Thủy).")
            )
            .is_empty()
        );
        let f = run(
            "cong-van",
            Date::y(2026),
            &cv("Số: 12/UBND-KT", "- Lưu: VT, VP (M9)."),
        );
        assert_eq!(codes(&f), ["CA-MAU-LUU-DON-VI"]);
        assert_eq!(f[0].block, Some(8));
        // Before the merger the units were the former provinces' own: no opinion.
        assert!(run("chi-thi", Date::y(1998), &ct_1998()).is_empty());
    }

    #[test]
    fn ky_hieu_cong_van() {
        let d = Date::y(2026);
        assert_eq!(
            codes(&run("cong-van", d, &cv("Số: 12/UBND", "- Lưu: VT, KT."))),
            ["CA-MAU-KY-HIEU"]
        );
        assert_eq!(
            codes(&run(
                "cong-van",
                d,
                &cv("Số: 12/UBND-NCXDPL", "- Lưu: VT, KT.")
            )),
            ["CA-MAU-KY-HIEU"]
        );
        // A 2019 Bạc Liêu công văn: the unit must be there, but the plugin does not know the
        // old units.
        let old = |so: &'static str| {
            vec![
                (Role::CoQuan, "ỦY BAN NHÂN DÂN"),
                (Role::CoQuan, "TỈNH BẠC LIÊU"),
                (Role::SoKyHieu, so),
            ]
        };
        assert!(run("cong-van", Date::y(2019), &old("Số: 2623/UBND-NCXDPL")).is_empty());
        assert_eq!(
            codes(&run("cong-van", Date::y(2019), &old("Số: 26/UBND"))),
            ["CA-MAU-KY-HIEU"]
        );
    }

    #[test]
    fn fixture_matches_the_golden_docx() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/golden/chi-thi-bac-lieu-1998/document.xml"
        );
        // The plugin lives in the vbhc repository, whose golden files are its fixture: a
        // missing file is a failure, never a silent pass.
        let xml = std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("{path}: {e} (the plugin's tests run inside the vbhc repository)")
        });
        let paragraphs: Vec<String> = xml
            .split("</w:p>")
            .map(|p| {
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
        for (role, line) in ct_1998() {
            if matches!(role, Role::Body | Role::NoiNhanHeading) {
                continue;
            }
            assert!(
                paragraphs.iter().any(|p| p == line),
                "{line:?} is not a paragraph of the golden DOCX"
            );
        }
    }
}
