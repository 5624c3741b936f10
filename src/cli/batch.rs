//! `vbhc batch`: a spreadsheet and a base draft in, one checked DOCX per row out. The plan
//! (columns, numbers, names) is made and checked before any file is written; then the rows
//! run on every core, with a progress bar on a terminal, and a report of the rows that failed.

use super::{Context, Format, Reporter};
use crate::batch::{self, Env, Outcome, Plan, Status};
use crate::exit::Exit;
use crate::finding::Findings;
use crate::finding::codes;
use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bảng tính: .xlsx, .ods hoặc .csv (dòng đầu có chữ là tiêu đề cột = tên trường)
    #[arg(value_name = "BẢNG_TÍNH")]
    pub rows: PathBuf,
    /// Bản nháp gốc (.toml): mỗi dòng của bảng tính điền vào hoặc thay các trường của nó
    #[arg(long, value_name = "BẢN_NHÁP")]
    pub draft: PathBuf,
    /// Thư mục kết quả (tạo nếu chưa có)
    #[arg(long, value_name = "THƯ_MỤC")]
    pub out: PathBuf,
    /// Trang tính cần đọc (mặc định: trang đầu)
    #[arg(long, value_name = "TÊN")]
    pub sheet: Option<String>,
    /// Dòng tiêu đề cột (mặc định: dòng đầu tiên có chữ)
    #[arg(long, value_name = "N")]
    pub header_row: Option<u32>,
    /// Đọc tiêu đề cột này như tên trường khác: --map "Tên doanh nghiệp=ten_dn"; lặp lại được
    #[arg(long = "map", value_name = "TIÊU_ĐỀ=TRƯỜNG", value_parser = parse_map)]
    pub maps: Vec<(String, String)>,
    /// Mẫu tên tệp, vd. "{{so}}-{{don_vi}}.docx" (mặc định: "{{dong}}.docx")
    #[arg(long, value_name = "MẪU")]
    pub name: Option<String>,
    /// Tên tệp không dấu (Sở Nội vụ → So Noi vu)
    #[arg(long)]
    pub ascii_names: bool,
    /// Số đầu tiên khi bản nháp gốc ghi so = "auto" (số = số đầu + thứ tự dòng)
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub start: u32,
    /// Số luồng (mặc định: mọi lõi)
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Chỉ liệt kê các tệp sẽ ghi, không ghi gì
    #[arg(long)]
    pub dry_run: bool,
    /// Ghi vào thư mục kết quả đã có (thay tệp cùng tên)
    #[arg(long)]
    pub force: bool,
    /// Vẫn ghi văn bản khi bộ kiểm tra thấy lỗi mức error
    #[arg(long)]
    pub allow_errors: bool,
    /// Dừng ở dòng lỗi đầu tiên (các dòng chưa làm được bỏ qua)
    #[arg(long)]
    pub fail_fast: bool,
    /// Không chạy bộ kiểm tra và quy tắc của plugin (chỉ để so sánh tốc độ với công cụ khác)
    #[arg(long)]
    pub no_check: bool,
}

fn parse_map(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            Ok((a.trim().to_string(), b.trim().to_string()))
        }
        _ => Err(format!(
            "`{s}`: cần dạng TIÊU_ĐỀ=TRƯỜNG / expected HEADER=FIELD"
        )),
    }
}

/// Report files of a batch, in the output folder: every failed row and every warning.
const REPORT_CSV: &str = "bao-cao.csv";
const REPORT_JSONL: &str = "bao-cao.jsonl";

pub fn run(ctx: &Context, a: &Args, rep: &mut Reporter) -> Exit {
    match go(ctx, a, rep) {
        // Rows that failed make the batch "done, with failures" (1), whatever their own codes.
        Ok(exit) => rep.finish_as("batch", exit),
        Err(fs) => {
            rep.findings(&fs);
            rep.finish("batch")
        }
    }
}

