//! Tone-mark placement on the open syllables `oa`, `oe`, `uy`: `hòa`/`hoà`, `ủy`/`uỷ`,
//! `thủy`/`thuỷ`. Both are accepted Vietnamese; a document should use one. 2026 government
//! bodies write the mark on the first vowel (nd30.md §5.2: `ủy` 118 vs `uỷ` 1), so that is the
//! default; the textbook style (main vowel) is a setting. Only these syllables move: with a
//! final consonant (`hoàn`, `quyết`) both styles agree, and `qu` is an initial (`quý`).

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ToneStyle {
    /// `hòa`, `khỏe`, `ủy`, `thủy` — what 2026 documents use.
    #[default]
    FirstVowel,
    /// `hoà`, `khoẻ`, `uỷ`, `thuỷ` — QĐ 1989/QĐ-BGDĐT's textbook rule.
    MainVowel,
}

impl ToneStyle {
    /// The draft spells the setting with an example word: `kieu_dau = "hòa"` or `"hoà"`.
    pub fn from_example(s: &str) -> Option<Self> {
        let s: String = s.trim().nfc().collect::<String>().to_lowercase();
        match s.as_str() {
            "hòa" | "ủy" | "cu" | "cũ" => Some(Self::FirstVowel),
            "hoà" | "uỷ" | "moi" | "mới" => Some(Self::MainVowel),
            _ => None,
        }
    }
}

/// Whether a word (in NFC) can end in `oa`, `oe` or `uy`, read from its last two letters
/// without decomposing it: most words cannot, and decomposing every word of every row was a
/// fifth of a batch's time. A word with a combining mark takes the full path.
pub(crate) fn may_be_open_syllable(word: &str) -> bool {
    if word.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)) {
        return true;
    }
    let mut rev = word.chars().rev();
    let (Some(last), Some(prev)) = (rev.next(), rev.next()) else {
        return false;
    };
    open_pair(prev, last)
}

