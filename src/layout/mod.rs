//! Layout: a checked `Draft` becomes a `Document`. The kind template is filled and its markup
//! parsed into body blocks; the header, title, signature block and Nơi nhận are built from the
//! core facts; every block gets its formatting resolved from `nd30` and its source location.
//! The writer then only writes what this step decided.

use crate::draft::{Draft, FieldValue, number};
use crate::finding::{Finding, Location};
use crate::markup::{self, Inline, MBlock, Mark};
use crate::metrics::{self, Face};
use crate::model::*;
use crate::nd30::{self, FONT};
use crate::template::{FieldKind, Form};
use crate::{msg, text};
use serde_json::{Map, Value};
use std::borrow::Cow;

mod annex;
mod body;
mod copy;
mod header;
mod signature;
mod table;
mod title;

/// The document and the warnings met while laying it out.
pub struct Laid {
    pub doc: Document,
    pub warnings: Vec<Finding>,
}
pub fn page_portrait() -> PageSetup {
    PageSetup {
        width: nd30::PAGE_WIDTH,
        height: nd30::PAGE_HEIGHT,
        landscape: false,
        margins: Margins {
            top: nd30::MARGIN_TOP.value,
            bottom: nd30::MARGIN_BOTTOM.value,
            left: nd30::MARGIN_LEFT.value,
            right: nd30::MARGIN_RIGHT.value,
            header: nd30::HEADER_DISTANCE,
            footer: nd30::FOOTER_DISTANCE,
        },
        page_numbers: true,
        first_page_unnumbered: true,
        restart_at: None,
        numbers_in_footer: false,
        number_size: nd30::SIZE_PAGE_NUMBER.value,
        number_font: None,
    }
}
fn fmt(align: Align) -> ParaFormat {
    ParaFormat {
        align,
        indent_first: 0,
        indent_left: 0,
        indent_right: 0,
        space_before: 0,
        space_after: 0,
        line: nd30::LINE_SINGLE,
        line_rule: LineRule::Auto,
        keep_next: false,
        boxed: false,
    }
}
fn body_fmt() -> ParaFormat {
    ParaFormat {
        align: Align::Justify,
        indent_first: nd30::INDENT_FIRST_LINE.value as i32,
        space_before: nd30::PARA_SPACING.value,
        line: nd30::LINE_SPACING.value,
        ..fmt(Align::Justify)
    }
}
fn run(text: impl Into<String>, size: u32, bold: bool, italic: bool) -> Run {
    Run {
        text: text.into(),
        font: Cow::Borrowed(FONT),
        size,
        bold,
        italic,
        break_before: false,
        spacing: 0,
    }
}
fn para(
    role: Role,
    region: Region,
    format: ParaFormat,
    runs: Vec<Run>,
    source: Option<Location>,
) -> Block {
    Block {
        role,
        level: 0,
        region,
        content: Content::Paragraph(Paragraph { runs, format }),
        source,
    }
}
/// Size (half-points) and emphasis of a one-run line.
#[derive(Debug, Clone, Copy)]
struct Look {
    size: u32,
    bold: bool,
    italic: bool,
}

impl Look {
    fn new(size: u32, bold: bool, italic: bool) -> Self {
        Self { size, bold, italic }
    }
}
fn line(
    role: Role,
    region: Region,
    format: ParaFormat,
    text: &str,
    look: Look,
    source: Option<Location>,
) -> Block {
    let r = run(text, look.size, look.bold, look.italic);
    para(role, region, format, vec![r], source)
}
fn rule(region: Region, length: u32, region_width: u32) -> Block {
    Block {
        role: Role::DrawnLine,
        level: 0,
        region,
        content: Content::DrawnLine(DrawnLine {
            length,
            region_width,
            weight_emu: nd30::RULE_WIDTH_EMU,
            typed: false,
        }),
        source: None,
    }
}
/// The widest line `text` takes when wrapped to `width`.
fn longest_line(text: &str, face: Face, size: u32, width: u32) -> u32 {
    metrics::wrap(text, face, size, width)
        .iter()
        .map(|l| metrics::width_twips(l, face, size))
        .max()
        .unwrap_or(0)
}

