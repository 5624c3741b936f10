//! The ND30 checker: one set of rules that judges a `Document`, whether it was laid out from
//! a draft or read from a DOCX someone else made. Each rule has a stable code and a default
//! severity in `rules` (with the reason for it); the rules themselves are grouped by the part
//! of the document they look at. Formatting is judged as it is on the page: the blocks carry
//! resolved sizes, fonts and spacing, never style names.

pub mod rules;

mod body;
mod header;
mod number;
mod page;
mod scope;
mod sign;
mod subject;
mod text;
mod title;

use crate::exit::Exit;
use crate::finding::{Finding, Severity};
use crate::i18n::Qty;
use crate::i18n::{Localised, Msg};
use crate::model::{Block, Content, Document, Paragraph, Role};

/// Where the document came from: a draft vbhc laid out, or a DOCX read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Draft,
    Docx,
}

pub struct Checker<'a> {
    pub doc: &'a Document,
    pub origin: Origin,
    out: Vec<Finding>,
    /// One walk serves the page-number rule and the findings' locations.
    pages: Pages,
    words: Words,
}

/// Each paragraph's [`words`], made once: the page walk and a dozen rules compare words, and
/// making them again for each was a third of the checker's time on a batch's report.
pub struct Words(std::collections::HashMap<*const Paragraph, String>);

thread_local! {
    /// Words of paragraphs seen in earlier documents (a batch's report repeats them all).
    static WORDS: std::cell::RefCell<crate::text::memo::TextMemo<(), String>> =
        std::cell::RefCell::new(crate::text::memo::TextMemo::new(48, crate::text::memo::MAX_BYTES));
}

/// Forgets what this thread's checker kept from earlier documents (their paragraphs' words,
/// tone-mark styles and subjects), so that the next check starts cold: for benchmarks of one
/// document at a time.
pub fn forget() {
    WORDS.with_borrow_mut(crate::text::memo::TextMemo::clear);
    text::forget();
    subject::forget();
}

impl Words {
    pub fn of(doc: &Document) -> Self {
        let mut m = std::collections::HashMap::new();
        WORDS.with_borrow_mut(|memo| {
            for b in doc.blocks() {
                if let Some(p) = para(b) {
                    let w = memo.get_or((), &p.text(), |t| words_owned(t.to_string()));
                    m.insert(p as *const Paragraph, w);
                }
            }
        });
        Self(m)
    }

    /// The paragraph's words; made on the spot for one not in the document's blocks (a
    /// table cell's).
    pub fn get<'a>(&'a self, p: &Paragraph) -> std::borrow::Cow<'a, str> {
        match self.0.get(&(p as *const Paragraph)) {
            Some(w) => std::borrow::Cow::Borrowed(w),
            None => std::borrow::Cow::Owned(words_owned(p.text())),
        }
    }
}

impl<'a> Checker<'a> {
    /// A finding of rule `code`, with the severity the rule table gives it, at `at`.
    pub fn make(&self, code: &'static str, at: Option<&Block>, m: Msg) -> Finding {
        let info = rules::info(code);
        let mut f = match info.severity {
            Severity::Error => Finding::error(code, Exit::Findings, m),
            Severity::Warning => Finding::warning(code, m),
            Severity::Note => Finding::note(code, m),
        };
        // A finding about the whole document still names the file.
        f.location = at.and_then(|b| b.source.clone()).or_else(|| {
            self.doc
                .blocks()
                .find_map(|b| b.source.as_ref()?.file.clone())
                .map(crate::finding::Location::file)
        });
        f
    }

    pub fn push(&mut self, f: Finding) {
        self.out.push(f);
    }

    pub fn blocks(&self, role: Role) -> impl Iterator<Item = &'a Block> + 'a {
        self.doc.blocks().filter(move |b| b.role == role)
    }

