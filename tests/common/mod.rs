//! Shared helpers for the integration tests: run the real binary, read DOCX parts, normalise
//! XML for golden comparison.
#![allow(dead_code)]

pub mod golden;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A skeleton from `vbhc new` as a valid draft: its placeholders ("…", "Nguyễn Văn A") are
/// errors unless the draft says it is blank on purpose (`cho_trong = true`), which the tests
/// that use a skeleton as "some valid draft" do.
pub fn blank_on_purpose(skeleton: &str) -> String {
    let at = skeleton
        .find("\nloai = ")
        .expect("a skeleton names its kind");
    let eol = at + 1 + skeleton[at + 1..].find('\n').unwrap() + 1;
    format!("{}cho_trong = true\n{}", &skeleton[..eol], &skeleton[eol..])
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The repository's province plugins, trusted with the demo key: what the samples use.
pub fn repo_plugins() -> Vec<String> {
    let r = root();
    vec![
        "--plugin".into(),
        r.join("plugins/dist/lang-son").display().to_string(),
        "--plugin".into(),
        r.join("plugins/dist/ca-mau").display().to_string(),
        "--trust-key".into(),
        r.join("plugins/keys/demo.pub").display().to_string(),
    ]
}

/// Runs vbhc with the repository's plugins available (as the samples need).
pub fn vbhc(args: &[&str], dir: &Path) -> Output {
    let mut all = repo_plugins();
    all.extend(args.iter().map(|a| a.to_string()));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    vbhc_bare(&all, dir)
}

/// Runs vbhc with nothing but `args`. Hermetic: no office config, installed plugins or
/// plugin cache from the machine running the tests.
pub fn vbhc_bare(args: &[&str], dir: &Path) -> Output {
    Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("VBHC_CONFIG", dir.join(".no-config.toml"))
        .env("VBHC_DATA_DIR", dir.join(".data"))
        .env("VBHC_CACHE_DIR", test_cache())
        .output()
        .expect("vbhc runs")
}

/// The binary under test: this build's, or `VBHC_TEST_BIN` (an older build, to show that a
/// test fails before a fix).
pub fn bin() -> PathBuf {
    std::env::var_os("VBHC_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_vbhc")))
}

/// The 46 genuine DOCX files of `tests/corpus/real-docx`, in name order.
pub fn corpus() -> Vec<PathBuf> {
    let dir = root().join("tests/corpus/real-docx");
    let mut v: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus/real-docx")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    v.sort();
    assert_eq!(v.len(), 46, "the corpus has 46 files");
    v
}

/// One compiled-plugin cache for the whole test run, private to it.
pub fn test_cache() -> PathBuf {
    root().join("target").join("test-plugin-cache")
}

pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .expect("samples/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

/// Renders a sample into `dir`, returning the DOCX path.
pub fn render(sample: &Path, dir: &Path) -> PathBuf {
    let stem = sample.file_stem().unwrap().to_string_lossy().into_owned();
    let out = dir.join(format!("{stem}.docx"));
    let o = vbhc(
        &[
            "render",
            sample.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--force",
        ],
        dir,
    );
    assert_eq!(code(&o), 0, "{stem}: {}", stderr(&o));
    out
}

pub fn part(docx: &Path, name: &str) -> Option<String> {
    let f = std::fs::File::open(docx).expect("docx opens");
    let mut z = zip::ZipArchive::new(f).expect("docx is a zip");
    let mut e = z.by_name(name).ok()?;
    let mut s = String::new();
    e.read_to_string(&mut s).expect("utf-8 part");
    Some(s)
}

pub fn part_names(docx: &Path) -> Vec<String> {
    let f = std::fs::File::open(docx).expect("docx opens");
    let z = zip::ZipArchive::new(f).expect("docx is a zip");
    z.file_names().map(str::to_string).collect()
}

/// One element per line, indented: a diff of two of these reads like a diff of the document.
pub fn pretty(xml: &str) -> String {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(xml);
    let mut w = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 1);
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Text(t) if t.iter().all(u8::is_ascii_whitespace) => {}
            e => w.write_event(e).expect("write"),
        }
    }
    String::from_utf8(w.into_inner()).expect("utf-8") + "\n"
}

/// The text of each paragraph of a part, in order.
pub fn paragraphs(xml: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_t = false;
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_t = false,
            Event::Empty(e) if e.name().as_ref() == b"w:br" => cur.push('\n'),
            Event::Text(t) if in_t => cur.push_str(&t.decode().expect("text")),
            Event::GeneralRef(g) if in_t => {
                let name = String::from_utf8_lossy(&g).into_owned();
                cur.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "?",
                });
            }
            Event::End(e) if e.name().as_ref() == b"w:p" => out.push(std::mem::take(&mut cur)),
            _ => {}
        }
    }
    out
}

/// Runs a tool the README's setup installs; its absence fails the test with what to install.
pub fn tool(cmd: &str, install: &str) -> Command {
    let ok = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {cmd}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        ok,
        "`{cmd}` is needed for this test: {install} (bash .ci/run installs it)"
    );
    Command::new(cmd)
}
