//! `vbhc check`, `vbhc rules` and the checker inside `vbhc render`, run as a clerk runs them.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::Path;

/// The JSON Lines of a run: its findings (code → severity) and its summary record.
fn json_run(args: &[&str], dir: &Path) -> (BTreeMap<String, String>, serde_json::Value) {
    let mut a = args.to_vec();
    a.extend(["--format", "json"]);
    let o = vbhc(&a, dir);
    let mut found = BTreeMap::new();
    let mut summary = serde_json::Value::Null;
    for l in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
        assert_eq!(v["schema"], "vbhc/1", "{l}");
        match v["type"].as_str() {
            Some("finding") => {
                found.insert(
                    v["code"].as_str().unwrap().to_string(),
                    v["severity"].as_str().unwrap().to_string(),
                );
            }
            Some("summary") => summary = v,
            _ => panic!("unexpected record {l}"),
        }
    }
    assert_eq!(summary["exit"], code(&o), "{}", stderr(&o));
    (found, summary)
}

/// Every sample is clean, as a draft and as the DOCX vbhc writes from it; the only findings are
/// the notes of a number and day left for signing, and the draft and its DOCX get the same ones:
/// one rule set judges both.
#[test]
fn every_sample_checks_clean_as_draft_and_as_docx() {
    let dir = tempdir();
    for s in samples() {
        let (mut draft, sum) = json_run(&["check", s.to_str().unwrap()], dir.path());
        assert_eq!(sum["errors"], 0, "{}: {draft:?}", s.display());
        assert_eq!(sum["warnings"], 0, "{}: {draft:?}", s.display());
        // A sample blank on purpose (`cho_trong = true`) has its blanks noted in the draft; the
        // DOCX has no draft to point back to.
        draft.remove("DRAFT-PLACEHOLDER");
        for code in draft.keys() {
            assert!(
                ["ND30-SO-BLANK", "ND30-DATE-BLANK"].contains(&code.as_str()),
                "{}: {code}",
                s.display()
            );
        }
        let docx = render(&s, dir.path());
        let (read_back, sum) = json_run(&["check", docx.to_str().unwrap()], dir.path());
        assert_eq!(sum["exit"], 0, "{}: {read_back:?}", docx.display());
        assert_eq!(draft, read_back, "{}: draft and DOCX disagree", s.display());
    }
}

/// A template of the office's own that prints the tên loại in lower case: `render` names the
/// rule, writes nothing and exits 1; `--allow-errors` writes it (still exit 1), and `check` finds
/// the same rule in the draft and in the DOCX.
#[test]
fn render_refuses_error_findings_unless_allowed() {
    let dir = tempdir();
    let tpl = dir.path().join("mau");
    std::fs::create_dir(&tpl).unwrap();
    let own = std::fs::read_to_string(root().join("templates/chi-thi.hbs"))
        .unwrap()
        .replace(r#"ten_loai = "CHỈ THỊ""#, r#"ten_loai = "Chỉ thị""#);
    std::fs::write(tpl.join("chi-thi.hbs"), own).unwrap();
    let sample = root().join("samples/chi-thi-tien-giang-2014.toml");
    let out = dir.path().join("ct.docx");
    let args = [
        "render",
        "--templates",
        "mau",
        sample.to_str().unwrap(),
        "-o",
        "ct.docx",
    ];
    let o = vbhc(&args, dir.path());
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("ND30-TEN-LOAI"), "{}", stderr(&o));
    assert!(stderr(&o).contains("--allow-errors"), "{}", stderr(&o));
    assert!(!out.exists(), "nothing is written");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );

    let mut allowed = args.to_vec();
    allowed.push("--allow-errors");
    let o = vbhc(&allowed, dir.path());
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(out.exists(), "{}", stderr(&o));

    let (draft, _) = json_run(
        &["check", "--templates", "mau", sample.to_str().unwrap()],
        dir.path(),
    );
    let (docx, sum) = json_run(&["check", "ct.docx"], dir.path());
    assert_eq!(
        draft.get("ND30-TEN-LOAI").map(String::as_str),
        Some("error")
    );
    assert_eq!(draft, docx);
    assert_eq!(sum["exit"], 1);
}

/// The human report: the compiler-like line with file, part and paragraph, the rule, the
/// measured value beside the allowed one, the paragraph quoted; plain text when not a terminal;
/// English with `--lang en`; a per-file tally.
#[test]
fn human_report_names_the_place_and_the_measure() {
    let dir = tempdir();
    let f = root().join("tests/corpus/real-docx/cong-van-ubnd-tinh-chi-dao.docx");
    let o = vbhc(&["check", f.to_str().unwrap()], dir.path());
    assert_eq!(code(&o), 0);
    let err = stderr(&o);
    assert!(!err.contains('\u{1b}'), "no colour into a pipe: {err}");
    for want in [
        "cong-van-ubnd-tinh-chi-dao.docx [word/document.xml ¶7, khoảng trang 1]",
        "cảnh báo[ND30-QUOC-HIEU-SIZE]: Quốc hiệu cỡ 13,5 pt, Nghị định 30 quy định 12–13 pt",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "đo được 13,5 pt; cho phép 12–13 pt",
        "ghi chú[ND30-SO-BLANK]",
        "0 lỗi, 6 cảnh báo, 2 ghi chú",
    ] {
        assert!(err.contains(want), "{want:?} not in\n{err}");
    }
    let o = vbhc(&["check", "--lang", "en", f.to_str().unwrap()], dir.path());
    let err = stderr(&o);
    for want in [
        "warning[ND30-QUOC-HIEU-SIZE]: the Quốc hiệu is 13.5 pt, Decree 30 asks 12–13 pt (measured 13.5 pt; allowed 12–13 pt)",
        "0 error(s), 6 warning(s), 2 note(s)",
        "[word/document.xml ¶7, about page 1]",
    ] {
        assert!(err.contains(want), "{want:?} not in\n{err}");
    }
}

