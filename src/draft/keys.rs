//! The draft's keys against the core schema and the kind's declarations: unknown keys (with a
//! "did you mean"), missing required keys, wrong types.

use super::loader::Loader;
use super::node::{Pos, Table, Value};
use super::*;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::i18n::Msg;
use crate::msg;
use crate::schema::{CoreField, CoreKind};

/// What a text issued with a decision (`ban_hanh_kem_theo`) may leave out.
pub const ATTACHED_NEEDS_NOT: &[&str] = &["ngay", "dia_danh", "ky", "noi_nhan", "luu"];

impl Loader<'_, '_> {
    /// Unknown keys (with a "did you mean"), missing required keys and wrong types.
    pub(super) fn check_keys(
        &mut self,
        t: &Table,
        prefix: &str,
        fields: &[CoreField],
        template: Option<&KindTemplate>,
    ) {
        let mut known: Vec<&str> = fields.iter().map(|f| f.name).collect();
        if let Some(tp) = template {
            known.extend(tp.fields.iter().map(|f| f.name.as_str()));
        }
        for (key, (pos, node)) in &t.entries {
            let path = format!("{prefix}{key}");
            if let Some(cf) = fields.iter().find(|f| f.name == key) {
                self.check_type(*pos, &path, cf.kind, &node.value);
                match (&cf.kind, &node.value) {
                    (CoreKind::Table(sub), Value::Table(st)) => {
                        self.check_keys(st, &format!("{path}."), sub, None)
                    }
                    (CoreKind::TableArray(sub), Value::Array(items)) => {
                        for (i, it) in items.iter().enumerate() {
                            match &it.value {
                                Value::Table(st) => {
                                    self.check_keys(st, &format!("{path}[{i}]."), sub, None)
                                }
                                other => self.type_error(
                                    it.pos,
                                    &format!("{path}[{i}]"),
                                    CoreKind::Table(sub),
                                    other,
                                ),
                            }
                        }
                    }
                    _ => {}
                }
            } else if let Some(decl) = template.and_then(|tp| tp.field(key)) {
                let ck = match decl.kind {
                    FieldKind::Text => CoreKind::Text,
                    FieldKind::Markup => CoreKind::Markup,
                    FieldKind::List => CoreKind::List,
                };
                // `false` leaves an optional part out (`kind_fields` refuses it for a required one).
                if !matches!(node.value, Value::Bool(false)) {
                    self.check_type(*pos, &path, ck, &node.value);
                }
            } else {
                let hint = match crate::suggest::closest(key, known.iter().copied()) {
                    Some(s) => msg!("có phải `{}{}`?", "did you mean `{}{}`?", prefix, s),
                    None => msg!(
                        "các trường hợp lệ: {}",
                        "valid fields: {}",
                        known.join(", ")
                    ),
                };
                self.errors.push(
                    Finding::new(
                        codes::DRAFT_UNKNOWN_FIELD,
                        msg!(
                            "trường `{}` không có trong mẫu loại văn bản này",
                            "unknown field `{}` for this kind of document",
                            path
                        ),
                    )
                    .at(self.loc(*pos, &path))
                    .hint(hint),
                );
            }
        }
        let mut required: Vec<(String, bool)> = fields
            .iter()
            .filter(|f| f.required)
            .map(|f| (f.name.to_string(), true))
            .collect();
        // A free body (`than`) stands in for every part of the kind's skeleton.
        if let Some(tp) = template.filter(|_| !t.entries.contains_key("than")) {
            required.extend(
                tp.fields
                    .iter()
                    .filter(|f| f.required)
                    .map(|f| (f.name.clone(), false)),
            );
        }
        for (name, _) in required {
            let path = format!("{prefix}{name}");
            // A kind whose model has no trích yếu (giấy giới thiệu, giấy nghỉ phép) may leave it out.
            if path == "trich_yeu"
                && template.is_some_and(|tp| !crate::nd30::has_trich_yeu(&tp.ten_loai))
            {
                continue;
            }
            // A biên bản dates itself in its text (Mẫu 1.9 has no date line).
            if prefix.is_empty()
                && matches!(name.as_str(), "ngay" | "dia_danh")
                && template.is_some_and(|tp| !crate::nd30::has_date_line(&tp.ten_loai))
            {
                continue;
            }
            // A text issued with a decision has no date, signature or Nơi nhận of its own (the
            // decree's model of the attached text): the decision has them.
            if prefix.is_empty()
                && t.entries.contains_key("ban_hanh_kem_theo")
                && ATTACHED_NEEDS_NOT.contains(&name.as_str())
            {
                continue;
            }
            // A field the failed plugin would have supplied is not missing on its own: the
            // plugin's failure is the one finding.
            if self.plugin_failed && supply::SUPPLIABLE.contains(&path.as_str()) {
                continue;
            }
            if !t.entries.contains_key(&name) {
                self.errors.push(
                    Finding::new(
                        codes::DRAFT_MISSING_FIELD,
                        msg!(
                            "thiếu trường bắt buộc `{}`",
                            "missing required field `{}`",
                            path
                        ),
                    )
                    .at(Location::file(self.path).at(1, 1).with_field(path.clone()))
                    .hint(msg!(
                        "`vbhc new <loại>` in ra khung đầy đủ",
                        "`vbhc new <kind>` prints a complete skeleton"
                    )),
                );
            }
        }
    }