/// A place in the draft, as a block's source.
fn at(l: &Location) -> Option<Location> {
    Some(l.clone())
}

pub fn lay_out(d: &Draft) -> Result<Laid, Finding> {
    let mut warnings = d.warnings.clone();
    let page = page_portrait();
    let tw = page.text_width();
    let mut b: Vec<Block> = Vec::new();
    header::left(d, &mut b, &mut warnings);
    header::right(d, &mut b);
    title::title(d, &mut b, tw);
    title::kinh_gui(d, &mut b, tw);
    title::quyet_dinh(d, &mut b);
    let origins = body::body(d, &mut b, tw)?;
    if !d.attached() {
        signature::signature(d, &mut b);
    }
    if let Some(bs) = &d.ban_sao {
        copy::copy_block(bs, &mut b, tw);
    }
    let mut sections = vec![Section { page, blocks: b }];
    sections.extend(annex::annexes(d, &origins));
    let doc = Document {
        kind: d.template.id.clone(),
        ten_loai: d.template.ten_loai.clone(),
        number: d.so,
        ky_hieu: d.ky_hieu.v.clone(),
        sections,
        legacy: None,
    };
    Ok(Laid { doc, warnings })
}

#[cfg(test)]
mod tests {
    use super::body::*;
    use super::table::*;
    use super::*;

    /// A sentence written twice is traced to each of its own lines, not twice to the first.
    #[test]
    fn repeated_lines_are_traced_to_their_own_occurrence() {
        let at = |line| Location::file("d.toml").at(line, 1);
        let origins = vec![
            ("Kiểm tra hồ sơ.".to_string(), at(5)),
            ("Báo cáo kết quả.".to_string(), at(6)),
            ("Kiểm tra hồ sơ.".to_string(), at(9)),
        ];
        let mut from = 0;
        let lines: Vec<Option<usize>> = [
            "Kiểm tra hồ sơ.",
            "Báo cáo kết quả.",
            "Kiểm tra hồ sơ.",
            "Không có.",
        ]
        .iter()
        .map(|t| origin_of(&origins, &mut from, &Mark::Para, &cell(t)).and_then(|l| l.line))
        .collect();
        assert_eq!(lines, vec![Some(5), Some(6), Some(9), None]);
    }

    fn cell(t: &str) -> Vec<Inline> {
        vec![Inline {
            text: t.into(),
            bold: false,
            italic: false,
            break_before: false,
        }]
    }

    #[test]
    fn short_columns_keep_their_words_whole() {
        let long = "Tuyên truyền, phổ biến pháp luật về phòng cháy, chữa cháy rừng đến chủ rừng";
        let rows = vec![
            vec![cell("TT"), cell("Nhiệm vụ"), cell("Ghi chú")],
            vec![cell("1"), cell(long), cell("")],
        ];
        let size = nd30::SIZE_TABLE.value;
        let w = column_widths(&rows, 1, 3, size, nd30::TEXT_WIDTH);
        assert_eq!(w.iter().sum::<u32>(), nd30::TEXT_WIDTH);
        assert!(w[0] >= metrics::width_twips("TT", Face::Bold, size) + CELL_PADDING);
        assert!(w[2] >= metrics::width_twips("chú", Face::Bold, size) + CELL_PADDING);
        assert!(w[1] > w[0] * 4, "{w:?}");
    }

    #[test]
    fn too_many_columns_still_fill_the_width() {
        let row: Vec<Vec<Inline>> = (0..30).map(|_| cell("Mười")).collect();
        let w = column_widths(&[row], 0, 30, nd30::SIZE_TABLE.value, 3000);
        assert_eq!(w.iter().sum::<u32>(), 3000);
    }
}
