//! The body: the kind template filled and its markup parsed into blocks, each pointing at the
//! draft line it came from; the plugin's sections put into their slots; the end mark `./.`.

use super::table::table_block;
use super::*;

/// The values a template sees: every declared field (absent ones `null`), for each optional
/// field whether the clerk left it out (`khong_<field>`, from `field = false`), the core facts,
/// and the organ's words for sentences (`crate::organ`), so no template writes "Ủy ban nhân
/// dân tỉnh" for a city's or a ministry's document.
pub(super) fn template_data(d: &Draft) -> Map<String, Value> {
    let mut m = Map::new();
    for decl in &d.template.fields {
        let given = d.fields.get(&decl.name).map(|f| &f.v);
        let v = match given {
            Some(FieldValue::Text(s)) | Some(FieldValue::Markup(s)) => Value::String(s.clone()),
            Some(FieldValue::List(l)) => {
                Value::Array(l.iter().cloned().map(Value::String).collect())
            }
            Some(FieldValue::Off) | None => Value::Null,
        };
        m.insert(decl.name.clone(), v);
        m.insert(
            format!("{}{}", crate::template::OFF_PREFIX, decl.name),
            Value::Bool(matches!(given, Some(FieldValue::Off))),
        );
    }
    m.insert("dia_danh".into(), Value::String(d.dia_danh.v.clone()));
    m.insert(
        "nam".into(),
        Value::String(d.ngay.v.year.map(|y| y.to_string()).unwrap_or_default()),
    );
    m.insert("trich_yeu".into(), Value::String(d.trich_yeu.v.clone()));
    m.insert("ten_loai".into(), Value::String(d.template.name.clone()));
    let o = &d.organ;
    for (k, v) in [
        ("co_quan_cau", o.subject()),
        ("thu_truong_cau", o.head()),
        ("thu_truong_in_hoa", crate::text::upper(&o.head())),
        ("ubnd_cau", o.ubnd()),
        ("cap_tren_cau", o.superior()),
        ("cap_duoi_cau", o.subordinate_ubnd()),
        ("doi_tuong_chung", o.addressees()),
    ] {
        m.insert(k.into(), Value::String(d.tone_words(&v)));
    }
    m
}

/// The body's blocks, appended to `b`; returns where each markup line came from (annexes use it too).
pub(super) fn body(
    d: &Draft,
    b: &mut Vec<Block>,
    tw: u32,
) -> Result<Vec<(String, Location)>, Finding> {
    let tp = &d.template;
    let body_markup = match &d.than {
        Some(than) => than.v.clone(),
        None => crate::template::render_body(tp, &template_data(d), d.tone)?,
    };
    let origins = markup_origins(d);
    let (mblocks, _) = markup::parse(&body_markup, 1);
    let mut blocks = blocks_from_markup(&mblocks, tw, &origins);
    if d.verbatim {
        keep_heading_case(&mut blocks, &mblocks);
    }
    let mut body = fill_slots(blocks, d, tw);
    if !d.verbatim {
        ensure_end_mark(&mut body);
    }
    // The signature block never stands alone on a page: the body's last paragraph goes with it.
    if let Some(Block {
        content: Content::Paragraph(p),
        ..
    }) = body
        .iter_mut()
        .rev()
        .find(|b| !matches!(b.content, Content::Slot(_)))
    {
        p.format.keep_next = true;
    }
    b.extend(body);
    Ok(origins)
}

/// A verbatim draft's mục headings keep the case they were written in: the markup's words,
/// put back over the upper-cased ones.
fn keep_heading_case(blocks: &mut [Block], mblocks: &[MBlock]) {
    let written = mblocks.iter().filter_map(|m| match m {
        MBlock::Line {
            mark: Mark::Section(_),
            inlines,
            ..
        } => Some(inlines),
        _ => None,
    });
    // Mục only: an điều is at the same level, with a label that is not a Roman numeral.
    let laid = blocks.iter_mut().filter(|b| {
        b.role == Role::Body
            && b.level == 2
            && matches!(&b.content, Content::Paragraph(p) if p.runs.first().is_some_and(|r| {
                crate::text::numerals::looks_roman(r.text.trim().trim_end_matches('.'))
            }))
    });
    for (b, inl) in laid.zip(written) {
        if let Content::Paragraph(p) = &mut b.content {
            // The label's run first, then one run per inline.
            for (r, i) in p.runs.iter_mut().skip(1).zip(inl) {
                r.text = i.text.clone();
            }
        }
    }
}

