//! Reading one value of a draft: normalised (NFC, tone style, no control characters), empty
//! required values refused, markup measured against the draft's line budget, phụ lục tables.

use super::loader::{Get, Loader, MAX_LINES};
use super::node::{Node, Pos, Value};
use super::*;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::i18n::Msg;
use crate::msg;
use crate::schema::{self};

impl Loader<'_, '_> {
    pub(super) fn markup_notes(&mut self, m: &str, first_line: usize, field: &str) {
        // A draft's size is its body's lines: refused past the budget, before any is laid out.
        self.lines += m.lines().count();
        if self.lines > MAX_LINES {
            if !self.errors.iter().any(|e| e.code == codes::DRAFT_TOO_LARGE) {
                self.errors.push(
                    Finding::new(codes::DRAFT_TOO_LARGE,
                        msg!(
                            "bản nháp có hơn {} dòng nội dung (đến trường `{}`): quá giới hạn một văn bản, không dựng",
                            "the draft has more than {} lines of text (up to field `{}`): over the limit for one document, not laid out",
                            MAX_LINES,
                            field
                        ),
                    )
                    .at(Location::file(self.path).at(first_line, 1).with_field(field))
                    .hint(msg!(
                        "một văn bản dài thế này nên tách thành nhiều văn bản hoặc phụ lục riêng",
                        "a document this long should be split into several documents or separate annexes"
                    )),
                );
            }
            return;
        }
        let (_, notes) = crate::markup::parse(m, first_line);
        for n in notes {
            self.warnings.push(
                Finding::new(n.code, Msg::new(n.vi, n.en))
                    .at(Location::file(self.path).at(n.line, 1).with_field(field)),
            );
        }
    }

    pub(super) fn norm_text(
        &mut self,
        norm: &Normalizer,
        s: &str,
        pos: Pos,
        field: &str,
    ) -> Option<String> {
        norm.text(s)
            .map_err(|e| self.control_error(e, pos, field))
            .ok()
    }

    pub(super) fn norm_markup(
        &mut self,
        norm: &Normalizer,
        s: &str,
        pos: Pos,
        field: &str,
    ) -> Option<String> {
        norm.markup(s)
            .map_err(|e| self.control_error(e, pos, field))
            .ok()
    }

    pub(super) fn control_error(&mut self, e: crate::text::TextError, pos: Pos, field: &str) {
        let crate::text::TextError::Illegal {
            ch,
            why,
            line,
            column,
        } = e;
        // A value the plugin supplied or a spreadsheet cell has no line in the draft: the
        // location names the plugin or the cell instead.
        let at = if pos.line == 0 {
            self.loc(pos, field)
        } else {
            // Position inside the value → position in the file (first line starts after the
            // quote).
            let (l, c) = if line == 1 {
                (pos.line, pos.column + column)
            } else {
                (pos.line + line - 1, column)
            };
            Location::file(self.path).at(l, c).with_field(field)
        };
        let code = crate::text::chars::code_point(ch);
        let f = match why {
            crate::text::chars::Illegal::Control => Finding::new(codes::DRAFT_CONTROL_CHAR,
                msg!(
                    "ký tự điều khiển {} trong `{}`",
                    "control character {} in `{}`",
                    code,
                    field
                ),
            )
            .hint(msg!(
                "xóa ký tự vô hình này (thường do sao chép từ phần mềm khác)",
                "delete this invisible character (usually pasted from other software)"
            )),
            crate::text::chars::Illegal::Noncharacter => Finding::new(codes::DRAFT_NONCHARACTER,
                msg!(
                    "ký tự {} trong `{}` không phải ký tự văn bản: Word không mở được tệp chứa nó",
                    "character {} in `{}` is not a text character: Word cannot open a file holding it",
                    code,
                    field
                ),
            )
            .hint(msg!(
                "xóa ký tự này (thường do chương trình khác ghi nhầm khi xuất danh sách)",
                "delete this character (usually left by another program's export)"
            )),
        };
        self.errors.push(f.at(at));
    }

    pub(super) fn empty_required(&mut self, code: &'static str, at: Location, path: &str) {
        self.errors.push(
            Finding::new(
                code,
                msg!(
                    "trường `{}` bắt buộc nhưng để trống",
                    "required field `{}` is empty",
                    path
                ),
            )
            .at(at),
        );
    }

