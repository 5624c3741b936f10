//! Vietnamese typed in the 8-bit encodings offices used before Unicode: TCVN3 (ABC), shown by
//! the `.VnTime` family of fonts, and VNI, shown by `VNI-Times` and its kin. Word keeps such
//! text as the Latin-1 characters of its bytes (`QuyÕt ®Þnh` in TCVN3, `Quyeát ñònh` in VNI),
//! which print as Vietnamese only under the legacy font. Decoding them lets every rule read the
//! words the page shows; that the file is not Unicode is reported once.

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    /// The encoding a font shows, by the names their makers gave them: `.Vn…` for TCVN3,
    /// `VNI-…` for VNI.
    pub fn of_font(font: &str) -> Option<Self> {
        let f = font.trim().as_bytes();
        if f.len() > 3 && f[..3].eq_ignore_ascii_case(b".vn") {
            Some(Self::Tcvn3)
        } else if f.len() > 4 && f[..4].eq_ignore_ascii_case(b"vni-") {
            Some(Self::Vni)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Tcvn3 => "TCVN3 (ABC)",
            Self::Vni => "VNI",
        }
    }
}

/// TCVN3 has lower-case letters only, besides the seven bare capitals; its capitals fonts
/// (`.VnTimeH`, `.VnArialH`) draw every letter as a capital.
fn capitals_font(font: &str) -> bool {
    font.trim().ends_with('H')
}

/// A character that Unicode Vietnamese never holds but a legacy encoding's bytes read as
/// Latin-1 do: `®` for `đ` in TCVN3, `ñ` for `đ` and `ö` for `ư` in VNI. The Latin-1 letters
/// Vietnamese shares (`à`, `ô`, `ã`, `Õ` …: those of [`TCVN3_LETTERS`]) are no evidence.
pub fn marker(c: char) -> bool {
    matches!(c, '\u{A1}'..='\u{FF}') && !c.to_lowercase().all(|l| TCVN3_LETTERS.contains(l))
}

/// Whether the text holds a Vietnamese letter beyond Latin-1 (`đ`, `ư`, `ơ`, `ă`, `ế` …): it
/// is Unicode already, whatever its font.
fn unicode_vietnamese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{100}'..='\u{24F}' | '\u{1EA0}'..='\u{1EF9}'))
}

/// Vietnamese's letters with marks (TCVN3's letters), in the order of [`TCVN3_BYTES`].
const TCVN3_LETTERS: &str =
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂÊÔƠƯĐ";
/// The characters TCVN3's bytes for [`TCVN3_LETTERS`] read as in Latin-1.
const TCVN3_BYTES: &str =
    "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u{AD}õøö÷ùúýûüþ¡¢£¤¥¦§";

fn tcvn3(c: char) -> char {
    TCVN3_BYTES
        .chars()
        .position(|b| b == c)
        .and_then(|i| TCVN3_LETTERS.chars().nth(i))
        .unwrap_or(c)
}

/// VNI's marks typed after a vowel: the combining marks they stand for (a shape, a tone, or
/// both), lower-case and capital forms alike.
fn vni_mark(c: char) -> Option<(Option<char>, Option<char>)> {
    const CIRCUMFLEX: char = '\u{302}';
    const BREVE: char = '\u{306}';
    const ACUTE: char = '\u{301}';
    const GRAVE: char = '\u{300}';
    const HOOK: char = '\u{309}';
    const TILDE: char = '\u{303}';
    const DOT: char = '\u{323}';
    Some(match c.to_lowercase().next()? {
        'ù' => (None, Some(ACUTE)),
        'ø' => (None, Some(GRAVE)),
        'û' => (None, Some(HOOK)),
        'õ' => (None, Some(TILDE)),
        'ï' => (None, Some(DOT)),
        'â' => (Some(CIRCUMFLEX), None),
        'á' => (Some(CIRCUMFLEX), Some(ACUTE)),
        'à' => (Some(CIRCUMFLEX), Some(GRAVE)),
        'å' => (Some(CIRCUMFLEX), Some(HOOK)),
        'ã' => (Some(CIRCUMFLEX), Some(TILDE)),
        'ä' => (Some(CIRCUMFLEX), Some(DOT)),
        'ê' => (Some(BREVE), None),
        'é' => (Some(BREVE), Some(ACUTE)),
        'è' => (Some(BREVE), Some(GRAVE)),
        'ú' => (Some(BREVE), Some(HOOK)),
        'ü' => (Some(BREVE), Some(TILDE)),
        'ë' => (Some(BREVE), Some(DOT)),
        _ => return None,
    })
}

