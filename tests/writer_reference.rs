//! The streaming DOCX writer against its reference: every sample (with its province plugin)
//! and every genuine DOCX of the corpus, read back into the model, written both ways — the
//! streamed body parts and the docx-rs build with its packing pass — must give the same bytes.
//! The corpus documents reach corners the samples do not (fonts, spacing, breaks, tables,
//! landscape sections, hanging indents).

use crate::common::*;
use vbhc::plugin::trust::Trust;
use vbhc::plugin::{Applier, Host, Limits, Registry};

fn same(what: &str, doc: &vbhc::model::Document, failures: &mut Vec<String>) {
    let fast = vbhc::docx::to_bytes(doc).expect("streamed");
    let reference = vbhc::docx::reference_bytes(doc).expect("reference");
    if fast != reference {
        let names = ["word/document.xml", "word/header1.xml", "word/footer1.xml"];
        let read = |b: &[u8], n: &str| {
            let mut z = zip::ZipArchive::new(std::io::Cursor::new(b.to_vec())).unwrap();
            let mut s = String::new();
            if let Ok(mut f) = z.by_name(n) {
                std::io::Read::read_to_string(&mut f, &mut s).unwrap();
            }
            s
        };
        let mut detail = String::new();
        for n in names {
            let (a, b) = (read(&fast, n), read(&reference, n));
            if a != b {
                let at = a
                    .bytes()
                    .zip(b.bytes())
                    .position(|(x, y)| x != y)
                    .unwrap_or(0);
                let from = at.saturating_sub(120);
                detail = format!(
                    "{n} differs at byte {at}:\n  streamed:  {}\n  reference: {}",
                    a.get(from..(at + 200).min(a.len())).unwrap_or("?"),
                    b.get(from..(at + 200).min(b.len())).unwrap_or("?")
                );
                break;
            }
        }
        failures.push(format!("{what}: packages differ. {detail}"));
    }
}

#[test]
fn streamed_packages_equal_the_docx_rs_reference() {
    let templates = vbhc::template::Templates::default();
    let host = Host::new(Limits::default(), Some(test_cache())).unwrap();
    let trust = Trust::load(&[root().join("plugins/keys/demo.pub")], false).unwrap();
    let registry = Registry::discover(
        &[
            root().join("plugins/dist/lang-son"),
            root().join("plugins/dist/ca-mau"),
        ],
        trust,
    )
    .unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for s in samples() {
        let mut applier = Applier::new(&host, &registry, &s);
        let d = vbhc::draft::load_with(&s, &templates, Default::default(), Some(&mut applier))
            .unwrap_or_else(|f| panic!("{}: {f:?}", s.display()));
        let doc = vbhc::layout::lay_out(&d).expect("lays out").doc;
        same(&s.display().to_string(), &doc, &mut failures);
        n += 1;
    }
    let files = corpus();
    for f in &files {
        let doc = vbhc::reader::read(f).unwrap_or_else(|e| panic!("{}: {e:?}", f.display()));
        same(&f.display().to_string(), &doc, &mut failures);
        n += 1;
    }
    // What neither gives: an address footer with section breaks after it (the later sections'
    // first pages point at the empty footer), a boxed paragraph, a break inside a paragraph,
    // text that needs escaping, a landscape section numbered from 1.
    let cong_van = root().join("samples/cong-van-sct-lay-y-kien-2026.toml");
    let d = vbhc::draft::load(&cong_van, &templates).unwrap();
    let mut doc = vbhc::layout::lay_out(&d).unwrap().doc;
    assert!(
        doc.blocks()
            .any(|b| b.region == vbhc::model::Region::Footer),
        "the công văn has its address footer"
    );
    let mut second = doc.sections[0].clone();
    second.page.landscape = true;
    std::mem::swap(&mut second.page.width, &mut second.page.height);
    second.page.restart_at = Some(1);
    for b in &mut second.blocks {
        if let vbhc::model::Content::Paragraph(p) = &mut b.content {
            p.format.boxed = true;
            p.format.indent_first = -300;
            if let Some(r) = p.runs.first_mut() {
                r.break_before = true;
                r.text.push_str(" <a> & \"b\" 'c'");
            }
        }
    }
    let third = second.clone();
    doc.sections.push(second);
    doc.sections.push(third);
    same("công văn in three sections", &doc, &mut failures);
    assert!(n >= 60, "{n} documents compared");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
