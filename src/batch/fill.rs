//! The base draft's `{{field}}`s: where each sits, collected once per batch, and filled with
//! each row's cells into that row's draft table.

use super::Job;
use super::columns::{self, Column, Columns};
use super::pattern::{Escape, Pattern};
use super::plan::Plan;
use super::sheet::{Row, Sheet};
use crate::draft::node::{Node, Pos, Table, Value};
use crate::draft::{self, supply};
use crate::finding::Findings;
use crate::finding::{Finding, Location};
use crate::template::{FieldKind, KindTemplate};

/// Keys every row has besides its columns: `{{dong}}` (the row number, padded) and `{{so}}`
/// (the document's number, when it has one).
pub(super) const BUILTIN_KEYS: &[&str] = &["dong", "so"];

/// Where a `{{field}}` of the base draft sits: keys and list indices from the root.
#[derive(Debug, Clone)]
pub(super) enum Step {
    Key(String),
    Index(usize),
}

#[derive(Debug)]
pub(super) struct Fill {
    pub path: Vec<Step>,
    pub pattern: Pattern,
    pub escape: Escape,
}

impl Plan {
    /// The draft table of one row: the base, its `{{field}}`s filled, the row's columns put
    /// in, its number set. `cells` receives the location of every cell used.
    pub(super) fn table(&self, job: &Job, cells: &mut Vec<Location>) -> Result<Table, Findings> {
        let row = &self.sheet.rows[job.row];
        let mut errors = Vec::new();
        let mut t = self.base.clone();
        let dong = row.number.to_string();
        let so = job
            .number
            .map(|n| draft::number::format_number(Some(n)))
            .unwrap_or_default();
        for f in &self.fills {
            let filled = f.pattern.fill(f.escape, |k| match k {
                "dong" => Ok(dong.as_str()),
                "so" => Ok(so.as_str()),
                k => value_of(&self.sheet, &self.columns, row, k),
            });
            match filled {
                Ok(s) => set(&mut t, &f.path, s),
                // One finding per cell, however many fields use it.
                Err(e) if errors.iter().any(|g: &Finding| g.location == e.location) => {}
                Err(e) => errors.push(*e),
            }
        }
        for col in self.columns.cols.iter().filter(|c| c.target.is_some()) {
            if let Some(f) = columns::unusable(&self.sheet, row, col) {
                errors.push(f);
            }
        }
        columns::apply(&mut t, &self.columns, row, |col| {
            cells.push(self.sheet.at(row.number, col.index));
            supply::cell(cells.len() - 1)
        });
        if let Some(n) = job.number
            && self.auto_number
            && !t.entries.contains_key("so")
        {
            let pos = Pos::default();
            t.entries.insert(
                "so".into(),
                (
                    pos,
                    Node {
                        value: Value::Integer(n.into()),
                        pos,
                    },
                ),
            );
        }
        if errors.is_empty() {
            Ok(t)
        } else {
            Err(errors.into())
        }
    }
}

/// A row's value for `{{key}}`: its column's text, or the finding for an unusable cell.
pub(super) fn value_of<'a>(
    sheet: &Sheet,
    columns: &Columns,
    row: &'a Row,
    key: &str,
) -> Result<&'a str, Box<Finding>> {
    let col: &Column = columns
        .by_key(key)
        .expect("keys were checked against the columns");
    if let Some(f) = columns::unusable(sheet, row, col) {
        return Err(Box::new(f));
    }
    Ok(row.text(col.index))
}

pub(super) fn path_text(path: &[Step]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            Step::Key(k) if s.is_empty() => s.push_str(k),
            Step::Key(k) => {
                s.push('.');
                s.push_str(k)
            }
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// Whether the field at `path` is markup (its `{{field}}`s are escaped as markup).
fn escape_for(path: &[Step], tp: &KindTemplate) -> Escape {
    let keys: Vec<&str> = path
        .iter()
        .filter_map(|s| match s {
            Step::Key(k) => Some(k.as_str()),
            Step::Index(_) => None,
        })
        .collect();
    let markup = match keys.as_slice() {
        [k] => tp
            .fields
            .iter()
            .any(|d| d.name == *k && d.kind == FieldKind::Markup),
        ["phu_luc", "noi_dung"] => true,
        _ => false,
    };
    if markup { Escape::Markup } else { Escape::None }
}

pub(super) fn collect_fills(
    t: &Table,
    path: &mut Vec<Step>,
    tp: &KindTemplate,
    out: &mut Vec<Fill>,
    bad: &mut dyn FnMut(String, String, Pos),
) {
    for (k, (_, node)) in &t.entries {
        path.push(Step::Key(k.clone()));
        collect_node(node, path, tp, out, bad);
        path.pop();
    }
}

fn collect_node(
    node: &Node,
    path: &mut Vec<Step>,
    tp: &KindTemplate,
    out: &mut Vec<Fill>,
    bad: &mut dyn FnMut(String, String, Pos),
) {
    match &node.value {
        Value::String(s) => match Pattern::parse(s) {
            Ok(Some(pattern)) => out.push(Fill {
                path: path.clone(),
                escape: escape_for(path, tp),
                pattern,
            }),
            Ok(None) => {}
            Err(m) => bad(path_text(path), m, node.pos),
        },
        Value::Array(items) => {
            for (i, n) in items.iter().enumerate() {
                path.push(Step::Index(i));
                collect_node(n, path, tp, out, bad);
                path.pop();
            }
        }
        Value::Table(inner) => collect_fills(inner, path, tp, out, bad),
        _ => {}
    }
}

/// Replaces the string at `path` (it was a string when the fill was collected).
fn set(t: &mut Table, path: &[Step], v: String) {
    let Some((Step::Key(first), rest)) = path.split_first() else {
        return;
    };
    let Some((_, node)) = t.entries.get_mut(first) else {
        return;
    };
    let mut node = node;
    for step in rest {
        node = match (step, &mut node.value) {
            (Step::Key(k), Value::Table(inner)) => match inner.entries.get_mut(k) {
                Some((_, n)) => n,
                None => return,
            },
            (Step::Index(i), Value::Array(items)) => match items.get_mut(*i) {
                Some(n) => n,
                None => return,
            },
            _ => return,
        };
    }
    node.value = Value::String(v);
}

/// The node at a dotted path (`ky.ho_ten`).
pub(super) fn lookup<'a>(t: &'a Table, path: &str) -> Option<&'a Node> {
    let mut segs = path.split('.');
    let mut node = &t.entries.get(segs.next()?)?.1;
    for seg in segs {
        let Value::Table(inner) = &node.value else {
            return None;
        };
        node = &inner.entries.get(seg)?.1;
    }
    Some(node)
}