    pub fn first(&self, role: Role) -> Option<&'a Block> {
        self.doc.find(role)
    }

    /// A text attached to another (`(Ban hành kèm theo Quyết định số …)` under its title,
    /// and no Số line of its own): the decree's model for it has no number, no date line, no
    /// signature and no Nơi nhận, so their absence is no fault. A draft's stamp above the
    /// title (`DỰ THẢO`) is not yet the body.
    pub fn attached(&self) -> bool {
        !self.attribution().is_empty()
    }

    /// The "(Ban hành kèm theo …)" lines under the title of a text attached to another, in
    /// order; none for a document with a Số line of its own.
    pub fn attribution(&self) -> Vec<&'a Block> {
        if self.first(Role::SoKyHieu).is_some() {
            return Vec::new();
        }
        self.doc
            .blocks()
            .take_while(|b| b.role != Role::Body || crate::reader::roles::is_stamp(&b.text()))
            .filter(|b| b.role == Role::PhuLucAttribution)
            .collect()
    }

    /// Whether the document is a phụ lục ("Phụ lục I" over its own title, which the decree
    /// sets in capitals).
    pub fn phu_luc(&self) -> bool {
        crate::text::upper_for_matching(&self.doc.ten_loai).starts_with("PHỤ LỤC")
    }

    /// A phụ lục sent on its own (a guide "(Kèm theo công văn số …)", Mẫu 2.1): no organ, and
    /// titled "Phụ lục" or attached to a letter, a plan or a report rather than issued by a
    /// quyết định or a nghị quyết (whose attached quy chế repeats the header). The decree's
    /// model for it has no Quốc hiệu.
    pub fn bare_annex(&self) -> bool {
        let phu_luc = self.phu_luc();
        self.attached()
            && self.first(Role::CoQuan).is_none()
            && self.first(Role::QuocHieu).is_none()
            && (phu_luc
                || self.first(Role::PhuLucAttribution).is_some_and(|b| {
                    let k = crate::text::upper_for_matching(&b.text());
                    !["QUYẾT ĐỊNH", "NGHỊ QUYẾT", "NGHỊ ĐỊNH", "THÔNG TƯ"]
                        .iter()
                        .any(|w| k.contains(w))
                }))
    }
}

/// A rule drawn under a line of text (the organ's name, the trích yếu) is 1/3 to 1/2 of that
/// line, with 5 points of give for dragging: one finding when it is not. `what` names the text
/// in both languages ("tên cơ quan", "the organ's name").
pub fn rule_fraction(
    c: &mut Checker,
    code: &'static str,
    rule: &Block,
    line: u32,
    fraction: crate::nd30::Fraction,
    what: (&str, &str),
) {
    let Content::DrawnLine(r) = &rule.content else {
        return;
    };
    if line == 0 {
        return;
    }
    let ratio = f64::from(r.length) / f64::from(line);
    if (fraction.min - 0.05..=fraction.max + 0.05).contains(&ratio) {
        return;
    }
    let f = c
        .make(
            code,
            Some(rule),
            Msg::new(
                format!(
                    "đường kẻ dưới {} dài {} ({:.0} % dòng chữ {}): Nghị định 30 quy định 1/3–1/2 dòng chữ",
                    what.0,
                    cm(r.length).vi(),
                    ratio * 100.0,
                    cm(line).vi()
                ),
                format!(
                    "the rule under {} is {} ({:.0} % of its {} line): Decree 30 asks 1/3–1/2 of the line",
                    what.1,
                    cm(r.length).en(),
                    ratio * 100.0,
                    cm(line).en()
                ),
            ),
        )
        .measured(cm(r.length), format!("{}–{}", cm(line / 3).0, cm(line / 2).0));
    c.push(f);
}

