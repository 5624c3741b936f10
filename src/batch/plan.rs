//! Everything decided before the first document: the base draft and its `{{field}}`s, the
//! columns, the fields nobody supplies, each row's number and file name, and any two rows that
//! would write one file. A plan that holds has no error left that rendering could have shown
//! earlier.

use super::Job;
use super::columns::{self, Columns};
use super::fill::{BUILTIN_KEYS, Fill, collect_fills, lookup, path_text, value_of};
use super::pattern::{Escape, Pattern};
use super::sheet::{self, Sheet};
use super::{DEFAULT_NAME, Options, name};
use crate::draft::node::{Table, Value};
use crate::draft::{self, supply};
use crate::finding::Findings;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use crate::template::{KindTemplate, Templates};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Everything decided before the first document.
pub struct Plan {
    pub sheet: Sheet,
    pub columns: Columns,
    pub base_path: PathBuf,
    pub(super) base: Table,
    pub(super) fills: Vec<Fill>,
    pub(super) auto_number: bool,
    pub jobs: Vec<Job>,
    /// Rows that fail before rendering (a cell the name needs is unusable), by row index.
    pub early: HashMap<usize, Vec<Finding>>,
    /// Said once, before the work: unused columns.
    pub warnings: Vec<Finding>,
}

fn error(code: &'static str, m: crate::i18n::Msg, at: Location) -> Finding {
    Finding::new(code, m).at(at)
}

impl Plan {
    pub fn new(
        rows: &Path,
        base_path: &Path,
        templates: &Templates,
        opts: &Options,
    ) -> Result<Plan, Findings> {
        let src = draft::read_text(base_path)?;
        let mut base = draft::parse_table(base_path, &src)?;
        let tp = templates.get(&base_kind(&base, base_path)?)?;
        let sheet = sheet::read(rows, &opts.sheet)?;
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
                    codes::BATCH_FIELD,
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
                    codes::BATCH_NAME,
                    msg!("mẫu tên tệp sai: {}", "bad name pattern: {}", m),
                    Location::default(),
                ));
                return Err(errors.into());
            }
        };
        let need = Needs {
            rows,
            base_path,
            base: &base,
            columns: &columns,
            tp: &tp,
        };
        need.keys_are_columns(&fills, &name_pattern, &mut errors);
        need.required_fields(&mut errors);
        if !errors.is_empty() {
            return Err(errors.into());
        }
        let mut warnings = need.unused_columns(&sheet, &fills, &name_pattern);
        warnings.extend(header_row_note(&sheet));

        let (jobs, early) = jobs(&sheet, &columns, &base, &name_pattern, auto_number, opts);
        same_names(&sheet, &jobs, &mut errors);
        if !errors.is_empty() {
            return Err(errors.into());
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
}

/// The base draft's kind: it decides which columns are fields.
fn base_kind(base: &Table, base_path: &Path) -> Result<String, Findings> {
    match base.entries.get("loai").map(|(_, n)| &n.value) {
        Some(Value::String(k)) => Ok(k.trim().to_string()),
        _ => Err(Findings::from(vec![error(
            codes::DRAFT_MISSING_FIELD,
            msg!(
                "bản nháp gốc thiếu `loai` (loại văn bản)",
                "the base draft lacks `loai` (document kind)"
            ),
            Location::file(base_path).with_field("loai"),
        )])),
    }
}

/// What the base draft and the spreadsheet must hold between them.
struct Needs<'a> {
    rows: &'a Path,
    base_path: &'a Path,
    base: &'a Table,
    columns: &'a Columns,
    tp: &'a KindTemplate,
}

