//! What the clerk sees when vbhc itself is wrong: a panic anywhere (a bug here or in a
//! dependency) ends the run with exit 70 and one finding that says "lỗi nội bộ", the file
//! being worked on and where the bug is — not Rust's backtrace advice and exit 101. Output
//! already written stays whole: temporary files are removed as the stack unwinds.
//!
//! A dependency known to panic on hostile input (calamine on a broken workbook) is run under
//! [`quietly`], which turns its panic into an ordinary error of the caller's choosing.

use crate::finding::codes;
use std::cell::{Cell, RefCell};
use std::sync::Mutex;

thread_local! {
    /// What this thread is working on ("samples/chi-thi.toml", "Danh sách!8:8").
    static CURRENT: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Inside [`quietly`]: the panic is expected and reported by the caller.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    /// The message of the last panic caught by [`quietly`] on this thread.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The first unexpected panic of the run: its message, where it happened, and the work.
static PANIC: Mutex<Option<Crash>> = Mutex::new(None);

#[derive(Debug, Clone)]
pub struct Crash {
    pub message: String,
    pub location: String,
    pub working_on: Option<String>,
}

/// Marks what this thread works on until the guard is dropped.
pub struct WorkingOn(Option<String>);

pub fn working_on(what: impl std::fmt::Display) -> WorkingOn {
    WorkingOn(CURRENT.with_borrow_mut(|c| c.replace(what.to_string())))
}

impl Drop for WorkingOn {
    fn drop(&mut self) {
        let previous = self.0.take();
        CURRENT.with_borrow_mut(|c| *c = previous);
    }
}

fn payload_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "?".to_string())
}

/// Replaces Rust's panic message (which speaks of backtraces to a clerk) with a record that
/// [`take`] hands to the reporter once the panic has unwound to `main`.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = payload_text(info.payload());
        if QUIET.get() {
            LAST.with_borrow_mut(|l| *l = Some(message));
            return;
        }
        let location = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let working_on = CURRENT.with_borrow(Clone::clone);
        let mut slot = PANIC.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            *slot = Some(Crash {
                message,
                location,
                working_on,
            });
        }
    }));
}

/// The run's panic, if one unwound to `main`.
pub fn take() -> Option<Crash> {
    PANIC.lock().unwrap_or_else(|e| e.into_inner()).take()
}

/// Runs `f`; a panic inside it comes back as its message instead of unwinding further.
pub fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let was = QUIET.replace(true);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.set(was);
    r.map_err(|p| {
        LAST.with_borrow_mut(Option::take)
            .unwrap_or_else(|| payload_text(p.as_ref()))
    })
}

/// The one way to make vbhc panic on purpose, so that the crash path is tested end to end:
/// `VBHC_TEST_PANIC=<file name>` panics while that file is processed. Only the test suite
/// sets it.
pub fn test_hook(file: &std::path::Path) {
    if let Some(name) = std::env::var_os("VBHC_TEST_PANIC")
        && file.file_name() == Some(name.as_os_str())
    {
        panic!("VBHC_TEST_PANIC");
    }
}

/// The finding a crash is reported as (exit 70).
pub fn finding(c: &Crash) -> crate::finding::Finding {
    let on = c.working_on.clone().unwrap_or_else(|| "—".to_string());
    crate::finding::Finding::new(codes::INTERNAL_PANIC,
        crate::msg!(
            "lỗi nội bộ của vbhc khi xử lý {}: {} ({})",
            "internal error in vbhc while processing {}: {} ({})",
            on,
            c.message,
            c.location
        ),
    )
    .hint(crate::msg!(
        "đây là lỗi của vbhc, không phải của tệp: gửi thông báo này cùng tệp đang xử lý cho người bảo trì vbhc; các tệp đã ghi trước đó vẫn nguyên vẹn",
        "this is a bug in vbhc, not in the file: send this message with the file being processed to vbhc's maintainers; files written before are intact"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_panics_come_back_as_messages() {
        install();
        let r: Result<(), String> = quietly(|| panic!("capacity overflow"));
        assert_eq!(r.unwrap_err(), "capacity overflow");
        assert_eq!(quietly(|| 7).unwrap(), 7);
    }

    #[test]
    fn the_work_is_remembered_per_thread() {
        let _g = working_on("a.toml");
        {
            let _h = working_on("b.toml");
            assert_eq!(CURRENT.with_borrow(Clone::clone).as_deref(), Some("b.toml"));
        }
        assert_eq!(CURRENT.with_borrow(Clone::clone).as_deref(), Some("a.toml"));
    }
}
