//! The one `Finding` type every command reports problems with, and the JSON Lines schema of
//! `--format json`. A load error, a layout warning, a checker rule's and a plugin's finding are
//! all findings, so tools that read vbhc's output parse one shape.

pub mod codes;

use crate::exit::Exit;
use crate::i18n::{Lang, Msg};
use serde::Serialize;
use std::borrow::Cow;
use std::path::PathBuf;

/// Version of the JSON Lines records; bumped on any incompatible change.
pub const SCHEMA: &str = "vbhc/1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Note, Lang::Vi) => "ghi chú",
            (Severity::Warning, Lang::Vi) => "cảnh báo",
            (Severity::Error, Lang::Vi) => "lỗi",
            (Severity::Note, Lang::En) => "note",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Error, Lang::En) => "error",
        }
    }
}

/// Where a finding points: a place in a draft, or (for documents read back) a place in a
/// DOCX part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, Default)]
pub struct Location {
    /// The file (draft, template or DOCX).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<PathBuf>,
    /// 1-based line and column in a text file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// Draft field path (`ky.ho_ten`, `noi_nhan[2]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Spreadsheet cell of a batch row (`Sheet1!C12`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// DOCX part (`word/document.xml`) and paragraph index, with the text quoted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The page the paragraph starts on, as vbhc estimates it from sizes and spacing (it does
    /// not paginate as Word does, so it can be one page off near a page's end).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The value was not written in the draft but supplied by this plugin (`lang-son 1.0.0`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plugin: Option<String>,
}

impl Location {
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Self {
            file: Some(path.into()),
            ..Self::default()
        }
    }
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// `draft.toml:12:5 (ky.ho_ten)`, the form editors jump to.
    pub fn display(&self, lang: Lang) -> String {
        let mut s = String::new();
        if let Some(f) = &self.file {
            s.push_str(&f.display().to_string());
        }
        if let Some(l) = self.line {
            s.push_str(&format!(":{l}"));
            if let Some(c) = self.column {
                s.push_str(&format!(":{c}"));
            }
        }
        if let Some(c) = &self.cell {
            s.push_str(&format!(" [{c}]"));
        }
        if let Some(p) = &self.part {
            s.push_str(&format!(" [{p}"));
            if let Some(n) = self.paragraph {
                s.push_str(&format!(" ¶{n}"));
            }
            if let Some(n) = self.page {
                s.push_str(&match lang {
                    Lang::Vi => format!(", khoảng trang {n}"),
                    Lang::En => format!(", about page {n}"),
                });
            }
            s.push(']');
        }
        match (&self.field, &self.plugin) {
            (Some(f), Some(p)) => s.push_str(&format!(" ({f}, plugin {p})")),
            (Some(f), None) => s.push_str(&format!(" ({f})")),
            // A plugin's finding on a block no draft line holds still names the plugin.
            (None, Some(p)) => s.push_str(&format!(" (plugin {p})")),
            (None, None) => {}
        }
        s
    }
}

/// The plugin a finding comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PluginRef {
    pub id: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable code, e.g. `DRAFT-UNKNOWN-FIELD`, `ND30-DATE-PAD`; a plugin's rules bring their
    /// own (`LANG-SON-LUU`).
    pub code: Cow<'static, str>,
    pub severity: Severity,
    pub message: Msg,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// What was measured, where a rule measures ("lề dưới 15 mm").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measured: Option<String>,
    /// The allowed range ("20–25 mm").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<Msg>,
    /// The plugin whose rule or failure this is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plugin: Option<PluginRef>,
    /// Exit status this finding implies when it stops the command (errors only).
    #[serde(skip)]
    pub exit: Exit,
}

