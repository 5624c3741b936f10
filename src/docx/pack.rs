//! Zipping the package: `assemble` puts the streamed body parts beside the parts made once
//! per run (styles, settings, font table; content types, relationships and properties per
//! header/footer shape); `repack`, the reference path, zips docx-rs's parts after putting each
//! XML part in schema order and swapping the rule markers for shapes. Either way: fixed order,
//! fixed timestamps, same model in, same bytes out.

use super::{WriteError, canon, sections, shapes, stream};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

const THEME: &str = include_str!("theme1.xml");
const THEME_OVERRIDE: &str = r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>"#;
const THEME_REL: &str = r#"<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>"#;

/// docx-rs's parts in the order its own zipper writes them (docx-rs 0.4.22
/// `zipper::zip`), taken straight from the built document: no zip → unzip round trip.
fn parts(x: docx_rs::XMLDocx) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), x.content_type),
        ("_rels/.rels".into(), x.rels),
        ("docProps/app.xml".into(), x.doc_props.app),
        ("docProps/core.xml".into(), x.doc_props.core),
        ("docProps/custom.xml".into(), x.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), x.document_rels),
        ("word/document.xml".into(), x.document),
        ("word/styles.xml".into(), x.styles),
        ("word/settings.xml".into(), x.settings),
        ("word/fontTable.xml".into(), x.font_table),
    ];
    // Left out: comments, commentsExtended, numbering and footnotes. vbhc writes none of
    // them (numbers are text, there are no comments or notes); docx-rs emits them empty, and
    // only commentsExtended is even referenced. Their declarations are removed in `repack`.
    drop((x.comments, x.comments_extended, x.numberings, x.footnotes));
    let mut header_rels = x.header_rels.into_iter();
    for (i, h) in x.headers.into_iter().enumerate() {
        v.push((format!("word/header{}.xml", i + 1), h));
        if let Some(r) = header_rels.next() {
            v.push((format!("word/_rels/header{}.xml.rels", i + 1), r));
        }
    }
    let mut footer_rels = x.footer_rels.into_iter();
    for (i, f) in x.footers.into_iter().enumerate() {
        v.push((format!("word/footer{}.xml", i + 1), f));
        if let Some(r) = footer_rels.next() {
            v.push((format!("word/_rels/footer{}.xml.rels", i + 1), r));
        }
    }
    // vbhc writes no media, comments anchors, task panes or custom XML: docx-rs leaves those
    // lists empty for the documents it builds here.
    v
}

/// Parts smaller than this are stored, not deflated: setting up a deflate stream costs more
/// than the few hundred bytes it would save (measured: a fifth of the whole write).
const STORE_BELOW: usize = 4096;

/// Declarations of the parts `parts` leaves out, byte for byte as docx-rs 0.4.22 writes them. A test
/// checks that every declared part exists, so a docx-rs upgrade that changes them is caught.
const UNUSED_DECLARATIONS: &[&str] = &[
    r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml" />"#,
    r#"<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml" />"#,
    r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml" />"#,
    r#"<Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml" />"#,
];

/// The parts that are the same in every document vbhc writes, each already in schema order:
/// styles (the decree's font and size), settings and the font table.
struct Shared {
    styles: String,
    settings: String,
    font_table: String,
}

fn shared() -> Result<&'static Shared, WriteError> {
    static SHARED: std::sync::OnceLock<Result<Shared, String>> = std::sync::OnceLock::new();
    let made = SHARED.get_or_init(|| {
        let x = super::styled().build();
        let text = |name: &str, b: Vec<u8>| {
            String::from_utf8(b)
                .map(|t| canon::canonicalize(&t))
                .map_err(|e| format!("{name}: {e}"))
        };
        Ok(Shared {
            styles: text("styles", x.styles)?,
            settings: text("settings", x.settings)?,
            font_table: text("fontTable", x.font_table)?,
        })
    });
    made.as_ref().map_err(|e| WriteError::Xml(e.clone()))
}

/// Deflated (fast level) and stored entries, both with the fixed timestamp and mode that make
/// the same document the same bytes.
fn zip_options() -> (SimpleFileOptions, SimpleFileOptions) {
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let stored = deflated
        .compression_method(zip::CompressionMethod::Stored)
        .compression_level(None);
    (deflated, stored)
}

