//! Which characters a document's text may hold. XML 1.0 (the `Char` production, §2.2) admits
//! tab, line feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF: a part
//! holding anything else is not XML, and Word, LibreOffice and expat refuse the whole file.
//! Every way text comes in (drafts, spreadsheet cells, templates, plugins) refuses these with a
//! position, and the DOCX writer replaces any that still reach it, so no input can make vbhc
//! write a file that does not open.
//!
//! Beyond XML's rule, text is refused when it holds C0 controls and DEL (no keyboard types
//! them; they are pasted from other software) and the 66 Unicode noncharacters (U+FDD0–U+FDEF
//! and the last two code points of every plane: U+FFFE, U+FFFF, U+1FFFE …), which are never
//! text by definition (Unicode §23.7).

/// Why a character cannot be part of a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Illegal {
    /// A C0 control other than tab and line breaks, or DEL.
    Control,
    /// A Unicode noncharacter (U+FFFE, U+FFFF, U+FDD0 …).
    Noncharacter,
}

/// Whether `c` may appear in an XML 1.0 document (`Char`).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Whether `c` is one of the 66 noncharacters.
pub fn is_noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE
}

/// Why `c` may not be in a text, if it may not.
pub fn illegal(c: char) -> Option<Illegal> {
    if (c < '\u{20}' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{7f}' {
        Some(Illegal::Control)
    } else if is_noncharacter(c) {
        Some(Illegal::Noncharacter)
    } else {
        None
    }
}

/// Whether any byte of `b` is one `hit` says: 32 bytes at a time with no early exit inside a
/// block, a loop the compiler vectorises (`Iterator::any` stops at each byte and is not; the
/// scans of every text for controls were a twentieth of a batch document's cost).
pub fn any_byte(b: &[u8], hit: impl Fn(u8) -> bool) -> bool {
    let mut blocks = b.chunks_exact(32);
    for block in &mut blocks {
        if block.iter().fold(false, |found, &x| found | hit(x)) {
            return true;
        }
    }
    blocks.remainder().iter().any(|&x| hit(x))
}

/// The first character of `s` that may not be in a text, with its 1-based line and column
/// (in characters) inside `s`. ASCII text is passed over a byte at a time.
pub fn first_illegal(s: &str) -> Option<(char, Illegal, usize, usize)> {
    // Tabs and line breaks are allowed: a multi-line field is not suspicious for holding them.
    let suspicious = |b: u8| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f || b == 0xEF || b >= 0xF0
    };
    if !any_byte(s.as_bytes(), suspicious) {
        return None;
    }
    let (mut line, mut column) = (1, 1);
    for c in s.chars() {
        if let Some(why) = illegal(c) {
            return Some((c, why, line, column));
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    None
}

/// `s` with every character XML cannot hold replaced by U+FFFD: the writer's last line of
/// defence. Borrowed when nothing needs replacing (always, for text that came through a
/// loader).
pub fn xml_safe(s: &str) -> std::borrow::Cow<'_, str> {
    // U+FFFE and U+FFFF are EF BF BE / EF BF BF; controls are single bytes below 0x20.
    let b = s.as_bytes();
    let bad_at = |i: usize| {
        let x = b[i];
        (x < 0x20 && !matches!(x, b'\t' | b'\n' | b'\r'))
            || (x == 0xEF
                && b.get(i + 1) == Some(&0xBF)
                && matches!(b.get(i + 2), Some(0xBE | 0xBF)))
    };
    let may_be_bad = |x: u8| (x < 0x20 && !matches!(x, b'\t' | b'\n' | b'\r')) || x == 0xEF;
    if !any_byte(b, may_be_bad) || !(0..b.len()).any(bad_at) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
            .collect(),
    )
}