    pub(super) fn text(
        &mut self,
        g: &Get<'_>,
        key: &str,
        prefix: &str,
        norm: Normalizer,
    ) -> Option<Field<String>> {
        let (_, n) = g.node(key)?;
        let path = format!("{prefix}{key}");
        let Value::String(s) = &n.value else {
            return None;
        };
        let v = self.norm_text(&norm, s, n.pos, &path)?;
        let at = self.loc(n.pos, &path);
        let required = schema::core(key).is_some_and(|f| f.required)
            || (prefix == "ky." && key != "quyen_han")
            || (prefix == "co_quan." && matches!(key, "ten" | "viet_tat"));
        if v.is_empty() {
            if required {
                self.empty_required(codes::DRAFT_EMPTY, at, &path);
            }
            return None;
        }
        Some(Field { v, at })
    }

    pub(super) fn lines(
        &mut self,
        g: &Get<'_>,
        key: &str,
        prefix: &str,
        norm: Normalizer,
    ) -> Option<Field<Vec<String>>> {
        let (_, n) = g.node(key)?;
        let path = format!("{prefix}{key}");
        let v: Vec<String> = match &n.value {
            Value::String(s) => vec![self.norm_text(&norm, s, n.pos, &path)?],
            Value::Array(items) => items
                .iter()
                .filter_map(|it| match &it.value {
                    Value::String(s) => self.norm_text(&norm, s, it.pos, &path),
                    _ => None,
                })
                .collect(),
            _ => return None,
        };
        let v: Vec<String> = v.into_iter().filter(|l| !l.is_empty()).collect();
        let at = self.loc(n.pos, &path);
        if v.is_empty() {
            self.empty_required(codes::DRAFT_EMPTY, at, &path);
            return None;
        }
        Some(Field { v, at })
    }

    pub(super) fn list(
        &mut self,
        g: &Get<'_>,
        key: &str,
        prefix: &str,
        norm: Normalizer,
    ) -> Vec<Field<String>> {
        let Some((_, n)) = g.node(key) else {
            return Vec::new();
        };
        let path = format!("{prefix}{key}");
        let Value::Array(items) = &n.value else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, it)| match &it.value {
                Value::String(s) => {
                    let p = format!("{path}[{i}]");
                    let v = self.norm_text(&norm, s, it.pos, &p)?;
                    (!v.is_empty()).then(|| Field {
                        v,
                        at: self.loc(it.pos, &p),
                    })
                }
                _ => None,
            })
            .collect()
    }

    pub(super) fn phu_luc(&mut self, g: &Get<'_>, norm: Normalizer) -> Vec<PhuLuc> {
        let Some((_, n)) = g.node("phu_luc") else {
            return Vec::new();
        };
        let Value::Array(items) = &n.value else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, it) in items.iter().enumerate() {
            let Value::Table(t) = &it.value else { continue };
            let pg = Get { t };
            let prefix = format!("phu_luc[{i}].");
            let so = self.text(&pg, "so", &prefix, norm).map(|f| f.v);
            let tieu_de = self.text(&pg, "tieu_de", &prefix, norm).map(|f| Field {
                v: upper(&f.v),
                at: f.at,
            });
            let kem_theo = self.text(&pg, "kem_theo", &prefix, norm).map(|f| f.v);
            let noi_dung = pg.node("noi_dung").and_then(|(_, n)| match &n.value {
                Value::String(s) => {
                    let path = format!("{prefix}noi_dung");
                    let m = self.norm_markup(&norm, s, n.pos, &path)?;
                    if m.trim().is_empty() {
                        self.errors.push(
                            Finding::new(
                                codes::DRAFT_EMPTY_BODY,
                                msg!("phụ lục không có nội dung", "the annex has no content"),
                            )
                            .at(self.loc(n.pos, &path)),
                        );
                        return None;
                    }
                    Some(Field {
                        v: m,
                        at: self.loc(n.pos, &path),
                    })
                }
                _ => None,
            });
            let ngang = matches!(
                pg.node("ngang"),
                Some((
                    _,
                    Node {
                        value: Value::Bool(true),
                        ..
                    }
                ))
            );
            if let (Some(tieu_de), Some(noi_dung)) = (tieu_de, noi_dung) {
                out.push(PhuLuc {
                    so,
                    tieu_de,
                    kem_theo,
                    noi_dung,
                    ngang,
                });
            }
        }
        out
    }
}

pub(super) fn src_starts_multiline(s: &str) -> bool {
    // TOML drops the newline right after `"""`; the content's first line is then the line
    // after the key. We cannot see the quotes here, so a value spanning lines is assumed to
    // have been written as a multi-line string.
    s.contains('\n')
}
