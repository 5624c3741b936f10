//! Who speaks in the document's own sentences. A city's or a xã's document composed from a
//! province's wording says "Ủy ban nhân dân tỉnh thông báo …": the issuing subject of a
//! lead-in or a closing names another level than the organ in the header. Only the subject of
//! the document's own verbs counts — a city may well cite or report to "Ủy ban nhân dân tỉnh X".

use super::{Checker, block_words};
use crate::model::{Block, Region, Role};
use crate::msg;
use crate::organ::{Facts, Kind, Level, Organ};

/// The verbs with which an issuer speaks in its own document.
const VERBS: &[&str] = &[
    "thông báo",
    "yêu cầu",
    "ban hành",
    "hướng dẫn",
    "báo cáo",
    "kính mời",
    "kính đề nghị",
    "đề nghị",
    "chỉ thị",
    "quyết định",
    "tổ chức",
    "xây dựng",
    "có ý kiến",
];

/// The unit words a UBND's name carries, in the order they are tried.
const UNITS: &[&str] = &[
    "tỉnh",
    "thành phố",
    "thị xã",
    "thị trấn",
    "huyện",
    "quận",
    "xã",
    "phường",
    "đặc khu",
];

pub fn run(c: &mut Checker) {
    let lines: Vec<String> = c.blocks(Role::CoQuan).map(block_words).collect();
    if lines.is_empty() {
        return;
    }
    let parent = c.first(Role::ChuQuan).map(block_words);
    let organ = Organ::from_facts(&Facts {
        lines: &lines,
        chu_quan: parent.as_deref(),
        ..Facts::default()
    });
    if !matches!(organ.kind, Kind::Ubnd | Kind::ChuTich) || organ.level == Level::TrungUong {
        return;
    }
    let own = organ.level.word().to_lowercase();
    let body: Vec<&Block> = c
        .doc
        .blocks()
        .filter(|b| b.role == Role::Body && b.region == Region::Page)
        .collect();
    for b in body {
        let Some(named) = other_level_subject(&c.words_of(b), &own) else {
            continue;
        };
        let f = c.make(
            "ND30-CHU-THE",
            Some(b),
            msg!(
                "câu văn lấy \"Ủy ban nhân dân {}\" làm chủ thể, nhưng cơ quan ban hành là cấp {}",
                "the sentence's subject is \"Ủy ban nhân dân {}\", but the issuing organ is a {}",
                named,
                own
            ),
        );
        c.push(f);
    }
}

/// The unit word of a UBND that is the subject of one of the document's own verbs, at the
/// start of the paragraph or of a clause after a comma, when it is not the organ's own.
fn other_level_subject(t: &str, own: &str) -> Option<String> {
    SUBJECTS
        .with_borrow_mut(|m| m.get_or((), t, subjects))
        .into_iter()
        .find(|u| *u != own)
        .map(str::to_string)
}

thread_local! {
    /// The subjects of paragraphs seen in earlier documents: lower-casing a long paragraph
    /// that names a UBND was most of this rule's time in a batch.
    static SUBJECTS: std::cell::RefCell<crate::text::memo::TextMemo<(), Vec<&'static str>>> =
        std::cell::RefCell::new(crate::text::memo::TextMemo::new(48, crate::text::memo::MAX_BYTES));
}

pub(super) fn forget() {
    SUBJECTS.with_borrow_mut(crate::text::memo::TextMemo::clear);
}

/// The unit words of the UBNDs that are subjects of the document's own verbs in `t`, in order.
fn subjects(t: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    // Lower-casing every paragraph to look for a phrase most do not hold: look for its tail
    // as it is written first.
    if !["hân dân", "hân Dân", "HÂN DÂN", "HÂN Dân"]
        .iter()
        .any(|p| t.contains(p))
    {
        return out;
    }
    let lower = t.to_lowercase().replace("uỷ", "ủy");
    for (i, _) in lower.match_indices("ủy ban nhân dân ") {
        let before = lower[..i].trim_end();
        let before = before
            .strip_suffix("chủ tịch")
            .map_or(before, str::trim_end);
        if !(before.is_empty() || before.ends_with(',')) {
            continue;
        }
        let rest = &lower[i + "ủy ban nhân dân ".len()..];
        let Some(unit) = UNITS.iter().find(|u| rest.starts_with(&format!("{u} "))) else {
            continue;
        };
        // The unit's proper name may follow ("tỉnh Lào Cai"): up to four capitalised words of
        // the original text.
        let orig_rest = &t[t.len() - rest.len() + unit.len()..];
        let mut words = orig_rest.split_whitespace().peekable();
        let mut skipped = 0;
        while skipped < 4
            && words
                .peek()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            words.next();
            skipped += 1;
        }
        let after: String = words.take(3).collect::<Vec<_>>().join(" ").to_lowercase();
        if VERBS.iter().any(|v| after.starts_with(v)) {
            out.push(*unit);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::other_level_subject;

    #[test]
    fn only_the_issuing_subject() {
        assert_eq!(
            other_level_subject(
                "Ủy ban nhân dân tỉnh thông báo cho các đơn vị được biết./.",
                "thành phố"
            ),
            Some("tỉnh".into())
        );
        assert_eq!(
            other_level_subject(
                "Thực hiện Chỉ thị số 11, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở:",
                "xã"
            ),
            Some("tỉnh".into())
        );
        assert_eq!(
            other_level_subject("Ủy ban nhân dân tỉnh thông báo", "tỉnh"),
            None
        );
        // Cited or reported to: not the subject.
        assert_eq!(
            other_level_subject(
                "kịp thời báo cáo Ủy ban nhân dân tỉnh để xem xét, giải quyết./.",
                "thành phố"
            ),
            None
        );
        assert_eq!(
            other_level_subject(
                "Thực hiện Kế hoạch số 12/KH-UBND của Ủy ban nhân dân tỉnh Lào Cai về …",
                "xã"
            ),
            None
        );
        assert_eq!(
            other_level_subject("Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch", "phường"),
            Some("tỉnh".into())
        );
    }
}