/// Puts the plugin's sections where the template has their slots. Each block remembers the
/// plugin and the slot it came from.
pub(super) fn fill_slots(body: Vec<Block>, d: &Draft, width: u32) -> Vec<Block> {
    if d.slot_texts.is_empty() {
        return body;
    }
    let mut out = Vec::with_capacity(body.len());
    for b in body {
        let Content::Slot(name) = &b.content else {
            out.push(b);
            continue;
        };
        if let Some(section) = d.slot_texts.get(name) {
            let mut at = Location::file(&d.file).with_field(format!("slot {name}"));
            at.plugin = d.plugin.as_ref().map(|p| p.by.clone());
            let (mblocks, _) = markup::parse(section, 1);
            out.extend(
                blocks_from_markup(&mblocks, width, &[])
                    .into_iter()
                    .map(|mut sb| {
                        sb.source = Some(at.clone());
                        sb
                    }),
            );
        }
        out.push(b);
    }
    out
}

/// For each line of each markup field, where it was written, so body blocks can point there.
pub(super) fn markup_origins(d: &Draft) -> Vec<(String, Location)> {
    let mut out = Vec::new();
    for decl in d
        .template
        .fields
        .iter()
        .filter(|f| f.kind == FieldKind::Markup)
    {
        if let Some(f) = d.fields.get(&decl.name)
            && let FieldValue::Markup(m) = &f.v
        {
            let base = f.at.line.unwrap_or(1) + usize::from(m.contains('\n'));
            for (i, l) in m.lines().enumerate() {
                if !l.trim().is_empty() {
                    out.push((l.trim().to_string(), f.at.clone().at(base + i, 1)));
                }
            }
        }
    }
    if let Some(than) = &d.than {
        let base = than.at.line.unwrap_or(1) + usize::from(than.v.contains('\n'));
        for (i, l) in than.v.lines().enumerate() {
            if !l.trim().is_empty() {
                out.push((l.trim().to_string(), than.at.clone().at(base + i, 1)));
            }
        }
    }
    for pl in &d.phu_luc {
        let base = pl.noi_dung.at.line.unwrap_or(1) + usize::from(pl.noi_dung.v.contains('\n'));
        for (i, l) in pl.noi_dung.v.lines().enumerate() {
            if !l.trim().is_empty() {
                out.push((l.trim().to_string(), pl.noi_dung.at.clone().at(base + i, 1)));
            }
        }
    }
    out
}

/// Where a markup line came from in the draft: the clerk's line that holds its text. Lines
/// come out in the order they were written, so the search starts after the last match
/// (`from`) and wraps around: a long body costs one pass, not one pass per line, and a line
/// written twice is traced to its own occurrence.
pub(super) fn origin_of(
    origins: &[(String, Location)],
    from: &mut usize,
    mark: &Mark,
    inlines: &[Inline],
) -> Option<Location> {
    let text: String = inlines.iter().map(|i| i.text.as_str()).collect();
    let text = text.trim();
    let label = mark.label();
    let n = origins.len();
    // A line no draft line holds (a template's own sentence, or a row's values filled into
    // `{{…}}`) is looked for in every line: a short head of it is checked first, as a search
    // for a whole paragraph costs in proportion to its length.
    let mut cut = text.len().min(12);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    (0..n)
        .map(|k| (*from + k) % n)
        .find(|&i| {
            let l = &origins[i].0;
            // Nearly always the line is its label and this text: `ends_with` is a compare,
            // where `contains` sets up a search for a needle of a paragraph's length.
            l.len() >= text.len()
                && (l.ends_with(text) || (l.contains(head) && l.contains(text)))
                && (label.is_empty() || l.starts_with(&label))
        })
        .map(|i| {
            *from = i + 1;
            origins[i].1.clone()
        })
}

/// A numbered line without final punctuation is a heading. Real headings run long ("1. Công tác
/// thanh tra, kiểm tra, xử lý vi phạm pháp luật về khoáng sản": 15 words; the corpus has 19),
/// so only a line past `HEADING_MAX_WORDS` is taken for a sentence that lost its full stop.
pub(super) const HEADING_MAX_WORDS: usize = 24;

/// A khoản or điều that names a unit or a topic (no final punctuation, short) is a heading and
/// is bold as a whole; one that is a sentence has only its number bold (kinds.md §11).
pub(super) fn is_heading(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && !t.ends_with(['.', ';', ':', ','])
        && t.split_whitespace().count() <= HEADING_MAX_WORDS
}

pub(super) fn inline_runs(inlines: &[Inline], size: u32, bold: bool, italic: bool) -> Vec<Run> {
    inlines
        .iter()
        .map(|i| Run {
            text: i.text.clone(),
            font: Cow::Borrowed(FONT),
            size,
            bold: bold || i.bold,
            italic: italic || i.italic,
            break_before: i.break_before,
            spacing: 0,
        })
        .collect()
}

