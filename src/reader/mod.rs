//! Reading a DOCX anyone made into the same `Document` model the writer writes, so one set of
//! rules judges drafts and received documents alike. The package is read with bounded memory
//! (`package`), each XML part parsed into a small tree (`dom`), properties resolved through
//! defaults, theme, styles and direct formatting (`props`, `styles`), list labels built from
//! `numbering.xml` (`numbering`), the body walked (`body`) and each paragraph given its role
//! (`roles`). docx-rs's own reader is not used: it drops content the checker must see.

pub mod body;
pub mod dom;
mod legacy;
pub mod numbering;
pub mod package;
pub mod props;
pub mod roles;
pub mod styles;

use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::model::{Document, Margins, PageSetup};
use crate::msg;
use std::path::Path;

fn xml_error(path: &Path, part: &str, pos: u64, m: &str) -> Finding {
    Finding::new(
        codes::DOCX_XML,
        msg!(
            "phần `{}` của DOCX không phải XML hợp lệ (byte {}): {}",
            "part `{}` of the DOCX is not well-formed XML (byte {}): {}",
            part,
            pos,
            m
        ),
    )
    .at(Location {
        file: Some(path.to_path_buf()),
        part: Some(part.to_string()),
        ..Location::default()
    })
}

/// The most paragraphs `vbhc check` reads in one document: about 5,000 pages, twenty-five times
/// the longest real report seen. Below it, time and memory grow linearly (about 7 µs and 2 KB
/// a paragraph); above it a document is refused at once, before any of it is parsed.
pub const MAX_PARAGRAPHS: usize = 250_000;

/// Paragraph start tags in a part (`<w:p>`, `<w:p …>`, `<w:p/>` with any prefix), counted on
/// the bytes without parsing.
fn count_paragraphs(xml: &str) -> usize {
    let b = xml.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let mut j = i + off + 1;
        let name_start = j;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] == b'-') {
            j += 1;
        }
        // `<p` or `<prefix:p`.
        let local = if j < b.len() && b[j] == b':' {
            j += 1;
            let s = j;
            while j < b.len() && b[j].is_ascii_alphanumeric() {
                j += 1;
            }
            &b[s..j]
        } else {
            &b[name_start..j]
        };
        if local == b"p" && matches!(b.get(j), Some(b'>' | b' ' | b'/' | b'\t' | b'\r' | b'\n')) {
            n += 1;
        }
        i = j.max(i + off + 1);
    }
    n
}

/// Reads a DOCX file.
pub fn read(path: &Path) -> Result<Document, Finding> {
    read_package(path, package::open(path)?)
}

/// Reads a DOCX from its bytes (`path` names it in messages).
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Document, Finding> {
    read_package(path, package::Package::from_bytes(path, bytes)?)
}

