//! Word is the clerk's editor: every rendered sample must pass `openxml-audit` (PyPI 0.8.0)
//! with no finding. docx-rs's own output does not — a test keeps proving that, so the packing
//! pass (and this check) cannot silently stop mattering.

use crate::common::*;
use std::path::Path;

fn audit(docx: &Path) -> (bool, String) {
    let o = tool("openxml-audit", "pip install openxml-audit==0.8.0")
        .args(["-m", "0"])
        .arg(docx)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    (o.status.success() && out.contains("Errors: 0"), out)
}

#[test]
fn every_sample_is_schema_clean() {
    let dir = tempdir();
    let mut bad = Vec::new();
    for s in samples() {
        let docx = render(&s, dir.path());
        let (ok, out) = audit(&docx);
        if !ok {
            bad.push(format!("{}:\n{out}", s.display()));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_audit_still_checks_schema_order() {
    // A negative control: the same document with one run's properties out of schema order
    // (the fault docx-rs's own output had, `w:rFonts` after `w:sz`) must fail the audit.
    let dir = tempdir();
    let sample = root().join("samples/chi-thi-tien-giang-2014.toml");
    let good = render(&sample, dir.path());
    let mut z = zip::ZipArchive::new(std::fs::File::open(&good).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(std::fs::File::create(dir.path().join("bad.docx")).unwrap());
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let name = e.name().to_string();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut e, &mut s).unwrap();
        if name == "word/document.xml" {
            // The first run's fonts, put after its size: out of schema order.
            let fonts = r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>"#;
            let at = s.find("<w:r><w:rPr>").expect("a run");
            let sz_end = at + s[at..].find("<w:szCs").unwrap();
            let sz_end = sz_end + s[sz_end..].find("/>").unwrap() + 2;
            s.insert_str(sz_end, fonts);
        }
        w.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut w, s.as_bytes()).unwrap();
    }
    w.finish().unwrap();
    let (ok, out) = audit(&dir.path().join("bad.docx"));
    assert!(
        !ok,
        "a run with rFonts after sz passed openxml-audit: is it still checking?\n{out}"
    );
    let (ok, out) = audit(&good);
    assert!(ok, "{out}");
}
