//! The DOCX package: a zip read with bounded memory. Only the XML parts the checker needs are
//! inflated, each under a cap, so a zip bomb (a part that inflates to gigabytes) is refused
//! with a message instead of exhausting memory; media (scanned pages, photos) is never
//! inflated, so a genuine 50 MB DOCX full of images reads as fast as a small one.

use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use std::collections::BTreeMap;
use std::io::{Read, Seek};
use std::path::Path;

/// The most one XML part may inflate to. The largest `document.xml` in the corpus is under
/// 1 MB; a legitimate 500-page report stays far below this.
pub const PART_CAP: u64 = 32 * 1024 * 1024;
/// The most all inflated parts together may take.
pub const TOTAL_CAP: u64 = 96 * 1024 * 1024;

/// The XML parts of a package that were read, by name.
#[derive(Debug, Default)]
pub struct Package {
    pub parts: BTreeMap<String, String>,
    /// Name of the main document part (`word/document.xml` in every Word file).
    pub main: String,
}

fn bad(path: &Path, code: &'static str, m: crate::i18n::Msg) -> Finding {
    Finding::new(code, m).at(Location::file(path))
}

impl Package {
    pub fn part(&self, name: &str) -> Option<&str> {
        self.parts.get(name).map(String::as_str)
    }

    /// Opens a DOCX from its bytes. `path` is only for messages.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Package, Finding> {
        Self::from_reader(path, std::io::Cursor::new(bytes))
    }

    /// Opens a DOCX from a file or buffer, reading only its first bytes (is it a zip?), its
    /// zip directory and the XML parts the checker needs: never the whole file, which may be
    /// a 2 GB sparse file named `.docx` or a real document followed by a gigabyte of zeros.
    pub fn from_reader<R: Read + Seek>(path: &Path, r: R) -> Result<Package, Finding> {
        let zip = open_zip(path, r)?;
        let names: std::collections::HashSet<String> =
            zip.file_names().map(str::to_string).collect();
        let mut parts = Parts {
            zip,
            path,
            total: 0,
        };
        let mut pkg = Package::default();
        let mut read = |name: &str, pkg: &mut Package| -> Result<bool, Finding> {
            match parts.read(name)? {
                Some(text) => {
                    pkg.parts.insert(name.to_string(), text);
                    Ok(true)
                }
                None => Ok(false),
            }
        };
        // The main part is whatever the package relationships name (always word/document.xml
        // from Word, but the format allows another name).
        read("_rels/.rels", &mut pkg)?;
        let main = pkg
            .part("_rels/.rels")
            .and_then(|r| target_of(r, "/officeDocument"))
            .map(|t| t.trim_start_matches('/').to_string())
            .unwrap_or_else(|| "word/document.xml".to_string());
        if !read(&main, &mut pkg)? {
            return Err(bad(
                path,
                codes::DOCX_NO_DOCUMENT,
                msg!(
                    "tệp zip không có phần nội dung `{}`: không phải DOCX",
                    "the zip has no `{}` part: not a DOCX",
                    main
                ),
            )
            .hint(msg!(
                "vbhc đọc được bản nháp .toml, .json và văn bản .docx",
                "vbhc reads .toml and .json drafts and .docx documents"
            )));
        }
        let dir = main.rsplit_once('/').map_or("", |(d, _)| d).to_string();
        let rels_name = format!("{dir}/_rels/{}.rels", main.rsplit('/').next().unwrap_or(""));
        read(&rels_name, &mut pkg)?;
        // Parts the main part relates to that the checker reads: styles, numbering, theme,
        // headers and footers. Nothing else is inflated.
        let mut wanted = Vec::new();
        if let Some(rels) = pkg.part(&rels_name) {
            for (ty, target) in relationships(rels) {
                let keep = [
                    "/styles",
                    "/numbering",
                    "/theme",
                    "/header",
                    "/footer",
                    "/settings",
                ]
                .iter()
                .any(|t| ty.ends_with(t));
                if keep {
                    wanted.push(resolve(&dir, &target));
                }
            }
        }
        for name in wanted {
            if names.contains(&name) {
                read(&name, &mut pkg)?;
            }
        }
        pkg.main = main;
        Ok(pkg)
    }
}

