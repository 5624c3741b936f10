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

/// The value of a Roman numeral of digits up to C (`XIV` → 14); `None` when it is not one.
pub fn from_roman(s: &str) -> Option<u32> {
    if !looks_roman(s) {
        return None;
    }
    let val = |c: char| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        _ => 100,
    };
    let cs: Vec<i64> = s.chars().map(val).collect();
    let mut v = 0i64;
    for (i, &c) in cs.iter().enumerate() {
        if cs.get(i + 1).is_some_and(|&n| n > c) {
            v -= c;
        } else {
            v += c;
        }
    }
    // Only a numeral written the canonical way is one (`IIII`, `IC` are not).
    let v = u32::try_from(v).ok()?;
    (roman(v) == s).then_some(v)
}

/// A short run of Roman digits up to C, as a heading's number is written (`II.`, `XIV.`):
/// the shape only, not whether the numeral is well formed.
pub fn looks_roman(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.chars().all(|c| "IVXLC".contains(c))
}

#[cfg(test)]
mod tests {
    #[test]
    fn roman_both_ways() {
        for v in (1..=100).filter(|v| super::roman(*v).len() <= 6) {
            assert_eq!(super::from_roman(&super::roman(v)), Some(v));
        }
        assert_eq!(super::from_roman("IIII"), None);
        assert_eq!(super::from_roman("IC"), None);
    }
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
