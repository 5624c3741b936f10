//! The rows of the spreadsheet a clerk already keeps: a workbook (XLSX or ODS, read by
//! calamine) or a CSV file, as one header and rows of cells. Every cell keeps its sheet, row
//! and column, because every later error has to name the cell the clerk must fix.

use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use calamine::{Data, Reader};
use std::path::{Path, PathBuf};

/// One cell's value as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A cell formatted as a date (`YYYY-MM-DD`; a date-time keeps its date).
    Date(String),
    Bool(bool),
    /// A formula whose result the file does not hold (a program wrote it without computing it).
    Uncomputed(String),
    /// The spreadsheet's own error (`#DIV/0!`, `#REF!`).
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the text a `{{field}}` or a text field takes: a number as a clerk reads
    /// it (`12`, not `12.0`), a date as the decree writes dates (`06/4/2026`, `15/02/2026`:
    /// a day below 10 and months 1 and 2 take a leading zero), a ticked box as `x`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty | Cell::Uncomputed(_) | Cell::Error(_) => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) => format_number(*n),
            Cell::Date(d) => vietnamese_date(d),
            Cell::Bool(b) => if *b { "x" } else { "" }.to_string(),
        }
    }
}

/// A data row: its number as the spreadsheet shows it (1-based) and its cells by column.
#[derive(Debug, Clone)]
pub struct Row {
    pub number: u32,
    pub cells: Vec<Cell>,
    /// Each cell's [`Cell::text`], made once.
    pub texts: Vec<String>,
}

impl Row {
    pub fn get(&self, col: usize) -> &Cell {
        self.cells.get(col).unwrap_or(&Cell::Empty)
    }

    pub fn text(&self, col: usize) -> &str {
        self.texts.get(col).map_or("", String::as_str)
    }
}

#[derive(Debug)]
pub struct Sheet {
    pub file: PathBuf,
    /// The worksheet's name (workbooks only).
    pub name: Option<String>,
    /// Row number of the header (1-based).
    pub header_row: u32,
    /// Rows above the header that hold something (a title): not data.
    pub above: Vec<u32>,
    /// Header text per column; empty for a column without one.
    pub headers: Vec<String>,
    /// Rows after the header that hold something.
    pub rows: Vec<Row>,
    /// Row numbers of the wholly empty rows between them (not documents; counted in the summary).
    pub empty_rows: Vec<u32>,
}

impl Sheet {
    /// Where a cell is, for a finding: `file:row:col [Sheet1!C12]`.
    pub fn at(&self, row: u32, col: usize) -> Location {
        let mut l = Location::file(&self.file).at(row as usize, col + 1);
        l.cell = Some(match &self.name {
            Some(n) => format!("{n}!{}{row}", column_name(col)),
            None => format!("{}{row}", column_name(col)),
        });
        l
    }
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_name(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII letters")
}

/// Which rows are read: the sheet of a workbook and the header row (1-based; by default the
/// first row holding anything).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub sheet: Option<String>,
    pub header_row: Option<u32>,
}

fn input_error(path: &Path, code: &'static str, m: crate::i18n::Msg) -> Finding {
    Finding::new(code, m).at(Location::file(path))
}

