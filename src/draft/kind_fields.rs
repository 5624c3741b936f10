//! The kind's own fields, as its template declares them (text, markup, list): read,
//! normalised, and refused when required and empty.

use super::loader::{Get, Loader};
use super::node::Value;
use super::values::src_starts_multiline;
use super::*;
use crate::finding::codes;

impl Loader<'_, '_> {
    pub(super) fn kind_fields(
        &mut self,
        g: &Get<'_>,
        tp: &KindTemplate,
        norm: Normalizer,
    ) -> BTreeMap<String, Field<FieldValue>> {
        let mut fields = BTreeMap::new();
        for decl in &tp.fields {
            let Some((kpos, n)) = g.node(&decl.name) else {
                continue;
            };
            let at = self.loc(n.pos, &decl.name);
            let value = match (decl.kind, &n.value) {
                (FieldKind::Text, Value::String(s)) => self
                    .norm_text(&norm, s, n.pos, &decl.name)
                    .map(FieldValue::Text),
                (FieldKind::Markup, Value::String(s)) => {
                    let m = self.norm_markup(&norm, s, n.pos, &decl.name);
                    if let Some(m) = &m {
                        // A TOML multi-line string starts on the line after its opening quotes.
                        let first = if s.starts_with('\n') || m.is_empty() {
                            n.pos.line
                        } else {
                            n.pos.line.max(kpos.line)
                        };
                        self.markup_notes(
                            m,
                            first + usize::from(src_starts_multiline(s)),
                            &decl.name,
                        );
                    }
                    m.map(FieldValue::Markup)
                }
                (FieldKind::List, Value::Array(items)) => {
                    let v: Vec<String> = items
                        .iter()
                        .filter_map(|it| match &it.value {
                            Value::String(s) => self.norm_text(&norm, s, it.pos, &decl.name),
                            _ => None,
                        })
                        .collect();
                    Some(FieldValue::List(v))
                }
                _ => None,
            };
            if let Some(v) = value {
                let blank = match &v {
                    FieldValue::Text(s) | FieldValue::Markup(s) => s.trim().is_empty(),
                    FieldValue::List(l) => l.is_empty(),
                };
                if blank && decl.required {
                    let code = if decl.kind == FieldKind::Markup {
                        codes::DRAFT_EMPTY_BODY
                    } else {
                        codes::DRAFT_EMPTY
                    };
                    self.empty_required(code, at.clone(), &decl.name);
                }
                fields.insert(decl.name.clone(), Field { v, at });
            }
        }
        fields
    }
}
