#![no_main]
//! Whatever text the model holds, every part the DOCX writer makes is well-formed XML 1.0:
//! the writer is the last line of defence against a character XML refuses (U+FFFE, U+FFFF,
//! C0 controls), whatever a loader, template or plugin let through.
//!
//! The input is read as a stream of code points (three bytes each, any value up to
//! U+10FFFF, so noncharacters and controls are as likely as letters), dealt out to every run
//! of a laid-out sample (the thông báo: header, body, a table-free page) and of a table added
//! to it, and to the document's own texts (kind, ký hiệu). Each part is then parsed by
//! roxmltree, which refuses what XML refuses.

use libfuzzer_sys::fuzz_target;
use std::io::Read;
use std::sync::OnceLock;
use vbhc::model::{Content, Document, Paragraph};

fn base() -> &'static Document {
    static BASE: OnceLock<Document> = OnceLock::new();
    BASE.get_or_init(|| {
        let path = std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../samples/thong-bao.toml"
        ));
        let src = std::fs::read_to_string(path).expect("the sample");
        let templates = vbhc::template::Templates::default();
        let d = vbhc::draft::load_str(path, &src, &templates, Default::default()).expect("loads");
        let mut doc = vbhc::layout::lay_out(&d).expect("lays out").doc;
        // A table too, so cells are written.
        let cell = |s: &str| {
            let mut p = first_paragraph(&doc).clone();
            p.runs.truncate(1);
            p.runs[0].text = s.to_string();
            vec![p]
        };
        let table = vbhc::model::Table {
            columns: vec![3000, 3000],
            rows: vec![vec![cell("a"), cell("b")], vec![cell("c"), cell("d")]],
            header_rows: 1,
        };
        let mut block = doc.sections[0].blocks[0].clone();
        block.content = Content::Table(table);
        doc.sections[0].blocks.push(block);
        doc
    })
}

fn first_paragraph(doc: &Document) -> &Paragraph {
    doc.sections[0]
        .blocks
        .iter()
        .find_map(|b| match &b.content {
            Content::Paragraph(p) if !p.runs.is_empty() => Some(p),
            _ => None,
        })
        .expect("a paragraph")
}

fn texts(doc: &mut Document) -> Vec<&mut String> {
    let mut out: Vec<&mut String> = vec![&mut doc.kind, &mut doc.ky_hieu, &mut doc.ten_loai];
    for s in &mut doc.sections {
        for b in &mut s.blocks {
            match &mut b.content {
                Content::Paragraph(p) => out.extend(p.runs.iter_mut().map(|r| &mut r.text)),
                Content::Table(t) => {
                    for row in &mut t.rows {
                        for cell in row {
                            for p in cell {
                                out.extend(p.runs.iter_mut().map(|r| &mut r.text));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let mut chars = data.chunks(3).map(|c| {
        let v = c.iter().fold(0u32, |v, b| v << 8 | u32::from(*b)) % 0x11_0000;
        char::from_u32(v).unwrap_or('\u{FFFF}')
    });
    let mut doc = base().clone();
    for (i, t) in texts(&mut doc).into_iter().enumerate() {
        let n = 1 + i % 7;
        let s: String = chars.by_ref().take(n).collect();
        if s.is_empty() {
            break;
        }
        *t = s;
    }
    let bytes = vbhc::docx::to_bytes(&doc).expect("the writer writes");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    for i in 0..zip.len() {
        let mut e = zip.by_index(i).expect("an entry");
        let name = e.name().to_string();
        let mut s = String::new();
        e.read_to_string(&mut s).expect("UTF-8");
        if let Err(err) = roxmltree::Document::parse(&s) {
            panic!("{name} is not well-formed XML: {err}");
        }
    }
});