/// Whether two letters can end an `oa`, `oe` or `uy` syllable (any tone, either case).
pub(crate) fn open_pair(prev: char, last: char) -> bool {
    matches!(
        last,
        'a' | 'á'
            | 'à'
            | 'ả'
            | 'ã'
            | 'ạ'
            | 'e'
            | 'é'
            | 'è'
            | 'ẻ'
            | 'ẽ'
            | 'ẹ'
            | 'y'
            | 'ý'
            | 'ỳ'
            | 'ỷ'
            | 'ỹ'
            | 'ỵ'
            | 'A'
            | 'Á'
            | 'À'
            | 'Ả'
            | 'Ã'
            | 'Ạ'
            | 'E'
            | 'É'
            | 'È'
            | 'Ẻ'
            | 'Ẽ'
            | 'Ẹ'
            | 'Y'
            | 'Ý'
            | 'Ỳ'
            | 'Ỷ'
            | 'Ỹ'
            | 'Ỵ'
    ) && matches!(
        prev,
        'o' | 'ó'
            | 'ò'
            | 'ỏ'
            | 'õ'
            | 'ọ'
            | 'u'
            | 'ú'
            | 'ù'
            | 'ủ'
            | 'ũ'
            | 'ụ'
            | 'O'
            | 'Ó'
            | 'Ò'
            | 'Ỏ'
            | 'Õ'
            | 'Ọ'
            | 'U'
            | 'Ú'
            | 'Ù'
            | 'Ủ'
            | 'Ũ'
            | 'Ụ'
    )
}

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Re-places the tone mark of one lower-case or capitalised word if it is an open `oa`/`oe`/`uy`
/// syllable; other words come back unchanged.
pub fn place_in_word(word: &str, style: ToneStyle) -> Option<String> {
    if !may_be_open_syllable(word) {
        return None;
    }
    let decomposed: Vec<char> = word.nfd().collect();
    let tone_pos = decomposed.iter().position(|c| TONES.contains(c))?;
    let tone = decomposed[tone_pos];
    let bare: Vec<char> = decomposed
        .iter()
        .copied()
        .filter(|c| !TONES.contains(c))
        .collect();
    // Only plain letters a–z (no circumflex, breve, horn) take part in these rhymes.
    if bare.iter().any(|c| ('\u{300}'..='\u{36f}').contains(c)) {
        return None;
    }
    let lower: String = bare.iter().collect::<String>().to_lowercase();
    let n = lower.chars().count();
    if n < 2 {
        return None;
    }
    let chars: Vec<char> = lower.chars().collect();
    let rhyme = (chars[n - 2], chars[n - 1]);
    let is_target = matches!(rhyme, ('o', 'a') | ('o', 'e') | ('u', 'y'));
    if !is_target {
        return None;
    }
    // `qu` is the initial of quý, quỳ: the mark sits on y in both styles.
    if rhyme == ('u', 'y') && n >= 3 && chars[n - 3] == 'q' {
        return None;
    }
    // The syllable must be initial consonants + the two vowels (no vowel before them: `khoa`
    // yes, `ngoa` yes, `oai` never reaches here since it ends in i).
    if chars[..n - 2].iter().any(|c| "aeiouy".contains(*c)) {
        return None;
    }
    let target = match style {
        ToneStyle::FirstVowel => n - 2,
        ToneStyle::MainVowel => n - 1,
    };
    let mut out: Vec<char> = Vec::with_capacity(bare.len() + 1);
    for (i, c) in bare.iter().enumerate() {
        out.push(*c);
        if i == target {
            out.push(tone);
        }
    }
    Some(out.into_iter().nfc().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ToneStyle::*;

    fn p(w: &str, s: ToneStyle) -> String {
        place_in_word(w, s).unwrap_or_else(|| w.to_string())
    }

    #[test]
    fn open_syllables_move() {
        assert_eq!(p("hoà", FirstVowel), "hòa");
        assert_eq!(p("uỷ", FirstVowel), "ủy");
        assert_eq!(p("thuỷ", FirstVowel), "thủy");
        assert_eq!(p("khoẻ", FirstVowel), "khỏe");
        assert_eq!(p("hòa", MainVowel), "hoà");
        assert_eq!(p("ủy", MainVowel), "uỷ");
        assert_eq!(p("Uỷ", FirstVowel), "Ủy");
    }

    #[test]
    fn closed_syllables_and_qu_stay() {
        assert_eq!(p("hoàn", FirstVowel), "hoàn");
        assert_eq!(p("quý", FirstVowel), "quý");
        assert_eq!(p("quyết", MainVowel), "quyết");
        assert_eq!(p("toán", FirstVowel), "toán");
        assert_eq!(p("hóa", FirstVowel), "hóa");
        assert_eq!(p("ngoài", FirstVowel), "ngoài");
        assert_eq!(p("hoạ", FirstVowel), "họa");
    }

    #[test]
    fn the_quick_test_lets_every_open_syllable_through() {
        use unicode_normalization::UnicodeNormalization;
        // Every tone on every vowel pair, in NFC and NFD, lower and capitalised.
        for pair in ["oa", "oe", "uy"] {
            for tone in TONES {
                for style in [FirstVowel, MainVowel] {
                    for at in 0..2 {
                        let mut w: Vec<char> = format!("h{pair}").chars().collect();
                        w.insert(2 + at, tone);
                        let nfd: String = w.iter().collect();
                        let nfc: String = nfd.nfc().collect();
                        let cap: String = nfc
                            .chars()
                            .enumerate()
                            .flat_map(|(i, c)| {
                                if i == 0 {
                                    c.to_uppercase().collect::<Vec<_>>()
                                } else {
                                    vec![c]
                                }
                            })
                            .collect();
                        for word in [&nfd, &nfc, &cap] {
                            assert!(may_be_open_syllable(word), "{word}");
                            assert!(place_in_word(word, style).is_some(), "{word}");
                        }
                    }
                }
            }
        }
        for w in ["hoàn", "quyết", "người", "tỉnh", "ban"] {
            assert!(!may_be_open_syllable(w), "{w}");
        }
    }

    #[test]
    fn setting_by_example() {
        assert_eq!(ToneStyle::from_example("hoà"), Some(MainVowel));
        assert_eq!(ToneStyle::from_example("hòa"), Some(FirstVowel));
        assert_eq!(ToneStyle::from_example("xyz"), None);
    }
}
