//! Text typed in a legacy 8-bit encoding (TCVN3, VNI) read as the page prints it, before the
//! roles are given: the Quốc hiệu typed as `CéNG HOµ X· HéI` under `.VnTimeH` is the Quốc
//! hiệu, and `Sè: 12/2001/Q§-BTC` is a number with its year.

use super::body::RawBody;
use crate::model::LegacyText;
use crate::text::legacy::{self, Legacy};

/// Words in a legacy font holding a byte Unicode Vietnamese never holds, before the document
/// is taken for one typed in that encoding. A stray `®` in a Unicode document (which the
/// checker's font rule reports anyway) decodes nothing.
const EVIDENCE_WORDS: usize = 3;

/// Decodes every run set in a legacy font whose text is not Unicode already, if the document
/// shows it was typed in that encoding; what was decoded, for the checker to say once.
pub fn decode(body: &mut RawBody) -> Option<LegacyText> {
    let mut evidence = 0usize;
    let mut first: Option<(Legacy, String)> = None;
    for p in &body.paras {
        for r in &p.runs {
            let Some(l) = Legacy::of_font(&r.look.font) else {
                continue;
            };
            let marked = r
                .text
                .split_whitespace()
                .filter(|w| w.chars().any(legacy::marker))
                .count();
            if marked > 0 && first.is_none() {
                first = Some((l, r.look.font.clone()));
            }
            evidence += marked;
        }
    }
    let (encoding, font) = first.filter(|_| evidence >= EVIDENCE_WORDS)?;
    let mut words = 0;
    for p in &mut body.paras {
        for r in &mut p.runs {
            if let Some(d) = legacy::decode(&r.text, &r.look.font) {
                words += d.split_whitespace().count();
                r.text = d;
            }
        }
    }
    Some(LegacyText {
        encoding: encoding.name().to_string(),
        font,
        words,
    })
}
