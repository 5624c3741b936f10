//! The loader: one pass over a parsed draft that asks the draft's plugin, checks every key and
//! builds the `Draft`, collecting every problem with its place instead of stopping at the
//! first. Its steps live beside it: `keys` (names and types), `values` (reading and
//! normalising one value), `build` (the draft's fields and the rules between them).

use super::node::{Node, Pos, Table, Value};
use super::*;
use crate::finding::Findings;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::i18n::Msg;
use crate::msg;
use crate::schema::{self, CoreKind};

pub(super) struct Loader<'a, 's> {
    pub(super) path: &'a Path,
    pub(super) cells: &'a [Location],
    pub(super) default_tone: ToneStyle,
    pub(super) errors: Vec<Finding>,
    pub(super) warnings: Vec<Finding>,
    pub(super) supply: Option<&'s mut dyn Supply>,
    pub(super) plugin: Option<PluginUse>,
    pub(super) slot_texts: BTreeMap<String, String>,
    pub(super) annex_roman: Option<bool>,
    /// The draft's plugin failed (its finding is reported).
    pub(super) plugin_failed: bool,
    /// Lines of markup read so far (against [`MAX_LINES`]).
    pub(super) lines: usize,
}

/// The most lines of body text one draft may hold: about 2,500 pages of short paragraphs.
/// Laying out, writing and checking cost about 2 KB a paragraph, so the budget keeps a hostile
/// draft under 300 MB; the longest real document seen has under 2,000.
pub const MAX_LINES: usize = 100_000;

impl<'a, 's> Loader<'a, 's> {
    pub(super) fn new(
        path: &'a Path,
        cells: &'a [Location],
        default_tone: ToneStyle,
        supply: Option<&'s mut dyn Supply>,
    ) -> Self {
        Loader {
            path,
            cells,
            default_tone,
            errors: Vec::new(),
            warnings: Vec::new(),
            supply,
            plugin: None,
            slot_texts: BTreeMap::new(),
            annex_roman: None,
            plugin_failed: false,
            lines: 0,
        }
    }

    pub(super) fn loc(&self, pos: Pos, field: &str) -> Location {
        if pos == supply::SUPPLIED {
            // Not written in the draft: the plugin supplied it.
            let mut l = Location::file(self.path).with_field(field);
            l.plugin = self.plugin.as_ref().map(|p| p.by.clone());
            return l;
        }
        if let Some(cell) = supply::cell_index(pos).and_then(|i| self.cells.get(i)) {
            return cell.clone().with_field(field);
        }
        Location::file(self.path)
            .at(pos.line, pos.column)
            .with_field(field)
    }

    pub(super) fn err(
        &mut self,
        code: &'static str,
        pos: Pos,
        field: &str,
        m: Msg,
    ) -> Option<std::convert::Infallible> {
        self.errors
            .push(Finding::new(code, m).at(self.loc(pos, field)));
        None
    }

