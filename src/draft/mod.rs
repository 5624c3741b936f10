//! Drafts: the file a clerk writes. Loading goes raw → checked: the file is parsed into a
//! positioned tree (`node`), every key is checked against the core schema (`schema`) and the
//! kind's template declarations, every value is normalised (`crate::text`), and the result is
//! a `Draft` the layout step can trust. All problems are collected, each with file, line,
//! column and field, so the clerk fixes them in one pass.

pub mod date;
pub mod node;
pub mod number;
pub mod schema;
pub mod supply;

use crate::exit::Exit;
use crate::finding::{Finding, Location};
use crate::i18n::Msg;
use crate::msg;
use crate::template::{FieldKind, KindTemplate, Need, Templates};
use crate::text::{Normalizer, ToneStyle, upper};
use node::{Node, Pos, Table, Value};
use schema::{CoreField, CoreKind};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use date::DateParts;
pub use supply::{PluginUse, Request, Supplied, Supply};

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<T> {
    pub v: T,
    pub at: Location,
}

/// A template field's value, normalised.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Text(String),
    Markup(String),
    List(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhuLuc {
    pub so: Option<String>,
    pub tieu_de: Field<String>,
    pub kem_theo: Option<String>,
    pub noi_dung: Field<String>,
    pub ngang: bool,
}

/// A checked draft: every value normalised, every required fact present.
#[derive(Debug, Clone)]
pub struct Draft {
    pub file: PathBuf,
    pub template: KindTemplate,
    pub tone: ToneStyle,
    pub chu_quan: Option<Field<String>>,
    pub co_quan: Field<Vec<String>>,
    pub co_quan_viet_tat: String,
    pub so: Option<u32>,
    pub ky_hieu: Field<String>,
    pub dia_danh: Field<String>,
    pub ngay: Field<DateParts>,
    pub trich_yeu: Field<String>,
    pub do_khan: Option<Field<String>>,
    pub tham_quyen: Option<Field<String>>,
    pub can_cu: Vec<Field<String>>,
    pub kinh_gui: Vec<Field<String>>,
    pub quyen_han: Vec<Field<String>>,
    pub chuc_vu: Field<String>,
    pub ho_ten: Field<String>,
    pub noi_nhan: Vec<Field<String>>,
    pub luu: Field<String>,
    pub nguoi_soan: Option<String>,
    pub so_ban: Option<u32>,
    pub dia_chi: Vec<Field<String>>,
    pub phu_luc: Vec<PhuLuc>,
    /// The kind's own fields, by name.
    pub fields: BTreeMap<String, Field<FieldValue>>,
    /// Warnings found while loading (markup notes); errors stop loading instead.
    pub warnings: Vec<Finding>,
    /// The province plugin the draft names, and what it filled in.
    pub plugin: Option<PluginUse>,
    /// Template slot → markup the plugin supplied for it.
    pub sections: BTreeMap<String, String>,
}

/// Reads and checks a draft file. Errors come back all at once.
pub fn load(path: &Path, templates: &Templates) -> Result<Draft, Vec<Finding>> {
    load_with_tone(path, templates, ToneStyle::default())
}

/// As [`load`], with the office's tone-mark style for drafts that do not set `kieu_dau`.
pub fn load_with_tone(
    path: &Path,
    templates: &Templates,
    tone: ToneStyle,
) -> Result<Draft, Vec<Finding>> {
    load_with(path, templates, tone, None)
}

/// As [`load_with_tone`], with the plugins a draft may name.
pub fn load_with(
    path: &Path,
    templates: &Templates,
    tone: ToneStyle,
    supply: Option<&mut dyn Supply>,
) -> Result<Draft, Vec<Finding>> {
    let src = read_text(path).map_err(|f| vec![f])?;
    load_str_with(path, &src, templates, tone, supply)
}

/// A draft file's text: readable, and UTF-8 (the hint says how to save it so).
pub fn read_text(path: &Path) -> Result<String, Finding> {
    let bytes = read_input(path)?;
    String::from_utf8(bytes).map_err(|e| {
        Finding::error(
            "DRAFT-ENCODING",
            Exit::DataErr,
            msg!(
                "tệp không phải UTF-8 (byte {})",
                "the file is not UTF-8 (byte {})",
                e.utf8_error().valid_up_to()
            ),
        )
        .at(Location::file(path))
        .hint(msg!(
            "lưu lại bản nháp với bảng mã UTF-8 (Notepad: Lưu thành → Mã hóa UTF-8)",
            "save the draft as UTF-8"
        ))
    })
}

/// Reads a draft file: a regular file within the draft cap (`input::Kind::Draft`).
pub fn read_input(path: &Path) -> Result<Vec<u8>, Finding> {
    crate::input::read(path, crate::input::Kind::Draft)
}

pub fn load_str(
    path: &Path,
    src: &str,
    templates: &Templates,
    default_tone: ToneStyle,
) -> Result<Draft, Vec<Finding>> {
    load_str_with(path, src, templates, default_tone, None)
}

pub fn load_str_with(
    path: &Path,
    src: &str,
    templates: &Templates,
    default_tone: ToneStyle,
    supply: Option<&mut dyn Supply>,
) -> Result<Draft, Vec<Finding>> {
    let table = parse_table(path, src)?;
    load_table(path, table, &[], templates, default_tone, supply)
}

/// Parses a draft's text into its positioned table, before any meaning is given to it.
pub fn parse_table(path: &Path, src: &str) -> Result<Table, Vec<Finding>> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || src.trim_start().starts_with('{');
    let parsed = if is_json {
        node::from_json(src)
    } else {
        node::from_toml(src)
    };
    let root = parsed.map_err(|(pos, m)| {
        vec![
            Finding::error(
                "DRAFT-SYNTAX",
                Exit::DataErr,
                msg!(
                    "cú pháp {} sai: {}",
                    "{} syntax error: {}",
                    if is_json { "JSON" } else { "TOML" },
                    m
                ),
            )
            .at(Location::file(path).at(pos.line, pos.column)),
        ]
    })?;
    let Value::Table(table) = root.value else {
        return Err(vec![
            Finding::error(
                "DRAFT-SYNTAX",
                Exit::DataErr,
                msg!(
                    "bản nháp phải là một bảng khóa = giá trị",
                    "a draft must be a table of keys"
                ),
            )
            .at(Location::file(path)),
        ]);
    };
    Ok(table)
}

