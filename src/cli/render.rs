//! `vbhc render`: draft → checked draft → Document → DOCX, written atomically.

use super::{Cli, Reporter};
use crate::exit::Exit;
use crate::template::Templates;
use crate::{docx, draft, layout};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bản nháp (.toml hoặc .json)
    #[arg(value_name = "BẢN_NHÁP")]
    pub draft: PathBuf,
    /// Tệp kết quả (mặc định: tên bản nháp, đuôi .docx)
    #[arg(short, long, value_name = "TỆP")]
    pub output: Option<PathBuf>,
    /// Ghi đè tệp kết quả nếu đã có
    #[arg(long)]
    pub force: bool,
    /// Vẫn ghi văn bản khi bộ kiểm tra thấy lỗi mức error
    #[arg(long)]
    pub allow_errors: bool,
}

pub fn run(cli: &Cli, a: &Args, rep: &mut Reporter) -> Exit {
    let result = (|| {
        let config = crate::config::load().map_err(|f| vec![f])?;
        let templates = Templates::new(cli.templates.clone().or(config.templates));
        let d = draft::load_with_tone(&a.draft, &templates, config.tone.unwrap_or_default())?;
        let laid = layout::lay_out(&d).map_err(|f| vec![f])?;
        let bytes = docx::to_bytes(&laid.doc).map_err(|e| {
            vec![crate::finding::Finding::error(
                "INTERNAL-WRITE",
                Exit::Software,
                crate::msg!(
                    "lỗi nội bộ khi tạo DOCX: {}",
                    "internal error building the DOCX: {}",
                    e
                ),
            )]
        })?;
        let out = a
            .output
            .clone()
            .unwrap_or_else(|| a.draft.with_extension("docx"));
        Ok::<_, Vec<crate::finding::Finding>>((laid, bytes, out))
    })();
    match result {
        Err(fs) => {
            rep.findings(&fs);
            rep.finish("render")
        }
        Ok((laid, bytes, out)) => {
            rep.findings(&laid.warnings);
            // The checker judges what is about to be written, with the same rules as
            // `vbhc check`; error-level findings stop the write unless the clerk insists.
            let findings = crate::check::check(&laid.doc, crate::check::Origin::Draft);
            let errors = findings
                .iter()
                .any(|f| f.severity == crate::finding::Severity::Error);
            rep.findings(&findings);
            if errors && !a.allow_errors {
                rep.done(
                    "Chưa ghi văn bản: sửa các lỗi trên, hoặc thêm --allow-errors để vẫn ghi",
                    "Not written: fix the errors above, or add --allow-errors to write anyway",
                );
                return rep.finish("render");
            }
            if let Err(f) = crate::output::write_atomic(&out, &bytes, a.force) {
                rep.finding(&f);
                return rep.finish("render");
            }
            rep.done(
                &format!("Đã ghi {} ({} byte)", out.display(), bytes.len()),
                &format!("Wrote {} ({} bytes)", out.display(), bytes.len()),
            );
            rep.outputs.push(out);
            rep.finish("render")
        }
    }
}
