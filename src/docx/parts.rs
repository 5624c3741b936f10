//! The package parts around the body, as files beside this module (`parts/`): the styles (the
//! decree's font and size), settings, font table and theme, the same in every document, and
//! for each of the four header/footer shapes a document can have, its content types,
//! relationships and properties. The binary embeds them as they are: nothing is built or
//! reordered at run time.
//!
//! docx-rs made them, and still does in the test at the bottom: it builds each part for a
//! document of each shape, puts WordprocessingML parts in schema order (`canon`, which docx-rs
//! needs: it writes property children out of order) and drops the declarations of parts vbhc
//! never writes. The test fails when docx-rs's output and the committed files drift (a
//! docx-rs upgrade, a change of the decree's defaults in `nd30`); `VBHC_BLESS=1` writes them
//! anew, for review.

use super::stream::Shape;

pub(super) const STYLES: &str = include_str!("parts/styles.xml");
pub(super) const SETTINGS: &str = include_str!("parts/settings.xml");
pub(super) const FONT_TABLE: &str = include_str!("parts/fontTable.xml");
pub(super) const THEME: &str = include_str!("parts/theme1.xml");

/// The parts of one shape: the ones before `word/document.xml` in the package, in zip order,
/// and the relationships of each header and footer part.
pub(super) struct Skeleton {
    pub front: [(&'static str, &'static str); 6],
    pub header_rels: &'static [&'static str],
    pub footer_rels: &'static [&'static str],
}

macro_rules! skeleton {
    ($dir:literal, [$($h:literal),*], [$($f:literal),*]) => {
        Skeleton {
            front: [
                ("[Content_Types].xml", include_str!(concat!("parts/", $dir, "/[Content_Types].xml"))),
                ("_rels/.rels", include_str!(concat!("parts/", $dir, "/_rels/.rels"))),
                ("docProps/app.xml", include_str!(concat!("parts/", $dir, "/docProps/app.xml"))),
                ("docProps/core.xml", include_str!(concat!("parts/", $dir, "/docProps/core.xml"))),
                ("docProps/custom.xml", include_str!(concat!("parts/", $dir, "/docProps/custom.xml"))),
                (
                    "word/_rels/document.xml.rels",
                    include_str!(concat!("parts/", $dir, "/word/_rels/document.xml.rels")),
                ),
            ],
            header_rels: &[$(include_str!(concat!("parts/", $dir, "/word/_rels/header", $h, ".xml.rels"))),*],
            footer_rels: &[$(include_str!(concat!("parts/", $dir, "/word/_rels/footer", $f, ".xml.rels"))),*],
        }
    };
}

/// The skeleton of a document of `shape`.
pub(super) fn skeleton(shape: Shape) -> &'static Skeleton {
    static PLAIN: Skeleton = skeleton!("plain", ["1"], []);
    static FOOTER: Skeleton = skeleton!("footer", ["1"], ["1", "2"]);
    static NUMBERED: Skeleton = skeleton!("numbered", ["1", "2"], []);
    static NUMBERED_FOOTER: Skeleton = skeleton!("numbered-footer", ["1", "2"], ["1", "2"]);
    match (shape.page_numbers, shape.footer) {
        (false, false) => &PLAIN,
        (false, true) => &FOOTER,
        (true, false) => &NUMBERED,
        (true, true) => &NUMBERED_FOOTER,
    }
}

/// The folder of a shape's parts.
#[cfg(test)]
fn dir_of(shape: Shape) -> &'static str {
    match (shape.page_numbers, shape.footer) {
        (false, false) => "plain",
        (false, true) => "footer",
        (true, false) => "numbered",
        (true, true) => "numbered-footer",
    }
}

#[cfg(test)]
mod made {
    //! The parts as docx-rs makes them (docx-rs 0.4.22, vbhc's styles and fixed dates).
    use super::super::canon;
    use super::*;
    use crate::nd30::{self, FONT};
    use docx_rs::{Docx, Footer, Header, Paragraph, RunFonts};
    use std::collections::BTreeMap;

    const THEME_OVERRIDE: &str = r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>"#;
    const THEME_REL: &str = r#"<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>"#;
    /// Declarations of parts vbhc never writes (comments, numbering), byte for byte as docx-rs
    /// 0.4.22 writes them: removed, so every declared part exists.
    const UNUSED_DECLARATIONS: &[&str] = &[
        r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml" />"#,
        r#"<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml" />"#,
        r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml" />"#,
        r#"<Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml" />"#,
    ];

