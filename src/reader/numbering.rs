//! List labels as Word draws them from `numbering.xml`: the checker judges the `a)`, `b)` a
//! reader sees, and Word's `lowerLetter` runs a b c d e f … — it has no đ, which the decree's
//! Vietnamese order (a b c d đ e g h …) needs.

use super::dom::{self, El};
use super::props::{NumRef, PProps, RProps};
use crate::text::numerals::roman;
use std::collections::{HashMap, HashSet};

/// The largest counter value a list reaches here: Word's own largest start value. A hostile
/// `w:start` of 4294967295 would otherwise make a `lowerLetter` label of 165 million letters.
pub const MAX_COUNTER: u32 = 32_767;
/// The longest label built, in characters; a real label (`1.2.3.`, `a)`, `Điều 12.`) is a few.
pub const MAX_LABEL_CHARS: usize = 32;

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    fmt: String,
    text: String,
    p: PProps,
    r: RProps,
}

#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: u32,
    /// `w:lvlOverride/w:startOverride` by level.
    starts: HashMap<u8, u32>,
}

#[derive(Debug, Clone, Default)]
pub struct Numbering {
    abstracts: HashMap<u32, Vec<Level>>,
    nums: HashMap<u32, Num>,
    /// Counters per abstract list (lists sharing one continue each other), nine levels.
    counters: HashMap<u32, [u32; 9]>,
    /// Whether a level of a list has been used since its parent moved on.
    started: HashMap<u32, [bool; 9]>,
    /// Nums whose start overrides have been applied.
    restarted: HashSet<u32>,
}

impl Numbering {
    pub fn parse(xml: Option<&str>) -> Numbering {
        let mut n = Numbering::default();
        let Some(root) = xml.and_then(|x| dom::parse(x).ok()) else {
            return n;
        };
        for a in root.children_named("w:abstractNum") {
            let Some(id) = a.attr("w:abstractNumId").and_then(|v| v.parse().ok()) else {
                continue;
            };
            let mut levels = vec![Level::default(); 9];
            for l in a.children_named("w:lvl") {
                let Some(i) = l.attr("w:ilvl").and_then(|v| v.parse::<usize>().ok()) else {
                    continue;
                };
                if i >= 9 {
                    continue;
                }
                levels[i] = level(l);
            }
            n.abstracts.insert(id, levels);
        }
        for num in root.children_named("w:num") {
            let Some(id) = num.attr("w:numId").and_then(|v| v.parse().ok()) else {
                continue;
            };
            let abstract_id = num
                .child("w:abstractNumId")
                .and_then(|a| a.attr("w:val"))
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let mut starts = HashMap::new();
            for o in num.children_named("w:lvlOverride") {
                let (Some(l), Some(s)) = (
                    o.attr("w:ilvl").and_then(|v| v.parse::<u8>().ok()),
                    o.child("w:startOverride")
                        .and_then(|s| s.attr("w:val"))
                        .and_then(|v| v.parse::<u32>().ok()),
                ) else {
                    continue;
                };
                starts.insert(l, s.min(MAX_COUNTER));
            }
            n.nums.insert(
                id,
                Num {
                    abstract_id,
                    starts,
                },
            );
        }
        n
    }

    fn level(&self, r: NumRef) -> Option<&Level> {
        let num = self.nums.get(&r.num_id)?;
        self.abstracts
            .get(&num.abstract_id)?
            .get(usize::from(r.ilvl).min(8))
    }

    /// The paragraph and run properties the level gives its paragraphs (indents, label font).
    pub fn props(&self, r: NumRef) -> Option<(&PProps, &RProps)> {
        self.level(r).map(|l| (&l.p, &l.r))
    }

