//! Time on the audits' big and hostile inputs, in process (`cargo bench --bench hostile`):
//! `check` of a DOCX of 25,000 to 200,000 short paragraphs (below the reader's budget, time
//! must grow linearly) and of 300,000 (above it: refused before parsing); the numbering bomb
//! of S-M1; drafts with 100,000 Nơi nhận lines as one-line JSON and as TOML lines; a workbook
//! whose one far cell would make a dense grid of 17 billion cells. Peak memory of the same
//! inputs through the binary: `benches/hostile/run.sh`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The thông báo sample as DOCX bytes, made in process.
fn base_docx() -> Vec<u8> {
    let path = root().join("samples/thong-bao.toml");
    let src = std::fs::read_to_string(&path).unwrap();
    let templates = vbhc::template::Templates::default();
    let d = vbhc::draft::load_str(&path, &src, &templates, Default::default()).unwrap();
    let laid = vbhc::layout::lay_out(&d).unwrap();
    vbhc::docx::to_bytes(&laid.doc).unwrap()
}

/// `base` with `edit` applied to its parts, zipped again.
fn edited(base: &[u8], edit: impl Fn(&mut Vec<(String, Vec<u8>)>)) -> Vec<u8> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(base)).unwrap();
    let mut parts = Vec::new();
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let mut b = Vec::new();
        e.read_to_end(&mut b).unwrap();
        parts.push((e.name().to_string(), b));
    }
    edit(&mut parts);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in &parts {
        w.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn in_body(parts: &mut [(String, Vec<u8>)], xml: &str) {
    let doc = parts
        .iter_mut()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap();
    let s = String::from_utf8(std::mem::take(&mut doc.1)).unwrap();
    doc.1 = s
        .replacen("<w:body>", &format!("<w:body>{xml}"), 1)
        .into_bytes();
}

fn check(path: &Path, bytes: &[u8]) -> usize {
    match vbhc::reader::read_bytes(path, bytes) {
        Ok(doc) => vbhc::check::check(&doc, vbhc::check::Origin::Docx).len(),
        Err(_) => 0,
    }
}

fn bench(c: &mut Criterion) {
    let base = base_docx();
    let path = Path::new("paras.docx");
    let mut g = c.benchmark_group("check_paragraphs");
    g.sample_size(10);
    for n in [25_000usize, 50_000, 100_000, 200_000, 300_000] {
        let bytes = edited(&base, |p| {
            in_body(p, &"<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(n))
        });
        g.bench_with_input(BenchmarkId::from_parameter(n), &bytes, |b, bytes| {
            b.iter(|| check(path, black_box(bytes)))
        });
    }
    g.finish();

    // S-M1: twenty lists starting at 4294967295, a lowerLetter label each.
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    let mut numbering = format!(
        r#"<w:numbering {w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>"#
    );
    let mut paras = String::new();
    for k in 1..=20 {
        numbering.push_str(&format!(r#"<w:num w:numId="{k}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4294967295"/></w:lvlOverride></w:num>"#));
        paras.push_str(&format!(r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{k}"/></w:numPr></w:pPr><w:r><w:t>điểm</w:t></w:r></w:p>"#));
    }
    numbering.push_str("</w:numbering>");
    let bomb = edited(&base, |p| {
        in_body(p, &paras);
        p.push(("word/numbering.xml".into(), numbering.clone().into_bytes()));
        let rels = p
            .iter_mut()
            .find(|(n, _)| n == "word/_rels/document.xml.rels")
            .unwrap();
        let s = String::from_utf8(std::mem::take(&mut rels.1)).unwrap();
        rels.1 = s.replace("</Relationships>", r#"<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#).into_bytes();
    });
    c.bench_function("hostile/numbering_multi_20", |b| {
        b.iter(|| check(path, black_box(&bomb)))
    });

    // m2: 100,000 Nơi nhận lines, as one-line JSON and as TOML lines.
    let src = std::fs::read_to_string(root().join("samples/thong-bao.toml")).unwrap();
    let mut t: toml::Table = toml::from_str(&src).unwrap();
    t.insert(
        "noi_nhan".into(),
        toml::Value::Array(
            (0..100_000)
                .map(|i| format!("Đơn vị số {i}").into())
                .collect(),
        ),
    );
    let json = serde_json::to_string(&t).unwrap();
    let toml_lines = toml::to_string_pretty(&t).unwrap();
    let templates = vbhc::template::Templates::default();
    let mut g = c.benchmark_group("hostile/draft_100k_noi_nhan");
    g.sample_size(10);
    for (name, file, text) in [
        ("one_line_json", "d.json", &json),
        ("toml_lines", "d.toml", &toml_lines),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                let d = vbhc::draft::load_str(
                    Path::new(file),
                    black_box(text),
                    &templates,
                    Default::default(),
                )
                .unwrap();
                let laid = vbhc::layout::lay_out(&d).unwrap();
                vbhc::check::check(&laid.doc, vbhc::check::Origin::Draft).len()
            })
        });
    }
    g.finish();

    // S-M2: a workbook with one cell at XFD1048576 beside a two-row table.
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("dim.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "ten_cong_ty").unwrap();
    ws.write_string(0, 1, "so").unwrap();
    ws.write_string(1, 0, "Công ty A").unwrap();
    ws.write_number(1, 1, 5).unwrap();
    ws.write_string(1_048_575, 16_383, "xa").unwrap();
    wb.save(&xlsx).unwrap();
    c.bench_function("hostile/xlsx_cell_at_XFD1048576", |b| {
        b.iter(|| vbhc::batch::sheet::read(black_box(&xlsx), &Default::default()).is_ok())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