impl Finding {
    /// A finding of a registered code ([`codes`]), with the severity and exit status the
    /// registry gives it. An unregistered code is a bug, caught by the test that reads every
    /// code written in `src/`; at run time it is reported as an error with exit 70.
    pub fn new(code: &'static str, message: Msg) -> Self {
        let (severity, exit) =
            codes::get(code).map_or((Severity::Error, Exit::Software), |c| (c.severity, c.exit));
        debug_assert!(
            codes::get(code).is_some(),
            "unregistered finding code {code}"
        );
        Self {
            severity,
            ..Self::error(code, exit, message)
        }
    }

    /// An error whose exit status is not its code's usual one (a missing input read for a
    /// plugin is a plugin refusal, 78), or whose code is not vbhc's (a plugin's rule).
    pub fn error(code: impl Into<Cow<'static, str>>, exit: Exit, message: Msg) -> Self {
        Self {
            code: code.into(),
            severity: Severity::Error,
            message,
            location: None,
            measured: None,
            allowed: None,
            hint: None,
            plugin: None,
            exit,
        }
    }
    pub fn warning(code: impl Into<Cow<'static, str>>, message: Msg) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(code, Exit::Ok, message)
        }
    }
    pub fn note(code: impl Into<Cow<'static, str>>, message: Msg) -> Self {
        Self {
            severity: Severity::Note,
            ..Self::error(code, Exit::Ok, message)
        }
    }
    pub fn at(mut self, loc: Location) -> Self {
        self.location = Some(loc);
        self
    }
    pub fn hint(mut self, hint: Msg) -> Self {
        self.hint = Some(hint);
        self
    }
    pub fn measured(mut self, measured: impl Into<String>, allowed: impl Into<String>) -> Self {
        self.measured = Some(measured.into());
        self.allowed = Some(allowed.into());
        self
    }

    /// "đo được 13,5 pt; cho phép 12–13 pt" / "measured 13.5 pt; allowed 12–13 pt". The values
    /// are kept (and written to JSON) in Vietnamese notation; English gets decimal points.
    pub fn measure(&self, lang: Lang) -> Option<String> {
        let (m, a) = (self.measured.as_ref()?, self.allowed.as_ref()?);
        Some(match lang {
            Lang::Vi => format!("đo được {m}; cho phép {a}"),
            Lang::En => format!(
                "measured {}; allowed {}",
                crate::i18n::en_decimals(m),
                crate::i18n::en_decimals(a)
            ),
        })
    }

    /// Compiler-style text: `draft.toml:3:1: lỗi[DRAFT-UNKNOWN-FIELD]: …` then the hint.
    pub fn human(&self, lang: Lang) -> String {
        let mut s = self.headline(lang);
        if let Some(h) = &self.hint {
            let label = match lang {
                Lang::Vi => "gợi ý",
                Lang::En => "hint",
            };
            s.push_str(&format!("\n  = {label}: {}", h.get(lang)));
        }
        s
    }

    /// The compiler-like first line: location, severity, code, message, measure. A message
    /// that spans lines (a plugin's panic text) is joined into this one line, so no part of it
    /// is lost where only the first line is shown.
    pub fn headline(&self, lang: Lang) -> String {
        let mut s = String::new();
        if let Some(loc) = &self.location {
            s.push_str(&loc.display(lang));
            s.push_str(": ");
        }
        let message = self.message.get(lang);
        let message: Cow<'_, str> = if message.contains(['\n', '\r']) {
            Cow::Owned(
                message
                    .split(['\n', '\r'])
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        } else {
            Cow::Borrowed(message)
        };
        s.push_str(&format!(
            "{}[{}]: {}",
            self.severity.label(lang),
            self.code,
            message
        ));
        if let Some(m) = self.measure(lang) {
            s.push_str(&format!(" ({m})"));
        }
        s
    }

    /// One JSON Lines record of the shared schema.
    pub fn json(&self) -> String {
        #[derive(Serialize)]
        struct Rec<'a> {
            schema: &'static str,
            #[serde(rename = "type")]
            kind: &'static str,
            #[serde(flatten)]
            finding: &'a Finding,
        }
        serde_json::to_string(&Rec {
            schema: SCHEMA,
            kind: "finding",
            finding: self,
        })
        .expect("finding serialises")
    }
}