/// Checks a parsed table as a draft. `cells` are the spreadsheet cells a batch put into the
/// table: a value at [`supply::cell`]`(i)` is reported at `cells[i]`, not in the draft.
pub fn load_table(
    path: &Path,
    table: Table,
    cells: &[Location],
    templates: &Templates,
    default_tone: ToneStyle,
    supply: Option<&mut dyn Supply>,
) -> Result<Draft, Vec<Finding>> {
    Loader {
        path,
        cells,
        default_tone,
        errors: Vec::new(),
        warnings: Vec::new(),
        supply,
        plugin: None,
        sections: BTreeMap::new(),
        annex_roman: None,
        plugin_failed: false,
        lines: 0,
    }
    .run(table, templates)
}

struct Loader<'a, 's> {
    path: &'a Path,
    cells: &'a [Location],
    default_tone: ToneStyle,
    errors: Vec<Finding>,
    warnings: Vec<Finding>,
    supply: Option<&'s mut dyn Supply>,
    plugin: Option<PluginUse>,
    sections: BTreeMap<String, String>,
    annex_roman: Option<bool>,
    /// The draft's plugin failed (its finding is reported).
    plugin_failed: bool,
    /// Lines of markup read so far (against [`MAX_LINES`]).
    lines: usize,
}

/// The most lines of body text one draft may hold: about 2,500 pages of short paragraphs.
/// Laying out, writing and checking cost about 2 KB a paragraph, so the budget keeps a hostile
/// draft under 300 MB; the longest real document seen has under 2,000.
pub const MAX_LINES: usize = 100_000;

