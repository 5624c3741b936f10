//! The checker on other offices' documents (`tests/corpus/wider/`, sources in its
//! `SOURCES.md`): every file reads, and its findings are exactly the ones in
//! `tests/golden/wider/<source>/<file>.txt`, each judged by hand against the XML and the
//! rendered page. A golden line is `<verdict>\t<code> <severity> ¶<n>: <message>`, the verdict
//! `right`, `false` or `?` (not judged); a file whose first line is `# judged` has no `?` left
//! on an error, a warning or the scope note (`ND30-NOT-ND30`, counted as an error: on a
//! document the decree governs it silences every rule).
//! A finding that appears or disappears fails the test; `VBHC_BLESS=1` writes the files anew,
//! keeping the verdict of every line that is still there and marking new lines `?` — to be
//! judged before the change is committed. The precision the verdicts give is itself a golden
//! file (`tests/golden/wider/PRECISION.txt`), so a change that costs precision shows.

use crate::common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use vbhc::check::{Origin, check};

/// The DOCX files of the wider corpus, by source folder, in name order.
fn wider() -> Vec<PathBuf> {
    let dir = root().join("tests/corpus/wider");
    let mut v = Vec::new();
    for src in std::fs::read_dir(&dir).expect("tests/corpus/wider") {
        let src = src.unwrap().path();
        if !src.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&src).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "docx") {
                v.push(f);
            }
        }
    }
    v.sort();
    v
}

fn rel(f: &Path) -> String {
    let src = f.parent().unwrap().file_name().unwrap().to_string_lossy();
    let stem = f.file_stem().unwrap().to_string_lossy();
    format!("{src}/{stem}.txt")
}

fn findings(path: &Path) -> Vec<String> {
    let doc = vbhc::reader::read(path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
    check(&doc, Origin::Docx)
        .iter()
        .map(|f| {
            let para = f
                .location
                .as_ref()
                .and_then(|l| l.paragraph)
                .map_or("-".to_string(), |p| format!("¶{p}"));
            format!(
                "{} {} {}: {}",
                f.code,
                f.severity.label(vbhc::i18n::Lang::En),
                para,
                f.message.vi.replace('\n', " ")
            )
        })
        .collect()
}

/// A golden file: whether it is judged, and its lines with their verdicts.
struct Judged {
    judged: bool,
    lines: Vec<(String, String)>,
}

fn parse(text: &str) -> Judged {
    let judged = text
        .lines()
        .next()
        .is_some_and(|l| l.starts_with("# judged"));
    let lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (v, rest) = l.split_once('\t').unwrap_or(("?", l));
            (v.trim().to_string(), rest.to_string())
        })
        .collect();
    Judged { judged, lines }
}

/// Whether a finding line needs a verdict: errors, warnings and the scope note; other notes
/// may stay unjudged.
fn counted(line: &str) -> bool {
    let sev = line.split_whitespace().nth(1).unwrap_or("");
    sev == "error" || sev == "warning" || line.starts_with("ND30-NOT-ND30 ")
}

fn write(header: &[&str], lines: &[(String, String)]) -> String {
    let mut s: String = header.iter().map(|h| format!("{h}\n")).collect();
    for (v, l) in lines {
        s.push_str(&format!("{v}\t{l}\n"));
    }
    s
}

