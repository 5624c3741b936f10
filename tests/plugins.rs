//! Province plugins through the CLI: the real ones supply and judge, hostile ones fail as
//! findings that name the plugin, the call and the document, refusals exit 78, and a good
//! plugin still works in the same process after a bad one.

use crate::common::*;
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
    .expect("test plugin built (plugins/build.sh)");
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
        test_plugin(dir.path(), name, name);
        draft_naming(dir.path(), name);
        // Paths relative to the run's folder: a Linux-built test passing absolute Unix paths
        // to the Windows exe under Wine had its output land in a folder of drive C: that does
        // not exist (.ci/windows-tests).
        let bad = PathBuf::from(format!("draft-{name}.toml"));
        let good = PathBuf::from("good.toml");
        std::fs::copy(
            root().join("samples/chi-thi-lang-son-2026.toml"),
            dir.path().join(&good),
        )
        .unwrap();
        let o = vbhc_bare(
            &[
                "--format",
                "json",
                "--allow-unsigned",
                "--plugin",
                &format!("p-{name}"),
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
            .filter(|f| f["severity"] == "error")
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
            !dir.path().join(bad.with_extension("docx")).exists(),
            "{name}: half a document"
        );
        // The good draft after it: written, with the real plugin's provenance.
        assert_eq!(summary["exit"], 1, "{name}: {summary}");
        let outputs = summary["outputs"].as_array().unwrap();
        assert_eq!(outputs.len(), 1, "{name}: {summary}");
        assert!(dir.path().join("good.docx").exists(), "{name}: {summary}");
        assert!(plugins.iter().any(|p| p["id"] == "lang-son"), "{name}");
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
#[allow(
    clippy::too_many_lines,
    reason = "one refusal after another, each a few lines sharing the set-up; split, each part would rebuild it"
)]
fn bad_plugins_are_refused_with_78() {
    let dir = tempdir();
    let run = |args: &[&str], d: &Path| {
        let o = vbhc_bare(&[&["--format", "json"], args].concat(), dir.path());
        let (findings, _, summary) = records(&o);
        let _ = d;
        // The refusal, not the demo key's once-a-run warning that comes before it.
        let findings: Vec<Value> = findings
            .into_iter()
            .filter(|f| f["code"] != "PLUGIN-DEMO-KEY")
            .collect();
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
    // An unsigned plugin installed with --allow-unsigned asks again at every run: the flag,
    // or the config naming its id and its wasm's SHA-256. A marker file in its folder (the
    // audit's P-M1) changes nothing.
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
    assert!(stderr(&o).contains("PLUGIN-UNSIGNED-RUN"), "{}", stderr(&o));
    std::fs::write(
        dir.path().join(".data/plugins/probe/allow-unsigned"),
        "installed with --allow-unsigned\n",
    )
    .unwrap();
    let o = vbhc_bare(&["plugin", "info", "probe"], dir.path());
    assert_eq!(code(&o), 78, "{}", stderr(&o));
    assert!(stderr(&o).contains("PLUGIN-UNSIGNED"), "{}", stderr(&o));
    let o = vbhc_bare(&["--allow-unsigned", "plugin", "info", "probe"], dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let sha = vbhc::plugin::manifest::sha256_hex(
        &std::fs::read(root().join("tests/plugins/wasm/probe.wasm")).unwrap(),
    );
    std::fs::write(
        dir.path().join(".no-config.toml"),
        format!("[plugin_chua_ky]\nprobe = \"{sha}\"\n"),
    )
    .unwrap();
    let o = vbhc_bare(&["plugin", "info", "probe"], dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).is_empty() || !stderr(&o).contains("lỗi"),
        "{}",
        stderr(&o)
    );
    // Another wasm under the same id asks again.
    let other = format!(
        "{}{}",
        &sha[..63],
        if sha.ends_with('0') { "1" } else { "0" }
    );
    std::fs::write(
        dir.path().join(".no-config.toml"),
        format!("[plugin_chua_ky]\nprobe = \"{other}\"\n"),
    )
    .unwrap();
    let o = vbhc_bare(&["plugin", "info", "probe"], dir.path());
    assert_eq!(code(&o), 78, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("đã thay đổi kể từ khi được cho phép"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_file(dir.path().join(".no-config.toml")).unwrap();
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

// ---- The plugin audit (`../shared/audits/2026-12-plugins.md`, P-…) ------------------------

/// The Tiền Giang sample naming plugin `id`, with `drop` keys removed so the plugin fills them.
fn draft_without(dir: &Path, id: &str, drop: &[&str]) -> PathBuf {
    let p = draft_naming(dir, id);
    let src = std::fs::read_to_string(&p).unwrap();
    let mut t: toml::Table = toml::from_str(&src).unwrap();
    for k in drop {
        match k.split_once('.') {
            Some((a, b)) => {
                t.get_mut(a)
                    .and_then(|v| v.as_table_mut())
                    .map(|s| s.remove(b));
            }
            None => {
                t.remove(*k);
            }
        }
    }
    std::fs::write(&p, toml::to_string(&t).unwrap()).unwrap();
    p
}

fn render_unsigned(dir: &Path, plugin: &Path, draft: &Path, json: bool) -> std::process::Output {
    let mut args = vec!["--plugin", plugin.to_str().unwrap(), "--allow-unsigned"];
    if json {
        args.extend(["--format", "json"]);
    }
    args.extend(["render", draft.to_str().unwrap(), "--force"]);
    vbhc_bare(&args, dir)
}

#[test]
fn p_h1_h2_l7_what_a_plugin_returns_is_checked_and_named() {
    let dir = tempdir();
    for (name, field, says) in [
        ("hostile-nonchar", "dia_danh", "U+FFFF"),
        ("hostile-slot-control", "slot chi-thi.", "U+0000"),
        ("hostile-label", "slot chi-thi.", "`|`"),
    ] {
        let p = test_plugin(dir.path(), name, name);
        let draft = draft_without(dir.path(), name, &["dia_danh"]);
        let o = render_unsigned(dir.path(), &p, &draft, true);
        let (findings, _, _) = records(&o);
        assert_eq!(code(&o), 1, "{name}: {}", stderr(&o));
        let f = findings
            .iter()
            .find(|f| f["code"] == "PLUGIN-OUTPUT")
            .unwrap_or_else(|| panic!("{name}: {findings:?}"));
        assert_eq!(f["plugin"]["id"], name, "{f}");
        assert!(
            f["location"]["field"].as_str().unwrap().starts_with(field),
            "{name}: {f}"
        );
        assert!(
            f["message"]["en"].as_str().unwrap().contains(says),
            "{name}: {f}"
        );
        assert!(!draft.with_extension("docx").exists(), "{name}");
    }
}

#[test]
fn p_m6_a_plugin_never_changes_the_organ_the_clerk_named() {
    let dir = tempdir();
    let p = test_plugin(dir.path(), "hostile-organ", "hostile-organ");
    // The draft names its organ, with no parent organ and no signer's title.
    let draft = draft_without(
        dir.path(),
        "hostile-organ",
        &["co_quan.chu_quan", "ky.chuc_vu"],
    );
    let o = render_unsigned(dir.path(), &p, &draft, false);
    let err = stderr(&o);
    assert_eq!(code(&o), 0, "{err}");
    assert!(err.contains("PLUGIN-ORGAN-UNUSED"), "{err}");
    // The signer's title it did supply is shown with its value.
    assert!(err.contains("ky.chuc_vu = “THỦ TƯỚNG”"), "{err}");
    let doc = part(&draft.with_extension("docx"), "word/document.xml").unwrap();
    assert!(
        !doc.contains("QUỐC PHÒNG"),
        "the plugin's organ reached the page"
    );
    // A draft without an organ takes the plugin's, and the console shows it.
    let draft = draft_without(dir.path(), "hostile-organ", &["co_quan"]);
    let o = render_unsigned(dir.path(), &p, &draft, false);
    let err = stderr(&o);
    assert!(
        err.contains("co_quan.ten = “BỘ QUỐC PHÒNG / CỤC TÁC CHIẾN”"),
        "{err}"
    );
    assert!(err.contains("co_quan.chu_quan = “BỘ QUỐC PHÒNG”"), "{err}");
}

#[test]
fn p_m3_l5_plugin_text_reaches_the_terminal_without_escapes_and_whole() {
    let dir = tempdir();
    let p = test_plugin(dir.path(), "hostile-escape", "hostile-escape");
    let draft = draft_naming(dir.path(), "hostile-escape");
    let o = render_unsigned(dir.path(), &p, &draft, false);
    let err = stderr(&o);
    assert!(err.contains("HOSTILE-ESCAPE-X"), "{err}");
    assert!(err.contains("Đã ghi văn bản (không có lỗi)"), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    // A panic's own message is shown, not only its first line.
    let p = test_plugin(dir.path(), "hostile-panic", "hostile-panic");
    let draft = draft_naming(dir.path(), "hostile-panic");
    let o = render_unsigned(dir.path(), &p, &draft, false);
    let err = stderr(&o);
    assert!(
        err.contains("PLUGIN-PANIC") && err.contains("cố ý dừng"),
        "{err}"
    );
}

#[test]
fn p_l3_a_date_line_broken_by_the_plugins_place_names_the_plugin() {
    let dir = tempdir();
    let p = test_plugin(dir.path(), "hostile-long-place", "hostile-long-place");
    let draft = draft_without(dir.path(), "hostile-long-place", &["dia_danh"]);
    let o = render_unsigned(dir.path(), &p, &draft, true);
    let (findings, _, _) = records(&o);
    let on_date: Vec<&Value> = findings
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("ND30-DATE"))
        .collect();
    assert!(!on_date.is_empty(), "{findings:?}");
    for f in on_date {
        assert_eq!(f["location"]["plugin"], "hostile-long-place 1.0.0", "{f}");
    }
}

#[cfg(unix)]
#[test]
fn p_m5_the_wasm_is_read_only_from_a_regular_file() {
    let dir = tempdir();
    let p = test_plugin(dir.path(), "probe", "probe");
    let wasm = p.join("probe.wasm");
    std::fs::remove_file(&wasm).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &wasm).unwrap();
    let draft = draft_naming(dir.path(), "probe");
    let o = render_unsigned(dir.path(), &p, &draft, false);
    assert_eq!(code(&o), 78, "{}", stderr(&o));
    assert!(stderr(&o).contains("PLUGIN-MANIFEST"), "{}", stderr(&o));
    std::fs::remove_file(&wasm).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&wasm)
            .status()
            .unwrap()
            .success()
    );
    let o = render_unsigned(dir.path(), &p, &draft, false);
    assert_eq!(code(&o), 78, "{}", stderr(&o));
}

#[test]
fn p_m2_a_damaged_compiled_cache_is_compiled_again() {
    let dir = tempdir();
    let cache = dir.path().join("cache");
    let run = || {
        std::process::Command::new(bin())
            .args(crate::common::repo_plugins())
            .args([
                "--format",
                "json",
                "render",
                root()
                    .join("samples/chi-thi-lang-son-2026.toml")
                    .to_str()
                    .unwrap(),
                "-o",
            ])
            .arg(dir.path().join("x.docx"))
            .arg("--force")
            .env("VBHC_CONFIG", dir.path().join("none.toml"))
            .env("VBHC_DATA_DIR", dir.path().join("data"))
            .env("VBHC_CACHE_DIR", &cache)
            .output()
            .unwrap()
    };
    assert_eq!(code(&run()), 0);
    let compiled: Vec<PathBuf> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "cwasm"))
        .collect();
    assert!(!compiled.is_empty());
    // The audit's 9g: int3 over the machine code, bytes flipped elsewhere.
    for f in &compiled {
        let mut b = std::fs::read(f).unwrap();
        let n = b.len();
        for x in &mut b[n / 4..n / 2] {
            *x = 0xCC;
        }
        std::fs::write(f, b).unwrap();
    }
    let o = run();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("PLUGIN-CACHE-REPAIRED"),
        "{}",
        stdout(&o)
    );
    assert_eq!(code(&run()), 0);
}

