//! What a province plugin adds to a draft. The draft names its plugin (`plugin = "lang-son"`);
//! the loader asks it for the kind, date and organ of the draft and puts each answer where
//! the draft left the field out, before the draft is checked: a plugin's text goes through
//! the same validation and normalisation as the clerk's, and the draft always wins.
//! Precedence: what the draft says > what the plugin supplies > the template's default.

use super::DateParts;
use super::node::{Node, Pos, Table, Value};
use crate::finding::{Finding, Location};

/// What the loader tells the plugin about the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub kind: String,
    pub date: DateParts,
    /// `co_quan.viet_tat` when the draft gives it.
    pub organ: Option<String>,
    /// The kind's template slots.
    pub slots: Vec<String>,
}

/// A plugin's answers for one draft. Empty fields: no opinion.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Supplied {
    /// `lang-son 1.0.0`
    pub by: String,
    pub chu_quan: Option<String>,
    pub co_quan: Vec<String>,
    pub viet_tat: Option<String>,
    pub dia_danh: Option<String>,
    pub kinh_gui: Vec<String>,
    pub noi_nhan: Vec<String>,
    /// The whole Lưu line (`VT, NC`).
    pub luu: Option<String>,
    pub quyen_han: Option<String>,
    pub chuc_vu: Option<String>,
    /// How annexes are numbered when the draft gives no numbers: `Some(true)` I, II;
    /// `Some(false)` 1, 2.
    pub annex_roman: Option<bool>,
    /// Slot → markup lines (escaped: a plugin's text never becomes structure by accident).
    pub slot_texts: Vec<(String, Vec<String>)>,
    /// What the clerk is told about the plugin itself each time it runs (unsigned, a key
    /// trusted for every id).
    pub warnings: Vec<Finding>,
}

/// The draft's view of a plugin host.
pub trait Supply {
    /// Answers for the draft that names plugin `id` at `at`. An error stops the draft.
    fn supply(&mut self, id: &str, at: &Location, req: &Request) -> Result<Supplied, Finding>;
}

/// Where a draft's plugin came in, for provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PluginUse {
    pub id: String,
    /// `lang-son 1.0.0`
    pub by: String,
    /// The fields and slots it filled (`co_quan.ten`, `noi_nhan`, `slot chi-thi.nhiem-vu-them`).
    pub supplied: Vec<String>,
    /// The values of the fields that say who issues and signs the document, as supplied
    /// (`co_quan.ten` → `ỦY BAN NHÂN DÂN / TỈNH LẠNG SƠN`): printed, not only named.
    pub values: Vec<(String, String)>,
}

/// Line 0 marks a value the plugin supplied (no line of the draft holds it).
pub const SUPPLIED: Pos = Pos { line: 0, column: 0 };

/// Line 0, column `i + 1` marks a value from the `i`-th spreadsheet cell of a batch row.
pub fn cell(i: usize) -> Pos {
    Pos {
        line: 0,
        column: i + 1,
    }
}

/// The cell index a [`cell`] position stands for.
pub fn cell_index(pos: Pos) -> Option<usize> {
    (pos.line == 0 && pos.column > 0).then(|| pos.column - 1)
}

fn text(s: &str) -> Node {
    Node {
        value: Value::String(s.to_string()),
        pos: SUPPLIED,
    }
}

fn list(items: &[String]) -> Node {
    Node {
        value: Value::Array(items.iter().map(|s| text(s)).collect()),
        pos: SUPPLIED,
    }
}

/// Every field a plugin may supply (what [`inject`] fills).
pub const SUPPLIABLE: &[&str] = &[
    "dia_danh",
    "kinh_gui",
    "noi_nhan",
    "luu",
    "co_quan",
    "co_quan.chu_quan",
    "co_quan.ten",
    "co_quan.viet_tat",
    "ky",
    "ky.quyen_han",
    "ky.chuc_vu",
];

/// The fields whose supplied values are shown to the clerk: who issues and who signs.
pub const SHOWN: &[&str] = &[
    "co_quan.chu_quan",
    "co_quan.ten",
    "co_quan.viet_tat",
    "dia_danh",
    "ky.quyen_han",
    "ky.chuc_vu",
];

/// What the plugin supplied for `path`, as one line.
pub fn value_of(s: &Supplied, path: &str) -> Option<String> {
    match path {
        "co_quan.chu_quan" => s.chu_quan.clone(),
        "co_quan.ten" => Some(s.co_quan.join(" / ")),
        "co_quan.viet_tat" => s.viet_tat.clone(),
        "dia_danh" => s.dia_danh.clone(),
        "ky.quyen_han" => s.quyen_han.clone(),
        "ky.chuc_vu" => s.chuc_vu.clone(),
        _ => None,
    }
}

/// Whether the draft names its own issuing organ (`co_quan.ten`): then the organ is the
/// clerk's, whole — a plugin adds neither a parent organ above it nor an abbreviation.
pub fn names_its_organ(t: &Table) -> bool {
    matches!(
        t.entries.get("co_quan"),
        Some((_, Node { value: Value::Table(cq), .. })) if cq.entries.contains_key("ten")
    )
}

