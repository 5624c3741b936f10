//! `vbhc check` on what is not a good DOCX: a truncated zip, a zip bomb, a PDF renamed, a zip
//! without the main part, malformed XML, a folder, a missing path, a file type vbhc does not
//! read. Each gets a message naming the file and its exit code; nothing panics; inflating is
//! capped, and media is never inflated (a DOCX carrying a gigabyte of image data is read).

use crate::common::*;
use std::io::Write;
use std::path::Path;
use zip::write::SimpleFileOptions;

fn check_fails(dir: &Path, file: &str, exit: i32, code: &str) -> String {
    let o = vbhc(&["check", file], dir);
    let err = stderr(&o);
    assert_eq!(crate::common::code(&o), exit, "{file}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains(file), "the message names the file: {err}");
    assert!(err.contains(code), "{file}: expected {code}: {err}");
    err
}

/// A zip with the given entries (name, bytes, deflated?).
fn zip_file(path: &Path, entries: &[(&str, &[u8], bool)]) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, data, deflate) in entries {
        let opts = SimpleFileOptions::default().compression_method(if *deflate {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        });
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap();
}

const RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

#[test]
fn truncated_zip() {
    let d = tempdir();
    let full = std::fs::read(render(&samples()[0], d.path())).unwrap();
    std::fs::write(d.path().join("cut.docx"), &full[..full.len() / 2]).unwrap();
    check_fails(d.path(), "cut.docx", 65, "DOCX-");
}

#[test]
fn zip_bomb_is_refused_without_inflating_it_all() {
    let d = tempdir();
    // 48 MB of one character deflates to under 100 KB; the reader stops at its 32 MB cap.
    let mut xml = b"<w:document><w:body><w:p><w:r><w:t>".to_vec();
    xml.extend(std::iter::repeat_n(b'a', 48 * 1024 * 1024));
    xml.extend(b"</w:t></w:r></w:p></w:body></w:document>");
    zip_file(
        &d.path().join("bomb.docx"),
        &[
            ("_rels/.rels", RELS.as_bytes(), true),
            ("word/document.xml", &xml, true),
        ],
    );
    assert!(std::fs::metadata(d.path().join("bomb.docx")).unwrap().len() < 1_000_000);
    check_fails(d.path(), "bomb.docx", 65, "DOCX-TOO-LARGE");
}

#[test]
fn media_is_never_inflated() {
    let d = tempdir();
    let sample = render(&samples()[0], d.path());
    // Re-zip the sample with a 400 MB (deflated to a few hundred KB) "scan" in word/media.
    let mut z = zip::ZipArchive::new(std::fs::File::open(&sample).unwrap()).unwrap();
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut v).unwrap();
        entries.push((f.name().to_string(), v));
    }
    let scan = vec![0u8; 400 * 1024 * 1024];
    let mut all: Vec<(&str, &[u8], bool)> = entries
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_slice(), true))
        .collect();
    all.push(("word/media/image1.png", &scan, true));
    zip_file(&d.path().join("scan.docx"), &all);
    drop(scan);
    let o = vbhc(&["check", "scan.docx"], d.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn a_pdf_named_docx_and_other_formats() {
    let d = tempdir();
    std::fs::write(d.path().join("scan.docx"), b"%PDF-1.7\n...").unwrap();
    let err = check_fails(d.path(), "scan.docx", 65, "DOCX-NOT-DOCX");
    assert!(err.contains("PDF"), "{err}");
    std::fs::write(d.path().join("old.doc"), [0xD0, 0xCF, 0x11, 0xE0, 0xA1]).unwrap();
    let err = check_fails(d.path(), "old.doc", 65, "INPUT-FORMAT");
    assert!(err.contains(".docx"), "says what vbhc reads: {err}");
    std::fs::write(d.path().join("a.odt"), b"PK\x03\x04").unwrap();
    check_fails(d.path(), "a.odt", 65, "INPUT-FORMAT");
    std::fs::write(d.path().join("a.pdf"), b"%PDF").unwrap();
    check_fails(d.path(), "a.pdf", 65, "INPUT-FORMAT");
}

#[test]
fn a_zip_without_the_document_part() {
    let d = tempdir();
    zip_file(
        &d.path().join("empty.docx"),
        &[("[Content_Types].xml", b"<Types/>", true)],
    );
    check_fails(d.path(), "empty.docx", 65, "DOCX-NO-DOCUMENT");
}

#[test]
fn malformed_xml() {
    let d = tempdir();
    zip_file(
        &d.path().join("bad.docx"),
        &[
            ("_rels/.rels", RELS.as_bytes(), true),
            (
                "word/document.xml",
                b"<w:document><w:body><w:p><w:r></w:p>",
                true,
            ),
        ],
    );
    let err = check_fails(d.path(), "bad.docx", 65, "DOCX-XML");
    assert!(err.contains("word/document.xml"), "{err}");
}

#[test]
fn a_folder_and_a_missing_path() {
    let d = tempdir();
    std::fs::create_dir(d.path().join("folder.docx")).unwrap();
    check_fails(d.path(), "folder.docx", 66, "INPUT-IS-DIR");
    check_fails(d.path(), "missing.docx", 66, "INPUT-MISSING");
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let d = tempdir();
    let good = render(&samples()[0], d.path());
    std::fs::write(d.path().join("bad.docx"), b"not a zip").unwrap();
    let o = vbhc(
        &[
            "check",
            "bad.docx",
            good.to_str().unwrap(),
            "--format",
            "json",
        ],
        d.path(),
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("DOCX-NOT-DOCX"), "{out}");
    let summary: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(
        summary["inputs"].as_array().unwrap().len(),
        1,
        "the good file was checked"
    );
}