fn go(ctx: &Context, a: &Args, rep: &mut Reporter) -> Result<Exit, Findings> {
    let config = ctx.config()?;
    let templates = ctx.templates(Some(rep))?;
    let opts = batch::Options {
        sheet: batch::sheet::Options {
            sheet: a.sheet.clone(),
            header_row: a.header_row,
        },
        renames: a.maps.clone(),
        name: a.name.clone(),
        ascii_names: a.ascii_names,
        start: a.start,
    };
    let plan = Plan::new(&a.rows, &a.draft, &templates, &opts)?;
    rep.findings(&plan.warnings);
    rep.inputs.push(a.rows.clone());
    rep.inputs.push(a.draft.clone());
    if a.dry_run {
        for job in &plan.jobs {
            let row = plan.sheet.rows[job.row].number;
            let path = crate::output::beside(&a.out, &job.file);
            match rep.format {
                Format::Human => crate::outln!("{row}\t{}", path.display()),
                Format::Json => crate::outln!(
                    "{}",
                    serde_json::json!({
                        "schema": crate::finding::SCHEMA,
                        "type": "planned",
                        "row": row,
                        "number": job.number,
                        "output": path,
                    })
                ),
            }
        }
        rep.done(
            &format!(
                "Sẽ ghi {} văn bản vào {} (chạy thử: chưa ghi gì)",
                plan.jobs.len(),
                a.out.display()
            ),
            &format!(
                "Would write {} documents into {} (dry run: nothing written)",
                plan.jobs.len(),
                a.out.display()
            ),
        );
        return Ok(Exit::Ok);
    }
    prepare_out(&a.out, a.force)?;
    // Nothing written may replace the sheet or the base draft (`--out .` beside a sheet named
    // bao-cao.csv, a `--name` that gives the draft's own name).
    let inputs = [a.rows.as_path(), a.draft.as_path()];
    for name in [REPORT_CSV, REPORT_JSONL]
        .into_iter()
        .chain(plan.jobs.iter().map(|j| j.file.as_str()))
    {
        crate::output::not_an_input(&crate::output::beside(&a.out, name), &inputs)?;
    }
    let (host, registry) = ctx.plugins()?;
    rep.findings(&registry.warnings);
    let env = Env {
        templates: &templates,
        tone: config.tone.unwrap_or_default(),
        host,
        registry,
        out_dir: &a.out,
        force: a.force,
        allow_errors: a.allow_errors,
        fail_fast: a.fail_fast,
        check: !a.no_check,
    };
    let bar = progress(plan.jobs.len(), rep);
    let threads = a.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| {
            vec![Finding::new(
                codes::BATCH_THREADS,
                crate::msg!(
                    "không tạo được {} luồng: {}",
                    "cannot start {} threads: {}",
                    threads,
                    e
                ),
            )]
        })?;
    let outcomes = pool.install(|| batch::run(&plan, &env, &|| bar.inc(1)));
    bar.finish_and_clear();
    Ok(report(&plan, &outcomes, &a.out, rep))
}

/// The output folder: made when missing; one that holds files is written into only with
/// `--force` (a second run must not mix its documents with the first's by accident).
fn prepare_out(out: &Path, force: bool) -> Result<(), Findings> {
    let fail = |code: &'static str, m: crate::i18n::Msg| {
        Findings::from(Finding::new(code, m).at(crate::finding::Location::file(out)))
    };
    if out.exists() {
        if !out.is_dir() {
            return Err(fail(
                codes::OUTPUT_DIR,
                crate::msg!(
                    "`{}` là tệp, không phải thư mục",
                    "`{}` is a file, not a folder",
                    out.display()
                ),
            ));
        }
        let used = std::fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if used && !force {
            return Err(Findings::from(vec![
                Finding::new(codes::OUTPUT_EXISTS,
                    crate::msg!(
                        "thư mục `{}` đã có tệp; không ghi đè",
                        "folder `{}` already holds files; not overwriting",
                        out.display()
                    ),
                )
                .at(crate::finding::Location::file(out))
                .hint(crate::msg!(
                    "chọn thư mục khác, hoặc thêm --force để ghi vào đó (thay tệp cùng tên)",
                    "choose another folder, or add --force to write into it (replacing same-named files)"
                )),
            ]));
        }
        return Ok(());
    }
    std::fs::create_dir_all(out).map_err(|e| {
        fail(
            codes::OUTPUT_DIR,
            crate::msg!(
                "không tạo được thư mục `{}`: {}",
                "cannot create folder `{}`: {}",
                out.display(),
                crate::i18n::OsErr(&e)
            ),
        )
    })
}