/// Checks a document; findings in document order within each rule group.
pub fn check(doc: &Document, origin: Origin) -> Vec<Finding> {
    // Pages are named only in a read document's findings; a draft's name its line.
    let words = Words::of(doc);
    let pages = paginate(doc, origin == Origin::Docx, &words);
    let mut c = Checker {
        doc,
        origin,
        out: Vec::new(),
        pages,
        words,
    };
    // A document the decree does not govern gets one note, not dozens of findings.
    if scope::run(&mut c) {
        return c.out;
    }
    page::run(&mut c);
    // Typed without diacritics, every word of the header and the closing reads wrong: the
    // cause is said once and the rules that compare words are not run.
    if text::without_diacritics(&mut c) {
        return c.located();
    }
    // Typed in an 8-bit encoding of before Unicode (TCVN3, VNI), read as it printed: said
    // once, and the font rule leaves the legacy fonts to it.
    text::legacy_encoding(&mut c);
    if !header::unread(&mut c) {
        header::run(&mut c);
        number::run(&mut c);
    }
    title::run(&mut c);
    body::run(&mut c);
    subject::run(&mut c);
    sign::run(&mut c);
    text::run(&mut c);
    c.located()
}

impl Checker<'_> {
    /// The findings, on a read document each with the page its paragraph is on.
    fn located(mut self) -> Vec<Finding> {
        if self.origin == Origin::Docx {
            for f in &mut self.out {
                if let Some(l) = f.location.as_mut() {
                    l.page = l.paragraph.and_then(|n| self.pages.start.get(&n).copied());
                }
            }
        }
        self.out
    }

    /// The document's estimated length in pages.
    pub fn estimated_pages(&self) -> f64 {
        self.pages.total
    }

    /// [`block_words`], made once per paragraph.
    pub fn words_of(&self, b: &Block) -> std::borrow::Cow<'_, str> {
        para(b).map_or(std::borrow::Cow::Borrowed(""), |p| self.words.get(p))
    }
}

// ---- Helpers the rule groups share --------------------------------------------------------

pub fn para(b: &Block) -> Option<&Paragraph> {
    match &b.content {
        Content::Paragraph(p) => Some(p),
        _ => None,
    }
}

/// The block's text as printed (NFC, spaces as written).
pub fn text(b: &Block) -> String {
    b.text()
}

/// Text for comparing words: NFC, no soft hyphens, spaces collapsed, trimmed.
pub fn words(s: &str) -> String {
    words_owned(s.to_string())
}

/// `words` of a text the caller owns: returned as it is when it is already plain (nearly
/// always), so the rules pay one pass and no copy.
pub fn words_owned(s: String) -> String {
    let n = match crate::text::nfc(&s) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(n) => n,
    };
    if is_plain(&n) { n } else { collapse(&n) }
}

/// `words` of a block's text (empty for a table or a rule).
pub fn block_words(b: &Block) -> String {
    para(b).map_or_else(String::new, |p| words_owned(p.text()))
}

/// Already single-spaced, trimmed and free of soft hyphens, read in one pass over the bytes:
/// a non-ASCII space or the soft hyphen starts with `C2`, `E1`, `E2` or `E3` in UTF-8, so only
/// those characters are decoded.
fn is_plain(n: &str) -> bool {
    let b = n.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for (i, &x) in b.iter().enumerate() {
        if x == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
            continue;
        }
        after_space = false;
        if x < 0x80 {
            if char::from(x).is_whitespace() {
                return false;
            }
        } else if matches!(x, 0xC2 | 0xE1 | 0xE2 | 0xE3)
            && n[i..]
                .chars()
                .next()
                .is_some_and(|c| c == '\u{ad}' || c.is_whitespace())
        {
            return false;
        }
    }
    true
}

fn collapse(n: &str) -> String {
    let mut out = String::with_capacity(n.len());
    for w in n.split_whitespace() {
        if w.chars().all(|c| c == '\u{ad}') {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().filter(|c| *c != '\u{ad}'));
    }
    out
}

/// Runs that show text.
pub fn visible(p: &Paragraph) -> impl Iterator<Item = &crate::model::Run> {
    p.runs.iter().filter(|r| !r.text.trim().is_empty())
}

/// Runs that hold letters: what a reader sees as bold or italic (a colon or a digit set
/// upright in an italic line does not make the line upright).
fn lettered(p: &Paragraph) -> impl Iterator<Item = &crate::model::Run> {
    p.runs
        .iter()
        .filter(|r| r.text.chars().any(crate::text::is_letter))
}

pub fn all_bold(p: &Paragraph) -> bool {
    let mut any = false;
    for r in lettered(p) {
        any = true;
        if !r.bold {
            return false;
        }
    }
    any
}

