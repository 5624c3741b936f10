//! The command line: arguments in, one subcommand run, findings reported, an exit code out.
//! One file per subcommand; this file holds what they share.

mod batch;
mod check;
mod console;
mod context;
mod human;
mod new;
mod plugin;
mod render;
mod report;
mod rules;
mod templates;
mod usage;

use crate::exit::{self, Exit};
use crate::finding::codes;
use crate::i18n::Lang;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub use context::Context;
pub use report::Reporter;

/// Prints to stdout like `print!`, but a reader that went away (`vbhc rules | head`) ends the
/// run quietly instead of a panic: stdout closing early is not vbhc's error.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let mut o = std::io::stdout().lock();
        if let Err(e) = write!(o, $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            $crate::cli::STDOUT_FAILED.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }};
}

/// `println!` through [`out!`].
#[macro_export]
macro_rules! outln {
    () => { $crate::out!("\n") };
    ($($arg:tt)*) => {{ $crate::out!($($arg)*); $crate::out!("\n"); }};
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Dễ đọc, như trình biên dịch
    #[default]
    Human,
    /// JSON Lines (lược đồ vbhc/1)
    Json,
}

/// vbhc — soạn văn bản hành chính đúng thể thức Nghị định 30/2020/NĐ-CP.
///
/// Viết các thông tin của văn bản vào một bản nháp TOML (`vbhc new chi-thi`), rồi
/// `vbhc render ban-nhap.toml` tạo tệp DOCX đúng thể thức.
#[derive(Debug, Parser)]
#[command(name = "vbhc", version, after_help = exit::TABLE_VI, disable_help_subcommand = true)]
pub struct Cli {
    /// Ngôn ngữ thông báo: vi (mặc định) hoặc en
    #[arg(long, global = true, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
    /// Dạng báo cáo: human hoặc json (JSON Lines)
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Thư mục mẫu thay cho mẫu có sẵn (tệp <loại>.hbs)
    #[arg(long, global = true, value_name = "THƯ_MỤC")]
    pub templates: Option<PathBuf>,
    /// Plugin của tỉnh cho lần chạy này (thư mục, plugin.toml hoặc .wasm); lặp lại được
    #[arg(long = "plugin", global = true, value_name = "ĐƯỜNG_DẪN")]
    pub plugins: Vec<PathBuf>,
    /// Tin thêm khóa công khai này (tệp .pub của minisign) trong lần chạy này
    #[arg(long = "trust-key", global = true, value_name = "TỆP")]
    pub trust_keys: Vec<PathBuf>,
    /// Cho chạy (hoặc cài) plugin chưa ký
    #[arg(long, global = true)]
    pub allow_unsigned: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// In khung bản nháp (TOML, có chú thích) cho một loại văn bản
    New(new::Args),
    /// Tạo tệp DOCX từ bản nháp
    Render(render::Args),
    /// Tạo hàng loạt văn bản từ bảng tính (.xlsx, .ods, .csv): mỗi dòng một văn bản
    Batch(batch::Args),
    /// Kiểm tra thể thức theo Nghị định 30: bản nháp hoặc tệp .docx bất kỳ
    Check(check::Args),
    /// Liệt kê các quy tắc kiểm tra, mức độ và lý do
    Rules(rules::Args),
    /// Xem các mẫu văn bản và trường của chúng
    #[command(subcommand)]
    Templates(templates::Cmd),
    /// Cài, liệt kê và xem plugin của tỉnh
    #[command(subcommand)]
    Plugin(plugin::Cmd),
}

