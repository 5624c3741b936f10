//! `vbhc batch` from spreadsheets as offices make them: fixtures are written here, the same
//! way every run (rust_xlsxwriter for XLSX, a hand-made ODS, CSV text), then the real binary
//! runs on them and the outputs are opened, checked and read back.

use crate::common::{code, paragraphs, part, stderr, stdout, tempdir, vbhc};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// A công văn of the UBND tỉnh Lạng Sơn to each company inspected: the plugin supplies the
/// organ, the place and the Nơi nhận; the rows give the company, its address and the date.
const BASE: &str = r#"
loai = "cong-van"
plugin = "lang-son"
don_vi_soan = "KT"
luu = "VT, KT"
ngay = "2026-03-10"
trich_yeu = "kiểm tra an toàn thực phẩm tại {{ten_cong_ty}}"
kinh_gui = ["{{ten_cong_ty}}"]
noi_dung = """
Thực hiện Kế hoạch số 45/KH-UBND ngày 02/3/2026 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh đề nghị {{ten_cong_ty}} ({{dia_chi_co_so}}) chuẩn bị hồ sơ phục vụ Đoàn kiểm tra vào ngày {{ngay_kiem_tra}}.
"""

[ky]
quyen_han = ["KT. CHỦ TỊCH"]
chuc_vu = "PHÓ CHỦ TỊCH"
ho_ten = "Đoàn Thu Hà"
"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

/// The document's text, a paragraph per line.
fn text_of(docx: &Path) -> String {
    paragraphs(&part(docx, "word/document.xml").expect("a DOCX")).join("\n")
}

fn docx_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    v.sort();
    v
}

