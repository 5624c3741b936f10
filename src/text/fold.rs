//! Text as the reader and checker compare it: Unicode NFC, any run of spaces (tabs, no-break
//! spaces) one space, the tone-mark style folded to one (`HOÀ` and `HÒA` compare equal) and
//! upper case. Only for matching; what is shown keeps the document's own spelling.

use super::tone::{ToneStyle, place_in_word};

/// See the module: the key two spellings of one text share (`Cộng hoà  xã` and
/// `CỘNG HÒA XÃ` both give `CỘNG HÒA XÃ`).
pub fn upper_for_matching(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if word.is_empty() {
            return;
        }
        let lower = word.to_lowercase();
        if lower.is_ascii() {
            // No tone mark to move.
            out.push_str(&lower);
        } else {
            let placed = place_in_word(&lower, ToneStyle::FirstVowel).unwrap_or(lower);
            out.push_str(&placed);
        }
        word.clear();
    };
    let mut space = false;
    for c in super::nfc(s).chars() {
        if c.is_alphabetic() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            if c.is_whitespace() || c == '\u{a0}' {
                space = true;
            } else {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    flush(&mut word, &mut out);
    super::upper(&out)
}

#[cfg(test)]
mod tests {
    use super::upper_for_matching;

    #[test]
    fn tone_style_case_and_spaces_fold() {
        assert_eq!(
            upper_for_matching("Cộng hoà  xã\u{a0}hội"),
            "CỘNG HÒA XÃ HỘI"
        );
        assert_eq!(
            upper_for_matching("CỘNG HOÀ XÃ HỘI"),
            upper_for_matching("Cộng hòa xã hội")
        );
        assert_eq!(upper_for_matching(" Số:\t12/CT-UBND "), "SỐ: 12/CT-UBND");
        assert_eq!(upper_for_matching("Uỷ ban"), "ỦY BAN");
    }
}