    fn without(xml: &str) -> String {
        let mut out = xml.to_string();
        for p in UNUSED_DECLARATIONS {
            out = out.replace(p, "");
        }
        out
    }

    fn fonts() -> RunFonts {
        RunFonts::new()
            .ascii(FONT)
            .hi_ansi(FONT)
            .cs(FONT)
            .east_asia(FONT)
    }

    /// vbhc's styles (the decree's font and size) with fixed dates.
    fn dated() -> Docx {
        Docx::new()
            .default_fonts(fonts())
            .default_size(nd30::SIZE_BODY.value as usize)
            .created_at("2026-01-01T00:00:00Z")
            .updated_at("2026-01-01T00:00:00Z")
    }

    fn text(b: Vec<u8>) -> String {
        String::from_utf8(b).expect("docx-rs writes UTF-8")
    }

    /// Every part file, by its path under `parts/`.
    pub(super) fn parts() -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let x = dated().build();
        out.insert("styles.xml".into(), canon::canonicalize(&text(x.styles)));
        out.insert(
            "settings.xml".into(),
            canon::canonicalize(&text(x.settings)),
        );
        out.insert(
            "fontTable.xml".into(),
            canon::canonicalize(&text(x.font_table)),
        );
        for (page_numbers, footer) in [(false, false), (false, true), (true, false), (true, true)] {
            let dir = dir_of(Shape {
                page_numbers,
                footer,
            });
            // The headers and footers in the order the stream writer numbers their parts: the
            // page-number header (header1) when pages are numbered, the empty first-page
            // header, and with the page-1 address block its first-page footer (footer1) and an
            // empty default one (footer2). Their content does not reach these parts.
            let mut docx = dated();
            if page_numbers {
                docx = docx.header(Header::new().add_paragraph(Paragraph::new()));
            }
            docx = docx.first_header(Header::new().add_paragraph(Paragraph::new()));
            if footer {
                docx = docx
                    .first_footer(Footer::new().add_paragraph(Paragraph::new()))
                    .footer(Footer::new().add_paragraph(Paragraph::new()));
            }
            docx.styles = docx_rs::Styles::new();
            docx.numberings = docx_rs::Numberings::new();
            let x = docx.build();
            let mut put = |name: &str, t: String| {
                out.insert(format!("{dir}/{name}"), t);
            };
            put(
                "[Content_Types].xml",
                without(&text(x.content_type)).replace("</Types>", THEME_OVERRIDE),
            );
            put("_rels/.rels", text(x.rels));
            put("docProps/app.xml", text(x.doc_props.app));
            put("docProps/core.xml", text(x.doc_props.core));
            put("docProps/custom.xml", text(x.doc_props.custom));
            put(
                "word/_rels/document.xml.rels",
                without(&text(x.document_rels)).replace("</Relationships>", THEME_REL),
            );
            // docx-rs keeps a relationships part for every header and footer slot; only those
            // of parts the document has are written.
            let headers = 1 + usize::from(page_numbers);
            let footers = 2 * usize::from(footer);
            for (i, r) in x.header_rels.into_iter().take(headers).enumerate() {
                put(&format!("word/_rels/header{}.xml.rels", i + 1), text(r));
            }
            for (i, r) in x.footer_rels.into_iter().take(footers).enumerate() {
                put(&format!("word/_rels/footer{}.xml.rels", i + 1), text(r));
            }
        }
        out
    }

    #[test]
    fn the_committed_parts_are_what_docx_rs_makes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/docx/parts");
        let bless = std::env::var_os("VBHC_BLESS").is_some();
        let mut failures = Vec::new();
        for (name, made) in parts() {
            let file = dir.join(&name);
            if bless {
                std::fs::create_dir_all(file.parent().unwrap()).unwrap();
                std::fs::write(&file, &made).unwrap();
                continue;
            }
            match std::fs::read_to_string(&file) {
                Ok(committed) if committed == made => {}
                _ => failures.push(name),
            }
        }
        assert!(
            failures.is_empty(),
            "docx-rs no longer makes these parts as committed (VBHC_BLESS=1 writes them; review the diff): {failures:?}"
        );
    }
}
