//! The checker on the 46 genuine DOCX files: every file reads, and its findings are exactly the
//! ones reviewed by hand and kept in `tests/golden/corpus/<file>.txt` (one line per finding:
//! code, paragraph, message). A finding that appears or disappears fails the test; after a
//! reviewed change, `VBHC_BLESS=1 cargo test --test check_corpus` writes the files anew.

mod common;
use common::*;
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
    let bless = std::env::var_os("VBHC_BLESS").is_some();
    let gdir = root().join("tests/golden/corpus");
    let mut failures = Vec::new();
    for f in corpus() {
        let got = lines(&f);
        let name = f.file_stem().unwrap().to_string_lossy().into_owned();
        let file = gdir.join(format!("{name}.txt"));
        if bless {
            std::fs::create_dir_all(&gdir).unwrap();
            std::fs::write(&file, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&file).unwrap_or_default();
        if want != got {
            let added: Vec<&str> = got
                .lines()
                .filter(|l| !want.lines().any(|w| w == *l))
                .collect();
            let gone: Vec<&str> = want
                .lines()
                .filter(|l| !got.lines().any(|g| g == *l))
                .collect();
            failures.push(format!("{name}:\n  new: {added:#?}\n  gone: {gone:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
