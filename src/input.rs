//! Opening the files a clerk names (drafts, configs, templates, spreadsheets, DOCX files,
//! plugins): only regular files, and never more than a cap for their kind. A name that is a
//! FIFO would block vbhc forever and one linked to the zero device would fill the memory;
//! both are refused before a byte is read. Links are followed (a shortcut to a shared draft
//! is normal), and on Windows a cloud placeholder (OneDrive "files on demand") is a regular
//! file like any other: opening it downloads it.

use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use std::io::Read;
use std::path::Path;

/// What a file is read as, with the largest size vbhc accepts for it. Each cap is far above
/// any real file of its kind (a 100-page report's draft is about 300 KB) and far below what
/// would exhaust an office PC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A TOML or JSON draft, or a batch's base draft.
    Draft,
    /// `config.toml`.
    Config,
    /// A kind template (`<loại>.hbs`).
    Template,
    /// A CSV list of rows.
    Csv,
    /// An XLSX or ODS workbook (its parts are inflated under caps of their own).
    Workbook,
    /// A DOCX to check (read through its zip directory, never whole).
    Docx,
    /// A plugin's manifest, signature or a public key.
    Small,
    /// A plugin's WebAssembly component.
    Wasm,
}

impl Kind {
    pub fn cap(self) -> u64 {
        const MIB: u64 = 1024 * 1024;
        match self {
            Kind::Draft => 8 * MIB,
            Kind::Config => MIB,
            Kind::Template => 64 * 1024,
            Kind::Csv => 256 * MIB,
            Kind::Workbook => 256 * MIB,
            // Never read whole (its zip directory, then the parts the checker needs, each
            // under the reader's caps): a scanned 500 MB document is read as fast as a small one.
            Kind::Docx => u64::MAX,
            Kind::Small => 64 * 1024,
            Kind::Wasm => 32 * MIB,
        }
    }

    fn name(self) -> (&'static str, &'static str) {
        match self {
            Kind::Draft => ("bản nháp", "draft"),
            Kind::Config => ("tệp cấu hình", "config file"),
            Kind::Template => ("mẫu", "template"),
            Kind::Csv => ("tệp CSV", "CSV file"),
            Kind::Workbook => ("bảng tính", "workbook"),
            Kind::Docx => ("văn bản DOCX", "DOCX document"),
            Kind::Small => ("tệp", "file"),
            Kind::Wasm => ("tệp plugin", "plugin file"),
        }
    }
}

fn error(path: &Path, code: &'static str, m: crate::i18n::Msg) -> Finding {
    Finding::new(code, m).at(Location::file(path))
}

/// Why a path could not be opened: missing (66), a folder or not a regular file (66), not
/// allowed (66: the input is as good as missing to vbhc), or another I/O error (74).
pub fn open_error(path: &Path, e: &std::io::Error) -> Finding {
    let code = match e.kind() {
        std::io::ErrorKind::NotFound => codes::INPUT_MISSING,
        std::io::ErrorKind::PermissionDenied => codes::INPUT_DENIED,
        _ => codes::INPUT_READ,
    };
    let f = error(
        path,
        code,
        msg!(
            "không đọc được `{}`: {}",
            "cannot read `{}`: {}",
            path.display(),
            crate::i18n::OsErr(e)
        ),
    );
    if code == codes::INPUT_DENIED {
        f.hint(msg!(
            "tài khoản này không có quyền đọc tệp: sao chép tệp về thư mục của mình, hoặc nhờ người quản trị cấp quyền",
            "this account may not read the file: copy it into a folder of your own, or ask the administrator for access"
        ))
    } else {
        f
    }
}

/// Opens `path` for reading if it is a regular file of at most `kind`'s cap.
pub fn open(path: &Path, kind: Kind) -> Result<(std::fs::File, u64), Finding> {
    let (vi, en) = kind.name();
    // Before opening: opening a FIFO blocks until someone writes to it.
    let meta = std::fs::metadata(path).map_err(|e| open_error(path, &e))?;
    if meta.is_dir() {
        return Err(error(
            path,
            codes::INPUT_IS_DIR,
            msg!(
                "`{}` là thư mục, không phải {}",
                "`{}` is a folder, not a {}",
                path.display(),
                crate::i18n::Msg::new(vi, en)
            ),
        ));
    }
    let not_regular = || {
        error(
            path,
            codes::INPUT_NOT_FILE,
            msg!(
                "`{}` không phải một tệp thông thường (thiết bị, ống dẫn hoặc socket), không đọc",
                "`{}` is not a regular file (a device, pipe or socket); not read",
                path.display()
            ),
        )
    };
    if !meta.is_file() {
        return Err(not_regular());
    }
    let file = std::fs::File::open(path).map_err(|e| open_error(path, &e))?;
    // The file opened may not be the one looked at (replaced in between): judge the handle.
    let meta = file.metadata().map_err(|e| open_error(path, &e))?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let len = meta.len();
    if len > kind.cap() {
        return Err(too_large(path, kind));
    }
    Ok((file, len))
}

