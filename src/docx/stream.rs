//! The body parts (`word/document.xml`, headers, footers) written straight from the model,
//! in schema order, into one string per part.
//!
//! Why not docx-rs for these: building its element tree and writing it (its XML builder moves
//! the writer by value at every element) and then putting the result in schema order
//! (`canon`) was half of what a batch document cost. This writer was proved byte for byte
//! against that path (`tests/writer`: the frozen models and the packages' hashes); since then
//! it departs from it in one way, on purpose: runs and paragraph marks name no font, the
//! document defaults do (see `Writer::mark_properties`). docx-rs still makes the package parts
//! around the body (`parts`).

use super::{Item, LineShape, SectionBreak, WriteError, items, sections};
use crate::model::{self, Align, Block, Content, Document, LineRule};
use crate::nd30;
use std::fmt::Write as _;

const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const DOCUMENT_OPEN: &str = r#"<w:document xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 wp14"><w:body>"#;
/// The namespaces of a header or footer root, as docx-rs 0.4.22 declares them.
const HF_NAMESPACES: &str = r#" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14 wp14">"#;
const EMPTY_PARAGRAPH: &str = "<w:p><w:pPr><w:rPr/></w:pPr></w:p>";

/// Which header and footer parts a document has; the package around the body depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape {
    /// A default header with the page number (header1; the empty first-page one is header2).
    pub page_numbers: bool,
    /// The page-1 address footer (footer1) and an empty default footer (footer2).
    pub footer: bool,
}

/// The body parts of one document, each a whole XML part.
pub(crate) struct Parts {
    pub shape: Shape,
    pub document: String,
    /// header1, header2, … in part order.
    pub headers: Vec<String>,
    pub footers: Vec<String>,
}

/// Text as docx-rs escapes it (`escape::escape`): the five XML entities, line feeds as
/// character references, carriage returns dropped. Every text of every part passes here, so
/// this is where a character XML cannot hold (`text::chars::xml_safe`) becomes U+FFFD instead
/// of a file Word refuses to open — whatever a loader, template or plugin let through.
fn escape_into(out: &mut String, text: &str) {
    let text = &*crate::text::chars::xml_safe(text);
    if !text
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | b'\n' | b'\r'))
    {
        out.push_str(text);
        return;
    }
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => {}
            c => out.push(c),
        }
    }
}

fn jc(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    }
}

struct Writer {
    out: String,
    rules: usize,
}

impl Writer {
    fn size(&mut self, size: u32) {
        let _ = write!(
            self.out,
            r#"<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#
        );
    }

    /// Runs and paragraph marks name no font: the package's document defaults
    /// (`parts/styles.xml`) give every script slot the decree's face. Naming it in every run
    /// as well was 28 % of a report's `document.xml` (110 bytes a run), all of it written,
    /// deflated and read again for nothing.
    fn mark_properties(&mut self, size: u32) {
        self.out.push_str("<w:rPr>");
        self.size(size);
        self.out.push_str("</w:rPr>");
    }

