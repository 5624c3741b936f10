//! Writing results: to a temporary file beside the target, then renamed into place, so a
//! failure never leaves a partial document and an existing file is replaced only when asked.

use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Refuses an output that is one of the run's inputs (the same file, by identity: a second
/// name or a hard link counts), which `--force` would replace without a word —
/// `vbhc render d.toml -o d.toml --force` would turn the clerk's draft into a DOCX.
pub fn not_an_input(path: &Path, inputs: &[&Path]) -> Result<(), Finding> {
    // Only regular files are compared: comparing opens both, and opening a FIFO blocks.
    let regular = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.is_file());
    if !regular(path) {
        return Ok(());
    }
    for input in inputs {
        if regular(input) && same_file::is_same_file(path, input).unwrap_or(false) {
            return Err(Finding::new(
                codes::OUTPUT_IS_INPUT,
                msg!(
                    "`{}` là tệp đầu vào của lệnh này: không ghi đè lên nó",
                    "`{}` is an input of this command: it is not overwritten",
                    path.display()
                ),
            )
            .at(Location::file(path))
            .hint(msg!(
                "chọn tên khác cho tệp kết quả bằng -o (văn bản là tệp .docx)",
                "choose another name for the result with -o (documents are .docx files)"
            )));
        }
    }
    Ok(())
}

pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), Finding> {
    write(path, bytes, force, Durability::Synced)
}

/// Whether a written file is flushed to the disk before it takes its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Survives a power cut: the one document `render` writes.
    Synced,
    /// Atomic against vbhc failing (the name appears only with the whole content), left to
    /// the system's write-back against a power cut: thousands of `batch` documents, where a
    /// flush per file was a third of the wall time and the run can simply be repeated.
    Atomic,
}

pub fn write(
    path: &Path,
    bytes: &[u8],
    force: bool,
    durability: Durability,
) -> Result<(), Finding> {
    let fail = |code: &'static str, e: &std::io::Error| {
        let f = Finding::new(
            code,
            msg!(
                "không ghi được `{}`: {}",
                "cannot write `{}`: {}",
                path.display(),
                crate::i18n::OsErr(e)
            ),
        )
        .at(Location::file(path));
        // The common case on a clerk's PC: the previous version is open in Word.
        if e.kind() == std::io::ErrorKind::PermissionDenied
            || e.raw_os_error()
                .is_some_and(|c| cfg!(windows) && (c == 32 || c == 33))
        {
            f.hint(msg!(
                "nếu tệp đang mở trong Word, đóng nó rồi chạy lại; hoặc ghi ra tên khác bằng -o",
                "if the file is open in Word, close it and run again; or write another name with -o"
            ))
        } else {
            f
        }
    };
    if path.is_dir() {
        return Err(Finding::new(
            codes::OUTPUT_IS_DIR,
            msg!(
                "`{}` là thư mục: không ghi văn bản đè lên thư mục",
                "`{}` is a folder: a document is not written over a folder",
                path.display()
            ),
        )
        .at(Location::file(path))
        .hint(msg!(
            "chỉ ra tên tệp, ví dụ -o {}",
            "name a file, e.g. -o {}",
            path.join("van-ban.docx").display()
        )));
    }
    if !force && path.exists() {
        return Err(Finding::new(
            codes::OUTPUT_EXISTS,
            msg!(
                "`{}` đã có; không ghi đè",
                "`{}` already exists; not overwriting",
                path.display()
            ),
        )
        .at(Location::file(path))
        .hint(msg!(
            "thêm --force để ghi đè, hoặc chọn tên khác bằng -o",
            "add --force to overwrite, or choose another name with -o"
        )));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        let m = if dir.exists() {
            msg!(
                "không ghi được `{}`: `{}` là một tệp, không phải thư mục",
                "cannot write `{}`: `{}` is a file, not a folder",
                path.display(),
                dir.display()
            )
        } else {
            msg!(
                "không ghi được `{}`: thư mục `{}` không có",
                "cannot write `{}`: folder `{}` does not exist",
                path.display(),
                dir.display()
            )
        };
        return Err(Finding::new(codes::OUTPUT_DIR, m).at(Location::file(path)));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".vbhc-").suffix(".tmp");
    // A temporary file is private (0600); the document it becomes is an ordinary file, with
    // the permissions the user's umask gives any new file (the mode is applied at creation).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| fail(codes::OUTPUT_CREATE, &e))?;
    tmp.write_all(bytes)
        .map_err(|e| fail(codes::OUTPUT_WRITE, &e))?;
    if durability == Durability::Synced {
        tmp.as_file()
            .sync_all()
            .map_err(|e| fail(codes::OUTPUT_WRITE, &e))?;
    }
    if force {
        tmp.persist(path)
            .map_err(|e| fail(codes::OUTPUT_WRITE, &e.error))?;
    } else {
        tmp.persist_noclobber(path)
            .map_err(|e| fail(codes::OUTPUT_EXISTS, &e.error))?;
    }
    Ok(())
}

/// `dir` joined with a file name, with the separator the clerk wrote: on Windows, a folder typed
/// `plugins/dist/lang-son` gave messages naming `plugins/dist/lang-son\plugin.toml`, and a batch
/// `--out ket-qua/thang-3` a report `ket-qua/thang-3\bao-cao.csv`. Windows takes `/` as well as `\`.
pub fn beside(dir: &Path, name: &str) -> PathBuf {
    match dir.to_str() {
        Some(d) if cfg!(windows) && d.contains('/') && !d.contains('\\') => {
            PathBuf::from(format!("{}/{name}", d.trim_end_matches('/')))
        }
        _ => dir.join(name),
    }
}

#[cfg(test)]
mod tests {
    use super::beside;
    use std::path::Path;

    // Runs as a Windows test too (.ci/windows-tests), where `join` alone would give `\`.
    #[test]
    fn a_file_beside_a_folder_takes_the_separator_typed() {
        let typed = beside(Path::new("ket-qua/thang-3/"), "bao-cao.csv");
        assert_eq!(typed.to_str(), Some("ket-qua/thang-3/bao-cao.csv"));
        if cfg!(windows) {
            let native = beside(Path::new(r"ket-qua\thang-3"), "bao-cao.csv");
            assert_eq!(native.to_str(), Some(r"ket-qua\thang-3\bao-cao.csv"));
        }
    }
}
