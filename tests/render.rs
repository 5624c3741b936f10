//! Rendering the samples with the real binary: every sample renders, the same draft gives the
//! same bytes, and the DOCX's XML matches the reviewed golden files (tests/README.md).

use crate::common::*;

#[test]
fn every_sample_renders_to_identical_bytes_twice() {
    let samples = samples();
    assert!(
        samples.len() >= 10,
        "five seeds and one sample per other kind"
    );
    let (a, b) = (tempdir(), tempdir());
    for s in &samples {
        let x = std::fs::read(render(s, a.path())).unwrap();
        let y = std::fs::read(render(s, b.path())).unwrap();
        assert!(x == y, "{} is not reproducible", s.display());
    }
}

/// The parts vbhc writes, compared after pretty-printing. Re-bless with `VBHC_BLESS=1`.
#[test]
fn rendered_xml_matches_golden_files() {
    let dir = tempdir();
    let mut golden = golden::Folder::new(root().join("tests/golden"))
        .except("corpus")
        .except("wider");
    for s in samples() {
        let docx = render(&s, dir.path());
        let stem = s.file_stem().unwrap().to_string_lossy().into_owned();
        let mut names: Vec<String> = part_names(&docx)
            .into_iter()
            .filter(|n| {
                n == "word/document.xml"
                    || n == "word/styles.xml"
                    || (n.starts_with("word/header") || n.starts_with("word/footer"))
                        && n.ends_with(".xml")
            })
            .collect();
        names.sort();
        for n in names {
            let got = pretty(&part(&docx, &n).unwrap());
            golden.check(
                std::path::Path::new(&stem).join(n.trim_start_matches("word/")),
                &got,
            );
        }
    }
    golden.finish();
}

#[test]
fn every_skeleton_renders_as_printed() {
    let dir = tempdir();
    let list = stdout(&vbhc(&["templates", "list"], dir.path()));
    let kinds: Vec<String> = list
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    assert_eq!(
        kinds.len(),
        vbhc::template::Templates::default().kinds().len(),
        "{list}"
    );
    // The 29 kinds of Điều 7 (quyết định counting once) and the thông báo kết luận.
    assert!(kinds.len() >= 30, "{list}");
    for lang in ["vi", "en"] {
        for k in &kinds {
            let o = vbhc(&["new", k, "--lang", lang], dir.path());
            assert_eq!(code(&o), 0);
            let draft = dir.path().join(format!("{k}-{lang}.toml"));
            std::fs::write(&draft, &o.stdout).unwrap();
            // Straight from `vbhc new`, the placeholders are errors naming their fields, and
            // nothing is written.
            let r = vbhc(&["render", draft.to_str().unwrap()], dir.path());
            let err = stderr(&r);
            assert_eq!(code(&r), 65, "skeleton of {k} ({lang}): {err}");
            assert!(
                err.contains("DRAFT-PLACEHOLDER") && err.contains("(trich_yeu)"),
                "{err}"
            );
            assert!(!draft.with_extension("docx").exists());
            // It renders as printed when the clerk insists (the errors still set the exit).
            let r = vbhc(
                &["render", draft.to_str().unwrap(), "--allow-errors"],
                dir.path(),
            );
            assert_eq!(
                code(&r),
                65,
                "skeleton of {k} ({lang}) does not render: {}",
                stderr(&r)
            );
            assert!(draft.with_extension("docx").is_file());
            // Every optional part with a standard wording says how to leave it out.
            let sk = stdout(&o);
            let tp = vbhc::template::Templates::default().get(k).unwrap();
            assert!(
                !tp.body.contains(vbhc::template::OFF_PREFIX)
                    || sk.contains(if lang == "vi" {
                        "= false`: bỏ hẳn"
                    } else {
                        "= false`: left out"
                    }),
                "{k} ({lang})"
            );
        }
    }
    // The skeleton lists every declared field with its explanation.
    let sk = stdout(&vbhc(&["new", "chi-thi"], dir.path()));
    for f in [
        "loai",
        "co_quan",
        "trich_yeu",
        "noi_nhan",
        "luu",
        "nhiem_vu",
        "doi_tuong",
        "(bắt buộc)",
    ] {
        assert!(sk.contains(f), "skeleton lacks {f}");
    }
    // A kind's own examples for core fields: the Văn phòng issues and its Chánh signs.
    let sk = stdout(&vbhc(&["new", "thong-bao-ket-luan"], dir.path()));
    assert!(sk.contains("chuc_vu = \"CHÁNH VĂN PHÒNG\""), "{sk}");
    assert!(sk.contains("\nchu_quan = \"UBND TỈNH"), "{sk}");
}