/// The first character of a part that XML 1.0 does not allow anywhere (a C0 control other
/// than tab and line breaks, U+FFFE, U+FFFF), with its byte offset. quick-xml reads past them;
/// Word, LibreOffice and expat refuse the whole file.
fn first_non_xml_char(text: &str) -> Option<(usize, char)> {
    let b = text.as_bytes();
    let suspicious = |x: &u8| (*x < 0x20 && !matches!(x, b'\t' | b'\n' | b'\r')) || *x == 0xEF;
    if !b.iter().any(suspicious) {
        return None;
    }
    text.char_indices()
        .find(|&(_, c)| !crate::text::chars::is_xml_char(c))
}

/// Why a file that is not a zip is not a DOCX: an old Word file, a PDF, an OpenDocument …
fn not_docx(path: &Path, bytes: &[u8]) -> Finding {
    let what = if bytes.starts_with(b"%PDF") {
        msg!("đây là tệp PDF", "this is a PDF file")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        msg!(
            "đây là tệp Word cũ (.doc)",
            "this is an old Word file (.doc)"
        )
    } else if bytes.starts_with(b"{\\rtf") {
        msg!("đây là tệp RTF", "this is an RTF file")
    } else {
        msg!("tệp không phải DOCX", "the file is not a DOCX")
    };
    Finding::new(codes::DOCX_NOT_DOCX,
        crate::i18n::Msg::new(
            format!("{}: vbhc không đọc được", what.vi),
            format!("{}: vbhc cannot read it", what.en),
        ),
    )
    .at(Location::file(path))
    .hint(msg!(
        "vbhc đọc bản nháp .toml, .json và văn bản .docx; lưu tệp thành .docx trong Word (Lưu thành → Tài liệu Word) rồi kiểm tra lại",
        "vbhc reads .toml and .json drafts and .docx documents; save the file as .docx in Word (Save As → Word Document) and check again"
    ))
}

/// `(Type, Target)` of every `<Relationship>` in a .rels part, external links left out.
pub fn relationships(rels: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for tag in rels.split("<Relationship ").skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        if attr_in(tag, "TargetMode").is_some_and(|m| m == "External") {
            continue;
        }
        if let (Some(t), Some(target)) = (attr_in(tag, "Type"), attr_in(tag, "Target")) {
            out.push((t, target));
        }
    }
    out
}

/// `(Id, Target)` of every internal relationship.
pub fn relationship_ids(rels: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for tag in rels.split("<Relationship ").skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        if let (Some(id), Some(target)) = (attr_in(tag, "Id"), attr_in(tag, "Target")) {
            out.push((id, target));
        }
    }
    out
}

fn target_of(rels: &str, type_suffix: &str) -> Option<String> {
    relationships(rels)
        .into_iter()
        .find(|(t, _)| t.ends_with(type_suffix))
        .map(|(_, target)| target)
}

/// A relationship target relative to the folder of its source part.
pub fn resolve(dir: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The value of `name="…"` inside a start tag's text (XML entities decoded).
fn attr_in(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let tag = format!(" {tag}");
    let i = tag.find(&key)? + key.len();
    let v = tag[i..].split('"').next()?;
    Some(
        v.replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\""),
    )
}

/// Reads a DOCX file, telling a missing path, a folder, a device or pipe and an unreadable
/// file apart.
pub fn open(path: &Path) -> Result<Package, Finding> {
    let (file, _) = crate::input::open(path, crate::input::Kind::Docx)?;
    Package::from_reader(path, std::io::BufReader::new(file))
}

/// The zip behind a DOCX, once it is known to be one: a zip's signature at the start and its
/// directory's end record where it belongs.
fn open_zip<R: Read + Seek>(path: &Path, mut r: R) -> Result<zip::ZipArchive<R>, Finding> {
    let io = |e: std::io::Error| crate::input::open_error(path, &e);
    let mut head = Vec::with_capacity(8);
    (&mut r).take(8).read_to_end(&mut head).map_err(io)?;
    if !head.starts_with(b"PK") {
        return Err(not_docx(path, &head));
    }
    // A zip ends with its directory's end record, at most 64 KiB (its comment) from the
    // end. Looked for there first: the zip crate would otherwise search the whole file
    // backwards, seconds for a document followed by a gigabyte of zeros.
    const EOCD_SEARCH: u64 = 22 + 65_535;
    let len = r.seek(std::io::SeekFrom::End(0)).map_err(io)?;
    r.seek(std::io::SeekFrom::Start(len.saturating_sub(EOCD_SEARCH)))
        .map_err(io)?;
    let mut tail = Vec::new();
    (&mut r)
        .take(EOCD_SEARCH)
        .read_to_end(&mut tail)
        .map_err(io)?;
    if !tail.windows(4).any(|w| w == b"PK\x05\x06") {
        return Err(bad(
            path,
            codes::DOCX_ZIP,
            msg!(
                "tệp không đọc được như một DOCX: cuối tệp không có phần kết của zip (tệp bị cắt cụt, hoặc có dữ liệu thừa ở cuối)",
                "the file cannot be read as a DOCX: its end holds no zip end record (the file is truncated, or has data appended)"
            ),
        ));
    }
    r.seek(std::io::SeekFrom::Start(0)).map_err(io)?;
    let zip = zip::ZipArchive::new(r).map_err(|e| {
        bad(
            path,
            codes::DOCX_ZIP,
            msg!(
                "tệp không đọc được như một DOCX (zip hỏng hoặc bị cắt cụt): {}",
                "the file cannot be read as a DOCX (broken or truncated zip): {}",
                e
            ),
        )
    })?;
    Ok(zip)
}

