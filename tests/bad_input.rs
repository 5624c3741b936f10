//! Bad input never panics, never writes a partial file and never overwrites: each class gets a
//! message naming file, line, column and field, and its exit code from the shared table.

use crate::common::*;
use std::path::Path;

/// A valid chỉ thị draft (the skeleton) with one edit applied.
fn draft_with(dir: &Path, name: &str, edit: impl Fn(String) -> String) -> String {
    let sk = blank_on_purpose(&stdout(&vbhc(&["new", "chi-thi"], dir)));
    let text = edit(sk);
    std::fs::write(dir.join(name), text).unwrap();
    name.to_string()
}

/// The skeleton with the line `key = …` replaced by `key = value` (the value as written).
fn set_line(s: &str, key: &str, value: &str) -> String {
    let prefix = format!("{key} = ");
    let mut found = false;
    let out: Vec<String> = s
        .lines()
        .map(|l| {
            if !found && l.starts_with(&prefix) {
                found = true;
                format!("{prefix}{value}")
            } else {
                l.to_string()
            }
        })
        .collect();
    assert!(found, "the skeleton has no `{key} = ` line");
    out.join("\n") + "\n"
}

/// Runs `render`, checks the exit code, that nothing was written, and returns stderr.
fn fails(dir: &Path, file: &str, exit: i32) -> String {
    let o = vbhc(&["render", file], dir);
    let err = stderr(&o);
    assert_eq!(code(&o), exit, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let out = Path::new(file).with_extension("docx");
    assert!(
        !dir.join(out).exists(),
        "a document was written despite the error"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".vbhc-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
    err
}

#[test]
fn toml_syntax_error() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| set_line(&s, "luu", "\"VT, TH"));
    let err = fails(d.path(), &f, 65);
    assert!(
        err.contains("a.toml:") && err.contains("DRAFT-SYNTAX"),
        "{err}"
    );
}

#[test]
fn unknown_field_with_did_you_mean() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| {
        s.replace("trich_yeu =", "trich_yue =")
    });
    let err = fails(d.path(), &f, 65);
    assert!(
        err.contains("DRAFT-UNKNOWN-FIELD") && err.contains("trich_yue"),
        "{err}"
    );
    assert!(err.contains("có phải `trich_yeu`?"), "{err}");
    // Line and column of the key.
    let line = std::fs::read_to_string(d.path().join("a.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("trich_yue"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("a.toml:{line}:1 (trich_yue)")),
        "{err}"
    );
    // In English too.
    let o = vbhc(&["render", "a.toml", "--lang", "en"], d.path());
    assert!(
        stderr(&o).contains("did you mean `trich_yeu`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn unknown_nested_field() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| s.replace("ho_ten =", "hoten ="));
    let err = fails(d.path(), &f, 65);
    assert!(
        err.contains("ky.hoten") && err.contains("ky.ho_ten"),
        "{err}"
    );
}

#[test]
fn missing_required_field() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| {
        s.lines()
            .filter(|l| !l.starts_with("dia_danh"))
            .collect::<Vec<_>>()
            .join("\n")
    });
    let err = fails(d.path(), &f, 65);
    assert!(
        err.contains("DRAFT-MISSING-FIELD") && err.contains("dia_danh"),
        "{err}"
    );
}

#[test]
fn impossible_date() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| {
        s.replace("ngay = \"2026\"", "ngay = \"2026-02-30\"")
    });
    let err = fails(d.path(), &f, 65);
    assert!(
        err.contains("DRAFT-DATE") && err.contains("30/2/2026") && err.contains("(ngay)"),
        "{err}"
    );
}

#[test]
fn malformed_number() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| {
        s.replace("# so = 12", "so = \"12a\"")
    });
    let err = fails(d.path(), &f, 65);
    assert!(err.contains("DRAFT-NUMBER") && err.contains("12a"), "{err}");
}

#[test]
fn malformed_ky_hieu() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| {
        s.replace("# ky_hieu = \"HD-CAT-PV05\"", "ky_hieu = \"CT UBND\"")
    });
    let err = fails(d.path(), &f, 65);
    assert!(
        err.contains("DRAFT-KY-HIEU") && err.contains("(ky_hieu)"),
        "{err}"
    );
}

#[test]
fn unknown_kind() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| {
        s.replace("loai = \"chi-thi\"", "loai = \"chi-thii\"")
    });
    let err = fails(d.path(), &f, 65);
    assert!(
        err.contains("DRAFT-UNKNOWN-KIND")
            && err.contains("có phải `chi-thi`?")
            && err.contains("a.toml:"),
        "{err}"
    );
    let o = vbhc(&["new", "cong-vn"], d.path());
    assert_eq!(code(&o), 65);
}

