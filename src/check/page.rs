//! Page setup of every section: A4, portrait (landscape only for a phụ lục section that holds
//! a table), the four margins in the decree's ranges, page numbers (none on page 1, at the top).

use super::{Checker, mm};
use crate::i18n::{Localised, Msg};
use crate::model::{Content, Role, Section};
use crate::msg;
use crate::nd30;

/// Word rounds A4 to 11907 × 16840 and the like: a few twips either way is the same paper.
const PAPER_TOLERANCE: u32 = 30;

pub fn run(c: &mut Checker) {
    for (i, s) in c.doc.sections.iter().enumerate() {
        paper(c, i, s);
        margins(c, i, s);
    }
    page_numbers(c);
}

/// A4, and portrait unless the section is a phụ lục holding a table.
fn paper(c: &mut Checker, i: usize, s: &Section) {
    let g = &s.page;
    let at = s.blocks.iter().find(|b| b.source.is_some());
    let (short, long) = (g.width.min(g.height), g.width.max(g.height));
    if short.abs_diff(nd30::PAGE_WIDTH) > PAPER_TOLERANCE
        || long.abs_diff(nd30::PAGE_HEIGHT) > PAPER_TOLERANCE
    {
        let f = c
            .make(
                "ND30-PAGE-SIZE",
                at,
                msg!(
                    "khổ giấy phần {} không phải A4",
                    "section {}'s paper is not A4",
                    i + 1
                ),
            )
            .measured(
                format!("{} × {}", mm(short).0, mm(long).0),
                "210 × 297 mm".to_string(),
            );
        c.push(f);
    }
    if g.landscape {
        let has_table = s
            .blocks
            .iter()
            .any(|b| matches!(b.content, Content::Table(_)))
            || s.blocks.iter().any(|b| b.role == Role::PhuLucLabel);
        if i == 0 || !has_table {
            let f = c
                .make(
                    "ND30-ORIENTATION",
                    at,
                    msg!(
                        "phần {} khổ ngang: chỉ phụ lục có bảng mới được để trang ngang",
                        "section {} is landscape: only an annex with a table may be",
                        i + 1
                    ),
                )
                .hint(msg!(
                    "để trang dọc, hoặc tách bảng rộng ra phụ lục riêng",
                    "make it portrait, or move the wide table into its own annex"
                ));
            c.push(f);
        }
    }
}

/// The four margins of a portrait section, each in the decree's range.
fn margins(c: &mut Checker, i: usize, s: &Section) {
    let at = s.blocks.iter().find(|b| b.source.is_some());
    let g = &s.page;
    let m = g.margins;
    // A landscape phụ lục is a turned page: which edge is "left" is the binding's choice,
    // and the decree gives its ranges for the portrait page. Only portrait sections are
    // measured.
    if g.landscape {
        return;
    }
    for (code, v, range, vi, en) in [
        (
            "ND30-MARGIN-TOP",
            m.top,
            nd30::MARGIN_TOP,
            "lề trên",
            "top margin",
        ),
        (
            "ND30-MARGIN-BOTTOM",
            m.bottom,
            nd30::MARGIN_BOTTOM,
            "lề dưới",
            "bottom margin",
        ),
        (
            "ND30-MARGIN-LEFT",
            m.left,
            nd30::MARGIN_LEFT,
            "lề trái",
            "left margin",
        ),
        (
            "ND30-MARGIN-RIGHT",
            m.right,
            nd30::MARGIN_RIGHT,
            "lề phải",
            "right margin",
        ),
    ] {
        if v + nd30::MARGIN_TOLERANCE < range.min || v > range.max + nd30::MARGIN_TOLERANCE {
            let f = c
                .make(
                    code,
                    at,
                    Msg::new(
                        format!(
                            "{vi} {} (phần {}), Nghị định 30 quy định {}–{}",
                            mm(v).vi(),
                            i + 1,
                            mm(range.min).vi(),
                            mm(range.max).vi()
                        ),
                        format!(
                            "{en} {} (section {}), Decree 30 asks {}–{}",
                            mm(v).en(),
                            i + 1,
                            mm(range.min).en(),
                            mm(range.max).en()
                        ),
                    ),
                )
                .measured(mm(v), format!("{}–{}", mm(range.min).0, mm(range.max).0));
            c.push(f);
        }
    }
}