/// The closing record of a `--format json` run.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub command: &'static str,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub exit: i32,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<PathBuf>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<PathBuf>,
}

/// The findings that stopped a step: what every fallible step of vbhc returns, whether it
/// stops at the first problem (one finding) or collects them all (a draft's every mistake).
/// A single [`Finding`] converts into it, so `?` joins both kinds of step.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings(pub Vec<Finding>);

impl From<Finding> for Findings {
    fn from(f: Finding) -> Self {
        Findings(vec![f])
    }
}

impl From<Vec<Finding>> for Findings {
    fn from(v: Vec<Finding>) -> Self {
        Findings(v)
    }
}

impl std::ops::Deref for Findings {
    type Target = Vec<Finding>;
    fn deref(&self) -> &Vec<Finding> {
        &self.0
    }
}

impl std::ops::DerefMut for Findings {
    fn deref_mut(&mut self) -> &mut Vec<Finding> {
        &mut self.0
    }
}

impl IntoIterator for Findings {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Findings {
    type Item = &'a Finding;
    type IntoIter = std::slice::Iter<'a, Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Whether any finding is an error: a document with one is not written (unless the clerk
/// insists).
pub fn has_errors(fs: &[Finding]) -> bool {
    fs.iter().any(|f| f.severity == Severity::Error)
}

impl Summary {
    pub fn json(&self) -> String {
        #[derive(Serialize)]
        struct Rec<'a> {
            schema: &'static str,
            #[serde(rename = "type")]
            kind: &'static str,
            #[serde(flatten)]
            summary: &'a Summary,
        }
        serde_json::to_string(&Rec {
            schema: SCHEMA,
            kind: "summary",
            summary: self,
        })
        .expect("summary serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msg;

    #[test]
    fn a_plugins_place_names_the_plugin_with_or_without_a_field() {
        let mut l = Location::file("d.toml");
        l.plugin = Some("hx 1.0.0".into());
        assert_eq!(l.display(Lang::Vi), "d.toml (plugin hx 1.0.0)");
        assert_eq!(
            l.with_field("dia_danh").display(Lang::Vi),
            "d.toml (dia_danh, plugin hx 1.0.0)"
        );
    }

    #[test]
    fn a_message_on_several_lines_is_one_headline() {
        let f = Finding::new(
            codes::PLUGIN_PANIC,
            crate::i18n::Msg::new("panicked at src/lib.rs:3:\ncố ý dừng\n", "x"),
        );
        assert_eq!(
            f.headline(Lang::Vi),
            "lỗi[PLUGIN-PANIC]: panicked at src/lib.rs:3: cố ý dừng"
        );
    }

    #[test]
    fn human_and_json_forms() {
        let f = Finding::new(
            codes::DRAFT_UNKNOWN_FIELD,
            msg!("trường lạ `{}`", "unknown field `{}`", "so_hieu"),
        )
        .at(Location::file("a.toml").at(3, 1).with_field("so_hieu"))
        .hint(msg!("có phải `{}`?", "did you mean `{}`?", "so"));
        assert_eq!(
            f.human(Lang::Vi),
            "a.toml:3:1 (so_hieu): lỗi[DRAFT-UNKNOWN-FIELD]: trường lạ `so_hieu`\n  = gợi ý: có phải `so`?"
        );
        let j: serde_json::Value = serde_json::from_str(&f.json()).unwrap();
        assert_eq!(j["schema"], SCHEMA);
        assert_eq!(j["type"], "finding");
        assert_eq!(j["severity"], "error");
        assert_eq!(j["location"]["line"], 3);
        assert_eq!(j["message"]["en"], "unknown field `so_hieu`");
    }
}
