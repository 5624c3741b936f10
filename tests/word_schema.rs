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
fn raw_docx_rs_output_is_not_schema_clean() {
    let dir = tempdir();
    let sample = root().join("samples/chi-thi-tien-giang-2014.toml");
    let d =
        vbhc::draft::load(&sample, &vbhc::template::Templates::default()).expect("sample loads");
    let laid = vbhc::layout::lay_out(&d).expect("lays out");
    let raw = dir.path().join("raw.docx");
    std::fs::write(&raw, vbhc::docx::raw_bytes(&laid.doc).unwrap()).unwrap();
    let (ok, out) = audit(&raw);
    assert!(
        !ok,
        "docx-rs output passed openxml-audit: is the audit still checking?\n{out}"
    );
    assert!(
        out.contains("rFonts"),
        "expected docx-rs's rFonts ordering violation:\n{out}"
    );
    let fixed = dir.path().join("fixed.docx");
    std::fs::write(&fixed, vbhc::docx::to_bytes(&laid.doc).unwrap()).unwrap();
    let (ok, out) = audit(&fixed);
    assert!(ok, "{out}");
}