/// The office's workbook: a merged title above the headers, Vietnamese headers, a merged
/// `noi_nhan+` header over two columns, an empty row in the middle, dates stored as numbers
/// (date-formatted and not), numbers stored as text, a name in NFD, a formula with its result
/// and one without, an impossible date, and an unknown unit.
fn office_workbook(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Danh sách").unwrap();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.merge_range(0, 0, 0, 7, "DANH SÁCH CÁC CƠ SỞ KIỂM TRA NĂM 2026", &bold)
        .unwrap();
    for (c, h) in [
        "STT",
        "Số",
        "Tên công ty",
        "Địa chỉ cơ sở",
        "Ngày kiểm tra",
        "Ngày",
        "don_vi_soan",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(1, c as u16, *h, &bold).unwrap();
    }
    ws.merge_range(1, 7, 1, 8, "noi_nhan+", &bold).unwrap();
    let d = |y, m, dd| ExcelDateTime::from_ymd(y, m, dd).unwrap();
    // row 3
    ws.write_number(2, 0, 1).unwrap();
    ws.write_string(2, 1, "101").unwrap();
    ws.write_string(2, 2, "Công ty TNHH Thực phẩm Hữu Nghị")
        .unwrap();
    ws.write_string(2, 3, "phường Lương Văn Tri").unwrap();
    ws.write_datetime_with_format(2, 4, d(2026, 3, 16), &date)
        .unwrap();
    ws.write_number(2, 5, 46091).unwrap(); // 2026-03-10 as a bare serial number
    ws.write_string(2, 6, "KT").unwrap();
    ws.write_string(2, 7, "Sở Y tế").unwrap();
    ws.write_string(2, 8, "Công an tỉnh").unwrap();
    // row 4: empty
    // row 5: NFD
    ws.write_number(4, 0, 2).unwrap();
    ws.write_string(4, 1, "102").unwrap();
    ws.write_string(4, 2, "Co\u{302}ng ty Co\u{302}\u{309} pha\u{302}\u{300}n Che\u{300} Ma\u{302}\u{303}u So\u{31b}n")
        .unwrap();
    ws.write_string(4, 3, "xã Mẫu Sơn").unwrap();
    ws.write_datetime_with_format(4, 4, d(2026, 3, 17), &date)
        .unwrap();
    ws.write_datetime_with_format(4, 5, d(2026, 3, 10), &date)
        .unwrap();
    ws.write_string(4, 6, "KT").unwrap();
    // row 6: a formula with its result stored
    ws.write_number(5, 0, 3).unwrap();
    ws.write_string(5, 1, "103").unwrap();
    ws.write_string(5, 2, "Công ty Bánh cuốn Kỳ Lừa").unwrap();
    ws.write_formula(
        5,
        3,
        Formula::new(r#"="phường "&"Đông Kinh""#).set_result("phường Đông Kinh"),
    )
    .unwrap();
    ws.write_datetime_with_format(5, 4, d(2026, 3, 18), &date)
        .unwrap();
    ws.write_datetime_with_format(5, 5, d(2026, 3, 10), &date)
        .unwrap();
    ws.write_string(5, 6, "KT").unwrap();
    // row 7: a formula whose result the file will not hold (removed below)
    ws.write_number(6, 0, 4).unwrap();
    ws.write_string(6, 1, "104").unwrap();
    ws.write_string(6, 2, "Công ty Vịt quay Thất Khê").unwrap();
    ws.write_formula(6, 3, Formula::new(r#"=CONCAT("thị trấn ","Thất Khê")"#))
        .unwrap();
    ws.write_datetime_with_format(6, 4, d(2026, 3, 19), &date)
        .unwrap();
    ws.write_datetime_with_format(6, 5, d(2026, 3, 10), &date)
        .unwrap();
    ws.write_string(6, 6, "KT").unwrap();
    // row 8: an impossible date
    ws.write_number(7, 0, 5).unwrap();
    ws.write_string(7, 1, "105").unwrap();
    ws.write_string(7, 2, "Công ty Rượu Mẫu Sơn").unwrap();
    ws.write_string(7, 3, "xã Công Sơn").unwrap();
    ws.write_datetime_with_format(7, 4, d(2026, 3, 20), &date)
        .unwrap();
    ws.write_string(7, 5, "31/02/2026").unwrap();
    ws.write_string(7, 6, "KT").unwrap();
    // row 9: an unknown unit of the Văn phòng
    ws.write_number(8, 0, 6).unwrap();
    ws.write_string(8, 1, "106").unwrap();
    ws.write_string(8, 2, "Công ty Hồi Văn Quan").unwrap();
    ws.write_string(8, 3, "huyện Văn Quan").unwrap();
    ws.write_datetime_with_format(8, 4, d(2026, 3, 23), &date)
        .unwrap();
    ws.write_datetime_with_format(8, 5, d(2026, 3, 10), &date)
        .unwrap();
    ws.write_string(8, 6, "XYZ").unwrap();
    wb.save(path).unwrap();
    drop_formula_result(path, "D7");
}

/// Rewrites the sheet so cell `cell`'s formula has no stored result, as files written by some
/// programs (and by scripts) do.
fn drop_formula_result(path: &Path, cell: &str) {
    let bytes = std::fs::read(path).unwrap();
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut zout = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(data).unwrap();
            let start = xml.find(&format!(r#"<c r="{cell}""#)).expect("the cell");
            let end = start + xml[start..].find("</c>").unwrap();
            let cut = xml[start..end].replace("<v>0</v>", "");
            data = format!("{}{}{}", &xml[..start], cut, &xml[end..]).into_bytes();
            assert!(!String::from_utf8_lossy(&data)[start..start + cut.len()].contains("<v>"));
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&data).unwrap();
    }
    std::fs::write(path, zout.finish().unwrap().into_inner()).unwrap();
}

#[test]
fn an_office_workbook_gives_one_checked_document_per_row_and_reports_the_planted_rows() {
    let dir = tempdir();
    let d = dir.path();
    let base = write(d, "base.toml", BASE);
    let xlsx = d.join("danh-sach.xlsx");
    office_workbook(&xlsx);
    let o = vbhc(
        &[
            "batch",
            xlsx.to_str().unwrap(),
            "--draft",
            base.to_str().unwrap(),
            "--out",
            "out",
            "--name",
            "{{so}}-{{ten_cong_ty}}.docx",
        ],
        d,
    );
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "rows failed: exit 1\n{err}");
    // Told once, before the work: the title row and the unused STT column.
    assert!(err.contains("BATCH-HEADER-ROW"), "{err}");
    assert!(
        err.contains("BATCH-UNUSED-COLUMN") && err.contains("`STT`"),
        "{err}"
    );
    // The formula without a result names its cell; the impossible date names its cell.
    assert!(
        err.contains("[Danh sách!D7]") && err.contains("BATCH-FORMULA"),
        "{err}"
    );
    assert!(err.contains("[Danh sách!F8]"), "{err}");
    assert!(err.contains("Đã ghi 4 văn bản"), "{err}");
    assert!(
        err.contains("2 dòng lỗi") && err.contains("1 dòng trống"),
        "{err}"
    );

    let out = d.join("out");
    let files = docx_files(&out);
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "101-Công ty TNHH Thực phẩm Hữu Nghị.docx",
            "102-Công ty Cổ phần Chè Mẫu Sơn.docx",
            "103-Công ty Bánh cuốn Kỳ Lừa.docx",
            "106-Công ty Hồi Văn Quan.docx",
        ]
    );
    // Nothing half-written: only the documents and the report.
    let all: BTreeSet<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(all.len(), 6, "{all:?}");
    assert!(all.contains("bao-cao.csv") && all.contains("bao-cao.jsonl"));

    // Each opens as a DOCX, checks clean, and holds its row.
    let first = text_of(&files[0]);
    assert!(first.contains("Số: 101/UBND-KT"), "{first}");
    assert!(
        first.contains("Lạng Sơn, ngày 10 tháng 3 năm 2026"),
        "{first}"
    );
    assert!(first.contains("(phường Lương Văn Tri)"), "{first}");
    assert!(first.contains("vào ngày 16/3/2026"), "{first}");
    assert!(
        first.contains("- Sở Y tế;") && first.contains("- Công an tỉnh;"),
        "{first}"
    );
    let nfd = text_of(&files[1]);
    assert!(
        nfd.contains("Công ty Cổ phần Chè Mẫu Sơn (xã Mẫu Sơn)"),
        "{nfd}"
    );
    let formula = text_of(&files[2]);
    assert!(formula.contains("(phường Đông Kinh)"), "{formula}");
    let mut numbers = BTreeSet::new();
    for f in &files {
        let t = text_of(f);
        let n = t
            .lines()
            .find_map(|l| l.strip_prefix("Số: "))
            .unwrap()
            .to_string();
        assert!(numbers.insert(n), "numbers are unique");
        let c = vbhc(&["check", f.to_str().unwrap()], d);
        assert_eq!(code(&c), 0, "{}: {}", f.display(), stderr(&c));
    }

    // The report names exactly the planted rows: 7 and 8 not written, 9 with the unit warning.
    let report = std::fs::read_to_string(out.join("bao-cao.csv")).unwrap();
    let report = report.trim_start_matches('\u{feff}');
    let mut rdr = csv::Reader::from_reader(report.as_bytes());
    let mut failed = BTreeSet::new();
    let mut warned = BTreeSet::new();
    for r in rdr.records() {
        let r = r.unwrap();
        assert_eq!(&r[0], "Danh sách");
        let row: u32 = r[1].parse().unwrap();
        match &r[5] {
            "khong-ghi" => {
                failed.insert((row, r[2].to_string()));
            }
            _ => {
                warned.insert((row, r[6].to_string()));
            }
        }
    }
    assert_eq!(
        failed.iter().map(|(r, _)| *r).collect::<BTreeSet<_>>(),
        [7, 8].into()
    );
    assert!(failed.contains(&(7, "D".to_string())), "{failed:?}");
    assert!(failed.contains(&(8, "F".to_string())), "{failed:?}");
    assert_eq!(
        warned.iter().map(|(r, _)| *r).collect::<BTreeSet<_>>(),
        [9].into(),
        "{report}"
    );
    assert!(
        warned.iter().any(|(_, c)| c == "LANG-SON-KY-HIEU-DON-VI"),
        "{warned:?}"
    );
    let jsonl = std::fs::read_to_string(out.join("bao-cao.jsonl")).unwrap();
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["schema"], "vbhc/1", "{line}");
    }
}

