//! Province plugins through the CLI: the real ones supply and judge, hostile ones fail as
//! findings that name the plugin, the call and the document, refusals exit 78, and a good
//! plugin still works in the same process after a bad one.

mod common;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// A plugin folder in `dir` for test plugin `name` (tests/plugins/wasm/<name>.wasm), with a
/// manifest carrying its true hash. Unsigned.
fn test_plugin(dir: &Path, name: &str, id: &str) -> PathBuf {
    let wasm = std::fs::read(
        root()
            .join("tests/plugins/wasm")
            .join(format!("{name}.wasm")),
    )
    .expect("test plugin built (tests/plugins/build.sh)");
    let pdir = dir.join(format!("p-{name}"));
    std::fs::create_dir_all(&pdir).unwrap();
    std::fs::write(pdir.join(format!("{name}.wasm")), &wasm).unwrap();
    let sha = vbhc::plugin::manifest::sha256_hex(&wasm);
    let api = if name == "api-two" { "2.0.0" } else { "1.0.0" };
    std::fs::write(
        pdir.join("plugin.toml"),
        format!(
            "id = \"{id}\"\nname = \"Hostile\"\nversion = \"1.0.0\"\nprovince = \"Nowhere\"\napi = \"{api}\"\nwasm = \"{name}.wasm\"\nsha256 = \"{sha}\"\n"
        ),
    )
    .unwrap();
    pdir
}

