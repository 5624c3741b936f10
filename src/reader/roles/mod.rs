//! What each paragraph of a DOCX is: the walked paragraphs become the blocks of a `Document`,
//! each with the role the checker judges it by (Quốc hiệu, Số, date line, tên loại, body,
//! Nơi nhận …). Roles come from what the text says and where it sits — the header table's
//! columns, the signature table — never from styles, which offices name as they please.

//!
//! The page is read in its order: the header (`header`), the signature block found ahead so
//! the text stops at it (`sign`), the opening between header and body (`opening`), then the
//! text itself (`text`); `words` holds what recognises each fixed line.

mod header;
mod lines;
mod opening;
mod sign;
mod text;
mod words;

pub(crate) use words::is_stamp;
pub use words::{authority_prefix, kind_of, ten_loai_of};
/// The Quốc hiệu line as the reader knows it, for the checker's test of a second document.
pub(crate) use words::{is_date_line, is_quoc_hieu};

use super::body::{LineKind, RawBody, RawLine, RawPara};
use crate::finding::Location;
use crate::model::*;
use std::borrow::Cow;
use std::path::Path;

fn all_bold(p: &RawPara) -> bool {
    let mut any = false;
    for r in p.visible() {
        any = true;
        if !r.look.bold {
            return false;
        }
    }
    any
}

fn align(p: &RawPara) -> Align {
    match p.props.jc.as_deref() {
        Some("center") => Align::Center,
        Some("right" | "end") => Align::Right,
        Some("both" | "distribute" | "lowKashida" | "mediumKashida" | "highKashida") => {
            Align::Justify
        }
        _ => Align::Left,
    }
}

fn format(p: &RawPara) -> ParaFormat {
    ParaFormat {
        align: align(p),
        indent_first: p.props.ind_first.unwrap_or(0),
        indent_left: p.props.ind_left.unwrap_or(0).max(0) as u32,
        indent_right: p.props.ind_right.unwrap_or(0).max(0) as u32,
        space_before: p.props.before.unwrap_or(0),
        space_after: p.props.after.unwrap_or(0),
        line: p.props.line.unwrap_or(240),
        line_rule: match super::body::line_rule(&p.props) {
            super::props::LineRule::Auto => LineRule::Auto,
            super::props::LineRule::Exact => LineRule::Exact,
            super::props::LineRule::AtLeast => LineRule::AtLeast,
        },
        keep_next: p.props.keep_next.unwrap_or(false),
        boxed: false,
    }
}

fn paragraph(p: &RawPara) -> Paragraph {
    let mut runs = Vec::new();
    if let Some(l) = &p.label
        && !l.is_empty()
    {
        // The list label looks like the paragraph's first run.
        let first = p.runs.iter().find(|r| !r.text.trim().is_empty());
        runs.push(Run {
            text: format!("{l} "),
            font: Cow::Owned(first.map_or("Times New Roman".into(), |r| r.look.font.clone())),
            size: first.map_or(28, |r| r.look.size),
            bold: first.is_some_and(|r| r.look.bold),
            italic: first.is_some_and(|r| r.look.italic),
            break_before: false,
            spacing: 0,
        });
    }
    for r in &p.runs {
        if r.look.hidden {
            continue;
        }
        let text = if r.look.caps {
            crate::text::upper(&r.text)
        } else {
            r.text.clone()
        };
        runs.push(Run {
            text,
            font: Cow::Owned(r.look.font.clone()),
            size: r.look.size,
            bold: r.look.bold,
            italic: r.look.italic,
            break_before: r.break_before,
            spacing: r.look.spacing,
        });
    }
    Paragraph {
        runs,
        format: format(p),
    }
}

fn is_empty_block(b: &Block) -> bool {
    matches!(&b.content, Content::Paragraph(p) if p.text().trim().is_empty())
}

struct Mapper<'a> {
    file: &'a Path,
    part: &'a str,
    body: &'a RawBody,
    blocks: Vec<Vec<Block>>,
}

