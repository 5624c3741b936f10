//! The DOCX writer: the only code that knows WordprocessingML. `to_bytes` streams the body
//! parts (document, headers, footers) straight from the `Document` in schema order
//! (`stream`) and zips them into a package whose other parts docx-rs made once per run
//! (`pack`). The docx-rs element tree below (`build`) is the reference that stream is tested
//! against byte for byte: docx-rs writes property children out of schema order, so its
//! output goes through a packing pass that reorders them (`canon`), draws the rules as the
//! movable line shapes Word itself writes (`shapes`), writes section breaks (`sections`),
//! fixes dates, drops random ids and zips in a fixed order with fixed timestamps.

mod canon;
mod pack;
mod sections;
mod shapes;
mod stream;

use crate::model::{self, Align, Block, Content, Document, Region};
use crate::nd30::{self, FONT};
use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, FieldCharType, Footer, Header, InstrText,
    LineSpacing, LineSpacingType, PageMargin, PageNumType, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SpecialIndentType, Table, TableCell,
    TableCellMargins, TableLayoutType, TableRow, WidthType,
};

pub use canon::canonicalize;
pub use pack::repack;
pub use sections::section_xml;
pub use shapes::RuleShape;

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("xml: {0}")]
    Xml(String),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

/// The placeholder text that marks where a rule shape goes; replaced in the packing pass.
pub(crate) fn rule_marker(n: usize) -> String {
    format!("VBHC-RULE-{n:04}")
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

fn align(a: Align) -> AlignmentType {
    match a {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

struct Builder {
    rules: Vec<RuleShape>,
}

impl Builder {
    fn run(&self, r: &model::Run) -> Run {
        let mut run = Run::new().fonts(fonts()).size(r.size as usize);
        if r.bold {
            run = run.bold();
        }
        if r.italic {
            run = run.italic();
        }
        if r.break_before {
            run = run.add_break(BreakType::TextWrapping);
        }
        run.add_text(&r.text)
    }

    fn paragraph(&self, p: &model::Paragraph) -> Paragraph {
        let f = &p.format;
        let special = match f.indent_first {
            0 => None,
            n if n > 0 => Some(SpecialIndentType::FirstLine(n)),
            n => Some(SpecialIndentType::Hanging(-n)),
        };
        let mut para = Paragraph::new()
            .align(align(f.align))
            .indent(
                Some(f.indent_left as i32),
                special,
                Some(f.indent_right as i32),
                None,
            )
            .line_spacing(
                LineSpacing::new()
                    .before(f.space_before)
                    .after(f.space_after)
                    .line(f.line as i32)
                    .line_rule(match f.line_rule {
                        model::LineRule::Auto => LineSpacingType::Auto,
                        model::LineRule::Exact => LineSpacingType::Exact,
                        model::LineRule::AtLeast => LineSpacingType::AtLeast,
                    }),
            )
            .keep_next(f.keep_next);
        if f.boxed {
            let side = |pos| {
                ParagraphBorder::new(pos)
                    .val(BorderType::Single)
                    .size(8)
                    .space(1)
                    .color("000000")
            };
            para = para.set_borders(
                ParagraphBorders::with_empty()
                    .set(side(ParagraphBorderPosition::Top))
                    .set(side(ParagraphBorderPosition::Left))
                    .set(side(ParagraphBorderPosition::Bottom))
                    .set(side(ParagraphBorderPosition::Right)),
            );
        }
        // The paragraph mark carries the size of its text, so an empty line keeps its height.
        let size = p.runs.first().map_or(nd30::SIZE_BODY.value, |r| r.size) as usize;
        para = para.size(size).fonts(fonts());
        for r in &p.runs {
            para = para.add_run(self.run(r));
        }
        para
    }

    /// An empty paragraph of small exact height holding the rule shape, centred in its region.
    fn rule(&mut self, r: &model::Rule) -> Paragraph {
        let n = self.rules.len();
        self.rules.push(RuleShape {
            length: r.length,
            offset: r.region_width.saturating_sub(r.length) / 2,
            weight_emu: r.weight_emu,
            id: n + 1,
        });
        Paragraph::new()
            .line_spacing(
                LineSpacing::new()
                    .before(0)
                    .after(0)
                    .line(120)
                    .line_rule(LineSpacingType::Exact),
            )
            .size(4)
            .add_run(Run::new().size(4).add_text(rule_marker(n)))
    }

    fn table(&self, t: &model::Table) -> Table {
        let rows = t
            .rows
            .iter()
            .map(|r| {
                let cells = r
                    .iter()
                    .zip(&t.columns)
                    .map(|(cell, w)| {
                        let mut c = TableCell::new().width(*w as usize, WidthType::Dxa);
                        for p in cell {
                            c = c.add_paragraph(self.paragraph(p));
                        }
                        c
                    })
                    .collect();
                TableRow::new(cells).cant_split()
            })
            .collect();
        Table::new(rows)
            .set_grid(t.columns.iter().map(|c| *c as usize).collect())
            .layout(TableLayoutType::Fixed)
            .width(t.columns.iter().sum::<u32>() as usize, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(0, 80, 0, 80))
    }

    fn block(&mut self, b: &Block) -> Option<Child> {
        match &b.content {
            Content::Paragraph(p) => Some(Child::P(self.paragraph(p))),
            Content::Rule(r) => Some(Child::P(self.rule(r))),
            Content::Table(t) => Some(Child::T(self.table(t))),
            Content::Slot(_) => None,
        }
    }

    /// A borderless two-column table (header, signature) from blocks of two regions.
    fn columns(
        &mut self,
        left: &[&Block],
        right: &[&Block],
        widths: (u32, u32),
        cant_split: bool,
    ) -> Table {
        let mut cell = |blocks: &[&Block], w: u32| {
            let mut c = TableCell::new().width(w as usize, WidthType::Dxa);
            let mut any = false;
            for b in blocks {
                if let Some(Child::P(p)) = self.block(b) {
                    c = c.add_paragraph(p);
                    any = true;
                }
            }
            if !any {
                c = c.add_paragraph(Paragraph::new());
            }
            c
        };
        let l = cell(left, widths.0);
        let r = cell(right, widths.1);
        let mut row = TableRow::new(vec![l, r]);
        if cant_split {
            row = row.cant_split();
        }
        Table::without_borders(vec![row])
            .set_grid(vec![widths.0 as usize, widths.1 as usize])
            .layout(TableLayoutType::Fixed)
            .width((widths.0 + widths.1) as usize, WidthType::Dxa)
            .margins(TableCellMargins::new().margin(0, 0, 0, 0))
    }
}

enum Child {
    P(Paragraph),
    T(Table),
}

fn page_number_header(size: u32) -> Header {
    let run = || Run::new().fonts(fonts()).size(size as usize);
    let p = Paragraph::new()
        .align(AlignmentType::Center)
        .size(size as usize)
        .fonts(fonts())
        .add_run(run().add_field_char(FieldCharType::Begin, false))
        .add_run(run().add_instr_text(InstrText::PAGE(docx_rs::InstrPAGE::new())))
        .add_run(run().add_field_char(FieldCharType::Separate, false))
        .add_run(run().add_text("2"))
        .add_run(run().add_field_char(FieldCharType::End, false));
    Header::new().add_paragraph(p)
}

fn empty_header() -> Header {
    Header::new().add_paragraph(Paragraph::new())
}

fn margin(p: &model::PageSetup) -> PageMargin {
    let m = p.margins;
    PageMargin::new()
        .top(m.top as i32)
        .bottom(m.bottom as i32)
        .left(m.left as i32)
        .right(m.right as i32)
        .header(m.header as i32)
        .footer(m.footer as i32)
        .gutter(0)
}

/// What a section's blocks become in the body, in order: a block of its own, the two-column
/// table of a header or signature group, or a paragraph of the page-1 address footer. Both
/// writers walk the same list, so they number rules alike.
pub(crate) enum Item<'a> {
    Block(&'a Block),
    Columns {
        left: Vec<&'a Block>,
        right: Vec<&'a Block>,
        widths: (u32, u32),
        cant_split: bool,
    },
    Footer(&'a Block),
}

/// Groups the blocks of one section: consecutive header (or signature) regions make one table.
pub(crate) fn items(blocks: &[Block]) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let blk = &blocks[i];
        match blk.region {
            Region::HeaderLeft | Region::HeaderRight | Region::SignLeft | Region::SignRight => {
                let header = matches!(blk.region, Region::HeaderLeft | Region::HeaderRight);
                let mut j = i;
                while j < blocks.len()
                    && blocks[j].region != Region::Page
                    && blocks[j].region != Region::Footer
                {
                    let is_header =
                        matches!(blocks[j].region, Region::HeaderLeft | Region::HeaderRight);
                    if is_header != header {
                        break;
                    }
                    j += 1;
                }
                let group = &blocks[i..j];
                let (lr, rr) = if header {
                    (Region::HeaderLeft, Region::HeaderRight)
                } else {
                    (Region::SignLeft, Region::SignRight)
                };
                out.push(Item::Columns {
                    left: group.iter().filter(|x| x.region == lr).collect(),
                    right: group.iter().filter(|x| x.region == rr).collect(),
                    widths: if header {
                        (nd30::HEADER_LEFT_COL, nd30::HEADER_RIGHT_COL)
                    } else {
                        (nd30::SIGN_LEFT_COL, nd30::SIGN_RIGHT_COL)
                    },
                    cant_split: !header,
                });
                i = j;
            }
            Region::Footer => {
                out.push(Item::Footer(blk));
                i += 1;
            }
            Region::Page => {
                out.push(Item::Block(blk));
                i += 1;
            }
        }
    }
    out
}

/// Lays the blocks of one section out as docx children.
fn section_children(b: &mut Builder, blocks: &[Block]) -> (Vec<Child>, Vec<Paragraph>) {
    let mut out = Vec::new();
    let mut footer = Vec::new();
    for item in items(blocks) {
        match item {
            Item::Columns {
                left,
                right,
                widths,
                cant_split,
            } => out.push(Child::T(b.columns(&left, &right, widths, cant_split))),
            Item::Footer(blk) => {
                if let Some(Child::P(p)) = b.block(blk) {
                    footer.push(p);
                }
            }
            Item::Block(blk) => {
                if let Some(c) = b.block(blk) {
                    out.push(c);
                }
            }
        }
    }
    (out, footer)
}

fn first_footer(paragraphs: Vec<Paragraph>) -> Footer {
    let mut f = Footer::new();
    for (i, mut p) in paragraphs.into_iter().enumerate() {
        if i == 0 {
            p = p.set_borders(
                ParagraphBorders::with_empty().set(
                    ParagraphBorder::new(ParagraphBorderPosition::Top)
                        .val(BorderType::Single)
                        .size(6)
                        .space(1)
                        .color("000000"),
                ),
            );
        }
        f = f.add_paragraph(p);
    }
    f
}

/// A section break the packing pass writes (docx-rs 0.4.22's `Section` drops every header or
/// footer but the first one given to it, so vbhc writes the `sectPr` of all sections but the
/// last itself, pointing at the same header and footer parts as the last).
#[derive(Debug, Clone)]
pub struct SectionBreak {
    pub page: model::PageSetup,
}

pub(crate) fn section_marker(n: usize) -> String {
    format!("VBHC-SECTION-{n:04}")
}

/// What the packing pass needs besides the package: the rules and the section breaks.
#[derive(Debug, Default)]
pub struct Extras {
    pub rules: Vec<RuleShape>,
    pub breaks: Vec<SectionBreak>,
}

/// A package with vbhc's styles and nothing else: the styles are the same for every document
/// (the decree's font and size), so the packing pass can make them once per run.
pub(crate) fn styled() -> Docx {
    Docx::new()
        .default_fonts(fonts())
        .default_size(nd30::SIZE_BODY.value as usize)
}

/// vbhc's styles with fixed dates, so the same document is the same bytes.
pub(crate) fn dated() -> Docx {
    styled()
        .created_at("2026-01-01T00:00:00Z")
        .updated_at("2026-01-01T00:00:00Z")
}

/// Adds the headers and footers, in the order docx-rs numbers their parts: the page-number
/// header when pages are numbered (header1), the empty first-page header, and with the page-1
/// address block its first-page footer (footer1) and an empty default one (footer2), so other
/// pages and later sections show nothing.
pub(crate) fn headers_and_footers(
    mut docx: Docx,
    page_numbers: Option<Header>,
    address: Option<Footer>,
) -> Docx {
    if let Some(h) = page_numbers {
        docx = docx.header(h);
    }
    docx = docx.first_header(empty_header());
    if let Some(f) = address {
        docx = docx
            .first_footer(f)
            .footer(Footer::new().add_paragraph(Paragraph::new()));
    }
    docx
}

/// docx-rs's package without the parts `pack::shared` makes once per run (styles and the
/// numbering it always adds).
pub(crate) fn build_without_shared(mut docx: Docx) -> docx_rs::XMLDocx {
    docx.styles = docx_rs::Styles::new();
    docx.numberings = docx_rs::Numberings::new();
    docx.build()
}

/// Builds the docx-rs document; shapes and section breaks are left as markers for the packing
/// pass.
pub fn build(doc: &Document) -> (Docx, Extras) {
    let mut b = Builder { rules: Vec::new() };
    let mut docx = dated();
    let mut breaks = Vec::new();
    let mut footer_paras = Vec::new();
    let n = doc.sections.len();
    for (si, s) in doc.sections.iter().enumerate() {
        let (children, footer) = section_children(&mut b, &s.blocks);
        if si == 0 {
            footer_paras = footer;
        }
        for c in children {
            docx = match c {
                Child::P(p) => docx.add_paragraph(p),
                Child::T(t) => docx.add_table(t),
            };
        }
        if si + 1 < n {
            docx = docx.add_paragraph(
                Paragraph::new()
                    .size(2)
                    .line_spacing(LineSpacing::new().before(0).after(0))
                    .add_run(Run::new().add_text(section_marker(si))),
            );
            breaks.push(SectionBreak {
                page: s.page.clone(),
            });
        }
    }
    // The last section's setup is the document's own; headers and footers are shared by all
    // sections (page numbers from page 2 of each section on).
    let last = &doc.sections[n - 1].page;
    docx = docx
        .page_size(last.width, last.height)
        .page_margin(margin(last));
    if last.landscape {
        docx = docx.page_orient(docx_rs::PageOrientationType::Landscape);
    }
    if let Some(start) = last.restart_at {
        docx = docx.page_num_type(PageNumType::new().start(start));
    }
    let numbered = last.page_numbers || doc.sections.iter().any(|s| s.page.page_numbers);
    docx = headers_and_footers(
        docx,
        numbered.then(|| page_number_header(last.number_size)),
        (!footer_paras.is_empty()).then(|| first_footer(footer_paras)),
    );
    (
        docx,
        Extras {
            rules: b.rules,
            breaks,
        },
    )
}

/// The raw docx-rs package, before the packing pass (kept for the test that proves the pass
/// is needed).
pub fn raw_bytes(doc: &Document) -> Result<Vec<u8>, WriteError> {
    let (docx, _) = build(doc);
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut buf)?;
    Ok(buf.into_inner())
}

/// The DOCX bytes vbhc writes: deterministic, schema-ordered, with real rule shapes. The body
/// parts are streamed from the model (`stream`); the package around them is docx-rs's.
pub fn to_bytes(doc: &Document) -> Result<Vec<u8>, WriteError> {
    pack::assemble(stream::write(doc)?)
}

/// The same package made the slower way, through docx-rs's element tree and the packing
/// pass: the reference `to_bytes` is tested against, byte for byte.
pub fn reference_bytes(doc: &Document) -> Result<Vec<u8>, WriteError> {
    let (docx, extras) = build(doc);
    repack(build_without_shared(docx), &extras)
}
