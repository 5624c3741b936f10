//! Zipping the package: the streamed body parts beside the parts that are the same for every
//! document of a shape (`parts`), in a fixed order, with fixed timestamps: same model in,
//! same bytes out.

use super::{WriteError, parts, stream};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// Parts smaller than this are stored, not deflated: setting up a deflate stream costs more
/// than the few hundred bytes it would save (measured: a fifth of the whole write).
const STORE_BELOW: usize = 4096;

/// Deflated (fast level) and stored entries, both with the fixed timestamp, mode and host
/// system that make the same document the same bytes. The zip crate records the system it
/// runs on in every central-directory entry (Windows audit: 15 bytes differed per DOCX), so
/// the host is pinned to Unix on every platform.
fn zip_options() -> (SimpleFileOptions, SimpleFileOptions) {
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default())
        .system(zip::System::Unix)
        .unix_permissions(0o644);
    let stored = deflated
        .compression_method(zip::CompressionMethod::Stored)
        .compression_level(None);
    (deflated, stored)
}

/// Zips the streamed body parts into the package, in the order Word and docx-rs write one.
pub(super) fn assemble(body: stream::Parts) -> Result<Vec<u8>, WriteError> {
    let skeleton = parts::skeleton(body.shape);
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
        put(name, data.as_bytes())?;
    }
    put("word/document.xml", body.document.as_bytes())?;
    put("word/styles.xml", parts::STYLES.as_bytes())?;
    put("word/settings.xml", parts::SETTINGS.as_bytes())?;
    put("word/fontTable.xml", parts::FONT_TABLE.as_bytes())?;
    for (kind, parts, rels) in [
        ("header", &body.headers, skeleton.header_rels),
        ("footer", &body.footers, skeleton.footer_rels),
    ] {
        let mut rels = rels.iter();
        for (i, part) in parts.iter().enumerate() {
            put(&format!("word/{kind}{}.xml", i + 1), part.as_bytes())?;
            if let Some(r) = rels.next() {
                put(
                    &format!("word/_rels/{kind}{}.xml.rels", i + 1),
                    r.as_bytes(),
                )?;
            }
        }
    }
    put("word/theme/theme1.xml", parts::THEME.as_bytes())?;
    Ok(out.finish()?.into_inner())
}
