//! `vbhc batch`: one document per spreadsheet row, from a base draft. Everything that can be
//! decided without rendering is decided first ([`Plan::new`]): the columns, the `{{field}}`s
//! of the base draft, each row's number and file name, and any two rows that would write one
//! file. Only then are documents made, on every core ([`run`]), each on its own: a bad row
//! gives its findings and leaves no file, and the others go on.

pub mod columns;
pub mod name;
pub mod pattern;
pub mod sheet;

use crate::draft::node::{Node, Pos, Table, Value};
use crate::draft::{self, supply};
use crate::exit::Exit;
use crate::finding::{Finding, Location};
use crate::msg;
use crate::plugin::{Applier, Host, Registry};
use crate::template::{FieldKind, Templates};
use crate::text::ToneStyle;
use columns::{Column, Columns};
use pattern::{Escape, Pattern};
use rayon::prelude::*;
use sheet::{Row, Sheet};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
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

/// Keys every row has besides its columns: `{{dong}}` (the row number, padded) and `{{so}}`
/// (the document's number, when it has one).
const BUILTIN_KEYS: &[&str] = &["dong", "so"];

/// Where a `{{field}}` of the base draft sits: keys and list indices from the root.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

#[derive(Debug)]
struct Fill {
    path: Vec<Step>,
    pattern: Pattern,
    escape: Escape,
}

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

/// Everything decided before the first document.
pub struct Plan {
    pub sheet: Sheet,
    pub columns: Columns,
    pub base_path: PathBuf,
    base: Table,
    fills: Vec<Fill>,
    auto_number: bool,
    pub jobs: Vec<Job>,
    /// Rows that fail before rendering (a cell the name needs is unusable), by row index.
    pub early: HashMap<usize, Vec<Finding>>,
    /// Said once, before the work: unused columns.
    pub warnings: Vec<Finding>,
}

fn error(code: &'static str, m: crate::i18n::Msg, at: Location) -> Finding {
    Finding::error(code, Exit::DataErr, m).at(at)
}

/// Core fields a province plugin may supply (the draft and the spreadsheet may leave them out).
const PLUGIN_SUPPLIES: &[&str] = &[
    "chu_quan",
    "co_quan.ten",
    "co_quan.viet_tat",
    "dia_danh",
    "kinh_gui",
    "noi_nhan",
    "luu",
    "ky.quyen_han",
    "ky.chuc_vu",
];