#[test]
fn a_csv_with_bom_semicolons_and_quoted_newlines_numbers_its_rows_from_the_start() {
    let dir = tempdir();
    let d = dir.path();
    let base = write(
        d,
        "base.toml",
        &BASE.replace("loai = ", "so = \"auto\"\nloai = "),
    );
    let csv = d.join("rows.csv");
    std::fs::write(
        &csv,
        "\u{feff}ten_cong_ty;dia_chi_co_so;ngay_kiem_tra;noi_nhan+\n\
         Công ty A;phường Tam Thanh;16/3/2026;\"Sở Y tế\n- Công an tỉnh;\"\n\
         Công ty B;xã Yên Trạch;17/3/2026;\n\
         Công ty C;xã Hữu Lũng;18/3/2026;Sở Công Thương\n",
    )
    .unwrap();
    let o = vbhc(
        &[
            "batch",
            "rows.csv",
            "--draft",
            base.to_str().unwrap(),
            "--out",
            "out",
            "--start",
            "15",
            "--jobs",
            "2",
        ],
        d,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let files = docx_files(&d.join("out"));
    let names: Vec<String> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["2.docx", "3.docx", "4.docx"]);
    let a = text_of(&files[0]);
    assert!(a.contains("Số: 15/UBND-KT"), "{a}");
    assert!(
        a.contains("- Sở Y tế;") && a.contains("- Công an tỉnh;"),
        "{a}"
    );
    assert!(text_of(&files[1]).contains("Số: 16/UBND-KT"));
    let c = text_of(&files[2]);
    assert!(
        c.contains("Số: 17/UBND-KT") && c.contains("- Sở Công Thương;"),
        "{c}"
    );
    // A re-run gives the same numbers; into a used folder only with --force.
    let again = vbhc(
        &[
            "batch",
            "rows.csv",
            "--draft",
            "base.toml",
            "--out",
            "out",
            "--start",
            "15",
        ],
        d,
    );
    assert_eq!(code(&again), 73, "{}", stderr(&again));
    assert!(stderr(&again).contains("OUTPUT-EXISTS"));
    let forced = vbhc(
        &[
            "batch",
            "rows.csv",
            "--draft",
            "base.toml",
            "--out",
            "out",
            "--start",
            "15",
            "--force",
        ],
        d,
    );
    assert_eq!(code(&forced), 0, "{}", stderr(&forced));
    assert!(text_of(&files[2]).contains("Số: 17/UBND-KT"));
}

