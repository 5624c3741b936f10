//! The packing pass: re-zips docx-rs's package part by part, in a fixed order, with fixed
//! timestamps and deflate, after putting each XML part in schema order and swapping the rule
//! markers for shapes. Same model in, same bytes out.

use super::{WriteError, canon, sections, shapes};
use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;

const THEME: &str = include_str!("theme1.xml");
const THEME_OVERRIDE: &str = r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>"#;
const THEME_REL: &str = r#"<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>"#;

pub fn repack(raw: &[u8], extras: &super::Extras) -> Result<Vec<u8>, WriteError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(raw))?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut f = archive.by_index(i)?;
        if f.is_dir() {
            continue;
        }
        let name = f.name().to_string();
        let mut data = Vec::with_capacity(f.size() as usize);
        f.read_to_end(&mut data)?;
        parts.push((name, data));
    }
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(raw.len() / 3)));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    // Word's schema wants a theme part; vbhc's names Times New Roman for both theme fonts, so
    // even text that falls back to the theme is in the decree's font.
    parts.push(("word/theme/theme1.xml".into(), THEME.as_bytes().to_vec()));
    for (name, data) in parts {
        out.start_file(name.as_str(), opts)?;
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text =
                String::from_utf8(data).map_err(|e| WriteError::Xml(format!("{name}: {e}")))?;
            let mut t = canon::canonicalize(&text);
            match name.as_str() {
                "word/document.xml" => {
                    t = sections::insert(&shapes::insert(&t, &extras.rules), &extras.breaks)
                }
                "[Content_Types].xml" => t = t.replace("</Types>", THEME_OVERRIDE),
                "word/_rels/document.xml.rels" => t = t.replace("</Relationships>", THEME_REL),
                _ => {}
            }
            out.write_all(t.as_bytes())?;
        } else {
            out.write_all(&data)?;
        }
    }
    Ok(out.finish()?.into_inner())
}
