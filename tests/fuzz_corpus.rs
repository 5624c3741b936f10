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
    // The fuzz corpus, and the genuine files it is seeded with (kept once, in tests/corpus).
    let mut files = inputs("docx_reader");
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/real-docx");
    files.extend(
        std::fs::read_dir(&real)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "docx")),
    );
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

/// The docx_writer target's inputs: code points dealt out to every text of a laid-out sample;
/// every part the writer makes parses as strict XML 1.0.
#[test]
fn docx_writer_corpus_writes_well_formed_parts() {
    use std::io::Read;
    use vbhc::model::Content;
    let files = inputs("docx_writer");
    assert!(!files.is_empty(), "fuzz/corpus/docx_writer holds the seeds");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/thong-bao.toml");
    let src = std::fs::read_to_string(&sample).unwrap();
    let templates = vbhc::template::Templates::default();
    let d = vbhc::draft::load_str(&sample, &src, &templates, Default::default()).unwrap();
    let base = vbhc::layout::lay_out(&d).unwrap().doc;
    for f in &files {
        let data = std::fs::read(f).unwrap();
        let mut chars = data.chunks(3).map(|c| {
            let v = c.iter().fold(0u32, |v, b| v << 8 | u32::from(*b)) % 0x11_0000;
            char::from_u32(v).unwrap_or('\u{FFFF}')
        });
        let mut doc = base.clone();
        'deal: for b in doc.sections.iter_mut().flat_map(|s| s.blocks.iter_mut()) {
            if let Content::Paragraph(p) = &mut b.content {
                for r in &mut p.runs {
                    let s: String = chars.by_ref().take(5).collect();
                    if s.is_empty() {
                        break 'deal;
                    }
                    r.text = s;
                }
            }
        }
        let bytes = vbhc::docx::to_bytes(&doc).unwrap();
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        for i in 0..z.len() {
            let mut e = z.by_index(i).unwrap();
            let mut s = String::new();
            e.read_to_string(&mut s).unwrap();
            assert!(
                roxmltree::Document::parse(&s).is_ok(),
                "{}: {} is not well-formed",
                f.display(),
                e.name()
            );
        }
    }
}