impl Needs<'_> {
    fn known(&self, k: &str) -> bool {
        BUILTIN_KEYS.contains(&k) || self.columns.by_key(k).is_some()
    }

    /// Every key a `{{field}}` or the name pattern uses is a column (or a built-in one).
    fn keys_are_columns(&self, fills: &[Fill], name: &Pattern, errors: &mut Vec<Finding>) {
        for f in fills {
            for k in f.pattern.keys().filter(|k| !self.known(k)) {
                errors.push(
                    error(
                        codes::BATCH_MISSING_COLUMN,
                        msg!(
                            "thiếu cột `{}`: bản nháp gốc dùng {{{{{}}}}} ở `{}`",
                            "missing column `{}`: the base draft uses {{{{{}}}}} in `{}`",
                            k,
                            k,
                            path_text(&f.path)
                        ),
                        Location::file(self.rows),
                    )
                    .hint(msg!(
                        "thêm cột có tiêu đề `{}` vào bảng tính",
                        "add a column headed `{}` to the spreadsheet",
                        k
                    )),
                );
            }
        }
        for k in name.keys().filter(|k| !self.known(k)) {
            errors.push(error(
                codes::BATCH_MISSING_COLUMN,
                msg!(
                    "thiếu cột `{}`: mẫu tên tệp dùng {{{{{}}}}}",
                    "missing column `{}`: the name pattern uses {{{{{}}}}}",
                    k,
                    k
                ),
                Location::file(self.rows),
            ));
        }
    }

    /// Required fields: in the base draft, in a column for every row, or (when the base draft
    /// names a plugin) among what a plugin may supply.
    fn required_fields(&self, errors: &mut Vec<Finding>) {
        let plugin = self.base.entries.contains_key("plugin");
        let mut required: Vec<String> = Vec::new();
        for f in crate::schema::CORE.iter().filter(|f| f.required) {
            match f.kind {
                crate::schema::CoreKind::Table(inner) => required.extend(
                    inner
                        .iter()
                        .filter(|g| g.required)
                        .map(|g| format!("{}.{}", f.name, g.name)),
                ),
                _ => required.push(f.name.to_string()),
            }
        }
        required.extend(
            self.tp
                .fields
                .iter()
                .filter(|d| d.required)
                .map(|d| d.name.clone()),
        );
        for path in required {
            if plugin && supply::SUPPLIABLE.contains(&path.as_str()) {
                continue;
            }
            let in_base = lookup(self.base, &path).is_some();
            let in_column = self
                .columns
                .cols
                .iter()
                .any(|c| c.target.as_ref().is_some_and(|t| t.path.join(".") == path));
            if !in_base && !in_column {
                errors.push(
                    error(
                        codes::BATCH_MISSING_COLUMN,
                        msg!(
                            "thiếu cột `{}`: trường bắt buộc này không có trong bản nháp gốc",
                            "missing column `{}`: this required field is not in the base draft",
                            path
                        ),
                        Location::file(self.rows),
                    )
                    .hint(msg!(
                        "thêm cột `{}` vào bảng tính, hoặc ghi trường vào {}",
                        "add a column `{}` to the spreadsheet, or put the field in {}",
                        path,
                        self.base_path.display()
                    )),
                );
            }
        }
    }

    /// Data columns nobody uses: said once, before the work, never silently dropped.
    fn unused_columns(&self, sheet: &Sheet, fills: &[Fill], name: &Pattern) -> Vec<Finding> {
        let used: Vec<&str> = fills
            .iter()
            .flat_map(|f| f.pattern.keys())
            .chain(name.keys())
            .collect();
        let mut warnings = Vec::new();
        for c in self.columns.cols.iter().filter(|c| c.target.is_none()) {
            if used.contains(&c.key.as_str()) {
                continue;
            }
            let mut w = Finding::new(
                codes::BATCH_UNUSED_COLUMN,
                msg!(
                    "cột {} `{}` không phải tên trường và không được dùng trong {{{{…}}}}: bỏ qua",
                    "column {} `{}` is not a field and no {{{{…}}}} uses it: ignored",
                    sheet::column_name(c.index),
                    c.header
                ),
            )
            .at(columns::header_at(sheet, c));
            if let Some(s) = columns::suggest(&c.key, self.tp) {
                w = w.hint(msg!("ý là `{}`?", "did you mean `{}`?", s));
            }
            warnings.push(w);
        }
        warnings
    }
}

/// Rows above the header row are the table's title: said, so a clerk who meant otherwise
/// knows how to pick the header.
fn header_row_note(sheet: &Sheet) -> Option<Finding> {
    if sheet.above.is_empty() {
        return None;
    }
    let rows_above = sheet
        .above
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    Some(
        Finding::new(
            codes::BATCH_HEADER_ROW,
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
    )
}

/// Numbers and names, for every row, before anything is written; rows whose name cannot be
/// made fail early.
fn jobs(
    sheet: &Sheet,
    columns: &Columns,
    base: &Table,
    name_pattern: &Pattern,
    auto_number: bool,
    opts: &Options,
) -> (Vec<Job>, HashMap<usize, Vec<Finding>>) {
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
            k => value_of(sheet, columns, row, k),
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
    (jobs, early)
}

/// Two rows, one file: refused before anything is written (the first 20 pairs said).
fn same_names(sheet: &Sheet, jobs: &[Job], errors: &mut Vec<Finding>) {
    let mut seen: HashMap<unicase::UniCase<String>, usize> = HashMap::new();
    for (i, job) in jobs.iter().enumerate() {
        if let Some(&first) = seen.get(&name::collision_key(&job.file)) {
            let (a, b) = (&sheet.rows[jobs[first].row], &sheet.rows[job.row]);
            errors.push(
                error(
                    codes::BATCH_SAME_NAME,
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
}
