//! `vbhc rules`: the checker's rules — code, default severity, what it checks and why it has
//! that severity — from the one table the checker uses.

use super::{Cli, Format, Reporter};
use crate::check::rules::RULES;
use crate::exit::Exit;
use crate::i18n::Lang;

pub fn run(cli: &Cli, rep: &mut Reporter) -> Exit {
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
    rep.finish("rules")
}
