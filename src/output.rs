//! Writing results: to a temporary file beside the target, then renamed into place, so a
//! failure never leaves a partial document and an existing file is replaced only when asked.

use crate::exit::Exit;
use crate::finding::{Finding, Location};
use crate::msg;
use std::io::Write;
use std::path::Path;

pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), Finding> {
    let fail = |code: &'static str, exit: Exit, e: &dyn std::fmt::Display| {
        Finding::error(
            code,
            exit,
            msg!(
                "không ghi được `{}`: {}",
                "cannot write `{}`: {}",
                path.display(),
                e
            ),
        )
        .at(Location::file(path))
    };
    if !force && path.exists() {
        return Err(Finding::error(
            "OUTPUT-EXISTS",
            Exit::CantCreate,
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
        return Err(fail(
            "OUTPUT-DIR",
            Exit::CantCreate,
            &msg!(
                "thư mục `{}` không có",
                "folder `{}` does not exist",
                dir.display()
            )
            .vi,
        ));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".vbhc-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| fail("OUTPUT-CREATE", Exit::CantCreate, &e))?;
    tmp.write_all(bytes)
        .map_err(|e| fail("OUTPUT-WRITE", Exit::IoErr, &e))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| fail("OUTPUT-WRITE", Exit::IoErr, &e))?;
    if force {
        tmp.persist(path)
            .map_err(|e| fail("OUTPUT-WRITE", Exit::IoErr, &e.error))?;
    } else {
        tmp.persist_noclobber(path)
            .map_err(|e| fail("OUTPUT-EXISTS", Exit::CantCreate, &e.error))?;
    }
    Ok(())
}
