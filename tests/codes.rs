//! The registry of finding codes (`src/finding/codes.rs`) is the one list: every code it
//! holds is given somewhere in `src/`, no code is written in `src/` outside it, `vbhc rules
//! --all` prints it with the checker's rules, and PLUGINS.md's table names its plugin codes.

use crate::common::*;
use std::collections::BTreeSet;
use vbhc::finding::codes::{Area, CODES};

fn sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                // Tests may spell codes out; the code that gives findings may not.
                let code = text.split("#[cfg(test)]").next().unwrap().to_string();
                out.push((p.display().to_string(), code));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("src"), &mut out);
    out
}

/// The constant name of a registered code (`DRAFT-TYPE` → `DRAFT_TYPE`).
fn constant(id: &str) -> String {
    id.replace('-', "_")
}

#[test]
fn every_registered_code_is_given_and_no_other() {
    let src = sources();
    let given: String = src
        .iter()
        .filter(|(p, _)| !p.ends_with("codes.rs"))
        .map(|(_, t)| t.as_str())
        .collect();
    for c in CODES {
        assert!(
            given.contains(&format!("codes::{}", constant(c.id))),
            "{} is registered but nothing gives it",
            c.id
        );
    }
    // A code spelled as a string where findings are made would bypass the registry.
    let prefixes = [
        "USAGE",
        "INPUT-",
        "DRAFT-",
        "MARKUP-",
        "TEMPLATE",
        "LAYOUT-",
        "DOCX-",
        "OUTPUT-",
        "BATCH-",
        "CONFIG-",
        "PLUGIN-",
        "INTERNAL-",
    ];
    for (path, text) in src.iter().filter(|(p, _)| !p.ends_with("codes.rs")) {
        for (i, part) in text.split('"').enumerate().filter(|(i, _)| i % 2 == 1) {
            let looks = prefixes.iter().any(|p| part.starts_with(p))
                && part.len() > 3
                && part.bytes().all(|b| b.is_ascii_uppercase() || b == b'-');
            assert!(
                !looks,
                "{path}: the code \"{part}\" is written as a string (piece {i}); use codes::{}",
                constant(part)
            );
        }
    }
}

#[test]
fn rules_all_lists_the_checker_and_the_registry() {
    let dir = tempdir();
    let o = vbhc_bare(&["rules", "--all", "--format", "json"], dir.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut listed = Vec::new();
    for l in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        if v["type"] == "code" {
            let c = CODES.iter().find(|c| c.id == v["code"]).unwrap();
            assert_eq!(v["exit"], c.exit.code(), "{}", c.id);
        }
        if v["type"] == "rule" || v["type"] == "code" {
            listed.push(v["code"].as_str().unwrap().to_string());
        }
    }
    let want: Vec<String> = vbhc::check::rules::RULES
        .iter()
        .map(|r| r.code.to_string())
        .chain(CODES.iter().map(|c| c.id.to_string()))
        .collect();
    assert_eq!(listed, want);
}

#[test]
fn the_plugin_guide_names_every_plugin_code() {
    let guide = std::fs::read_to_string(root().join("PLUGINS.md")).unwrap();
    let table: BTreeSet<String> = guide
        .lines()
        .filter(|l| l.starts_with("| `PLUGIN-"))
        .flat_map(|l| {
            let first = l.split('|').nth(1).unwrap();
            first
                .split('`')
                .filter(|s| s.starts_with("PLUGIN-"))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let registry: BTreeSet<String> = CODES
        .iter()
        .filter(|c| c.area == Area::Plugin)
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(table, registry);
}
