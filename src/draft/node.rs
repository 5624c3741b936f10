//! A draft as parsed, before any meaning is given to it: a tree of values, each with the line
//! and column it came from, whether the file was TOML (what clerks write) or JSON (what
//! machines write). Validation walks this tree, so every error can point at the place.

use std::collections::BTreeMap;

/// 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    /// A TOML date or date-time, as written (`2026-03-05`).
    Datetime(String),
    Array(Vec<Node>),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

/// Keys keep their own position (an unknown key is reported where the key is written).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub entries: BTreeMap<String, (Pos, Node)>,
}

impl Value {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::String(_) => "chuỗi/string",
            Value::Integer(_) => "số nguyên/integer",
            Value::Float(_) => "số thực/float",
            Value::Bool(_) => "đúng-sai/boolean",
            Value::Datetime(_) => "ngày/date",
            Value::Array(_) => "danh sách/array",
            Value::Table(_) => "bảng/table",
        }
    }
}

/// Maps byte offsets to 1-based line/column (columns count characters, as editors do).
pub struct LineIndex<'a> {
    src: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        Self { src, starts }
    }
    pub fn pos(&self, offset: usize) -> Pos {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let end = offset.min(self.src.len());
        let column = self
            .src
            .get(start..end)
            .map_or(1, |s| s.chars().count() + 1);
        Pos { line, column }
    }
}

pub fn from_toml(src: &str) -> Result<Node, (Pos, String)> {
    let idx = LineIndex::new(src);
    let doc = toml::de::DeTable::parse(src).map_err(|e| {
        let pos = e
            .span()
            .map(|s| idx.pos(s.start))
            .unwrap_or(Pos { line: 1, column: 1 });
        (pos, e.message().trim().to_string())
    })?;
    let span = doc.span();
    Ok(Node {
        value: Value::Table(toml_table(doc.get_ref(), &idx)),
        pos: idx.pos(span.start),
    })
}

fn toml_table(t: &toml::de::DeTable<'_>, idx: &LineIndex<'_>) -> Table {
    let mut entries = BTreeMap::new();
    for (k, v) in t.iter() {
        entries.insert(
            k.get_ref().to_string(),
            (idx.pos(k.span().start), toml_node(v, idx)),
        );
    }
    Table { entries }
}

fn toml_node(v: &toml::Spanned<toml::de::DeValue<'_>>, idx: &LineIndex<'_>) -> Node {
    use toml::de::DeValue as D;
    let pos = idx.pos(v.span().start);
    let value = match v.get_ref() {
        D::String(s) => Value::String(s.to_string()),
        D::Integer(i) => match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
            Ok(n) => Value::Integer(n),
            Err(_) => Value::String(i.as_str().to_string()),
        },
        D::Float(f) => Value::Float(f.as_str().parse().unwrap_or(f64::NAN)),
        D::Boolean(b) => Value::Bool(*b),
        D::Datetime(d) => Value::Datetime(d.to_string()),
        D::Array(a) => Value::Array(a.iter().map(|n| toml_node(n, idx)).collect()),
        D::Table(t) => Value::Table(toml_table(t, idx)),
    };
    Node { value, pos }
}

/// JSON has no spans in serde_json; each key is located by its first `"key":` occurrence after
/// its parent's, which is exact for the drafts machines write (no duplicate keys).
pub fn from_json(src: &str) -> Result<Node, (Pos, String)> {
    let v: serde_json::Value = serde_json::from_str(src).map_err(|e| {
        (
            Pos {
                line: e.line(),
                column: e.column(),
            },
            e.to_string(),
        )
    })?;
    let idx = LineIndex::new(src);
    let mut cursor = 0;
    Ok(json_node(&v, src, &idx, &mut cursor))
}

fn json_node(v: &serde_json::Value, src: &str, idx: &LineIndex<'_>, cursor: &mut usize) -> Node {
    use serde_json::Value as J;
    let pos = idx.pos(*cursor);
    let value = match v {
        J::Null => Value::String(String::new()),
        J::Bool(b) => Value::Bool(*b),
        J::Number(n) => n
            .as_i64()
            .map(Value::Integer)
            .unwrap_or_else(|| Value::Float(n.as_f64().unwrap_or(f64::NAN))),
        J::String(s) => Value::String(s.clone()),
        J::Array(a) => Value::Array(a.iter().map(|x| json_node(x, src, idx, cursor)).collect()),
        J::Object(o) => {
            let mut entries = BTreeMap::new();
            for (k, x) in o {
                let needle = format!("{}:", serde_json::to_string(k).unwrap_or_default());
                let at = src.get(*cursor..).and_then(|rest| {
                    rest.find(&needle)
                        .or_else(|| rest.find(&needle[..needle.len() - 1]))
                });
                if let Some(off) = at {
                    *cursor += off;
                }
                let kpos = idx.pos(*cursor);
                entries.insert(k.clone(), (kpos, json_node(x, src, idx, cursor)));
            }
            Value::Table(Table { entries })
        }
    };
    Node { value, pos }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_positions() {
        let n = from_toml("a = 1\n\n[ky]\nho_ten = \"Nguyễn Văn A\"\n").unwrap();
        let Value::Table(t) = n.value else { panic!() };
        let (kpos, ky) = &t.entries["ky"];
        assert_eq!(kpos.line, 3);
        let Value::Table(ky) = &ky.value else {
            panic!()
        };
        let (kpos, v) = &ky.entries["ho_ten"];
        assert_eq!((kpos.line, kpos.column), (4, 1));
        assert_eq!((v.pos.line, v.pos.column), (4, 10));
    }

    #[test]
    fn toml_error_position() {
        let (pos, msg) = from_toml("a = 1\nb = \"unterminated\n").unwrap_err();
        assert_eq!(pos.line, 2);
        assert!(!msg.is_empty());
    }

    #[test]
    fn json_positions() {
        let n = from_json("{\n  \"loai\": \"chi-thi\",\n  \"so\": 5\n}").unwrap();
        let Value::Table(t) = n.value else { panic!() };
        assert_eq!(t.entries["so"].0.line, 3);
    }
}
