//! Text widths from real font metrics. The rules under the agency name, the Tiêu ngữ and the
//! trích yếu are sized from the width of their text, so the widths must be those Word will
//! lay out: Liberation Serif shares Times New Roman's advance widths (and is SIL OFL, so its
//! numbers may ship here). The table in `metrics_table.rs` is generated from the font files by
//! `tests/metrics_table.rs` (`VBHC_BLESS=1 cargo test --test metrics_table`).

include!("metrics_table.rs");

/// Font faces vbhc lays out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = 3,
}

impl Face {
    pub fn of(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }
}

/// Advance width of one character in font units (of `UNITS_PER_EM`). Characters outside the
/// table (rare symbols) count as the width of `n`, a fair average for Latin text.
fn advance(c: char, face: Face) -> u32 {
    let cp = c as u32;
    match WIDTHS.binary_search_by_key(&cp, |(k, _)| *k) {
        Ok(i) => u32::from(WIDTHS[i].1[face as usize]),
        Err(_) => u32::from(
            WIDTHS[WIDTHS
                .binary_search_by_key(&('n' as u32), |(k, _)| *k)
                .unwrap_or(0)]
            .1[face as usize],
        ),
    }
}

/// Width of `text` in twips at `half_points` size (DOCX `w:sz`). Combining marks have zero
/// advance in the font, so NFC and NFD give the same width.
pub fn width_twips(text: &str, face: Face, half_points: u32) -> u32 {
    to_twips(units(text, face), half_points)
}

fn units(text: &str, face: Face) -> u64 {
    text.chars().map(|c| u64::from(advance(c, face))).sum()
}

fn to_twips(units: u64, half_points: u32) -> u32 {
    // twips = units / upem * size_pt * 20 = units * half_points * 10 / upem
    ((units * u64::from(half_points) * 10 + u64::from(UNITS_PER_EM) / 2) / u64::from(UNITS_PER_EM))
        as u32
}

thread_local! {
    /// Line counts of long texts already wrapped, by font face, size and width: the page
    /// estimate wraps every paragraph, and a batch writes the same paragraphs into every
    /// document.
    static LINES: std::cell::RefCell<crate::text::memo::TextMemo<(Face, u32, u32), usize>> =
        std::cell::RefCell::new(crate::text::memo::TextMemo::new(64, crate::text::memo::MAX_BYTES));
}

/// How many lines [`wrap`] makes of `text`, remembered per thread for texts of 64 bytes or
/// more (bounded: a thread forgets all of it past `text::memo::MAX_BYTES` of texts).
pub fn line_count(text: &str, face: Face, half_points: u32, width: u32) -> usize {
    LINES.with_borrow_mut(|m| {
        m.get_or((face, half_points, width), text, |t| {
            wrap(t, face, half_points, width).len()
        })
    })
}

pub fn wrap(text: &str, face: Face, half_points: u32, width: u32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // Widths add up, so the line's width grows word by word instead of being measured anew.
    let mut line_units = 0;
    let space = u64::from(advance(' ', face));
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let w = units(word, face);
        if line.is_empty() {
            line.push_str(word);
            line_units = w;
        } else if to_twips(line_units + space + w, half_points) > width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
            line_units = w;
        } else {
            line.push(' ');
            line.push_str(word);
            line_units += space + w;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cm(tw: u32) -> f64 {
        f64::from(tw) / 567.0
    }

    #[test]
    fn widths_match_nd30_md_table() {
        // nd30.md §1.3, computed from the same font: 9.57 cm, 5.61/6.05 cm, 4.32 cm.
        let qh = cm(width_twips(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            Face::Bold,
            26,
        ));
        assert!((qh - 9.57).abs() < 0.02, "{qh}");
        let tn = cm(width_twips("Độc lập - Tự do - Hạnh phúc", Face::Bold, 28));
        assert!((tn - 6.05).abs() < 0.02, "{tn}");
        let ub = cm(width_twips("ỦY BAN NHÂN DÂN", Face::Bold, 26));
        assert!((ub - 4.32).abs() < 0.02, "{ub}");
    }

    #[test]
    fn wrap_breaks_at_spaces() {
        let lines = wrap(
            "Về việc tăng cường công tác quản lý nhà nước về khoáng sản",
            Face::Bold,
            28,
            4000,
        );
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width_twips(l, Face::Bold, 28) <= 4000));
    }
}