impl Plan {
    pub fn new(
        rows: &Path,
        base_path: &Path,
        templates: &Templates,
        opts: &Options,
    ) -> Result<Plan, Vec<Finding>> {
        let src = draft::read_text(base_path).map_err(|f| vec![f])?;
        let mut base = draft::parse_table(base_path, &src)?;
        let kind = match base.entries.get("loai").map(|(_, n)| &n.value) {
            Some(Value::String(k)) => k.trim().to_string(),
            _ => {
                return Err(vec![error(
                    "DRAFT-MISSING-FIELD",
                    msg!(
                        "bản nháp gốc thiếu `loai` (loại văn bản)",
                        "the base draft lacks `loai` (document kind)"
                    ),
                    Location::file(base_path).with_field("loai"),
                )]);
            }
        };
        let tp = templates.get(&kind).map_err(|f| vec![f])?;
        let sheet = sheet::read(rows, &opts.sheet).map_err(|f| vec![f])?;
        let columns = columns::resolve(&sheet, &tp, &opts.renames)?;
        let mut errors = Vec::new();

        // `so = "auto"`: numbered by row, start + index, whatever happens to other rows.
        let auto_number = matches!(
            base.entries.get("so").map(|(_, n)| &n.value),
            Some(Value::String(s)) if s.trim().eq_ignore_ascii_case("auto")
        );
        if auto_number {
            base.entries.remove("so");
        }

        // The base draft's `{{field}}`s.
        let mut fills = Vec::new();
        collect_fills(
            &base,
            &mut Vec::new(),
            &tp,
            &mut fills,
            &mut |path, m, pos| {
                errors.push(error(
                    "BATCH-FIELD",
                    msg!("`{{{{…}}}}` sai: {}", "bad `{{{{…}}}}`: {}", m),
                    Location::file(base_path)
                        .at(pos.line, pos.column)
                        .with_field(path),
                ));
            },
        );
        let name_src = opts.name.as_deref().unwrap_or(DEFAULT_NAME);
        let name_pattern = match Pattern::parse(name_src) {
            Ok(Some(p)) => p,
            // One fixed name: fine for one row; two rows are caught as a collision below.
            Ok(None) => Pattern::literal(name_src),
            Err(m) => {
                errors.push(error(
                    "BATCH-NAME",
                    msg!("mẫu tên tệp sai: {}", "bad name pattern: {}", m),
                    Location::default(),
                ));
                return Err(errors);
            }
        };

        // Every key used must be a column (or a built-in one).
        let known = |k: &str| BUILTIN_KEYS.contains(&k) || columns.by_key(k).is_some();
        for f in &fills {
            for k in f.pattern.keys().filter(|k| !known(k)) {
                errors.push(
                    error(
                        "BATCH-MISSING-COLUMN",
                        msg!(
                            "thiếu cột `{}`: bản nháp gốc dùng {{{{{}}}}} ở `{}`",
                            "missing column `{}`: the base draft uses {{{{{}}}}} in `{}`",
                            k,
                            k,
                            path_text(&f.path)
                        ),
                        Location::file(rows),
                    )
                    .hint(msg!(
                        "thêm cột có tiêu đề `{}` vào bảng tính",
                        "add a column headed `{}` to the spreadsheet",
                        k
                    )),
                );
            }
        }
        for k in name_pattern.keys().filter(|k| !known(k)) {
            errors.push(error(
                "BATCH-MISSING-COLUMN",
                msg!(
                    "thiếu cột `{}`: mẫu tên tệp dùng {{{{{}}}}}",
                    "missing column `{}`: the name pattern uses {{{{{}}}}}",
                    k,
                    k
                ),
                Location::file(rows),
            ));
        }

        // Required fields: in the base draft, or in a column for every row.
        let plugin = base.entries.contains_key("plugin");
        let mut required: Vec<String> = Vec::new();
        for f in draft::schema::CORE.iter().filter(|f| f.required) {
            match f.kind {
                draft::schema::CoreKind::Table(inner) => required.extend(
                    inner
                        .iter()
                        .filter(|g| g.required)
                        .map(|g| format!("{}.{}", f.name, g.name)),
                ),
                _ => required.push(f.name.to_string()),
            }
        }
        required.extend(
            tp.fields
                .iter()
                .filter(|d| d.required)
                .map(|d| d.name.clone()),
        );
        for path in required {
            if plugin && PLUGIN_SUPPLIES.contains(&path.as_str()) {
                continue;
            }
            let in_base = lookup(&base, &path).is_some();
            let in_column = columns
                .cols
                .iter()
                .any(|c| c.target.as_ref().is_some_and(|t| t.path.join(".") == path));
            if !in_base && !in_column {
                errors.push(
                    error(
                        "BATCH-MISSING-COLUMN",
                        msg!(
                            "thiếu cột `{}`: trường bắt buộc này không có trong bản nháp gốc",
                            "missing column `{}`: this required field is not in the base draft",
                            path
                        ),
                        Location::file(rows),
                    )
                    .hint(msg!(
                        "thêm cột `{}` vào bảng tính, hoặc ghi trường vào {}",
                        "add a column `{}` to the spreadsheet, or put the field in {}",
                        path,
                        base_path.display()
                    )),
                );
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }

        // Data columns nobody uses: said once, before the work, never silently dropped.
        let used: Vec<&str> = fills
            .iter()
            .flat_map(|f| f.pattern.keys())
            .chain(name_pattern.keys())
            .collect();
        let mut warnings = Vec::new();
        for c in columns.cols.iter().filter(|c| c.target.is_none()) {
            if used.contains(&c.key.as_str()) {
                continue;
            }
            let mut w = Finding::warning(
                "BATCH-UNUSED-COLUMN",
                msg!(
                    "cột {} `{}` không phải tên trường và không được dùng trong {{{{…}}}}: bỏ qua",
                    "column {} `{}` is not a field and no {{{{…}}}} uses it: ignored",
                    sheet::column_name(c.index),
                    c.header
                ),
            )
            .at(columns::header_at(&sheet, c));
            if let Some(s) = columns::suggest(&c.key, &tp) {
                w = w.hint(msg!("ý là `{}`?", "did you mean `{}`?", s));
            }
            warnings.push(w);
        }

        if !sheet.above.is_empty() {
            let rows_above = sheet
                .above
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            warnings.push(
                Finding::note(
                    "BATCH-HEADER-ROW",
                    msg!(
                        "tiêu đề cột ở dòng {}; dòng {} phía trên là tên bảng, không phải dữ liệu",
                        "column headers on row {}; row {} above is the table's title, not data",
                        sheet.header_row,
                        rows_above
                    ),
                )
                .at(sheet.at(sheet.header_row, 0))
                .hint(msg!(
                    "chọn dòng tiêu đề khác bằng --header-row N",
                    "pick another header row with --header-row N"
                )),
            );
        }

        // Numbers and names, for every row, before anything is written.
        let width = sheet.rows.last().map_or(1, |r| r.number.to_string().len());
        let so_col = columns.by_key("so").map(|c| c.index);
        let mut jobs = Vec::with_capacity(sheet.rows.len());
        let mut early: HashMap<usize, Vec<Finding>> = HashMap::new();
        for (i, row) in sheet.rows.iter().enumerate() {
            let cell_so = so_col.map(|c| row.text(c)).filter(|s| !s.is_empty());
            let number = match &cell_so {
                Some(s) => s.parse::<u32>().ok(),
                None if auto_number => Some(opts.start + i as u32),
                None => match base.entries.get("so").map(|(_, n)| &n.value) {
                    Some(Value::Integer(n)) => u32::try_from(*n).ok(),
                    _ => None,
                },
            };
            let dong = format!("{:0width$}", row.number);
            let so = number
                .map(|n| draft::number::format_number(Some(n)))
                .unwrap_or_default();
            let raw = name_pattern.fill(Escape::None, |k| match k {
                "dong" => Ok(dong.as_str()),
                "so" => Ok(so.as_str()),
                k => value_of(&sheet, &columns, row, k),
            });
            let file = match raw {
                Ok(raw) => name::safe(&raw, opts.ascii_names),
                Err(f) => {
                    early.entry(i).or_default().push(*f);
                    name::safe(&dong, opts.ascii_names)
                }
            };
            jobs.push(Job {
                row: i,
                number,
                file,
            });
        }
        // Two rows, one file: refused before anything is written.
        let mut seen: HashMap<unicase::UniCase<String>, usize> = HashMap::new();
        for (i, job) in jobs.iter().enumerate() {
            if let Some(&first) = seen.get(&name::collision_key(&job.file)) {
                let (a, b) = (&sheet.rows[jobs[first].row], &sheet.rows[job.row]);
                errors.push(
                    error(
                        "BATCH-SAME-NAME",
                        msg!(
                            "dòng {} và dòng {} cùng ghi vào tệp `{}`",
                            "rows {} and {} would both write `{}`",
                            a.number,
                            b.number,
                            job.file
                        ),
                        sheet.at(b.number, 0),
                    )
                    .hint(msg!(
                        "đưa vào --name một cột khác nhau ở mỗi dòng, ví dụ {{{{dong}}}}",
                        "put a column that differs per row into --name, e.g. {{{{dong}}}}"
                    )),
                );
                if errors.len() >= 20 {
                    break;
                }
            } else {
                seen.insert(name::collision_key(&job.file), i);
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Plan {
            sheet,
            columns,
            base_path: base_path.to_path_buf(),
            base,
            fills,
            auto_number,
            jobs,
            early,
            warnings,
        })
    }

    /// The draft table of one row: the base, its `{{field}}`s filled, the row's columns put
    /// in, its number set. `cells` receives the location of every cell used.
    fn table(&self, job: &Job, cells: &mut Vec<Location>) -> Result<Table, Vec<Finding>> {
        let row = &self.sheet.rows[job.row];
        let mut errors = Vec::new();
        let mut t = self.base.clone();
        let dong = row.number.to_string();
        let so = job
            .number
            .map(|n| draft::number::format_number(Some(n)))
            .unwrap_or_default();
        for f in &self.fills {
            let filled = f.pattern.fill(f.escape, |k| match k {
                "dong" => Ok(dong.as_str()),
                "so" => Ok(so.as_str()),
                k => value_of(&self.sheet, &self.columns, row, k),
            });
            match filled {
                Ok(s) => set(&mut t, &f.path, s),
                // One finding per cell, however many fields use it.
                Err(e) if errors.iter().any(|g: &Finding| g.location == e.location) => {}
                Err(e) => errors.push(*e),
            }
        }
        for col in self.columns.cols.iter().filter(|c| c.target.is_some()) {
            if let Some(f) = columns::unusable(&self.sheet, row, col) {
                errors.push(f);
            }
        }
        columns::apply(&mut t, &self.columns, row, |col| {
            cells.push(self.sheet.at(row.number, col.index));
            supply::cell(cells.len() - 1)
        });
        if let Some(n) = job.number
            && self.auto_number
            && !t.entries.contains_key("so")
        {
            let pos = Pos::default();
            t.entries.insert(
                "so".into(),
                (
                    pos,
                    Node {
                        value: Value::Integer(n.into()),
                        pos,
                    },
                ),
            );
        }
        if errors.is_empty() {
            Ok(t)
        } else {
            Err(errors)
        }
    }
}

/// A row's value for `{{key}}`: its column's text, or the finding for an unusable cell.
fn value_of<'a>(
    sheet: &Sheet,
    columns: &Columns,
    row: &'a Row,
    key: &str,
) -> Result<&'a str, Box<Finding>> {
    let col: &Column = columns
        .by_key(key)
        .expect("keys were checked against the columns");
    if let Some(f) = columns::unusable(sheet, row, col) {
        return Err(Box::new(f));
    }
    Ok(row.text(col.index))
}