fn progress(n: usize, rep: &Reporter) -> indicatif::ProgressBar {
    if rep.format == Format::Json || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let (done, rate, left) = match rep.lang {
        Lang::Vi => ("văn bản", "/giây", "còn"),
        Lang::En => ("documents", "/s", "left"),
    };
    let style = indicatif::ProgressStyle::with_template(&format!(
        "{{bar:40}} {{pos}}/{{len}} {done} · {{per_sec:.0}}{rate} · {left} {{eta}}"
    ))
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    let bar = indicatif::ProgressBar::new(n as u64);
    bar.set_style(style);
    bar
}

fn report(plan: &Plan, outcomes: &[Outcome], out: &Path, rep: &mut Reporter) -> Exit {
    let (mut written, mut warned, mut failed, mut skipped) = (0, 0, 0, 0);
    let mut reported: Vec<&Outcome> = Vec::new();
    for o in outcomes {
        match &o.status {
            Status::Written { findings, .. } => {
                written += 1;
                rep.outputs.push(crate::output::beside(out, &o.job.file));
                if findings.iter().any(|f| f.severity != Severity::Note) {
                    warned += 1;
                    reported.push(o);
                }
                if rep.format == Format::Json {
                    rep.findings(findings);
                } else {
                    count(rep, findings);
                }
            }
            Status::Failed(fs) => {
                failed += 1;
                reported.push(o);
                rep.findings(fs);
            }
            Status::Skipped => skipped += 1,
        }
    }
    let reports_written = match write_reports(plan, &reported, out) {
        Ok(()) => true,
        Err(f) => {
            rep.finding(&f);
            false
        }
    };
    let empty = plan.sheet.empty_rows.len();
    let vi = format!(
        "Đã ghi {written} văn bản vào {} ({warned} có cảnh báo); {failed} dòng lỗi; {skipped} dòng bỏ qua do --fail-fast; {empty} dòng trống",
        out.display()
    );
    let en = format!(
        "Wrote {written} documents into {} ({warned} with warnings); {failed} rows failed; {skipped} skipped by --fail-fast; {empty} empty rows",
        out.display()
    );
    rep.done(&vi, &en);
    if !reported.is_empty() && reports_written {
        rep.done(
            &format!(
                "Các dòng lỗi và cảnh báo: {} và {}",
                crate::output::beside(out, REPORT_CSV).display(),
                crate::output::beside(out, REPORT_JSONL).display()
            ),
            &format!(
                "Failed rows and warnings: {} and {}",
                crate::output::beside(out, REPORT_CSV).display(),
                crate::output::beside(out, REPORT_JSONL).display()
            ),
        );
    }
    if rep.format == Format::Json {
        crate::outln!(
            "{}",
            serde_json::json!({
                "schema": crate::finding::SCHEMA,
                "type": "batch",
                "rows": outcomes.len(),
                "written": written,
                "with_warnings": warned,
                "failed": failed,
                "skipped": skipped,
                "empty_rows": plan.sheet.empty_rows,
            })
        );
    }
    if !reports_written {
        // The documents are there, but the clerk cannot learn which rows failed.
        Exit::IoErr
    } else if failed > 0 || skipped > 0 {
        Exit::Findings
    } else {
        Exit::Ok
    }
}