pub(super) fn blocks_from_markup(
    mblocks: &[MBlock],
    width: u32,
    origins: &[(String, Location)],
) -> Vec<Block> {
    let size = nd30::SIZE_BODY.value;
    let mut out = Vec::new();
    let mut from = 0;
    // A bare "Chương I" (or "Phần I") is followed by its name on the next line: centred,
    // bold, upper case, as the decree's models print a chapter heading.
    let mut after_bare_part = false;
    for mb in mblocks {
        let heading_name = std::mem::take(&mut after_bare_part)
            && matches!(
                mb,
                MBlock::Line {
                    mark: Mark::Para,
                    ..
                }
            );
        if let MBlock::Line {
            mark: Mark::Part(_),
            inlines,
            ..
        } = mb
        {
            after_bare_part = inlines.iter().all(|i| i.text.trim().is_empty());
        }
        match mb {
            MBlock::Slot { name, .. } => out.push(Block {
                role: Role::Slot,
                level: 0,
                region: Region::Page,
                content: Content::Slot(name.clone()),
                source: None,
            }),
            MBlock::Table {
                rows, header_rows, ..
            } => out.push(table_block(rows, *header_rows, width)),
            MBlock::Line { mark, inlines, .. } => {
                let text: String = inlines.iter().map(|i| i.text.as_str()).collect();
                let label = mark.label();
                let mut f = body_fmt();
                let (label_bold, all_bold, all_italic, upper) = match mark {
                    Mark::Part(_) => {
                        f.align = Align::Center;
                        f.indent_first = 0;
                        f.keep_next = true;
                        (true, true, false, false)
                    }
                    Mark::Section(_) => {
                        f.keep_next = true;
                        (true, true, false, true)
                    }
                    Mark::Article(_) | Mark::Clause(_) => {
                        let h = is_heading(&text);
                        f.keep_next = h;
                        (true, h, false, false)
                    }
                    Mark::SubClause(_) => {
                        let h = is_heading(&text);
                        f.keep_next = h;
                        (true, h, h, false)
                    }
                    _ if heading_name => {
                        f.align = Align::Center;
                        f.indent_first = 0;
                        f.keep_next = true;
                        (false, true, false, true)
                    }
                    _ => (false, false, false, false),
                };
                // A short lead-in ("Thành phần:", "2.1. Tại điểm cầu …:") stays on the page of
                // what it leads to. A long one may end a page: chained with the headings after
                // it, it would push half a page of text over and leave a gap.
                if text.trim_end().ends_with(':')
                    && text.split_whitespace().count() <= HEADING_MAX_WORDS
                {
                    f.keep_next = true;
                }
                let mut runs = Vec::new();
                if !label.is_empty() {
                    runs.push(run(format!("{label} "), size, label_bold, all_italic));
                }
                let mut rest = inline_runs(inlines, size, all_bold, all_italic);
                if upper {
                    for r in &mut rest {
                        r.text = text::upper(&r.text);
                    }
                }
                if matches!(mark, Mark::Part(_))
                    && rest.iter().all(|r| r.text.trim().is_empty())
                    && let Some(l) = runs.first_mut()
                {
                    l.text = label.clone();
                }
                runs.extend(rest);
                let source = origin_of(origins, &mut from, mark, inlines);
                out.push(Block {
                    role: Role::Body,
                    level: mark.level(),
                    region: Region::Page,
                    content: Content::Paragraph(Paragraph { runs, format: f }),
                    source,
                });
            }
        }
    }
    out
}

/// The body ends with `./.` attached to its last word (every model of Phụ lục III, every
/// corpus file): added when the clerk or the template left it out.
pub(super) fn ensure_end_mark(blocks: &mut Vec<Block>) {
    let last_para = blocks
        .iter_mut()
        .rev()
        .find(|b| !matches!(b.content, Content::Slot(_)));
    match last_para {
        Some(Block {
            content: Content::Paragraph(p),
            ..
        }) => {
            if let Some(r) = p.runs.iter_mut().rev().find(|r| !r.text.trim().is_empty()) {
                let t = r.text.trim_end();
                if !t.ends_with("./.") {
                    let stem = t.trim_end_matches(['.', ';', ',', ':']).to_string();
                    r.text = format!("{stem}./.");
                }
            }
        }
        _ => {
            let mut f = body_fmt();
            f.indent_first = 0;
            f.align = Align::Right;
            blocks.push(para(
                Role::Body,
                Region::Page,
                f,
                vec![run("./.", nd30::SIZE_BODY.value, false, false)],
                None,
            ));
        }
    }
}
