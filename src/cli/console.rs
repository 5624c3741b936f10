//! The console vbhc writes to, where Windows differs: a Windows 10 console window (conhost)
//! shows colour codes as `←[33m` unless virtual-terminal processing is switched on, and a
//! clerk who double-clicks `vbhc.exe` or drops a draft on it gets a window that closes the
//! moment vbhc ends, taking the report with it.

use crate::i18n::{Lang, Msg};
use std::io::IsTerminal as _;

/// Whether colour codes reach the console as colours: on Windows only once virtual-terminal
/// processing is on (asked once; Windows Terminal has it on already, conhost since Windows 10
/// 1511 on request). Elsewhere terminals read them.
pub fn colours() -> bool {
    #[cfg(windows)]
    {
        static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *ON.get_or_init(|| anstyle_query::windows::enable_ansi_colors().unwrap_or(false))
    }
    #[cfg(not(windows))]
    {
        true
    }
}

/// The console window is vbhc's own: Explorer started it (a double-click, a draft dropped on
/// the exe), so the window closes when vbhc ends. A command prompt, a script, a pipe or Wine
/// under a Unix shell never count.
pub fn owned() -> bool {
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    interactive && processes_on_console() == 1
}

#[cfg(windows)]
#[allow(unsafe_code)] // one Win32 call with a buffer owned here; windows-sys has no safe form
fn processes_on_console() -> u32 {
    let mut ids = [0u32; 4];
    // SAFETY: `ids` is valid for writes of `ids.len()` u32 values for the whole call, and the
    // function writes at most that many.
    unsafe {
        windows_sys::Win32::System::Console::GetConsoleProcessList(
            ids.as_mut_ptr(),
            ids.len() as u32,
        )
    }
}

#[cfg(not(windows))]
fn processes_on_console() -> u32 {
    0
}

/// Keeps vbhc's own window open until the clerk has read it: what to do next when nothing was
/// asked (a double-click), then "press Enter".
pub fn hold(lang: Lang, nothing_asked: bool) {
    if nothing_asked {
        eprintln!(
            "\n{}",
            Msg::new(
                "vbhc chạy từ dòng lệnh (cmd hoặc PowerShell: gõ `vbhc --help`). Từ cửa sổ thư mục: kéo thả một bản nháp .toml lên vbhc.exe để tạo văn bản, hoặc một tệp .docx để kiểm tra.",
                "vbhc runs from a command line (cmd or PowerShell: type `vbhc --help`). From a folder window: drop a .toml draft on vbhc.exe to make the document, or a .docx file to check it."
            )
            .get(lang)
        );
    }
    eprint!(
        "\n{}",
        Msg::new(
            "Nhấn Enter để đóng cửa sổ…",
            "Press Enter to close this window…"
        )
        .get(lang)
    );
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}
