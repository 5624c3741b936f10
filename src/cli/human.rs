//! Human output: each finding as a compiler-like diagnostic drawn by miette — the location
//! and code first, then the draft's own line with the place marked (for a DOCX, the quoted
//! paragraph), the measured value against the allowed one, and the hint. Coloured when stderr
//! is a terminal (and `NO_COLOR` is unset), plain otherwise.

use crate::finding::{Finding, Severity};
use crate::i18n::Lang;
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource};
use std::collections::HashMap;
use std::fmt;
use std::io::IsTerminal;
use std::path::PathBuf;

struct Diag {
    head: String,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<NamedSource<String>>,
    label: Option<LabeledSpan>,
}

impl fmt::Debug for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.head)
    }
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.head)
    }
}

impl std::error::Error for Diag {}

impl Diagnostic for Diag {
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h.as_str()) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.label
            .clone()
            .map(|l| Box::new(std::iter::once(l)) as Box<dyn Iterator<Item = LabeledSpan>>)
    }
}

/// Renders findings, reading each draft once to show its lines.
pub struct Human {
    lang: Lang,
    handler: GraphicalReportHandler,
    sources: HashMap<PathBuf, Option<String>>,
}

impl Human {
    pub fn new(lang: Lang) -> Self {
        let terminal = std::io::stderr().is_terminal();
        let colour =
            terminal && std::env::var_os("NO_COLOR").is_none() && super::console::colours();
        let theme = if colour {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        // Wrapped to the terminal's own width (a Windows console is 120 columns, Wine's 80: a
        // fixed 100 wrapped twice, mid-word); never wrapped into a log or a pipe, where a grep
        // must find a message whole.
        let width = if terminal {
            terminal_size::terminal_size_of(std::io::stderr())
                .map_or(100, |(w, _)| usize::from(w.0))
                .clamp(40, 200)
        } else {
            usize::MAX / 4
        };
        Self {
            lang,
            handler: GraphicalReportHandler::new_themed(theme)
                .with_width(width)
                .with_wrap_lines(terminal)
                .with_links(false),
            sources: HashMap::new(),
        }
    }

    fn source(&mut self, path: &PathBuf) -> Option<&String> {
        self.sources
            .entry(path.clone())
            .or_insert_with(|| {
                let text = std::fs::read_to_string(path).ok()?;
                Some(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string())
            })
            .as_ref()
    }

    pub fn render(&mut self, f: &Finding) -> String {
        let lang = self.lang;
        // The first line is the compiler-like one editors and scripts know.
        // Every text is made safe for a terminal first: a plugin's message or a file's quoted
        // text may hold escape sequences that would erase or fake earlier lines.
        let safe = |s: &str| crate::text::chars::for_terminal(s).into_owned();
        let head = safe(&f.headline(lang));
        let severity = match f.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        };
        let label_text = safe(&f.measure(lang).unwrap_or_else(|| match lang {
            Lang::Vi => "ở đây".to_string(),
            Lang::En => "here".to_string(),
        }));
        let mut source = None;
        let mut label = None;
        if let Some(loc) = &f.location {
            match (&loc.file, loc.line, &loc.quote) {
                // A draft: its own line, the place marked.
                (Some(file), Some(line), _) if !is_spreadsheet(file) => {
                    if let Some(text) = self.source(file).cloned().map(same_length_safe) {
                        let start: usize = text
                            .split_inclusive('\n')
                            .take(line.saturating_sub(1))
                            .map(str::len)
                            .sum();
                        let line_text = text[start.min(text.len())..]
                            .split('\n')
                            .next()
                            .unwrap_or("")
                            .trim_end_matches('\r');
                        // A line longer than a screen (a one-line JSON draft written by
                        // another program) is not drawn: the location in the first line says
                        // where, and drawing it would pad past what a formatter allows.
                        if line_text.len() > MAX_DRAWN_LINE {
                            return self.finish(head, severity, f, lang, None, None);
                        }
                        let col = loc.column.unwrap_or(1).saturating_sub(1);
                        let offset: usize = line_text.chars().take(col).map(char::len_utf8).sum();
                        let len = line_text[offset.min(line_text.len())..]
                            .trim_end()
                            .len()
                            .clamp(1, 80);
                        label = Some(LabeledSpan::new(
                            Some(label_text),
                            start + offset,
                            len.min(text.len().saturating_sub(start + offset)).max(1),
                        ));
                        source = Some(NamedSource::new(file.display().to_string(), text));
                    }
                }
                // A DOCX: the paragraph's text, quoted.
                (_, None, Some(quote)) if !quote.is_empty() => {
                    let name = match (&loc.part, loc.paragraph) {
                        (Some(p), Some(n)) => format!("{p} ¶{n}"),
                        (Some(p), None) => p.clone(),
                        _ => String::new(),
                    };
                    let quote = safe(&shorten(quote, MAX_QUOTE_CHARS));
                    label = Some(LabeledSpan::new(Some(label_text), 0, quote.len()));
                    source = Some(NamedSource::new(safe(&name), quote));
                }
                _ => {}
            }
        }
        self.finish(head, severity, f, lang, source, label)
    }

    fn finish(
        &self,
        head: String,
        severity: miette::Severity,
        f: &Finding,
        lang: Lang,
        source: Option<NamedSource<String>>,
        label: Option<LabeledSpan>,
    ) -> String {
        let safe = |s: &str| crate::text::chars::for_terminal(s).into_owned();
        let d = Diag {
            head,
            severity,
            help: f.hint.as_ref().map(|h| safe(h.get(lang))),
            source,
            label,
        };
        let mut out = String::new();
        if self.handler.render_report(&mut out, &d).is_err() {
            return safe(&f.human(lang));
        }
        out.trim_end().to_string()
    }
}

/// The longest draft line drawn under a finding, in bytes.
const MAX_DRAWN_LINE: usize = 1000;
/// The longest quoted DOCX paragraph, in characters; longer ones end in `…`.
const MAX_QUOTE_CHARS: usize = 300;

fn shorten(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]).into(),
        None => s.into(),
    }
}

/// A draft's text with every character unsafe on a terminal (`text::chars::for_terminal`)
/// replaced by as many `?` as it has bytes: the spans of the findings still fall on the same
/// bytes. A draft holding an escape sequence is refused, and its line is then drawn here.
fn same_length_safe(text: String) -> String {
    if crate::text::chars::for_terminal(&text).len() == text.len() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut buf = [0u8; 4];
        let one = c.encode_utf8(&mut buf);
        if crate::text::chars::for_terminal(one).is_empty() {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// A spreadsheet's "line" is a row and its "column" a column: no text line to quote.
fn is_spreadsheet(file: &std::path::Path) -> bool {
    file.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["csv", "txt", "xlsx", "xlsm", "ods"].contains(&e.to_ascii_lowercase().as_str())
    })
}
