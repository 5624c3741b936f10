//! What each paragraph of a DOCX is: the walked paragraphs become the blocks of a `Document`,
//! each with the role the checker judges it by (Quốc hiệu, Số, date line, tên loại, body,
//! Nơi nhận …). Roles come from what the text says and where it sits — the header table's
//! columns, the signature table — never from styles, which offices name as they please.

use super::body::{RawBody, RawPara, RawRule, RuleKind};
use crate::finding::Location;
use crate::model::*;
use crate::text::fold;
use std::borrow::Cow;
use std::path::Path;

/// Text as compared: NFC, spaces collapsed, tone-mark style folded (`HOÀ` = `HÒA`), upper case.
fn key(s: &str) -> String {
    fold(s)
}

/// [`key`] of the start of a text only: enough for the predicates that look at how a line
/// begins, without folding a whole page-long paragraph.
fn key_head(s: &str) -> String {
    let s = s.trim_start();
    let end = s.char_indices().nth(48).map_or(s.len(), |(i, _)| i);
    fold(&s[..end])
}

/// Letters only, without any diacritic and upper case: `CỘNG HÕA` (a real typo) still finds
/// the Quốc hiệu, so the checker can say what is wrong with it instead of missing it.
fn bare(t: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    t.nfd()
        .filter(|c| c.is_alphanumeric() && !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'D' } else { c })
        .flat_map(char::to_uppercase)
        .collect()
}

fn is_quoc_hieu(t: &str) -> bool {
    bare(t).contains("CONGHOAXAHOICHUNGHIAVIETNAM")
}

fn is_party_motto(t: &str) -> bool {
    let b = bare(t);
    b.contains("DANGCONGSANVIETNAM") && b.len() < 30
}

fn is_tieu_ngu(t: &str) -> bool {
    bare(t).contains("DOCLAPTUDOHANHPHUC")
}

/// Upper case as printed (after NFC): organ lines, chức vụ, tên loại.
fn is_upper(t: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let n: String = t.nfc().collect();
    n.chars().any(char::is_alphabetic) && crate::text::upper(&n) == n
}

/// `Số: 12/CT-UBND`, `Số:     /UBND-KT`, `Số 05/QĐ` (colon forgotten).
fn is_so(t: &str) -> bool {
    let k = key_head(t);
    let k = k.trim_start();
    k.starts_with("SỐ:") || k.starts_with("SỐ ") && k.contains('/')
}

/// `Lào Cai, ngày … tháng … năm 2026`, `Hà Nội, ngày 05 tháng 01 năm 2020`.
fn is_date_line(t: &str) -> bool {
    // A date line is one short line; a body paragraph that mentions a date is not one.
    if t.chars().count() > 160 {
        return false;
    }
    let k = key(t);
    k.contains("NGÀY") && k.contains("THÁNG") && k.contains("NĂM")
}

fn is_vv(t: &str) -> bool {
    let k = key_head(t);
    let k = k.trim_start();
    k.starts_with("V/V") || k.starts_with("V / V") || k.starts_with("VỀ VIỆC:")
}

fn is_urgency(t: &str) -> bool {
    t.split_whitespace().count() <= 4
        && matches!(
            key(t).trim(),
            "KHẨN" | "THƯỢNG KHẨN" | "HỎA TỐC" | "HỎA TỐC HẸN GIỜ"
        )
}

fn is_noi_nhan(t: &str) -> bool {
    let k = key_head(t);
    let k = k.trim_start();
    k.starts_with("NƠI NHẬN")
}

fn is_kinh_gui(t: &str) -> bool {
    key_head(t).starts_with("KÍNH GỬI")
}

/// The authority prefixes of the signature block, including the Party's `T/M` forms.
pub fn authority_prefix(t: &str) -> Option<&'static str> {
    let k = key_head(t);
    let k = k.trim_start();
    [
        "TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M", "K/T", "T/L", "TM ", "KT ", "TL ",
    ]
    .into_iter()
    .find(|p| k.starts_with(p))
}

fn is_can_cu(t: &str) -> bool {
    let k = key_head(t);
    let k = k.trim_start();
    k.starts_with("CĂN CỨ") || k.starts_with("XÉT ") || k.starts_with("THEO ĐỀ NGHỊ")
}

