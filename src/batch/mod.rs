//! `vbhc batch`: one document per spreadsheet row, from a base draft. Everything that can be
//! decided without rendering is decided first ([`Plan::new`]): the columns, the `{{field}}`s
//! of the base draft, each row's number and file name, and any two rows that would write one
//! file. Only then are documents made, on every core ([`run`]), each on its own: a bad row
//! gives its findings and leaves no file, and the others go on.

pub mod columns;
mod fill;
pub mod name;
pub mod pattern;
mod plan;
pub mod sheet;

pub use plan::Plan;

use crate::draft;
use crate::finding::{Finding, Location, codes};
use crate::plugin::{Applier, Host, Registry};
use crate::template::Templates;
use crate::text::ToneStyle;
use rayon::prelude::*;
use sheet::Sheet;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// What the clerk asked for, besides the files.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub sheet: sheet::Options,
    /// `--map "Tên doanh nghiệp=ten_dn"`
    pub renames: Vec<(String, String)>,
    /// `--name`, e.g. `{{so}}-{{don_vi}}.docx`.
    pub name: Option<String>,
    /// File names without Vietnamese marks.
    pub ascii_names: bool,
    /// First number when the base draft says `so = "auto"`.
    pub start: u32,
}

/// The default output name: the row number, padded so the files sort as the rows do.
pub const DEFAULT_NAME: &str = "{{dong}}.docx";

/// One document to make.
#[derive(Debug, Clone)]
pub struct Job {
    /// Index into the sheet's rows.
    pub row: usize,
    /// The document's number, however it is given (column, base draft, or `so = "auto"`).
    pub number: Option<u32>,
    /// The file name in the output folder.
    pub file: String,
}

/// What the rows share: templates, tone, the plugin runtime, and the clerk's choices.
pub struct Env<'a> {
    pub templates: &'a Templates,
    pub tone: ToneStyle,
    pub host: &'a Host,
    pub registry: &'a Registry,
    pub out_dir: &'a Path,
    pub force: bool,
    pub allow_errors: bool,
    pub fail_fast: bool,
    /// Run the checker and the plugin's rules on each document (off only for comparisons).
    pub check: bool,
}

#[derive(Debug)]
pub enum Status {
    /// Written; the findings are warnings and notes (or errors, under `--allow-errors`).
    Written { findings: Vec<Finding> },
    /// Not written; why.
    Failed(Vec<Finding>),
    /// Not tried: `--fail-fast` stopped the batch first.
    Skipped,
}

#[derive(Debug)]
pub struct Outcome {
    pub job: Job,
    /// The spreadsheet row (1-based).
    pub row: u32,
    pub status: Status,
}

/// Makes and writes every job's document, in parallel on the current rayon pool; `tick` is
/// called after each. Outcomes come back in row order; no document is kept after it is written.
pub fn run(plan: &Plan, env: &Env, tick: &(dyn Fn() + Sync)) -> Vec<Outcome> {
    let stop = AtomicBool::new(false);
    plan.jobs
        .par_iter()
        .map(|job| {
            let row = plan.sheet.rows[job.row].number;
            let status = if env.fail_fast && stop.load(Ordering::Relaxed) {
                Status::Skipped
            } else {
                let s = one(plan, env, job);
                if matches!(s, Status::Failed(_)) {
                    stop.store(true, Ordering::Relaxed);
                }
                s
            };
            tick();
            Outcome {
                job: job.clone(),
                row,
                status,
            }
        })
        .collect()
}

/// The row's reference for findings that point at the base draft, not at a cell.
fn row_ref(sheet: &Sheet, row: u32) -> String {
    match &sheet.name {
        Some(n) => format!("{n}!{row}:{row}"),
        None => format!("{row}:{row}"),
    }
}

/// A field missing or empty in the row's draft whose column is blank in this row: the cell is
/// where the clerk looks, not the base draft (an empty cell reads as an absent key, so the
/// base's value, or its absence, shows through).
fn blame_empty_cell(plan: &Plan, row_index: usize, f: &mut Finding) {
    if ![
        codes::DRAFT_MISSING_FIELD,
        codes::DRAFT_EMPTY,
        codes::DRAFT_EMPTY_BODY,
    ]
    .contains(&&*f.code)
    {
        return;
    }
    let Some(field) = f.location.as_ref().and_then(|l| l.field.clone()) else {
        return;
    };
    let row = &plan.sheet.rows[row_index];
    let Some(col) = plan
        .columns
        .cols
        .iter()
        .find(|c| c.target.as_ref().is_some_and(|t| t.path.join(".") == field))
    else {
        return;
    };
    if !row.text(col.index).is_empty() {
        return;
    }
    let cell = plan.sheet.at(row.number, col.index);
    let name = cell.cell.clone().unwrap_or_default();
    f.message = crate::msg!(
        "ô {} (cột `{}`) để trống, và bản nháp gốc không có `{}`",
        "cell {} (column `{}`) is empty, and the base draft has no `{}`",
        name,
        col.header,
        field
    );
    f.hint = Some(crate::msg!(
        "điền ô {}, hoặc thêm `{}` vào bản nháp gốc cho mọi dòng",
        "fill cell {}, or give `{}` in the base draft for every row",
        name,
        field
    ));
    f.location = Some(cell.with_field(field));
}

fn one(plan: &Plan, env: &Env, job: &Job) -> Status {
    let row = plan.sheet.rows[job.row].number;
    let mark = |mut fs: Vec<Finding>| {
        for f in &mut fs {
            blame_empty_cell(plan, job.row, f);
            let loc = f
                .location
                .get_or_insert_with(|| Location::file(&plan.base_path));
            if loc.cell.is_none() {
                loc.cell = Some(row_ref(&plan.sheet, row));
            }
        }
        fs
    };
    if let Some(fs) = plan.early.get(&job.row) {
        return Status::Failed(mark(fs.clone()));
    }
    let mut cells = Vec::new();
    let table = match plan.table(job, &mut cells) {
        Ok(t) => t,
        Err(fs) => return Status::Failed(mark(fs.0)),
    };
    let mut applier = Applier::new(env.host, env.registry, &plan.base_path);
    let made = draft::load_table(
        &plan.base_path,
        table,
        &cells,
        env.templates,
        env.tone,
        Some(&mut applier),
    )
    .and_then(|d| crate::produce::make(d, &mut applier, env.check));
    let made = match made {
        Ok(m) => m,
        Err(fs) => return Status::Failed(mark(fs.0)),
    };
    if !made.writable(env.allow_errors) {
        return Status::Failed(mark(made.findings));
    }
    let path = crate::output::beside(env.out_dir, &job.file);
    if let Err(f) = crate::output::write(
        &path,
        &made.bytes,
        env.force,
        crate::output::Durability::Atomic,
    ) {
        let mut fs = made.findings;
        fs.insert(0, f);
        return Status::Failed(mark(fs));
    }
    Status::Written {
        findings: mark(made.findings),
    }
}
