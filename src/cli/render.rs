//! `vbhc render`: draft → checked draft (with its province plugin) → Document → DOCX, written
//! atomically. Several drafts: each on its own; one that fails never stops the next.

use super::{Context, Reporter};
use crate::draft;
use crate::draft::Draft;
use crate::exit::Exit;
use crate::finding::Finding;
use crate::finding::codes;
use crate::plugin::{Applier, Host, Registry};
use crate::template::Templates;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bản nháp (.toml hoặc .json), một hoặc nhiều
    #[arg(value_name = "BẢN_NHÁP", required = true)]
    pub drafts: Vec<PathBuf>,
    /// Tệp kết quả (mặc định: tên bản nháp, đuôi .docx); chỉ khi có một bản nháp
    #[arg(short, long, value_name = "TỆP")]
    pub output: Option<PathBuf>,
    /// Ghi đè tệp kết quả nếu đã có
    #[arg(long)]
    pub force: bool,
    /// Vẫn ghi văn bản khi bộ kiểm tra thấy lỗi mức error
    #[arg(long)]
    pub allow_errors: bool,
}

pub fn run(ctx: &Context, a: &Args, rep: &mut Reporter) -> Exit {
    if a.output.is_some() && a.drafts.len() > 1 {
        rep.finding(&Finding::new(
            codes::USAGE,
            crate::msg!(
                "--output chỉ dùng được với một bản nháp",
                "--output needs exactly one draft"
            ),
        ));
        return rep.finish("render");
    }
    let setup = (|| {
        let config = ctx.config()?;
        let templates = ctx.templates(Some(&mut *rep))?;
        let (host, registry) = ctx.plugins()?;
        rep.findings(&registry.warnings);
        Ok::<_, Finding>((config, templates, host, registry))
    })();
    let (config, templates, host, registry) = match setup {
        Ok(s) => s,
        Err(f) => {
            rep.finding(&f);
            return rep.finish("render");
        }
    };
    let tone = config.tone.unwrap_or_default();
    for path in &a.drafts {
        let out = a
            .output
            .clone()
            .unwrap_or_else(|| path.with_extension("docx"));
        one(path, &out, a, &templates, tone, host, registry, rep);
    }
    rep.finish("render")
}

#[allow(clippy::too_many_arguments)]
fn one(
    path: &Path,
    out: &Path,
    a: &Args,
    templates: &Templates,
    tone: crate::text::ToneStyle,
    host: &Host,
    registry: &Registry,
    rep: &mut Reporter,
) {
    let _crash = crate::crash::working_on(path.display());
    if let Err(f) = crate::output::not_an_input(out, &[path]) {
        rep.finding(&f);
        return;
    }
    crate::crash::test_hook(path);
    let mut applier = Applier::new(host, registry, path);
    let made = draft::load_with(path, templates, tone, Some(&mut applier))
        .and_then(|d| crate::produce::make(d, &mut applier, true));
    let made = match made {
        Ok(m) => m,
        Err(fs) => {
            rep.findings(&fs);
            return;
        }
    };
    rep.findings(&made.findings);
    provenance(rep, &made.draft, &applier, made.plugin_findings);
    if !made.writable(a.allow_errors) {
        rep.done(
            &format!(
                "Chưa ghi {}: sửa các lỗi trên, hoặc thêm --allow-errors để vẫn ghi",
                out.display()
            ),
            &format!(
                "Not written {}: fix the errors above, or add --allow-errors to write anyway",
                out.display()
            ),
        );
        return;
    }
    let bytes = made.bytes;
    if let Err(f) = crate::output::write_atomic(out, &bytes, a.force) {
        rep.finding(&f);
        return;
    }
    rep.done(
        &format!("Đã ghi {} ({} byte)", out.display(), bytes.len()),
        &format!("Wrote {} ({} bytes)", out.display(), bytes.len()),
    );
    rep.outputs.push(out.to_path_buf());
}

/// Which plugin, at which version, supplied what.
fn provenance(rep: &mut Reporter, d: &Draft, applier: &Applier, findings: usize) {
    let (Some(used), Some(p)) = (&d.plugin, applier.plugin()) else {
        return;
    };
    rep.plugin_record(&super::report::PluginRecord {
        document: d.file.clone(),
        id: p.id().to_string(),
        version: p.version().to_string(),
        sha256: p.sha256.clone(),
        source: p.found.path.clone(),
        from: p.source.label(),
        signer: p.signer.label(),
        supplied: used.supplied.clone(),
        values: used.values.iter().cloned().collect(),
        findings,
    });
}