pub fn all_italic(p: &Paragraph) -> bool {
    let mut any = false;
    for r in lettered(p) {
        any = true;
        if !r.italic {
            return false;
        }
    }
    any
}

/// Every paragraph of the document with the block it belongs to, table cells included.
pub fn paragraphs(doc: &Document) -> Vec<(&Block, &Paragraph)> {
    doc.blocks()
        .flat_map(|b| paragraphs_of(b).map(move |p| (b, p)))
        .collect()
}

/// A block's paragraphs: itself, or its table's cells' in order.
pub fn paragraphs_of(b: &Block) -> Box<dyn Iterator<Item = &Paragraph> + '_> {
    match &b.content {
        Content::Paragraph(p) => Box::new(std::iter::once(p)),
        Content::Table(t) => Box::new(t.rows.iter().flatten().flatten()),
        _ => Box::new(std::iter::empty()),
    }
}

/// The size most of the paragraph's text has (by characters), half-points.
pub fn main_size(p: &Paragraph) -> Option<u32> {
    // Nearly every paragraph is in one size: no need to count its letters.
    let mut runs = visible(p);
    let first = runs.next()?.size;
    if runs.all(|r| r.size == first) {
        return Some(first);
    }
    let mut counts: Vec<(u32, usize)> = Vec::new();
    for r in visible(p) {
        let n = r.text.chars().filter(|c| !c.is_whitespace()).count();
        match counts.iter_mut().find(|(s, _)| *s == r.size) {
            Some(c) => c.1 += n,
            None => counts.push((r.size, n)),
        }
    }
    counts.into_iter().max_by_key(|c| c.1).map(|c| c.0)
}

pub fn is_upper(s: &str) -> bool {
    let n = crate::text::nfc(s);
    n.chars().any(crate::text::is_letter) && crate::text::upper(&n) == n
}

/// `13 pt`, `12,5 pt` from half-points.
pub fn pt(half_points: u32) -> Qty {
    Qty(if half_points.is_multiple_of(2) {
        format!("{} pt", half_points / 2)
    } else {
        format!("{},5 pt", half_points / 2)
    })
}

/// `20 mm`, `17,5 mm` from twips.
pub fn mm(twips: u32) -> Qty {
    let v = f64::from(twips) / crate::nd30::TWIPS_PER_MM;
    let r = (v * 10.0).round() / 10.0;
    Qty(if (r - r.round()).abs() < 0.05 {
        format!("{} mm", r.round() as i64)
    } else {
        format!("{r:.1} mm").replace('.', ",")
    })
}

/// `5,61 cm` from twips.
pub fn cm(twips: u32) -> Qty {
    Qty(format!("{:.2} cm", f64::from(twips) / crate::nd30::TWIPS_PER_CM).replace('.', ","))
}

/// Whether a face is Times New Roman as far as a reader sees (Word files sometimes name the
/// face `Times New Roman Bold`, which Word and LibreOffice show as Times New Roman).
pub fn is_times(font: &str) -> bool {
    let f = font.trim();
    f.eq_ignore_ascii_case("Times New Roman") || f.starts_with("Times New Roman ")
}

/// Width of a paragraph's text as laid out in Times New Roman (None when another face is
/// used: vbhc only has Times New Roman's metrics).
pub fn width(p: &Paragraph) -> Option<u32> {
    // The text as printed from its first letter to its last: spaces typed to centre a line
    // are not part of it.
    let runs: Vec<_> = p.runs.iter().filter(|r| !r.text.is_empty()).collect();
    let first = runs.iter().position(|r| !r.text.trim().is_empty())?;
    let last = runs.iter().rposition(|r| !r.text.trim().is_empty())?;
    let mut w = 0;
    for (i, r) in runs.iter().enumerate().take(last + 1).skip(first) {
        if !r.text.trim().is_empty() && !is_times(&r.font) {
            return None;
        }
        let mut t: &str = &r.text;
        if i == first {
            t = t.trim_start();
        }
        if i == last {
            t = t.trim_end();
        }
        let face = crate::metrics::Face::of(r.bold, r.italic);
        let n = t.chars().count() as i64;
        let spaced =
            i64::from(crate::metrics::width_twips(t, face, r.size)) + n * i64::from(r.spacing);
        w += spaced.max(0) as u32;
    }
    Some(w)
}