fn too_large(path: &Path, kind: Kind) -> Finding {
    let (vi, en) = kind.name();
    let cap = kind.cap();
    let shown = if cap >= 1024 * 1024 {
        format!("{} MB", cap / (1024 * 1024))
    } else {
        format!("{} KB", cap / 1024)
    };
    error(
        path,
        codes::INPUT_TOO_LARGE,
        msg!(
            "`{}` lớn hơn {}, quá giới hạn của một {}: không đọc",
            "`{}` is larger than {}, over the limit for a {}: not read",
            path.display(),
            shown,
            crate::i18n::Msg::new(vi, en)
        ),
    )
}

/// All of `r` if it holds at most `cap` bytes, `None` if it holds more: reads at most one byte
/// past the cap, whatever a size field claimed (a zip entry that inflates to gigabytes).
pub fn read_capped(r: impl Read, cap: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    r.take(cap.saturating_add(1)).read_to_end(&mut buf)?;
    Ok((buf.len() as u64 <= cap).then_some(buf))
}

/// The whole content of a regular file of at most `kind`'s cap. The cap holds even when the
/// size the file system reports is wrong (a file still growing, a special file system).
pub fn read(path: &Path, kind: Kind) -> Result<Vec<u8>, Finding> {
    let (file, _) = open(path, kind)?;
    read_capped(file, kind.cap())
        .map_err(|e| open_error(path, &e))?
        .ok_or_else(|| too_large(path, kind))
}

/// Text from bytes as an editor saved them: UTF-8 (with or without a byte-order mark), or
/// UTF-16 with its mark — what Windows PowerShell 5.1's `>` and Notepad's "Unicode" write.
/// The UTF-8 byte-order mark is kept (callers strip it); a UTF-16 text comes back without
/// one. `Err` holds the byte where UTF-8 stops being valid.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, usize> {
    let utf16 = |b: &[u8], le: bool| -> Result<String, usize> {
        let units = b.chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        let mut out = String::with_capacity(b.len() / 2);
        for (i, ch) in char::decode_utf16(units).enumerate() {
            out.push(ch.map_err(|_| 2 + 2 * i)?);
        }
        if b.len() % 2 == 1 {
            return Err(b.len() + 1);
        }
        Ok(out)
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        _ => String::from_utf8(bytes).map_err(|e| e.utf8_error().valid_up_to()),
    }
}

/// As [`read`], as text (UTF-8, or UTF-16 with its byte-order mark; a UTF-8 mark kept:
/// callers strip it).
pub fn read_utf8(path: &Path, kind: Kind) -> Result<String, Finding> {
    let bytes = read(path, kind)?;
    decode_text(bytes).map_err(|at| {
        error(
            path,
            codes::INPUT_ENCODING,
            msg!(
                "`{}` không phải văn bản UTF-8 (byte {})",
                "`{}` is not UTF-8 text (byte {})",
                path.display(),
                at
            ),
        )
        .hint(msg!(
            "lưu lại tệp với bảng mã UTF-8 (Notepad: Lưu thành → Mã hóa UTF-8)",
            "save the file as UTF-8"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_its_mark_is_text() {
        let text = "loai = \"chi-thi\" # Ủy ban";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text(le).unwrap(), text);
        assert_eq!(decode_text(be).unwrap(), text);
        assert_eq!(decode_text(b"ab\xFFc".to_vec()), Err(2));
    }
    use crate::exit::Exit;

    #[test]
    fn regular_files_only_and_within_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        std::fs::write(&p, "loai = \"chi-thi\"").unwrap();
        assert_eq!(read(&p, Kind::Draft).unwrap().len(), 16);
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'#'; Kind::Small.cap() as usize + 1]).unwrap();
        assert_eq!(read(&big, Kind::Small).unwrap_err().code, "INPUT-TOO-LARGE");
        let e = read(dir.path(), Kind::Draft).unwrap_err();
        assert_eq!((e.code.as_ref(), e.exit), ("INPUT-IS-DIR", Exit::NoInput));
        let e = read(&dir.path().join("nope"), Kind::Draft).unwrap_err();
        assert_eq!((e.code.as_ref(), e.exit), ("INPUT-MISSING", Exit::NoInput));
    }

    #[test]
    fn a_file_that_may_not_be_read_is_missing_input() {
        // The audit's m6: an unreadable draft is exit 66, "cannot open input" (a test cannot
        // make a file unreadable to root, who runs CI, so the mapping is tested here).
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let f = open_error(Path::new("bi-mat.toml"), &e);
        assert_eq!((f.code.as_ref(), f.exit), ("INPUT-DENIED", Exit::NoInput));
        assert!(f.hint.is_some());
        let e = std::io::Error::other("disk");
        assert_eq!(open_error(Path::new("x"), &e).exit, Exit::IoErr);
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_pipes_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let zero = dir.path().join("zero.docx");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let e = read(&zero, Kind::Docx).unwrap_err();
        assert_eq!((e.code.as_ref(), e.exit), ("INPUT-NOT-FILE", Exit::NoInput));
        let fifo = dir.path().join("fifo.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success(), "mkfifo");
        assert_eq!(read(&fifo, Kind::Draft).unwrap_err().code, "INPUT-NOT-FILE");
    }
}