/// A component with `memories` core modules, each growing its own memory by `pages` at start,
/// that exports the plugin interface's names (their types never checked: instantiation fails
/// first, or not).
fn multi_memory(memories: usize, pages: u32) -> Vec<u8> {
    let mut wat = String::from("(component\n");
    wat.push_str(&format!(
        "  (core module $hog (memory 1) (func $s (drop (memory.grow (i32.const {pages})))) (start $s))\n"
    ));
    for i in 0..memories {
        wat.push_str(&format!("  (core instance $h{i} (instantiate $hog))\n"));
    }
    wat.push_str(
        "  (core module $f (func (export \"f\")))\n  (core instance $fi (instantiate $f))\n",
    );
    wat.push_str("  (func $f (canon lift (core func $fi \"f\")))\n");
    wat.push_str("  (instance $i");
    for name in [
        "info",
        "defaults",
        "recipients",
        "section",
        "house-style",
        "validate",
    ] {
        wat.push_str(&format!(" (export \"{name}\" (func $f))"));
    }
    wat.push_str(")\n  (export \"vbhc:plugin/province@1.0.0\" (instance $i))\n)\n");
    wat::parse_str(&wat).expect("the component assembles")
}

#[test]
fn p_h3_the_memory_cap_holds_for_the_plugin_as_a_whole() {
    let dir = tempdir();
    // Eight memories of 16 MiB each: 128 MiB, twice the 64 MiB cap (each one alone is under it).
    let pdir = dir.path().join("hog8");
    std::fs::create_dir_all(&pdir).unwrap();
    let wasm = multi_memory(8, 256);
    std::fs::write(pdir.join("hog8.wasm"), &wasm).unwrap();
    std::fs::write(
        pdir.join("plugin.toml"),
        format!(
            "id = \"hog8\"\nname = \"Hog\"\nversion = \"1.0.0\"\nprovince = \"Nowhere\"\napi = \"1.0.0\"\nwasm = \"hog8.wasm\"\nsha256 = \"{}\"\n",
            vbhc::plugin::manifest::sha256_hex(&wasm)
        ),
    )
    .unwrap();
    let o = vbhc_bare(
        &[
            "--plugin",
            pdir.to_str().unwrap(),
            "--allow-unsigned",
            "plugin",
            "info",
            "hog8",
        ],
        dir.path(),
    );
    let err = stderr(&o);
    assert_ne!(code(&o), 0, "{err}");
    assert!(err.contains("PLUGIN-MEMORY"), "{err}");
    // Two memories of 16 MiB stay under the cap: the instance is made (and then refused for
    // its interface, the functions' types being wrong).
    let wasm = multi_memory(2, 256);
    std::fs::write(pdir.join("hog8.wasm"), &wasm).unwrap();
    let manifest = std::fs::read_to_string(pdir.join("plugin.toml")).unwrap();
    let manifest = manifest.replace(
        manifest.lines().last().unwrap(),
        &format!("sha256 = \"{}\"", vbhc::plugin::manifest::sha256_hex(&wasm)),
    );
    std::fs::write(pdir.join("plugin.toml"), manifest).unwrap();
    let o = vbhc_bare(
        &[
            "--plugin",
            pdir.to_str().unwrap(),
            "--allow-unsigned",
            "plugin",
            "info",
            "hog8",
        ],
        dir.path(),
    );
    assert!(!stderr(&o).contains("PLUGIN-MEMORY"), "{}", stderr(&o));
}

