//! The header as the clerk typed it. Offices that still type headers by hand put several of the
//! header's lines in one paragraph (line breaks) or both columns on one line (the organ, a run
//! of tabs or spaces, then the Quốc hiệu). The roles are given line by line, so such paragraphs
//! are cut into the lines and columns they print as before the header is mapped; a paragraph
//! keeps its number (`¶`), so findings still point at what the clerk sees.

use super::words::*;
use crate::reader::body::{RawBody, RawLine, RawPara, RawRun, is_typed_rule, typed_rule_to_line};

/// How far down the header is looked for, in paragraphs.
const HEADER_ZONE: usize = 40;

/// The body with its header paragraphs cut into lines and columns, and the closing lines that
/// hold both columns (`Nơi nhận:` ⇥⇥ `TM. ỦY BAN NHÂN DÂN`) cut in two; `None` when nothing
/// needs cutting.
pub(super) fn split_layout(body: &RawBody) -> Option<RawBody> {
    let limit = body.paras.len().min(HEADER_ZONE);
    // Not into a second Quốc hiệu: a copy of the document set under the first.
    let limit = body.paras[..limit]
        .iter()
        .enumerate()
        .filter(|(_, p)| is_quoc_hieu(&p.text()))
        .nth(1)
        .map_or(limit, |(i, _)| i);
    let mut head: Vec<Vec<RawPara>> = body.paras[..limit].iter().map(pieces).collect();
    // Not past the text's opening: a closing date line below it is not the header's.
    if let Some(q) = head
        .iter()
        .position(|ps| ps.iter().any(|p| is_quoc_hieu(&p.text())))
        && let Some(k) = head.iter().skip(q + 1).position(|ps| {
            ps.iter().any(|p| opens_text(&p.text()))
                && !ps.iter().any(|p| is_header_line(&p.text()))
        })
    {
        head.truncate(q + 1 + k);
    }
    let limit = head.len();
    // The header ends at its last fixed line; body paragraphs below keep their line breaks.
    let end = head
        .iter()
        .rposition(|ps| ps.iter().any(|p| is_header_line(&p.text())))
        .map_or(0, |e| e + 1);
    // The rule typed under the header's last line (`----- o0o -----`) is the header's too.
    let end = if end > 0 && end < limit && is_typed_rule(&body.paras[end].text()) {
        end + 1
    } else {
        end
    };
    let mut pieces: Vec<Vec<RawPara>> = head.into_iter().take(end).collect();
    // The tên loại with its trích yếu and attribution typed as one paragraph (`QUY CHẾ ⏎ … ⏎
    // (Ban hành kèm theo …)`): read as its lines, like the header's.
    let title = (end..body.paras.len().min(end + 4))
        .find(|&k| !body.paras[k].text().trim().is_empty())
        .filter(|&k| end > 0 && opens_with_ten_loai(&body.paras[k]));
    // The trích yếu with the attribution under it after a line break (`An toàn phòng cháy … ⏎
    // (Ban hành kèm theo Quyết định số …`): its lines too.
    let attributed = |k: usize| {
        end > 0 && k < end + 6 && {
            let lines = split_lines(&body.paras[k]);
            lines.len() > 1 && lines[1..].iter().any(|l| is_attribution(&l.text()))
        }
    };
    for (k, p) in body.paras.iter().enumerate().skip(end) {
        if Some(k) == title || attributed(k) {
            pieces.push(split_lines(p));
            continue;
        }
        pieces.push(
            match may_hold_closing_columns(p)
                .then(|| split_columns(p, closing_columns))
                .flatten()
            {
                Some((l, r)) => vec![l, r],
                None => vec![p.clone()],
            },
        );
    }
    let unchanged = |(p, ps): (&RawPara, &Vec<RawPara>)| ps.len() == 1 && ps[0].rules == p.rules;
    if body.paras.iter().zip(&pieces).all(unchanged) {
        return None;
    }
    let mut out = RawBody {
        paras: Vec::with_capacity(body.paras.len() + 8),
        sections: body.sections.clone(),
        tables: body.tables.clone(),
    };
    // Where each old paragraph starts now, for the tables' first paragraphs.
    let mut start = Vec::with_capacity(body.paras.len());
    for ps in pieces {
        start.push(out.paras.len());
        out.paras.extend(ps);
    }
    for t in &mut out.tables {
        if let Some(&s) = start.get(t.first_para) {
            t.first_para = s;
        }
    }
    Some(out)
}