/// A copy of a repository plugin (signed with the demo key) that a test may tamper with.
fn copy_repo_plugin(dir: &Path, id: &str) -> PathBuf {
    let from = root().join("plugins/dist").join(id);
    let to = dir.join(format!("copy-{id}"));
    std::fs::create_dir_all(&to).unwrap();
    for e in std::fs::read_dir(&from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
    to
}

fn demo_key() -> String {
    root().join("plugins/keys/demo.pub").display().to_string()
}

/// The Tiền Giang sample naming plugin `id`: every field the plugin could supply is in the
/// draft already, so only the plugin's behaviour matters.
fn draft_naming(dir: &Path, id: &str) -> PathBuf {
    let src = std::fs::read_to_string(root().join("samples/chi-thi-tien-giang-2014.toml")).unwrap();
    let src = src.replacen(
        "loai = \"chi-thi\"",
        &format!("loai = \"chi-thi\"\nplugin = \"{id}\""),
        1,
    );
    let p = dir.join(format!("draft-{id}.toml"));
    std::fs::write(&p, src).unwrap();
    p
}

/// The JSON records of a run: findings, plugin records, the summary.
fn records(out: &std::process::Output) -> (Vec<Value>, Vec<Value>, Value) {
    let mut findings = Vec::new();
    let mut plugins = Vec::new();
    let mut summary = Value::Null;
    for l in stdout(out).lines() {
        let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
        match v["type"].as_str() {
            Some("finding") => findings.push(v),
            Some("plugin") => plugins.push(v),
            Some("summary") => summary = v,
            _ => panic!("unexpected record {l}"),
        }
    }
    (findings, plugins, summary)
}

fn with_short_budget(dir: &Path) {
    // Tests assert what a timeout produces, not how long it takes: a small budget keeps them quick.
    std::fs::write(
        dir.join(".no-config.toml"),
        "[plugin]\nthoi_gian_ms = 200\nbo_nho_mb = 32\n",
    )
    .unwrap();
}

/// Each hostile plugin fails its document with the finding its fault deserves; the document is
/// not written; the next draft in the same run, with a real plugin, is written.
#[test]
fn hostile_plugins_become_findings_and_the_next_document_is_written() {
    let cases: &[(&str, &str, &str)] = &[
        ("hostile-loop", "PLUGIN-TIMEOUT", "`defaults`"),
        ("hostile-memory", "PLUGIN-MEMORY", "`defaults`"),
        ("hostile-panic", "PLUGIN-PANIC", "cố ý dừng: kind chi-thi"),
        ("hostile-huge-list", "PLUGIN-OUTPUT", "100000"),
        ("hostile-huge-string", "PLUGIN-OUTPUT", "`defaults`"),
        ("hostile-recursion", "PLUGIN-STACK", "`defaults`"),
        ("hostile-bigstack", "PLUGIN-", "`defaults`"),
        ("hostile-bad-code", "PLUGIN-OUTPUT", "ND30-FONT"),
        ("hostile-sleep", "PLUGIN-TRAP", "sleep"),
    ];
    for (name, code, needle) in cases {
        let dir = tempdir();
        with_short_budget(dir.path());
        let p = test_plugin(dir.path(), name, name);
        let bad = draft_naming(dir.path(), name);
        let good = root().join("samples/chi-thi-lang-son-2026.toml");
        let good_out = dir.path().join("good.docx");
        let o = vbhc_bare(
            &[
                "--format",
                "json",
                "--allow-unsigned",
                "--plugin",
                p.to_str().unwrap(),
                "--plugin",
                root().join("plugins/dist/lang-son").to_str().unwrap(),
                "--trust-key",
                &demo_key(),
                "render",
                bad.to_str().unwrap(),
                good.to_str().unwrap(),
                "--force",
            ],
            dir.path(),
        );
        let (findings, plugins, summary) = records(&o);
        let failure: Vec<&Value> = findings
            .iter()
            .filter(|f| f["code"].as_str().unwrap().starts_with("PLUGIN-"))
            .collect();
        assert_eq!(failure.len(), 1, "{name}: {findings:?}");
        let f = failure[0];
        let c = f["code"].as_str().unwrap();
        assert!(c.starts_with(code), "{name}: {c}");
        let m = f["message"]["vi"].as_str().unwrap();
        assert!(m.contains(&format!("plugin {name} 1.0.0")), "{name}: {m}");
        assert!(m.contains(&bad.display().to_string()), "{name}: {m}");
        let en = f["message"]["en"].as_str().unwrap();
        assert!(
            m.contains(needle) || en.contains(needle),
            "{name}: {m} / {en}"
        );
        assert_eq!(f["plugin"]["id"], *name);
        assert!(
            !bad.with_extension("docx").exists(),
            "{name}: half a document"
        );
        // The good draft after it: written, with the real plugin's provenance.
        assert_eq!(summary["exit"], 1, "{name}: {summary}");
        let outputs = summary["outputs"].as_array().unwrap();
        assert_eq!(outputs.len(), 1, "{name}: {summary}");
        assert!(good.with_extension("docx").exists() || good_out.exists() || !outputs.is_empty());
        assert!(plugins.iter().any(|p| p["id"] == "lang-son"), "{name}");
        let _ = std::fs::remove_file(good.with_extension("docx"));
    }
}

#[test]
fn bigstack_is_a_stack_or_bounds_trap() {
    let dir = tempdir();
    let p = test_plugin(dir.path(), "hostile-bigstack", "hostile-bigstack");
    let d = draft_naming(dir.path(), "hostile-bigstack");
    let o = vbhc_bare(
        &[
            "--format",
            "json",
            "--allow-unsigned",
            "--plugin",
            p.to_str().unwrap(),
            "render",
            d.to_str().unwrap(),
        ],
        dir.path(),
    );
    let (findings, _, _) = records(&o);
    let en = findings[0]["message"]["en"].as_str().unwrap();
    assert!(
        en.contains("out of bounds") || en.contains("overflowed its stack"),
        "{en}"
    );
}

/// Refusals before any document is touched: exit 78 with the reason.
#[test]
fn bad_plugins_are_refused_with_78() {
    let dir = tempdir();
    let run = |args: &[&str], d: &Path| {
        let o = vbhc_bare(&[&["--format", "json"], args].concat(), dir.path());
        let (findings, _, summary) = records(&o);
        let _ = d;
        (code(&o), findings, summary)
    };
    let draft = draft_naming(dir.path(), "lang-son");
    let dstr = draft.to_str().unwrap().to_string();
    let key = demo_key();

    // The wasm changed after signing: its hash is not the manifest's.
    let tampered = copy_repo_plugin(dir.path(), "lang-son");
    let w = tampered.join("lang-son.wasm");
    let mut bytes = std::fs::read(&w).unwrap();
    let n = bytes.len();
    bytes[n - 10] ^= 0xff;
    std::fs::write(&w, bytes).unwrap();
    let (c, f, _) = run(
        &[
            "--plugin",
            tampered.to_str().unwrap(),
            "--trust-key",
            &key,
            "render",
            &dstr,
        ],
        &draft,
    );
    assert_eq!((c, f[0]["code"].as_str().unwrap()), (78, "PLUGIN-HASH"));

    // The manifest changed after signing: the signature no longer matches.
    let edited = copy_repo_plugin(dir.path(), "ca-mau");
    let m = edited.join("plugin.toml");
    let s = std::fs::read_to_string(&m)
        .unwrap()
        .replace("Cà Mau\"\nversion", "Ca Mau\"\nversion");
    std::fs::write(&m, s).unwrap();
    let d2 = draft_naming(dir.path(), "ca-mau");
    let (c, f, _) = run(
        &[
            "--plugin",
            edited.to_str().unwrap(),
            "--trust-key",
            &key,
            "render",
            d2.to_str().unwrap(),
        ],
        &d2,
    );
    assert_eq!(
        (c, f[0]["code"].as_str().unwrap()),
        (78, "PLUGIN-SIGNATURE")
    );

    // Signed, but not with a key this office trusts.
    let (c, f, _) = run(
        &[
            "--plugin",
            root().join("plugins/dist/lang-son").to_str().unwrap(),
            "render",
            &dstr,
        ],
        &draft,
    );
    assert_eq!(
        (c, f[0]["code"].as_str().unwrap()),
        (78, "PLUGIN-UNTRUSTED")
    );

    // Unsigned without --allow-unsigned.
    let unsigned = test_plugin(dir.path(), "probe", "probe");
    let d3 = draft_naming(dir.path(), "probe");
    let (c, f, _) = run(
        &[
            "--plugin",
            unsigned.to_str().unwrap(),
            "render",
            d3.to_str().unwrap(),
        ],
        &d3,
    );
    assert_eq!((c, f[0]["code"].as_str().unwrap()), (78, "PLUGIN-UNSIGNED"));

    // Built for an interface version this vbhc does not run.
    let api2 = test_plugin(dir.path(), "api-two", "api-two");
    let d4 = draft_naming(dir.path(), "api-two");
    let (c, f, _) = run(
        &[
            "--allow-unsigned",
            "--plugin",
            api2.to_str().unwrap(),
            "render",
            d4.to_str().unwrap(),
        ],
        &d4,
    );
    assert_eq!(
        (c, f[0]["code"].as_str().unwrap()),
        (78, "PLUGIN-API"),
        "{f:?}"
    );
    let m = f[0]["message"]["en"].as_str().unwrap();
    assert!(m.contains("API 2.0.0"), "{m}");
    // A manifest that claims 1.0.0 for it: the component's own export is checked too.
    let man = api2.join("plugin.toml");
    let s = std::fs::read_to_string(&man)
        .unwrap()
        .replace("api = \"2.0.0\"", "api = \"1.0.0\"");
    std::fs::write(&man, s).unwrap();
    let (c, f, _) = run(
        &[
            "--allow-unsigned",
            "--plugin",
            api2.to_str().unwrap(),
            "render",
            d4.to_str().unwrap(),
        ],
        &d4,
    );
    assert_eq!(
        (c, f[0]["code"].as_str().unwrap()),
        (78, "PLUGIN-API"),
        "{f:?}"
    );
    let m = f[0]["message"]["en"].as_str().unwrap();
    assert!(m.contains("@2.0.0"), "{m}");

    // Imports something the sandbox does not give.
    let imp = test_plugin(dir.path(), "hostile-import", "hostile-import");
    let d5 = draft_naming(dir.path(), "hostile-import");
    let (c, f, _) = run(
        &[
            "--allow-unsigned",
            "--plugin",
            imp.to_str().unwrap(),
            "render",
            d5.to_str().unwrap(),
        ],
        &d5,
    );
    assert_eq!(
        (c, f[0]["code"].as_str().unwrap()),
        (78, "PLUGIN-IMPORT"),
        "{f:?}"
    );
    let m = f[0]["message"]["en"].as_str().unwrap();
    assert!(m.contains("evil:host/net"), "{m}");

    // A malformed manifest, with its line.
    let broken = copy_repo_plugin(dir.path(), "lang-son");
    std::fs::write(
        broken.join("plugin.toml"),
        "id = \"lang-son\"\nversion = 1\n",
    )
    .unwrap();
    let (c, f, _) = run(
        &["--plugin", broken.to_str().unwrap(), "render", &dstr],
        &draft,
    );
    assert_eq!((c, f[0]["code"].as_str().unwrap()), (78, "PLUGIN-MANIFEST"));

    // Two plugins with one id: both paths named.
    let twin = copy_repo_plugin(dir.path(), "ca-mau");
    let twin2 = dir.path().join("twin2");
    std::fs::rename(&twin, &twin2).unwrap();
    let (c, f, _) = run(
        &[
            "--plugin",
            root().join("plugins/dist/ca-mau").to_str().unwrap(),
            "--plugin",
            twin2.to_str().unwrap(),
            "render",
            &dstr,
        ],
        &draft,
    );
    assert_eq!(
        (c, f[0]["code"].as_str().unwrap()),
        (78, "PLUGIN-DUPLICATE")
    );
    let m = f[0]["message"]["vi"].as_str().unwrap();
    assert!(
        m.contains("plugins/dist/ca-mau") && m.contains("twin2"),
        "{m}"
    );

    // No output anywhere.
    for d in [&draft, &d2, &d3, &d4, &d5] {
        assert!(!d.with_extension("docx").exists());
    }
}

/// The probe reports what it can see; two processes see the same: no real clock, randomness,
/// environment, files or network. Within a process, the second document gets an instance as
/// fresh as the first (instance slots are reused: their memory must come back as new).
#[test]
fn the_probe_sees_the_same_world_in_two_processes() {
    let mut seen = Vec::new();
    for _ in 0..2 {
        let dir = tempdir();
        let p = test_plugin(dir.path(), "probe", "probe");
        let src = std::fs::read_to_string(root().join("samples/chi-thi-tien-giang-2014.toml"))
            .unwrap()
            .replacen(
                "loai = \"chi-thi\"",
                "loai = \"chi-thi\"\nplugin = \"probe\"",
                1,
            );
        // The probe answers in Nơi nhận: the draft leaves it out.
        let start = src.find("noi_nhan = [").unwrap();
        let end = start + src[start..].find("]\n").unwrap() + 2;
        let src = format!("{}{}", &src[..start], &src[end..]);
        let drafts = ["probe-1", "probe-2"].map(|n| dir.path().join(format!("{n}.toml")));
        for d in &drafts {
            std::fs::write(d, &src).unwrap();
        }
        let o = vbhc_bare(
            &[
                "--allow-unsigned",
                "--plugin",
                p.to_str().unwrap(),
                "render",
                drafts[0].to_str().unwrap(),
                drafts[1].to_str().unwrap(),
            ],
            dir.path(),
        );
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        for d in &drafts {
            let out = d.with_extension("docx");
            let lines: Vec<String> = paragraphs(&part(&out, "word/document.xml").unwrap())
                .into_iter()
                .filter(|l| {
                    [
                        "- calls",
                        "- wall",
                        "- monotonic",
                        "- hashmap",
                        "- env",
                        "- args",
                        "- read",
                        "- cwd",
                        "- tcp",
                    ]
                    .iter()
                    .any(|p| l.starts_with(p))
                })
                .collect();
            assert!(lines.len() >= 11, "{lines:?}");
            seen.push(lines);
        }
    }
    assert_eq!(
        seen[0], seen[1],
        "the second document's instance is not fresh"
    );
    assert_eq!(seen[0], seen[2]);
    assert_eq!(seen[0], seen[3]);
    let all = seen[0].join("\n");
    assert!(all.contains("- calls 1, heap 1;"), "{all}");
    assert!(all.contains("- wall 0;"), "{all}");
    assert!(all.contains("- env [];"), "{all}");
    assert!(!all.contains("passwd Ok"), "{all}");
    assert!(!all.contains("tcp Ok"), "{all}");
}

/// `render` names the plugin, its version and hash and what it supplied, in JSON.
#[test]
fn provenance_in_json() {
    let dir = tempdir();
    let out = dir.path().join("ls.docx");
    let o = vbhc(
        &[
            "--format",
            "json",
            "render",
            root()
                .join("samples/chi-thi-lang-son-2026.toml")
                .to_str()
                .unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    let (_, plugins, summary) = records(&o);
    assert_eq!(summary["exit"], 0);
    assert_eq!(plugins.len(), 1);
    let p = &plugins[0];
    assert_eq!(p["id"], "lang-son");
    assert_eq!(p["version"], "1.0.0");
    let manifest =
        std::fs::read_to_string(root().join("plugins/dist/lang-son/plugin.toml")).unwrap();
    assert!(manifest.contains(p["sha256"].as_str().unwrap()));
    let supplied: Vec<&str> = p["supplied"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for want in [
        "co_quan.ten",
        "dia_danh",
        "noi_nhan",
        "ky.chuc_vu",
        "slot chi-thi.nhiem-vu-them",
    ] {
        assert!(supplied.contains(&want), "{supplied:?}");
    }
    // What the draft says wins: the sample gives its own Lưu line and signer's name.
    assert!(!supplied.contains(&"luu"));
    let xml = part(&out, "word/document.xml").unwrap();
    assert!(xml.contains("TỈNH LẠNG SƠN"));
    assert!(xml.contains("Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc"));
}

/// The mergers of 1 July 2025: "Bạc Liêu, ngày …" from 2026 is the Cà Mau plugin's finding, the
/// 1998 Bạc Liêu directive is right as it is.
#[test]
fn ca_mau_rules_follow_the_document_date() {
    let dir = tempdir();
    let old = root().join("samples/chi-thi-bac-lieu-1998.toml");
    let o = vbhc(
        &["--format", "json", "check", old.to_str().unwrap()],
        dir.path(),
    );
    let (findings, _, _) = records(&o);
    assert!(
        findings
            .iter()
            .all(|f| !f["code"].as_str().unwrap().starts_with("CA-MAU")),
        "{findings:?}"
    );
    let src = std::fs::read_to_string(&old)
        .unwrap()
        .replace("ngay = \"1998\"", "ngay = \"2026-02-10\"");
    let new = dir.path().join("bac-lieu-2026.toml");
    std::fs::write(&new, src).unwrap();
    let o = vbhc(
        &["--format", "json", "check", new.to_str().unwrap()],
        dir.path(),
    );
    let (findings, _, _) = records(&o);
    let codes: Vec<&str> = findings
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.iter().any(|c| c.starts_with("CA-MAU-BAC-LIEU")),
        "{codes:?}"
    );
    let f = findings
        .iter()
        .find(|f| f["code"].as_str().unwrap().starts_with("CA-MAU-BAC-LIEU"))
        .unwrap();
    assert_eq!(f["plugin"]["id"], "ca-mau");
}

/// install → list → info → render with the installed plugin → remove.
#[test]
fn install_list_info_remove() {
    let dir = tempdir();
    let key = demo_key();
    let src = root().join("plugins/dist/lang-son");
    // Unsigned installs need --allow-unsigned; an untrusted signature is refused.
    let o = vbhc_bare(&["plugin", "install", src.to_str().unwrap()], dir.path());
    assert_eq!(code(&o), 78, "{}", stderr(&o));
    assert!(!dir.path().join(".data/plugins/lang-son").exists());
    let o = vbhc_bare(
        &[
            "--trust-key",
            &key,
            "plugin",
            "install",
            src.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let installed = dir.path().join(".data/plugins/lang-son");
    assert!(installed.join("plugin.toml.minisig").exists());
    let o = vbhc_bare(
        &["--trust-key", &key, "--format", "json", "plugin", "list"],
        dir.path(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let (_, rows, _) = records(&o);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], "lang-son");
    assert_eq!(rows[0]["from"], "installed");
    assert!(rows[0]["signer"].as_str().unwrap().contains("demo.pub"));
    let o = vbhc_bare(
        &["--trust-key", &key, "plugin", "info", "lang-son"],
        dir.path(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains("Lạng Sơn"));
    // The clerk reads the fields in Vietnamese; an installed plugin says so.
    assert!(stdout(&o).contains("phiên bản  1.0.0"), "{}", stdout(&o));
    assert!(stdout(&o).contains("nguồn      đã cài"), "{}", stdout(&o));
    // Installed plugins are found without --plugin.
    let out = dir.path().join("x.docx");
    let o = vbhc_bare(
        &[
            "--trust-key",
            &key,
            "render",
            root()
                .join("samples/chi-thi-lang-son-2026.toml")
                .to_str()
                .unwrap(),
            "-o",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // An unsigned plugin installed with --allow-unsigned runs without the flag afterwards.
    let probe = test_plugin(dir.path(), "probe", "probe");
    let o = vbhc_bare(
        &[
            "--allow-unsigned",
            "plugin",
            "install",
            probe.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = vbhc_bare(&["plugin", "info", "probe"], dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = vbhc_bare(&["plugin", "remove", "lang-son"], dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!installed.exists());
}

/// A draft naming a plugin nobody has: the draft's error, at its line.
#[test]
fn unknown_plugin_is_a_draft_error() {
    let dir = tempdir();
    let d = draft_naming(dir.path(), "ha-noi");
    let o = vbhc_bare(
        &["--format", "json", "render", d.to_str().unwrap()],
        dir.path(),
    );
    let (f, _, _) = records(&o);
    assert_eq!(code(&o), 65);
    assert_eq!(f[0]["code"], "PLUGIN-UNKNOWN");
    assert_eq!(f[0]["location"]["line"], 29);
}

/// Limits come from the office's config, each within its range.
#[test]
fn plugin_limits_out_of_range_are_refused() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join(".no-config.toml"),
        "[plugin]\nthoi_gian_ms = 5\n",
    )
    .unwrap();
    let d = draft_naming(dir.path(), "lang-son");
    let o = vbhc(
        &["--format", "json", "render", d.to_str().unwrap()],
        dir.path(),
    );
    let (f, _, _) = records(&o);
    assert_eq!(code(&o), 78);
    assert_eq!(f[0]["code"], "CONFIG-INVALID");
    assert!(
        f[0]["message"]["en"]
            .as_str()
            .unwrap()
            .contains("thoi_gian_ms")
    );
}

/// Annexes the draft leaves unnumbered are numbered as the province does: Lạng Sơn I, II;
/// Cà Mau 1, 2. A draft's own numbers win.
#[test]
fn annex_numbering_follows_the_house_style() {
    let dir = tempdir();
    let src = std::fs::read_to_string(root().join("samples/ke-hoach.toml")).unwrap();
    let annex = &src[src.find("[[phu_luc]]").unwrap()..];
    let two = format!("{src}\n{annex}");
    for (id, want) in [
        ("lang-son", ["Phụ lục I", "Phụ lục II"]),
        ("ca-mau", ["Phụ lục 1", "Phụ lục 2"]),
    ] {
        let d = dir.path().join(format!("kh-{id}.toml"));
        std::fs::write(
            &d,
            two.replacen(
                "loai = \"ke-hoach\"",
                &format!("loai = \"ke-hoach\"\nplugin = \"{id}\""),
                1,
            ),
        )
        .unwrap();
        let out = dir.path().join(format!("kh-{id}.docx"));
        let o = vbhc(
            &["render", d.to_str().unwrap(), "-o", out.to_str().unwrap()],
            dir.path(),
        );
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        let paras = paragraphs(&part(&out, "word/document.xml").unwrap());
        for w in want {
            assert!(paras.iter().any(|p| p == w), "{id}: {w} not in {paras:?}");
        }
    }
}
