//! From column headers to draft fields. A header is a field's path (`trich_yeu`,
//! `ky.ho_ten`), written as the clerk likes (`Trích yếu`, `Ký - Họ tên` fold to the same
//! key); a trailing `+` appends to a list field of the base draft (`noi_nhan+` adds Nơi nhận
//! lines) instead of replacing it. Any other header is a data column, used by `{{key}}`
//! fields in the base draft and in the output-name pattern. All of it is decided once,
//! before the first row, so a wrong header stops the batch with one message, not 10,000.

use super::sheet::{Cell, Row, Sheet, column_name};
use crate::draft::node::{Node, Pos, Table, Value};
use crate::finding::Findings;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use crate::schema::{self, CoreField, CoreKind};
use crate::template::{FieldKind, KindTemplate};

/// The folded key of a header or a `{{field}}`: lower case, no tone marks, `đ` → `d`, runs
/// of anything else but `.` → `_` (`Tên doanh nghiệp` → `ten_doanh_nghiep`).
pub fn field_key(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut gap = false;
    for c in crate::text::strip_marks(header).chars() {
        if c.is_alphanumeric() || c == '.' {
            if gap && !out.is_empty() && !out.ends_with('.') && c != '.' {
                out.push('_');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// What a draft field accepts, as far as a cell can give it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Text,
    Markup,
    /// Lines or a list: a cell's lines are the items.
    List,
    Number,
    Date,
    Bool,
}

#[derive(Debug, Clone)]
pub struct Target {
    /// `["ky", "ho_ten"]`
    pub path: Vec<String>,
    pub shape: Shape,
    /// `noi_nhan+`: the cell's lines go after the base draft's.
    pub append: bool,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub index: usize,
    pub header: String,
    pub key: String,
    /// The field it fills; `None` for a data column.
    pub target: Option<Target>,
}

/// The columns of a batch.
#[derive(Debug)]
pub struct Columns {
    pub cols: Vec<Column>,
}

impl Columns {
    pub fn by_key(&self, key: &str) -> Option<&Column> {
        self.cols.iter().find(|c| c.key == key)
    }
}

fn shape_of(kind: CoreKind) -> Option<Shape> {
    Some(match kind {
        CoreKind::Text => Shape::Text,
        CoreKind::Markup => Shape::Markup,
        CoreKind::Lines | CoreKind::List => Shape::List,
        CoreKind::Integer | CoreKind::NumberOrBlank => Shape::Number,
        CoreKind::Date => Shape::Date,
        CoreKind::Bool => Shape::Bool,
        CoreKind::Table(_) | CoreKind::TableArray(_) => return None,
    })
}

/// The field a folded path names, if any: `Err` for a path that names a field no cell can
/// fill (a table such as `ky`, the annexes, the kind).
fn field(path: &[&str], tp: &KindTemplate) -> Option<Result<Shape, &'static str>> {
    let (first, rest) = path.split_first()?;
    if rest.is_empty()
        && let Some(d) = tp.fields.iter().find(|d| d.name == *first)
    {
        return Some(Ok(match d.kind {
            FieldKind::Text => Shape::Text,
            FieldKind::Markup => Shape::Markup,
            FieldKind::List => Shape::List,
        }));
    }
    let mut f: &CoreField = schema::core(first)?;
    if f.name == "loai" {
        return Some(Err("loai"));
    }
    for seg in rest {
        match f.kind {
            CoreKind::Table(fields) => f = fields.iter().find(|g| g.name == *seg)?,
            _ => return None,
        }
    }
    Some(shape_of(f.kind).ok_or(f.name))
}

/// Every field path of the kind, for "did you mean".
fn all_paths(tp: &KindTemplate) -> Vec<String> {
    let mut out: Vec<String> = tp.fields.iter().map(|d| d.name.clone()).collect();
    for f in schema::CORE {
        match f.kind {
            CoreKind::Table(fields) => {
                out.extend(fields.iter().map(|g| format!("{}.{}", f.name, g.name)))
            }
            CoreKind::TableArray(_) => {}
            _ => out.push(f.name.to_string()),
        }
    }
    out
}

/// Closest field path to `key`, when it is close enough to be a typo.
pub fn suggest(key: &str, tp: &KindTemplate) -> Option<String> {
    all_paths(tp)
        .into_iter()
        .map(|p| (strsim::jaro_winkler(key, &p), p))
        .filter(|(s, _)| *s > 0.88)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p)
}

/// `--map "Tên doanh nghiệp=ten_dn"`: a header read as another key.
pub type Renames = [(String, String)];

/// Decides every column. Errors come all at once, each naming its column.
pub fn resolve(sheet: &Sheet, tp: &KindTemplate, renames: &Renames) -> Result<Columns, Findings> {
    let mut errors = Vec::new();
    let mut cols: Vec<Column> = Vec::new();
    let head_at = |col: usize| sheet.at(sheet.header_row, col);
    let width = sheet
        .rows
        .iter()
        .map(|r| r.cells.len())
        .chain([sheet.headers.len()])
        .max()
        .unwrap_or(0);
    for index in 0..width {
        let header = sheet.headers.get(index).cloned().unwrap_or_default();
        if header.is_empty() {
            if let Some(r) = sheet.rows.iter().find(|r| !r.get(index).is_empty()) {
                errors.push(
                    Finding::new(
                        codes::BATCH_COLUMN,
                        msg!(
                            "cột {} không có tiêu đề nhưng có dữ liệu (dòng {})",
                            "column {} has no header but holds data (row {})",
                            column_name(index),
                            r.number
                        ),
                    )
                    .at(head_at(index))
                    .hint(msg!(
                        "đặt tiêu đề là tên trường (vd. trich_yeu) hoặc tên cột dùng trong {{...}}",
                        "give it a field name (e.g. trich_yeu) or a name used in {{...}}"
                    )),
                );
            }
            continue;
        }
        let renamed = renames
            .iter()
            .find(|(from, _)| field_key(from) == field_key(&header))
            .map(|(_, to)| to.as_str())
            .unwrap_or(&header);
        let (base, append) = match renamed.trim_end().strip_suffix('+') {
            Some(b) => (b, true),
            None => (renamed, false),
        };
        let k = field_key(base);
        let path: Vec<&str> = k.split('.').collect();
        let target = match field(&path, tp) {
            Some(Ok(shape)) => {
                if append && shape != Shape::List {
                    errors.push(
                        Finding::new(codes::BATCH_COLUMN,
                            msg!(
                                "cột {} `{}`: dấu + chỉ dùng cho trường danh sách (noi_nhan, kinh_gui…)",
                                "column {} `{}`: + is only for list fields (noi_nhan, kinh_gui…)",
                                column_name(index),
                                header
                            ),
                        )
                        .at(head_at(index)),
                    );
                    continue;
                }
                Some(Target {
                    path: path.iter().map(|s| s.to_string()).collect(),
                    shape,
                    append,
                })
            }
            Some(Err(name)) => {
                errors.push(
                    Finding::new(codes::BATCH_COLUMN,
                        msg!(
                            "cột {} `{}`: trường `{}` không lấy từ bảng tính được (đặt trong bản nháp gốc)",
                            "column {} `{}`: field `{}` cannot come from a spreadsheet (put it in the base draft)",
                            column_name(index),
                            header,
                            name
                        ),
                    )
                    .at(head_at(index)),
                );
                continue;
            }
            None => None,
        };
        // Two columns for one field: only lists may be spread over several columns.
        if let Some(prev) = cols.iter().find(|c| c.key == k) {
            let both_lists = target.as_ref().is_some_and(|t| t.shape == Shape::List)
                && prev.target.as_ref().is_some_and(|t| t.append == append);
            if !both_lists {
                errors.push(
                    Finding::new(
                        codes::BATCH_COLUMN,
                        msg!(
                            "hai cột cùng là `{}`: {} và {}",
                            "two columns are both `{}`: {} and {}",
                            k,
                            column_name(prev.index),
                            column_name(index)
                        ),
                    )
                    .at(head_at(index)),
                );
                continue;
            }
        }
        cols.push(Column {
            index,
            header,
            key: k,
            target,
        });
    }
    if errors.is_empty() {
        Ok(Columns { cols })
    } else {
        Err(errors.into())
    }
}

/// A cell that cannot be used: its formula was never computed, or it holds an error.
pub fn unusable(sheet: &Sheet, row: &Row, col: &Column) -> Option<Finding> {
    let at = || {
        sheet
            .at(row.number, col.index)
            .with_field(col.header.clone())
    };
    match row.get(col.index) {
        Cell::Uncomputed(f) => Some(
            Finding::new(codes::BATCH_FORMULA,
                msg!(
                    "ô {} có công thức `{}` nhưng tệp không lưu kết quả",
                    "cell {} holds the formula `{}` but the file stores no result",
                    at().cell.unwrap_or_default(),
                    f
                ),
            )
            .at(at())
            .hint(msg!(
                "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại (để tính công thức), hoặc nhập giá trị",
                "open the file in Excel or LibreOffice and save it (to compute the formula), or type the value"
            )),
        ),
        Cell::Error(e) => Some(
            Finding::new(codes::BATCH_CELL_ERROR,
                msg!(
                    "ô {} có lỗi của bảng tính: {}",
                    "cell {} holds a spreadsheet error: {}",
                    at().cell.unwrap_or_default(),
                    e
                ),
            )
            .at(at()),
        ),
        // A character no text may hold: named here with its cell, whether the cell fills a
        // field or a `{{column}}` of the base draft (where the loader could only name the
        // draft's line).
        Cell::Text(t) => crate::text::chars::first_illegal(t).map(|(ch, why, _, _)| {
            let code = crate::text::chars::code_point(ch);
            let what = match why {
                crate::text::chars::Illegal::Control => msg!(
                    "ô {} có ký tự điều khiển {}",
                    "cell {} holds the control character {}",
                    at().cell.unwrap_or_default(),
                    code
                ),
                crate::text::chars::Illegal::Noncharacter => msg!(
                    "ô {} có ký tự {}, không phải ký tự văn bản: Word không mở được tệp chứa nó",
                    "cell {} holds the character {}, which is not a text character: Word cannot open a file holding it",
                    at().cell.unwrap_or_default(),
                    code
                ),
            };
            Finding::new(codes::BATCH_CELL_CHAR, what)
                .at(at())
                .hint(msg!(
                    "xóa ký tự vô hình này trong ô (thường do sao chép hoặc xuất từ phần mềm khác)",
                    "delete this invisible character from the cell (usually pasted or exported from other software)"
                ))
        }),
        _ => None,
    }
}

/// Days since 1899-12-30: a date typed as a number (Excel's serial), for date fields only.
fn serial_date(n: f64) -> Option<String> {
    if !(1.0..=2_958_465.0).contains(&n) || n.fract() != 0.0 {
        return None;
    }
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let d = epoch.checked_add_signed(chrono::Duration::days(n as i64))?;
    Some(d.format("%Y-%m-%d").to_string())
}

/// The draft value a cell gives a field, or `None` for an empty cell (the base draft's value
/// stands). `pos` marks the value as the cell's, for error locations.
fn value(cell: &Cell, shape: Shape, pos: Pos) -> Option<Value> {
    if cell.is_empty() {
        return None;
    }
    let s = || Value::String(cell.text());
    Some(match (shape, cell) {
        (Shape::List, _) => Value::Array(
            cell.text()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Node {
                    value: Value::String(l.to_string()),
                    pos,
                })
                .collect(),
        ),
        (Shape::Number, Cell::Number(n)) if n.fract() == 0.0 => Value::Integer(*n as i64),
        (Shape::Date, Cell::Date(d)) => Value::Datetime(d.clone()),
        (Shape::Date, Cell::Number(n)) => match serial_date(*n) {
            Some(d) => Value::Datetime(d),
            None => s(),
        },
        (Shape::Bool, Cell::Bool(b)) => Value::Bool(*b),
        _ => s(),
    })
}