    fn run(&mut self, r: &model::Run) {
        self.out.push_str("<w:r><w:rPr>");
        if r.bold {
            self.out.push_str("<w:b/><w:bCs/>");
        }
        if r.italic {
            self.out.push_str("<w:i/><w:iCs/>");
        }
        self.size(r.size);
        self.out.push_str("</w:rPr>");
        if r.break_before {
            self.out.push_str(r#"<w:br w:type="textWrapping"/>"#);
        }
        self.out.push_str(r#"<w:t xml:space="preserve">"#);
        escape_into(&mut self.out, &r.text);
        self.out.push_str("</w:t>");
        self.out.push_str("</w:r>");
    }

    /// `top_rule`: the first paragraph of the address footer, ruled off from the page above.
    fn paragraph(&mut self, p: &model::Paragraph, top_rule: bool) {
        let f = &p.format;
        self.out.push_str("<w:p><w:pPr>");
        if f.keep_next {
            self.out.push_str("<w:keepNext/>");
        }
        if top_rule {
            self.out.push_str(
                r#"<w:pBdr><w:top w:val="single" w:space="1" w:sz="6" w:color="000000"/></w:pBdr>"#,
            );
        } else if f.boxed {
            self.out.push_str("<w:pBdr>");
            for side in ["top", "left", "bottom", "right"] {
                let _ = write!(
                    self.out,
                    r#"<w:{side} w:val="single" w:space="1" w:sz="8" w:color="000000"/>"#
                );
            }
            self.out.push_str("</w:pBdr>");
        }
        let rule = match f.line_rule {
            LineRule::Auto => "auto",
            LineRule::Exact => "exact",
            LineRule::AtLeast => "atLeast",
        };
        let _ = write!(
            self.out,
            r#"<w:spacing w:before="{}" w:after="{}" w:line="{}" w:lineRule="{rule}"/><w:ind w:left="{}" w:right="{}""#,
            f.space_before, f.space_after, f.line, f.indent_left as i32, f.indent_right as i32
        );
        match f.indent_first {
            0 => {}
            n if n > 0 => {
                let _ = write!(self.out, r#" w:firstLine="{n}""#);
            }
            n => {
                let _ = write!(self.out, r#" w:hanging="{}""#, -n);
            }
        }
        let _ = write!(self.out, r#"/><w:jc w:val="{}"/>"#, jc(f.align));
        // The paragraph mark carries the size of its text, so an empty line keeps its height.
        let size = p.runs.first().map_or(nd30::SIZE_BODY.value, |r| r.size);
        self.mark_properties(size);
        self.out.push_str("</w:pPr>");
        for r in &p.runs {
            self.run(r);
        }
        self.out.push_str("</w:p>");
    }

    /// An empty paragraph of small exact height holding the rule shape, centred in its region.
    fn rule(&mut self, r: &model::DrawnLine) {
        self.rules += 1;
        let shape = LineShape {
            length: r.length,
            offset: r.region_width.saturating_sub(r.length) / 2,
            weight_emu: r.weight_emu,
            id: self.rules,
        };
        self.out.push_str(
            r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact"/><w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:pPr>"#,
        );
        self.out.push_str(&shape.run_xml());
        self.out.push_str("</w:p>");
    }

    fn table_open(&mut self, columns: &[u32], borders: bool, side_margin: u32) {
        let width: u32 = columns.iter().sum();
        let _ = write!(
            self.out,
            r#"<w:tbl><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="left"/>"#
        );
        if borders {
            self.out.push_str("<w:tblBorders>");
            for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                let _ = write!(
                    self.out,
                    r#"<w:{side} w:val="single" w:sz="2" w:space="0" w:color="000000"/>"#
                );
            }
            self.out.push_str("</w:tblBorders>");
        } else {
            self.out.push_str("<w:tblBorders/>");
        }
        let m = side_margin;
        let _ = write!(
            self.out,
            r#"<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{m}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="{m}" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#
        );
        for c in columns {
            let _ = write!(self.out, r#"<w:gridCol w:w="{c}"/>"#);
        }
        self.out.push_str("</w:tblGrid>");
    }

    fn cell_open(&mut self, width: u32) {
        let _ = write!(
            self.out,
            r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#
        );
    }

    fn table(&mut self, t: &model::Table) {
        self.table_open(&t.columns, true, 80);
        for (ri, row) in t.rows.iter().enumerate() {
            // Header rows repeat on every page the table runs onto (and the layout keeps them
            // with the first row under them).
            self.out.push_str(if ri < t.header_rows {
                "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            } else {
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            });
            for (cell, w) in row.iter().zip(&t.columns) {
                self.cell_open(*w);
                for p in cell {
                    self.paragraph(p, false);
                }
                // A cell must hold a paragraph (ECMA-376 §17.4.66); layout always gives one.
                if cell.is_empty() {
                    self.out.push_str(EMPTY_PARAGRAPH);
                }
                self.out.push_str("</w:tc>");
            }
            self.out.push_str("</w:tr>");
        }
        self.out.push_str("</w:tbl>");
    }

    /// A block standing as a paragraph (text or rule); tables and slots are not paragraphs.
    fn paragraph_block(&mut self, b: &Block, top_rule: bool) -> bool {
        match &b.content {
            Content::Paragraph(p) => self.paragraph(p, top_rule),
            Content::DrawnLine(r) => self.rule(r),
            Content::Table(_) | Content::Slot(_) => return false,
        }
        true
    }

    fn block(&mut self, b: &Block) {
        match &b.content {
            Content::Table(t) => self.table(t),
            _ => {
                self.paragraph_block(b, false);
            }
        }
    }

    /// A borderless two-column table (header, signature); a column holds its paragraphs.
    fn columns(&mut self, left: &[&Block], right: &[&Block], widths: (u32, u32), cant_split: bool) {
        self.table_open(&[widths.0, widths.1], false, 0);
        self.out.push_str(if cant_split {
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        } else {
            "<w:tr><w:trPr/>"
        });
        for (blocks, w) in [(left, widths.0), (right, widths.1)] {
            self.cell_open(w);
            let mut any = false;
            for b in blocks {
                any |= self.paragraph_block(b, false);
            }
            if !any {
                self.out.push_str(EMPTY_PARAGRAPH);
            }
            self.out.push_str("</w:tc>");
        }
        self.out.push_str("</w:tr></w:tbl>");
    }
}

/// The `headerReference`/`footerReference` elements of the final `sectPr`, in docx-rs's order.
fn references(shape: Shape) -> Vec<String> {
    let mut v = Vec::new();
    let reference = |kind: &str, ty: &str, id: &str| {
        format!(r#"<w:{kind}Reference w:type="{ty}" r:id="{id}"/>"#)
    };
    if shape.page_numbers {
        v.push(reference("header", "default", "rIdHeader1"));
        v.push(reference("header", "first", "rIdHeader2"));
    } else {
        v.push(reference("header", "first", "rIdHeader1"));
    }
    if shape.footer {
        v.push(reference("footer", "default", "rIdFooter2"));
        v.push(reference("footer", "first", "rIdFooter1"));
    }
    v
}

fn page_number_header(size: u32) -> String {
    let mut w = Writer {
        out: String::with_capacity(2400),
        rules: 0,
    };
    w.out.push_str(DECL);
    w.out.push_str("<w:hdr");
    w.out.push_str(HF_NAMESPACES);
    w.out.push_str(r#"<w:p><w:pPr><w:jc w:val="center"/>"#);
    w.mark_properties(size);
    w.out.push_str("</w:pPr>");
    for content in [
        r#"<w:fldChar w:fldCharType="begin" w:dirty="false"/>"#,
        "<w:instrText>PAGE</w:instrText>",
        r#"<w:fldChar w:fldCharType="separate" w:dirty="false"/>"#,
        r#"<w:t xml:space="preserve">2</w:t>"#,
        r#"<w:fldChar w:fldCharType="end" w:dirty="false"/>"#,
    ] {
        w.out.push_str("<w:r>");
        w.mark_properties(size);
        w.out.push_str(content);
        w.out.push_str("</w:r>");
    }
    w.out.push_str("</w:p></w:hdr>");
    w.out
}

fn empty_part(root: &str) -> String {
    format!("{DECL}<{root}{HF_NAMESPACES}{EMPTY_PARAGRAPH}</{root}>")
}

/// Writes the body parts. Section breaks point at the same header and footer parts as the
/// final section (see `sections`). A document without a section has no page to write on.
pub(crate) fn write(doc: &Document) -> Result<Parts, WriteError> {
    let (Some(first), Some(last)) = (doc.sections.first(), doc.sections.last()) else {
        return Err(WriteError::Xml("a document without sections".into()));
    };
    let last = &last.page;
    let mut w = Writer {
        out: String::with_capacity(64 * 1024),
        rules: 0,
    };
    w.out.push_str(DECL);
    w.out.push_str(DOCUMENT_OPEN);
    // The address footer's paragraphs, written by the same writer (its rule ids count on from
    // the body's) into their own part.
    let mut footer = String::new();
    let mut footer_paragraphs = 0;
    let n = doc.sections.len();
    // The footer exists when the first section has address paragraphs; the section breaks,
    // written before the end, need to know it.
    let has_footer = first.blocks.iter().any(|b| {
        b.region == model::Region::Footer
            && matches!(b.content, Content::Paragraph(_) | Content::DrawnLine(_))
    });
    let shape = Shape {
        page_numbers: last.page_numbers || doc.sections.iter().any(|s| s.page.page_numbers),
        footer: has_footer,
    };
    let all = references(shape);
    for (si, s) in doc.sections.iter().enumerate() {
        for item in items(&s.blocks) {
            match item {
                Item::Block(b) => w.block(b),
                Item::Columns {
                    left,
                    right,
                    widths,
                    cant_split,
                } => w.columns(&left, &right, widths, cant_split),
                Item::Footer(b) => {
                    if si == 0 {
                        std::mem::swap(&mut w.out, &mut footer);
                        if w.paragraph_block(b, footer_paragraphs == 0) {
                            footer_paragraphs += 1;
                        }
                        std::mem::swap(&mut w.out, &mut footer);
                    } else if let Content::DrawnLine(_) = b.content {
                        // Later sections' address lines are not written; their ids stay used.
                        w.rules += 1;
                    }
                }
            }
        }
        if si + 1 < n {
            let b = SectionBreak {
                page: s.page.clone(),
            };
            w.out.push_str(&sections::section_xml(
                &b,
                &sections::references_of(si, &all),
            ));
        }
    }
    // The final section's own setup; after a break, its first page shows the empty default
    // footer (the address block is page 1's only).
    w.out.push_str("<w:sectPr>");
    for r in &all {
        if n > 1 && r.contains("footerReference") && r.contains("\"first\"") {
            w.out
                .push_str(r#"<w:footerReference w:type="first" r:id="rIdFooter2"/>"#);
        } else {
            w.out.push_str(r);
        }
    }
    w.out.push_str(&sections::page_xml(last));
    w.out.push_str(
        r#"<w:cols w:space="425" w:num="1"/><w:titlePg/></w:sectPr></w:body></w:document>"#,
    );

    let mut headers = Vec::new();
    if shape.page_numbers {
        headers.push(page_number_header(last.number_size));
    }
    headers.push(empty_part("w:hdr"));
    let mut footers = Vec::new();
    if shape.footer {
        footers.push(format!("{DECL}<w:ftr{HF_NAMESPACES}{footer}</w:ftr>"));
        footers.push(empty_part("w:ftr"));
    }
    Ok(Parts {
        shape,
        document: w.out,
        headers,
        footers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_without_sections_is_an_error_not_a_panic() {
        let doc = Document {
            kind: "cong-van".into(),
            ten_loai: String::new(),
            number: None,
            ky_hieu: String::new(),
            sections: Vec::new(),
            legacy: None,
        };
        assert!(write(&doc).is_err());
        assert!(super::super::to_bytes(&doc).is_err());
    }

    #[test]
    fn the_decrees_face_comes_from_the_document_defaults_alone() {
        let f = nd30::FONT;
        let defaults = format!(
            r#"<w:rPrDefault><w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}" w:eastAsia="{f}"/>"#
        );
        assert!(super::super::parts::STYLES.contains(&defaults));
        let mut w = Writer {
            out: String::new(),
            rules: 0,
        };
        w.run(&model::Run {
            text: "Ủy ban".into(),
            font: nd30::FONT.into(),
            size: 28,
            bold: true,
            italic: false,
            break_before: false,
            spacing: 0,
        });
        assert_eq!(
            w.out,
            r#"<w:r><w:rPr><w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t xml:space="preserve">Ủy ban</w:t></w:r>"#
        );
    }

    #[test]
    fn text_is_escaped_as_docx_rs_escapes_it() {
        let mut s = String::new();
        escape_into(&mut s, "a & b <c> \"d\" 'e'\r\nf");
        assert_eq!(s, "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;&#xA;f");
        s.clear();
        escape_into(&mut s, "Ủy ban nhân dân");
        let mut t = String::new();
        escape_into(&mut t, "a\u{FFFF}b\u{1}c\u{FFFE}");
        assert_eq!(t, "a\u{FFFD}b\u{FFFD}c\u{FFFD}");
        assert_eq!(s, "Ủy ban nhân dân");
    }
}