pub fn read(path: &Path, opts: &Options) -> Result<Sheet, Finding> {
    if !path.exists() {
        return Err(input_error(
            path,
            codes::INPUT_MISSING,
            msg!("không có tệp `{}`", "`{}` does not exist", path.display()),
        ));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let (name, grid) = match ext.as_str() {
        "csv" | "txt" => {
            if opts.sheet.is_some() {
                return Err(input_error(
                    path,
                    codes::USAGE,
                    msg!(
                        "--sheet chỉ dùng với tệp bảng tính (.xlsx, .ods), không với CSV",
                        "--sheet is for workbooks (.xlsx, .ods), not CSV"
                    ),
                ));
            }
            (None, csv_grid(path)?)
        }
        "xlsx" | "xlsm" | "ods" => {
            let (n, g) = workbook_grid(path, opts.sheet.as_deref())?;
            (Some(n), g)
        }
        _ => {
            return Err(input_error(
                path,
                codes::BATCH_FORMAT,
                msg!(
                    "không đọc được `{}`: chỉ nhận .xlsx, .ods hoặc .csv",
                    "cannot read `{}`: only .xlsx, .ods or .csv",
                    path.display()
                ),
            ));
        }
    };
    split(path.to_path_buf(), name, grid, opts.header_row)
}

/// Rows of cells from row 1, column A; `merged` lists header cells that span columns.
struct Grid {
    rows: Vec<Vec<Cell>>,
    merged: Vec<calamine::Dimensions>,
}

fn split(
    file: PathBuf,
    name: Option<String>,
    grid: Grid,
    header_row: Option<u32>,
) -> Result<Sheet, Finding> {
    let blank = |r: &Vec<Cell>| r.iter().all(Cell::is_empty);
    let header_idx = match header_row {
        Some(0) => None,
        Some(n) => Some(n as usize - 1).filter(|&i| i < grid.rows.len() && !blank(&grid.rows[i])),
        // A table's title is often one merged cell above the headers: the header row is the
        // first with two cells or more, or else the first holding anything.
        None => grid
            .rows
            .iter()
            .position(|r| r.iter().filter(|c| !c.is_empty()).count() >= 2)
            .or_else(|| grid.rows.iter().position(|r| !blank(r))),
    };
    let Some(hi) = header_idx else {
        let where_ = name.as_deref().unwrap_or("");
        return Err(Finding::new(codes::BATCH_NO_HEADER,
            match header_row {
                Some(n) => msg!(
                    "dòng {} của bảng {} trống: không có tiêu đề cột",
                    "row {} of sheet {} is empty: no column headers",
                    n,
                    where_
                ),
                None => msg!(
                    "bảng {} không có dòng nào",
                    "sheet {} has no rows",
                    where_
                ),
            },
        )
        .at(Location::file(&file))
        .hint(msg!(
            "dòng đầu tiên có chữ là dòng tiêu đề (tên trường: so, trich_yeu, ky.ho_ten…); chọn dòng khác bằng --header-row N",
            "the first row holding anything is the header (field names: so, trich_yeu, ky.ho_ten…); pick another with --header-row N"
        )));
    };
    let mut headers: Vec<String> = grid.rows[hi]
        .iter()
        .map(|c| match c {
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) => format_number(*n),
            Cell::Date(d) => d.clone(),
            Cell::Bool(b) => b.to_string(),
            _ => String::new(),
        })
        .collect();
    // A header merged across columns names each of them (`noi_nhan+` over three columns).
    for m in &grid.merged {
        if m.start.0 as usize <= hi && hi <= m.end.0 as usize {
            let first = m.start.1 as usize;
            let Some(h) = headers.get(first).cloned() else {
                continue;
            };
            for c in first + 1..=m.end.1 as usize {
                if headers.len() <= c {
                    headers.resize(c + 1, String::new());
                }
                if headers[c].is_empty() {
                    headers[c] = h.clone();
                }
            }
        }
    }
    let above = (0..hi)
        .filter(|&i| !blank(&grid.rows[i]))
        .map(|i| i as u32 + 1)
        .collect();
    let mut rows = Vec::new();
    let mut empty_rows = Vec::new();
    for (i, cells) in grid.rows.into_iter().enumerate().skip(hi + 1) {
        let number = i as u32 + 1;
        if blank(&cells) {
            empty_rows.push(number);
        } else {
            let texts = cells.iter().map(Cell::text).collect();
            rows.push(Row {
                number,
                cells,
                texts,
            });
        }
    }
    // Trailing empty rows are the end of the sheet, not gaps.
    let last = rows.last().map_or(0, |r| r.number);
    empty_rows.retain(|&n| n < last);
    Ok(Sheet {
        file,
        name,
        header_row: hi as u32 + 1,
        above,
        headers,
        rows,
        empty_rows,
    })
}

/// `2026-04-06` → `06/4/2026`; anything else as it is.
fn vietnamese_date(iso: &str) -> String {
    match chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d") {
        Ok(d) => {
            use chrono::Datelike;
            let month = if d.month() < 3 {
                format!("{:02}", d.month())
            } else {
                d.month().to_string()
            };
            format!("{:02}/{month}/{}", d.day(), d.year())
        }
        Err(_) => iso.to_string(),
    }
}

/// `12` for 12.0, `1.5` otherwise: how a clerk reads a number cell.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Excel's own sheet limits: a cell beyond them is no spreadsheet's.
pub const MAX_ROWS: u32 = 1_048_576;
pub const MAX_COLUMNS: u32 = 16_384;
/// The most cell slots a sheet may spread over (each row counted to its last filled cell):
/// an office list of 100,000 rows × 20 columns fits; one stray cell at `XFD1048576` beside it
/// costs one wide row, not 17 billion cells.
pub const MAX_CELLS: usize = 4_000_000;
/// The most one part of a workbook may inflate to, and all parts together: a sheet of about
/// 500,000 filled cells. A 13 MB file that inflates to gigabytes is refused before calamine
/// reads a byte of it.
pub const PART_CAP: u64 = 64 * 1024 * 1024;
pub const TOTAL_CAP: u64 = 128 * 1024 * 1024;