#[test]
fn a_missing_column_stops_the_batch_before_any_work() {
    let dir = tempdir();
    let d = dir.path();
    // No trich_yeu in the draft and none in the sheet; a {{field}} with no column.
    let base = BASE
        .lines()
        .filter(|l| !l.starts_with("trich_yeu"))
        .collect::<Vec<_>>()
        .join("\n");
    write(d, "base.toml", &base);
    write(
        d,
        "rows.csv",
        "ten_cong_ty,ngay_kiem_tra\nCông ty A,16/3/2026\n",
    );
    let o = vbhc(
        &["batch", "rows.csv", "--draft", "base.toml", "--out", "out"],
        d,
    );
    let err = stderr(&o);
    assert_eq!(code(&o), 65, "{err}");
    assert!(err.contains("thiếu cột `trich_yeu`"), "{err}");
    assert!(err.contains("thiếu cột `dia_chi_co_so`"), "{err}");
    assert!(
        !d.join("out").exists(),
        "nothing made before the plan is right"
    );
}

#[test]
fn row_values_never_place_a_file_outside_the_folder_and_collisions_stop_the_batch() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "base.toml", BASE);
    write(
        d,
        "rows.csv",
        "ten_cong_ty,dia_chi_co_so,ngay_kiem_tra,ma\n\
         Công ty A,phường Tam Thanh,16/3/2026,../../thoat\n\
         Công ty B,xã Yên Trạch,17/3/2026,/etc/passwd\n\
         Công ty C,xã Hữu Lũng,18/3/2026,CON\n",
    );
    let o = vbhc(
        &[
            "batch",
            "rows.csv",
            "--draft",
            "base.toml",
            "--out",
            "out",
            "--name",
            "{{ma}}",
        ],
        d,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let names: BTreeSet<String> = docx_files(&d.join("out"))
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [".._.._thoat.docx", "_etc_passwd.docx", "_CON.docx"]
            .map(String::from)
            .into()
    );
    assert!(!d.join("thoat.docx").exists());

    // Two rows, one name (case differs): refused before anything is written.
    write(
        d,
        "same.csv",
        "ten_cong_ty,dia_chi_co_so,ngay_kiem_tra\n\
         Công ty A,phường Tam Thanh,16/3/2026\n\
         CÔNG TY A,xã Yên Trạch,17/3/2026\n",
    );
    let o = vbhc(
        &[
            "batch",
            "same.csv",
            "--draft",
            "base.toml",
            "--out",
            "same",
            "--name",
            "{{ten_cong_ty}}",
        ],
        d,
    );
    let err = stderr(&o);
    assert_eq!(code(&o), 65, "{err}");
    assert!(
        err.contains("BATCH-SAME-NAME") && err.contains("dòng 2 và dòng 3"),
        "{err}"
    );
    assert!(!d.join("same").exists());

    // --dry-run lists and writes nothing; --ascii-names drops the marks.
    let o = vbhc(
        &[
            "batch",
            "rows.csv",
            "--draft",
            "base.toml",
            "--out",
            "dry",
            "--name",
            "{{ten_cong_ty}} {{dong}}",
            "--ascii-names",
            "--dry-run",
        ],
        d,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let listed = stdout(&o);
    assert!(listed.contains("Cong ty A 2.docx"), "{listed}");
    assert!(!d.join("dry").exists());
}

