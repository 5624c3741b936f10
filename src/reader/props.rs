//! Run and paragraph properties as WordprocessingML states them, each `None` where a level of
//! the style hierarchy says nothing, so levels overlay one another the way Word resolves them.

use super::dom::{El, on};

/// A font slot's value: a face name, or a theme font (`minorHAnsi`) to look up in the theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Font {
    Name(String),
    Theme(String),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RProps {
    pub ascii: Option<Font>,
    pub h_ansi: Option<Font>,
    pub east_asia: Option<Font>,
    pub cs: Option<Font>,
    /// Half-points.
    pub size: Option<u32>,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub caps: Option<bool>,
    pub vanish: Option<bool>,
    /// Set as a superscript or subscript (`w:vertAlign`), printed smaller than its size.
    pub script: Option<bool>,
    /// Character spacing, twentieths of a point.
    pub spacing: Option<i32>,
    /// Character style (`w:rStyle`).
    pub style: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRule {
    Auto,
    Exact,
    AtLeast,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumRef {
    pub num_id: u32,
    pub ilvl: u8,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct PProps {
    /// Paragraph style (`w:pStyle`).
    pub style: Option<String>,
    pub jc: Option<String>,
    pub ind_left: Option<i32>,
    pub ind_right: Option<i32>,
    /// First-line indent in twips; negative for a hanging indent.
    pub ind_first: Option<i32>,
    pub before: Option<u32>,
    pub after: Option<u32>,
    pub line: Option<u32>,
    pub line_rule: Option<LineRule>,
    pub keep_next: Option<bool>,
    pub num: Option<NumRef>,
    /// `w:numId w:val="0"`: numbering switched off for this paragraph.
    pub num_off: bool,
    /// A border drawn under (or over) the paragraph: a rule in the way some offices draw it.
    pub border_bottom: Option<bool>,
    pub border_top: Option<bool>,
}

fn twips(v: Option<&str>) -> Option<i32> {
    let v = v?;
    v.parse::<i32>()
        .ok()
        .or_else(|| v.parse::<f64>().ok().map(|f| f.round() as i32))
}

fn font_slot(el: &El, name: &str, theme: &str) -> Option<Font> {
    if let Some(t) = el.attr(theme) {
        return Some(Font::Theme(t.to_string()));
    }
    el.attr(name).map(|n| Font::Name(n.to_string()))
}

impl RProps {
    /// Reads a `w:rPr` element.
    pub fn parse(rpr: &El) -> RProps {
        let mut p = RProps::default();
        for c in rpr.elements() {
            match c.name.as_ref() {
                "w:rFonts" => {
                    p.ascii = font_slot(c, "w:ascii", "w:asciiTheme");
                    p.h_ansi = font_slot(c, "w:hAnsi", "w:hAnsiTheme");
                    p.east_asia = font_slot(c, "w:eastAsia", "w:eastAsiaTheme");
                    p.cs = font_slot(c, "w:cs", "w:cstheme");
                }
                "w:sz" => {
                    p.size = c
                        .attr("w:val")
                        .and_then(|v| v.parse::<f64>().ok())
                        .map(|v| v.round() as u32)
                }
                "w:b" => p.bold = Some(on(c)),
                "w:i" => p.italic = Some(on(c)),
                "w:caps" => p.caps = Some(on(c)),
                "w:vanish" => p.vanish = Some(on(c)),
                "w:vertAlign" => {
                    p.script = Some(matches!(c.attr("w:val"), Some("superscript" | "subscript")));
                }
                "w:spacing" => p.spacing = c.attr("w:val").and_then(|v| v.parse().ok()),
                "w:rStyle" => p.style = c.attr("w:val").map(str::to_string),
                _ => {}
            }
        }
        p
    }

    /// `other` laid over `self`: what `other` states wins.
    pub fn overlay(&mut self, other: &RProps) {
        macro_rules! take {
            ($($f:ident),*) => { $( if other.$f.is_some() { self.$f = other.$f.clone(); } )* };
        }
        take!(
            ascii, h_ansi, east_asia, cs, size, bold, italic, caps, vanish, script, spacing, style
        );
    }
}

impl PProps {
    /// Reads a `w:pPr` element (its `w:rPr`, the paragraph mark's, is not part of it).
    pub fn parse(ppr: &El) -> PProps {
        let mut p = PProps::default();
        for c in ppr.elements() {
            match c.name.as_ref() {
                "w:pStyle" => p.style = c.attr("w:val").map(str::to_string),
                "w:jc" => p.jc = c.attr("w:val").map(str::to_string),
                "w:ind" => {
                    p.ind_left = twips(c.attr("w:left").or(c.attr("w:start")));
                    p.ind_right = twips(c.attr("w:right").or(c.attr("w:end")));
                    if let Some(h) = twips(c.attr("w:hanging")) {
                        p.ind_first = Some(-h);
                    } else if let Some(f) = twips(c.attr("w:firstLine")) {
                        p.ind_first = Some(f);
                    }
                }
                "w:spacing" => {
                    p.before = twips(c.attr("w:before")).map(|v| v.max(0) as u32);
                    p.after = twips(c.attr("w:after")).map(|v| v.max(0) as u32);
                    p.line = twips(c.attr("w:line")).map(|v| v.max(0) as u32);
                    p.line_rule = match c.attr("w:lineRule") {
                        Some("exact") => Some(LineRule::Exact),
                        Some("atLeast") => Some(LineRule::AtLeast),
                        Some(_) => Some(LineRule::Auto),
                        None if p.line.is_some() => Some(LineRule::Auto),
                        None => None,
                    };
                }
                "w:keepNext" => p.keep_next = Some(on(c)),
                "w:numPr" => {
                    let id = c
                        .child("w:numId")
                        .and_then(|n| n.attr("w:val"))
                        .and_then(|v| v.parse::<u32>().ok());
                    let ilvl = c
                        .child("w:ilvl")
                        .and_then(|n| n.attr("w:val"))
                        .and_then(|v| v.parse::<u8>().ok())
                        .unwrap_or(0);
                    match id {
                        Some(0) => p.num_off = true,
                        Some(num_id) => p.num = Some(NumRef { num_id, ilvl }),
                        None => {}
                    }
                }
                "w:pBdr" => {
                    let drawn = |name: &str| {
                        c.child(name)
                            .map(|b| !matches!(b.attr("w:val"), Some("nil" | "none")))
                    };
                    // A box (left and right sides too) or a dotted frame is decoration round
                    // text, not a rule: only a solid line above or below counts as one.
                    let solid = |name: &str| {
                        c.child(name).is_some_and(|b| {
                            matches!(b.attr("w:val"), Some("single" | "thick" | "double"))
                        })
                    };
                    let boxed = drawn("w:left") == Some(true) || drawn("w:right") == Some(true);
                    p.border_bottom = drawn("w:bottom").map(|d| d && !boxed && solid("w:bottom"));
                    p.border_top = drawn("w:top").map(|d| d && !boxed && solid("w:top"));
                }
                _ => {}
            }
        }
        p
    }

    pub fn overlay(&mut self, other: &PProps) {
        macro_rules! take {
            ($($f:ident),*) => { $( if other.$f.is_some() { self.$f = other.$f.clone(); } )* };
        }
        take!(
            style,
            jc,
            ind_left,
            ind_right,
            ind_first,
            before,
            after,
            line,
            line_rule,
            keep_next,
            num,
            border_bottom,
            border_top
        );
        if other.num_off {
            self.num = None;
            self.num_off = true;
        }
    }
}
