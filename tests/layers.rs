//! Imports run one way. Every `crate::…` path in `src/` (in `use` lines and inline) is an
//! edge from the top-level module it is written in to the one it names; the table below
//! orders the modules from the CLI down to the decree's facts. An edge that climbs the table,
//! a cycle among modules of one layer, or a module the table does not place fails the test,
//! naming the file and line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top to bottom. A module may import its own layer (without a cycle) and every layer below.
const LAYERS: &[&[&str]] = &[
    // The commands: parse arguments, build the context, report.
    &["cli"],
    // The office's configuration: it describes plugin limits and template folders, so it sits
    // above the plugin host and below the commands that read it.
    &["config"],
    &["batch"],
    // One document from a draft, for `render`, `batch` and `check` alike.
    &["produce"],
    &["plugin"],
    &["check"],
    &["layout", "reader"],
    &["docx", "draft", "template", "markup"],
    // The document model and the draft's core fields: what writers write and rules check.
    &["model", "schema", "organ"],
    // Facts and plumbing every layer may use.
    &[
        "nd30", "text", "finding", "exit", "i18n", "input", "output", "crash", "suggest", "metrics",
    ],
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Where an import was written.
#[derive(Debug, Clone)]
struct At {
    file: PathBuf,
    line: usize,
}

/// The top-level module a source file belongs to (`src/check/body.rs` → `check`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    match name {
        "lib" | "main" => None,
        // The generated metrics table is part of `metrics`.
        "metrics_table" => Some("metrics".into()),
        n => Some(n.to_string()),
    }
}

/// The top-level modules a line names through `crate::`: `crate::a::…`, and each branch of
/// `crate::{a::…, b}` (one level of braces, as rustfmt writes them).
fn named(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        // `vbhc::crate::` cannot occur; an identifier ending in `crate` (`subcrate::`) is not
        // the keyword.
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for branch in group[..end].split(',') {
                let id: String = branch
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !id.is_empty() {
                    out.push(id);
                }
            }
        } else {
            let id: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(id);
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// Every edge between top-level modules, with the first place it is written.
fn edges(src: &Path) -> BTreeMap<(String, String), At> {
    let modules: BTreeSet<String> = {
        let mut files = Vec::new();
        rust_files(src, &mut files);
        files.iter().filter_map(|f| module_of(src, f)).collect()
    };
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut edges = BTreeMap::new();
    for file in &files {
        let Some(from) = module_of(src, file) else {
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for to in named(line) {
                // Macros exported at the crate root (`crate::msg!`) are not modules.
                if to == from || !modules.contains(&to) {
                    continue;
                }
                edges.entry((from.clone(), to)).or_insert(At {
                    file: file.clone(),
                    line: n + 1,
                });
            }
        }
    }
    edges
}

/// A cycle through `start`, if the graph has one.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn walk(
        graph: &BTreeMap<String, BTreeSet<String>>,
        start: &str,
        node: &str,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        for next in graph.get(node).into_iter().flatten() {
            if next == start {
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(graph, start, next, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    walk(graph, start, start, &mut path, &mut BTreeSet::new()).then_some(path)
}

#[test]
fn imports_follow_the_layer_order() {
    // `VBHC_LAYERS_SRC` points the test at another tree (an older commit's `src/`, to see it
    // fail there).
    let src = std::env::var_os("VBHC_LAYERS_SRC")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let edges = edges(&src);
    let mut wrong = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for ((from, to), at) in &edges {
        graph.entry(from.clone()).or_default().insert(to.clone());
        let place = format!("{}:{}", at.file.display(), at.line);
        match (rank(from), rank(to)) {
            (None, _) => wrong.push(format!("{place}: module `{from}` is in no layer")),
            (_, None) => wrong.push(format!("{place}: module `{to}` is in no layer")),
            (Some(a), Some(b)) if b < a => wrong.push(format!(
                "{place}: `{from}` imports `{to}`, a layer above it"
            )),
            _ => {}
        }
    }
    for m in graph.keys() {
        if let Some(c) = cycle_from(&graph, m) {
            let at = &edges[&(c[c.len() - 1].clone(), m.clone())];
            wrong.push(format!(
                "{}:{}: a cycle: {} → {m}",
                at.file.display(),
                at.line,
                c.join(" → ")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The test's own reading: a climbing import and a cycle are caught, grouped and inline
/// paths are read, comments and longer identifiers are not.
#[test]
fn the_layer_test_sees_what_it_must() {
    assert_eq!(
        named("use crate::{check, model::Block};"),
        ["check", "model"]
    );
    assert_eq!(
        named("    let x = crate::text::fold(s); // crate::cli"),
        ["text"]
    );
    assert!(named("use subcrate::x;").is_empty());
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    g.entry("draft".into())
        .or_default()
        .insert("template".into());
    g.entry("template".into())
        .or_default()
        .insert("draft".into());
    assert!(cycle_from(&g, "draft").is_some());
    g.remove("template");
    assert!(cycle_from(&g, "draft").is_none());
    assert!(rank("check") > rank("plugin") && rank("nd30") > rank("model"));
}

/// `tests/README.md` says what every test file proves: a file it does not name, or a name
/// with no file, fails here.
#[test]
fn the_test_readme_names_every_test_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let files: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rs"))
        .collect();
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    let named: BTreeSet<String> = readme
        .split('`')
        .filter(|s| s.ends_with(".rs") && !s.contains('/') && !s.contains(' '))
        .map(str::to_string)
        .collect();
    assert_eq!(files, named);
}
