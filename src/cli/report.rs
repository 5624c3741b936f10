//! Where findings go: compiler-style lines on stderr, or JSON Lines on stdout with a closing
//! summary record. Every subcommand reports through this one place.

use super::Format;
use crate::exit::Exit;
use crate::finding::{Finding, Severity, Summary};
use crate::i18n::Lang;
use std::path::PathBuf;

/// A two-language value written as its English text (the JSON schema's values).
fn english<S: serde::Serializer>(m: &crate::i18n::Msg, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&m.en)
}

/// The provenance of a document's plugin answers.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PluginRecord {
    pub document: PathBuf,
    pub id: String,
    pub version: String,
    pub sha256: String,
    /// The plugin.toml it was loaded from.
    pub source: PathBuf,
    /// `--plugin` or `installed`.
    #[serde(serialize_with = "english")]
    pub from: crate::i18n::Msg,
    #[serde(serialize_with = "english")]
    pub signer: crate::i18n::Msg,
    /// Fields and slots it filled.
    pub supplied: Vec<String>,
    /// The values it gave the fields that say who issues and signs (organ, parent organ,
    /// abbreviation, place, authority, signer's title).
    pub values: std::collections::BTreeMap<String, String>,
    /// Findings of its rules on the document.
    pub findings: usize,
}

pub struct Reporter {
    human: super::human::Human,
    pub lang: Lang,
    pub format: Format,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub outputs: Vec<PathBuf>,
    /// Files read and checked.
    pub inputs: Vec<PathBuf>,
    worst: Exit,
}

impl Reporter {
    pub fn new(lang: Lang, format: Format) -> Self {
        Self {
            human: super::human::Human::new(lang),
            lang,
            format,
            errors: 0,
            warnings: 0,
            notes: 0,
            outputs: Vec::new(),
            inputs: Vec::new(),
            worst: Exit::Ok,
        }
    }

    pub fn finding(&mut self, f: &Finding) {
        match f.severity {
            Severity::Error => {
                self.errors += 1;
                self.worst = self.worst.max(f.exit);
            }
            Severity::Warning => self.warnings += 1,
            Severity::Note => self.notes += 1,
        }
        match self.format {
            Format::Human => eprintln!("{}", self.human.render(f)),
            Format::Json => crate::outln!("{}", f.json()),
        }
    }

    pub fn findings(&mut self, fs: &[Finding]) {
        for f in fs {
            self.finding(f);
        }
    }

    /// Which plugin supplied what for a document: a line on stderr, or a JSON record.
    pub fn plugin_record(&mut self, r: &PluginRecord) {
        match self.format {
            Format::Human => {
                let what = if r.supplied.is_empty() {
                    "—".to_string()
                } else {
                    r.supplied
                        .iter()
                        .map(|f| match r.values.get(f) {
                            Some(v) => format!("{f} = “{v}”"),
                            None => f.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let short = &r.sha256[..r.sha256.len().min(12)];
                let (vi, en) = (
                    format!(
                        "plugin {} {} (sha256 {short}…, người ký: {}, nguồn: {}) đã cung cấp: {what}; {} phát hiện",
                        r.id, r.version, r.signer.vi, r.from.vi, r.findings
                    ),
                    format!(
                        "plugin {} {} (sha256 {short}…, signed by: {}, from: {}) supplied: {what}; {} findings",
                        r.id, r.version, r.signer.en, r.from.en, r.findings
                    ),
                );
                let line = if self.lang == Lang::Vi { vi } else { en };
                eprintln!("{}", crate::text::chars::for_terminal(&line));
            }
            Format::Json => {
                #[derive(serde::Serialize)]
                struct Rec<'a> {
                    schema: &'static str,
                    #[serde(rename = "type")]
                    kind: &'static str,
                    #[serde(flatten)]
                    record: &'a PluginRecord,
                }
                let line = serde_json::to_string(&Rec {
                    schema: crate::finding::SCHEMA,
                    kind: "plugin",
                    record: r,
                })
                .expect("plugin record serialises");
                crate::outln!("{line}");
            }
        }
    }

    /// A plain success line (human format only; JSON has the summary).
    pub fn done(&self, vi: &str, en: &str) {
        if self.format == Format::Human {
            let line = if self.lang == Lang::Vi { vi } else { en };
            eprintln!("{}", crate::text::chars::for_terminal(line));
        }
    }

    /// Ends the run with `exit` rather than the worst finding's code (a batch whose rows
    /// failed is "done, with failures", not "bad input").
    pub fn finish_as(&mut self, command: &'static str, exit: Exit) -> Exit {
        self.worst = exit;
        self.finish(command)
    }

    /// Ends the run: prints the JSON summary and returns the exit code.
    pub fn finish(&mut self, command: &'static str) -> Exit {
        let exit = self.worst;
        if self.format == Format::Json {
            crate::outln!(
                "{}",
                Summary {
                    command,
                    errors: self.errors,
                    warnings: self.warnings,
                    notes: self.notes,
                    exit: exit.code(),
                    outputs: std::mem::take(&mut self.outputs),
                    inputs: std::mem::take(&mut self.inputs),
                }
                .json()
            );
        }
        exit
    }
}
