//! Roman numerals, as the province numbers its phần and phụ lục (I, II, III …) and as Word's
//! `upperRoman` lists print them. Read by the DOCX reader, written by the draft loader and
//! recognised by the markup, so they live here rather than in any one of them.

/// `v` in Roman numerals; 0 is the empty string. The caller bounds `v`: each thousand is an
/// `M`.
pub fn roman(mut v: u32) -> String {
    const T: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (n, r) in T {
        while v >= *n {
            s.push_str(r);
            v -= n;
        }
    }
    s
}

/// A short run of Roman digits up to C, as a heading's number is written (`II.`, `XIV.`):
/// the shape only, not whether the numeral is well formed.
pub fn looks_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.chars().all(|c| "IVXLC".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        for (v, r) in [
            (0, ""),
            (1, "I"),
            (4, "IV"),
            (9, "IX"),
            (14, "XIV"),
            (1994, "MCMXCIV"),
        ] {
            assert_eq!(roman(v), r);
        }
        assert!(looks_roman("XIV") && !looks_roman("") && !looks_roman("XIVXIVX"));
        assert!(!looks_roman("IM"));
    }
}