/// A header line's two columns: a right-column line (Quốc hiệu, Tiêu ngữ, date line) on the
/// right, or two typed rules side by side.
fn header_columns(left: &str, right: &str) -> bool {
    // A bracketed line is one line (an attribution with its number and date left blank),
    // unless it is the V/v some offices bracket (`(V/v …)` ⇥ `Đà Nẵng, ngày …`).
    if left.trim_start().starts_with('(') && !is_vv(left) {
        return false;
    }
    is_right_column(right) && !is_right_column(left) || is_typed_rule(left) && is_typed_rule(right)
}

/// Whether a paragraph can be a closing line of two columns at all, read without copying its
/// text: it opens with `Nơi nhận`, `-` or `+` and holds a tab or a run of three spaces.
fn may_hold_closing_columns(p: &RawPara) -> bool {
    let Some(first) = p
        .runs
        .iter()
        .map(|r| r.text.trim_start())
        .find(|t| !t.is_empty())
    else {
        return false;
    };
    first.starts_with(['-', '+', 'N', 'n'])
        && p.runs
            .iter()
            .any(|r| r.text.contains('\t') || r.text.contains("   ") || r.text.contains('\u{a0}'))
}

/// A closing line's two columns: `Nơi nhận:` or a recipient on the left, the authority, a
/// position or the signer's name on the right.
fn closing_columns(left: &str, right: &str) -> bool {
    let l = left.trim_start();
    let r = right.trim();
    (is_noi_nhan(l) || l.starts_with('-') || l.starts_with('+'))
        && !r.starts_with('-')
        && (authority_prefix(r).is_some()
            || (is_upper(r) && r.split_whitespace().count() <= 8)
            || looks_like_name(r)
            || super::sign::is_signature_note(r))
}

/// Whether a paragraph's first line is a tên loại and other lines follow it.
fn opens_with_ten_loai(p: &RawPara) -> bool {
    let lines = split_lines(p);
    lines.len() > 1 && ten_loai_of(&lines[0].text()).is_some()
}

fn is_header_line(t: &str) -> bool {
    // `(Ban hành theo Quyết định số: …/QĐ-… ngày … tháng … năm …)` is the title's, not a header
    // line.
    !t.trim_start().starts_with('(')
        && (is_quoc_hieu(t) || is_tieu_ngu(t) || is_party_motto(t) || is_date_line(t) || is_so(t))
}

/// One paragraph as the lines and columns it prints as (itself when it is one line of one
/// column).
fn pieces(p: &RawPara) -> Vec<RawPara> {
    let lines = split_lines(p);
    let mut out = Vec::with_capacity(lines.len());
    for line in lines.into_iter().flat_map(motto_apart) {
        match split_columns(&line, header_columns) {
            Some((l, r)) => {
                out.push(l);
                out.push(r);
            }
            None => out.push(line),
        }
    }
    for q in &mut out {
        typed_rule_to_line(q);
    }
    out
}

