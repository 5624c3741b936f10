//! The office's config file (platform config folder, or `VBHC_CONFIG`): tone-mark style and a
//! templates folder; a broken config is refused with exit 78.

use crate::common::*;
use std::process::Command;

fn run(args: &[&str], dir: &std::path::Path, config: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vbhc"))
        .args(args)
        .current_dir(dir)
        .env("VBHC_CONFIG", config)
        .output()
        .unwrap()
}

#[test]
fn tone_style_from_config_and_draft() {
    let d = tempdir();
    let sk = blank_on_purpose(&stdout(&vbhc(&["new", "chi-thi"], d.path()))).replace(
        "Thời gian qua, …",
        "Thời gian qua, công tác hòa giải và thủy lợi.",
    );
    std::fs::write(d.path().join("a.toml"), &sk).unwrap();
    let cfg = d.path().join("config.toml");
    std::fs::write(&cfg, "kieu_dau = \"hoà\"\n").unwrap();
    let o = run(&["render", "a.toml"], d.path(), &cfg);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = paragraphs(&part(&d.path().join("a.docx"), "word/document.xml").unwrap()).join("\n");
    assert!(text.contains("hoà giải và thuỷ lợi"), "{text}");
    // vbhc's own sentences follow the style too: the standard closing names the organ.
    assert!(text.contains("Chủ tịch Uỷ ban nhân dân tỉnh"), "{text}");
    assert!(!text.contains("Ủy ban"), "{text}");
    // The draft's own setting wins over the office's.
    std::fs::write(d.path().join("b.toml"), format!("kieu_dau = \"hòa\"\n{sk}")).unwrap();
    let o = run(&["render", "b.toml"], d.path(), &cfg);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let text = paragraphs(&part(&d.path().join("b.docx"), "word/document.xml").unwrap()).join("\n");
    assert!(text.contains("hòa giải và thủy lợi"), "{text}");
}

#[test]
fn broken_config_is_refused_with_78() {
    let d = tempdir();
    let sk = blank_on_purpose(&stdout(&vbhc(&["new", "chi-thi"], d.path())));
    std::fs::write(d.path().join("a.toml"), &sk).unwrap();
    let cfg = d.path().join("config.toml");
    std::fs::write(&cfg, "kieu_dau = \"xyz\"\n").unwrap();
    let o = run(&["render", "a.toml"], d.path(), &cfg);
    assert_eq!(code(&o), 78, "{}", stderr(&o));
    assert!(stderr(&o).contains("CONFIG-INVALID"));
    std::fs::write(&cfg, "khoa_la = 1\n").unwrap();
    let o = run(&["new", "chi-thi"], d.path(), &cfg);
    assert_eq!(code(&o), 78, "{}", stderr(&o));
    assert!(!d.path().join("a.docx").exists());
}