/// A fresh minisign key pair in `dir` as `name.pub` (+ `name.ids` when `ids` is given).
fn new_key(dir: &Path, name: &str, ids: Option<&[&str]>) -> (PathBuf, minisign::KeyPair) {
    let kp = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
    let pubf = dir.join(format!("{name}.pub"));
    std::fs::write(&pubf, kp.pk.to_box().unwrap().to_string()).unwrap();
    if let Some(ids) = ids {
        std::fs::write(dir.join(format!("{name}.ids")), ids.join("\n") + "\n").unwrap();
    }
    (pubf, kp)
}

fn sign(plugin_dir: &Path, kp: &minisign::KeyPair) {
    let manifest = std::fs::read(plugin_dir.join("plugin.toml")).unwrap();
    let sig = minisign::sign(Some(&kp.pk), &kp.sk, &manifest[..], None, None).unwrap();
    std::fs::write(plugin_dir.join("plugin.toml.minisig"), sig.to_string()).unwrap();
}

#[test]
fn p_m4_keys_are_bound_to_plugin_ids() {
    let dir = tempdir();
    // Đồng Tháp's key, trusted for dong-thap only, signs a plugin that says it is lang-son.
    let (dt, dt_key) = new_key(dir.path(), "dong-thap", Some(&["dong-thap"]));
    let fake = copy_repo_plugin(dir.path(), "lang-son");
    sign(&fake, &dt_key);
    let draft = root().join("samples/chi-thi-lang-son-2026.toml");
    let render_fake = || {
        vbhc_bare(
            &[
                "--plugin",
                fake.to_str().unwrap(),
                "--trust-key",
                dt.to_str().unwrap(),
                "render",
                draft.to_str().unwrap(),
                "-o",
                "x.docx",
            ],
            dir.path(),
        )
    };
    let o = render_fake();
    assert_eq!(code(&o), 78, "{}", stderr(&o));
    assert!(stderr(&o).contains("PLUGIN-KEY-ID"), "{}", stderr(&o));
    // Without its .ids, the key is trusted for every id, and every use says so.
    std::fs::remove_file(dir.path().join("dong-thap.ids")).unwrap();
    let o = render_fake();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("PLUGIN-KEY-ANY-ID"), "{}", stderr(&o));
    // Installed under the demo key, lang-son is not replaced by the same plugin signed by
    // another trusted key without --force; with it, a warning says so.
    let demo = demo_key();
    let real = root().join("plugins/dist/lang-son");
    let o = vbhc_bare(
        &[
            "--trust-key",
            &demo,
            "plugin",
            "install",
            real.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let keys = [
        "--trust-key",
        demo.as_str(),
        "--trust-key",
        dt.to_str().unwrap(),
    ];
    let install = |force: bool| {
        let mut a: Vec<&str> = keys.to_vec();
        a.extend(["plugin", "install", fake.to_str().unwrap()]);
        if force {
            a.push("--force");
        }
        vbhc_bare(&a, dir.path())
    };
    let o = install(false);
    assert_eq!(code(&o), 78, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("PLUGIN-SIGNER-CHANGED"),
        "{}",
        stderr(&o)
    );
    let o = install(true);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cảnh báo[PLUGIN-SIGNER-CHANGED]"),
        "{}",
        stderr(&o)
    );
    // The same version with other bytes warns.
    let changed = copy_repo_plugin(dir.path(), "ca-mau");
    let changed_lang_son = dir.path().join("changed");
    std::fs::create_dir_all(&changed_lang_son).unwrap();
    for f in ["plugin.toml", "lang-son.wasm"] {
        std::fs::copy(fake.join(f), changed_lang_son.join(f)).unwrap();
    }
    let mut wasm = std::fs::read(changed_lang_son.join("lang-son.wasm")).unwrap();
    // A custom section appended: a valid component with other bytes.
    wasm.extend([0u8, 4, 1, b'x', 0, 0]);
    std::fs::write(changed_lang_son.join("lang-son.wasm"), &wasm).unwrap();
    let m = std::fs::read_to_string(changed_lang_son.join("plugin.toml")).unwrap();
    let old = m
        .lines()
        .find(|l| l.starts_with("sha256"))
        .unwrap()
        .to_string();
    std::fs::write(
        changed_lang_son.join("plugin.toml"),
        m.replace(
            &old,
            &format!("sha256 = \"{}\"", vbhc::plugin::manifest::sha256_hex(&wasm)),
        ),
    )
    .unwrap();
    sign(&changed_lang_son, &dt_key);
    let mut a: Vec<&str> = keys.to_vec();
    a.extend(["plugin", "install", changed_lang_son.to_str().unwrap()]);
    let o = vbhc_bare(&a, dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("PLUGIN-SAME-VERSION"), "{}", stderr(&o));
    drop(changed);
}