/// English help texts, swapped in when `--lang en` is on the command line.
const EN: &[(&str, &str, &str)] = &[
    (
        "",
        "",
        "vbhc — draft Vietnamese administrative documents laid out per Decree 30/2020/NĐ-CP.\n\nWrite the document's facts in a TOML draft (`vbhc new chi-thi`), then `vbhc render draft.toml` writes a DOCX laid out as the decree requires.",
    ),
    ("", "lang", "Message language: vi (default) or en"),
    ("", "format", "Report format: human or json (JSON Lines)"),
    (
        "",
        "plugins",
        "A province plugin for this run (folder, plugin.toml or .wasm); repeatable",
    ),
    (
        "",
        "trust_keys",
        "Also trust this public key (a minisign .pub file) for this run",
    ),
    (
        "",
        "allow_unsigned",
        "Run (or install) plugins that are not signed",
    ),
    ("plugin", "", "Install, list and inspect province plugins"),
    (
        "plugin install",
        "",
        "Verify (signature, hash, interface) and install a plugin into the user's data folder",
    ),
    (
        "plugin install",
        "path",
        "Plugin folder (with plugin.toml), a plugin.toml or a .wasm file",
    ),
    (
        "plugin list",
        "",
        "List plugins: id, version, province, hash, signer, where from",
    ),
    ("plugin info", "", "Show one plugin in detail"),
    ("plugin info", "id", "Plugin id (lang-son)"),
    ("plugin remove", "", "Remove an installed plugin"),
    ("plugin remove", "id", "Plugin id (lang-son)"),
    (
        "",
        "templates",
        "Folder of templates overriding the built-in ones (<kind>.hbs files)",
    ),
    (
        "new",
        "",
        "Print a commented TOML draft skeleton for a kind of document",
    ),
    ("new", "kind", "Document kind (see `vbhc templates list`)"),
    (
        "new",
        "output",
        "Write the skeleton to this file (UTF-8) instead of the screen; on Windows use it instead of `>`",
    ),
    ("new", "force", "Overwrite the file if it exists"),
    ("render", "", "Write a DOCX from a draft"),
    ("render", "drafts", "The draft files (.toml or .json)"),
    (
        "render",
        "output",
        "Output file (default: the draft's name with .docx)",
    ),
    ("render", "force", "Overwrite the output file if it exists"),
    (
        "render",
        "allow_errors",
        "Write the document even when the checker finds error-level problems",
    ),
    (
        "batch",
        "",
        "Write many documents from a spreadsheet (.xlsx, .ods, .csv): one per row",
    ),
    (
        "batch",
        "rows",
        "Spreadsheet: .xlsx, .ods or .csv (the first row holding text is the header = field names)",
    ),
    (
        "batch",
        "draft",
        "Base draft (.toml): each row of the spreadsheet fills in or replaces its fields",
    ),
    ("batch", "out", "Output folder (made when missing)"),
    ("batch", "sheet", "Sheet to read (default: the first)"),
    (
        "batch",
        "header_row",
        "Row of column headers (default: the first row holding text)",
    ),
    (
        "batch",
        "maps",
        "Read this header as another field name: --map \"Tên doanh nghiệp=ten_dn\"; repeatable",
    ),
    (
        "batch",
        "name",
        "File-name pattern, e.g. \"{{so}}-{{don_vi}}.docx\" (default: \"{{dong}}.docx\")",
    ),
    (
        "batch",
        "ascii_names",
        "File names without Vietnamese marks (Sở Nội vụ → So Noi vu)",
    ),
    (
        "batch",
        "start",
        "First number when the base draft says so = \"auto\" (number = start + row index)",
    ),
    ("batch", "jobs", "Threads (default: every core)"),
    (
        "batch",
        "dry_run",
        "Only list the files that would be written; write nothing",
    ),
    (
        "batch",
        "force",
        "Write into an output folder that already holds files (replacing same-named ones)",
    ),
    (
        "batch",
        "allow_errors",
        "Write documents even when the checker finds error-level problems",
    ),
    (
        "batch",
        "fail_fast",
        "Stop at the first failed row (rows not yet started are skipped)",
    ),
    (
        "batch",
        "no_check",
        "Skip the checker and the plugin's rules (only to compare speed with other tools)",
    ),
    (
        "check",
        "",
        "Check a draft or any DOCX against Decree 30's formatting rules",
    ),
    (
        "check",
        "files",
        "Drafts (.toml, .json) or .docx documents to check",
    ),
    (
        "rules",
        "",
        "List the checker's rules, their severity and why",
    ),
    (
        "rules",
        "all",
        "Also list the codes that are not Decree 30 rules (drafts, plugins, files…), with their exit status",
    ),
    (
        "templates",
        "",
        "List the kinds of document and show their templates and fields",
    ),
];

/// clap prints its section headings in English; the clerk's help is Vietnamese throughout.
const HELP_VI: &str = "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

fn vi_args(cmd: clap::Command) -> clap::Command {
    cmd.mut_args(|a| {
        let heading = if a.is_positional() {
            "Đối số"
        } else {
            "Tùy chọn"
        };
        let a = a.help_heading(heading);
        if a.get_action().takes_values() {
            a.hide_possible_values(true).hide_default_value(true)
        } else {
            a
        }
    })
}

fn vietnamese(cmd: clap::Command) -> clap::Command {
    let cmd = vi_args(cmd)
        .help_template(HELP_VI)
        .next_help_heading("Tùy chọn")
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("In trợ giúp")
                .global(true),
        )
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("In phiên bản"),
        );
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    subs.into_iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, |c| {
            let c = vi_args(c)
                .help_template(HELP_VI)
                .next_help_heading("Tùy chọn")
                .subcommand_help_heading("Lệnh")
                .subcommand_value_name("LỆNH");
            let inner: Vec<String> = c
                .get_subcommands()
                .map(|x| x.get_name().to_string())
                .collect();
            inner.into_iter().fold(c, |c, n| {
                c.mut_subcommand(n, |x| {
                    vi_args(x)
                        .help_template(HELP_VI)
                        .next_help_heading("Tùy chọn")
                })
            })
        })
    })
}

