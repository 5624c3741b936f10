//! The checker on the 46 genuine DOCX files: every file reads, and its findings are exactly the
//! ones reviewed by hand and kept in `tests/golden/corpus/<file>.txt` (one line per finding:
//! code, paragraph, message). A finding that appears or disappears fails the test; after a
//! reviewed change, `VBHC_BLESS=1 cargo test --test integration check_corpus` writes the
//! files anew.

use crate::common::*;
use vbhc::check::{Origin, check};

fn lines(path: &std::path::Path) -> String {
    let doc = vbhc::reader::read(path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
    let mut out = String::new();
    for f in check(&doc, Origin::Docx) {
        let para = f
            .location
            .as_ref()
            .and_then(|l| l.paragraph)
            .map_or("-".to_string(), |p| format!("¶{p}"));
        out.push_str(&format!(
            "{} {} {}: {}\n",
            f.code,
            f.severity.label(vbhc::i18n::Lang::En),
            para,
            f.message.vi
        ));
    }
    out
}

#[test]
fn corpus_findings_match_the_reviewed_ones() {
    let mut golden = golden::Folder::new(root().join("tests/golden/corpus"));
    for f in corpus() {
        let name = f.file_stem().unwrap().to_string_lossy().into_owned();
        golden.check(format!("{name}.txt"), &lines(&f));
    }
    golden.finish();
}