/// The two chỉ thị seeds are full texts: every body sentence must survive into the document,
/// normalised as vbhc normalises (NFC, spacing, tone marks, qui → quy).
#[test]
fn seed_sentences_survive_normalisation() {
    let norm = vbhc::text::Normalizer::default();
    let dir = tempdir();
    for (sample, seed, from, until) in [
        (
            "chi-thi-tien-giang-2014.toml",
            "chi-thi_tien-giang_2014.txt",
            "Những năm qua",
            "CHỦ TỊCH",
        ),
        (
            "chi-thi-bac-lieu-1998.toml",
            "chi-thi_bac-lieu_1998.txt",
            "Trong những năm qua",
            "Nơi nhận",
        ),
    ] {
        let docx = render(&root().join("samples").join(sample), dir.path());
        let text = paragraphs(&part(&docx, "word/document.xml").unwrap()).join("\n");
        let seed_text = std::fs::read_to_string(root().join("tests/corpus/seeds").join(seed))
            .expect("tests/corpus/seeds");
        let start = seed_text.find(from).expect("body start");
        let end = seed_text[start..]
            .find(until)
            .map_or(seed_text.len(), |e| start + e);
        let mut checked = 0;
        for line in seed_text[start..end].lines() {
            let want = norm.text(line).unwrap();
            if want.chars().count() < 30 {
                continue;
            }
            checked += 1;
            assert!(
                text.contains(&want),
                "{sample}: seed sentence missing:\n{want}"
            );
        }
        assert!(checked >= 8, "{sample}: only {checked} sentences checked");
    }
}

