//! The DOCX writer on frozen inputs. `tests/writer/*.json` holds models as the pipeline made
//! them when the writer was last proved against its docx-rs reference (December 2026): every
//! sample laid out with its province plugin, every genuine DOCX of the corpus read back (which
//! reach corners the samples do not: fonts, spacing, breaks, tables, landscape sections,
//! hanging indents), and a công văn forced into three sections with boxed, broken and escaped
//! text. They are the writer's input, not the reader's or the layout's output: a change there
//! never touches them. `tests/writer/packages.txt` holds the SHA-256 of the package the writer
//! makes from each; a writer change that moves a byte shows here (and, for the samples, as a
//! reviewable XML diff in `tests/golden/`). Bless with `VBHC_BLESS=1` after review.

use crate::common::*;
use sha2::Digest;
use std::io::Read;

#[test]
fn the_writer_makes_the_same_bytes_from_the_frozen_models() {
    let dir = root().join("tests/writer");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    assert!(names.len() >= 60, "{} frozen models", names.len());
    let mut index = String::new();
    for p in &names {
        let doc: vbhc::model::Document = serde_json::from_str(&std::fs::read_to_string(p).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let bytes = vbhc::docx::to_bytes(&doc).unwrap();
        // Whatever the bytes, every part is XML a strict parser accepts.
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        for i in 0..z.len() {
            let mut e = z.by_index(i).unwrap();
            let mut s = String::new();
            e.read_to_string(&mut s).unwrap();
            assert!(
                roxmltree::Document::parse(&s).is_ok(),
                "{}: {}",
                p.display(),
                e.name()
            );
        }
        let name = p.file_stem().unwrap().to_string_lossy();
        index.push_str(&format!("{:x}  {name}\n", sha2::Sha256::digest(&bytes)));
    }
    if let Err(e) = golden::compare(&dir.join("packages.txt"), &index) {
        panic!("the writer's output changed: {e}");
    }
}

/// Same draft, same bytes, on every platform: the zip host byte is pinned (the Windows audit
/// found 15 bytes per DOCX recording the host), so this sample's SHA-256 is the same on Linux
/// and under Windows. A change here is a change of every document vbhc writes: review it.
#[test]
fn a_sample_has_the_same_bytes_everywhere() {
    let dir = tempdir();
    let sample = root().join("samples").join("thong-bao.toml");
    let out = dir.path().join("tb.docx");
    let o = vbhc_bare(
        &[
            "render",
            sample.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    let hex: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        hex,
        "80b8c2f10b60acf5686359d272f5f3c11de57ae2a4c878e2b94fa75e7cb247ca"
    );
    // Every central-directory entry says "made by Unix" (the byte after the version).
    let cd = bytes.windows(4).filter(|w| *w == b"PK\x01\x02").count();
    let unix = bytes
        .windows(6)
        .filter(|w| w[..4] == *b"PK\x01\x02" && w[5] == 3)
        .count();
    assert_eq!((cd, unix), (cd, cd));
    assert!(cd >= 10);
}