fn command(lang: Lang) -> clap::Command {
    // `vbhc`, not `vbhc.exe`, in usage lines: the name a clerk types on every system.
    let mut cmd = Cli::command().bin_name("vbhc");
    if lang == Lang::Vi {
        cmd = vietnamese(cmd);
    }
    if lang == Lang::En {
        cmd = cmd.after_help(exit::TABLE_EN);
        for (sub, arg, text) in EN {
            let text = text.to_string();
            match (*sub, *arg) {
                ("", "") => {
                    cmd = cmd
                        .about(text.lines().next().unwrap_or_default().to_string())
                        .long_about(text)
                }
                ("", a) => cmd = cmd.mut_arg(a, |x| x.help(text)),
                (s, a) if s.contains(' ') => {
                    // A subcommand's own subcommand: `plugin install`.
                    let (outer, inner) = s.split_once(' ').unwrap_or((s, ""));
                    cmd = cmd.mut_subcommand(outer, |c| {
                        c.mut_subcommand(inner, |x| {
                            if a.is_empty() {
                                x.about(text)
                            } else {
                                x.mut_arg(a, |y| y.help(text))
                            }
                        })
                    })
                }
                (s, "") => cmd = cmd.mut_subcommand(s, |c| c.about(text)),
                (s, a) => cmd = cmd.mut_subcommand(s, |c| c.mut_arg(a, |x| x.help(text))),
            }
        }
    }
    cmd
}

/// A draft or a DOCX dropped on `vbhc.exe` in Explorer arrives as the only argument: it is
/// rendered (`.toml`, `.json`) or checked (`.docx`), as the clerk meant.
fn dropped_file(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    if args.len() != 2 {
        return args;
    }
    let ext = std::path::Path::new(&args[1])
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let command = match ext.as_deref() {
        Some("toml" | "json") => "render",
        Some("docx") => "check",
        _ => return args,
    };
    args.insert(1, command.into());
    args
}

pub fn main() -> std::process::ExitCode {
    let args: Vec<std::ffi::OsString> = dropped_file(std::env::args_os().collect());
    let lang = if args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
        || args.iter().any(|a| a == "--lang=en")
    {
        Lang::En
    } else {
        Lang::Vi
    };
    let nothing_asked = args.len() <= 1;
    let code = run(args, lang);
    // Started from Explorer: the window would close with the report in it.
    if console::owned() {
        console::hold(lang, nothing_asked);
    }
    code
}

fn run(args: Vec<std::ffi::OsString>, lang: Lang) -> std::process::ExitCode {
    let matches = match command(lang).try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => {
            match usage::vietnamese(&e).filter(|_| lang == Lang::Vi && e.use_stderr()) {
                Some(vi) => eprint!("{}", crate::text::chars::for_terminal(&vi)),
                None => {
                    let _ = e.print();
                }
            }
            return std::process::ExitCode::from(if e.use_stderr() {
                Exit::Usage.code() as u8
            } else {
                0
            });
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return std::process::ExitCode::from(Exit::Usage.code() as u8);
        }
    };
    crate::crash::install();
    let run = std::panic::catch_unwind(|| {
        let mut rep = Reporter::new(cli.lang, cli.format);
        let ctx = Context::new(&cli);
        match &cli.command {
            Command::New(a) => new::run(&ctx, a, &mut rep),
            Command::Render(a) => render::run(&ctx, a, &mut rep),
            Command::Batch(a) => batch::run(&ctx, a, &mut rep),
            Command::Check(a) => check::run(&ctx, a, &mut rep),
            Command::Rules(a) => rules::run(&cli, a, &mut rep),
            Command::Templates(c) => templates::run(&ctx, c, &mut rep),
            Command::Plugin(c) => plugin::run(&ctx, c, &mut rep),
        }
    });
    let mut exit = match run {
        Ok(exit) => exit,
        // A bug: one finding, exit 70 (the hook kept the message and the file at hand).
        Err(_) => {
            let mut rep = Reporter::new(cli.lang, cli.format);
            if let Some(c) = crate::crash::take() {
                rep.finding(&crate::crash::finding(&c));
            }
            rep.finish("panic");
            Exit::Software
        }
    };
    // What was printed must have reached its reader: a full disk behind `> tệp` is an I/O
    // error (74), not a success with the output lost.
    if !out_flushed() {
        let f = crate::finding::Finding::new(
            codes::OUTPUT_STDOUT,
            crate::msg!(
                "không ghi được kết quả ra đầu ra chuẩn (đĩa đầy hoặc tệp không ghi được): kết quả bị thiếu",
                "could not write to standard output (disk full or file not writable): the output is incomplete"
            ),
        );
        eprintln!("{}", crate::text::chars::for_terminal(&f.human(cli.lang)));
        exit = exit.max(Exit::IoErr);
    }
    std::process::ExitCode::from(exit.code() as u8)
}

/// Set when a write to stdout failed for another reason than its reader leaving.
pub static STDOUT_FAILED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Flushes stdout; false when anything written to it was lost.
fn out_flushed() -> bool {
    use std::io::Write as _;
    let flushed = match std::io::stdout().lock().flush() {
        Ok(()) => true,
        Err(e) => e.kind() == std::io::ErrorKind::BrokenPipe,
    };
    flushed && !STDOUT_FAILED.load(std::sync::atomic::Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_help_languages_are_valid_clap_commands() {
        command(Lang::Vi).debug_assert();
        command(Lang::En).debug_assert();
    }
}