fn is_phu_luc_label(t: &str) -> bool {
    if t.split_whitespace().count() > 6 {
        return false;
    }
    let k = key(t);
    let k = k.trim();
    (k.starts_with("PHỤ LỤC") || k == "PHỤ LỤC") && k.split_whitespace().count() <= 4
}

fn is_attribution(t: &str) -> bool {
    let k = key_head(t);
    let k = k.trim();
    k.starts_with("(KÈM THEO") || k.starts_with("(BAN HÀNH KÈM THEO")
}

/// The tên loại of the kinds Phụ lục III abbreviates, as printed, and what else offices print
/// there (`GIẤY MỜI HỌP`, `PHIẾU TRÌNH …`).
const TEN_LOAI: &[&str] = &[
    "NGHỊ QUYẾT",
    "QUYẾT ĐỊNH",
    "CHỈ THỊ",
    "QUY CHẾ",
    "QUY ĐỊNH",
    "THÔNG CÁO",
    "THÔNG BÁO",
    "HƯỚNG DẪN",
    "CHƯƠNG TRÌNH",
    "KẾ HOẠCH",
    "PHƯƠNG ÁN",
    "ĐỀ ÁN",
    "DỰ ÁN",
    "BÁO CÁO",
    "BIÊN BẢN",
    "TỜ TRÌNH",
    "HỢP ĐỒNG",
    "CÔNG ĐIỆN",
    "BẢN GHI NHỚ",
    "BẢN THỎA THUẬN",
    "GIẤY ỦY QUYỀN",
    "GIẤY MỜI",
    "GIẤY GIỚI THIỆU",
    "GIẤY NGHỈ PHÉP",
    "PHIẾU GỬI",
    "PHIẾU CHUYỂN",
    "PHIẾU BÁO",
    "PHIẾU TRÌNH",
];

/// The tên loại a line starts with, if it is one (`THÔNG BÁO`, `GIẤY MỜI HỌP` → `GIẤY MỜI`).
pub fn ten_loai_of(t: &str) -> Option<&'static str> {
    if t.split_whitespace().count() > 6 {
        return None;
    }
    let k = key(t);
    let k = k.trim();
    if k.split_whitespace().count() > 6 || k.contains(':') {
        return None;
    }
    TEN_LOAI.iter().copied().find(|n| k.starts_with(n))
}

/// The kind id a tên loại stands for.
pub fn kind_of(ten_loai: &str) -> &'static str {
    match ten_loai {
        "CHỈ THỊ" => "chi-thi",
        "THÔNG BÁO" => "thong-bao",
        "HƯỚNG DẪN" => "huong-dan",
        "KẾ HOẠCH" => "ke-hoach",
        "QUYẾT ĐỊNH" => "quyet-dinh",
        "BÁO CÁO" => "bao-cao",
        "TỜ TRÌNH" => "to-trinh",
        "GIẤY MỜI" => "giay-moi",
        _ => "khac",
    }
}

fn all_bold(p: &RawPara) -> bool {
    let mut any = false;
    for r in p.visible() {
        any = true;
        if !r.look.bold {
            return false;
        }
    }
    any
}

fn align(p: &RawPara) -> Align {
    match p.props.jc.as_deref() {
        Some("center") => Align::Center,
        Some("right" | "end") => Align::Right,
        Some("both" | "distribute" | "lowKashida" | "mediumKashida" | "highKashida") => {
            Align::Justify
        }
        _ => Align::Left,
    }
}

fn format(p: &RawPara) -> ParaFormat {
    ParaFormat {
        align: align(p),
        indent_first: p.props.ind_first.unwrap_or(0),
        indent_left: p.props.ind_left.unwrap_or(0).max(0) as u32,
        indent_right: p.props.ind_right.unwrap_or(0).max(0) as u32,
        space_before: p.props.before.unwrap_or(0),
        space_after: p.props.after.unwrap_or(0),
        line: p.props.line.unwrap_or(240),
        line_rule: match super::body::line_rule(&p.props) {
            super::props::LineRule::Auto => LineRule::Auto,
            super::props::LineRule::Exact => LineRule::Exact,
            super::props::LineRule::AtLeast => LineRule::AtLeast,
        },
        keep_next: p.props.keep_next.unwrap_or(false),
        boxed: false,
    }
}