/// Puts `s` into `t` wherever `t` has no value; returns the paths filled.
pub fn inject(t: &mut Table, s: &Supplied) -> Vec<String> {
    let own_organ = names_its_organ(t);
    let mut filled = Vec::new();
    let mut put = |t: &mut Table, prefix: &str, key: &str, node: Option<Node>| {
        if let Some(node) = node
            && !t.entries.contains_key(key)
        {
            t.entries.insert(key.to_string(), (SUPPLIED, node));
            filled.push(format!("{prefix}{key}"));
        }
    };
    let nonempty = |v: &[String]| (!v.is_empty()).then(|| list(v));
    put(t, "", "dia_danh", s.dia_danh.as_deref().map(text));
    put(t, "", "kinh_gui", nonempty(&s.kinh_gui));
    put(t, "", "noi_nhan", nonempty(&s.noi_nhan));
    put(t, "", "luu", s.luu.as_deref().map(text));
    for (key, prefix, items) in [
        (
            "co_quan",
            "co_quan.",
            // A plugin never changes who issues a document the clerk named.
            if own_organ {
                Vec::new()
            } else {
                vec![
                    ("chu_quan", s.chu_quan.as_deref().map(text)),
                    ("ten", nonempty(&s.co_quan)),
                    ("viet_tat", s.viet_tat.as_deref().map(text)),
                ]
            },
        ),
        (
            "ky",
            "ky.",
            vec![
                (
                    "quyen_han",
                    s.quyen_han.as_deref().map(|q| list(&[q.to_string()])),
                ),
                ("chuc_vu", s.chuc_vu.as_deref().map(text)),
            ],
        ),
    ] {
        if items.iter().all(|(_, n)| n.is_none()) {
            continue;
        }
        let entry = t.entries.entry(key.to_string()).or_insert_with(|| {
            (
                SUPPLIED,
                Node {
                    value: Value::Table(Table::default()),
                    pos: SUPPLIED,
                },
            )
        });
        // A `co_quan` that is not a table is the draft's type error, reported as such.
        if let Value::Table(sub) = &mut entry.1.value {
            for (k, n) in items {
                put(sub, prefix, k, n);
            }
        }
    }
    filled
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plugin_never_changes_an_organ_the_draft_names() {
        let mut t = Table::default();
        let mut cq = Table::default();
        cq.entries.insert(
            "ten".into(),
            (
                Pos::default(),
                list(&["ỦY BAN NHÂN DÂN".into(), "TỈNH ĐỒNG THÁP".into()]),
            ),
        );
        t.entries.insert(
            "co_quan".into(),
            (
                Pos::default(),
                Node {
                    value: Value::Table(cq),
                    pos: Pos::default(),
                },
            ),
        );
        let s = Supplied {
            chu_quan: Some("BỘ QUỐC PHÒNG".into()),
            viet_tat: Some("BQP".into()),
            chuc_vu: Some("CHỦ TỊCH".into()),
            ..Supplied::default()
        };
        let filled = inject(&mut t, &s);
        assert_eq!(filled, ["ky.chuc_vu"]);
        let Value::Table(cq) = &t.entries["co_quan"].1.value else {
            panic!()
        };
        assert!(!cq.entries.contains_key("chu_quan"));
        assert!(!cq.entries.contains_key("viet_tat"));
    }

    #[test]
    fn the_draft_wins() {
        let mut t = Table::default();
        t.entries
            .insert("dia_danh".into(), (Pos::default(), text("Hà Nội")));
        let s = Supplied {
            dia_danh: Some("Lạng Sơn".into()),
            co_quan: vec!["ỦY BAN NHÂN DÂN".into(), "TỈNH LẠNG SƠN".into()],
            ..Supplied::default()
        };
        let filled = inject(&mut t, &s);
        assert_eq!(filled, ["co_quan.ten"]);
        assert_eq!(
            t.entries["dia_danh"].1.value,
            Value::String("Hà Nội".into())
        );
        let Value::Table(cq) = &t.entries["co_quan"].1.value else {
            panic!()
        };
        assert_eq!(cq.entries["ten"].1.pos, SUPPLIED);
    }

    /// SUPPLIABLE is what the batch planner trusts a plugin to fill: it must be exactly
    /// what `inject` fills (with the tables it creates), or a batch would ask the clerk for a
    /// column the plugin supplies, or let through one it does not.
    #[test]
    fn suppliable_is_what_inject_fills() {
        let one = |s: &str| Some(s.to_string());
        let s = Supplied {
            chu_quan: one("SỞ"),
            co_quan: vec!["ỦY BAN NHÂN DÂN".into()],
            viet_tat: one("UBND"),
            dia_danh: one("Lạng Sơn"),
            kinh_gui: vec!["Sở Tài chính".into()],
            noi_nhan: vec!["Như trên;".into()],
            luu: one("VT"),
            quyen_han: one("TM. ỦY BAN NHÂN DÂN"),
            chuc_vu: one("CHỦ TỊCH"),
            ..Supplied::default()
        };
        let mut t = Table::default();
        let mut filled = inject(&mut t, &s);
        filled.extend(
            t.entries
                .keys()
                .filter(|k| k.as_str() == "co_quan" || k.as_str() == "ky")
                .cloned(),
        );
        filled.sort();
        let mut all: Vec<String> = SUPPLIABLE.iter().map(|s| s.to_string()).collect();
        all.sort();
        assert_eq!(filled, all);
    }
}