fn workbook_grid(path: &Path, sheet: Option<&str>) -> Result<(String, Grid), Finding> {
    let fail = |e: &dyn std::fmt::Display| {
        input_error(
            path,
            codes::BATCH_READ,
            msg!(
                "không đọc được bảng tính `{}`: {}",
                "cannot read the workbook `{}`: {}",
                path.display(),
                e
            ),
        )
    };
    let bytes = bounded_copy(path)?;
    // calamine panics on some malformed workbooks (a cell reference past u32, found by the
    // December 2026 audit): such a panic is this file's error, not vbhc's crash.
    let ods = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ods"));
    crate::crash::quietly(|| read_workbook(path, bytes, ods, sheet, &fail)).map_err(|panic| {
        fail(&format!(
            "calamine dừng vì lỗi (panic: {panic}); tệp hỏng hoặc bất thường"
        ))
        .hint(msg!(
            "mở tệp bằng Excel hoặc LibreOffice rồi lưu lại thành .xlsx",
            "open the file in Excel or LibreOffice and save it again as .xlsx"
        ))
    })?
}

/// The workbook's XML parts, each inflated under [`PART_CAP`] and all under [`TOTAL_CAP`],
/// packed again (stored) for calamine; media and anything else is left out.
fn bounded_copy(path: &Path) -> Result<Vec<u8>, Finding> {
    use std::io::Write;
    let bad = |m: crate::i18n::Msg| input_error(path, codes::BATCH_READ, m);
    let (file, _) = crate::input::open(path, crate::input::Kind::Workbook)?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| {
        bad(msg!(
            "`{}` không phải bảng tính .xlsx/.ods (không đọc được như tệp zip: {})",
            "`{}` is not an .xlsx/.ods workbook (not readable as a zip: {})",
            path.display(),
            e
        ))
    })?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(false);
    let mut total = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| {
            bad(msg!(
                "bảng tính `{}` bị hỏng: {}",
                "the workbook `{}` is corrupt: {}",
                path.display(),
                e
            ))
        })?;
        let name = entry.name().to_string();
        let lower = name.to_ascii_lowercase();
        if !(lower.ends_with(".xml") || lower.ends_with(".rels") || lower == "mimetype") {
            continue;
        }
        let cap = PART_CAP.min(TOTAL_CAP.saturating_sub(total));
        let buf = crate::input::read_capped(&mut entry, cap).map_err(|e| {
            bad(msg!(
                "phần `{}` của bảng tính bị hỏng: {}",
                "part `{}` of the workbook is corrupt: {}",
                name,
                e
            ))
        })?;
        let Some(buf) = buf else {
            return Err(input_error(
                path,
                codes::BATCH_TOO_LARGE,
                msg!(
                    "phần `{}` của bảng tính giải nén ra hơn {} MB: tệp bất thường (có thể là zip bomb), không đọc",
                    "part `{}` of the workbook inflates to more than {} MB: not a normal workbook (a zip bomb?), not read",
                    name,
                    cap / (1024 * 1024)
                ),
            )
            .hint(msg!(
                "vbhc đọc danh sách đến khoảng 500.000 ô; chia bảng tính lớn thành nhiều tệp",
                "vbhc reads lists of up to about 500,000 cells; split a larger workbook into several files"
            )));
        };
        total += buf.len() as u64;
        let written = out
            .start_file(name.as_str(), stored)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(&buf));
        written.map_err(|e| bad(msg!("{}", "{}", e)))?;
    }
    out.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| bad(msg!("{}", "{}", e)))
}

/// Where a cell goes in the grid, or why it may not: beyond Excel's limits, or past the cell
/// budget.
struct Bounds {
    slots: usize,
}

