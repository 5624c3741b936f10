//! Walks the main part (and headers) into what is on the page: paragraphs with their resolved
//! look, the table cell each sits in, the text of text boxes, the line shapes and borders that
//! draw rules, and each section's page setup. Of every `mc:AlternateContent` only the first
//! branch is read, so text in a shape is not counted twice (its VML fallback repeats it).

use super::dom::El;
use super::numbering::Numbering;
use super::props::{LineRule, PProps, RProps};
use super::styles::{RunLook, Styles};

#[derive(Debug, Clone, PartialEq)]
pub struct RawRun {
    pub text: String,
    pub look: RunLook,
    /// A line break before the text.
    pub break_before: bool,
}

/// How a rule was drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// A DrawingML line or connector (`wps`), as Word draws them.
    Shape,
    /// A VML `v:line`.
    Vml,
    /// A paragraph border.
    Border,
    /// A row of underscores.
    Text,
    /// A row of dashes, stars or equals signs: a rule, but not a solid one.
    Typed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawLine {
    /// Twips (0 when a border runs the paragraph's width; the layout then measures it).
    pub length: u32,
    pub kind: LineKind,
    /// Where a shape's middle stands across the page, when its anchor says.
    pub x: Option<LineX>,
}

/// A floating line's middle, in twips from the text column's left edge (or from the page's,
/// when the anchor counts from the page): in a header typed as paragraphs it tells which
/// column's text the line is under, whichever paragraph holds its anchor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineX {
    pub centre: i32,
    pub from_page: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// Index of the top-level table in the body.
    pub table: usize,
    pub row: usize,
    /// The first grid column the cell stands in, and how many it spans (`w:gridSpan`): a
    /// merged header cell is as wide as its columns together.
    pub col: usize,
    pub span: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawPara {
    /// Position among the part's paragraphs (1-based), for messages.
    pub index: usize,
    pub runs: Vec<RawRun>,
    /// The label Word draws from `numbering.xml` (`a)`, `1.`), if any.
    pub label: Option<String>,
    pub props: PProps,
    pub cell: Option<Cell>,
    pub textbox: bool,
    pub section: usize,
    pub rules: Vec<RawLine>,
    /// A page break before this paragraph (`w:br w:type="page"` or `pageBreakBefore`).
    pub page_break: bool,
    /// The right half of a line typed with both of a header's columns on it (cut by the
    /// header's layout): what it holds stands in the right column, a typed rule included.
    pub right_half: bool,
}

/// Paragraphs and runs for the reader's unit tests: 13 pt Times New Roman, outside any table.
#[cfg(test)]
impl RawRun {
    pub(crate) fn plain(text: &str, bold: bool, break_before: bool) -> Self {
        Self {
            text: text.into(),
            look: crate::reader::styles::RunLook {
                font: "Times New Roman".into(),
                ascii_font: "Times New Roman".into(),
                size: 26,
                bold,
                italic: false,
                caps: false,
                hidden: false,
                script: false,
                spacing: 0,
            },
            break_before,
        }
    }
}

#[cfg(test)]
impl RawPara {
    pub(crate) fn of_runs(runs: Vec<RawRun>) -> Self {
        Self {
            index: 1,
            runs,
            label: None,
            props: Default::default(),
            cell: None,
            textbox: false,
            section: 0,
            rules: Vec::new(),
            page_break: false,
            right_half: false,
        }
    }
}

impl RawPara {
    /// The text as a reader sees it: the list label, then the runs.
    pub fn text(&self) -> String {
        let mut s = String::new();
        if let Some(l) = &self.label
            && !l.is_empty()
        {
            s.push_str(l);
            s.push(' ');
        }
        for r in &self.runs {
            if r.break_before {
                s.push('\n');
            }
            s.push_str(&r.text);
        }
        s
    }