    pub(super) fn check_type(&mut self, pos: Pos, path: &str, kind: CoreKind, v: &Value) {
        let ok = match kind {
            CoreKind::Text | CoreKind::Markup => matches!(v, Value::String(_)),
            CoreKind::Lines => {
                matches!(v, Value::String(_))
                    || matches!(v, Value::Array(a) if a.iter().all(|n| matches!(n.value, Value::String(_))))
            }
            CoreKind::List => {
                matches!(v, Value::Array(a) if a.iter().all(|n| matches!(n.value, Value::String(_))))
            }
            CoreKind::Integer => matches!(v, Value::Integer(_)),
            CoreKind::NumberOrBlank => matches!(v, Value::Integer(_) | Value::String(_)),
            CoreKind::Date => matches!(v, Value::Datetime(_) | Value::String(_)),
            CoreKind::Bool => matches!(v, Value::Bool(_)),
            CoreKind::Table(_) => matches!(v, Value::Table(_)),
            CoreKind::TableArray(_) => matches!(v, Value::Array(_)),
        };
        if !ok {
            self.type_error(pos, path, kind, v);
        }
    }

    pub(super) fn type_error(&mut self, pos: Pos, path: &str, want: CoreKind, got: &Value) {
        let (vi, en) = match want {
            CoreKind::Text | CoreKind::Markup => ("một chuỗi trong ngoặc kép", "a quoted string"),
            CoreKind::Lines => (
                "một chuỗi hoặc danh sách chuỗi",
                "a string or an array of strings",
            ),
            CoreKind::List => (
                "một danh sách chuỗi [\"…\", \"…\"]",
                "an array of strings [\"…\", \"…\"]",
            ),
            CoreKind::Integer => ("một số nguyên", "an integer"),
            CoreKind::NumberOrBlank => ("một số hoặc \"\"", "a number or \"\""),
            CoreKind::Date => ("một ngày (\"2026-03-05\")", "a date (\"2026-03-05\")"),
            CoreKind::Bool => ("true hoặc false", "true or false"),
            CoreKind::Table(_) => ("một bảng [tên]", "a table [name]"),
            CoreKind::TableArray(_) => ("các bảng [[tên]]", "tables [[name]]"),
        };
        let got = got.type_name();
        self.err(
            codes::DRAFT_TYPE,
            pos,
            path,
            Msg::new(
                format!("`{path}` phải là {vi}, không phải {got}"),
                format!("`{path}` must be {en}, not {got}"),
            ),
        );
    }
}
