//! Helpers for a plugin's unit tests (`cargo test` runs them natively, no wasm needed).
//!
//! ```
//! use vbhc_plugin::testing::{doc, assert_well_formed};
//! use vbhc_plugin::{Date, Finding, Info, Role};
//!
//! let d = doc("chi-thi", Date::y(2026), &[(Role::CoQuan, "ỦY BAN NHÂN DÂN")]);
//! assert_eq!(d.blocks.len(), 1);
//! let info = Info::new("bac-kan", "Bắc Kạn", "1.0.0", "Bắc Kạn");
//! assert_well_formed(&info, &[Finding::note("BAC-KAN-X", "Ghi chú", "A note")]);
//! ```

use crate::{DocBlock, Document, Finding, Info, Role};

/// A document of `kind` dated `date` with the given blocks, in order.
pub fn doc(kind: &str, date: crate::Date, blocks: &[(Role, &str)]) -> Document {
    Document {
        kind: kind.into(),
        date,
        blocks: blocks
            .iter()
            .map(|(role, text)| DocBlock {
                role: *role,
                text: (*text).into(),
            })
            .collect(),
    }
}

/// The host's limits (`[plugin]` defaults): a plugin must stay far inside them.
pub const MAX_LIST: usize = 500;
/// At most this many findings per `validate`.
pub const MAX_FINDINGS: usize = 200;
/// At most this many characters per string.
pub const MAX_CHARS: usize = 4000;

/// Panics with a clear message unless every finding is one the host accepts: a code with the
/// plugin's prefix, both messages present, precomposed text, within the limits.
pub fn assert_well_formed(info: &Info, findings: &[Finding]) {
    assert!(
        crate::is_valid_id(&info.id),
        "plugin id {:?} is not lower-case ASCII with dashes",
        info.id
    );
    assert!(
        findings.len() <= MAX_FINDINGS,
        "{} findings (the host takes {MAX_FINDINGS})",
        findings.len()
    );
    let prefix = crate::code_prefix(&info.id);
    for f in findings {
        assert!(
            f.code.starts_with(&prefix) && f.code.len() > prefix.len(),
            "code {:?} does not start with {prefix:?}",
            f.code
        );
        assert!(
            f.code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-'),
            "code {:?}: upper-case ASCII letters, digits and dashes only",
            f.code
        );
        assert!(
            !f.message_vi.trim().is_empty(),
            "{}: empty Vietnamese message",
            f.code
        );
        assert!(
            !f.message_en.trim().is_empty(),
            "{}: empty English message",
            f.code
        );
        assert_eq!(
            f.hint_vi.is_some(),
            f.hint_en.is_some(),
            "{}: a hint in one language only",
            f.code
        );
        for s in [
            Some(&f.message_vi),
            Some(&f.message_en),
            f.hint_vi.as_ref(),
            f.hint_en.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            assert_text(&f.code, s);
        }
    }
}

/// Panics unless `s` is text the host accepts and vbhc's style wants: within the length limit,
/// precomposed, in the new tone-mark style.
pub fn assert_text(context: &str, s: &str) {
    assert!(
        s.chars().count() <= MAX_CHARS,
        "{context}: {} characters",
        s.chars().count()
    );
    assert!(
        !crate::text::has_combining_marks(s),
        "{context}: decomposed diacritics in {s:?}"
    );
    assert!(
        !crate::text::has_old_tone_style(s),
        "{context}: old tone-mark style (hoà, uỷ) in {s:?}"
    );
}

/// Panics unless every string of a list the plugin returns is acceptable ([`assert_text`])
/// and the list is within the host's limit.
pub fn assert_lines(context: &str, lines: &[String]) {
    assert!(lines.len() <= MAX_LIST, "{context}: {} items", lines.len());
    for l in lines {
        assert_text(context, l);
        assert!(
            !l.starts_with("- ") && !l.ends_with(';'),
            "{context}: {l:?}: vbhc adds \"- \" and \";\" itself"
        );
        assert!(
            !crate::text::is_luu_line(l),
            "{context}: {l:?}: the Lưu line is vbhc's (house-style.luu)"
        );
    }
}