/// The longest line a paragraph's text takes in `region_width`, as laid out.
pub fn longest_line(p: &Paragraph, region_width: u32) -> Option<u32> {
    let r = visible(p).next()?;
    if !is_times(&r.font) {
        return None;
    }
    let face = crate::metrics::Face::of(r.bold, r.italic);
    let text = words_owned(p.text());
    crate::metrics::wrap(&text, face, r.size, region_width.max(1))
        .iter()
        .map(|l| crate::metrics::width_twips(l, face, r.size))
        .max()
}

/// Where the other documents set in the same file begin (a plan before the decision that
/// issues it, a filled copy under its blank): a later section whose text holds the Quốc hiệu,
/// and a second Quốc hiệu the reader found. The first document's text ends before them.
pub fn other_documents(doc: &Document) -> Vec<*const Block> {
    let is_quoc_hieu = |t: &str| {
        // Folded only when it may hold the words: most paragraphs of a long table do not.
        (t.contains("NAM") || t.contains("Nam") || t.contains("nam"))
            && crate::reader::roles::is_quoc_hieu(t)
    };
    let opens = |s: &&crate::model::Section| {
        s.blocks.iter().any(|b| match &b.content {
            Content::Paragraph(p) => is_quoc_hieu(&p.text()),
            Content::Table(t) => t
                .rows
                .iter()
                .flatten()
                .flatten()
                .any(|p| is_quoc_hieu(&p.text())),
            _ => false,
        })
    };
    // The document's own header opens the first such section: a cover page in a section of
    // its own before it is not a document the header then follows.
    let own = doc.sections.iter().position(|s| opens(&s));
    let mut out: Vec<*const Block> = doc
        .sections
        .iter()
        .enumerate()
        .filter(|&(i, s)| i > own.unwrap_or(0) && opens(&s))
        .filter_map(|(_, s)| s.blocks.first().map(|b| b as *const Block))
        .collect();
    out.extend(
        doc.blocks()
            .filter(|b| b.role == Role::QuocHieu)
            .skip(1)
            .map(|b| b as *const Block),
    );
    out
}

/// Roughly how long the document is and where each paragraph falls: every paragraph's wrapped
/// lines at its size and spacing, tables row by row, against each section's text height. The
/// length tells a one-page document from a longer one (the page-number rule); the page a
/// paragraph starts on is what a read document's findings name, so that the clerk finds them
/// in a long document. vbhc does not paginate as Word does: an estimate.
pub struct Pages {
    /// The document's length in pages.
    pub total: f64,
    /// The longest part numbered on its own, in pages: the text, each phụ lục (the decree
    /// numbers a phụ lục's pages apart), a form set after the signature, each other document
    /// set in the same file.
    pub longest_part: f64,
    /// The page each paragraph starts on, by its paragraph number (left empty when not asked).
    pub start: std::collections::HashMap<usize, u32>,
}

pub fn paginate(doc: &Document, by_paragraph: bool, words: &Words) -> Pages {
    let mut start = std::collections::HashMap::new();
    let openers = other_documents(doc);
    // Each part's first and last block's page position: the text, each phụ lục, each other
    // document.
    let mut parts: Vec<(f64, f64)> = vec![(0.0, 0.0)];
    // A form sent with the document, set after its signature under its own "Mẫu …" title (an
    // assessment form a công văn asks to be filled), is numbered apart as a phụ lục is.
    let mut in_form = false;
    let total = walk_pages(doc, words, |b, at| {
        if by_paragraph && let Some(n) = b.source.as_ref().and_then(|s| s.paragraph) {
            start.entry(n).or_insert(at.floor() as u32 + 1);
        }
        let form = !in_form
            && b.role == Role::NguoiSoan
            && crate::text::upper_for_matching(b.text().trim_start()).starts_with("MẪU ");
        in_form |= form;
        if form || b.role == Role::PhuLucLabel || openers.contains(&(b as *const Block)) {
            parts.push((at, at));
        } else if let Some(last) = parts.last_mut() {
            last.1 = at;
        }
    });
    // The last part runs to the end; the others to their last block's start, as the page a
    // section break leaves half empty is not the part's.
    if let Some(last) = parts.last_mut() {
        last.1 = total.max(last.1);
    }
    let longest_part = parts.iter().map(|(a, b)| b - a).fold(0.0, f64::max);
    Pages {
        total,
        longest_part,
        start,
    }
}