fn paragraph(p: &RawPara) -> Paragraph {
    let mut runs = Vec::new();
    if let Some(l) = &p.label
        && !l.is_empty()
    {
        // The list label looks like the paragraph's first run.
        let first = p.runs.iter().find(|r| !r.text.trim().is_empty());
        runs.push(Run {
            text: format!("{l} "),
            font: Cow::Owned(first.map_or("Times New Roman".into(), |r| r.look.font.clone())),
            size: first.map_or(28, |r| r.look.size),
            bold: first.is_some_and(|r| r.look.bold),
            italic: first.is_some_and(|r| r.look.italic),
            break_before: false,
            spacing: 0,
        });
    }
    for r in &p.runs {
        if r.look.hidden {
            continue;
        }
        let text = if r.look.caps {
            crate::text::upper(&r.text)
        } else {
            r.text.clone()
        };
        runs.push(Run {
            text,
            font: Cow::Owned(r.look.font.clone()),
            size: r.look.size,
            bold: r.look.bold,
            italic: r.look.italic,
            break_before: r.break_before,
            spacing: r.look.spacing,
        });
    }
    Paragraph {
        runs,
        format: format(p),
    }
}

fn is_empty_block(b: &Block) -> bool {
    matches!(&b.content, Content::Paragraph(p) if p.text().trim().is_empty())
}

struct Mapper<'a> {
    file: &'a Path,
    part: &'a str,
    body: &'a RawBody,
    blocks: Vec<Vec<Block>>,
}

impl Mapper<'_> {
    fn loc(&self, p: &RawPara) -> Location {
        let text = p.text();
        let quote: String = text.trim().chars().take(60).collect();
        Location {
            file: Some(self.file.to_path_buf()),
            part: Some(self.part.to_string()),
            paragraph: Some(p.index),
            quote: (!quote.is_empty()).then_some(quote),
            ..Location::default()
        }
    }

    fn push(&mut self, p: &RawPara, role: Role, region: Region) {
        let level = if role == Role::Body {
            crate::markup::classify(p.text().trim_start()).0.level()
        } else {
            0
        };
        let block = Block {
            role,
            level,
            region,
            content: Content::Paragraph(paragraph(p)),
            source: Some(self.loc(p)),
        };
        self.blocks[p.section].push(block);
        for r in &p.rules {
            self.rule(p, r, region);
        }
    }

    fn rule(&mut self, p: &RawPara, r: &RawRule, region: Region) {
        let width = self.region_width(p);
        let length = if r.kind == RuleKind::Border {
            width
                .saturating_sub(p.props.ind_left.unwrap_or(0).max(0) as u32)
                .saturating_sub(p.props.ind_right.unwrap_or(0).max(0) as u32)
        } else {
            r.length
        };
        let source = Some(self.loc(p));
        self.blocks[p.section].push(Block {
            role: Role::Rule,
            level: 0,
            region,
            content: Content::Rule(Rule {
                length,
                region_width: width,
                weight_emu: 0,
            }),
            source,
        });
    }

    /// The paragraphs of one body table as a table block, cell by cell.
    fn table(&mut self, cells: &[RawPara], table: usize) {
        let Some(first) = cells.first() else { return };
        let columns = self
            .body
            .tables
            .get(table)
            .map(|t| t.columns.clone())
            .unwrap_or_default();
        let ncols = cells
            .iter()
            .filter_map(|p| p.cell.map(|c| c.col + 1))
            .max()
            .unwrap_or(1)
            .max(columns.len());
        let mut rows: Vec<Vec<Vec<Paragraph>>> = Vec::new();
        for p in cells {
            let Some(c) = p.cell else { continue };
            while rows.len() <= c.row {
                rows.push(vec![Vec::new(); ncols]);
            }
            if let Some(cell) = rows[c.row].get_mut(c.col) {
                cell.push(paragraph(p));
            }
        }
        let block = Block {
            role: Role::Body,
            level: 0,
            region: Region::Page,
            content: Content::Table(Table {
                columns,
                rows,
                header_rows: 0,
            }),
            source: Some(self.loc(first)),
        };
        self.blocks[first.section].push(block);
    }

    /// The width a paragraph is laid out in: its table column, or the text width.
    fn region_width(&self, p: &RawPara) -> u32 {
        let s = &self.body.sections[p.section.min(self.body.sections.len() - 1)];
        let text = (s.width as i32 - s.left - s.right).max(0) as u32;
        match p.cell {
            Some(c) => self
                .body
                .tables
                .get(c.table)
                .and_then(|t| t.columns.get(c.col).copied())
                .filter(|w| *w > 0)
                .unwrap_or(text),
            None => text,
        }
    }
}