/// A paragraph's lines, cut at its line breaks. Only the last line keeps the paragraph's rules
/// (a bottom border is drawn under the last line).
fn split_lines(p: &RawPara) -> Vec<RawPara> {
    if !p.runs.iter().skip(1).any(|r| r.break_before) {
        return vec![p.clone()];
    }
    let mut lines: Vec<Vec<RawRun>> = vec![Vec::new()];
    for r in &p.runs {
        if r.break_before && !lines.last().is_some_and(Vec::is_empty) {
            lines.push(Vec::new());
        }
        let mut r = r.clone();
        r.break_before = false;
        lines.last_mut().expect("one line at least").push(r);
    }
    lines.retain(|l| l.iter().any(|r| !r.text.trim().is_empty()));
    if lines.len() <= 1 {
        return vec![p.clone()];
    }
    let last = lines.len() - 1;
    lines
        .into_iter()
        .enumerate()
        .map(|(i, runs)| RawPara {
            runs,
            label: if i == 0 { p.label.clone() } else { None },
            rules: if i == last {
                p.rules.clone()
            } else {
                Vec::new()
            },
            page_break: i == 0 && p.page_break,
            ..p.clone()
        })
        .collect()
}

/// The Quốc hiệu and the Tiêu ngữ typed as one paragraph that the narrow cell wraps into its
/// two lines: read as the two lines it prints as.
fn motto_apart(p: RawPara) -> Vec<RawPara> {
    let text: String = p.runs.iter().map(|r| r.text.as_str()).collect();
    if text.len() > 200 || !is_quoc_hieu(&text) || !is_tieu_ngu(&text) {
        return vec![p];
    }
    let Some(at) = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| {
            i > 0
                && text[i..].starts_with(char::is_alphanumeric)
                && bare_letters(&text[i..]).starts_with("DOCLAPTUDOHANHPHUC")
        })
        .filter(|&i| is_quoc_hieu(&text[..i]))
    else {
        return vec![p];
    };
    let (a, b) = cut_runs(&p.runs, at, at);
    vec![
        RawPara {
            runs: a,
            rules: Vec::new(),
            ..p.clone()
        },
        RawPara { runs: b, ..p },
    ]
}

/// A line holding both columns: the left text, a gap of tabs or at least three spaces, then
/// the right text, when `fits` says the two are what the columns hold.
/// Each half is placed by its words, not by alignment: the paragraph's own alignment says
/// nothing about where a tab stop puts each half, so both are treated as centred in their
/// column.
fn split_columns(p: &RawPara, fits: fn(&str, &str) -> bool) -> Option<(RawPara, RawPara)> {
    if p.cell.is_some() {
        return None;
    }
    let text: String = p.runs.iter().map(|r| r.text.as_str()).collect();
    // The last gap that leaves a right-column line on its right: `Số:    /UBND` holds a gap
    // too, and a date typed with blank days holds several.
    let (a, b) = gaps(&text).into_iter().rev().find(|&(a, b)| {
        let (left, right) = (&text[..a], &text[b..]);
        !left.trim().is_empty() && fits(left, right)
    })?;
    let (l, r) = cut_runs(&p.runs, a, b);
    let mut props = p.props.clone();
    props.jc = Some("center".into());
    props.ind_first = None;
    props.ind_left = None;
    props.ind_right = None;
    let half = |runs: Vec<RawRun>, rules: Vec<RawLine>| RawPara {
        runs,
        rules,
        props: props.clone(),
        label: None,
        ..p.clone()
    };
    let mut right = half(r, p.rules.clone());
    right.right_half = true;
    Some((half(l, Vec::new()), right))
}

/// The gaps that may part columns: runs of tabs and spaces holding a tab, or of three spaces or
/// more (no-break spaces count), between two words. Byte ranges.
fn gaps(text: &str) -> Vec<(usize, usize)> {
    let t = text.trim_end();
    let lead = t.len() - t.trim_start().len();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut spaces = 0;
    let mut tab = false;
    for (i, c) in t.char_indices().skip_while(|&(i, _)| i < lead) {
        if c == '\t' || c == ' ' || c == '\u{a0}' {
            if start.is_none() {
                start = Some(i);
                spaces = 0;
                tab = false;
            }
            spaces += 1;
            tab |= c == '\t';
        } else if let Some(s) = start.take()
            && (tab || spaces >= 3)
        {
            out.push((s, i));
        }
    }
    out
}