/// Walks the blocks with the page position each starts at (0.0 = top of page 1); returns the
/// document's length in pages. A section starts a new page.
fn walk_pages(doc: &Document, words: &Words, mut visit: impl FnMut(&Block, f64)) -> f64 {
    let mut pages = 0.0;
    // Where the section starts: a whole page after the last one's end.
    let mut start = 0.0_f64;
    for s in &doc.sections {
        let g = &s.page;
        let height = f64::from(
            g.height
                .saturating_sub(g.margins.top + g.margins.bottom)
                .max(1),
        );
        let width = g.text_width().max(1);
        let para_height = |p: &Paragraph, w: u32| -> f64 {
            let size = main_size(p).unwrap_or(28);
            let face = visible(p)
                .next()
                .map_or(crate::metrics::Face::Regular, |r| {
                    crate::metrics::Face::of(r.bold, r.italic)
                });
            let text = words.get(p);
            let lines = crate::metrics::line_count(&text, face, size, w.max(1)).max(1);
            let line = match p.format.line_rule {
                crate::model::LineRule::Auto => {
                    f64::from(size) * 10.0 * 1.15 * f64::from(p.format.line.max(1)) / 240.0
                }
                _ => f64::from(p.format.line.max(size * 10)),
            };
            lines as f64 * line + f64::from(p.format.space_before + p.format.space_after)
        };
        let mut used = 0.0;
        for b in &s.blocks {
            visit(b, start + used / height);
            match &b.content {
                Content::Paragraph(p) => {
                    let w = width.saturating_sub(p.format.indent_left + p.format.indent_right);
                    let w = match b.region {
                        crate::model::Region::Page | crate::model::Region::Footer => w,
                        _ => w / 2,
                    };
                    used += para_height(p, w);
                }
                Content::Table(t) => {
                    for row in &t.rows {
                        let tallest = row
                            .iter()
                            .zip(t.columns.iter().chain(std::iter::repeat(&0)))
                            .map(|(cell, col)| {
                                let w = if *col > 0 {
                                    *col
                                } else {
                                    width / row.len().max(1) as u32
                                };
                                cell.iter().map(|p| para_height(p, w)).sum::<f64>()
                            })
                            .fold(0.0, f64::max);
                        used += tallest;
                    }
                }
                _ => {}
            }
        }
        pages += (used / height).max(0.1);
        start += (used / height).max(0.1).ceil();
    }
    pages
}

#[cfg(test)]
mod words_tests {
    use super::*;

    /// The one-pass test agrees with collapsing for every character up to U+3100 in every
    /// position that matters.
    #[test]
    fn plain_text_is_what_collapsing_leaves_alone() {
        for c in (0..0x3100u32).filter_map(char::from_u32) {
            for t in [
                format!("{c}"),
                format!("a{c}b"),
                format!("a {c} b"),
                format!("{c}a"),
                format!("a{c}"),
                format!("a {c}"),
            ] {
                assert_eq!(
                    is_plain(&t),
                    collapse(&t) == t,
                    "U+{:04X} in {t:?}",
                    c as u32
                );
                assert_eq!(words(&t), collapse(&crate::text::nfc(&t)));
                assert_eq!(words_owned(t.clone()), words(&t));
            }
        }
        assert_eq!(words("  Ủy  ban\u{ad} nhân\tdân "), "Ủy ban nhân dân");
    }
}