#[test]
fn fail_fast_stops_at_the_first_bad_row_and_json_reports_every_row() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "base.toml", BASE);
    write(
        d,
        "rows.csv",
        "ten_cong_ty,dia_chi_co_so,ngay_kiem_tra,ngay\n\
         Công ty A,phường Tam Thanh,16/3/2026,2026-03-10\n\
         Công ty B,xã Yên Trạch,17/3/2026,2026-02-30\n\
         Công ty C,xã Hữu Lũng,18/3/2026,2026-03-10\n",
    );
    let o = vbhc(
        &[
            "batch",
            "rows.csv",
            "--draft",
            "base.toml",
            "--out",
            "out",
            "--jobs",
            "1",
            "--fail-fast",
            "--format",
            "json",
        ],
        d,
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let batch = lines.iter().find(|v| v["type"] == "batch").unwrap();
    assert_eq!(batch["written"], 1);
    assert_eq!(batch["failed"], 1);
    assert_eq!(batch["skipped"], 1);
    let bad = lines
        .iter()
        .find(|v| v["severity"] == "error" && v["location"]["field"] == "ngay")
        .expect("the bad date's finding");
    assert_eq!(bad["location"]["cell"], "D3", "{bad}");
    assert_eq!(docx_files(&d.join("out")).len(), 1);
}

/// A minimal OpenDocument spreadsheet, as LibreOffice Calc saves one.
fn ods(path: &Path, rows: &[&[&str]]) {
    let mut table = String::new();
    for r in rows {
        table.push_str("<table:table-row>");
        for c in *r {
            table.push_str(&format!(
                r#"<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>"#
            ));
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:spreadsheet><table:table table:name="Trang1">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    z.write_all(content.as_bytes()).unwrap();
    z.start_file(
        "META-INF/manifest.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    z.write_all(manifest.as_bytes()).unwrap();
    z.finish().unwrap();
}

#[test]
fn an_ods_sheet_is_read_by_name() {
    let dir = tempdir();
    let d = dir.path();
    write(d, "base.toml", BASE);
    ods(
        &d.join("rows.ods"),
        &[
            &["Tên công ty", "Địa chỉ cơ sở", "Ngày kiểm tra"],
            &["Công ty A", "phường Tam Thanh", "16/3/2026"],
            &["Công ty B", "xã Yên Trạch", "17/3/2026"],
        ],
    );
    let o = vbhc(
        &[
            "batch",
            "rows.ods",
            "--draft",
            "base.toml",
            "--out",
            "out",
            "--sheet",
            "Trang1",
        ],
        d,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let files = docx_files(&d.join("out"));
    assert_eq!(files.len(), 2);
    assert!(text_of(&files[1]).contains("Công ty B (xã Yên Trạch)"));
    let o = vbhc(
        &[
            "batch",
            "rows.ods",
            "--draft",
            "base.toml",
            "--out",
            "out2",
            "--sheet",
            "Không có",
        ],
        d,
    );
    assert_eq!(code(&o), 65);
    assert!(stderr(&o).contains("Trang1"), "{}", stderr(&o));
}

/// Ten thousand rows with the plugin active: every document written, every name and number
/// distinct, a sample of them opened. On outputs only, never on time (that is the benchmark's).
#[test]
fn ten_thousand_rows() {
    let dir = tempdir();
    let d = dir.path();
    write(
        d,
        "base.toml",
        &BASE.replace("loai = ", "so = \"auto\"\nloai = "),
    );
    let mut csv = String::from("ten_cong_ty,dia_chi_co_so,ngay_kiem_tra\n");
    for i in 1..=10_000 {
        csv.push_str(&format!("Hộ kinh doanh số {i},thôn {},16/3/2026\n", i % 97));
    }
    write(d, "rows.csv", &csv);
    let o = vbhc(
        &[
            "batch",
            "rows.csv",
            "--draft",
            "base.toml",
            "--out",
            "out",
            "--name",
            "{{so}}",
        ],
        d,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let files = docx_files(&d.join("out"));
    assert_eq!(files.len(), 10_000);
    for n in [1usize, 777, 5_000, 10_000] {
        let f = d.join("out").join(format!("{n:02}.docx"));
        let t = text_of(&f);
        assert!(
            t.contains(&format!("Số: {n:02}/UBND-KT")),
            "{}",
            f.display()
        );
        assert!(t.contains(&format!("Hộ kinh doanh số {n} (thôn {})", n % 97)));
    }
}
