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