/// Page numbers: none on the first page of the document, present when it runs past one
/// page, Times New Roman 13–14 pt, at the top.
fn page_numbers(c: &mut Checker) {
    if let Some(s) = c.doc.sections.first() {
        let at = s.blocks.iter().find(|b| b.source.is_some());
        if s.page.page_numbers && !s.page.first_page_unnumbered {
            let f = c
                .make(
                    "ND30-PAGE-NUMBER-FIRST",
                    at,
                    msg!(
                        "trang thứ nhất có số trang",
                        "the first page shows a page number"
                    ),
                )
                .hint(msg!(
                    "trong Word: Đầu trang → Trang đầu khác (Different First Page)",
                    "in Word: Header → Different First Page"
                ));
            c.push(f);
        }
    }
    let numbered = c.doc.sections.iter().any(|s| s.page.page_numbers);
    let pages = c.estimated_pages();
    // The estimate runs a little short (measured on the corpus against LibreOffice's pages:
    // one-page documents come out at 0.95–1.12, two-page ones at 1.13–2.13): past 1.3 the
    // document has a second page. A one-page text with a one-page phụ lục, numbered apart,
    // shows no number on either.
    if !numbered && c.pages.longest_part >= 1.3 {
        let at = c.doc.blocks().find(|b| b.source.is_some());
        let f = c
            .make(
                "ND30-PAGE-NUMBER-MISSING",
                at,
                msg!(
                    "văn bản dài khoảng {} trang nhưng không đánh số trang",
                    "the document runs to about {} pages but has no page numbers",
                    pages.ceil() as u32
                ),
            )
            .hint(msg!(
                "chèn số trang ở giữa đầu trang, từ trang thứ hai (Chèn → Số trang → Đầu trang)",
                "insert page numbers centred in the header from page 2 (Insert → Page Number → Top)"
            ));
        c.push(f);
    }
    let times = |p: &crate::model::PageSetup| p.number_font.as_deref().is_none_or(super::is_times);
    if let Some(s) = c.doc.sections.iter().find(|s| {
        s.page.page_numbers
            && s.page.number_size > 0
            && (!times(&s.page) || !nd30::SIZE_PAGE_NUMBER.contains(s.page.number_size))
    }) {
        let at = s.blocks.iter().find(|b| b.source.is_some());
        let face = s.page.number_font.as_deref().unwrap_or("Times New Roman");
        let f = c
            .make(
                "ND30-PAGE-NUMBER-STYLE",
                at,
                msg!(
                    "số trang chữ {} cỡ {}: Nghị định 30 quy định Times New Roman cỡ 13–14",
                    "page numbers are {} {}: Decree 30 asks Times New Roman 13–14 pt",
                    face,
                    super::pt(s.page.number_size)
                ),
            )
            .measured(
                format!("{face} {}", super::pt(s.page.number_size).0),
                "Times New Roman 13–14 pt",
            );
        c.push(f);
    }
    if let Some(s) = c.doc.sections.iter().find(|s| s.page.numbers_in_footer) {
        let at = s.blocks.iter().find(|b| b.source.is_some());
        let f = c.make(
            "ND30-PAGE-NUMBER-PLACE",
            at,
            msg!(
                "số trang đặt ở chân trang; Nghị định 30 đặt ở giữa phía trên (đầu trang)",
                "page numbers are in the footer; Decree 30 puts them centred at the top (header)"
            ),
        );
        c.push(f);
    }
}