#[test]
fn text_fields_escape_xml_and_markup_characters() {
    let dir = tempdir();
    let nasty = r#"A & B <C> "D" 'E' **F** *G* | H | [[slot: x]] \ 1. I"#;
    let esc = nasty.replace('\\', "\\\\").replace('"', "\\\"");
    let draft = format!(
        r#"loai = "chi-thi"
dia_danh = "{esc}"
ngay = "2026"
trich_yeu = "{esc}"
noi_nhan = ["{esc}"]
luu = "VT, {esc}"
nguoi_soan = "{esc}"
doi_tuong = "{esc}"
muc_tieu = "{esc}"
chu_the = "{esc}"
tinh_hinh = "Đoạn mở đầu."
nhiem_vu = "1. Việc một."
[co_quan]
chu_quan = "{esc}"
ten = ["{esc}"]
viet_tat = "UBND"
[ky]
quyen_han = ["KT. {esc}"]
chuc_vu = "{esc}"
ho_ten = "{esc}"
"#
    );
    let path = dir.path().join("nasty.toml");
    std::fs::write(&path, draft).unwrap();
    let o = vbhc(&["render", "nasty.toml"], dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let xml = part(&dir.path().join("nasty.docx"), "word/document.xml").unwrap();
    let paras = paragraphs(&xml);
    // The value (normalised: straight quotes curled) comes back character for character.
    let shown = vbhc::text::Normalizer::default().text(nasty).unwrap();
    let upper = vbhc::text::upper(&shown);
    for want in [&shown, &upper] {
        assert!(
            paras.iter().any(|p| p.contains(want.as_str())),
            "{want} not found in {paras:#?}"
        );
    }
    assert!(!xml.contains("<C>"), "XML not escaped");
    // No text field became a khoản, bold run or slot: no bold run carries the value's letters
    // except where the layout makes the whole line bold.
    assert!(paras.iter().all(|p| !p.starts_with("1. I")));
}

#[test]
fn notepad_drafts_with_bom_and_crlf_load() {
    let dir = tempdir();
    let sk = blank_on_purpose(&stdout(&vbhc(&["new", "cong-van"], dir.path())));
    let crlf = format!("\u{feff}{}", sk.replace('\n', "\r\n"));
    std::fs::write(dir.path().join("win.toml"), crlf).unwrap();
    let o = vbhc(&["render", "win.toml"], dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn json_drafts_render_like_toml() {
    let dir = tempdir();
    let sk = blank_on_purpose(&stdout(&vbhc(&["new", "chi-thi"], dir.path())));
    let v: toml::Value = toml::from_str(&sk).unwrap();
    std::fs::write(dir.path().join("a.toml"), &sk).unwrap();
    std::fs::write(
        dir.path().join("a.json"),
        serde_json::to_string_pretty(&v).unwrap(),
    )
    .unwrap();
    assert_eq!(
        code(&vbhc(&["render", "a.toml", "-o", "t.docx"], dir.path())),
        0
    );
    let o = vbhc(&["render", "a.json", "-o", "j.docx"], dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        std::fs::read(dir.path().join("t.docx")).unwrap(),
        std::fs::read(dir.path().join("j.docx")).unwrap()
    );
}

#[test]
fn json_format_reports_in_the_shared_schema() {
    let dir = tempdir();
    let sk = blank_on_purpose(&stdout(&vbhc(&["new", "chi-thi"], dir.path())));
    std::fs::write(dir.path().join("a.toml"), sk).unwrap();
    let o = vbhc(&["render", "a.toml", "--format", "json"], dir.path());
    assert_eq!(code(&o), 0);
    let last = stdout(&o).lines().last().unwrap().to_string();
    let v: serde_json::Value = serde_json::from_str(&last).unwrap();
    assert_eq!(v["schema"], "vbhc/1");
    assert_eq!(v["type"], "summary");
    assert_eq!(v["exit"], 0);
    assert!(v["outputs"][0].as_str().unwrap().ends_with("a.docx"));
}

/// Every text field of every kind, filled with XML and markup characters: the document renders,
/// its XML is well-formed, and the characters come back as text, never as structure.
#[test]
fn every_text_field_of_every_kind_is_escaped() {
    let dir = tempdir();
    let nasty = r#"X & Y <Z> "Q" **B** *I* | T | [[slot: s]] \ 1. K"#;
    let shown = vbhc::text::Normalizer::default().text(nasty).unwrap();
    let templates = vbhc::template::Templates::default();
    for kind in templates.kinds() {
        let t = templates.get(kind).unwrap();
        let sk = blank_on_purpose(&stdout(&vbhc(&["new", kind], dir.path())));
        let mut v: toml::Table = toml::from_str(&sk).unwrap();
        let mut n = 0;
        for f in t
            .fields
            .iter()
            .filter(|f| f.kind == vbhc::template::FieldKind::Text)
        {
            v.insert(f.name.clone(), toml::Value::String(nasty.into()));
            n += 1;
        }
        for core in ["trich_yeu", "dia_danh"] {
            v.insert(core.into(), toml::Value::String(nasty.into()));
        }
        let file = dir.path().join(format!("{kind}.toml"));
        std::fs::write(&file, toml::to_string(&v).unwrap()).unwrap();
        let o = vbhc(&["render", file.to_str().unwrap()], dir.path());
        assert_eq!(code(&o), 0, "{kind}: {}", stderr(&o));
        let xml = part(&file.with_extension("docx"), "word/document.xml").unwrap();
        let paras = paragraphs(&xml);
        let hits = paras.iter().filter(|p| p.contains(&shown)).count();
        assert!(
            hits > usize::from(n > 0),
            "{kind}: the value came back {hits} times"
        );
        assert!(!xml.contains("<Z>"));
    }
}

/// The package is whole: every part a content-type override or a relationship names is in the
/// zip, and every XML part in the zip is declared (the packing pass drops docx-rs's unused parts
/// and must drop their declarations with them).
#[test]
fn every_declared_part_exists_and_every_part_is_declared() {
    let dir = tempdir();
    for s in samples() {
        let docx = render(&s, dir.path());
        let names = part_names(&docx);
        let types = part(&docx, "[Content_Types].xml").unwrap();
        for chunk in types.split("PartName=\"").skip(1) {
            let p = chunk.split('"').next().unwrap().trim_start_matches('/');
            assert!(
                names.iter().any(|n| n == p),
                "{}: override for missing {p}",
                s.display()
            );
        }
        for n in names
            .iter()
            .filter(|n| n.ends_with(".xml") && *n != "[Content_Types].xml")
        {
            assert!(
                types.contains(&format!("PartName=\"/{n}\"")),
                "{}: {n} has no content type",
                s.display()
            );
        }
        for rels in names.iter().filter(|n| n.ends_with(".rels")) {
            let base = rels
                .trim_end_matches(".rels")
                .replace("_rels/", "")
                .rsplit_once('/')
                .map_or(String::new(), |(d, _)| format!("{d}/"));
            let x = part(&docx, rels).unwrap();
            for chunk in x.split("Target=\"").skip(1) {
                let t = chunk.split('"').next().unwrap();
                let full = format!("{base}{t}");
                assert!(
                    names.contains(&full),
                    "{}: {rels} points at missing {full}",
                    s.display()
                );
            }
        }
    }
}

/// The document is an ordinary file: the same permissions as any file the user creates there
/// (not the private mode of the temporary file it was written through).
#[cfg(unix)]
#[test]
fn output_has_the_permissions_of_a_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempdir();
    let out = render(&samples()[0], dir.path());
    let reference = dir.path().join("reference.txt");
    std::fs::write(&reference, "x").unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out), mode(&reference));
}

/// The draft the README shows renders as it stands.
#[test]
fn readme_example_renders() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("```toml\n")
        .expect("a TOML example in the README")
        + 8;
    let end = start + readme[start..].find("```").unwrap();
    let dir = tempdir();
    std::fs::write(dir.path().join("readme.toml"), &readme[start..end]).unwrap();
    let o = vbhc(&["render", "readme.toml"], dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}