fn path_text(path: &[Step]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            Step::Key(k) if s.is_empty() => s.push_str(k),
            Step::Key(k) => {
                s.push('.');
                s.push_str(k)
            }
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// Whether the field at `path` is markup (its `{{field}}`s are escaped as markup).
fn escape_for(path: &[Step], tp: &crate::template::KindTemplate) -> Escape {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|s| match s {
            Step::Key(k) => Some(k.as_str()),
            Step::Index(_) => None,
        })
        .collect();
    let markup = match keys.as_slice() {
        [k] => tp
            .fields
            .iter()
            .any(|d| d.name == *k && d.kind == FieldKind::Markup),
        ["phu_luc", "noi_dung"] => true,
        _ => false,
    };
    if markup { Escape::Markup } else { Escape::None }
}

fn collect_fills(
    t: &Table,
    path: &mut Vec<Step>,
    tp: &crate::template::KindTemplate,
    out: &mut Vec<Fill>,
    bad: &mut dyn FnMut(String, String, Pos),
) {
    for (k, (_, node)) in &t.entries {
        path.push(Step::Key(k.clone()));
        collect_node(node, path, tp, out, bad);
        path.pop();
    }
}

fn collect_node(
    node: &Node,
    path: &mut Vec<Step>,
    tp: &crate::template::KindTemplate,
    out: &mut Vec<Fill>,
    bad: &mut dyn FnMut(String, String, Pos),
) {
    match &node.value {
        Value::String(s) => match Pattern::parse(s) {
            Ok(Some(pattern)) => out.push(Fill {
                path: path.clone(),
                escape: escape_for(path, tp),
                pattern,
            }),
            Ok(None) => {}
            Err(m) => bad(path_text(path), m, node.pos),
        },
        Value::Array(items) => {
            for (i, n) in items.iter().enumerate() {
                path.push(Step::Index(i));
                collect_node(n, path, tp, out, bad);
                path.pop();
            }
        }
        Value::Table(inner) => collect_fills(inner, path, tp, out, bad),
        _ => {}
    }
}