/// VNI's one-byte letters: `đ`, `ơ`, `ư` and the toned `i` and `ỵ`.
fn vni_letter(c: char) -> Option<char> {
    Some(match c {
        'ñ' => 'đ',
        'Ñ' => 'Đ',
        'ô' => 'ơ',
        'Ô' => 'Ơ',
        'ö' => 'ư',
        'Ö' => 'Ư',
        'æ' => 'ỉ',
        'Æ' => 'Ỉ',
        'ó' => 'ĩ',
        'Ó' => 'Ĩ',
        'ò' => 'ị',
        'Ò' => 'Ị',
        'î' => 'ỵ',
        'Î' => 'Ỵ',
        _ => return None,
    })
}

fn vni(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let base = match c {
            'a' | 'A' | 'e' | 'E' | 'o' | 'O' | 'u' | 'U' | 'y' | 'Y' => Some(c),
            'ô' | 'Ô' | 'ö' | 'Ö' => vni_letter(c),
            _ => None,
        };
        let mark = base.and_then(|b| {
            let (shape, tone) = vni_mark(*chars.get(i + 1)?)?;
            // A shape only on the vowels that take it: the circumflex on a, e, o; the breve on
            // a. Tones on every vowel.
            let fits = match shape {
                Some('\u{302}') => matches!(b, 'a' | 'A' | 'e' | 'E' | 'o' | 'O'),
                Some(_) => matches!(b, 'a' | 'A'),
                None => true,
            };
            fits.then_some((shape, tone))
        });
        match (base, mark) {
            (Some(b), Some((shape, tone))) => {
                let composed: String = std::iter::once(b)
                    .chain(shape)
                    .chain(tone)
                    .collect::<String>()
                    .nfc()
                    .collect();
                out.push_str(&composed);
                i += 2;
            }
            _ => {
                out.push(vni_letter(c).unwrap_or(c));
                i += 1;
            }
        }
    }
    out
}

/// The text a run in `font` prints, if `font` is a legacy one and the text is not Unicode
/// already.
pub fn decode(text: &str, font: &str) -> Option<String> {
    let legacy = Legacy::of_font(font)?;
    if unicode_vietnamese(text) || text.is_ascii() && !capitals_font(font) {
        return None;
    }
    let decoded = match legacy {
        Legacy::Tcvn3 => {
            let s: String = text.chars().map(tcvn3).collect();
            if capitals_font(font) {
                crate::text::upper(&s)
            } else {
                s
            }
        }
        Legacy::Vni => vni(text),
    };
    (decoded != text).then_some(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_text_reads_as_it_prints() {
        for (typed, font, printed) in [
            (
                "QuyÕt ®Þnh vÒ viÖc ban hµnh",
                ".VnTime",
                "Quyết định về việc ban hành",
            ),
            ("Sè: 12/2001/Q§-BTC", ".VnTime", "Số: 12/2001/QĐ-BTC"),
            // The capitals font draws every letter as a capital.
            (
                "céng hoµ x· héi chñ nghÜa viÖt nam",
                ".VnTimeH",
                "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ),
            ("bé tµi chÝnh", ".VnTimeH", "BỘ TÀI CHÍNH"),
            (
                "Quyeát ñònh veà vieäc ban haønh",
                "VNI-Times",
                "Quyết định về việc ban hành",
            ),
            (
                "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
                "VNI-Times",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ),
            (
                "Ñoäc laäp - Töï do - Haïnh phuùc",
                "VNI-Times",
                "Độc lập - Tự do - Hạnh phúc",
            ),
            (
                "Ñaø Naüng, ngaøy 05 thaùng 3 naêm 2008; hôïp leä, tyû",
                "VNI-Times",
                "Đà Nẵng, ngày 05 tháng 3 năm 2008; hợp lệ, tỷ",
            ),
        ] {
            assert_eq!(
                decode(typed, font).as_deref(),
                Some(printed),
                "{typed} in {font}"
            );
        }
    }

    #[test]
    fn only_bytes_vietnamese_never_holds_are_evidence() {
        for c in ['®', '§', 'µ', 'Þ', 'ñ', 'ö', '\u{AD}'] {
            assert!(marker(c), "{c}");
        }
        for c in ['à', 'Ô', 'ã', 'Õ', 'ý', 'a', 'ế', 'đ'] {
            assert!(!marker(c), "{c}");
        }
    }

    #[test]
    fn unicode_text_in_an_old_font_is_left_alone() {
        assert_eq!(decode("Quyết định", ".VnTime"), None);
        assert_eq!(decode("Độc lập", "VNI-Times"), None);
        assert_eq!(decode("QuyÕt ®Þnh", "Times New Roman"), None);
        assert_eq!(decode("2008", ".VnTime"), None);
    }
}
