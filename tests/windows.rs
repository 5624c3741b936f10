//! What a clerk's Windows tools write reaches vbhc intact: `vbhc new -o` instead of
//! PowerShell's `>`, drafts and CSV saved as UTF-16 with a byte-order mark, text garbled by a
//! wrong code page named, a CSV in Excel's Windows-1258 refused with a hint that names it.

use crate::common::*;

fn utf16le(text: &str) -> Vec<u8> {
    [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

#[test]
fn new_writes_the_skeleton_to_a_file() {
    let d = tempdir();
    let o = vbhc(&["new", "chi-thi", "-o", "ct.toml"], d.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let bytes = std::fs::read(d.path().join("ct.toml")).unwrap();
    assert!(String::from_utf8(bytes.clone()).is_ok());
    assert_eq!(
        bytes,
        stdout(&vbhc(&["new", "chi-thi"], d.path())).into_bytes()
    );
    // Never over a file without --force.
    let o = vbhc(&["new", "chi-thi", "-o", "ct.toml"], d.path());
    assert_eq!(code(&o), 73, "{}", stderr(&o));
    assert_eq!(
        code(&vbhc(
            &["new", "chi-thi", "-o", "ct.toml", "--force"],
            d.path()
        )),
        0
    );
}

#[test]
fn a_utf16_draft_renders_like_its_utf8_twin() {
    let d = tempdir();
    let sk = blank_on_purpose(&stdout(&vbhc(&["new", "thong-bao"], d.path())));
    std::fs::write(d.path().join("a.toml"), &sk).unwrap();
    // What `vbhc new thong-bao > b.toml` makes in Windows PowerShell 5.1.
    std::fs::write(d.path().join("b.toml"), utf16le(&sk.replace('\n', "\r\n"))).unwrap();
    assert_eq!(code(&vbhc(&["render", "a.toml"], d.path())), 0);
    let o = vbhc(&["render", "b.toml"], d.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        std::fs::read(d.path().join("a.docx")).unwrap(),
        std::fs::read(d.path().join("b.docx")).unwrap()
    );
}

#[test]
fn garbled_text_is_named_and_csv_encodings_are_said() {
    let d = tempdir();
    let sk = blank_on_purpose(&stdout(&vbhc(&["new", "thong-bao"], d.path())));
    // "Ủy ban" as PowerShell 7.0–7.3 garbles UTF-8 read as the ANSI code page.
    let garbled = sk.replacen("trich_yeu = \"", "trich_yeu = \"á»¦y ban ", 1);
    std::fs::write(d.path().join("g.toml"), garbled).unwrap();
    let o = vbhc(&["render", "g.toml"], d.path());
    let err = stderr(&o);
    assert!(
        err.contains("DRAFT-MOJIBAKE") && err.contains("(trich_yeu)"),
        "{err}"
    );
    // A UTF-16 CSV (Excel's "Unicode Text") is read; a Windows-1258 one is refused, naming it.
    let base = root().join("samples").join("thong-bao.toml");
    std::fs::write(
        d.path().join("u16.csv"),
        utf16le("trich_yeu\r\nKết quả kiểm tra tại mỏ Khe Cam\r\n"),
    )
    .unwrap();
    let o = vbhc(
        &[
            "batch",
            "u16.csv",
            "--draft",
            base.to_str().unwrap(),
            "--out",
            "o1",
        ],
        d.path(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // Bytes of Windows-1258, as a plain Excel CSV: ê 0xEA, a combining acute 0xEC, á 0xE1.
    std::fs::write(
        d.path().join("cp.csv"),
        b"trich_yeu\r\nK\xEA\xECt qu\xE1\r\n",
    )
    .unwrap();
    let o = vbhc(
        &[
            "batch",
            "cp.csv",
            "--draft",
            base.to_str().unwrap(),
            "--out",
            "o2",
        ],
        d.path(),
    );
    let err = stderr(&o);
    assert_ne!(code(&o), 0);
    assert!(
        err.contains("BATCH-ENCODING") && err.contains("Windows-1258"),
        "{err}"
    );
}

/// An Excel CSV ends its lines with CRLF: an error is reported on its own line, not the one
/// before (the csv crate's count ran one short).
#[test]
fn a_crlf_csv_error_names_its_line() {
    let d = tempdir();
    let base = root().join("samples").join("thong-bao.toml");
    std::fs::write(
        d.path().join("r.csv"),
        b"trich_yeu,ky.ho_ten\r\n\r\nA,B\r\nC\xff,D\r\n",
    )
    .unwrap();
    let o = vbhc(
        &[
            "batch",
            "r.csv",
            "--draft",
            base.to_str().unwrap(),
            "--out",
            "o",
        ],
        d.path(),
    );
    let err = stderr(&o);
    assert!(err.contains("r.csv:4:1") && err.contains("dòng 4"), "{err}");
}

/// A file dropped on vbhc.exe in Explorer is its only argument: a draft is rendered, a DOCX
/// checked; usage lines say `vbhc`, whatever the program file is called.
#[test]
fn a_dropped_file_is_rendered_or_checked() {
    let d = tempdir();
    std::fs::copy(
        root().join("samples").join("thong-bao.toml"),
        d.path().join("tb.toml"),
    )
    .unwrap();
    let o = vbhc_bare(&["tb.toml"], d.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(d.path().join("tb.docx").is_file());
    let o = vbhc_bare(&["tb.docx"], d.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("0 lỗi"), "{}", stderr(&o));
    let o = vbhc_bare(&["rendr"], d.path());
    assert!(stderr(&o).contains("Cách dùng: vbhc "), "{}", stderr(&o));
}