    /// Runs that carry visible text.
    pub fn visible(&self) -> impl Iterator<Item = &RawRun> {
        self.runs
            .iter()
            .filter(|r| !r.look.hidden && !r.text.trim().is_empty())
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawSection {
    pub width: u32,
    pub height: u32,
    pub landscape: bool,
    pub top: i32,
    pub bottom: i32,
    pub left: i32,
    pub right: i32,
    pub header: i32,
    pub footer: i32,
    pub title_page: bool,
    pub restart_at: Option<u32>,
    /// Header and footer parts (`word/header1.xml`) by type, inherited from the previous
    /// section where this one names none.
    pub header_default: Option<String>,
    pub header_first: Option<String>,
    pub header_even: Option<String>,
    pub footer_default: Option<String>,
    pub footer_first: Option<String>,
    pub has_table: bool,
}

#[derive(Debug, Clone, Default)]
pub struct RawTable {
    /// Grid column widths, twips.
    pub columns: Vec<u32>,
    pub rows: usize,
    pub section: usize,
    /// Index of its first paragraph in `RawBody::paras`.
    pub first_para: usize,
}

#[derive(Debug, Clone, Default)]
pub struct RawBody {
    pub paras: Vec<RawPara>,
    pub sections: Vec<RawSection>,
    pub tables: Vec<RawTable>,
}

struct Walker<'a> {
    styles: &'a Styles,
    numbering: Numbering,
    rels: &'a [(String, String)],
    dir: String,
    out: RawBody,
    section: usize,
    count: usize,
    /// The table style of the innermost table being walked.
    table_style: Option<String>,
}

fn num_attr(e: &El, name: &str) -> Option<i32> {
    e.attr(name).and_then(|v| {
        v.parse::<i32>()
            .ok()
            .or_else(|| v.parse::<f64>().ok().map(|f| f.round() as i32))
    })
}

impl<'a> Walker<'a> {
    fn target(&self, id: &str) -> Option<String> {
        self.rels
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, t)| super::package::resolve(&self.dir, t))
    }

    fn section(&self, s: &El, prev: Option<&RawSection>) -> RawSection {
        let mut r = RawSection {
            width: 11906,
            height: 16838,
            ..RawSection::default()
        };
        if let Some(p) = prev {
            r.header_default = p.header_default.clone();
            r.header_first = p.header_first.clone();
            r.header_even = p.header_even.clone();
            r.footer_default = p.footer_default.clone();
            r.footer_first = p.footer_first.clone();
        }
        if let Some(sz) = s.child("w:pgSz") {
            r.width = num_attr(sz, "w:w").unwrap_or(11906).max(0) as u32;
            r.height = num_attr(sz, "w:h").unwrap_or(16838).max(0) as u32;
            r.landscape = sz.attr("w:orient") == Some("landscape") || r.width > r.height;
        }
        if let Some(m) = s.child("w:pgMar") {
            r.top = num_attr(m, "w:top").unwrap_or(1440);
            r.bottom = num_attr(m, "w:bottom").unwrap_or(1440);
            r.left = num_attr(m, "w:left").unwrap_or(1800);
            r.right = num_attr(m, "w:right").unwrap_or(1800);
            r.header = num_attr(m, "w:header").unwrap_or(720);
            r.footer = num_attr(m, "w:footer").unwrap_or(720);
        }
        r.title_page = s.child("w:titlePg").is_some_and(super::dom::on);
        r.restart_at = s
            .child("w:pgNumType")
            .and_then(|p| p.attr("w:start"))
            .and_then(|v| v.parse().ok());
        for tag in ["w:headerReference", "w:footerReference"] {
            for h in s.children_named(tag) {
                let Some(target) = h.attr("r:id").and_then(|id| self.target(id)) else {
                    continue;
                };
                let ty = h.attr("w:type").unwrap_or("default");
                match (tag, ty) {
                    ("w:headerReference", "default") => r.header_default = Some(target),
                    ("w:headerReference", "first") => r.header_first = Some(target),
                    ("w:headerReference", "even") => r.header_even = Some(target),
                    ("w:footerReference", "default") => r.footer_default = Some(target),
                    ("w:footerReference", "first") => r.footer_first = Some(target),
                    _ => {}
                }
            }
        }
        r
    }

    fn blocks(&mut self, parent: &El, cell: Option<Cell>, textbox: bool) {
        for c in parent.elements() {
            match c.name.as_ref() {
                "w:p" => self.paragraph(c, cell, textbox),
                "w:tbl" => self.table(c, cell, textbox),
                "w:sdt" => {
                    if let Some(content) = c.child("w:sdtContent") {
                        self.blocks(content, cell, textbox);
                    }
                }
                "w:customXml" | "w:ins" | "w:smartTag" => self.blocks(c, cell, textbox),
                "w:sectPr" if cell.is_none() && !textbox => {
                    let s = self.section(c, self.out.sections.last());
                    self.out.sections.push(s);
                }
                _ => {}
            }
        }
    }

    fn table(&mut self, t: &El, cell: Option<Cell>, textbox: bool) {
        // A table inside a cell belongs to the outer cell: the header and signature tables are
        // what the checker reasons about.
        let id = self.out.tables.len();
        let columns: Vec<u32> = t
            .child("w:tblGrid")
            .map(|g| {
                g.children_named("w:gridCol")
                    .map(|c| num_attr(c, "w:w").unwrap_or(0).max(0) as u32)
                    .collect()
            })
            .unwrap_or_default();
        let own = t
            .child("w:tblPr")
            .and_then(|p| p.child("w:tblStyle"))
            .and_then(|s| s.attr("w:val"));
        let outer_style = std::mem::replace(&mut self.table_style, self.styles.table_style(own));
        if cell.is_none() && !textbox {
            self.out.tables.push(RawTable {
                columns,
                rows: 0,
                section: self.section,
                first_para: self.out.paras.len(),
            });
            if let Some(s) = self.out.sections.get_mut(self.section) {
                s.has_table = true;
            }
        }
        let rows: Vec<&El> = t
            .elements()
            .flat_map(|e| match e.name.as_ref() {
                "w:tr" => vec![e],
                "w:sdt" | "w:customXml" => e
                    .child("w:sdtContent")
                    .unwrap_or(e)
                    .children_named("w:tr")
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        for (ri, tr) in rows.iter().enumerate() {
            let mut col = 0;
            for tc in tr.elements().filter(|e| e.name == "w:tc") {
                let span = tc
                    .child("w:tcPr")
                    .and_then(|p| p.child("w:gridSpan"))
                    .and_then(|g| num_attr(g, "w:val"))
                    .unwrap_or(1)
                    .max(1) as usize;
                let here = match cell {
                    Some(outer) => Some(outer),
                    None if textbox => None,
                    None => Some(Cell {
                        table: id,
                        row: ri,
                        col,
                        span,
                    }),
                };
                self.blocks(tc, here, textbox);
                col += span;
            }
        }
        self.table_style = outer_style;
        if cell.is_none()
            && !textbox
            && let Some(t) = self.out.tables.get_mut(id)
        {
            t.rows = rows.len();
        }
    }

    fn paragraph(&mut self, p: &El, cell: Option<Cell>, textbox: bool) {
        self.count += 1;
        let direct = p.child("w:pPr").map(PProps::parse).unwrap_or_default();
        let num = if direct.num_off {
            None
        } else {
            direct.num.or_else(|| self.styles.style_numbering(&direct))
        };
        let num_props = num
            .and_then(|n| self.numbering.props(n))
            .map(|(pp, _)| pp.clone());
        let table = if cell.is_some() || textbox {
            self.table_style.clone()
        } else {
            None
        };
        let props = self
            .styles
            .paragraph(&direct, num_props.as_ref(), table.as_deref());
        let label = num.and_then(|n| self.numbering.next_label(n));
        let mut para = RawPara {
            index: self.count,
            runs: Vec::new(),
            label,
            props: props.clone(),
            cell,
            textbox,
            section: self.section,
            rules: Vec::new(),
            page_break: p
                .child("w:pPr")
                .and_then(|pp| pp.child("w:pageBreakBefore"))
                .is_some_and(super::dom::on),
            right_half: false,
        };
        if props.border_bottom == Some(true) || props.border_top == Some(true) {
            para.rules.push(RawLine {
                length: 0,
                kind: LineKind::Border,
                x: None,
            });
        }
        let mut boxes: Vec<&El> = Vec::new();
        self.inline(
            p,
            &props,
            table.as_deref(),
            &mut para,
            &mut boxes,
            &mut false,
        );
        // A line typed as underscores, dashes or stars draws a rule, the way some offices
        // still make them. Two rules typed on one line with a tab between them (`⇥_____&_____⇥
        // -----–¯—-----`, one under each column of a header typed by hand) are two: the
        // header's layout cuts the line into its columns first.
        if !two_typed_rules(&para.text()) {
            typed_rule_to_line(&mut para);
        }
        let ends_section = p
            .child("w:pPr")
            .and_then(|pp| pp.child("w:sectPr"))
            .filter(|_| cell.is_none() && !textbox);
        // A frame holding a table stands above the text of the paragraph it is anchored in:
        // LibreOffice saves a floating table (a header set beside the Quốc hiệu) as such a
        // frame, anchored in the paragraph that followed the table, and a file saved again
        // through `.doc` reads "HƯỚNG DẪN" before its own header otherwise. Its table is read
        // as the table it was, cells and widths included.
        let (lead, rest): (Vec<&El>, Vec<&El>) = if cell.is_none() && !textbox {
            boxes.into_iter().partition(|b| b.child("w:tbl").is_some())
        } else {
            (Vec::new(), boxes)
        };
        if !lead.is_empty() {
            self.count -= 1;
            for b in lead {
                self.blocks(b, None, false);
            }
            self.count += 1;
            para.index = self.count;
        }
        self.out.paras.push(para);
        for b in rest {
            self.blocks(b, cell, true);
        }
        if let Some(s) = ends_section {
            let sec = self.section(s, self.out.sections.last());
            self.out.sections.push(sec);
            self.section += 1;
        }
    }

    /// Runs and what they hold, through hyperlinks, insertions, content controls and fields.
    fn inline<'e>(
        &self,
        parent: &'e El,
        props: &PProps,
        table: Option<&str>,
        para: &mut RawPara,
        boxes: &mut Vec<&'e El>,
        in_instr: &mut bool,
    ) {
        for c in parent.elements() {
            match c.name.as_ref() {
                "w:r" => self.run(c, props, table, para, boxes, in_instr),
                "w:hyperlink" | "w:ins" | "w:smartTag" | "w:customXml" | "w:fldSimple"
                | "w:moveTo" | "w:bdo" | "w:dir" => {
                    self.inline(c, props, table, para, boxes, in_instr)
                }
                "w:sdt" => {
                    if let Some(content) = c.child("w:sdtContent") {
                        self.inline(content, props, table, para, boxes, in_instr);
                    }
                }
                _ => {}
            }
        }
    }

    fn run<'e>(
        &self,
        r: &'e El,
        props: &PProps,
        table: Option<&str>,
        para: &mut RawPara,
        boxes: &mut Vec<&'e El>,
        in_instr: &mut bool,
    ) {
        let direct = r.child("w:rPr").map(RProps::parse).unwrap_or_default();
        let look = self.styles.run(props, &direct, table);
        let mut text = String::new();
        let mut brk = false;
        let push = |para: &mut RawPara, text: &mut String, brk: &mut bool| {
            if !text.is_empty() || *brk {
                para.runs.push(RawRun {
                    text: std::mem::take(text),
                    look: look.clone(),
                    break_before: std::mem::take(brk),
                });
            }
        };
        for c in r.elements() {
            match c.name.as_ref() {
                "w:t" if !*in_instr => text.push_str(&c.text()),
                "w:tab" | "w:ptab" if !*in_instr => text.push('\t'),
                "w:noBreakHyphen" => text.push('-'),
                "w:softHyphen" => {}
                "w:sym" => {
                    if let Some(ch) = c
                        .attr("w:char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                    {
                        text.push(ch);
                    }
                }
                "w:br" | "w:cr" => {
                    if c.attr("w:type") == Some("page") {
                        para.page_break = true;
                    } else {
                        push(para, &mut text, &mut brk);
                        brk = true;
                    }
                }
                "w:fldChar" => match c.attr("w:fldCharType") {
                    Some("begin") => *in_instr = true,
                    Some("separate") | Some("end") => *in_instr = false,
                    _ => {}
                },
                "w:drawing" => self.drawing(c, para, boxes),
                "w:pict" | "w:object" => self.vml(c, para, boxes),
                "mc:AlternateContent" => {
                    // The first branch Word would take: the `wps`/`wpg` choice. Its fallback
                    // repeats the same picture (and text) in VML.
                    let branch = c.child("mc:Choice").or_else(|| c.child("mc:Fallback"));
                    if let Some(b) = branch {
                        for inner in b.elements() {
                            match inner.name.as_ref() {
                                "w:drawing" => self.drawing(inner, para, boxes),
                                "w:pict" => self.vml(inner, para, boxes),
                                _ => {}
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        push(para, &mut text, &mut brk);
    }

    fn drawing<'e>(&self, d: &'e El, para: &mut RawPara, boxes: &mut Vec<&'e El>) {
        for anchor in d.elements() {
            let cx = anchor
                .child("wp:extent")
                .and_then(|e| e.attr("cx"))
                .and_then(|v| v.parse::<i64>().ok())
                .unwrap_or(0);
            let cy = anchor
                .child("wp:extent")
                .and_then(|e| e.attr("cy"))
                .and_then(|v| v.parse::<i64>().ok())
                .unwrap_or(0);
            for sp in anchor.descendants("wps:wsp") {
                let geom = sp
                    .descendants("a:prstGeom")
                    .first()
                    .and_then(|g| g.attr("prst"))
                    .unwrap_or("");
                let connector = sp.child("wps:cNvCnPr").is_some();
                // A free-form path that is one horizontal segment (a line drawn in a group).
                let cust_line = sp.descendants("a:path").first().is_some_and(|path| {
                    let pts: Vec<&El> = path.descendants("a:pt");
                    pts.len() == 2
                        && pts[0].attr("y") == pts[1].attr("y")
                        && path.descendants("a:lnTo").len() == 1
                });
                let own_cx = sp
                    .descendants("a:ext")
                    .first()
                    .and_then(|e| e.attr("cx"))
                    .and_then(|v| v.parse::<i64>().ok());
                let cx = if cust_line { own_cx.unwrap_or(cx) } else { cx };
                let is_line = cust_line
                    || geom == "line"
                    || geom.contains("Connector")
                    || connector
                    || (geom == "rect"
                        && cy < 2 * 12700
                        && cx > 0
                        && sp.child("wps:txbx").is_none());
                // A horizontal line: as wide as it is long, no height to speak of.
                if is_line && cx > 0 && (cust_line || cy.abs() < 3 * 12700) {
                    para.rules.push(RawLine {
                        length: (cx / 635) as u32,
                        kind: LineKind::Shape,
                        x: line_x(anchor, cx),
                    });
                }
                if let Some(tb) = sp.child("wps:txbx").and_then(|t| t.child("w:txbxContent")) {
                    boxes.push(tb);
                }
            }
            // Groups and pictures may hold text boxes too.
            for tb in anchor.descendants("w:txbxContent") {
                if !boxes.iter().any(|b| std::ptr::eq(*b, tb)) {
                    boxes.push(tb);
                }
            }
        }
    }

    fn vml<'e>(&self, pict: &'e El, para: &mut RawPara, boxes: &mut Vec<&'e El>) {
        for line in pict.descendants("v:line") {
            let pt = |v: Option<&str>| -> Option<(f64, f64)> {
                let mut it = v?.split(',');
                Some((length_pt(it.next()?)?, length_pt(it.next().unwrap_or("0"))?))
            };
            if let (Some(a), Some(b)) = (pt(line.attr("from")), pt(line.attr("to")))
                && (a.1 - b.1).abs() < 3.0
            {
                para.rules.push(RawLine {
                    length: ((b.0 - a.0).abs() * 20.0).round() as u32,
                    kind: LineKind::Vml,
                    x: None,
                });
            }
        }
        // A straight connector drawn as a shape (`type="#_x0000_t32"`, `o:connectortype`), as
        // Word 2003 drew a ministry's header rules: a line as long as its box is wide, when the
        // box is flat.
        for shape in pict.descendants("v:shape") {
            let connector = shape
                .attr("type")
                .is_some_and(|t| t.ends_with("_x0000_t32"))
                || shape.attr("o:connectortype").is_some();
            if !connector {
                continue;
            }
            let style = shape.attr("style").unwrap_or("");
            let prop = |name: &str| {
                style.split(';').find_map(|kv| {
                    let (k, v) = kv.split_once(':')?;
                    (k.trim() == name).then(|| length_pt(v)).flatten()
                })
            };
            if let (Some(w), Some(h)) = (prop("width"), prop("height"))
                && w > 0.0
                && h.abs() < 3.0
            {
                para.rules.push(RawLine {
                    length: (w * 20.0).round() as u32,
                    kind: LineKind::Vml,
                    x: None,
                });
            }
        }
        for tb in pict.descendants("w:txbxContent") {
            boxes.push(tb);
        }
    }
}

/// A VML length (`61.65pt`, `1.2in`, `3cm`, bare numbers in EMU-free "px") in points.
fn length_pt(v: &str) -> Option<f64> {
    let v = v.trim();
    let (num, unit) = v
        .find(|c: char| c.is_ascii_alphabetic())
        .map_or((v, ""), |i| (&v[..i], &v[i..]));
    let n: f64 = num.trim().parse().ok()?;
    Some(match unit {
        "pt" | "" => n,
        "in" => n * 72.0,
        "cm" => n * 72.0 / 2.54,
        "mm" => n * 72.0 / 25.4,
        "px" => n * 0.75,
        "pc" => n * 12.0,
        "emu" => n / 12700.0,
        _ => n,
    })
}

/// A rule typed with dashes, stars or equals signs (`-----`, `***`, `====`): on the page it
/// is a dotted or broken line, not the solid rule the decree draws; it is never text.
pub fn is_typed_rule(t: &str) -> bool {
    // The ornaments some offices set in the middle of a typed rule (`---o0o---`, `___&___`).
    let t = t
        .replace(['&', '❖', '♦', '•'], "")
        .replace("o0o", "")
        .replace("oOo", "");
    let t = t.trim();
    let mut chars = t.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    let rule_char = |c: char| {
        matches!(
            c,
            '-' | '–' | '—' | '─' | '*' | '=' | '~' | '_' | '¯' | '‾' | '\u{F02D}'
            // The en and em dash of code page 1252 read as Latin-1 (`U+0096`, `U+0097`), as
            // an old file converted from .doc keeps them.
            | '\u{96}' | '\u{97}'
        ) || is_extender(c)
    };
    rule_char(first)
        && t.chars().filter(|c| !c.is_whitespace()).count() >= 3
        && chars.all(rule_char)
}

/// A line holding two typed rules parted by a tab.
fn two_typed_rules(t: &str) -> bool {
    let t = t.trim();
    t.split_once('\t').is_some_and(|(a, b)| {
        !a.trim().is_empty() && !b.trim().is_empty() && is_typed_rule(a) && is_typed_rule(b)
    })
}

/// The Symbol font's horizontal line extender, as old documents type it (`U+F0BE` in the
/// private area, or mapped to `⎯`): one em wide, and a row of them prints as one solid line.
fn is_extender(c: char) -> bool {
    matches!(c, '\u{F0BE}' | '\u{23AF}')
}

/// A paragraph (or a column of one) that is only a typed rule becomes the line it draws,
/// measured in its font: underscores a solid line, dashes, stars and ornaments a broken one.
pub fn typed_rule_to_line(p: &mut RawPara) {
    let text = p.text();
    let t = text.trim();
    if !is_typed_rule(t) {
        return;
    }
    // Underscores set in superscript (a ministry's header rules) print at two thirds of
    // their size, and so does the line they make.
    let size = p.visible().next().map_or(28, |r| {
        if r.look.script {
            // Any size may stand in the XML: worked out wide, so the product cannot overflow.
            (u64::from(r.look.size) * 2 / 3) as u32
        } else {
            r.look.size
        }
    });
    // Underscores and extenders print as one solid line; dashes and stars as a broken one.
    let underscores = t
        .chars()
        .all(|c| c == '_' || is_extender(c) || c.is_whitespace());
    // An extender is one em: the size in half-points times ten twips (any size may stand in
    // the XML: the product saturates).
    let extenders = t.chars().filter(|c| is_extender(*c)).count() as u32;
    let rest: String = t.chars().filter(|c| !is_extender(*c)).collect();
    p.rules.push(RawLine {
        length: crate::metrics::width_twips(rest.trim(), crate::metrics::Face::Regular, size)
            .saturating_add(extenders.saturating_mul(size).saturating_mul(10)),
        kind: if underscores {
            LineKind::Text
        } else {
            LineKind::Typed
        },
        x: None,
    });
    p.runs.clear();
}

/// Where a floating shape's middle stands across the page, from its anchor's horizontal
/// position: an offset from the column or the margin (the text's left edge), or from the page.
/// An inline shape, or one placed by alignment, says nothing.
fn line_x(anchor: &El, cx: i64) -> Option<LineX> {
    let h = anchor.child("wp:positionH")?;
    let offset: i64 = h.child("wp:posOffset")?.text().trim().parse().ok()?;
    let from_page = match h.attr("relativeFrom") {
        Some("column" | "margin" | "character") => false,
        Some("page") => true,
        _ => return None,
    };
    // Any i64 may stand in the XML: the sum saturates, the twips are clamped.
    let centre = offset.saturating_add(cx / 2) / 635;
    Some(LineX {
        centre: centre.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        from_page,
    })
}

/// Walks the body of the main part.
pub fn walk(
    body: &El,
    styles: &Styles,
    numbering: Numbering,
    rels: &[(String, String)],
    dir: &str,
) -> RawBody {
    let mut w = Walker {
        styles,
        numbering,
        rels,
        dir: dir.to_string(),
        out: RawBody::default(),
        section: 0,
        count: 0,
        table_style: None,
    };
    w.blocks(body, None, false);
    if w.out.sections.is_empty() {
        w.out.sections.push(RawSection {
            width: 11906,
            height: 16838,
            ..RawSection::default()
        });
    }
    // Paragraphs after the last section break belong to the final section.
    let last = w.out.sections.len() - 1;
    for p in &mut w.out.paras {
        p.section = p.section.min(last);
    }
    w.out
}

/// The look of a header's page number: the run holding the `PAGE` field code (Word gives the
/// number the field's own formatting), under the paragraph that holds that run. A number in a
/// text box sits in a paragraph inside another one: the outer paragraph's run that anchors the
/// box is not the number's.
pub fn page_number_look(root: &El, styles: &Styles) -> Option<RunLook> {
    fn is_page(s: &str) -> bool {
        s.split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("PAGE"))
    }
    fn walk(el: &El, para: Option<&El>, styles: &Styles) -> Option<RunLook> {
        for c in el.elements() {
            let direct =
                if c.name == "w:r" && c.children_named("w:instrText").any(|i| is_page(&i.text())) {
                    Some(c.child("w:rPr"))
                } else if c.name == "w:fldSimple" && c.attr("w:instr").is_some_and(is_page) {
                    Some(c.descendants("w:rPr").first().copied())
                } else {
                    None
                };
            if let Some(direct) = direct {
                let props = para
                    .and_then(|p| p.child("w:pPr"))
                    .map(PProps::parse)
                    .unwrap_or_default();
                let props = styles.paragraph(&props, None, None);
                let direct = direct.map(RProps::parse).unwrap_or_default();
                return Some(styles.run(&props, &direct, None));
            }
            let inner = if c.name == "w:p" { Some(c) } else { para };
            if let Some(look) = walk(c, inner, styles) {
                return Some(look);
            }
        }
        None
    }
    walk(root, None, styles)
}

/// Whether a header or footer part shows a page number (a `PAGE` field, simple or complex). A
/// field in white or hidden prints nothing: offices hide page 1's number that way instead of a
/// different first page (two Ban QLDA reports with a white `PAGE` were told "page 1 has a
/// number").
pub fn has_page_field(root: &El) -> bool {
    let is_page = |s: &str| {
        s.split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("PAGE"))
    };
    let shown = |run_props: Option<&El>| {
        !run_props.is_some_and(|r| {
            RProps::parse(r).vanish == Some(true)
                || r.child("w:color")
                    .and_then(|c| c.attr("w:val"))
                    .is_some_and(|c| {
                        c.eq_ignore_ascii_case("FFFFFF") || c.eq_ignore_ascii_case("white")
                    })
        })
    };
    root.descendants("w:r").iter().any(|r| {
        r.children_named("w:instrText").any(|i| is_page(&i.text())) && shown(r.child("w:rPr"))
    }) || root.descendants("w:fldSimple").iter().any(|f| {
        f.attr("w:instr").is_some_and(is_page) && shown(f.descendants("w:rPr").first().copied())
    })
}

/// The effective line spacing rule, `auto` when unstated.
pub fn line_rule(p: &PProps) -> LineRule {
    p.line_rule.unwrap_or(LineRule::Auto)
}

/// Plain text of a header or footer part, for position checks.
pub fn part_text(root: &El) -> String {
    let mut s = String::new();
    for p in root.descendants("w:p") {
        for t in p.descendants("w:t") {
            s.push_str(&t.text());
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(position: &str) -> El {
        crate::reader::dom::parse(&format!(
            r#"<wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">{position}<wp:extent cx="1558137" cy="0"/></wp:anchor>"#
        ))
        .expect("well-formed")
    }

    /// A line's middle from its anchor: the offset plus half its width, in twips, counted
    /// from the column or the page; nothing for a line placed by alignment.
    #[test]
    fn a_floating_line_stands_where_its_offset_puts_it() {
        let col = anchor(
            r#"<wp:positionH relativeFrom="column"><wp:posOffset>793750</wp:posOffset></wp:positionH>"#,
        );
        assert_eq!(
            line_x(&col, 1_558_137),
            Some(LineX {
                centre: (793_750 + 1_558_137 / 2) / 635,
                from_page: false
            })
        );
        let page = anchor(
            r#"<wp:positionH relativeFrom="page"><wp:posOffset>5000000</wp:posOffset></wp:positionH>"#,
        );
        assert!(line_x(&page, 1_558_137).is_some_and(|x| x.from_page));
        let aligned = anchor(
            r#"<wp:positionH relativeFrom="column"><wp:align>center</wp:align></wp:positionH>"#,
        );
        assert_eq!(line_x(&aligned, 1_558_137), None);
    }

    /// A page number in a text box: the box is anchored by a run of the footer's outer
    /// paragraph, in the footer style's 14 pt; the number itself is 12 pt.
    #[test]
    fn a_page_number_in_a_text_box_has_its_own_look() {
        let styles = crate::reader::styles::Styles::parse(
            Some(
                r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Footer"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/><w:sz w:val="28"/></w:rPr></w:style></w:styles>"#,
            ),
            crate::reader::styles::Theme::default(),
        );
        let footer = crate::reader::dom::parse(
            r#"<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:pict><w:txbxContent><w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="24"/></w:rPr><w:instrText> PAGE </w:instrText></w:r></w:p></w:txbxContent></w:pict></w:r></w:p></w:ftr>"#,
        )
        .expect("well-formed");
        let look = page_number_look(&footer, &styles).expect("a PAGE field");
        assert_eq!((look.font.as_str(), look.size), ("Times New Roman", 24));
    }

    /// A page number coloured white (page 1's header of two Ban QLDA reports) or hidden prints
    /// nothing: that header shows no page number.
    #[test]
    fn a_white_or_hidden_page_field_shows_no_number() {
        let part = |rpr: &str| {
            crate::reader::dom::parse(&format!(
                r#"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:rPr>{rpr}</w:rPr><w:instrText> PAGE </w:instrText></w:r></w:p></w:hdr>"#
            ))
            .expect("well-formed")
        };
        assert!(has_page_field(&part("")));
        assert!(has_page_field(&part(r#"<w:color w:val="000000"/>"#)));
        assert!(has_page_field(&part(r#"<w:vanish w:val="0"/>"#)));
        assert!(!has_page_field(&part(r#"<w:color w:val="FFFFFF"/>"#)));
        assert!(!has_page_field(&part("<w:vanish/>")));
    }
}