/// In a long document a finding names the page it is on (estimated from sizes and spacing)
/// besides the paragraph and its first words: in the 38-page appraisal notice the point `e)`
/// out of order (¶54) is on page 4, where LibreOffice prints it too.
#[test]
fn findings_in_a_long_document_name_their_page() {
    let dir = tempdir();
    let f = root().join("tests/corpus/real-docx/TB-tham-dinh-TKXD-04-phu-luc-NM-tinh-dau-que.docx");
    let o = vbhc(
        &["check", "--format", "json", f.to_str().unwrap()],
        dir.path(),
    );
    let found = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["location"]["paragraph"] == 54)
        .expect("a finding on ¶54");
    assert_eq!(found["location"]["page"], 4, "{found}");
    assert!(
        found["location"]["quote"]
            .as_str()
            .unwrap()
            .starts_with("e) C"),
        "{found}"
    );
    let o = vbhc(&["check", f.to_str().unwrap()], dir.path());
    assert!(
        stderr(&o).contains("¶54, khoảng trang 4]"),
        "{}",
        stderr(&o)
    );
}

/// `vbhc rules` lists every rule of the table once, with both languages and the reason for its
/// severity.
#[test]
fn rules_lists_every_rule() {
    let dir = tempdir();
    let o = vbhc(&["rules", "--format", "json"], dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut codes = Vec::new();
    for l in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        if v["type"] != "rule" {
            continue;
        }
        for k in ["title", "why"] {
            for lang in ["vi", "en"] {
                assert!(!v[k][lang].as_str().unwrap().is_empty(), "{l}");
            }
        }
        assert!(
            ["error", "warning", "note"].contains(&v["severity"].as_str().unwrap()),
            "{l}"
        );
        codes.push(v["code"].as_str().unwrap().to_string());
    }
    let table: Vec<String> = vbhc::check::rules::RULES
        .iter()
        .map(|r| r.code.to_string())
        .collect();
    assert_eq!(codes, table);
    let human = stdout(&vbhc(&["rules"], dir.path()));
    assert!(human.contains("ND30-DATE-PAD"), "{human}");
    assert!(human.contains("Lề dưới 20–25 mm"), "{human}");
}

/// The rule table of docs/checker.md lists exactly the rules the checker knows.
#[test]
fn the_documented_rule_table_is_the_real_one() {
    let doc = std::fs::read_to_string(root().join("docs/checker.md")).unwrap();
    let documented: Vec<&str> = doc
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    let table: Vec<&str> = vbhc::check::rules::RULES.iter().map(|r| r.code).collect();
    assert_eq!(documented, table, "regenerate the table from `vbhc rules`");
}

/// `vbhc check` on a draft makes the document as `render` does (one path, `produce::make`):
/// the same findings in the same order — layout, then the checker, then the plugin's rules.
#[test]
fn check_on_a_draft_lists_what_render_lists_in_its_order() {
    let dir = tempdir();
    let src = std::fs::read_to_string(root().join("samples/chi-thi-lang-son-2026.toml"))
        .unwrap()
        .replace("so = 12\n", "")
        .replace(r#"luu = "VT, KT""#, r#"luu = "VT, XYZ""#);
    std::fs::write(dir.path().join("ct.toml"), src).unwrap();
    let codes = |args: &[&str]| -> Vec<String> {
        let mut a = args.to_vec();
        a.extend(["--format", "json"]);
        let o = vbhc(&a, dir.path());
        stdout(&o)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v["type"] == "finding")
            .map(|v| v["code"].as_str().unwrap().to_string())
            .collect()
    };
    let mut render = codes(&["render", "ct.toml", "-o", "ct.docx"]);
    let check = codes(&["check", "ct.toml"]);
    // Said once by a render or batch run that trusts the demo key, not a finding of the draft.
    render.retain(|c| c != "PLUGIN-DEMO-KEY");
    let at = |v: &[String], c: &str| v.iter().position(|x| x == c);
    let (note, rule) = (
        at(&render, "ND30-SO-BLANK").expect("the checker's note"),
        at(&render, "LANG-SON-LUU-DON-VI").expect("the plugin's warning"),
    );
    assert!(
        note < rule,
        "the checker's note, then the plugin's warning: {render:?}"
    );
    assert_eq!(check, render);
}