impl Bounds {
    fn place(
        &mut self,
        rows: &mut Vec<Vec<Cell>>,
        (r, c): (u32, u32),
        cell: Cell,
        path: &Path,
    ) -> Result<(), Finding> {
        let name = || format!("{}{}", column_name(c as usize), u64::from(r) + 1);
        if r >= MAX_ROWS || c >= MAX_COLUMNS {
            return Err(input_error(
                path,
                codes::BATCH_TOO_LARGE,
                msg!(
                    "bảng tính có ô {} nằm ngoài giới hạn của Excel ({} dòng × {} cột): tệp bất thường",
                    "the workbook has a cell {} beyond Excel's limits ({} rows × {} columns): not a normal workbook",
                    name(),
                    MAX_ROWS,
                    MAX_COLUMNS
                ),
            ));
        }
        let (r, c) = (r as usize, c as usize);
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        let row = &mut rows[r];
        if row.len() <= c {
            self.slots += c + 1 - row.len();
            if self.slots > MAX_CELLS {
                return Err(input_error(
                    path,
                    codes::BATCH_TOO_LARGE,
                    msg!(
                        "bảng tính trải quá {} ô (đến ô {}): vbhc đọc danh sách văn phòng, không đọc bảng lớn thế này",
                        "the workbook spreads over more than {} cells (up to cell {}): vbhc reads office lists, not tables this large",
                        MAX_CELLS,
                        name()
                    ),
                )
                .hint(msg!(
                    "xóa các ô thừa ở xa bảng (Ctrl+End chỉ ra ô cuối), hoặc chia danh sách thành nhiều tệp",
                    "delete stray cells far from the table (Ctrl+End shows the last one), or split the list into several files"
                )));
            }
            row.resize(c + 1, Cell::Empty);
        }
        row[c] = cell;
        Ok(())
    }
}

fn cell_of(v: calamine::DataRef<'_>) -> Cell {
    use calamine::DataRef as D;
    match v {
        D::Empty => Cell::Empty,
        D::String(s) => Cell::Text(s),
        D::SharedString(s) => Cell::Text(s.to_string()),
        D::Int(i) => Cell::Number(i as f64),
        D::Float(f) => Cell::Number(f),
        D::Bool(b) => Cell::Bool(b),
        D::DateTime(d) => match d.as_datetime() {
            Some(dt) if d.is_datetime() => Cell::Date(dt.date().format("%Y-%m-%d").to_string()),
            _ => Cell::Number(d.as_f64()),
        },
        D::DateTimeIso(s) => Cell::Date(s.split('T').next().unwrap_or(&s).to_string()),
        D::DurationIso(s) => Cell::Text(s),
        D::Error(e) => Cell::Error(e.to_string()),
    }
}

fn data_cell(v: &Data) -> Cell {
    match v {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => match d.as_datetime() {
            Some(dt) if d.is_datetime() => Cell::Date(dt.date().format("%Y-%m-%d").to_string()),
            _ => Cell::Number(d.as_f64()),
        },
        Data::DateTimeIso(s) => Cell::Date(s.split('T').next().unwrap_or(s).to_string()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

fn read_workbook(
    path: &Path,
    bytes: Vec<u8>,
    ods: bool,
    sheet: Option<&str>,
    fail: &dyn Fn(&dyn std::fmt::Display) -> Finding,
) -> Result<(String, Grid), Finding> {
    let cursor = std::io::Cursor::new(bytes);
    let mut wb: calamine::Sheets<_> = if ods {
        calamine::Sheets::Ods(calamine::Ods::new(cursor).map_err(|e| fail(&e))?)
    } else {
        calamine::Sheets::Xlsx(calamine::Xlsx::new(cursor).map_err(|e| fail(&e))?)
    };
    let names = wb.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                input_error(
                    path,
                    codes::BATCH_SHEET,
                    msg!(
                        "bảng tính `{}` không có trang `{}`; các trang: {}",
                        "workbook `{}` has no sheet `{}`; its sheets: {}",
                        path.display(),
                        s,
                        names.join(", ")
                    ),
                )
            })?,
        None => names.first().cloned().ok_or_else(|| fail(&"no sheets"))?,
    };
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut bounds = Bounds { slots: 0 };
    let merged = match &mut wb {
        calamine::Sheets::Xlsx(x) => {
            let merged = x.merge_cells_by_sheet_name(&name).unwrap_or_default();
            // Cells one by one, as the file lists them: calamine's dense range would be made
            // before any bound could be checked.
            let mut cells = x.worksheet_cells_reader(&name).map_err(|e| fail(&e))?;
            while let Some(c) = cells.next_cell_with_formula().map_err(|e| fail(&e))? {
                let cell = match (c.value, c.formula) {
                    (calamine::DataRef::Empty, Some(f)) if !f.is_empty() => Cell::Uncomputed(f),
                    (calamine::DataRef::Empty, _) => continue,
                    (v, _) => cell_of(v),
                };
                bounds.place(&mut rows, c.pos, cell, path)?;
            }
            merged
        }
        _ => {
            // ODS: calamine expands repeated rows and columns itself, under its own cap of
            // 100 million cells.
            let range = wb.worksheet_range(&name).map_err(|e| fail(&e))?;
            let formulas = wb.worksheet_formula(&name).map_err(|e| fail(&e))?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, v) in range.used_cells() {
                let cell = data_cell(v);
                bounds.place(&mut rows, (r as u32 + r0, c as u32 + c0), cell, path)?;
            }
            // A formula with no stored result reads as an empty cell: say so instead of "".
            if let Some((fr0, fc0)) = formulas.start() {
                for (r, c, f) in formulas.used_cells() {
                    let at = (r as u32 + fr0, c as u32 + fc0);
                    let empty = rows
                        .get(at.0 as usize)
                        .and_then(|row| row.get(at.1 as usize))
                        .is_none_or(|x| *x == Cell::Empty);
                    if !f.is_empty() && empty {
                        bounds.place(&mut rows, at, Cell::Uncomputed(f.clone()), path)?;
                    }
                }
            }
            Vec::new()
        }
    };
    Ok((name, Grid { rows, merged }))
}

