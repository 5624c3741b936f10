//! Fills a kind template with the draft's fields. Handlebars runs in strict mode with vbhc's
//! markup escape as its escape function: a text value cannot turn into a khoản, emphasis or a
//! slot, and nothing here knows XML (only the DOCX writer escapes for XML).

use super::KindTemplate;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use crate::text::{Normalizer, ToneStyle};
use handlebars::Handlebars;
use serde_json::{Map, Value};

/// The Handlebars registry of a kind: its body compiled, strict, with vbhc's escape.
pub fn registry(t: &KindTemplate) -> Result<Handlebars<'static>, Finding> {
    registry_of(t, &t.body)
}

fn registry_of(t: &KindTemplate, body: &str) -> Result<Handlebars<'static>, Finding> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(crate::markup::escape);
    hb.register_template_string(&t.id, body).map_err(|e| {
        let (line, col) = e.pos().unwrap_or((1, 1));
        Finding::new(
            codes::TEMPLATE_INVALID,
            msg!("cú pháp mẫu sai: {}", "template syntax error: {}", e),
        )
        .at(Location::file(&t.path).at(line + t.body_line - 1, col))
    })?;
    Ok(hb)
}

/// Renders the template body to block markup. `data` holds every declared field (absent
/// optional ones as `null`) and the core variables.
pub fn render_body(
    t: &KindTemplate,
    data: &Map<String, Value>,
    tone: ToneStyle,
) -> Result<String, Finding> {
    // The template's own sentences follow the draft's tone-mark style: its words re-toned once
    // per run (field names are ASCII and never change), then compiled like the original.
    let registry = if tone == ToneStyle::default() {
        t.registry.clone()
    } else {
        match t.retoned.get() {
            Some(r) => r.clone(),
            None => {
                let body = Normalizer::new(tone).retone(&t.body);
                let r = std::sync::Arc::new(registry_of(t, &body)?);
                t.retoned.get_or_init(|| r).clone()
            }
        }
    };
    registry
        .render(&t.id, data)
        .map(|m| single_stops(&m))
        .map_err(|e| {
            Finding::new(
                codes::TEMPLATE_RENDER,
                msg!("không điền được mẫu: {}", "cannot fill the template: {}", e),
            )
            .at(Location::file(&t.path).at(
                e.line_no.map_or(t.body_line, |l| l + t.body_line - 1),
                e.column_no.unwrap_or(1),
            ))
        })
}

/// A template often closes a sentence after a field (`{{thoi_gian}}.`); a clerk who ended the
/// field with its own full stop would get `..`. Exactly two stops become one; an ellipsis
/// (`...`) and the end mark (`./.`) are left alone.
fn single_stops(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'.'
            && b[i + 1] == b'.'
            && (i == 0 || b[i - 1] != b'.')
            && b.get(i + 2) != Some(&b'.')
        {
            out.push_str(&s[last..=i]);
            last = i + 2;
            i += 2;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::single_stops;

    #[test]
    fn doubled_stops_become_one() {
        assert_eq!(single_stops("ngày 20/6/2026.."), "ngày 20/6/2026.");
        assert_eq!(single_stops("a.. b.."), "a. b.");
        assert_eq!(single_stops("chờ... rồi"), "chờ... rồi");
        assert_eq!(single_stops("thực hiện./."), "thực hiện./.");
        assert_eq!(single_stops(".."), ".");
    }
}