impl Loader<'_, '_> {
    fn loc(&self, pos: Pos, field: &str) -> Location {
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

    fn err(
        &mut self,
        code: &'static str,
        pos: Pos,
        field: &str,
        m: Msg,
    ) -> Option<std::convert::Infallible> {
        self.errors
            .push(Finding::error(code, Exit::DataErr, m).at(self.loc(pos, field)));
        None
    }

    fn run(mut self, mut table: Table, templates: &Templates) -> Result<Draft, Vec<Finding>> {
        let t = &table;
        // The kind comes first: it decides which fields exist.
        let Some((kpos, kind_node)) = t.entries.get("loai") else {
            self.errors.push(
                Finding::error(
                    "DRAFT-MISSING-FIELD",
                    Exit::DataErr,
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
            return Err(self.errors);
        };
        let Value::String(kind) = &kind_node.value else {
            self.type_error(*kpos, "loai", CoreKind::Text, &kind_node.value);
            return Err(self.errors);
        };
        let template = match templates.get(kind.trim()) {
            Ok(t) => t,
            Err(mut f) => {
                if f.code == "DRAFT-UNKNOWN-KIND" {
                    f.location = Some(self.loc(kind_node.pos, "loai"));
                }
                self.errors.push(f);
                return Err(self.errors);
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
                    "DRAFT-VALUE",
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
        let norm = Normalizer::new(tone);
        {
            // The plugin's answers go where the draft is silent, then everything is checked.
            if let Some(mut s) = self.ask_plugin(t, &template) {
                self.warnings.append(&mut s.warnings);
                let organ_offered =
                    s.chu_quan.is_some() || !s.co_quan.is_empty() || s.viet_tat.is_some();
                if organ_offered && supply::names_its_organ(&table) {
                    self.warnings.push(
                        Finding::note(
                            "PLUGIN-ORGAN-UNUSED",
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
                filled.extend(s.sections.iter().map(|(slot, _)| format!("slot {slot}")));
                self.annex_roman = s.annex_roman;
                if let Some(p) = &mut self.plugin {
                    p.values = filled
                        .iter()
                        .filter(|f| supply::SHOWN.contains(&f.as_str()))
                        .filter_map(|f| supply::value_of(&s, f).map(|v| (f.clone(), v)))
                        .collect();
                }
                for (slot, lines) in s.sections {
                    self.sections.insert(slot, lines.join("\n"));
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
            Some(d) if self.errors.is_empty() => Ok(d),
            _ => Err(self.errors),
        }
    }

    /// The answers of the plugin the draft names (`plugin = "…"`), if it names one.
    fn ask_plugin(&mut self, t: &Table, tp: &KindTemplate) -> Option<Supplied> {
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
                Finding::error(
                    "PLUGIN-UNKNOWN",
                    Exit::DataErr,
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

    /// Unknown keys (with a "did you mean"), missing required keys and wrong types.
    fn check_keys(
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
                self.check_type(*pos, &path, ck, &node.value);
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
                    Finding::error(
                        "DRAFT-UNKNOWN-FIELD",
                        Exit::DataErr,
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
        if let Some(tp) = template {
            required.extend(
                tp.fields
                    .iter()
                    .filter(|f| f.required)
                    .map(|f| (f.name.clone(), false)),
            );
        }
        for (name, _) in required {
            let path = format!("{prefix}{name}");
            // A field the failed plugin would have supplied is not missing on its own: the
            // plugin's failure is the one finding.
            if self.plugin_failed && supply::SUPPLIABLE.contains(&path.as_str()) {
                continue;
            }
            if !t.entries.contains_key(&name) {
                self.errors.push(
                    Finding::error(
                        "DRAFT-MISSING-FIELD",
                        Exit::DataErr,
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

    fn check_type(&mut self, pos: Pos, path: &str, kind: CoreKind, v: &Value) {
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

    fn type_error(&mut self, pos: Pos, path: &str, want: CoreKind, got: &Value) {
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
            "DRAFT-TYPE",
            pos,
            path,
            Msg::new(
                format!("`{path}` phải là {vi}, không phải {got}"),
                format!("`{path}` must be {en}, not {got}"),
            ),
        );
    }

    fn build(&mut self, t: &Table, tp: &KindTemplate, norm: Normalizer) -> Option<Draft> {
        let g = Get { t, path: self.path };
        let co = g.table("co_quan");
        let ky = g.table("ky");
        let empty = Table::default();
        let cg = Get {
            t: co.unwrap_or(&empty),
            path: self.path,
        };
        let kg = Get {
            t: ky.unwrap_or(&empty),
            path: self.path,
        };

        let chu_quan = self.text(&cg, "chu_quan", "co_quan.", norm).map(|f| Field {
            v: upper(&f.v),
            at: f.at,
        });
        let co_quan = self.lines(&cg, "ten", "co_quan.", norm).map(|f| Field {
            v: f.v.iter().map(|l| upper(l)).collect(),
            at: f.at,
        });
        let viet_tat = self.text(&cg, "viet_tat", "co_quan.", norm);
        let so = g.node("so").and_then(|(p, n)| {
            number::parse_number(&n.value)
                .map_err(|m| self.err("DRAFT-NUMBER", n.pos.max_pos(p), "so", m))
                .ok()
                .flatten()
        });
        let ky_hieu_override = self.text(&g, "ky_hieu", "", norm);
        let don_vi = self.text(&g, "don_vi_soan", "", norm);
        let dia_danh = self.text(&g, "dia_danh", "", norm);
        let ngay = g
            .node("ngay")
            .and_then(|(_, n)| match date::parse(&n.value) {
                Ok(d) => Some(Field {
                    v: d,
                    at: self.loc(n.pos, "ngay"),
                }),
                Err(m) => {
                    self.err("DRAFT-DATE", n.pos, "ngay", m);
                    None
                }
            });
        let trich_yeu = self.text(&g, "trich_yeu", "", norm);
        let do_khan = self.text(&g, "do_khan", "", norm).map(|f| Field {
            v: upper(&f.v),
            at: f.at,
        });
        if let Some(dk) = &do_khan
            && !["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", "HOẢ TỐC"].contains(&dk.v.as_str())
        {
            self.errors.push(
                Finding::error(
                    "DRAFT-VALUE",
                    Exit::DataErr,
                    msg!(
                        "mức độ khẩn `{}` không có trong Nghị định 30",
                        "urgency `{}` is not one of the decree's",
                        dk.v
                    ),
                )
                .at(dk.at.clone())
                .hint(msg!(
                    "dùng KHẨN, THƯỢNG KHẨN hoặc HỎA TỐC",
                    "use KHẨN, THƯỢNG KHẨN or HỎA TỐC"
                )),
            );
        }
        let tham_quyen = self.text(&g, "tham_quyen", "", norm).map(|f| Field {
            v: upper(&f.v),
            at: f.at,
        });
        let can_cu = self.list(&g, "can_cu", "", norm);
        let kinh_gui = self.list(&g, "kinh_gui", "", norm);
        let quyen_han: Vec<Field<String>> = self
            .list(&kg, "quyen_han", "ky.", norm)
            .into_iter()
            .map(|f| Field {
                v: upper(&f.v),
                at: f.at,
            })
            .collect();
        for q in &quyen_han {
            if !number::is_authority(&q.v) {
                self.errors.push(
                    Finding::error(
                        "DRAFT-QUYEN-HAN",
                        Exit::DataErr,
                        msg!(
                            "dòng quyền hạn `{}` phải bắt đầu bằng TM., KT., TL., TUQ. hoặc Q.",
                            "authority line `{}` must start with TM., KT., TL., TUQ. or Q.",
                            q.v
                        ),
                    )
                    .at(q.at.clone())
                    .hint(msg!(
                        "chức vụ của người ký ghi ở `ky.chuc_vu`",
                        "the signer's own position goes in `ky.chuc_vu`"
                    )),
                );
            }
        }
        if quyen_han.len() > 2 {
            self.errors.push(
                Finding::error(
                    "DRAFT-QUYEN-HAN",
                    Exit::DataErr,
                    msg!(
                        "quyền hạn có nhiều nhất 2 dòng (cùng chức vụ là 3)",
                        "at most 2 authority lines (3 with the position)"
                    ),
                )
                .at(quyen_han[2].at.clone()),
            );
        }
        let chuc_vu = self.text(&kg, "chuc_vu", "ky.", norm).map(|f| Field {
            v: upper(&f.v),
            at: f.at,
        });
        let ho_ten = self.text(&kg, "ho_ten", "ky.", norm);
        let noi_nhan = self.list(&g, "noi_nhan", "", norm);
        let luu = self.text(&g, "luu", "", norm);
        let nguoi_soan = self.text(&g, "nguoi_soan", "", norm).map(|f| upper(&f.v));
        let so_ban = g.node("so_ban").and_then(|(_, n)| match n.value {
            Value::Integer(i) if (1..=100_000).contains(&i) => Some(i as u32),
            _ => {
                self.err(
                    "DRAFT-VALUE",
                    n.pos,
                    "so_ban",
                    msg!("số bản phải từ 1 đến 100000", "copies must be 1 to 100000"),
                );
                None
            }
        });
        let dia_chi = self.list(&g, "dia_chi", "", norm);
        let mut phu_luc = self.phu_luc(&g, norm);
        // Two or more annexes the draft left unnumbered: numbered as the province numbers them.
        if let Some(roman) = self.annex_roman
            && phu_luc.len() > 1
            && phu_luc.iter().all(|p| p.so.is_none())
        {
            for (i, p) in phu_luc.iter_mut().enumerate() {
                let n = i as u32 + 1;
                p.so = Some(if roman {
                    crate::reader::numbering::roman(n)
                } else {
                    n.to_string()
                });
            }
            if let Some(p) = &mut self.plugin {
                p.supplied.push("phu_luc.so".into());
            }
        }

        // Kính gửi as the kind wants it.
        // A field that is written but was refused (its error is reported) is not also missing.
        if tp.kinh_gui == Need::BatBuoc
            && kinh_gui.is_empty()
            && g.node("kinh_gui").is_none()
            && !self.plugin_failed
        {
            self.errors.push(
                Finding::error(
                    "DRAFT-MISSING-FIELD",
                    Exit::DataErr,
                    msg!(
                        "{} phải có `kinh_gui`",
                        "a {} needs `kinh_gui`",
                        tp.name.to_lowercase()
                    ),
                )
                .at(Location::file(self.path).at(1, 1).with_field("kinh_gui")),
            );
        }
        if tp.kinh_gui == Need::Khong && !kinh_gui.is_empty() {
            self.errors.push(
                Finding::error(
                    "DRAFT-UNKNOWN-FIELD",
                    Exit::DataErr,
                    msg!(
                        "{} không có Kính gửi",
                        "a {} has no Kính gửi",
                        tp.name.to_lowercase()
                    ),
                )
                .at(kinh_gui[0].at.clone()),
            );
        }
        if tp.form == crate::template::Form::QuyetDinh
            && tham_quyen.is_none()
            && g.node("tham_quyen").is_none()
        {
            self.errors.push(
                Finding::error(
                    "DRAFT-MISSING-FIELD",
                    Exit::DataErr,
                    msg!(
                        "quyết định phải có `tham_quyen` (dòng thẩm quyền ban hành)",
                        "a quyết định needs `tham_quyen` (the authority line)"
                    ),
                )
                .at(Location::file(self.path).at(1, 1).with_field("tham_quyen")),
            );
        }

        // Ký hiệu: the override, or built from the kind and the organ.
        let ky_hieu = match (&ky_hieu_override, &viet_tat) {
            (Some(k), _) => Some(k.clone()),
            (None, Some(vt)) => match (&tp.viet_tat, &don_vi) {
                (Some(abbr), _) => Some(Field {
                    v: format!("{abbr}-{}", vt.v),
                    at: vt.at.clone(),
                }),
                (None, Some(dv)) => Some(Field {
                    v: format!("{}-{}", vt.v, dv.v),
                    at: dv.at.clone(),
                }),
                (None, None) if g.node("don_vi_soan").is_some() => None,
                (None, None) => {
                    self.errors.push(
                        Finding::error(
                            "DRAFT-MISSING-FIELD",
                            Exit::DataErr,
                            msg!(
                                "công văn cần `don_vi_soan` (ví dụ \"KT\") hoặc `ky_hieu`",
                                "a công văn needs `don_vi_soan` (e.g. \"KT\") or `ky_hieu`"
                            ),
                        )
                        .at(Location::file(self.path).at(1, 1).with_field("don_vi_soan")),
                    );
                    None
                }
            },
            _ => None,
        };
        if let Some(k) = &ky_hieu
            && let Err(m) = number::check_ky_hieu(&k.v)
        {
            self.errors
                .push(Finding::error("DRAFT-KY-HIEU", Exit::DataErr, m).at(k.at.clone()));
        }

        // The kind's own fields.
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
                        "DRAFT-EMPTY-BODY"
                    } else {
                        "DRAFT-EMPTY"
                    };
                    self.errors.push(
                        Finding::error(
                            code,
                            Exit::DataErr,
                            msg!(
                                "trường `{}` bắt buộc nhưng để trống",
                                "required field `{}` is empty",
                                decl.name
                            ),
                        )
                        .at(at.clone()),
                    );
                }
                fields.insert(decl.name.clone(), Field { v, at });
            }
        }

        Some(Draft {
            file: self.path.to_path_buf(),
            template: tp.clone(),
            tone: norm.tone,
            chu_quan,
            co_quan: co_quan?,
            co_quan_viet_tat: viet_tat?.v,
            so,
            ky_hieu: ky_hieu?,
            dia_danh: dia_danh?,
            ngay: ngay?,
            trich_yeu: trich_yeu?,
            do_khan,
            tham_quyen,
            can_cu,
            kinh_gui,
            quyen_han,
            chuc_vu: chuc_vu?,
            ho_ten: ho_ten?,
            noi_nhan,
            luu: luu?,
            nguoi_soan,
            so_ban,
            dia_chi,
            phu_luc,
            fields,
            warnings: std::mem::take(&mut self.warnings),
            plugin: self.plugin.clone(),
            sections: std::mem::take(&mut self.sections),
        })
    }

    fn markup_notes(&mut self, m: &str, first_line: usize, field: &str) {
        // A draft's size is its body's lines: refused past the budget, before any is laid out.
        self.lines += m.lines().count();
        if self.lines > MAX_LINES {
            if !self.errors.iter().any(|e| e.code == "DRAFT-TOO-LARGE") {
                self.errors.push(
                    Finding::error(
                        "DRAFT-TOO-LARGE",
                        Exit::DataErr,
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
                Finding::warning(n.code, Msg::new(n.vi, n.en))
                    .at(Location::file(self.path).at(n.line, 1).with_field(field)),
            );
        }
    }

    fn norm_text(&mut self, norm: &Normalizer, s: &str, pos: Pos, field: &str) -> Option<String> {
        norm.text(s)
            .map_err(|e| self.control_error(e, pos, field))
            .ok()
    }

    fn norm_markup(&mut self, norm: &Normalizer, s: &str, pos: Pos, field: &str) -> Option<String> {
        norm.markup(s)
            .map_err(|e| self.control_error(e, pos, field))
            .ok()
    }

    fn control_error(&mut self, e: crate::text::TextError, pos: Pos, field: &str) {
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
            crate::text::chars::Illegal::Control => Finding::error(
                "DRAFT-CONTROL-CHAR",
                Exit::DataErr,
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
            crate::text::chars::Illegal::Noncharacter => Finding::error(
                "DRAFT-NONCHARACTER",
                Exit::DataErr,
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

    fn text(
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
            || (prefix == "co_quan." && key != "chu_quan");
        if v.is_empty() {
            if required {
                self.errors.push(
                    Finding::error(
                        "DRAFT-EMPTY",
                        Exit::DataErr,
                        msg!(
                            "trường `{}` bắt buộc nhưng để trống",
                            "required field `{}` is empty",
                            path
                        ),
                    )
                    .at(at),
                );
            }
            return None;
        }
        Some(Field { v, at })
    }

    fn lines(
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
            self.errors.push(
                Finding::error(
                    "DRAFT-EMPTY",
                    Exit::DataErr,
                    msg!(
                        "trường `{}` bắt buộc nhưng để trống",
                        "required field `{}` is empty",
                        path
                    ),
                )
                .at(at),
            );
            return None;
        }
        Some(Field { v, at })
    }

    fn list(
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

    fn phu_luc(&mut self, g: &Get<'_>, norm: Normalizer) -> Vec<PhuLuc> {
        let Some((_, n)) = g.node("phu_luc") else {
            return Vec::new();
        };
        let Value::Array(items) = &n.value else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, it) in items.iter().enumerate() {
            let Value::Table(t) = &it.value else { continue };
            let pg = Get { t, path: self.path };
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
                            Finding::error(
                                "DRAFT-EMPTY-BODY",
                                Exit::DataErr,
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

fn src_starts_multiline(s: &str) -> bool {
    // TOML drops the newline right after `"""`; the content's first line is then the line
    // after the key. We cannot see the quotes here, so a value spanning lines is assumed to
    // have been written as a multi-line string.
    s.contains('\n')
}

trait MaxPos {
    fn max_pos(self, other: Pos) -> Pos;
}
impl MaxPos for Pos {
    fn max_pos(self, other: Pos) -> Pos {
        if self.line == 0 { other } else { self }
    }
}

struct Get<'a> {
    t: &'a Table,
    #[allow(dead_code)]
    path: &'a Path,
}

impl<'a> Get<'a> {
    fn node(&self, key: &str) -> Option<(Pos, &'a Node)> {
        self.t.entries.get(key).map(|(p, n)| (*p, n))
    }
    fn table(&self, key: &str) -> Option<&'a Table> {
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
