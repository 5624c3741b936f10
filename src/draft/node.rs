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
/// Offsets are asked for in order as a parser walks a file, so the last answer is remembered
/// and a later offset on the same line is counted on from it: a one-line JSON draft with
/// thousands of values costs one pass, not one pass per value.
pub struct LineIndex<'a> {
    src: &'a str,
    starts: Vec<usize>,
    /// The last offset answered and its column.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        Self {
            src,
            starts,
            last: std::cell::Cell::new((0, 1)),
        }
    }
    pub fn pos(&self, offset: usize) -> Pos {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let end = offset.min(self.src.len());
        let (last, last_column) = self.last.get();
        let (from, base) = if last >= start && last <= end {
            (last, last_column)
        } else {
            (start, 1)
        };
        let column = self
            .src
            .get(from..end)
            .map_or(base, |s| base + s.chars().count());
        self.last.set((end, column));
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

/// JSON has no spans in serde_json: the text is checked by serde_json first (its errors carry
/// line and column), then walked here in the order it is written, each value positioned where
/// it starts. Strings and numbers are decoded by serde_json from their own slice.
pub fn from_json(src: &str) -> Result<Node, (Pos, String)> {
    // Parsed into a value, not merely checked: serde_json bounds the nesting (128) only when it
    // builds one, and a hundred thousand `[` overflow the stack otherwise.
    serde_json::from_str::<serde_json::Value>(src).map_err(|e| {
        (
            Pos {
                line: e.line(),
                column: e.column(),
            },
            e.to_string(),
        )
    })?;
    let idx = LineIndex::new(src);
    let mut w = JsonWalk {
        b: src.as_bytes(),
        src,
        i: 0,
        idx: &idx,
    };
    w.value()
        .ok_or_else(|| (Pos { line: 1, column: 1 }, "malformed JSON".to_string()))
}

/// A walk over JSON text serde_json has already accepted: every `None` below is unreachable
/// for such text, and only guards against a mistake here turning into a panic.
struct JsonWalk<'s, 'i> {
    b: &'s [u8],
    src: &'s str,
    i: usize,
    idx: &'i LineIndex<'s>,
}

impl JsonWalk<'_, '_> {
    fn ws(&mut self) {
        while self.b.get(self.i).is_some_and(u8::is_ascii_whitespace) {
            self.i += 1;
        }
    }

    /// The raw text of the string starting at the cursor, quotes included.
    fn string_slice(&mut self) -> Option<&str> {
        let start = self.i;
        self.i += 1;
        loop {
            match *self.b.get(self.i)? {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    return self.src.get(start..self.i);
                }
                _ => self.i += 1,
            }
        }
    }

    fn string(&mut self) -> Option<String> {
        let raw = self.string_slice()?;
        serde_json::from_str(raw).ok()
    }

    fn value(&mut self) -> Option<Node> {
        self.ws();
        let pos = self.idx.pos(self.i);
        let value =
            match *self.b.get(self.i)? {
                b'{' => {
                    self.i += 1;
                    let mut entries = BTreeMap::new();
                    loop {
                        self.ws();
                        match *self.b.get(self.i)? {
                            b'}' => {
                                self.i += 1;
                                break;
                            }
                            b',' => self.i += 1,
                            _ => {
                                let kpos = self.idx.pos(self.i);
                                let key = self.string()?;
                                self.ws();
                                self.i += 1; // ':'
                                let v = self.value()?;
                                entries.insert(key, (kpos, v));
                            }
                        }
                    }
                    Value::Table(Table { entries })
                }
                b'[' => {
                    self.i += 1;
                    let mut items = Vec::new();
                    loop {
                        self.ws();
                        match *self.b.get(self.i)? {
                            b']' => {
                                self.i += 1;
                                break;
                            }
                            b',' => self.i += 1,
                            _ => items.push(self.value()?),
                        }
                    }
                    Value::Array(items)
                }
                b'"' => Value::String(self.string()?),
                b't' => {
                    self.i += 4;
                    Value::Bool(true)
                }
                b'f' => {
                    self.i += 5;
                    Value::Bool(false)
                }
                b'n' => {
                    self.i += 4;
                    Value::String(String::new())
                }
                _ => {
                    let start = self.i;
                    while self.b.get(self.i).is_some_and(|c| {
                        matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                    }) {
                        self.i += 1;
                    }
                    let n: serde_json::Number =
                        serde_json::from_str(self.src.get(start..self.i)?).ok()?;
                    n.as_i64()
                        .map(Value::Integer)
                        .unwrap_or_else(|| Value::Float(n.as_f64().unwrap_or(f64::NAN)))
                }
            };
        Some(Node { value, pos })
    }
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

    #[test]
    fn json_keys_are_where_they_are_written() {
        // Not in alphabetical order, a key named inside an earlier string, escaped keys.
        let src = "{\n\"ngay\": \"2026\",\n\"trich_yeu\": \"\\\"ky\\\": x\",\n\"ky\": {\"ho_ten\": \"A\"},\n\"\\u006Eoi_nhan\": [\"a\", 1, -2.5e3, true, null]\n}";
        let n = from_json(src).unwrap();
        let Value::Table(t) = n.value else { panic!() };
        let line = |k: &str| t.entries[k].0.line;
        assert_eq!(
            (
                line("ngay"),
                line("trich_yeu"),
                line("ky"),
                line("noi_nhan")
            ),
            (2, 3, 4, 5)
        );
        assert_eq!(t.entries["ky"].0.column, 1);
        let Value::Array(items) = &t.entries["noi_nhan"].1.value else {
            panic!()
        };
        assert_eq!(items[2].value, Value::Float(-2500.0));
        assert_eq!(items[4].value, Value::String(String::new()));
        assert_eq!(items[1].pos.column, 24);
    }

    #[test]
    fn positions_on_one_long_line_are_counted_once() {
        let line = format!("{{\"a\": [{}1]}}", "\"Ủy ban\", ".repeat(50_000));
        let n = from_json(&line).unwrap();
        let Value::Table(t) = n.value else { panic!() };
        let Value::Array(items) = &t.entries["a"].1.value else {
            panic!()
        };
        assert_eq!(items.len(), 50_001);
        assert_eq!(items[1].pos.column, 8 + 10);
        let idx = LineIndex::new("ab\ncdé\nf");
        assert_eq!(idx.pos(7), Pos { line: 2, column: 4 });
        assert_eq!(idx.pos(1), Pos { line: 1, column: 2 });
        assert_eq!(idx.pos(5), Pos { line: 2, column: 3 });
        assert_eq!(idx.pos(8), Pos { line: 3, column: 1 });
    }
}
