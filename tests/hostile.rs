//! The December 2026 audits' reproductions (`../shared/audits/2026-12-security.md`, S-…;
//! `2026-12-plugins.md`, P-…), each turned into a test: a hostile or careless input gets a
//! clear, positioned message or a well-formed document — never a DOCX that does not open, a
//! panic, a hang on a device, a formula in the clerk's spreadsheet or a silently different
//! template. Speed on big inputs is measured by `benches/hostile.rs`, not asserted here.

use crate::common::*;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, content).unwrap();
    p
}

/// A sample draft's text, changed by `edit`, written into `dir` under `name`.
fn sample_with(dir: &Path, sample: &str, name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let src = std::fs::read_to_string(root().join("samples").join(sample)).unwrap();
    let changed = edit(src.clone());
    assert_ne!(changed, src, "the edit changed the sample");
    write(dir, name, changed)
}

/// Every part of a zip, by name.
fn unzip(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut parts = BTreeMap::new();
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let mut b = Vec::new();
        e.read_to_end(&mut b).unwrap();
        parts.insert(e.name().to_string(), b);
    }
    parts
}

fn zip_parts(path: &Path, parts: &BTreeMap<String, Vec<u8>>) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(parts.values().any(|v| v.len() > u32::MAX as usize / 2));
    for (name, data) in parts {
        w.start_file(name.as_str(), opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap();
}

/// The thông báo sample rendered, then its parts changed by `edit`: a DOCX as anyone may make.
fn docx_with(dir: &Path, name: &str, edit: impl Fn(&mut BTreeMap<String, Vec<u8>>)) -> PathBuf {
    let base = render(&root().join("samples/thong-bao.toml"), dir);
    let mut parts = unzip(&base);
    edit(&mut parts);
    let out = dir.join(name);
    zip_parts(&out, &parts);
    out
}

/// Every XML part of a DOCX parses with a strict XML 1.0 parser (roxmltree refuses any
/// character outside the `Char` production, as expat, LibreOffice and Word do).
fn assert_well_formed(docx: &Path) {
    for (name, bytes) in unzip(docx) {
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap_or_else(|_| panic!("{name} is UTF-8"));
        if let Err(e) = roxmltree::Document::parse(&text) {
            panic!("{}: {name} is not well-formed XML: {e}", docx.display());
        }
    }
}

fn no_panic(o: &std::process::Output) {
    let err = stderr(o);
    assert_ne!(code(o), 101, "panicked: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

// ---- S1 / P-H1 / P-H2: characters XML refuses --------------------------------------------

#[test]
fn s1_a_noncharacter_in_a_draft_is_refused_at_its_place() {
    let d = tempdir();
    // The audit's own reproduction: a TOML escape at the end of the trích yếu.
    let p = sample_with(d.path(), "thong-bao.toml", "ffff.toml", |s| {
        s.replacen("mỏ khai thác đá\"", "mỏ khai thác đá\\uFFFF\"", 1)
    });
    let line = std::fs::read_to_string(&p)
        .unwrap()
        .lines()
        .position(|l| l.starts_with("trich_yeu"))
        .unwrap()
        + 1;
    let o = vbhc(&["render", "ffff.toml"], d.path());
    let err = stderr(&o);
    assert_eq!(code(&o), 65, "{err}");
    assert!(
        err.contains("DRAFT-NONCHARACTER") && err.contains("U+FFFF"),
        "{err}"
    );
    assert!(err.contains(&format!("ffff.toml:{line}:")), "{err}");
    assert!(err.contains("(trich_yeu)"), "{err}");
    assert!(!d.path().join("ffff.docx").exists());
    // JSON, raw U+FFFE in a Nơi nhận line.
    let json = r#"{"loai": "cong-van", "dia_danh": "Lạng Sơn", "ngay": "2026-03-05",
"trich_yeu": "V/v thử", "don_vi_soan": "KT",
"noi_nhan": ["Như trên", "Sở Tài chính￾"], "luu": "VT, KT",
"kinh_gui": ["Sở Tài chính"], "noi_dung": "Nội dung.",
"co_quan": {"ten": ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"], "viet_tat": "UBND"},
"ky": {"quyen_han": ["KT. CHỦ TỊCH"], "chuc_vu": "PHÓ CHỦ TỊCH", "ho_ten": "Nguyễn Văn A"}}"#;
    write(d.path(), "fffe.json", json);
    let o = vbhc(&["render", "fffe.json"], d.path());
    let err = stderr(&o);
    assert_eq!(code(&o), 65, "{err}");
    assert!(
        err.contains("U+FFFE") && err.contains("fffe.json:3:"),
        "{err}"
    );
    assert!(!d.path().join("fffe.docx").exists());
}

#[test]
fn s1_a_batch_cell_with_a_noncharacter_fails_its_row_naming_the_cell() {
    let d = tempdir();
    write(
        d.path(),
        "goc.toml",
        std::fs::read_to_string(root().join("samples/thong-bao.toml"))
            .unwrap()
            .replacen(
                "chu_the = \"Sở Công Thương Lào Cai\"",
                "chu_the = \"{{ten_cong_ty}}\"",
                1,
            ),
    );
    write(
        d.path(),
        "ds.csv",
        "ten_cong_ty,so\nCông ty A\u{FFFF}B,1\nCông ty C,2\nCông ty D\u{1}E,3\n",
    );
    let o = vbhc(
        &["batch", "ds.csv", "--draft", "goc.toml", "--out", "ra"],
        d.path(),
    );
    let err = stderr(&o);
    assert_eq!(code(&o), 1, "{err}");
    assert!(err.contains("BATCH-CELL-CHAR"), "{err}");
    assert!(err.contains("[A2]") && err.contains("U+FFFF"), "{err}");
    assert!(err.contains("[A4]") && err.contains("U+0001"), "{err}");
    let written: Vec<_> = std::fs::read_dir(d.path().join("ra"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    assert_well_formed(&written[0]);
}

fn templates_dir(dir: &Path, body_edit: impl Fn(String) -> String) -> PathBuf {
    let src = std::fs::read_to_string(root().join("templates/thong-bao.hbs")).unwrap();
    let t = dir.join("mau");
    write(&t, "thong-bao.hbs", body_edit(src));
    t
}

/// The thông báo sample rendered with the templates of `t`, errors or not.
fn render_with_templates(t: &Path, dir: &Path) -> std::process::Output {
    let sample = root().join("samples/thong-bao.toml");
    vbhc(
        &[
            "--templates",
            t.to_str().unwrap(),
            "render",
            sample.to_str().unwrap(),
            "-o",
            "x.docx",
            "--allow-errors",
        ],
        dir,
    )
}

#[test]
fn s1_template_text_xml_refuses_is_refused_at_load() {
    for bad in ['\u{1}', '\u{0}', '\u{FFFE}', '\u{FFFF}'] {
        let d = tempdir();
        let t = templates_dir(d.path(), |s| format!("{s}\nDòng thêm{bad}.\n"));
        let lines = std::fs::read_to_string(t.join("thong-bao.hbs"))
            .unwrap()
            .lines()
            .count();
        let o = render_with_templates(&t, d.path());
        let err = stderr(&o);
        assert_eq!(code(&o), 65, "{bad:?}: {err}");
        assert!(err.contains("TEMPLATE-INVALID"), "{err}");
        assert!(
            err.contains(&format!("thong-bao.hbs:{lines}:10")),
            "{bad:?}: {err}"
        );
        assert!(!d.path().join("x.docx").exists());
    }
    // A declaration: the tên loại.
    let d = tempdir();
    let t = templates_dir(d.path(), |s| {
        s.replacen(
            "ten_loai = \"THÔNG BÁO\"",
            "ten_loai = \"THÔNG\\u0001BÁO\"",
            1,
        )
    });
    let o = render_with_templates(&t, d.path());
    assert_eq!(code(&o), 65, "{}", stderr(&o));
    assert!(stderr(&o).contains("U+0001"), "{}", stderr(&o));
    assert!(!d.path().join("x.docx").exists());
}

#[test]
fn s1_check_reports_a_part_xml_refuses() {
    let d = tempdir();
    let raw = docx_with(d.path(), "raw.docx", |p| {
        let doc = String::from_utf8(p["word/document.xml"].clone()).unwrap();
        let doc = doc.replacen("THÔNG BÁO", "THÔNG\u{FFFF}BÁO", 1);
        p.insert("word/document.xml".into(), doc.into_bytes());
    });
    let reference = docx_with(d.path(), "ref.docx", |p| {
        let doc = String::from_utf8(p["word/document.xml"].clone()).unwrap();
        let doc = doc.replacen("THÔNG BÁO", "THÔNG&#x1;BÁO", 1);
        p.insert("word/document.xml".into(), doc.into_bytes());
    });
    for f in [&raw, &reference] {
        let o = vbhc(&["check", f.to_str().unwrap()], d.path());
        let err = stderr(&o);
        assert_eq!(code(&o), 65, "{err}");
        assert!(
            err.contains("DOCX-XML") && err.contains("word/document.xml"),
            "{err}"
        );
    }
    assert!(stderr(&vbhc(&["check", "raw.docx"], d.path())).contains("U+FFFF"));
}

// ---- S-M1: numbering labels ----------------------------------------------------------------

#[test]
fn m1_a_numbering_bomb_gives_short_labels() {
    let d = tempdir();
    let bomb = docx_with(d.path(), "bomb.docx", |p| {
        let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
        let mut numbering = format!(
            r#"<w:numbering {w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="4294967295"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{}"/></w:lvl></w:abstractNum>"#,
            "%1".repeat(5000)
        );
        let mut paras = String::new();
        for k in 1..=20 {
            numbering.push_str(&format!(r#"<w:num w:numId="{k}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4294967295"/></w:lvlOverride></w:num>"#));
            paras.push_str(&format!(r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{k}"/></w:numPr></w:pPr><w:r><w:t>điểm</w:t></w:r></w:p>"#));
        }
        numbering.push_str("</w:numbering>");
        let doc = String::from_utf8(p["word/document.xml"].clone()).unwrap();
        let doc = doc.replacen("<w:body>", &format!("<w:body>{paras}"), 1);
        p.insert("word/document.xml".into(), doc.into_bytes());
        p.insert("word/numbering.xml".into(), numbering.into_bytes());
        let rels = String::from_utf8(p["word/_rels/document.xml.rels"].clone()).unwrap();
        p.insert(
            "word/_rels/document.xml.rels".into(),
            rels.replace("</Relationships>", r#"<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#).into_bytes(),
        );
    });
    let o = vbhc(
        &["--format", "json", "check", bomb.to_str().unwrap()],
        d.path(),
    );
    no_panic(&o);
    assert!(matches!(code(&o), 0 | 1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.len() < 200_000, "{} bytes of findings", out.len());
    assert!(
        !out.contains(&"a".repeat(33)),
        "a label longer than 32 letters"
    );
}

// ---- S-M2: hostile workbooks --------------------------------------------------------------

/// A minimal XLSX whose one sheet is `sheet_xml` (shared strings `strings`).
fn xlsx(path: &Path, sheet_xml: &str, strings: &[&str]) {
    let mut p: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    p.insert("[Content_Types].xml".into(), br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#.to_vec());
    p.insert("_rels/.rels".into(), br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec());
    p.insert("xl/workbook.xml".into(), r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>"#.as_bytes().to_vec());
    p.insert("xl/_rels/workbook.xml.rels".into(), br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.to_vec());
    let sst: String = strings
        .iter()
        .map(|s| format!("<si><t>{s}</t></si>"))
        .collect();
    p.insert("xl/sharedStrings.xml".into(), format!(r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="{n}">{sst}</sst>"#, n = strings.len()).into_bytes());
    p.insert("xl/worksheets/sheet1.xml".into(), format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_xml}</sheetData></worksheet>"#).into_bytes());
    zip_parts(path, &p);
}

const TABLE: &str = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>5</v></c></row>"#;

fn batch_base(dir: &Path) {
    write(
        dir,
        "goc.toml",
        std::fs::read_to_string(root().join("samples/thong-bao.toml"))
            .unwrap()
            .replacen(
                "chu_the = \"Sở Công Thương Lào Cai\"",
                "chu_the = \"{{ten_cong_ty}}\"",
                1,
            ),
    );
}

#[test]
fn m2_hostile_workbooks_are_refused_with_a_message() {
    let d = tempdir();
    batch_base(d.path());
    let strings = ["ten_cong_ty", "so", "Công ty A"];
    // One cell at Excel's last cell beside a normal table (2 KB): dense, 17 billion cells.
    xlsx(
        &d.path().join("dim.xlsx"),
        &format!(r#"{TABLE}<row r="1048576"><c r="XFD1048576" t="s"><v>2</v></c></row>"#),
        &strings,
    );
    // A reference past any sheet: calamine panicked with "capacity overflow".
    xlsx(
        &d.path().join("ref.xlsx"),
        &format!(r#"{TABLE}<row r="3"><c r="ZZZZZZ99999999999" t="s"><v>2</v></c></row>"#),
        &strings,
    );
    // A sheet that inflates to 200 MB from a zip of a few hundred kilobytes.
    let row = r#"<row><c t="inlineStr"><is><t>x</t></is></c></row>"#;
    let big = row.repeat(200 * 1024 * 1024 / row.len());
    xlsx(
        &d.path().join("bomb.xlsx"),
        &format!("{TABLE}{big}"),
        &strings,
    );
    assert!(std::fs::metadata(d.path().join("bomb.xlsx")).unwrap().len() < 2 * 1024 * 1024);
    for (file, says) in [
        ("dim.xlsx", "XFD"),
        ("ref.xlsx", "BATCH-"),
        ("bomb.xlsx", "BATCH-TOO-LARGE"),
    ] {
        let o = vbhc(
            &[
                "batch",
                file,
                "--draft",
                "goc.toml",
                "--out",
                "ra",
                "--dry-run",
            ],
            d.path(),
        );
        no_panic(&o);
        let err = stderr(&o);
        assert_eq!(code(&o), 65, "{file}: {err}");
        assert!(err.contains(says), "{file}: {err}");
    }
}

// ---- S-M3: long lines, JSON positions, panics ----------------------------------------------

#[test]
fn m3_a_one_line_json_draft_of_any_length_is_reported_and_rendered() {
    let d = tempdir();
    // The audit's draft: the thông báo as one-line JSON with a long body (71 KB panicked).
    let src = std::fs::read_to_string(root().join("samples/thong-bao.toml")).unwrap();
    let mut v: serde_json::Value = toml::from_str::<toml::Value>(&src)
        .map(|t| serde_json::to_value(t).unwrap())
        .unwrap();
    let body = v["noi_dung"].as_str().unwrap().to_string();
    v["noi_dung"] = format!("{body}{}", "Nội dung dài. ".repeat(5000)).into();
    let json = serde_json::to_string(&v).unwrap();
    assert!(json.len() > 70_000 && !json.contains('\n'));
    write(d.path(), "min.json", &json);
    let o = vbhc(&["render", "min.json"], d.path());
    no_panic(&o);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(d.path().join("min.docx").exists());
    // A control character past column 65,535 of a TOML inline array (the serialiser writes
    // an array on one line, the control character as an escape the loader decodes).
    let mut t: toml::Table = toml::from_str(&src).unwrap();
    let mut items: Vec<toml::Value> = (0..4000).map(|i| format!("Đơn vị số {i}").into()).collect();
    items.push("Sở X\u{7}".into());
    t.insert("noi_nhan".into(), toml::Value::Array(items));
    let toml_src = toml::to_string(&t).unwrap();
    assert!(toml_src.lines().any(|l| l.len() > 70_000));
    write(d.path(), "dai.toml", toml_src);
    let o = vbhc(&["check", "dai.toml"], d.path());
    no_panic(&o);
    let err = stderr(&o);
    assert_eq!(code(&o), 65, "{err}");
    assert!(
        err.contains("DRAFT-CONTROL-CHAR") && err.contains("U+0007"),
        "{err}"
    );
}

#[test]
fn m3_json_findings_point_at_their_own_key() {
    let d = tempdir();
    // The thông báo sample as JSON, keys written in reverse alphabetical order, one a line:
    // each finding is on its own key's line.
    let src = std::fs::read_to_string(root().join("samples/thong-bao.toml")).unwrap();
    let t: toml::Table = toml::from_str(&src).unwrap();
    let mut keys: Vec<&String> = t.keys().collect();
    keys.reverse();
    let body: Vec<String> = keys
        .iter()
        .map(|k| {
            let v = serde_json::to_value(&t[*k]).unwrap();
            format!("{}: {}", serde_json::to_string(k).unwrap(), v)
        })
        .collect();
    write(
        d.path(),
        "a.json",
        format!("{{\n{}\n}}\n", body.join(",\n")),
    );
    let ngay = keys.iter().position(|k| *k == "ngay").unwrap() as u64 + 2;
    let o = vbhc(&["--format", "json", "check", "a.json"], d.path());
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let note = lines
        .iter()
        .find(|v| v["code"] == "ND30-DATE-BLANK")
        .unwrap_or_else(|| panic!("{}", stdout(&o)));
    assert_eq!(note["location"]["line"].as_u64(), Some(ngay), "{note}");
}

#[test]
fn m6_a_panic_is_an_internal_error_naming_the_file() {
    let d = tempdir();
    let sample = root().join("samples/thong-bao.toml");
    let o = std::process::Command::new(bin())
        .args(["render", sample.to_str().unwrap(), "-o"])
        .arg(d.path().join("x.docx"))
        .env("VBHC_CONFIG", d.path().join("none.toml"))
        .env("VBHC_TEST_PANIC", "thong-bao.toml")
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(code(&o), 70, "{err}");
    assert!(
        err.contains("INTERNAL-PANIC") && err.contains("lỗi nội bộ"),
        "{err}"
    );
    assert!(err.contains("thong-bao.toml"), "{err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{err}");
    assert!(!d.path().join("x.docx").exists());
}

// ---- S-M4: the batch report opened in a spreadsheet ----------------------------------------

#[test]
fn m4_no_report_cell_becomes_a_formula_in_calc() {
    let d = tempdir();
    batch_base(d.path());
    // A sheet named as a formula, and file names from cells that start like formulas.
    let evil_sheet = "=HYPERLINK(\"http://evil.example/?q=1\",\"Bấm\")";
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Danh sach").unwrap();
    for (c, h) in ["ten_cong_ty", "ngay"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, name) in ["=1+2", "+1+1", "-1+1", "@SUM(1+1)"].iter().enumerate() {
        ws.write_string(r as u32 + 1, 0, *name).unwrap();
        ws.write_string(r as u32 + 1, 1, "sai").unwrap();
    }
    wb.save(d.path().join("plain.xlsx")).unwrap();
    // rust_xlsxwriter refuses such a sheet name; a workbook received from outside has one.
    let mut parts = unzip(&d.path().join("plain.xlsx"));
    let wbx = String::from_utf8(parts["xl/workbook.xml"].clone()).unwrap();
    let escaped = evil_sheet.replace('&', "&amp;").replace('"', "&quot;");
    parts.insert(
        "xl/workbook.xml".into(),
        wbx.replace("name=\"Danh sach\"", &format!("name=\"{escaped}\""))
            .into_bytes(),
    );
    zip_parts(&d.path().join("evil.xlsx"), &parts);
    let o = vbhc(
        &[
            "batch",
            "evil.xlsx",
            "--draft",
            "goc.toml",
            "--out",
            "ra",
            "--name",
            "{{ten_cong_ty}}",
        ],
        d.path(),
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let report = d.path().join("ra/bao-cao.csv");
    let csv = std::fs::read_to_string(&report).unwrap();
    assert!(
        csv.contains("HYPERLINK"),
        "the report names the sheet: {csv}"
    );
    // Calc imports it with formula evaluation switched on (token 13 of the CSV filter), as
    // Excel always evaluates CSV; the flat ODS it writes must hold no formula cell.
    let out = d.path().join("calc");
    let st = tool("soffice", "apt-get install libreoffice-calc-nogui")
        .args([
            "--headless",
            "--infilter=CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true",
            "--convert-to",
            "fods",
            "--outdir",
        ])
        .arg(&out)
        .arg(&report)
        .env("HOME", d.path())
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    let fods = std::fs::read_to_string(out.join("bao-cao.fods")).unwrap();
    assert!(
        fods.contains("Bấm") || fods.contains("HYPERLINK"),
        "the report was imported"
    );
    assert!(
        !fods.contains("table:formula"),
        "a report cell became a formula"
    );
}

// ---- S-M6, m3, m4, m11: templates and config -------------------------------------------------

#[test]
fn m6_a_templates_folder_that_is_not_one_stops_the_run() {
    let d = tempdir();
    let sample = root().join("samples/thong-bao.toml");
    write(d.path(), "tep", "không phải thư mục");
    for (dir, exit) in [("khong-co", 66), ("tep", 66)] {
        let o = vbhc(
            &[
                "--templates",
                dir,
                "render",
                sample.to_str().unwrap(),
                "-o",
                "x.docx",
            ],
            d.path(),
        );
        assert_eq!(code(&o), exit, "{dir}: {}", stderr(&o));
        assert!(stderr(&o).contains("TEMPLATES-DIR"), "{}", stderr(&o));
        let o = vbhc(&["--templates", dir, "templates", "list"], d.path());
        assert_eq!(code(&o), exit, "{dir}: {}", stderr(&o));
    }
    for mau in ["khong-co", "tep"] {
        write(d.path(), ".no-config.toml", format!("mau = \"{mau}\"\n"));
        let o = vbhc(
            &["render", sample.to_str().unwrap(), "-o", "x.docx"],
            d.path(),
        );
        assert_eq!(code(&o), 78, "{mau}: {}", stderr(&o));
        assert!(stderr(&o).contains("CONFIG-TEMPLATES"), "{}", stderr(&o));
    }
    std::fs::remove_file(d.path().join(".no-config.toml")).unwrap();
    assert!(!d.path().join("x.docx").exists());
    // A <kind>.hbs that is a folder; a file that names no kind.
    let t = d.path().join("mau");
    std::fs::create_dir_all(t.join("thong-bao.hbs")).unwrap();
    write(&t, "thongbao.hbs", "x");
    let o = vbhc(
        &[
            "--templates",
            "mau",
            "render",
            sample.to_str().unwrap(),
            "-o",
            "x.docx",
        ],
        d.path(),
    );
    let err = stderr(&o);
    assert_eq!(code(&o), 66, "{err}");
    assert!(err.contains("TEMPLATE-READ"), "{err}");
    assert!(
        err.contains("TEMPLATE-STRAY") && err.contains("thong-bao.hbs"),
        "{err}"
    );
    let o = vbhc(&["--templates", "mau", "templates", "list"], d.path());
    assert!(stderr(&o).contains("Mẫu từ: mau"), "{}", stderr(&o));
}

#[test]
fn m4_a_kind_is_never_a_path() {
    let d = tempdir();
    let t = templates_dir(d.path(), |s| s);
    write(d.path(), "evil.hbs", "{{!-- --}}");
    let p = sample_with(d.path(), "thong-bao.toml", "d.toml", |s| {
        s.replacen("loai = \"thong-bao\"", "loai = \"../evil\"", 1)
    });
    let o = vbhc(
        &[
            "--templates",
            t.to_str().unwrap(),
            "render",
            p.to_str().unwrap(),
        ],
        d.path(),
    );
    assert_eq!(code(&o), 65, "{}", stderr(&o));
    assert!(stderr(&o).contains("DRAFT-UNKNOWN-KIND"), "{}", stderr(&o));
    let o = vbhc(
        &["--templates", t.to_str().unwrap(), "new", "../evil"],
        d.path(),
    );
    assert_eq!(code(&o), 65, "{}", stderr(&o));
}

#[test]
fn m3_m11_templates_cannot_insert_text_raw_or_nest_without_end() {
    let d = tempdir();
    batch_base(d.path());
    write(d.path(), "four.csv", "ten_cong_ty\nA\nB\nC\nD\n");
    let cases: Vec<(&str, String)> = vec![
        (
            "lookup",
            "{{{lookup this \"van_ban_thuc_hien\"}}}".to_string(),
        ),
        ("each", "{{#each this}}{{{this}}}{{/each}}".to_string()),
        ("log", "{{log van_ban_thuc_hien}}".to_string()),
        (
            "nested",
            format!(
                "{}x{}",
                "{{#if noi_dung}}".repeat(1500),
                "{{/if}}".repeat(1500)
            ),
        ),
        ("size", format!("{{{{!-- {} --}}}}", "x".repeat(70 * 1024))),
    ];
    for (name, inner) in cases {
        let t = d.path().join(name);
        let src = std::fs::read_to_string(root().join("templates/thong-bao.hbs")).unwrap();
        write(&t, "thong-bao.hbs", format!("{src}\n{inner}\n"));
        let o = vbhc(
            &[
                "--templates",
                t.to_str().unwrap(),
                "batch",
                "four.csv",
                "--draft",
                "goc.toml",
                "--out",
                &format!("ra-{name}"),
            ],
            d.path(),
        );
        no_panic(&o);
        let err = stderr(&o);
        assert_eq!(code(&o), 65, "{name}: {err}");
        assert!(err.contains("TEMPLATE-"), "{name}: {err}");
    }
}

// ---- m1: what is not a regular file --------------------------------------------------------

#[cfg(unix)]
#[test]
fn m1_devices_and_pipes_are_refused_at_once() {
    let d = tempdir();
    std::os::unix::fs::symlink("/dev/zero", d.path().join("zero.docx")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", d.path().join("zero.toml")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(d.path().join("fifo.docx"))
        .arg(d.path().join("fifo.toml"))
        .status()
        .unwrap();
    assert!(made.success());
    for f in ["zero.docx", "zero.toml", "fifo.docx", "fifo.toml"] {
        let o = vbhc(&["check", f], d.path());
        assert_eq!(code(&o), 66, "{f}: {}", stderr(&o));
        assert!(stderr(&o).contains("INPUT-NOT-FILE"), "{f}: {}", stderr(&o));
    }
    let o = vbhc(&["render", "fifo.toml"], d.path());
    assert_eq!(code(&o), 66, "{}", stderr(&o));
    // The config.
    for cfg in ["zero.toml", "fifo.toml"] {
        let o = std::process::Command::new(bin())
            .args([
                "render",
                root().join("samples/thong-bao.toml").to_str().unwrap(),
                "-o",
            ])
            .arg(d.path().join("x.docx"))
            .env("VBHC_CONFIG", d.path().join(cfg))
            .output()
            .unwrap();
        assert_eq!(code(&o), 78, "{cfg}: {}", stderr(&o));
        assert!(stderr(&o).contains("CONFIG-READ"), "{}", stderr(&o));
    }
}

#[test]
fn m1_a_docx_is_never_read_whole() {
    let d = tempdir();
    // A real document followed by 1.5 GB of zeros: sparse on disk, never in memory.
    let base = render(&root().join("samples/thong-bao.toml"), d.path());
    let tail = d.path().join("tail.docx");
    std::fs::copy(&base, &tail).unwrap();
    let f = std::fs::OpenOptions::new().write(true).open(&tail).unwrap();
    f.set_len(1536 * 1024 * 1024).unwrap();
    let o = vbhc(&["check", "tail.docx"], d.path());
    no_panic(&o);
    assert_eq!(code(&o), 65, "{}", stderr(&o));
    assert!(stderr(&o).contains("DOCX-ZIP"), "{}", stderr(&o));
    // A 2 GB sparse file named .docx: its first bytes say it is not one.
    let sparse = d.path().join("sparse.docx");
    std::fs::File::create(&sparse)
        .unwrap()
        .set_len(2 * 1024 * 1024 * 1024 - 1)
        .unwrap();
    let o = vbhc(&["check", "sparse.docx"], d.path());
    assert_eq!(code(&o), 65, "{}", stderr(&o));
    assert!(stderr(&o).contains("DOCX-NOT-DOCX"), "{}", stderr(&o));
}

// ---- m6, m7: exits and messages --------------------------------------------------------------

#[test]
fn m6_m7_outputs_and_their_exit_codes() {
    let d = tempdir();
    let sample = root().join("samples/thong-bao.toml");
    let draft = d.path().join("d.toml");
    std::fs::copy(&sample, &draft).unwrap();
    let before = std::fs::read(&draft).unwrap();
    // The draft as its own output.
    let o = vbhc(&["render", "d.toml", "-o", "d.toml", "--force"], d.path());
    assert_eq!(code(&o), 73, "{}", stderr(&o));
    assert!(stderr(&o).contains("OUTPUT-IS-INPUT"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&draft).unwrap(),
        before,
        "the draft is untouched"
    );
    // A folder as output, with --force.
    std::fs::create_dir(d.path().join("ra")).unwrap();
    let o = vbhc(&["render", "d.toml", "-o", "ra", "--force"], d.path());
    assert_eq!(code(&o), 73, "{}", stderr(&o));
    // A file where a folder should be.
    let o = vbhc(&["render", "d.toml", "-o", "d.toml/x.docx"], d.path());
    assert_eq!(code(&o), 73, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("là một tệp, không phải thư mục"),
        "{}",
        stderr(&o)
    );
}

#[cfg(target_os = "linux")]
#[test]
fn m6_output_lost_on_a_full_device_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let o = std::process::Command::new(bin())
        .arg("rules")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(code(&o), 74, "{}", stderr(&o));
    assert!(stderr(&o).contains("OUTPUT-STDOUT"), "{}", stderr(&o));
}

#[test]
fn m6_a_report_that_cannot_be_written_is_an_io_error() {
    let d = tempdir();
    batch_base(d.path());
    write(
        d.path(),
        "ds.csv",
        "ten_cong_ty,ngay\nA,sai\nB,2026-04-01\n",
    );
    // The report's name is taken by a folder.
    std::fs::create_dir_all(d.path().join("ra/bao-cao.csv")).unwrap();
    let o = vbhc(
        &[
            "batch", "ds.csv", "--draft", "goc.toml", "--out", "ra", "--force",
        ],
        d.path(),
    );
    let err = stderr(&o);
    assert_eq!(code(&o), 74, "{err}");
    assert!(!err.contains("Các dòng lỗi và cảnh báo:"), "{err}");
}

#[test]
fn m5_batch_names_that_are_one_file_on_windows_and_macos() {
    let d = tempdir();
    batch_base(d.path());
    write(d.path(), "ds.csv", "ten_cong_ty,so\nſ,1\ns,2\n");
    let o = vbhc(
        &[
            "batch",
            "ds.csv",
            "--draft",
            "goc.toml",
            "--out",
            "ra",
            "--name",
            "{{ten_cong_ty}}",
        ],
        d.path(),
    );
    assert_eq!(code(&o), 65, "{}", stderr(&o));
    assert!(stderr(&o).contains("BATCH-SAME-NAME"), "{}", stderr(&o));
    assert!(!d.path().join("ra").exists());
}

// ---- S1: arbitrary text in every field, a batch cell --------------------------------------

mod arbitrary {
    use super::*;
    use proptest::prelude::*;

    /// Failing inputs found once are tried first on every run, from the file beside this one
    /// (one integration binary: proptest's own guess put them in a folder at the crate root).
    fn saved() -> Option<Box<dyn proptest::test_runner::FailurePersistence>> {
        Some(Box::new(
            proptest::test_runner::FileFailurePersistence::Direct(
                "tests/hostile.proptest-regressions",
            ),
        ))
    }

    /// Any text, with the characters XML refuses, noncharacters and markup's own signs
    /// over-represented.
    pub fn text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            4 => any::<char>(),
            3 => prop::char::range('a', 'z'),
            2 => prop::char::range('\0', '\u{7f}'),
            1 => Just('\u{FFFE}'),
            1 => Just('\u{FFFF}'),
            1 => prop::char::range('\u{FDD0}', '\u{FDEF}'),
            1 => prop::char::range('\u{80}', '\u{9f}'),
            1 => prop::sample::select(vec!['ạ', 'Ủ', '<', '&', '>', '"', '\'', '|', '*', '\\', '\n', '\r', '\t', '\u{202E}', '\u{200B}', '\u{FEFF}']),
        ];
        prop::collection::vec(c, 1..60).prop_map(|v| v.into_iter().collect())
    }

    /// Every text field of a thông báo and a công văn, as a TOML path (`[i]` a list item).
    const FIELDS: &[(&str, &str)] = &[
        ("thong-bao.toml", "trich_yeu"),
        ("thong-bao.toml", "dia_danh"),
        ("thong-bao.toml", "van_ban_thuc_hien"),
        ("thong-bao.toml", "co_so"),
        ("thong-bao.toml", "chu_the"),
        ("thong-bao.toml", "noi_dung_thong_bao"),
        ("thong-bao.toml", "noi_dung"),
        ("thong-bao.toml", "luu"),
        ("thong-bao.toml", "noi_nhan[1]"),
        ("thong-bao.toml", "ky.ho_ten"),
        ("thong-bao.toml", "ky.chuc_vu"),
        ("thong-bao.toml", "ky.quyen_han[0]"),
        ("thong-bao.toml", "co_quan.ten[1]"),
        ("thong-bao.toml", "co_quan.chu_quan"),
        ("thong-bao.toml", "co_quan.viet_tat"),
        ("cong-van-sct-lay-y-kien-2026.toml", "kinh_gui[0]"),
        ("cong-van-sct-lay-y-kien-2026.toml", "don_vi_soan"),
        ("cong-van-sct-lay-y-kien-2026.toml", "noi_dung"),
    ];

    fn set(t: &mut toml::Table, path: &str, v: &str) {
        let (head, rest) = path.split_once('.').unwrap_or((path, ""));
        if rest.is_empty() {
            match head.split_once('[') {
                Some((k, i)) => {
                    let i: usize = i.trim_end_matches(']').parse().unwrap();
                    let list = t
                        .entry(k)
                        .or_insert_with(|| toml::Value::Array(vec!["x".into(); i + 1]));
                    let arr = list.as_array_mut().unwrap();
                    while arr.len() <= i {
                        arr.push("x".into());
                    }
                    arr[i] = v.into();
                }
                None => {
                    t.insert(head.into(), v.into());
                }
            }
        } else {
            let sub = t
                .entry(head)
                .or_insert_with(|| toml::Value::Table(Default::default()));
            set(sub.as_table_mut().unwrap(), rest, v);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, failure_persistence: saved(), ..ProptestConfig::default() })]
        /// Any text in any field: the written DOCX parses as strict XML 1.0, or the draft is
        /// refused with findings that each name the file, a line and the field.
        #[test]
        fn any_text_in_any_field_gives_well_formed_xml_or_a_positioned_refusal(
            which in 0..FIELDS.len(),
            value in text(),
        ) {
            let (sample, field) = FIELDS[which];
            let src = std::fs::read_to_string(root().join("samples").join(sample)).unwrap();
            let mut t: toml::Table = toml::from_str(&src).unwrap();
            // A draft that names a plugin is tried without it: its fields are the draft's.
            t.remove("plugin");
            set(&mut t, field, &value);
            let draft = toml::to_string(&t).unwrap();
            let path = Path::new("d.toml");
            let templates = vbhc::template::Templates::default();
            match vbhc::draft::load_str(path, &draft, &templates, Default::default()) {
                Err(fs) => {
                    for f in fs.iter().filter(|f| f.severity == vbhc::finding::Severity::Error) {
                        let at = f.location.clone().unwrap_or_default();
                        prop_assert_eq!(at.file.as_deref(), Some(path), "{:?}", f);
                        prop_assert!(at.line.is_some_and(|l| l > 0), "{:?}", f);
                        prop_assert!(at.field.is_some(), "{:?}", f);
                    }
                }
                Ok(d) => {
                    let Ok(laid) = vbhc::layout::lay_out(&d) else {
                        return Ok(());
                    };
                    let bytes = vbhc::docx::to_bytes(&laid.doc).unwrap();
                    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
                    for i in 0..z.len() {
                        let mut e = z.by_index(i).unwrap();
                        let mut s = String::new();
                        e.read_to_string(&mut s).unwrap();
                        prop_assert!(
                            roxmltree::Document::parse(&s).is_ok(),
                            "{} is not well-formed for {:?} in {}",
                            e.name(),
                            value,
                            field
                        );
                    }
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 6, failure_persistence: saved(), ..ProptestConfig::default() })]
        /// Any text in spreadsheet cells: each row is written as well-formed XML, or fails
        /// with a finding that names its cell.
        #[test]
        fn any_text_in_a_batch_cell_gives_well_formed_xml_or_a_cell_finding(
            cells in prop::collection::vec(text(), 24),
        ) {
            let d = tempdir();
            batch_base(d.path());
            let mut w = csv::Writer::from_path(d.path().join("ds.csv")).unwrap();
            w.write_record(["ten_cong_ty", "so"]).unwrap();
            for (i, c) in cells.iter().enumerate() {
                w.write_record([c.as_str(), &(i + 1).to_string()]).unwrap();
            }
            w.flush().unwrap();
            let o = vbhc(
                &["--format", "json", "batch", "ds.csv", "--draft", "goc.toml", "--out", "ra"],
                d.path(),
            );
            no_panic(&o);
            for line in stdout(&o).lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                if v["type"] == "finding" && v["severity"] == "error" {
                    prop_assert!(v["location"]["cell"].is_string(), "{}", line);
                }
            }
            for e in std::fs::read_dir(d.path().join("ra")).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x == "docx") {
                    assert_well_formed(&p);
                }
            }
        }
    }
}

// ---- What held in the audits, kept holding -------------------------------------------------

#[test]
fn held_lone_surrogates_and_deep_nesting_in_drafts_are_syntax_errors() {
    let d = tempdir();
    write(
        d.path(),
        "s.json",
        "{\"loai\": \"thong-bao\",\n\"trich_yeu\": \"a\\ud800b\"}",
    );
    write(
        d.path(),
        "deep.json",
        "[".repeat(100_000) + &"]".repeat(100_000),
    );
    write(
        d.path(),
        "deep.toml",
        format!("a = {}{}", "[".repeat(10_000), "]".repeat(10_000)),
    );
    for f in ["s.json", "deep.json", "deep.toml"] {
        let o = vbhc(&["render", f], d.path());
        no_panic(&o);
        assert_eq!(code(&o), 65, "{f}: {}", stderr(&o));
        assert!(stderr(&o).contains("DRAFT-SYNTAX"), "{f}: {}", stderr(&o));
    }
    assert!(stderr(&vbhc(&["render", "s.json"], d.path())).contains("s.json:2:"));
}

#[test]
fn held_entities_and_dtds_are_never_expanded_or_followed() {
    let d = tempdir();
    let canary = d.path().join("canary.txt");
    std::fs::write(&canary, "BÍ MẬT CỦA MÁY").unwrap();
    let dtd = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{}"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>"#,
        canary.display()
    );
    let f = docx_with(d.path(), "xxe.docx", |p| {
        let doc = String::from_utf8(p["word/document.xml"].clone()).unwrap();
        let body = doc.split_once("?>").map_or(doc.as_str(), |(_, b)| b);
        let body = body.replacen("THÔNG BÁO", "THÔNG BÁO &xxe; &d;", 1);
        p.insert(
            "word/document.xml".into(),
            format!("{dtd}{body}").into_bytes(),
        );
    });
    let o = vbhc(
        &["--format", "json", "check", f.to_str().unwrap()],
        d.path(),
    );
    no_panic(&o);
    assert!(matches!(code(&o), 0 | 1), "{}", stderr(&o));
    assert!(!stdout(&o).contains("BÍ MẬT"), "the canary was read");
    assert!(!stdout(&o).contains("aaaaaaaaaa"), "an entity was expanded");
    // In a workbook's shared strings.
    batch_base(d.path());
    xlsx(
        &d.path().join("e.xlsx"),
        TABLE,
        &["ten_cong_ty", "so", "&xxe;"],
    );
    let mut parts = unzip(&d.path().join("e.xlsx"));
    let sst = String::from_utf8(parts["xl/sharedStrings.xml"].clone()).unwrap();
    parts.insert(
        "xl/sharedStrings.xml".into(),
        sst.replacen("?>", &format!("?>{}", &dtd[21..]), 1)
            .into_bytes(),
    );
    zip_parts(&d.path().join("e.xlsx"), &parts);
    let o = vbhc(
        &[
            "batch",
            "e.xlsx",
            "--draft",
            "goc.toml",
            "--out",
            "ra",
            "--dry-run",
        ],
        d.path(),
    );
    no_panic(&o);
    assert!(!stderr(&o).contains("BÍ MẬT") && !stdout(&o).contains("BÍ MẬT"));
}

#[test]
fn held_odd_packages_get_one_clear_message() {
    let d = tempdir();
    type Edit = Box<dyn Fn(&mut BTreeMap<String, Vec<u8>>)>;
    let cases: Vec<(&str, Edit, i32)> = vec![
        (
            // A part named to climb out, a relationship aimed outside: ignored.
            "dotdot.docx",
            Box::new(|p| {
                p.insert("../../x.xml".into(), b"<x/>".to_vec());
                let rels = String::from_utf8(p["word/_rels/document.xml.rels"].clone()).unwrap();
                p.insert(
                    "word/_rels/document.xml.rels".into(),
                    rels.replace("</Relationships>", r#"<Relationship Id="rX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="../../../../../etc/passwd"/></Relationships>"#).into_bytes(),
                );
            }),
            0,
        ),
        (
            "utf16.docx",
            Box::new(|p| {
                let doc = String::from_utf8(p["word/document.xml"].clone()).unwrap();
                let mut b = vec![0xFF, 0xFE];
                b.extend(doc.encode_utf16().flat_map(u16::to_le_bytes));
                p.insert("word/document.xml".into(), b);
            }),
            65,
        ),
        (
            "deep.docx",
            Box::new(|p| {
                let doc = String::from_utf8(p["word/document.xml"].clone()).unwrap();
                let deep = format!("{}{}", "<w:x>".repeat(100_000), "</w:x>".repeat(100_000));
                p.insert(
                    "word/document.xml".into(),
                    doc.replacen("<w:body>", &format!("<w:body>{deep}"), 1)
                        .into_bytes(),
                );
            }),
            65,
        ),
    ];
    for (name, edit, exit) in cases {
        let f = docx_with(d.path(), name, edit);
        let o = vbhc(&["check", f.to_str().unwrap()], d.path());
        no_panic(&o);
        let c = code(&o);
        assert!(
            c == exit || (exit == 0 && c == 1),
            "{name}: {c} {}",
            stderr(&o)
        );
        assert!(
            !stderr(&o).contains("root:"),
            "{name}: read outside the zip"
        );
    }
    // Two entries with one name.
    let base = render(&root().join("samples/thong-bao.toml"), d.path());
    let mut raw = std::fs::read(&base).unwrap();
    let dup = {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (n, b) in unzip(&base) {
            w.start_file(n.as_str(), zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(&b).unwrap();
        }
        w.finish().unwrap().into_inner()
    };
    let renamed: Vec<u8> = {
        // "word/settings.xml" renamed "word/document.xml" (same length) in every header: two
        // entries, one name.
        let mut v = dup.clone();
        let (from, to) = (b"word/settings.xml", b"word/document.xml");
        let mut i = 0;
        while i + from.len() <= v.len() {
            if &v[i..i + from.len()] == from {
                v[i..i + from.len()].copy_from_slice(to);
            }
            i += 1;
        }
        v
    };
    raw.clear();
    raw.extend(renamed);
    std::fs::write(d.path().join("dup.docx"), &raw).unwrap();
    let o = vbhc(&["check", "dup.docx"], d.path());
    no_panic(&o);
    assert_eq!(code(&o), 65, "{}", stderr(&o));
}

#[test]
fn held_templates_may_not_reach_outside_themselves() {
    for (name, body) in [
        ("partial", "{{> ../../etc/passwd}}"),
        ("dynamic-partial", "{{> (lookup this \"x\")}}"),
        ("block-partial", "{{#> layout}}x{{/layout}}"),
        ("with", "{{#with noi_dung}}x{{/with}}"),
        ("raw", "{{{{raw}}}}{{x}}{{{{/raw}}}}"),
        ("decorator", "{{*inline \"x\"}}"),
        ("undeclared", "{{khong_co}}"),
        ("slot", "[[slot: khong-co]]"),
    ] {
        let d = tempdir();
        let t = templates_dir(d.path(), |s| format!("{s}\n{body}\n"));
        let o = render_with_templates(&t, d.path());
        no_panic(&o);
        assert_eq!(code(&o), 65, "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains("TEMPLATE-"), "{name}: {}", stderr(&o));
        assert!(!d.path().join("x.docx").exists(), "{name}");
    }
}

#[cfg(unix)]
#[test]
fn held_outputs_replace_links_and_keep_what_was_there() {
    let d = tempdir();
    let sample = root().join("samples/thong-bao.toml");
    // A link to a victim: refused without --force; replaced, not followed, with it.
    let victim = write(d.path(), "victim.txt", "nội dung quý");
    std::os::unix::fs::symlink(&victim, d.path().join("link.docx")).unwrap();
    let o = vbhc(
        &["render", sample.to_str().unwrap(), "-o", "link.docx"],
        d.path(),
    );
    assert_eq!(code(&o), 73, "{}", stderr(&o));
    let o = vbhc(
        &[
            "render",
            sample.to_str().unwrap(),
            "-o",
            "link.docx",
            "--force",
        ],
        d.path(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "nội dung quý");
    assert!(
        !std::fs::symlink_metadata(d.path().join("link.docx"))
            .unwrap()
            .is_symlink()
    );
    // A refused render (an error finding) leaves the existing file as it was.
    let before = std::fs::read(d.path().join("link.docx")).unwrap();
    let bad = sample_with(d.path(), "thong-bao.toml", "bad.toml", |s| {
        s.replacen("ngay = \"2026-04\"", "ngay = \"2026-13\"", 1)
    });
    let o = vbhc(
        &[
            "render",
            bad.to_str().unwrap(),
            "-o",
            "link.docx",
            "--force",
        ],
        d.path(),
    );
    assert_ne!(code(&o), 0);
    assert_eq!(std::fs::read(d.path().join("link.docx")).unwrap(), before);
    let leftovers = std::fs::read_dir(d.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".vbhc-")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[cfg(target_os = "linux")]
#[test]
fn held_a_full_disk_keeps_the_old_file_and_leaves_no_temporary_one() {
    // A 64 KB file system of its own, in a user and mount namespace (no root needed).
    let d = tempdir();
    let small = d.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let sample = root().join("samples/thong-bao.toml");
    let script = format!(
        "mount -t tmpfs -o size=12k tmpfs '{s}' && printf 'cũ' > '{s}/x.docx' && \
         '{bin}' render '{sample}' -o '{s}/x.docx' --force; echo \"rc=$?\"; \
         cat '{s}/x.docx'; echo; ls -a '{s}'",
        s = small.display(),
        bin = bin().display(),
        sample = sample.display()
    );
    let o = tool("unshare", "util-linux")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c", &script])
        .env("VBHC_CONFIG", d.path().join("none.toml"))
        .output()
        .unwrap();
    let out = stdout(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.contains("rc=74"), "{out}\n{}", stderr(&o));
    assert!(out.contains("cũ"), "the old file is intact: {out}");
    assert!(!out.contains(".vbhc-"), "a temporary file was left: {out}");
}

#[test]
fn held_a_killed_batch_leaves_no_temporary_file() {
    let d = tempdir();
    batch_base(d.path());
    let mut csv = String::from("ten_cong_ty,so\n");
    for i in 0..3000 {
        csv.push_str(&format!("Công ty {i},{i}\n"));
    }
    write(d.path(), "ds.csv", csv);
    let mut child = std::process::Command::new(bin())
        .args(["batch", "ds.csv", "--draft", "goc.toml", "--out", "ra"])
        .current_dir(d.path())
        .env("VBHC_CONFIG", d.path().join("none.toml"))
        .spawn()
        .unwrap();
    // Killed as soon as it has written something (or when it is done).
    loop {
        let started = d.path().join("ra").exists()
            && std::fs::read_dir(d.path().join("ra")).unwrap().count() > 5;
        if started || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    let temps: Vec<String> = std::fs::read_dir(d.path().join("ra"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".vbhc-"))
        .collect();
    // A temporary file being written at the kill may remain: never under a document's name.
    assert!(temps.len() <= 2, "{temps:?}");
    for e in std::fs::read_dir(d.path().join("ra")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "docx") {
            assert_well_formed(&p);
        }
    }
}

#[test]
fn held_an_ods_repeat_bomb_is_refused() {
    let d = tempdir();
    batch_base(d.path());
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Danh sách"><table:table-row><table:table-cell office:value-type="string"><text:p>ten_cong_ty</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="4294967295"><table:table-cell table:number-columns-repeated="4294967295" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let mut p = BTreeMap::new();
    p.insert(
        "mimetype".to_string(),
        b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
    );
    p.insert("content.xml".to_string(), content.as_bytes().to_vec());
    p.insert("META-INF/manifest.xml".to_string(), br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#.to_vec());
    zip_parts(&d.path().join("bomb.ods"), &p);
    let o = vbhc(
        &[
            "batch",
            "bomb.ods",
            "--draft",
            "goc.toml",
            "--out",
            "ra",
            "--dry-run",
        ],
        d.path(),
    );
    no_panic(&o);
    assert_eq!(code(&o), 65, "{}", stderr(&o));
}

// ---- Absurd numbers in a header's drawn lines ---------------------------------------------

/// A floating line placed at the far end of what its XML can say (an offset of i64::MAX EMU,
/// from the column and from the page), and a rule typed as Symbol line characters in a size
/// of u32::MAX half-points: read and checked without a panic, like any other header.
#[test]
fn absurd_offsets_and_sizes_of_header_rules_are_read_without_a_panic() {
    let d = tempdir();
    let src = root().join("tests/corpus/wider/bv-dakhoa-dongnai/BB-x-2025-nghiem-thu-cap-so.docx");
    let mut parts = unzip(&src);
    let xml = String::from_utf8(parts["word/document.xml"].clone()).unwrap();
    let mut edited = String::new();
    let mut rest = xml.as_str();
    let mut page = false;
    while let Some(at) = rest.find("<wp:posOffset>") {
        let end = at + rest[at..].find("</wp:posOffset>").unwrap();
        edited.push_str(&rest[..at]);
        edited.push_str(if page {
            "<wp:posOffset>-9223372036854775808"
        } else {
            "<wp:posOffset>9223372036854775807"
        });
        page = !page;
        rest = &rest[end..];
    }
    edited.push_str(rest);
    let edited = edited
        .replacen(r#"relativeFrom="column""#, r#"relativeFrom="page""#, 1)
        .replacen(
            "P. CÔNG NGHỆ THÔNG TIN</w:t>",
            "P. CÔNG NGHỆ THÔNG TIN</w:t><w:br/></w:r><w:r><w:rPr><w:rFonts w:ascii=\"Symbol\" \
             w:hAnsi=\"Symbol\"/><w:sz w:val=\"4294967295\"/></w:rPr><w:t>\u{F0BE}\u{F0BE}\u{F0BE}\
             \u{F0BE}\u{F0BE}</w:t>",
            1,
        );
    assert_ne!(edited, xml, "the edit changed the part");
    parts.insert("word/document.xml".into(), edited.into_bytes());
    let out = d.path().join("absurd.docx");
    zip_parts(&out, &parts);
    let o = vbhc(&["check", out.to_str().unwrap()], d.path());
    no_panic(&o);
    assert!(code(&o) <= 1, "{}", stderr(&o));
}