fn csv_grid(path: &Path) -> Result<Grid, Finding> {
    let bytes = crate::input::read(path, crate::input::Kind::Csv)?;
    // Excel's "Unicode Text" and PowerShell write UTF-16 with its mark: read as text first.
    let bytes = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        match crate::input::decode_text(bytes) {
            Ok(s) => s.into_bytes(),
            Err(at) => {
                return Err(Finding::new(
                    codes::BATCH_ENCODING,
                    msg!(
                        "CSV `{}` là UTF-16 nhưng hỏng ở byte {}",
                        "the CSV `{}` is UTF-16 but broken at byte {}",
                        path.display(),
                        at
                    ),
                )
                .at(Location::file(path)));
            }
        }
    } else {
        bytes
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let delimiter = sniff_delimiter(bytes);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    // The line of a position, counted from its byte offset: the csv crate's own line count
    // ran one short on CRLF files (Windows audit), and an Excel CSV is CRLF.
    let line_at = |p: &csv::Position| {
        let mut at = (p.byte() as usize).min(bytes.len());
        // A record "starts" on the line feed that ended the one before it.
        while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        bytes[..at].iter().filter(|b| **b == b'\n').count() + 1
    };
    loop {
        match rdr.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, line_at);
                return Err(Finding::new(
                    codes::BATCH_READ,
                    msg!(
                        "không đọc được CSV `{}`: {}",
                        "cannot read the CSV `{}`: {}",
                        path.display(),
                        e
                    ),
                )
                .at(Location::file(path).at(line.max(1), 1)));
            }
        }
        let mut cells = Vec::with_capacity(record.len());
        for (c, field) in record.iter().enumerate() {
            let s = std::str::from_utf8(field).map_err(|_| {
                let line = record.position().map_or(0, line_at);
                Finding::new(
                    codes::BATCH_ENCODING,
                    msg!(
                        "CSV `{}` không phải UTF-8 (dòng {}, cột {})",
                        "the CSV `{}` is not UTF-8 (line {}, column {})",
                        path.display(),
                        line,
                        column_name(c)
                    ),
                )
                .at(Location::file(path).at(line.max(1), c + 1))
                .hint(msg!(
                    "có lẽ tệp lưu bằng bảng mã Windows-1258 (CSV thường của Excel tiếng Việt); trong Excel: Lưu thành → CSV UTF-8 (Comma delimited)",
                    "probably saved in the Windows-1258 code page (Excel's plain CSV on Vietnamese Windows); in Excel: Save As → CSV UTF-8 (Comma delimited)"
                ))
            })?;
            cells.push(if s.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s.to_string())
            });
        }
        rows.push(cells);
    }
    Ok(Grid {
        rows,
        merged: Vec::new(),
    })
}

/// `;` when the first line has more semicolons than commas outside quotes (Excel writes CSV
/// with `;` where the decimal separator is a comma, as in Vietnamese settings), else `,`.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let (mut commas, mut semis, mut quoted) = (0, 0, false);
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semis += 1,
            _ => {}
        }
    }
    if semis > commas { b';' } else { b',' }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn delimiter_is_sniffed_outside_quotes() {
        assert_eq!(sniff_delimiter(b"so;trich_yeu\n1;2"), b';');
        assert_eq!(sniff_delimiter(b"so,trich_yeu\n1;2;3;4"), b',');
        assert_eq!(sniff_delimiter(b"\"a;b;c\",d\n"), b',');
    }

    #[test]
    fn dates_in_text_are_written_as_the_decree_writes_them() {
        assert_eq!(Cell::Date("2026-04-06".into()).text(), "06/4/2026");
        assert_eq!(Cell::Date("2026-02-15".into()).text(), "15/02/2026");
        assert_eq!(Cell::Date("2026-12-25".into()).text(), "25/12/2026");
    }

    #[test]
    fn numbers_read_as_a_clerk_reads_them() {
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(1.5), "1.5");
    }
}
