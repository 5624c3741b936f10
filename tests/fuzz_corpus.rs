//! Every input of the committed fuzz corpora (`fuzz/corpus/`) and every failing input kept in
//! `fuzz/artifacts/` runs through the same calls as the fuzz targets, in the ordinary test
//! run: a crash the fuzzer once found stays fixed without cargo-fuzz installed.

use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut v = Vec::new();
    for dir in ["corpus", "artifacts"] {
        let Ok(rd) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        v.extend(rd.map(|e| e.unwrap().path()).filter(|p| p.is_file()));
    }
    v.sort();
    v
}

#[test]
fn docx_reader_corpus_reads_without_panic() {
    let files = inputs("docx_reader");
    assert!(files.len() > 50, "fuzz/corpus/docx_reader holds the seeds");
    let mut read = 0;
    for f in &files {
        let data = std::fs::read(f).unwrap();
        let r = std::panic::catch_unwind(|| {
            vbhc::reader::read_bytes(Path::new("fuzz.docx"), &data)
                .map(|doc| vbhc::check::check(&doc, vbhc::check::Origin::Docx).len())
        });
        match r {
            Ok(Ok(_)) => read += 1,
            Ok(Err(finding)) => assert!(
                finding.code.starts_with("DOCX-") || finding.code.starts_with("INPUT-"),
                "{}: {}",
                f.display(),
                finding.code
            ),
            Err(_) => panic!("{} panics the reader", f.display()),
        }
    }
    // The 53 seeds (genuine and rendered files) all read.
    assert!(read >= 53, "only {read} of {} inputs read", files.len());
}

#[test]
fn draft_loader_corpus_loads_without_panic() {
    let files = inputs("draft_loader");
    assert!(files.len() > 40, "fuzz/corpus/draft_loader holds the seeds");
    let templates = vbhc::template::Templates::default();
    let mut written = 0;
    for f in &files {
        let data = std::fs::read(f).unwrap();
        let Some((&selector, rest)) = data.split_first() else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(rest) else {
            continue;
        };
        let path = Path::new(if selector & 1 == 1 {
            "fuzz.json"
        } else {
            "fuzz.toml"
        });
        let r = std::panic::catch_unwind(|| {
            let d = vbhc::draft::load_str(path, text, &templates, Default::default()).ok()?;
            let laid = vbhc::layout::lay_out(&d).ok()?;
            vbhc::docx::to_bytes(&laid.doc).ok()
        });
        match r {
            Ok(Some(_)) => written += 1,
            Ok(None) => {}
            Err(_) => panic!("{} panics the draft loader", f.display()),
        }
    }
    // The 44 seeds (samples and skeletons, as TOML and as JSON) all render.
    assert!(
        written >= 44,
        "only {written} of {} inputs render",
        files.len()
    );
}