fn read_package(path: &Path, pkg: package::Package) -> Result<Document, Finding> {
    let main = pkg.main.clone();
    let dir = main.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    let file = main.rsplit('/').next().unwrap_or("");
    let rels_text = pkg
        .part(&format!("{dir}/_rels/{file}.rels"))
        .unwrap_or("")
        .to_string();
    let rels = package::relationship_ids(&rels_text);
    let typed = package::relationships(&rels_text);
    let part_of = |suffix: &str| -> Option<&str> {
        typed
            .iter()
            .find(|(t, _)| t.ends_with(suffix))
            .and_then(|(_, target)| pkg.part(&package::resolve(&dir, target)))
    };
    let theme = part_of("/theme")
        .map(styles::Theme::parse)
        .unwrap_or_default();
    let styles = styles::Styles::parse(part_of("/styles"), theme);
    let numbering = numbering::Numbering::parse(part_of("/numbering"));
    let doc_xml = pkg.part(&main).unwrap_or("");
    let paragraphs = count_paragraphs(doc_xml);
    if paragraphs > MAX_PARAGRAPHS {
        return Err(Finding::new(codes::DOCX_TOO_LARGE,
            msg!(
                "văn bản có {} đoạn, quá giới hạn kiểm tra {} đoạn (khoảng 5.000 trang): không kiểm tra",
                "the document has {} paragraphs, over the checker's limit of {} (about 5,000 pages): not checked",
                paragraphs,
                MAX_PARAGRAPHS
            ),
        )
        .at(Location {
            file: Some(path.to_path_buf()),
            part: Some(main.clone()),
            ..Location::default()
        })
        .hint(msg!(
            "chia văn bản thành nhiều tệp rồi kiểm tra từng tệp",
            "split the document into several files and check each"
        )));
    }
    let root = dom::parse(doc_xml).map_err(|(pos, m)| xml_error(path, &main, pos, &m))?;
    let Some(body_el) = root.child("w:body") else {
        return Err(Finding::new(
            codes::DOCX_NO_BODY,
            msg!(
                "phần `{}` không có thân văn bản (w:body)",
                "part `{}` has no document body (w:body)",
                main
            ),
        )
        .at(Location::file(path)));
    };
    let mut raw = body::walk(body_el, &styles, numbering, &rels, &dir);
    let legacy = legacy::decode(&mut raw);
    // The element tree is a third of the memory a long document takes: gone before the
    // roles are given.
    drop(root);
    let even_odd = part_of("/settings").is_some_and(|x| x.contains("<w:evenAndOddHeaders"));
    // Page numbers: a PAGE field in the header (or footer) each page uses.
    let header_has_page = |name: &Option<String>| -> bool {
        name.as_deref()
            .and_then(|n| pkg.part(n))
            .and_then(|x| dom::parse(x).ok())
            .is_some_and(|r| body::has_page_field(&r))
    };
    let pages: Vec<PageSetup> = raw
        .sections
        .iter()
        .map(|s| {
            // The look of the number in the first part that prints one.
            let even = if even_odd { &s.header_even } else { &None };
            let look = [&s.header_default, even, &s.footer_default]
                .into_iter()
                .filter_map(|n| n.as_deref())
                .filter_map(|n| pkg.part(n))
                .filter_map(|x| dom::parse(x).ok())
                .find_map(|r| body::page_number_look(&r, &styles));
            // Even pages use their own header only when the document turns that on.
            let in_header =
                header_has_page(&s.header_default) || (even_odd && header_has_page(&s.header_even));
            let in_footer = header_has_page(&s.footer_default);
            let first_shows = if s.title_page {
                header_has_page(&s.header_first) || header_has_page(&s.footer_first)
            } else {
                in_header || in_footer
            };
            PageSetup {
                width: s.width,
                height: s.height,
                landscape: s.landscape,
                margins: Margins {
                    top: s.top.max(0) as u32,
                    bottom: s.bottom.max(0) as u32,
                    left: s.left.max(0) as u32,
                    right: s.right.max(0) as u32,
                    header: s.header.max(0) as u32,
                    footer: s.footer.max(0) as u32,
                },
                page_numbers: in_header || in_footer,
                first_page_unnumbered: !first_shows,
                restart_at: s.restart_at,
                numbers_in_footer: in_footer && !in_header,
                number_size: look.as_ref().map_or(0, |l| l.size),
                number_font: look.map(|l| l.font),
            }
        })
        .collect();
    let mut doc = roles::map(path, &main, &raw, pages);
    doc.legacy = legacy;
    Ok(doc)
}

#[cfg(test)]
mod tests {
    #[test]
    fn paragraphs_are_counted_by_their_start_tags() {
        let xml = r#"<w:document><w:body><w:p><w:pPr/></w:p><w:p w:rsidR="1"><w:r><w:t>p</w:t></w:r></w:p><w:p/><x:p>a</x:p><w:pict/><p>b</p></w:body></w:document>"#;
        assert_eq!(super::count_paragraphs(xml), 5);
    }
}