/// Replaces the string at `path` (it was a string when the fill was collected).
fn set(t: &mut Table, path: &[Step], v: String) {
    let Some((Step::Key(first), rest)) = path.split_first() else {
        return;
    };
    let Some((_, node)) = t.entries.get_mut(first) else {
        return;
    };
    let mut node = node;
    for step in rest {
        node = match (step, &mut node.value) {
            (Step::Key(k), Value::Table(inner)) => match inner.entries.get_mut(k) {
                Some((_, n)) => n,
                None => return,
            },
            (Step::Index(i), Value::Array(items)) => match items.get_mut(*i) {
                Some(n) => n,
                None => return,
            },
            _ => return,
        };
    }
    node.value = Value::String(v);
}

/// The node at a dotted path (`ky.ho_ten`).
fn lookup<'a>(t: &'a Table, path: &str) -> Option<&'a Node> {
    let mut segs = path.split('.');
    let mut node = &t.entries.get(segs.next()?)?.1;
    for seg in segs {
        let Value::Table(inner) = &node.value else {
            return None;
        };
        node = &inner.entries.get(seg)?.1;
    }
    Some(node)
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

fn one(plan: &Plan, env: &Env, job: &Job) -> Status {
    let row = plan.sheet.rows[job.row].number;
    let mark = |mut fs: Vec<Finding>| {
        for f in &mut fs {
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
        Err(fs) => return Status::Failed(mark(fs)),
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
        Err(fs) => return Status::Failed(mark(fs)),
    };
    if !made.writable(env.allow_errors) {
        return Status::Failed(mark(made.findings));
    }
    let path = env.out_dir.join(&job.file);
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