/// Inflates the parts of one package, each within [`PART_CAP`] and all within [`TOTAL_CAP`].
struct Parts<'a, R> {
    zip: zip::ZipArchive<R>,
    path: &'a Path,
    total: u64,
}

impl<R: Read + Seek> Parts<'_, R> {
    /// The text of part `name`, `None` if the package has no such part.
    fn read(&mut self, name: &str) -> Result<Option<String>, Finding> {
        let path = self.path;
        let mut entry = match self.zip.by_name(name) {
            Ok(e) => e,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => {
                return Err(bad(
                    path,
                    codes::DOCX_ZIP,
                    msg!(
                        "không đọc được phần `{}` của DOCX: {}",
                        "cannot read part `{}` of the DOCX: {}",
                        name,
                        e
                    ),
                ));
            }
        };
        let cap = PART_CAP.min(TOTAL_CAP - self.total);
        let buf = crate::input::read_capped(&mut entry, cap).map_err(|e| {
            bad(
                path,
                codes::DOCX_ZIP,
                msg!(
                    "phần `{}` của DOCX bị hỏng: {}",
                    "part `{}` of the DOCX is corrupt: {}",
                    name,
                    e
                ),
            )
        })?;
        let Some(buf) = buf else {
            return Err(bad(
                path,
                codes::DOCX_TOO_LARGE,
                msg!(
                    "phần `{}` giải nén ra hơn {} MB: tệp bất thường (có thể là zip bomb), không đọc",
                    "part `{}` inflates to more than {} MB: not a normal document (a zip bomb?), not read",
                    name,
                    cap / (1024 * 1024)
                ),
            ));
        };
        self.total += buf.len() as u64;
        let text = String::from_utf8(buf).map_err(|_| {
            bad(
                path,
                codes::DOCX_XML,
                msg!(
                    "phần `{}` không phải văn bản UTF-8",
                    "part `{}` is not UTF-8 text",
                    name
                ),
            )
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        if let Some((at, c)) = first_non_xml_char(&text) {
            return Err(bad(
                path,
                codes::DOCX_XML,
                msg!(
                "phần `{}` của DOCX không phải XML hợp lệ (byte {}): ký tự {} không được có trong XML; Word và LibreOffice không mở được tệp này",
                "part `{}` of the DOCX is not well-formed XML (byte {}): the character {} is not allowed in XML; Word and LibreOffice cannot open this file",
                name,
                at,
                crate::text::chars::code_point(c)
                ),
            )
            .hint(msg!(
                "tạo lại tệp từ bản nháp, hoặc mở bằng chương trình đã làm ra nó và lưu lại",
                "make the file again from its draft, or open it in the program that made it and save it again"
            )));
        }
        Ok(Some(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_against_their_folder() {
        assert_eq!(resolve("word", "styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(
            resolve("word", "/word/theme/theme1.xml"),
            "word/theme/theme1.xml"
        );
    }

    #[test]
    fn non_zip_files_are_named() {
        let e = Package::from_bytes(Path::new("a.pdf"), b"%PDF-1.7 ...").unwrap_err();
        assert_eq!(e.code, "DOCX-NOT-DOCX");
        assert!(e.message.en.contains("PDF"));
        let e = Package::from_bytes(Path::new("a.doc"), &[0xD0, 0xCF, 0x11, 0xE0, 0]).unwrap_err();
        assert!(e.message.en.contains(".doc"));
    }

    #[test]
    fn truncated_zip_is_an_error_not_a_panic() {
        let e = Package::from_bytes(Path::new("a.docx"), b"PK\x03\x04 truncated").unwrap_err();
        assert_eq!(e.code, "DOCX-ZIP");
    }
}