/// A written document's findings counted without printing each (10,000 documents' notes would
/// bury the failures); JSON output carries them all.
fn count(rep: &mut Reporter, fs: &[Finding]) {
    for f in fs {
        match f.severity {
            Severity::Error => rep.errors += 1,
            Severity::Warning => rep.warnings += 1,
            Severity::Note => rep.notes += 1,
        }
    }
}

/// `bao-cao.csv` (sheet, row, column, field, file, written or not, code, severity, message:
/// for the clerk's spreadsheet program) and `bao-cao.jsonl` (each finding in the shared
/// schema), for the rows that failed or have warnings; a stale pair from an earlier run goes.
/// A report cell that a spreadsheet shows and never runs. The clerk opens `bao-cao.csv` in
/// Excel or Calc, which take a cell beginning with `=`, `+`, `-` or `@` (or a tab or carriage
/// return before one) as a formula; a sheet name, a file name or a message is text from the
/// workbook received, so such a cell gets a leading `'`, as OWASP advises against CSV
/// injection.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn write_reports(plan: &Plan, rows: &[&Outcome], out: &Path) -> Result<(), Finding> {
    if rows.is_empty() {
        for name in [REPORT_CSV, REPORT_JSONL] {
            let _ = std::fs::remove_file(crate::output::beside(out, name));
        }
        return Ok(());
    }
    let mut csv = csv::Writer::from_writer(Vec::new());
    let sheet = plan.sheet.name.clone().unwrap_or_default();
    let io = |e: &dyn std::fmt::Display| {
        Finding::new(
            codes::OUTPUT_WRITE,
            crate::msg!(
                "không ghi được báo cáo: {}",
                "cannot write the report: {}",
                e
            ),
        )
    };
    csv.write_record([
        "trang",
        "dong",
        "cot",
        "truong",
        "tep",
        "ket_qua",
        "ma",
        "muc",
        "thong_bao",
        "message",
    ])
    .map_err(|e| io(&e))?;
    let mut jsonl = String::new();
    for o in rows {
        let (fs, result) = match &o.status {
            Status::Failed(fs) => (fs, "khong-ghi"),
            Status::Written { findings, .. } => (findings, "da-ghi"),
            Status::Skipped => continue,
        };
        for f in fs.iter().filter(|f| f.severity != Severity::Note) {
            let loc = f.location.as_ref();
            let in_sheet = loc
                .and_then(|l| l.file.as_deref())
                .is_some_and(|p| p == plan.sheet.file);
            let col = if in_sheet {
                loc.and_then(|l| l.column)
                    .map(|c| batch::sheet::column_name(c - 1))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            let cells = [
                sheet.as_str(),
                &o.row.to_string(),
                &col,
                loc.and_then(|l| l.field.as_deref()).unwrap_or(""),
                &o.job.file,
                result,
                &f.code,
                f.severity.label(Lang::En),
                &f.message.vi,
                &f.message.en,
            ];
            csv.write_record(cells.iter().map(|c| inert(c).into_owned()))
                .map_err(|e| io(&e))?;
            jsonl.push_str(&f.json());
            jsonl.push('\n');
        }
    }
    let bytes = csv.into_inner().map_err(|e| io(&e))?;
    // A BOM, so Excel opens the Vietnamese text as UTF-8.
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(bytes);
    crate::output::write_atomic(&crate::output::beside(out, REPORT_CSV), &with_bom, true)?;
    crate::output::write_atomic(
        &crate::output::beside(out, REPORT_JSONL),
        jsonl.as_bytes(),
        true,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_cells_never_become_formulas() {
        for evil in [
            "=HYPERLINK(\"http://x\",\"Bấm\")",
            "+1+1",
            "-1+1",
            "@SUM(1)",
            "\t=1",
            "\r=1",
        ] {
            assert!(inert(evil).starts_with('\''), "{evil}");
        }
        assert_eq!(inert("Danh sách"), "Danh sách");
        assert_eq!(inert("12"), "12");
    }
}