/// Puts `v` at `path` in `t`, making the tables on the way; `append` adds to a list.
pub fn put(t: &mut Table, path: &[String], v: Value, pos: Pos, append: bool) {
    let (last, parents) = path.split_last().expect("a path has a field");
    let mut t = t;
    for seg in parents {
        let entry = t.entries.entry(seg.clone()).or_insert_with(|| {
            (
                pos,
                Node {
                    value: Value::Table(Table::default()),
                    pos,
                },
            )
        });
        if !matches!(entry.1.value, Value::Table(_)) {
            entry.1.value = Value::Table(Table::default());
        }
        let Value::Table(inner) = &mut entry.1.value else {
            unreachable!("made a table just above")
        };
        t = inner;
    }
    if append
        && let Some((_, node)) = t.entries.get_mut(last)
        && let Value::Array(items) = &mut node.value
        && let Value::Array(more) = v
    {
        items.extend(more);
        return;
    }
    t.entries
        .insert(last.clone(), (pos, Node { value: v, pos }));
}

/// Applies a row's field columns to the base draft's table. `cell_pos(col)` gives the marker
/// position of a column's cell.
pub fn apply(t: &mut Table, cols: &Columns, row: &Row, mut cell_pos: impl FnMut(&Column) -> Pos) {
    for col in &cols.cols {
        let Some(target) = &col.target else { continue };
        let pos = cell_pos(col);
        if let Some(v) = value(row.get(col.index), target.shape, pos) {
            put(t, &target.path, v, pos, target.append);
        }
    }
}