    pub(super) fn run(
        mut self,
        mut table: Table,
        templates: &Templates,
    ) -> Result<Draft, Findings> {
        let t = &table;
        // The kind comes first: it decides which fields exist.
        let Some((kpos, kind_node)) = t.entries.get("loai") else {
            self.errors.push(
                Finding::new(
                    codes::DRAFT_MISSING_FIELD,
                    msg!(
                        "thiếu trường bắt buộc `loai` (loại văn bản)",
                        "missing required field `loai` (document kind)"
                    ),
                )
                .at(Location::file(self.path).at(1, 1).with_field("loai"))
                .hint(msg!(
                    "ví dụ: loai = \"chi-thi\"; xem `vbhc templates list`",
                    "e.g. loai = \"chi-thi\"; see `vbhc templates list`"
                )),
            );
            return Err(self.errors.into());
        };
        let Value::String(kind) = &kind_node.value else {
            self.type_error(*kpos, "loai", CoreKind::Text, &kind_node.value);
            return Err(self.errors.into());
        };
        let template = match templates.get(kind.trim()) {
            Ok(t) => t,
            Err(mut f) => {
                if f.code == codes::DRAFT_UNKNOWN_KIND {
                    f.location = Some(self.loc(kind_node.pos, "loai"));
                }
                self.errors.push(f);
                return Err(self.errors.into());
            }
        };
        let tone = match t.entries.get("kieu_dau") {
            Some((
                _,
                Node {
                    value: Value::String(s),
                    pos,
                },
            )) => ToneStyle::from_example(s).unwrap_or_else(|| {
                self.err(
                    codes::DRAFT_VALUE,
                    *pos,
                    "kieu_dau",
                    msg!(
                        "kiểu dấu `{}` không rõ; dùng \"hòa\" hoặc \"hoà\"",
                        "unknown tone style `{}`; use \"hòa\" or \"hoà\"",
                        s
                    ),
                );
                self.default_tone
            }),
            _ => self.default_tone,
        };
        let verbatim = matches!(
            t.entries.get("nguyen_van"),
            Some((
                _,
                Node {
                    value: Value::Bool(true),
                    ..
                }
            ))
        );
        let norm = if verbatim {
            Normalizer::verbatim(tone)
        } else {
            Normalizer::new(tone)
        };
        {
            // The plugin's answers go where the draft is silent, then everything is checked.
            if let Some(mut s) = self.ask_plugin(t, &template) {
                self.warnings.append(&mut s.warnings);
                let organ_offered =
                    s.chu_quan.is_some() || !s.co_quan.is_empty() || s.viet_tat.is_some();
                if organ_offered && supply::names_its_organ(&table) {
                    self.warnings.push(
                        Finding::new(codes::PLUGIN_ORGAN_UNUSED,
                            msg!(
                                "bản nháp ghi cơ quan ban hành (co_quan.ten), nên cơ quan, cơ quan chủ quản và chữ viết tắt plugin {} đưa ra không được dùng",
                                "the draft names its issuing organ (co_quan.ten), so the organ, parent organ and abbreviation plugin {} offered are not used",
                                s.by
                            ),
                        )
                        .at(self.loc(supply::SUPPLIED, "co_quan"))
                        .hint(msg!(
                            "cơ quan chủ quản (nếu có) ghi `chu_quan` trong bản nháp; `chu_quan = \"\"` nghĩa là không có cơ quan chủ quản",
                            "write the parent organ (if any) as `chu_quan` in the draft; `chu_quan = \"\"` means there is none"
                        )),
                    );
                }
                let mut filled = supply::inject(&mut table, &s);
                filled.extend(s.slot_texts.iter().map(|(slot, _)| format!("slot {slot}")));
                self.annex_roman = s.annex_roman;
                if let Some(p) = &mut self.plugin {
                    p.values = filled
                        .iter()
                        .filter(|f| supply::SHOWN.contains(&f.as_str()))
                        .filter_map(|f| supply::value_of(&s, f).map(|v| (f.clone(), v)))
                        .collect();
                }
                for (slot, lines) in s.slot_texts {
                    self.slot_texts.insert(slot, lines.join("\n"));
                }
                if let Some(p) = &mut self.plugin {
                    p.supplied = filled;
                }
            }
        }
        let t = &table;
        self.check_keys(t, "", schema::CORE, Some(&template));
        let d = self.build(t, &template, norm);
        match d {
            Some(mut d) if self.errors.is_empty() => {
                let keep_blanks = matches!(
                    t.entries.get("cho_trong"),
                    Some((
                        _,
                        Node {
                            value: Value::Bool(true),
                            ..
                        }
                    ))
                );
                d.warnings
                    .extend(super::placeholder::findings(&d, keep_blanks));
                Ok(d)
            }
            _ => Err(self.errors.into()),
        }
    }

    /// The answers of the plugin the draft names (`plugin = "…"`), if it names one.
    pub(super) fn ask_plugin(&mut self, t: &Table, tp: &KindTemplate) -> Option<Supplied> {
        let (_, node) = t.entries.get("plugin")?;
        let Value::String(id) = &node.value else {
            return None; // the type error is reported with the other keys
        };
        let id = id.trim().to_string();
        let at = self.loc(node.pos, "plugin");
        // Without a date the draft is already in error; the plugin is not asked.
        let date = match t.entries.get("ngay") {
            Some((_, n)) => date::parse(&n.value).ok()?,
            None => return None,
        };
        let organ = match t.entries.get("co_quan") {
            Some((
                _,
                Node {
                    value: Value::Table(cq),
                    ..
                },
            )) => match cq.entries.get("viet_tat") {
                Some((
                    _,
                    Node {
                        value: Value::String(s),
                        ..
                    },
                )) => Some(s.trim().to_string()),
                _ => None,
            },
            _ => None,
        };
        let req = Request {
            kind: tp.id.clone(),
            date,
            organ,
            slots: tp.slots.clone(),
        };
        let Some(supply) = self.supply.as_deref_mut() else {
            self.errors.push(
                Finding::new(
                    codes::PLUGIN_UNKNOWN,
                    msg!(
                        "bản nháp cần plugin `{}`, nhưng lệnh này không chạy plugin",
                        "the draft needs plugin `{}`, but this command runs no plugins",
                        id
                    ),
                )
                .at(at),
            );
            return None;
        };
        match supply.supply(&id, &at, &req) {
            Ok(s) => {
                self.plugin = Some(PluginUse {
                    id,
                    by: s.by.clone(),
                    supplied: Vec::new(),
                    values: Vec::new(),
                });
                Some(s)
            }
            Err(f) => {
                self.errors.push(f);
                self.plugin_failed = true;
                None
            }
        }
    }
}

pub(super) trait MaxPos {
    fn max_pos(self, other: Pos) -> Pos;
}
impl MaxPos for Pos {
    fn max_pos(self, other: Pos) -> Pos {
        if self.line == 0 { other } else { self }
    }
}

pub(super) struct Get<'a> {
    pub(super) t: &'a Table,
}

impl<'a> Get<'a> {
    pub(super) fn node(&self, key: &str) -> Option<(Pos, &'a Node)> {
        self.t.entries.get(key).map(|(p, n)| (*p, n))
    }
    pub(super) fn table(&self, key: &str) -> Option<&'a Table> {
        match self.t.entries.get(key) {
            Some((
                _,
                Node {
                    value: Value::Table(t),
                    ..
                },
            )) => Some(t),
            _ => None,
        }
    }
}
