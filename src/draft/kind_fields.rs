//! The kind's own fields, as its template declares them (text, markup, list): read,
//! normalised, and refused when required and empty. Every optional part has four readings: key
//! absent → the template's standard wording; `false` → nothing; text → the text; an empty or
//! blank string → the standard wording, with a note saying how to write "nothing". A free body
//! (`than`) replaces the kind's skeleton, and then no kind field is needed.

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
        let free_body = g.node("than").is_some();
        for decl in &tp.fields {
            let Some((kpos, n)) = g.node(&decl.name) else {
                continue;
            };
            let at = self.loc(n.pos, &decl.name);
            if free_body && decl.name != "chu_the" {
                self.warnings.push(
                    Finding::new(
                        codes::DRAFT_IGNORED,
                        msg!(
                            "`{}` không được dùng: bản nháp viết cả thân văn bản trong `than`",
                            "`{}` is not used: the draft writes the whole body in `than`",
                            decl.name
                        ),
                    )
                    .at(at.clone())
                    .hint(msg!(
                        "đưa nội dung này vào `than`, hoặc bỏ `than` để dùng khung của loại văn bản",
                        "put this text into `than`, or drop `than` to use the kind's skeleton"
                    )),
                );
                continue;
            }
            if let Value::Bool(false) = n.value {
                if decl.required {
                    self.errors.push(
                        Finding::new(
                            codes::DRAFT_VALUE,
                            msg!(
                                "`{}` là phần bắt buộc của loại văn bản này, không bỏ được",
                                "`{}` is a required part of this kind, it cannot be left out",
                                decl.name
                            ),
                        )
                        .at(at)
                        .hint(msg!(
                            "viết nội dung của nó, hoặc viết cả thân văn bản trong `than`",
                            "write its text, or write the whole body in `than`"
                        )),
                    );
                } else {
                    fields.insert(
                        decl.name.clone(),
                        Field {
                            v: FieldValue::Off,
                            at,
                        },
                    );
                }
                continue;
            }
            let value = match (decl.kind, &n.value) {
                (FieldKind::Text, Value::String(s)) => self
                    .norm_text(&norm, s, n.pos, &decl.name)
                    .map(FieldValue::Text),
                (FieldKind::Markup, Value::String(s)) => {
                    let m = self
                        .norm_markup(&norm, s, n.pos, &decl.name)
                        .map(|m| self.no_trailing_break(m, &at, &decl.name));
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
                    if let Some(m) = &m {
                        self.unknown_slots(m, &at, &decl.name, tp);
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
                    FieldValue::Off => false,
                };
                if blank && decl.required {
                    let code = if decl.kind == FieldKind::Markup {
                        codes::DRAFT_EMPTY_BODY
                    } else {
                        codes::DRAFT_EMPTY
                    };
                    self.empty_required(code, at.clone(), &decl.name);
                } else if blank && n.pos.line > 0 {
                    // A blank part reads as an absent one; a clerk who wanted it gone learns
                    // the word for that. (A blank spreadsheet cell has no line: it is simply
                    // absent, as the batch documentation says.)
                    self.warnings.push(
                        Finding::new(
                            codes::DRAFT_BLANK_PART,
                            msg!(
                                "`{}` để trống: vbhc coi như không ghi (dùng câu chuẩn của mẫu, nếu có)",
                                "`{}` is blank: vbhc reads it as absent (the template's standard wording, if it has one)",
                                decl.name
                            ),
                        )
                        .at(at.clone())
                        .hint(msg!(
                            "muốn bỏ hẳn phần này thì viết `{} = false`",
                            "to leave this part out, write `{} = false`",
                            decl.name
                        )),
                    );
                }
                if !blank {
                    fields.insert(decl.name.clone(), Field { v, at });
                }
            }
        }
        self.require_some_text(tp, &fields, free_body);
        fields
    }

    /// Every section being optional, a draft could leave them all out: a document needs some
    /// text of its own.
    fn require_some_text(
        &mut self,
        tp: &KindTemplate,
        fields: &BTreeMap<String, Field<FieldValue>>,
        free_body: bool,
    ) {
        let has_markup = tp.fields.iter().any(|f| f.kind == FieldKind::Markup);
        let has_text = fields
            .values()
            .any(|f| matches!(&f.v, FieldValue::Markup(m) if !m.trim().is_empty()));
        if has_markup && !has_text && !free_body && self.errors.is_empty() {
            let names: Vec<&str> = tp
                .fields
                .iter()
                .filter(|f| f.kind == FieldKind::Markup)
                .map(|f| f.name.as_str())
                .collect();
            self.errors.push(
                Finding::new(
                    codes::DRAFT_EMPTY_BODY,
                    msg!(
                        "văn bản không có nội dung: chưa có phần nào trong {}",
                        "the document has no text: none of {} is given",
                        names.join(", ")
                    ),
                )
                // At the body part the clerk gave blank (a lone `\\` escapes nothing), or at
                // the top naming the first part to write.
                .at(fields
                    .iter()
                    .find(|(_, f)| matches!(f.v, FieldValue::Markup(_)))
                    .map(|(_, f)| f.at.clone())
                    .unwrap_or_else(|| Location::file(self.path).at(1, 1).with_field(names[0])))
                .hint(msg!(
                    "viết ít nhất một phần, hoặc cả thân văn bản trong `than = \"\"\"…\"\"\"`",
                    "write at least one part, or the whole body in `than = \"\"\"…\"\"\"`"
                )),
            );
        }
    }

    /// A `[[slot: …]]` the clerk wrote that the kind does not have would print nothing, and
    /// say nothing: a warning names it and the kind's slots.
    fn unknown_slots(&mut self, m: &str, at: &Location, field: &str, tp: &KindTemplate) {
        if !m.contains("[[slot:") {
            return;
        }
        let (blocks, _) = crate::markup::parse(m, 1);
        for b in blocks {
            let crate::markup::MBlock::Slot { name, line } = b else {
                continue;
            };
            if tp.slots.contains(&name) {
                continue;
            }
            let mut here = at.clone();
            if let Some(l) = at.line {
                here = here.at(l + line - 1 + usize::from(m.contains('\n')), 1);
            }
            self.warnings.push(
                Finding::new(
                    codes::MARKUP_SLOT_UNKNOWN,
                    msg!(
                        "`{}`: loại văn bản này không có chỗ cắm `{}`; dòng này không in gì",
                        "`{}`: this kind has no slot `{}`; the line prints nothing",
                        field,
                        name
                    ),
                )
                .at(here)
                .hint(msg!(
                    "các chỗ cắm của loại: {}",
                    "the kind's slots: {}",
                    tp.slots.join(", ")
                )),
            );
        }
    }

    /// The free body (`than`): markup that replaces the kind's skeleton. Blank is an error —
    /// a document needs a body, and a blank `than` would silently drop the kind's.
    pub(super) fn free_body(
        &mut self,
        g: &Get<'_>,
        tp: &KindTemplate,
        norm: Normalizer,
    ) -> Option<Field<String>> {
        let (kpos, n) = g.node("than")?;
        let Value::String(s) = &n.value else {
            return None;
        };
        let at = self.loc(n.pos, "than");
        let m = self
            .norm_markup(&norm, s, n.pos, "than")
            .map(|m| self.no_trailing_break(m, &at, "than"))?;
        if m.trim().is_empty() {
            self.errors.push(
                Finding::new(
                    codes::DRAFT_EMPTY_BODY,
                    msg!(
                        "`than` để trống: văn bản không có nội dung",
                        "`than` is blank: the document has no text"
                    ),
                )
                .at(at)
                .hint(msg!(
                    "viết thân văn bản vào `than`, hoặc bỏ `than` để dùng khung của loại văn bản",
                    "write the body into `than`, or drop `than` to use the kind's skeleton"
                )),
            );
            return None;
        }
        let first = if s.starts_with('\n') {
            n.pos.line
        } else {
            n.pos.line.max(kpos.line)
        };
        self.markup_notes(&m, first + usize::from(src_starts_multiline(s)), "than");
        self.unknown_slots(&m, &at, "than", tp);
        Some(Field { v: m, at })
    }

    /// A `\` at the end of a line continues the paragraph on the next one; at the end of a
    /// field there is no next line of the clerk's, and the template's own next line (a plugin
    /// slot, the standard closing) would be swallowed into the paragraph as text. It is dropped,
    /// with a warning.
    fn no_trailing_break(&mut self, m: String, at: &Location, field: &str) -> String {
        let t = m.trim_end();
        let escaped = t.len() - t.trim_end_matches('\\').len();
        if escaped.is_multiple_of(2) {
            return m;
        }
        self.warnings.push(
            Finding::new(
                codes::MARKUP_TRAILING_BREAK,
                msg!(
                    "`{}` kết thúc bằng `\\` (xuống dòng trong đoạn) nhưng không còn dòng nào sau nó: vbhc bỏ dấu này",
                    "`{}` ends with `\\` (a line break inside the paragraph) but no line follows it: vbhc drops it",
                    field
                ),
            )
            .at(at.clone())
            .hint(msg!(
                "muốn in dấu gạch chéo ngược thì viết `\\\\`",
                "to print a backslash, write `\\\\`"
            )),
        );
        t[..t.len() - 1].trim_end().to_string()
    }
}