/// The header cell of a column, for messages before any row.
pub fn header_at(sheet: &Sheet, col: &Column) -> Location {
    sheet
        .at(sheet.header_row, col.index)
        .with_field(col.header.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_fold_to_keys() {
        assert_eq!(field_key("Tên doanh nghiệp"), "ten_doanh_nghiep");
        assert_eq!(field_key("Trích yếu"), "trich_yeu");
        assert_eq!(field_key("ky.ho_ten"), "ky.ho_ten");
        assert_eq!(field_key(" Đơn vị "), "don_vi");
        assert_eq!(field_key("SỐ"), "so");
        // NFD input folds the same as NFC.
        assert_eq!(field_key("Te\u{302}\u{301}n"), "ten");
    }

    #[test]
    fn serial_numbers_are_dates_in_date_fields() {
        assert_eq!(serial_date(46086.0).as_deref(), Some("2026-03-05"));
        assert_eq!(serial_date(0.5), None);
        assert_eq!(
            value(&Cell::Number(46086.0), Shape::Date, Pos::default()),
            Some(Value::Datetime("2026-03-05".into()))
        );
        // In a text field a number stays the number a clerk sees.
        assert_eq!(
            value(&Cell::Number(12.0), Shape::Text, Pos::default()),
            Some(Value::String("12".into()))
        );
    }

    #[test]
    fn list_cells_append_or_replace() {
        let mut t = Table::default();
        let p = Pos::default();
        put(&mut t, &["noi_nhan".into()], Value::Array(vec![]), p, false);
        let v = value(&Cell::Text("- Sở A;\n- Sở B;".into()), Shape::List, p).unwrap();
        put(&mut t, &["noi_nhan".into()], v, p, true);
        let Value::Array(items) = &t.entries["noi_nhan"].1.value else {
            panic!("a list")
        };
        assert_eq!(items.len(), 2);
        put(
            &mut t,
            &["ky".into(), "ho_ten".into()],
            Value::String("Lê B".into()),
            p,
            false,
        );
        assert!(matches!(t.entries["ky"].1.value, Value::Table(_)));
    }
}