#[test]
fn wider_findings_match_the_judged_ones() {
    let files = wider();
    assert!(
        files.len() >= 60,
        "the wider corpus holds {} files",
        files.len()
    );
    let dir = root().join("tests/golden/wider");
    let mut failures = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for f in &files {
        let file = dir.join(rel(f));
        seen.insert(file.clone());
        let got = findings(f);
        let old = std::fs::read_to_string(&file).unwrap_or_default();
        let header: Vec<&str> = old.lines().take_while(|l| l.starts_with('#')).collect();
        let want = parse(&old);
        if golden::blessing() {
            let mut verdicts: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for (v, l) in &want.lines {
                verdicts.entry(l.as_str()).or_default().push(v.as_str());
            }
            let lines: Vec<(String, String)> = got
                .iter()
                .map(|l| {
                    let v = verdicts
                        .get_mut(l.as_str())
                        .and_then(|v| (!v.is_empty()).then(|| v.remove(0)))
                        .unwrap_or("?");
                    (v.to_string(), l.clone())
                })
                .collect();
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(&file, write(&header, &lines)).unwrap();
            continue;
        }
        let had: Vec<&str> = want.lines.iter().map(|(_, l)| l.as_str()).collect();
        if had != got {
            let new: Vec<&String> = got.iter().filter(|l| !had.contains(&l.as_str())).collect();
            let gone: Vec<&&str> = had
                .iter()
                .filter(|l| !got.contains(&l.to_string()))
                .collect();
            failures.push(format!(
                "{}: findings changed\n    new: {new:#?}\n    gone: {gone:#?}",
                file.display()
            ));
        }
        if want.judged
            && want
                .lines
                .iter()
                .any(|(v, l)| counted(l) && v != "right" && v != "false")
        {
            failures.push(format!(
                "{}: judged, but a line has no verdict",
                file.display()
            ));
        }
    }
    for e in walk(&dir) {
        if e.extension().is_some_and(|x| x == "txt")
            && !seen.contains(&e)
            && !e.ends_with("PRECISION.txt")
        {
            failures.push(format!("{}: nothing compared it", e.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// Which part a source folder is in: `held` folders were set aside while the checker was
/// tuned, and measure it.
fn parts() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join("tests/corpus/wider/SOURCES.md")).unwrap();
    text.lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| {
            let (folder, rest) = l.split_once('`')?;
            let part = rest.split('|').nth(1)?.trim().to_string();
            (part == "tune" || part == "held").then(|| (folder.to_string(), part))
        })
        .collect()
}

/// Precision of the judged findings, per part and severity, and false errors per judged
/// document; compared with `PRECISION.txt`.
#[test]
fn judged_precision_is_the_recorded_one() {
    let parts = parts();
    let dir = root().join("tests/golden/wider");
    // part → (right errors, false errors, right warnings, false warnings, judged documents)
    let mut t: BTreeMap<String, [u32; 5]> = BTreeMap::new();
    for f in wider() {
        let folder = f
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let part = parts
            .get(&folder)
            .unwrap_or_else(|| panic!("{folder}: not in SOURCES.md as tune or held"))
            .clone();
        let g = parse(&std::fs::read_to_string(dir.join(rel(&f))).unwrap_or_default());
        if !g.judged {
            continue;
        }
        let e = t.entry(part).or_default();
        e[4] += 1;
        for (v, l) in &g.lines {
            // A NOT-ND30 note on a document the decree governs silences every rule: it counts
            // as an error.
            let sev = if l.starts_with("ND30-NOT-ND30 ") {
                "error"
            } else {
                l.split_whitespace().nth(1).unwrap_or("")
            };
            let i = match (sev, v.as_str()) {
                ("error", "right") => 0,
                ("error", "false") => 1,
                ("warning", "right") => 2,
                ("warning", "false") => 3,
                _ => continue,
            };
            e[i] += 1;
        }
    }
    let pct = |a: u32, b: u32| {
        if a + b == 0 {
            "—".to_string()
        } else {
            format!("{:.0} %", 100.0 * f64::from(a) / f64::from(a + b))
        }
    };
    let mut out = String::from(
        "# precision of the judged findings (errors; errors and warnings), false errors per document\n",
    );
    for (part, [re, fe, rw, fw, docs]) in &t {
        out.push_str(&format!(
            "{part}: {docs} documents; errors {} right of {}: {}; all {} right of {}: {}; false errors per document {:.2}\n",
            re,
            re + fe,
            pct(*re, *fe),
            re + rw,
            re + fe + rw + fw,
            pct(re + rw, fe + fw),
            f64::from(*fe) / f64::from((*docs).max(1))
        ));
    }
    golden::compare(&dir.join("PRECISION.txt"), &out).unwrap_or_else(|e| panic!("{e}"));
}
