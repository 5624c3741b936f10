//! Section breaks. A phụ lục may be its own page section (landscape, numbered from 1); the
//! decree wants no page number on a document's first page. Every section but the last ends
//! with a paragraph holding its `sectPr` (page size, margins, numbering restart, different
//! first page), pointing at the same header and footer parts as the document's final one.

use super::SectionBreak;

/// The header and footer references of the `n`-th section break: the first section keeps the
/// page-1 address footer, later ones have none on their first page.
pub(crate) fn references_of(n: usize, all: &[String]) -> Vec<String> {
    if n == 0 {
        all.to_vec()
    } else {
        all.iter()
            .filter(|r| !(r.contains("footerReference") && r.contains("\"first\"")))
            .cloned()
            .collect()
    }
}

/// A section's page size, margins and numbering restart, as `sectPr` children.
pub(crate) fn page_xml(p: &crate::model::PageSetup) -> String {
    let m = p.margins;
    let orient = if p.landscape {
        r#" w:orient="landscape""#
    } else {
        ""
    };
    let restart = p
        .restart_at
        .map(|s| format!(r#"<w:pgNumType w:start="{s}"/>"#))
        .unwrap_or_default();
    format!(
        r#"<w:pgSz w:w="{}" w:h="{}"{orient}/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/>{restart}"#,
        p.width, p.height, m.top, m.right, m.bottom, m.left, m.header, m.footer
    )
}

/// The `sectPr` paragraph ending a section.
pub fn section_xml(b: &SectionBreak, references: &[String]) -> String {
    let title = if b.page.first_page_unnumbered {
        "<w:titlePg/>"
    } else {
        ""
    };
    format!(
        r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:rPr><w:sz w:val="2"/></w:rPr><w:sectPr>{}{}<w:cols w:space="425"/>{title}</w:sectPr></w:pPr></w:p>"#,
        references.join(""),
        page_xml(&b.page)
    )
}