impl Mapper<'_> {
    fn loc(&self, p: &RawPara) -> Location {
        let text = p.text();
        let quote: String = text.trim().chars().take(60).collect();
        Location {
            file: Some(self.file.to_path_buf()),
            part: Some(self.part.to_string()),
            paragraph: Some(p.index),
            quote: (!quote.is_empty()).then_some(quote),
            ..Location::default()
        }
    }

    fn push(&mut self, p: &RawPara, role: Role, region: Region) {
        let level = if role == Role::Body {
            crate::markup::classify(p.text().trim_start()).0.level()
        } else {
            0
        };
        let block = Block {
            role,
            level,
            region,
            content: Content::Paragraph(paragraph(p)),
            source: Some(self.loc(p)),
        };
        self.blocks[p.section].push(block);
        for r in &p.rules {
            self.drawn_line(p, r, region);
        }
    }

    fn drawn_line(&mut self, p: &RawPara, r: &RawLine, region: Region) {
        self.drawn_line_in(p, r, region, true);
    }

    /// `measured`: whether the paragraph's column is the region's, so that its width is the
    /// region's width (not so for a line placed under the text above it in a table nested in
    /// one cell: the outer cell's width says nothing of the column it stands in).
    fn drawn_line_in(&mut self, p: &RawPara, r: &RawLine, region: Region, measured: bool) {
        let region = self.line_column(p, r, region);
        let width = if measured || r.kind == LineKind::Border {
            self.region_width(p)
        } else {
            0
        };
        let length = if r.kind == LineKind::Border {
            width
                .saturating_sub(p.props.ind_left.unwrap_or(0).max(0) as u32)
                .saturating_sub(p.props.ind_right.unwrap_or(0).max(0) as u32)
        } else {
            r.length
        };
        let source = Some(self.loc(p));
        self.blocks[p.section].push(Block {
            role: Role::DrawnLine,
            level: 0,
            region,
            content: Content::DrawnLine(DrawnLine {
                length,
                region_width: width,
                weight_emu: 0,
                typed: r.kind == LineKind::Typed,
            }),
            source,
        });
    }

    /// The paragraphs of one body table as a table block, cell by cell.
    fn table(&mut self, cells: &[RawPara], table: usize) {
        let Some(first) = cells.first() else { return };
        let columns = self
            .body
            .tables
            .get(table)
            .map(|t| t.columns.clone())
            .unwrap_or_default();
        let ncols = cells
            .iter()
            .filter_map(|p| p.cell.map(|c| c.col + 1))
            .max()
            .unwrap_or(1)
            .max(columns.len());
        let mut rows: Vec<Vec<Vec<Paragraph>>> = Vec::new();
        for p in cells {
            let Some(c) = p.cell else { continue };
            while rows.len() <= c.row {
                rows.push(vec![Vec::new(); ncols]);
            }
            if let Some(cell) = rows[c.row].get_mut(c.col) {
                cell.push(paragraph(p));
            }
        }
        let block = Block {
            role: Role::Body,
            level: 0,
            region: Region::Page,
            content: Content::Table(Table {
                columns,
                rows,
                header_rows: 0,
            }),
            source: Some(self.loc(first)),
        };
        self.blocks[first.section].push(block);
    }

    /// The header column a floating line stands in, by where it is drawn rather than which
    /// paragraph anchors it, in a header typed as paragraphs (a table's cell says already).
    fn line_column(&self, p: &RawPara, r: &RawLine, region: Region) -> Region {
        let (Some(x), None, Region::HeaderLeft | Region::HeaderRight) = (r.x, p.cell, region)
        else {
            return region;
        };
        let s = &self.body.sections[p.section.min(self.body.sections.len() - 1)];
        let centre = i64::from(x.centre) - if x.from_page { i64::from(s.left) } else { 0 };
        if centre * 2 > i64::from(self.region_width(p)) {
            Region::HeaderRight
        } else {
            Region::HeaderLeft
        }
    }

    /// The width a paragraph is laid out in: its table column, or the text width.
    fn region_width(&self, p: &RawPara) -> u32 {
        let s = &self.body.sections[p.section.min(self.body.sections.len() - 1)];
        let text = (s.width as i32 - s.left - s.right).max(0) as u32;
        match p.cell {
            Some(c) => self
                .body
                .tables
                .get(c.table)
                .and_then(|t| t.columns.get(c.col..(c.col + c.span).min(t.columns.len())))
                .map(|spanned| spanned.iter().sum::<u32>())
                .filter(|w| *w > 0)
                .unwrap_or(text),
            None => text,
        }
    }
}

/// Maps the walked body onto the model's blocks and roles.
pub fn map(file: &Path, part: &str, body: &RawBody, pages: Vec<PageSetup>) -> Document {
    let split = lines::split_layout(body);
    let body = split.as_ref().unwrap_or(body);
    let mut m = Mapper {
        file,
        part,
        body,
        blocks: vec![Vec::new(); body.sections.len()],
    };
    let header = header::map(&mut m);
    let sign = sign::Sign::find(&body.paras, header.end);
    let body_end = sign.range.map_or(body.paras.len(), |(a, _)| a);
    let (text_start, ten_loai) = opening::map(&mut m, header.end, body_end);
    text::map(&mut m, text_start, header.table, &sign);
    let sections = m
        .blocks
        .into_iter()
        .zip(pages)
        .map(|(blocks, page)| Section { page, blocks })
        .collect();
    document(ten_loai, sections)
}

/// The document around the blocks: its kind from the tên loại, its number and ký hiệu from
/// the Số line.
fn document(ten_loai: String, sections: Vec<Section>) -> Document {
    let mut doc = Document {
        kind: if ten_loai.is_empty() {
            "cong-van".to_string()
        } else {
            kind_of(&ten_loai).to_string()
        },
        ten_loai,
        number: None,
        ky_hieu: String::new(),
        sections,
        legacy: None,
    };
    if let Some(so) = doc.find(Role::SoKyHieu).and_then(|b| match &b.content {
        Content::Paragraph(p) => Some(p.text()),
        _ => None,
    }) {
        let after = so.split_once(':').map_or(so.as_str(), |(_, r)| r).trim();
        let (num, kh) = after.split_once('/').unwrap_or(("", after));
        doc.number = num.trim().parse().ok();
        doc.ky_hieu = kh.trim().to_string();
    }
    if doc.ten_loai.is_empty()
        && doc.find(Role::VeViec).is_none()
        && doc.find(Role::QuocHieu).is_none()
    {
        doc.kind = String::new();
    }
    doc
}
