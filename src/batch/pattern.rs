//! Mail-merge fields: `{{ten_cot}}` in a base draft's text or in an output-name pattern,
//! replaced by the row's value of that column. Only plain fields, no logic: what a clerk
//! writes in Word's mail merge. Parsed once per batch, filled per row; the parser knows where
//! each field stands, so a value placed at the start of a markup line is escaped as a whole
//! line (it can never turn into a numbered item), and one inside a line only as text.

use crate::markup::escape;

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Lit(String),
    /// A column key, and whether it opens a line.
    Field {
        key: String,
        line_start: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pieces: Vec<Piece>,
}

/// How a value is put into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// A text field: vbhc escapes all text itself.
    None,
    /// A markup field: the value stays text, never structure or emphasis.
    Markup,
}

impl Pattern {
    /// `None` when `s` holds no `{{`: the common case costs nothing per row. A `{{` without
    /// its `}}`, or a field name that is not a plain key, is an error message.
    pub fn parse(s: &str) -> Result<Option<Pattern>, String> {
        if !s.contains("{{") {
            return Ok(None);
        }
        let mut pieces = Vec::new();
        let mut rest = s;
        let mut lit = String::new();
        while let Some(open) = rest.find("{{") {
            lit.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let Some(close) = after.find("}}") else {
                return Err(format!("`{{{{` without `}}}}` in «{s}»"));
            };
            let key = after[..close].trim();
            if key.is_empty()
                || !key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == ' ' || "_.-".contains(c))
            {
                return Err(format!("`{{{{{key}}}}}` is not a column name"));
            }
            let line_start = lit.is_empty() && pieces.is_empty() || lit.ends_with('\n');
            if !lit.is_empty() {
                pieces.push(Piece::Lit(std::mem::take(&mut lit)));
            }
            pieces.push(Piece::Field {
                key: super::columns::field_key(key),
                line_start,
            });
            rest = &after[close + 2..];
        }
        lit.push_str(rest);
        if !lit.is_empty() {
            pieces.push(Piece::Lit(lit));
        }
        Ok(Some(Pattern { pieces }))
    }

    /// A text without fields.
    pub fn literal(s: &str) -> Pattern {
        Pattern {
            pieces: vec![Piece::Lit(s.to_string())],
        }
    }

    /// The column keys the pattern uses.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Field { key, .. } => Some(key.as_str()),
            Piece::Lit(_) => None,
        })
    }

    /// The text with each field replaced by `value(key)`; a key without a value is the error
    /// (the caller checked the columns before, so this is a row whose cell is unusable).
    pub fn fill<'a, E>(
        &self,
        esc: Escape,
        mut value: impl FnMut(&str) -> Result<&'a str, E>,
    ) -> Result<String, E> {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Lit(s) => out.push_str(s),
                Piece::Field { key, line_start } => {
                    let v = value(key)?;
                    match esc {
                        Escape::None => out.push_str(v),
                        Escape::Markup if *line_start => out.push_str(&escape(v)),
                        Escape::Markup => out.push_str(&inline_escape(v)),
                    }
                }
            }
        }
        Ok(out)
    }
}

/// A value inside a markup line: emphasis and table marks escaped, kept on one line.
fn inline_escape(v: &str) -> String {
    let mut out = String::with_capacity(v.len() + 2);
    for c in v.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '*' | '|' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill(p: &str, esc: Escape) -> String {
        Pattern::parse(p)
            .unwrap()
            .unwrap()
            .fill::<()>(esc, |k| {
                Ok(match k {
                    "ten_dn" => "Công ty *ABC*",
                    "so" => "1. Mở đầu",
                    _ => "?",
                })
            })
            .unwrap()
    }

    #[test]
    fn fields_are_replaced_and_keys_listed() {
        let p = Pattern::parse("Về việc công nhận {{ Tên DN }} ({{so}})")
            .unwrap()
            .unwrap();
        assert_eq!(p.keys().collect::<Vec<_>>(), ["ten_dn", "so"]);
        assert_eq!(
            fill("Về {{ten_dn}} năm", Escape::None),
            "Về Công ty *ABC* năm"
        );
        assert!(Pattern::parse("không có trường").unwrap().is_none());
    }

    #[test]
    fn a_value_never_becomes_markup() {
        assert_eq!(
            fill("Giao {{ten_dn}} thực hiện", Escape::Markup),
            "Giao Công ty \\*ABC\\* thực hiện"
        );
        // At the start of a line, a value that looks like a numbered item stays a paragraph.
        assert_eq!(fill("{{so}}", Escape::Markup), "\\1. Mở đầu");
        assert_eq!(
            fill("Dòng một\n{{so}}", Escape::Markup),
            "Dòng một\n\\1. Mở đầu"
        );
    }

    #[test]
    fn broken_fields_are_errors() {
        assert!(Pattern::parse("Về {{ten_dn").is_err());
        assert!(Pattern::parse("Về {{#if x}}").is_err());
        assert!(Pattern::parse("Về {{}}").is_err());
    }
}