/// Runs cut at a byte range of their joined text: the runs before it and after it.
fn cut_runs(runs: &[RawRun], a: usize, b: usize) -> (Vec<RawRun>, Vec<RawRun>) {
    let (mut left, mut right) = (Vec::new(), Vec::new());
    let mut at = 0;
    for r in runs {
        let (s, e) = (at, at + r.text.len());
        at = e;
        let keep = |from: usize, to: usize| -> Option<RawRun> {
            let (from, to) = (from.clamp(s, e) - s, to.clamp(s, e) - s);
            (from < to).then(|| RawRun {
                text: r.text[from..to].to_string(),
                ..r.clone()
            })
        };
        left.extend(keep(s, a));
        right.extend(keep(b, e));
    }
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::body::LineKind;

    #[test]
    fn a_gap_is_a_tab_or_three_spaces() {
        assert_eq!(gaps("UBND TỈNH\t\tCỘNG HÒA"), [(11, 13)], "tabs");
        assert_eq!(gaps("SỞ Y    Độc lập"), [(6, 10)]);
        assert!(gaps("Số: 12/UBND").is_empty(), "one space is a word gap");
        assert!(gaps("   indented").is_empty(), "a leading indent is no gap");
    }

    fn run(text: &str, bold: bool, break_before: bool) -> RawRun {
        RawRun::plain(text, bold, break_before)
    }

    fn para(runs: Vec<RawRun>) -> RawPara {
        RawPara::of_runs(runs)
    }

    fn texts(ps: &[RawPara]) -> Vec<String> {
        ps.iter().map(RawPara::text).collect()
    }

    #[test]
    fn a_typed_header_line_is_cut_into_its_two_columns() {
        let p = para(vec![
            run("ỦY BAN NHÂN DÂN", false, false),
            run("\t\t", false, false),
            run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false),
        ]);
        let ps = pieces(&p);
        assert_eq!(
            texts(&ps),
            ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
        );
        assert!(
            ps[1].runs.iter().all(|r| r.look.bold),
            "each half keeps its runs' look"
        );
        // A blank number is not two columns, though it holds a gap.
        let so = para(vec![run("Số:      /UBND-VP", false, false)]);
        assert_eq!(texts(&pieces(&so)), ["Số:      /UBND-VP"]);
        let so_date = para(vec![run(
            "Số:     /UBND-VP\t\tLào Cai, ngày     tháng    năm 2026",
            false,
            false,
        )]);
        assert_eq!(
            texts(&pieces(&so_date)),
            ["Số:     /UBND-VP", "Lào Cai, ngày     tháng    năm 2026"]
        );
    }

    /// A bracketed V/v beside the date (`(V/v …)` ⇥ `Đà Nẵng, ngày …`) is two columns; two
    /// typed rules on one line are two rules, the right one in the right column.
    #[test]
    fn a_bracketed_vv_and_two_typed_rules_are_cut_into_columns() {
        let vv = para(vec![run(
            "\t(V/v quản lý giáo viên chủ nhiệm)\tĐà Nẵng, ngày 02 tháng 12 năm 2008",
            false,
            false,
        )]);
        assert_eq!(
            texts(&pieces(&vv)),
            [
                "\t(V/v quản lý giáo viên chủ nhiệm)",
                "Đà Nẵng, ngày 02 tháng 12 năm 2008"
            ]
        );
        // The middle dash of code page 1252 read as U+0096, and a macron, as old files keep
        // them.
        let rules = para(vec![run(
            "\t_____&_____\t--------\u{96}\u{af}\u{2014}--------",
            false,
            false,
        )]);
        let ps = pieces(&rules);
        assert_eq!(ps.len(), 2);
        assert!(ps.iter().all(|p| p.rules.len() == 1 && p.text().is_empty()));
        assert!(!ps[0].right_half && ps[1].right_half);
    }

    #[test]
    fn a_title_typed_as_one_paragraph_is_read_as_its_lines() {
        let header = para(vec![run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false)]);
        let title = para(vec![
            run("QUY CHẾ HOẠT ĐỘNG", true, false),
            run("Sàn giao dịch Thương mại điện tử", true, true),
            run("(Ban hành theo Quyết định số 135/QĐ-STTTT)", false, true),
        ]);
        let body = RawBody {
            paras: vec![header, title.clone()],
            sections: Vec::new(),
            tables: Vec::new(),
        };
        let read = split_layout(&body).expect("the title is cut");
        assert_eq!(read.paras.len(), 4);
        assert_eq!(
            read.paras[3].text(),
            "(Ban hành theo Quyết định số 135/QĐ-STTTT)"
        );
        // A body paragraph with line breaks that opens with no tên loại keeps them.
        let plain = para(vec![
            run("Chương I", true, false),
            run("NGUYÊN TẮC", true, true),
        ]);
        assert!(!opens_with_ten_loai(&plain));
        assert!(opens_with_ten_loai(&title));
    }

    #[test]
    fn a_bracketed_line_is_not_cut_into_columns() {
        let p = para(vec![run(
            "(Ban hành theo Quyết định số:      /QĐ-ĐHNT, ngày     tháng    năm ",
            false,
            false,
        )]);
        assert_eq!(pieces(&p).len(), 1);
        assert!(!is_header_line(&p.text()));
    }

    #[test]
    fn lines_broken_in_one_paragraph_are_read_as_lines() {
        let p = para(vec![
            run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false),
            run("Độc lập - Tự do - Hạnh phúc", true, true),
        ]);
        assert_eq!(
            texts(&pieces(&p)),
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc"
            ]
        );
        // Typed as one paragraph that the narrow cell wraps.
        let p = para(vec![run(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
            true,
            false,
        )]);
        assert_eq!(
            texts(&pieces(&p)),
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ",
                "Độc lập - Tự do - Hạnh phúc"
            ]
        );
    }

    #[test]
    fn a_typed_dash_line_is_a_typed_rule_not_text() {
        let ps = pieces(&para(vec![run("-------------", false, false)]));
        assert_eq!(texts(&ps), [""]);
        assert_eq!(ps[0].rules.len(), 1);
        assert_eq!(ps[0].rules[0].kind, LineKind::Typed);
        let two = pieces(&para(vec![run(
            "--------\t\t\t----------------",
            false,
            false,
        )]));
        assert_eq!(two.len(), 2, "one typed rule under each column");
        assert!(two.iter().all(|p| p.rules.len() == 1 && p.runs.is_empty()));
    }

    /// Underscores set in superscript print at two thirds of their size: so does their line.
    #[test]
    fn underscores_in_superscript_make_a_shorter_line() {
        let line = |script: bool| {
            let mut r = run("____________", false, false);
            r.look.script = script;
            let ps = pieces(&para(vec![r]));
            ps[0].rules[0].length
        };
        let (full, small) = (line(false), line(true));
        assert!(
            small * 10 >= full * 6 && small * 10 <= full * 7,
            "{small} of {full}"
        );
        // Any size may stand in the XML: the largest neither overflows nor panics.
        let mut r = run("____________", false, false);
        r.look.script = true;
        r.look.size = u32::MAX;
        assert_eq!(pieces(&para(vec![r]))[0].rules.len(), 1);
    }

    #[test]
    fn typed_rules_are_dashes_stars_and_equals() {
        assert!(is_typed_rule("-----------"));
        assert!(is_typed_rule("  ***  "));
        assert!(is_typed_rule("— — —"));
        assert!(is_typed_rule("----- o0o -----"));
        assert!(is_typed_rule("_____&_____"));
        // The Symbol font's line extender, typed under an organ in old documents.
        assert!(is_typed_rule("\u{F0BE}\u{F0BE}\u{F0BE}\u{F0BE}\u{F0BE}"));
        assert!(!is_typed_rule("--"));
        assert!(!is_typed_rule("- Lưu: VT"));
        assert!(!is_typed_rule("……"));
    }
}