/// Maps the walked body onto the model's blocks and roles.
pub fn map(file: &Path, part: &str, body: &RawBody, pages: Vec<PageSetup>) -> Document {
    let mut m = Mapper {
        file,
        part,
        body,
        blocks: vec![Vec::new(); body.sections.len()],
    };
    let paras = &body.paras;
    let n = paras.len();
    let nonempty = |p: &RawPara| !p.text().trim().is_empty();
    // ---- The header: from the Quốc hiệu (or the Party's motto) to the date line -----------
    let limit = n.min(40);
    let qh =
        (0..limit).find(|&i| is_quoc_hieu(&paras[i].text()) || is_party_motto(&paras[i].text()));
    let mut used = vec![false; n];
    let mut header_end = 0; // first paragraph after the header
    let mut header_table = None;
    if let Some(q) = qh {
        let qcell = paras[q].cell;
        if let Some(c) = qcell {
            header_table = Some(c.table);
            let last = (0..n)
                .filter(|&i| paras[i].cell.is_some_and(|x| x.table == c.table))
                .max()
                .unwrap_or(q);
            header_end = last + 1;
        } else {
            // Header in text boxes or plain paragraphs: up to the date line, or the Số line,
            // whichever comes last among the first paragraphs.
            let end = (0..limit)
                .filter(|&i| is_date_line(&paras[i].text()) || is_so(&paras[i].text()))
                .max()
                .unwrap_or(q);
            header_end = end + 1;
        }
        // A left part that is itself in another table before the Quốc hiệu's (rare) or in
        // the same row: every paragraph before `header_end` is the header.
        let right_col = qcell.map(|c| c.col);
        let mut seen_so = false;
        let mut organ_started = false;
        for i in 0..header_end {
            let p = &paras[i];
            let t = p.text();
            let in_right = match (p.cell, right_col) {
                (Some(c), Some(rc)) => Some(c.table) == header_table && c.col >= rc,
                _ => is_quoc_hieu(&t) || is_tieu_ngu(&t) || is_date_line(&t) || is_party_motto(&t),
            };
            used[i] = true;
            if !nonempty(p) {
                // An empty paragraph may still carry the rule.
                for r in &p.rules {
                    m.rule(
                        p,
                        r,
                        if in_right {
                            Region::HeaderRight
                        } else {
                            Region::HeaderLeft
                        },
                    );
                }
                continue;
            }
            if in_right {
                let role = if is_quoc_hieu(&t) || is_party_motto(&t) {
                    Role::QuocHieu
                } else if is_tieu_ngu(&t) {
                    Role::TieuNgu
                } else if is_date_line(&t) {
                    Role::DiaDanhNgay
                } else {
                    Role::Body
                };
                m.push(p, role, Region::HeaderRight);
            } else {
                let role = if is_so(&t) {
                    seen_so = true;
                    Role::SoKyHieu
                } else if is_urgency(&t) {
                    Role::DoKhan
                } else if seen_so || is_vv(&t) {
                    Role::VeViec
                } else if !organ_started && !all_bold(p) {
                    organ_started = true;
                    Role::ChuQuan
                } else {
                    organ_started = true;
                    Role::CoQuan
                };
                m.push(p, role, Region::HeaderLeft);
            }
        }
    }

    // ---- The signature table: the one holding "Nơi nhận", or the last with authority lines
    let nn = (header_end..n).find(|&i| is_noi_nhan(&paras[i].text()));
    let sign_table = nn.and_then(|i| paras[i].cell.map(|c| c.table)).or_else(|| {
        (header_end..n)
            .filter(|&i| authority_prefix(&paras[i].text()).is_some())
            .filter_map(|i| paras[i].cell.map(|c| c.table))
            .next_back()
    });
    let sign_range: Option<(usize, usize)> = match (sign_table, nn) {
        (Some(t), _) => {
            let idx: Vec<usize> = (0..n)
                .filter(|&i| paras[i].cell.is_some_and(|c| c.table == t))
                .collect();
            idx.first().zip(idx.last()).map(|(a, b)| (*a, *b))
        }
        (None, Some(i)) => {
            // Nơi nhận outside a table: it and its "- …" lines, then the signature lines.
            let mut end = i;
            while end + 1 < n
                && (paras[end + 1].text().trim_start().starts_with('-')
                    || !nonempty(&paras[end + 1])
                    || authority_prefix(&paras[end + 1].text()).is_some())
                && paras[end + 1].section == paras[i].section
            {
                end += 1;
            }
            Some((i, end))
        }
        (None, None) => None,
    };
    let sign_col = |p: &RawPara| -> Region {
        match (p.cell, nn.and_then(|i| paras[i].cell)) {
            (Some(c), Some(nc)) if c.col == nc.col => Region::SignLeft,
            (Some(_), Some(_)) => Region::SignRight,
            (Some(c), None) => {
                if c.col == 0 {
                    Region::SignLeft
                } else {
                    Region::SignRight
                }
            }
            (None, _) => {
                if p.text().trim_start().starts_with('-') || is_noi_nhan(&p.text()) {
                    Region::SignLeft
                } else {
                    Region::SignRight
                }
            }
        }
    };

    // ---- Title, authority line, căn cứ, Kính gửi, body ------------------------------------
    let body_end = sign_range.map_or(n, |(a, _)| a);
    let mut i = header_end;
    let skip_empty = |i: &mut usize, used: &mut Vec<bool>| {
        while *i < body_end && !nonempty(&paras[*i]) && paras[*i].rules.is_empty() {
            used[*i] = true;
            *i += 1;
        }
    };
    skip_empty(&mut i, &mut used);
    let mut ten_loai = String::new();
    if i < body_end
        && align(&paras[i]) == Align::Center
        && let Some(t) = ten_loai_of(&paras[i].text())
    {
        ten_loai = t.to_string();
        m.push(&paras[i], Role::TenLoai, Region::Page);
        used[i] = true;
        i += 1;
        // The trích yếu: centred lines under it, until the rule or the text changes.
        while i < body_end
            && nonempty(&paras[i])
            && (align(&paras[i]) == Align::Center || all_bold(&paras[i]))
            && paras[i].cell.is_none()
            && !is_kinh_gui(&paras[i].text())
            && !is_can_cu(&paras[i].text())
        {
            let upper_bold = all_bold(&paras[i]) && is_upper(&paras[i].text());
            if upper_bold && ten_loai == "QUYẾT ĐỊNH" && i > 0 && used[i - 1] {
                break;
            }
            let rules_here = !paras[i].rules.is_empty();
            m.push(&paras[i], Role::TrichYeu, Region::Page);
            used[i] = true;
            i += 1;
            if rules_here {
                break;
            }
        }
        // A rule in its own empty paragraph under the trích yếu.
        while i < body_end && !nonempty(&paras[i]) {
            for r in &paras[i].rules {
                m.rule(&paras[i], r, Region::Page);
            }
            used[i] = true;
            i += 1;
        }
    }
    skip_empty(&mut i, &mut used);
    // Quyết định: the authority line, then căn cứ, then "QUYẾT ĐỊNH:".
    if ten_loai == "QUYẾT ĐỊNH" && i < body_end {
        let t = paras[i].text();
        if align(&paras[i]) == Align::Center && !is_can_cu(&t) && is_upper(&t) {
            m.push(&paras[i], Role::ThamQuyen, Region::Page);
            used[i] = true;
            i += 1;
        }
    }
    // Kính gửi (a line, its "- …;" lines, or a small table of them).
    skip_empty(&mut i, &mut used);
    let kg_start = (i..body_end.min(i + 4)).find(|&k| is_kinh_gui(&paras[k].text()));
    if let Some(k) = kg_start {
        for j in i..k {
            if nonempty(&paras[j]) {
                m.push(&paras[j], Role::Body, Region::Page);
            }
            used[j] = true;
        }
        let kg_table = paras[k].cell.map(|c| c.table);
        let mut j = k;
        while j < body_end {
            let p = &paras[j];
            let same_table = kg_table.is_some() && p.cell.map(|c| c.table) == kg_table;
            // A recipient line: "- …", or a line hung at the same indent as the one before
            // it (the list's layout), ending as a recipient does.
            let prev = &paras[j.saturating_sub(1)];
            let t = p.text();
            let hung = p.props.ind_left.unwrap_or(0) > 0
                && p.props.ind_left == prev.props.ind_left
                && (t.trim_end().ends_with(';') || t.trim_end().ends_with('.'));
            // An addressee broken over two lines with Enter: the line before it had no
            // final punctuation.
            let open = j > k && {
                let pt = prev.text();
                let pt = pt.trim_end();
                !pt.is_empty() && !pt.ends_with([';', '.', ':'])
            };
            let item = j == k
                || same_table
                || (kg_table.is_none()
                    && (t.trim_start().starts_with('-') || hung || (open && nonempty(p))));
            if !item {
                break;
            }
            if nonempty(p) {
                m.push(p, Role::KinhGui, Region::Page);
            }
            used[j] = true;
            j += 1;
        }
        i = j;
    }
    skip_empty(&mut i, &mut used);
    // Căn cứ lines at the head of the body.
    while i < body_end && is_can_cu(&paras[i].text()) && paras[i].cell.is_none() {
        let italic = paras[i].visible().all(|r| r.look.italic);
        if ten_loai != "QUYẾT ĐỊNH" && !italic {
            break;
        }
        m.push(&paras[i], Role::CanCu, Region::Page);
        used[i] = true;
        i += 1;
        while i < body_end && !nonempty(&paras[i]) {
            used[i] = true;
            i += 1;
        }
    }
    if ten_loai == "QUYẾT ĐỊNH"
        && i < body_end
        && key(&paras[i].text()).trim().trim_end_matches(':') == "QUYẾT ĐỊNH"
    {
        m.push(&paras[i], Role::QuyetDinhLabel, Region::Page);
        used[i] = true;
        i += 1;
    }
    // The body proper: everything up to the signature table.
    let mut in_phu_luc = false;
    while i < n {
        if let Some((a, b)) = sign_range
            && i == a
        {
            // Authority and position lines, then room for the signature, then the name.
            let (mut titled, mut signed, mut named) = (false, false, false);
            let mut luu_seen = false;
            for j in a..=b {
                let p = &paras[j];
                used[j] = true;
                let t = p.text();
                if !nonempty(p) {
                    if !p.rules.is_empty() {
                        for r in &p.rules {
                            m.rule(p, r, sign_col(p));
                        }
                    }
                    // The empty lines between chức vụ and name are the signature space.
                    if sign_col(p) == Region::SignRight {
                        m.push(p, Role::SignatureSpace, Region::SignRight);
                        signed |= titled;
                    }
                    continue;
                }
                let region = sign_col(p);
                let role = if region == Region::SignLeft {
                    if is_noi_nhan(&t) {
                        Role::NoiNhanHeading
                    } else if luu_seen && is_drafter_mark(&t) {
                        // "CM.(5)" under the Lưu line: who typed it and how many copies.
                        Role::NguoiSoan
                    } else {
                        luu_seen |= t.trim_start_matches(['-', ' ']).starts_with("Lưu");
                        Role::NoiNhan
                    }
                } else if authority_prefix(&t).is_some() {
                    Role::QuyenHan
                } else if signed && !named {
                    // The first line after the room left for the signature is the signer's
                    // name, however it is written.
                    named = true;
                    Role::HoTen
                } else if is_upper(&t) && !t.chars().any(|c| c.is_ascii_digit()) {
                    Role::ChucVu
                } else {
                    Role::HoTen
                };
                if region == Region::SignRight {
                    titled = true;
                }
                m.push(p, role, region);
            }
            i = b + 1;
            continue;
        }
        let p = &paras[i];
        // A table in the text (a phụ lục's list, a schedule): one table block.
        if let Some(c) = p.cell
            && Some(c.table) != header_table
            && Some(c.table) != sign_table
        {
            let mut j = i;
            while j < n && paras[j].cell.is_some_and(|x| x.table == c.table) {
                used[j] = true;
                j += 1;
            }
            m.table(&paras[i..j], c.table);
            i = j;
            continue;
        }
        used[i] = true;
        let t = p.text();
        if !nonempty(p) {
            // Kept as an empty block: the space it makes between paragraphs counts.
            m.push(p, Role::Body, Region::Page);
            i += 1;
            continue;
        }
        let after_sign = sign_range.is_some_and(|(_, b)| i > b);
        // A phụ lục: its label ("Phụ lục 1", "PHỤ LỤC") centred on its own line, after the
        // signature or, in a draft without one, wherever it starts; its title is the centred
        // lines under the label, up to the "(Kèm theo …)" line.
        let label_like = is_phu_luc_label(&t) && (after_sign || align(p) == Align::Center);
        let under_label = m.blocks[p.section]
            .iter()
            .rev()
            .find(|b| !matches!(b.content, Content::Rule(_)) && !is_empty_block(b))
            .is_some_and(|b| matches!(b.role, Role::PhuLucLabel | Role::PhuLucTitle));
        let role = if label_like {
            in_phu_luc = true;
            Role::PhuLucLabel
        } else if in_phu_luc && is_attribution(&t) {
            Role::PhuLucAttribution
        } else if in_phu_luc && align(p) == Align::Center && under_label {
            Role::PhuLucTitle
        } else if after_sign && !in_phu_luc && sign_range.is_some() {
            // Text after the signature that is not a phụ lục: the drafter/copies line or a
            // note; still text of the document.
            Role::NguoiSoan
        } else {
            Role::Body
        };
        m.push(p, role, Region::Page);
        i += 1;
    }
    let _ = used;
    let sections = m
        .blocks
        .into_iter()
        .zip(pages)
        .map(|(blocks, page)| Section { page, blocks })
        .collect();
    let mut doc = Document {
        kind: if ten_loai.is_empty() {
            "cong-van".to_string()
        } else {
            kind_of(&ten_loai).to_string()
        },
        ten_loai,
        number: None,
        ky_hieu: String::new(),
        sections,
    };
    if let Some(so) = doc.find(Role::SoKyHieu).and_then(|b| match &b.content {
        Content::Paragraph(p) => Some(p.text()),
        _ => None,
    }) {
        let after = so.split_once(':').map_or(so.as_str(), |(_, r)| r).trim();
        let (num, kh) = after.split_once('/').unwrap_or(("", after));
        doc.number = num.trim().parse().ok();
        doc.ky_hieu = kh.trim().to_string();
    }
    if doc.ten_loai.is_empty()
        && doc.find(Role::VeViec).is_none()
        && doc.find(Role::QuocHieu).is_none()
    {
        doc.kind = String::new();
    }
    doc
}

/// The drafter's initials and the number of copies under the Lưu line (`CM.(5)`, `A.XX.(10)`,
/// `NV.`): short, no leading dash, capitals, digits and punctuation only.
fn is_drafter_mark(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && t.chars().count() <= 24
        && !t.starts_with(['-', '+', '–'])
        && t.chars().any(char::is_uppercase)
        && t.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || ".,()/ ".contains(c))
}

#[cfg(test)]
mod tests {
    use super::is_drafter_mark;

    #[test]
    fn drafter_marks_under_the_luu_line() {
        for t in ["CM.(5)", "A.XX.(10)", "NV.", " TH.(05) "] {
            assert!(is_drafter_mark(t), "{t}");
        }
        for t in ["- Lưu: VT, KT.", "Ban Giám đốc Sở;", "", "(5)", "- NV."] {
            assert!(!is_drafter_mark(t), "{t}");
        }
    }
}
