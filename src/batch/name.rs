//! Output file names from a pattern (`{{so}}-{{don_vi}}.docx`): one file name, never a path.
//! Whatever a row holds (`../`, `C:\`, `CON`, a `?`), the name stays a plain file inside the
//! output folder and opens on Windows, macOS and Linux alike.

use unicode_normalization::UnicodeNormalization;

/// Longest name kept, in bytes (file systems allow 255; room for the folder's own path).
const MAX_NAME_BYTES: usize = 150;

/// Windows' reserved device names: a file called `CON.docx` cannot be opened there. Windows
/// also reserves the ports numbered 0 and with superscript digits, and the console's own
/// names.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "conin$", "conout$", "com0", "com1", "com2", "com3", "com4",
    "com5", "com6", "com7", "com8", "com9", "com¹", "com²", "com³", "lpt0", "lpt1", "lpt2", "lpt3",
    "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "lpt¹", "lpt²", "lpt³",
];

/// Characters that show nothing or reorder what follows: a name holding U+202E displays
/// U+202E then `gnp.exe.docx` as `xcod.exe.png`. They never reach a file name.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// [`crate::text::strip_marks`], then only ASCII kept.
pub fn ascii(s: &str) -> String {
    crate::text::strip_marks(s)
        .chars()
        .filter(char::is_ascii)
        .collect()
}

/// A safe file name for `raw`: separators, reserved characters and controls become `_`,
/// trailing dots and spaces go, a reserved device name gets a `_` in front, NFC, at most
/// [`MAX_NAME_BYTES`], and it ends in `.docx`.
pub fn safe(raw: &str, transliterate: bool) -> String {
    let raw: String = if transliterate {
        ascii(raw)
    } else {
        raw.nfc().collect()
    };
    let mut s: String = raw
        .chars()
        .filter(|&c| !invisible(c))
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let lower = s.to_lowercase();
    let stem = lower.strip_suffix(".docx").unwrap_or(&lower).len();
    s.truncate(stem);
    let mut stem = s.trim().trim_end_matches(['.', ' ']).to_string();
    if stem.trim_matches('.').is_empty() {
        stem = format!("_{stem}");
    }
    let device = stem.split('.').next().unwrap_or("").trim().to_lowercase();
    if RESERVED.contains(&device.as_str()) {
        stem.insert(0, '_');
    }
    if stem.len() > MAX_NAME_BYTES {
        let mut cut = MAX_NAME_BYTES;
        while !stem.is_char_boundary(cut) {
            cut -= 1;
        }
        stem.truncate(cut);
        stem = stem.trim_end_matches(['.', ' ']).to_string();
    }
    stem.push_str(".docx");
    stem
}

/// The key two names collide on: case-insensitive file systems (NTFS, APFS) treat `A` and `a`
/// as one file, and also `ſ` and `s`, `ς` and `σ`, `K` (Kelvin) and `k`: full Unicode case
/// folding of the NFC name (which folds a little more than either file system: two names
/// that only it confuses are refused, never silently written over each other).
pub fn collision_key(name: &str) -> unicase::UniCase<String> {
    unicase::UniCase::unicode(name.nfc().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_never_leaves_the_folder() {
        assert_eq!(safe("../../etc/passwd", false), ".._.._etc_passwd.docx");
        assert_eq!(safe("/abs/path", false), "_abs_path.docx");
        assert_eq!(safe("C:\\Windows\\x", false), "C__Windows_x.docx");
        assert_eq!(safe("..", false), "_.docx");
        assert_eq!(safe("", false), "_.docx");
    }

    #[test]
    fn reserved_names_and_characters_are_replaced() {
        assert_eq!(safe("CON", false), "_CON.docx");
        assert_eq!(safe("nul.txt", false), "_nul.txt.docx");
        assert_eq!(
            safe("12/QĐ-UBND: Công ty?", false),
            "12_QĐ-UBND_ Công ty_.docx"
        );
        assert_eq!(safe("bao cao. ", false), "bao cao.docx");
        assert_eq!(safe("X.DOCX", false), "X.docx");
    }

    #[test]
    fn vietnamese_is_kept_in_nfc_or_transliterated() {
        assert_eq!(safe("Sở Nội vụ", false), "Sở Nội vụ.docx");
        // NFD in, NFC out.
        assert_eq!(safe("So\u{31B}\u{309}", false), "Sở.docx");
        assert_eq!(safe("Đơn vị Sở Nội vụ", true), "Don vi So Noi vu.docx");
    }

    #[test]
    fn long_names_are_cut_on_a_character() {
        let long = "Ệ".repeat(100);
        let s = safe(&long, false);
        assert!(s.len() <= MAX_NAME_BYTES + 5);
        assert!(s.ends_with(".docx"));
    }

    #[test]
    fn windows_devices_and_invisible_characters() {
        for d in ["COM¹", "lpt²", "COM0", "LPT0", "CONIN$", "conout$.txt"] {
            assert!(safe(d, false).starts_with('_'), "{d}");
        }
        assert_eq!(safe("\u{202E}gnp.exe", false), "gnp.exe.docx");
        assert_eq!(safe("Sở\u{200B}Nội\u{FEFF}vụ", false), "SởNộivụ.docx");
    }

    #[test]
    fn collisions_fold_case_fully() {
        assert_eq!(collision_key("ſ.docx"), collision_key("s.docx"));
        assert_eq!(collision_key("ς.docx"), collision_key("σ.docx"));
        assert_eq!(collision_key("\u{212A}.docx"), collision_key("k.docx"));
        assert_ne!(collision_key("a.docx"), collision_key("b.docx"));
    }

    #[test]
    fn collisions_ignore_case_and_normalisation() {
        assert_eq!(collision_key("Sở.docx"), collision_key("SỞ.DOCX"));
        assert_eq!(
            collision_key("So\u{31B}\u{309}.docx"),
            collision_key("sở.docx")
        );
    }
}