/// `s` as it may be printed on a terminal: escape sequences (CSI `ESC [ … final`, OSC
/// `ESC ] … BEL` or `ESC \\`, two-character `ESC x`) removed whole, and every other control
/// character but line feed and tab — C0, DEL, C1 (U+0080–U+009F, where U+009B is a CSI of its
/// own) — and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) dropped.
/// A plugin's or a file's text can then neither move the cursor, erase earlier lines, retitle
/// the window, nor show a line reversed.
pub fn for_terminal(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\u{1b}' {
            match it.next() {
                // CSI: parameters and intermediates up to a final byte @ … ~.
                Some('[') => {
                    for d in it.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&d) {
                            break;
                        }
                    }
                }
                // OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC \).
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    while let Some(d) = it.next() {
                        if d == '\u{7}' || d == '\u{9c}' {
                            break;
                        }
                        if d == '\u{1b}' && it.peek() == Some(&'\\') {
                            it.next();
                            break;
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        if !unsafe_char(c) {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// What the clerk is told a character is: "U+FFFF".
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

#[cfg(test)]
mod tests {
    #[test]
    fn any_byte_finds_a_byte_in_a_block_and_in_the_tail() {
        let mut b = vec![b'a'; 100];
        assert!(!super::any_byte(&b, |x| x == b'z'));
        for at in [0, 31, 32, 63, 64, 95, 96, 99] {
            b[at] = b'z';
            assert!(super::any_byte(&b, |x| x == b'z'), "{at}");
            b[at] = b'a';
        }
        assert!(!super::any_byte(&[], |_| true));
    }

    use super::*;

    #[test]
    fn xml_char_is_the_production() {
        for u in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            let production = u == 0x9
                || u == 0xA
                || u == 0xD
                || (0x20..=0xD7FF).contains(&u)
                || (0xE000..=0xFFFD).contains(&u)
                || (0x10000..=0x10FFFF).contains(&u);
            assert_eq!(is_xml_char(c), production, "U+{u:04X}");
            // Whatever XML refuses, the loaders refuse too.
            if !production {
                assert!(illegal(c).is_some(), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn noncharacters_are_66() {
        let n = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_noncharacter(c))
            .count();
        assert_eq!(n, 66);
        assert!(is_noncharacter('\u{FFFE}') && is_noncharacter('\u{10FFFF}'));
        assert!(!is_noncharacter('\u{FFFD}') && !is_noncharacter('ạ'));
    }

    #[test]
    fn the_fast_paths_agree_with_the_slow_ones() {
        for u in (0..0x3000u32)
            .chain(0xFD00..0x10100)
            .chain(0x1FFF0..0x20010)
        {
            let Some(c) = char::from_u32(u) else { continue };
            for s in [format!("{c}"), format!("ab{c}"), format!("Ủy\n{c}x")] {
                let slow = s.chars().any(|c| illegal(c).is_some());
                assert_eq!(first_illegal(&s).is_some(), slow, "U+{u:04X}");
                let replaced: String = s
                    .chars()
                    .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
                    .collect();
                assert_eq!(xml_safe(&s), replaced, "U+{u:04X}");
            }
        }
    }

    #[test]
    fn terminal_text_has_no_escapes() {
        let evil = "a\u{1b}[2K\u{1b}[1A\u{1b}[32mĐã ghi\u{1b}[0m\u{1b}]0;tiêu đề\u{7}b\u{9b}31m\u{202e}gnp\rc\u{1b}]8;;x\u{1b}\\d";
        assert_eq!(for_terminal(evil), "aĐã ghib31mgnpcd");
        assert_eq!(for_terminal("dòng một\n\tdòng hai"), "dòng một\n\tdòng hai");
        assert!(matches!(
            for_terminal("Ủy ban"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn position_is_line_and_column() {
        assert_eq!(
            first_illegal("một\nhai\u{FFFF}"),
            Some(('\u{FFFF}', Illegal::Noncharacter, 2, 4))
        );
        assert_eq!(first_illegal("Ủy ban nhân dân"), None);
    }
}
