//! Golden files: what a test produced, compared with a reviewed copy in the repository. One
//! implementation for every golden test (rendered XML, the checker's corpus findings, the font
//! table): `VBHC_BLESS=1` writes the copies anew, to be reviewed with `git diff` before they
//! are committed; without it a difference fails the test, saying where. A golden folder also
//! fails on files nothing compared (a sample or corpus file renamed or removed leaves one).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub fn blessing() -> bool {
    std::env::var_os("VBHC_BLESS").is_some()
}

/// How `got` differs from `want`, for the failure message: lines added and lines gone (sets,
/// enough for a list of findings) and the first line where they part.
fn difference(want: &str, got: &str) -> String {
    let added: Vec<&str> = got
        .lines()
        .filter(|l| !want.lines().any(|w| w == *l))
        .collect();
    let gone: Vec<&str> = want
        .lines()
        .filter(|l| !got.lines().any(|g| g == *l))
        .collect();
    let first = want
        .lines()
        .zip(got.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(want.lines().count().min(got.lines().count()));
    let show = |v: &[&str]| {
        v.iter()
            .take(8)
            .map(|l| format!("\n      {l}"))
            .collect::<String>()
            + if v.len() > 8 { "\n      …" } else { "" }
    };
    format!(
        "differs from line {}\n    new:{}\n    gone:{}",
        first + 1,
        show(&added),
        show(&gone)
    )
}

/// One golden file compared (or, blessing, written). `Err` says how it differs.
pub fn compare(file: &Path, got: &str) -> Result<(), String> {
    if blessing() {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(file, got).unwrap();
        return Ok(());
    }
    match std::fs::read_to_string(file) {
        Ok(want) if want == got => Ok(()),
        Ok(want) => Err(format!("{}: {}", file.display(), difference(&want, got))),
        Err(_) => Err(format!(
            "{}: no golden file (run with VBHC_BLESS=1 and review `git diff`)",
            file.display()
        )),
    }
}

/// A folder of golden files.
pub struct Folder {
    root: PathBuf,
    /// Subfolders another test owns.
    others: Vec<PathBuf>,
    seen: BTreeSet<PathBuf>,
    failures: Vec<String>,
}

impl Folder {
    pub fn new(root: PathBuf) -> Folder {
        Folder {
            root,
            others: Vec::new(),
            seen: BTreeSet::new(),
            failures: Vec::new(),
        }
    }

    /// Leaves `sub` to another test.
    pub fn except(mut self, sub: &str) -> Folder {
        self.others.push(self.root.join(sub));
        self
    }

    /// Compares `got` with the golden file `rel` of the folder.
    pub fn check(&mut self, rel: impl AsRef<Path>, got: &str) {
        let file = self.root.join(rel);
        if let Err(e) = compare(&file, got) {
            self.failures.push(e);
        }
        self.seen.insert(file);
    }

    /// Fails with every difference, and every file of the folder nothing compared (removed
    /// when blessing).
    pub fn finish(mut self) {
        let mut stack = vec![self.root.clone()];
        while let Some(dir) = stack.pop() {
            if self.others.contains(&dir) {
                continue;
            }
            let Ok(rd) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in rd {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if !self.seen.contains(&p) {
                    if blessing() {
                        std::fs::remove_file(&p).unwrap();
                    } else {
                        self.failures.push(format!(
                            "{}: a golden file nothing compared (its sample or input is gone?); VBHC_BLESS=1 removes it",
                            p.display()
                        ));
                    }
                }
            }
        }
        assert!(self.failures.is_empty(), "{}", self.failures.join("\n"));
    }
}
