//! Section breaks. A phụ lục may be its own section (landscape, numbered from 1); the decree
//! wants no page number on a document's first page. docx-rs 0.4.22's `Section` keeps only the
//! first header or footer given to it, so every section but the last is written here: its
//! `sectPr` (page size, margins, numbering restart, different first page) points at the same
//! header and footer parts as the document's final `sectPr`.

use super::SectionBreak;

fn refs(final_sect: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = final_sect;
    while let Some(i) = rest.find("Reference ") {
        let start = rest[..i].rfind('<').unwrap_or(0);
        let end = rest[i..].find("/>").map_or(rest.len(), |e| i + e + 2);
        out.push(rest[start..end].to_string());
        rest = &rest[end..];
    }
    out
}

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

/// Replaces each section marker paragraph with its `sectPr` paragraph; the first-page footer
/// (the address block of page 1) is kept for the first section only.
pub fn insert(xml: String, breaks: &[SectionBreak]) -> String {
    if breaks.is_empty() {
        return xml;
    }
    let Some(fs) = xml.rfind("<w:sectPr>") else {
        return xml;
    };
    let fe = xml[fs..].find("</w:sectPr>").map_or(xml.len(), |e| fs + e);
    let final_sect = &xml[fs..fe];
    let all = refs(final_sect);
    let mut out = xml.to_string();
    // Later sections: their first page has no address footer — point it at the empty default.
    let default_footer = all
        .iter()
        .find(|r| r.contains("footerReference") && r.contains(r#"w:type="default""#))
        .and_then(|r| r.split("r:id=\"").nth(1))
        .and_then(|r| r.split('"').next());
    if let Some(id) = default_footer {
        let fixed: String = final_sect
            .split("<w:footerReference")
            .enumerate()
            .map(|(i, part)| {
                if i > 0 && part.contains(r#"w:type="first""#) {
                    let pre = part.split("r:id=\"").next().unwrap_or("");
                    let post = part
                        .split("r:id=\"")
                        .nth(1)
                        .and_then(|x| x.split_once('"'))
                        .map_or("", |(_, b)| b);
                    format!("<w:footerReference{pre}r:id=\"{id}\"{post}")
                } else if i > 0 {
                    format!("<w:footerReference{part}")
                } else {
                    part.to_string()
                }
            })
            .collect();
        out.replace_range(fs..fe, &fixed);
    }
    for (n, b) in breaks.iter().enumerate() {
        let marker = super::section_marker(n);
        let Some(at) = out.find(&marker) else {
            continue;
        };
        let start = out[..at]
            .rfind("<w:p>")
            .into_iter()
            .chain(out[..at].rfind("<w:p "))
            .max();
        let end = out[at..].find("</w:p>").map(|e| at + e + "</w:p>".len());
        if let (Some(s), Some(e)) = (start, end) {
            let refs_for = references_of(n, &all);
            out.replace_range(s..e, &section_xml(b, &refs_for));
        }
    }
    out
}
