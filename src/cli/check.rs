//! `vbhc check FILE…`: the ND30 checker on drafts (`.toml`, `.json`, laid out as `render`
//! would) and on DOCX files anyone made. One bad file is reported and the run goes on.

use super::{Context, Reporter};
use crate::check::{self, Origin};
use crate::exit::Exit;
use crate::finding::Findings;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::{draft, msg, reader};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bản nháp (.toml, .json) hoặc văn bản .docx cần kiểm tra
    #[arg(value_name = "TỆP", required = true)]
    pub files: Vec<PathBuf>,
}

/// A draft made as `render` makes it ([`crate::produce::make`]): loaded (with its plugin),
/// laid out, written, judged by the checker and the plugin's rules; its findings in the order
/// `render` gives them.
fn check_draft(ctx: &Context, path: &Path) -> Result<Vec<Finding>, Findings> {
    let config = ctx.config()?;
    let templates = ctx.templates(None)?;
    let (host, registry) = ctx.plugins()?;
    let mut applier = crate::plugin::Applier::new(host, registry, path);
    let d = draft::load_with(
        path,
        &templates,
        config.tone.unwrap_or_default(),
        Some(&mut applier),
    )?;
    Ok(crate::produce::make(d, &mut applier, true)?.findings)
}

fn unsupported(path: &Path, ext: &str) -> Finding {
    Finding::new(
        codes::INPUT_FORMAT,
        msg!(
            "vbhc không đọc được tệp .{}: chỉ đọc bản nháp .toml, .json và văn bản .docx",
            "vbhc cannot read .{} files: it reads .toml and .json drafts and .docx documents",
            ext
        ),
    )
    .at(Location::file(path))
    .hint(msg!(
        "mở tệp trong Word hoặc LibreOffice và lưu thành .docx (Lưu thành → Tài liệu Word)",
        "open the file in Word or LibreOffice and save it as .docx (Save As → Word Document)"
    ))
}

/// Checks one file: its findings, or the reason it could not be read.
pub fn check_file(ctx: &Context, path: &Path) -> Result<Vec<Finding>, Findings> {
    if path.is_dir() {
        return Err(draft::read_input(path).unwrap_err().into());
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "toml" | "json" => check_draft(ctx, path),
        "docx" | "docm" | "dotx" => {
            let doc = reader::read(path)?;
            Ok(check::check(&doc, Origin::Docx))
        }
        _ if !path.exists() => Err(draft::read_input(path).unwrap_err().into()),
        other => Err(Findings::from(vec![unsupported(
            path,
            if other.is_empty() { "?" } else { other },
        )])),
    }
}

pub fn run(ctx: &Context, a: &Args, rep: &mut Reporter) -> Exit {
    let mut failed: Vec<Exit> = Vec::new();
    for path in &a.files {
        match check_file(ctx, path) {
            Ok(fs) => {
                let before = (rep.errors, rep.warnings, rep.notes);
                rep.findings(&fs);
                let (e, w, n) = (
                    rep.errors - before.0,
                    rep.warnings - before.1,
                    rep.notes - before.2,
                );
                rep.done(
                    &format!("{}: {e} lỗi, {w} cảnh báo, {n} ghi chú", path.display()),
                    &format!(
                        "{}: {e} error(s), {w} warning(s), {n} note(s)",
                        path.display()
                    ),
                );
                rep.inputs.push(path.clone());
            }
            Err(fs) => {
                let worst = fs.iter().map(|f| f.exit).max().unwrap_or(Exit::DataErr);
                rep.findings(&fs);
                failed.push(worst);
            }
        }
    }
    // One file: its own exit code. Several: 1 when anything failed or has errors.
    let exit = rep.finish("check");
    if a.files.len() == 1 {
        return failed.first().copied().unwrap_or(exit);
    }
    if !failed.is_empty() || exit != Exit::Ok {
        Exit::Findings
    } else {
        Exit::Ok
    }
}