#[test]
fn empty_body() {
    let d = tempdir();
    // Every part of a chỉ thị is optional, but a document needs some text of its own.
    let f = draft_with(d.path(), "a.toml", |mut s| {
        for key in ["tinh_hinh", "nhiem_vu"] {
            let start = s.find(&format!("{key} = \"\"\"")).unwrap();
            let end = start + s[start..].find("\"\"\"\n\n").unwrap() + 4;
            s = format!("{}{key} = \"\"\n{}", &s[..start], &s[end..]);
        }
        s
    });
    let err = fails(d.path(), &f, 65);
    assert!(
        err.contains("DRAFT-EMPTY-BODY") && err.contains("nhiem_vu"),
        "{err}"
    );
}

#[test]
fn control_character() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| {
        set_line(&s, "trich_yeu", "\"Về việc \\u0007…\"")
    });
    let err = fails(d.path(), &f, 65);
    assert!(
        err.contains("DRAFT-CONTROL-CHAR") && err.contains("U+0007"),
        "{err}"
    );
}

#[test]
fn wrong_type() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| set_line(&s, "luu", "5"));
    let err = fails(d.path(), &f, 65);
    assert!(err.contains("DRAFT-TYPE") && err.contains("`luu`"), "{err}");
}

#[test]
fn bad_authority_line() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| {
        s.replace(
            "quyen_han = [\"KT. CHỦ TỊCH\"]",
            "quyen_han = [\"CHỦ TỊCH\"]",
        )
    });
    let err = fails(d.path(), &f, 65);
    assert!(err.contains("DRAFT-QUYEN-HAN"), "{err}");
}

#[test]
fn template_using_an_undeclared_field() {
    let d = tempdir();
    let tdir = d.path().join("mau");
    std::fs::create_dir(&tdir).unwrap();
    let src = std::fs::read_to_string(root().join("templates/chi-thi.hbs")).unwrap();
    std::fs::write(
        tdir.join("chi-thi.hbs"),
        format!("{src}\n{{{{khong_khai_bao}}}}\n"),
    )
    .unwrap();
    let f = draft_with(d.path(), "a.toml", |s| s);
    let o = vbhc(&["render", &f, "--templates", "mau"], d.path());
    let err = stderr(&o);
    assert_eq!(code(&o), 65, "{err}");
    assert!(
        err.contains("TEMPLATE-INVALID")
            && err.contains("khong_khai_bao")
            && err.contains("chi-thi.hbs:"),
        "{err}"
    );
    assert!(!d.path().join("a.docx").exists());
}

#[test]
fn missing_file_and_directory() {
    let d = tempdir();
    let err = fails(d.path(), "khong-co.toml", 66);
    assert!(err.contains("INPUT-MISSING"), "{err}");
    std::fs::create_dir(d.path().join("thu-muc.toml")).unwrap();
    let o = vbhc(&["render", "thu-muc.toml"], d.path());
    assert_eq!(code(&o), 66);
    assert!(stderr(&o).contains("thư mục"), "{}", stderr(&o));
}

#[test]
fn never_overwrites_without_force() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| s);
    std::fs::write(d.path().join("a.docx"), b"old").unwrap();
    let o = vbhc(&["render", &f], d.path());
    assert_eq!(code(&o), 73, "{}", stderr(&o));
    assert_eq!(std::fs::read(d.path().join("a.docx")).unwrap(), b"old");
    let o = vbhc(&["render", &f, "--force"], d.path());
    assert_eq!(code(&o), 0);
    assert_ne!(std::fs::read(d.path().join("a.docx")).unwrap(), b"old");
}

#[test]
fn output_folder_missing() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| s);
    let o = vbhc(&["render", &f, "-o", "khong/co/a.docx"], d.path());
    assert_eq!(code(&o), 73, "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_2() {
    let d = tempdir();
    assert_eq!(code(&vbhc(&["render"], d.path())), 2);
    assert_eq!(code(&vbhc(&["khong-co-lenh"], d.path())), 2);
}

#[test]
fn not_utf8() {
    let d = tempdir();
    std::fs::write(
        d.path().join("a.toml"),
        b"loai = \"chi-thi\"\ntrich_yeu = \"V\xe8 vi\xeac\"\n",
    )
    .unwrap();
    let err = fails(d.path(), "a.toml", 65);
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn all_errors_at_once() {
    let d = tempdir();
    let f = draft_with(d.path(), "a.toml", |s| {
        s.replace("trich_yeu =", "trich_yue =")
            .replace("ngay = \"2026\"", "ngay = \"2026-13-01\"")
    });
    let err = fails(d.path(), &f, 65);
    assert!(
        err.contains("DRAFT-UNKNOWN-FIELD") && err.contains("DRAFT-DATE"),
        "{err}"
    );
}