#[test]
fn p_l1_a_stray_copy_of_an_installed_plugin_blocks_nothing() {
    let dir = tempdir();
    let demo = demo_key();
    let real = root().join("plugins/dist/lang-son");
    let o = vbhc_bare(
        &[
            "--trust-key",
            &demo,
            "plugin",
            "install",
            real.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // A backup folder holding the same id.
    let backup = dir.path().join(".data/plugins/lang-son-sao-luu");
    std::fs::create_dir_all(&backup).unwrap();
    for e in std::fs::read_dir(dir.path().join(".data/plugins/lang-son")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), backup.join(e.file_name())).unwrap();
    }
    // A draft that names no plugin, and one that names lang-son: both written.
    for (sample, out) in [
        ("samples/thong-bao.toml", "a.docx"),
        ("samples/chi-thi-lang-son-2026.toml", "b.docx"),
    ] {
        let o = vbhc_bare(
            &[
                "--trust-key",
                &demo,
                "render",
                root().join(sample).to_str().unwrap(),
                "-o",
                out,
            ],
            dir.path(),
        );
        assert_eq!(code(&o), 0, "{sample}: {}", stderr(&o));
        assert!(stderr(&o).contains("lang-son-sao-luu"), "{}", stderr(&o));
    }
    let o = vbhc_bare(&["--trust-key", &demo, "plugin", "list"], dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    // P-L2: a broken installed manifest is said, not silently passed over.
    std::fs::write(
        backup.join("plugin.toml"),
        "id = \"lang-son\"\nsha256 = \"không\"\n",
    )
    .unwrap();
    let o = vbhc_bare(&["--trust-key", &demo, "plugin", "list"], dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("PLUGIN-MANIFEST") && stderr(&o).contains("lang-son-sao-luu"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn trusting_the_demo_key_is_warned_every_run_and_a_province_key_is_not() {
    let dir = tempdir();
    let draft = root().join("samples/chi-thi-lang-son-2026.toml");
    let render = |plugin: &Path, key: &str| {
        vbhc_bare(
            &[
                "--plugin",
                plugin.to_str().unwrap(),
                "--trust-key",
                key,
                "render",
                draft.to_str().unwrap(),
                "-o",
                "x.docx",
                "--force",
            ],
            dir.path(),
        )
    };
    // The README's command: written, with a warning that names the demo key.
    let o = render(&root().join("plugins/dist/lang-son"), &demo_key());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("PLUGIN-DEMO-KEY"), "{err}");
    assert!(
        err.contains("khóa demo") && err.contains("demo.pub"),
        "{err}"
    );
    assert_eq!(
        err.matches("PLUGIN-DEMO-KEY").count(),
        1,
        "once a run: {err}"
    );
    // Said whenever the key is trusted, even when no plugin it signed runs.
    let plain = root().join("samples/thong-bao.toml");
    let o = vbhc_bare(
        &[
            "--trust-key",
            &demo_key(),
            "render",
            plain.to_str().unwrap(),
            "-o",
            "y.docx",
        ],
        dir.path(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("PLUGIN-DEMO-KEY"), "{}", stderr(&o));
    // The same key under another file name is still the demo key.
    let renamed = dir.path().join("tinh.pub");
    std::fs::copy(demo_key(), &renamed).unwrap();
    std::fs::copy(
        root().join("plugins/keys/demo.ids"),
        dir.path().join("tinh.ids"),
    )
    .unwrap();
    let o = render(
        &root().join("plugins/dist/lang-son"),
        renamed.to_str().unwrap(),
    );
    assert!(stderr(&o).contains("PLUGIN-DEMO-KEY"), "{}", stderr(&o));
    // Re-signed with the province's own key (its .ids beside it): no warning at all.
    let (tinh, kp) = new_key(dir.path(), "lang-son-tinh", Some(&["lang-son"]));
    let resigned = copy_repo_plugin(dir.path(), "lang-son");
    sign(&resigned, &kp);
    let o = render(&resigned, tinh.to_str().unwrap());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(!stderr(&o).contains("PLUGIN-"), "{}", stderr(&o));
}