pub fn repack(x: docx_rs::XMLDocx, extras: &super::Extras) -> Result<Vec<u8>, WriteError> {
    let shared = shared()?;
    let mut parts = parts(x);
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(32 * 1024)));
    let (opts, stored) = zip_options();
    // Word's schema wants a theme part; vbhc's names Times New Roman for both theme fonts, so
    // even text that falls back to the theme is in the decree's font.
    parts.push(("word/theme/theme1.xml".into(), THEME.as_bytes().to_vec()));
    for (name, data) in parts {
        let fixed = match name.as_str() {
            "word/styles.xml" => Some(&shared.styles),
            "word/settings.xml" => Some(&shared.settings),
            "word/fontTable.xml" => Some(&shared.font_table),
            _ => None,
        };
        if let Some(t) = fixed {
            out.start_file(
                name.as_str(),
                if t.len() < STORE_BELOW { stored } else { opts },
            )?;
            out.write_all(t.as_bytes())?;
            continue;
        }
        let text = String::from_utf8(data).map_err(|e| WriteError::Xml(format!("{name}: {e}")))?;
        // Only WordprocessingML parts hold elements docx-rs writes out of order; package
        // parts (content types, relationships, properties) and vbhc's theme are fine as made.
        let mut t =
            if name.starts_with("word/") && name.ends_with(".xml") && !name.contains("theme") {
                canon::canonicalize(&text)
            } else {
                text
            };
        match name.as_str() {
            "word/document.xml" => {
                t = sections::insert(shapes::insert(t, &extras.rules), &extras.breaks)
            }
            "[Content_Types].xml" => {
                t = without(&t, UNUSED_DECLARATIONS).replace("</Types>", THEME_OVERRIDE)
            }
            "word/_rels/document.xml.rels" => {
                t = without(&t, UNUSED_DECLARATIONS).replace("</Relationships>", THEME_REL)
            }
            _ => {}
        }
        out.start_file(
            name.as_str(),
            if t.len() < STORE_BELOW { stored } else { opts },
        )?;
        out.write_all(t.as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

/// The package parts around the body for one `Shape`: content types, relationships and
/// properties, as docx-rs writes them for a document with those headers and footers and as
/// `repack` fixes them. They depend on nothing else, so each is made once per run.
struct Skeleton {
    /// `[Content_Types].xml` … `word/_rels/document.xml.rels`, in zip order.
    front: Vec<(&'static str, Vec<u8>)>,
    header_rels: Vec<Vec<u8>>,
    footer_rels: Vec<Vec<u8>>,
}

fn skeleton(shape: stream::Shape) -> Result<&'static Skeleton, WriteError> {
    static MADE: [std::sync::OnceLock<Result<Skeleton, String>>; 4] =
        [const { std::sync::OnceLock::new() }; 4];
    let slot = usize::from(shape.page_numbers) * 2 + usize::from(shape.footer);
    let made = MADE[slot].get_or_init(|| {
        // The same headers and footers, in the same order, as `super::build` gives such a
        // document; their content does not reach these parts.
        let docx = super::headers_and_footers(
            super::dated(),
            shape.page_numbers.then(super::empty_header),
            shape
                .footer
                .then(|| docx_rs::Footer::new().add_paragraph(docx_rs::Paragraph::new())),
        );
        let x = super::build_without_shared(docx);
        let text =
            |name: &str, b: Vec<u8>| String::from_utf8(b).map_err(|e| format!("{name}: {e}"));
        let types = without(
            &text("[Content_Types].xml", x.content_type)?,
            UNUSED_DECLARATIONS,
        )
        .replace("</Types>", THEME_OVERRIDE);
        let rels = without(
            &text("document.xml.rels", x.document_rels)?,
            UNUSED_DECLARATIONS,
        )
        .replace("</Relationships>", THEME_REL);
        Ok(Skeleton {
            front: vec![
                ("[Content_Types].xml", types.into_bytes()),
                ("_rels/.rels", x.rels),
                ("docProps/app.xml", x.doc_props.app),
                ("docProps/core.xml", x.doc_props.core),
                ("docProps/custom.xml", x.doc_props.custom),
                ("word/_rels/document.xml.rels", rels.into_bytes()),
            ],
            header_rels: x.header_rels,
            footer_rels: x.footer_rels,
        })
    });
    made.as_ref().map_err(|e| WriteError::Xml(e.clone()))
}

/// Zips the streamed body parts into the package, in the order and with the bytes `repack`
/// gives the docx-rs build of the same document.
pub(super) fn assemble(body: stream::Parts) -> Result<Vec<u8>, WriteError> {
    let shared = shared()?;
    let skeleton = skeleton(body.shape)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(32 * 1024)));
    let (opts, stored) = zip_options();
    let mut put = |name: &str, data: &[u8]| -> Result<(), WriteError> {
        out.start_file(
            name,
            if data.len() < STORE_BELOW {
                stored
            } else {
                opts
            },
        )?;
        out.write_all(data)?;
        Ok(())
    };
    for (name, data) in &skeleton.front {
        put(name, data)?;
    }
    put("word/document.xml", body.document.as_bytes())?;
    put("word/styles.xml", shared.styles.as_bytes())?;
    put("word/settings.xml", shared.settings.as_bytes())?;
    put("word/fontTable.xml", shared.font_table.as_bytes())?;
    for (kind, parts, rels) in [
        ("header", &body.headers, &skeleton.header_rels),
        ("footer", &body.footers, &skeleton.footer_rels),
    ] {
        let mut rels = rels.iter();
        for (i, part) in parts.iter().enumerate() {
            put(&format!("word/{kind}{}.xml", i + 1), part.as_bytes())?;
            if let Some(r) = rels.next() {
                put(&format!("word/_rels/{kind}{}.xml.rels", i + 1), r)?;
            }
        }
    }
    put("word/theme/theme1.xml", THEME.as_bytes())?;
    Ok(out.finish()?.into_inner())
}

fn without(xml: &str, pieces: &[&str]) -> String {
    let mut out = xml.to_string();
    for p in pieces {
        out = out.replace(p, "");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared parts are what a full build of a real document gives, part for part: a
    /// docx-rs upgrade, or a style set per document, would be caught here.
    #[test]
    fn shared_parts_are_what_each_document_would_write() {
        let templates = crate::template::Templates::default();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for sample in ["chi-thi-tien-giang-2014", "quyet-dinh", "giay-moi"] {
            let d = crate::draft::load(&root.join(format!("samples/{sample}.toml")), &templates)
                .expect("sample loads");
            let doc = crate::layout::lay_out(&d).expect("lays out").doc;
            let (docx, _) = super::super::build(&doc);
            let x = docx.build();
            let canon = |b: Vec<u8>| canon::canonicalize(&String::from_utf8(b).unwrap());
            let shared = shared().unwrap();
            assert_eq!(canon(x.styles), shared.styles, "{sample}: styles");
            assert_eq!(canon(x.settings), shared.settings, "{sample}: settings");
            assert_eq!(
                canon(x.font_table),
                shared.font_table,
                "{sample}: fontTable"
            );
        }
    }
}
