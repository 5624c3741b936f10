//! `vbhc rules`: the checker's rules — code, default severity, what it checks and why it has
//! that severity — from the one table the checker uses. `--all` adds every other code vbhc
//! gives (`finding::codes`), with its exit status and area.

use super::{Cli, Format, Reporter};
use crate::check::rules::RULES;
use crate::exit::Exit;
use crate::i18n::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Liệt kê cả các mã không phải quy tắc Nghị định 30 (bản nháp, plugin, tệp…), với mã thoát
    #[arg(long)]
    pub all: bool,
}

pub fn run(cli: &Cli, a: &Args, rep: &mut Reporter) -> Exit {
    rules(cli);
    if a.all {
        others(cli);
    }
    rep.finish("rules")
}

fn rules(cli: &Cli) {
    for r in RULES {
        if cli.format == Format::Json {
            crate::outln!(
                "{}",
                serde_json::json!({
                    "schema": crate::finding::SCHEMA,
                    "type": "rule",
                    "code": r.code,
                    "severity": r.severity,
                    "title": {"vi": r.vi, "en": r.en},
                    "why": {"vi": r.why_vi, "en": r.why_en},
                })
            );
        } else {
            let (title, why) = match cli.lang {
                Lang::Vi => (r.vi, r.why_vi),
                Lang::En => (r.en, r.why_en),
            };
            crate::outln!(
                "{:<24} {:<9} {title}\n{:<34} ({why})",
                r.code,
                r.severity.label(cli.lang),
                ""
            );
        }
    }
}

/// The registry's codes: code, severity, exit status, area, what it means.
fn others(cli: &Cli) {
    for c in crate::finding::codes::CODES {
        if cli.format == Format::Json {
            crate::outln!(
                "{}",
                serde_json::json!({
                    "schema": crate::finding::SCHEMA,
                    "type": "code",
                    "code": c.id,
                    "severity": c.severity,
                    "exit": c.exit.code(),
                    "area": c.area,
                    "title": {"vi": c.vi, "en": c.en},
                })
            );
        } else {
            let what = match cli.lang {
                Lang::Vi => c.vi,
                Lang::En => c.en,
            };
            crate::outln!(
                "{:<24} {:<9} {:>3}  {what}",
                c.id,
                c.severity.label(cli.lang),
                c.exit.code()
            );
        }
    }
}