    /// The label of the next paragraph in list `r` (`a)`, `1.`, `-`), advancing the counters.
    /// Counters stop at [`MAX_COUNTER`] and labels at [`MAX_LABEL_CHARS`], so a hostile
    /// numbering part costs no more than a real one.
    pub fn next_label(&mut self, r: NumRef) -> Option<String> {
        let Numbering {
            abstracts,
            nums,
            counters,
            started,
            restarted,
        } = self;
        let num = nums.get(&r.num_id)?;
        let levels = abstracts.get(&num.abstract_id)?;
        let ilvl = usize::from(r.ilvl).min(8);
        let counters = counters.entry(num.abstract_id).or_insert([0; 9]);
        let started = started.entry(num.abstract_id).or_insert([false; 9]);
        if restarted.insert(r.num_id) {
            for (l, s) in &num.starts {
                let l = usize::from(*l).min(8);
                counters[l] = s.saturating_sub(1);
                started[l] = true;
            }
        }
        if !started[ilvl] {
            counters[ilvl] = levels[ilvl].start.saturating_sub(1);
            started[ilvl] = true;
        }
        counters[ilvl] = (counters[ilvl] + 1).min(MAX_COUNTER);
        // A deeper level restarts when this one moves on.
        for s in started.iter_mut().skip(ilvl + 1) {
            *s = false;
        }
        let lvl = &levels[ilvl];
        if lvl.fmt == "none" {
            return Some(String::new());
        }
        // `%1` … `%9` stand for the counters of the levels up to this one; each is formatted
        // only when the text names it, and the label stops at its cap.
        let mut label = String::new();
        let mut chars = 0;
        let mut it = lvl.text.chars().peekable();
        while let Some(c) = it.next() {
            if chars >= MAX_LABEL_CHARS {
                break;
            }
            let level = (c == '%')
                .then(|| it.peek().and_then(|d| d.to_digit(10)))
                .flatten()
                .map(|d| d as usize)
                .filter(|&d| (1..=ilvl + 1).contains(&d));
            let Some(d) = level else {
                label.push(c);
                chars += 1;
                continue;
            };
            it.next();
            let i = d - 1;
            let value = if started[i] {
                counters[i]
            } else {
                levels[i].start.max(1)
            };
            for v in format_value(value, &levels[i].fmt).chars() {
                if chars >= MAX_LABEL_CHARS {
                    break;
                }
                label.push(v);
                chars += 1;
            }
        }
        Some(label)
    }
}

fn level(l: &El) -> Level {
    let val = |name: &str| {
        l.child(name)
            .and_then(|c| c.attr("w:val"))
            .map(str::to_string)
    };
    Level {
        start: val("w:start")
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(1)
            .min(MAX_COUNTER),
        fmt: val("w:numFmt").unwrap_or_else(|| "decimal".into()),
        text: val("w:lvlText").unwrap_or_default(),
        p: l.child("w:pPr").map(PProps::parse).unwrap_or_default(),
        r: l.child("w:rPr").map(RProps::parse).unwrap_or_default(),
    }
}

/// A counter value in a numbering format, as Word writes it.
pub fn format_value(v: u32, fmt: &str) -> String {
    match fmt {
        "lowerLetter" => letters(v),
        "upperLetter" => letters(v).to_uppercase(),
        "lowerRoman" => roman(v.min(MAX_COUNTER)).to_lowercase(),
        "upperRoman" => roman(v.min(MAX_COUNTER)),
        "bullet" => String::new(),
        "decimalZero" => format!("{v:02}"),
        _ => v.to_string(),
    }
}

/// Word's letters: a … z, then aa … zz (the letter doubled), with no Vietnamese đ. Never
/// longer than a label may be.
fn letters(v: u32) -> String {
    if v == 0 {
        return String::new();
    }
    let i = (v - 1) % 26;
    let times = ((v - 1) / 26 + 1).min(MAX_LABEL_CHARS as u32);
    let c = char::from(b'a' + i as u8);
    std::iter::repeat_n(c, times as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"#;

    #[test]
    fn labels_count_like_word() {
        let mut n = Numbering::parse(Some(XML));
        let r = |num_id, ilvl| NumRef { num_id, ilvl };
        assert_eq!(n.next_label(r(5, 0)).unwrap(), "1.");
        let pts: Vec<String> = (0..6).map(|_| n.next_label(r(5, 1)).unwrap()).collect();
        assert_eq!(
            pts,
            ["a)", "b)", "c)", "d)", "e)", "f)"],
            "Word's letters have no đ"
        );
        assert_eq!(n.next_label(r(5, 0)).unwrap(), "2.");
        assert_eq!(
            n.next_label(r(5, 1)).unwrap(),
            "a)",
            "a deeper level restarts"
        );
        assert_eq!(
            n.next_label(r(6, 0)).unwrap(),
            "1.",
            "a start override restarts"
        );
    }

    #[test]
    fn hostile_starts_and_texts_stay_small() {
        let xml = format!(
            r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="4294967295"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{}"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4294967295"/></w:lvlOverride></w:num></w:numbering>"#,
            "%1".repeat(5000)
        );
        let mut n = Numbering::parse(Some(&xml));
        for num_id in [1, 2, 1, 2] {
            for _ in 0..3 {
                let l = n.next_label(NumRef { num_id, ilvl: 0 }).unwrap();
                assert_eq!(l.chars().count(), MAX_LABEL_CHARS);
                assert!(l.chars().all(|c| c == l.chars().next().unwrap()));
            }
        }
        assert!(format_value(u32::MAX, "upperRoman").len() < 64);
    }

    #[test]
    fn formats() {
        assert_eq!(format_value(4, "upperRoman"), "IV");
        assert_eq!(format_value(27, "lowerLetter"), "aa");
        assert_eq!(format_value(3, "decimal"), "3");
    }
}
