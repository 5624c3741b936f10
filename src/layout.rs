//! Layout: a checked `Draft` becomes a `Document`. The kind template is filled and its markup
//! parsed into body blocks; the header, title, signature block and Nơi nhận are built from the
//! core facts; every block gets its formatting resolved from `nd30` and its source location.
//! The writer then only writes what this step decided.

use crate::draft::{Draft, FieldValue, number};
use crate::finding::{Finding, Location};
use crate::markup::{self, Inline, MBlock, Mark};
use crate::metrics::{self, Face};
use crate::model::*;
use crate::nd30::{self, FONT};
use crate::template::{FieldKind, Form};
use crate::{msg, text};
use serde_json::{Map, Value};
use std::borrow::Cow;

pub const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";

/// The document and the warnings met while laying it out.
pub struct Laid {
    pub doc: Document,
    pub warnings: Vec<Finding>,
}

pub fn page_portrait() -> PageSetup {
    PageSetup {
        width: nd30::PAGE_WIDTH,
        height: nd30::PAGE_HEIGHT,
        landscape: false,
        margins: Margins {
            top: nd30::MARGIN_TOP.value,
            bottom: nd30::MARGIN_BOTTOM.value,
            left: nd30::MARGIN_LEFT.value,
            right: nd30::MARGIN_RIGHT.value,
            header: nd30::HEADER_DISTANCE,
            footer: nd30::FOOTER_DISTANCE,
        },
        page_numbers: true,
        first_page_unnumbered: true,
        restart_at: None,
        numbers_in_footer: false,
        number_size: nd30::SIZE_PAGE_NUMBER.value,
        number_font: None,
    }
}

fn fmt(align: Align) -> ParaFormat {
    ParaFormat {
        align,
        indent_first: 0,
        indent_left: 0,
        indent_right: 0,
        space_before: 0,
        space_after: 0,
        line: 240,
        line_rule: LineRule::Auto,
        keep_next: false,
        boxed: false,
    }
}

fn body_fmt() -> ParaFormat {
    ParaFormat {
        align: Align::Justify,
        indent_first: nd30::INDENT_FIRST_LINE.value as i32,
        space_before: nd30::PARA_SPACING.value,
        line: nd30::LINE_SPACING.value,
        ..fmt(Align::Justify)
    }
}

fn run(text: impl Into<String>, size: u32, bold: bool, italic: bool) -> Run {
    Run {
        text: text.into(),
        font: Cow::Borrowed(FONT),
        size,
        bold,
        italic,
        break_before: false,
        spacing: 0,
    }
}

fn para(
    role: Role,
    region: Region,
    format: ParaFormat,
    runs: Vec<Run>,
    source: Option<Location>,
) -> Block {
    Block {
        role,
        level: 0,
        region,
        content: Content::Paragraph(Paragraph { runs, format }),
        source,
    }
}

/// Size (half-points) and emphasis of a one-run line.
#[derive(Debug, Clone, Copy)]
struct Look {
    size: u32,
    bold: bool,
    italic: bool,
}

impl Look {
    fn new(size: u32, bold: bool, italic: bool) -> Self {
        Self { size, bold, italic }
    }
}

fn line(
    role: Role,
    region: Region,
    format: ParaFormat,
    text: &str,
    look: Look,
    source: Option<Location>,
) -> Block {
    let r = run(text, look.size, look.bold, look.italic);
    para(role, region, format, vec![r], source)
}

fn rule(region: Region, length: u32, region_width: u32) -> Block {
    Block {
        role: Role::Rule,
        level: 0,
        region,
        content: Content::Rule(Rule {
            length,
            region_width,
            weight_emu: nd30::RULE_WIDTH_EMU,
        }),
        source: None,
    }
}

/// The widest line `text` takes when wrapped to `width`.
fn longest_line(text: &str, face: Face, size: u32, width: u32) -> u32 {
    metrics::wrap(text, face, size, width)
        .iter()
        .map(|l| metrics::width_twips(l, face, size))
        .max()
        .unwrap_or(0)
}

/// The values a template sees: every declared field (absent ones `null`) and the core facts.
fn template_data(d: &Draft) -> Map<String, Value> {
    let mut m = Map::new();
    for decl in &d.template.fields {
        let v = match d.fields.get(&decl.name).map(|f| &f.v) {
            Some(FieldValue::Text(s)) | Some(FieldValue::Markup(s)) => Value::String(s.clone()),
            Some(FieldValue::List(l)) => {
                Value::Array(l.iter().cloned().map(Value::String).collect())
            }
            None => Value::Null,
        };
        m.insert(decl.name.clone(), v);
    }
    m.insert("dia_danh".into(), Value::String(d.dia_danh.v.clone()));
    m.insert("nam".into(), Value::String(d.ngay.v.year.to_string()));
    m.insert("trich_yeu".into(), Value::String(d.trich_yeu.v.clone()));
    m.insert("ten_loai".into(), Value::String(d.template.name.clone()));
    m
}

pub fn lay_out(d: &Draft) -> Result<Laid, Finding> {
    let mut warnings = d.warnings.clone();
    let tp = &d.template;
    let page = page_portrait();
    let tw = page.text_width();
    let mut b: Vec<Block> = Vec::new();
    let at = |l: &Location| Some(l.clone());

    // ---- Header, left column -----------------------------------------------------------
    let lw = nd30::HEADER_LEFT_COL;
    if let Some(cq) = &d.chu_quan {
        b.push(line(
            Role::ChuQuan,
            Region::HeaderLeft,
            fmt(Align::Center),
            &cq.v,
            Look::new(nd30::SIZE_CHU_QUAN.value, false, false),
            at(&cq.at),
        ));
    }
    let size_cq = nd30::SIZE_CO_QUAN.value;
    for l in &d.co_quan.v {
        b.push(line(
            Role::CoQuan,
            Region::HeaderLeft,
            fmt(Align::Center),
            l,
            Look::new(size_cq, true, false),
            at(&d.co_quan.at),
        ));
        let w = metrics::width_twips(l, Face::Bold, size_cq);
        if w > lw {
            warnings.push(
                Finding::warning(
                    "LAYOUT-ORGAN-WRAP",
                    msg!(
                        "dòng tên cơ quan `{}` dài hơn cột trái nên sẽ tự xuống dòng",
                        "organ line `{}` is wider than the left column and will wrap",
                        l
                    ),
                )
                .at(d.co_quan.at.clone())
                .measured(
                    format!("{:.2} cm", f64::from(w) / nd30::TWIPS_PER_CM),
                    format!("≤ {:.2} cm", f64::from(lw) / nd30::TWIPS_PER_CM),
                )
                .hint(msg!(
                    "tách tên thành nhiều dòng trong `co_quan.ten`",
                    "split the name into lines in `co_quan.ten`"
                )),
            );
        }
    }
    let organ_w = d
        .co_quan
        .v
        .iter()
        .map(|l| longest_line(l, Face::Bold, size_cq, lw))
        .max()
        .unwrap_or(0);
    b.push(rule(
        Region::HeaderLeft,
        (f64::from(organ_w) * nd30::RULE_CO_QUAN_FRACTION.chosen).round() as u32,
        lw,
    ));
    let so_line = format!("Số: {}/{}", number::format_number(d.so), d.ky_hieu.v);
    b.push(line(
        Role::SoKyHieu,
        Region::HeaderLeft,
        ParaFormat {
            space_before: 60,
            ..fmt(Align::Center)
        },
        &so_line,
        Look::new(nd30::SIZE_SO.value, false, false),
        at(&d.ky_hieu.at),
    ));
    if tp.form == Form::CongVan {
        let vv = format!("V/v {}", d.trich_yeu.v);
        b.push(line(
            Role::VeViec,
            Region::HeaderLeft,
            ParaFormat {
                space_before: nd30::VV_SPACE_BEFORE,
                ..fmt(Align::Center)
            },
            &vv,
            Look::new(nd30::SIZE_VV.value, false, false),
            at(&d.trich_yeu.at),
        ));
    }
    if let Some(dk) = &d.do_khan {
        // The stamp's frame has the decree's size (30/40/20 × 8 mm): the paragraph's box is
        // narrowed to it by equal indents.
        let frame = match dk.v.as_str() {
            "THƯỢNG KHẨN" => nd30::FRAME_THUONG_KHAN,
            "KHẨN" => nd30::FRAME_KHAN,
            _ => nd30::FRAME_HOA_TOC,
        };
        let side = lw.saturating_sub(frame) / 2;
        b.push(line(
            Role::DoKhan,
            Region::HeaderLeft,
            ParaFormat {
                space_before: 120,
                boxed: true,
                indent_left: side,
                indent_right: side,
                ..fmt(Align::Center)
            },
            &dk.v,
            Look::new(nd30::SIZE_DO_KHAN.value, true, false),
            at(&dk.at),
        ));
    }

    // ---- Header, right column ----------------------------------------------------------
    let rw = nd30::HEADER_RIGHT_COL;
    b.push(line(
        Role::QuocHieu,
        Region::HeaderRight,
        fmt(Align::Center),
        QUOC_HIEU,
        Look::new(nd30::SIZE_QUOC_HIEU.value, true, false),
        None,
    ));
    b.push(line(
        Role::TieuNgu,
        Region::HeaderRight,
        fmt(Align::Center),
        TIEU_NGU,
        Look::new(nd30::SIZE_TIEU_NGU.value, true, false),
        None,
    ));
    b.push(rule(
        Region::HeaderRight,
        metrics::width_twips(TIEU_NGU, Face::Bold, nd30::SIZE_TIEU_NGU.value),
        rw,
    ));
    let date_line = d.ngay.v.line(&d.dia_danh.v);
    b.push(line(
        Role::DiaDanhNgay,
        Region::HeaderRight,
        ParaFormat {
            space_before: 60,
            ..fmt(Align::Center)
        },
        &date_line,
        Look::new(nd30::SIZE_NGAY.value, false, true),
        // A place name the plugin supplied is the likelier cause of a finding on this line:
        // the finding then names the plugin rather than the draft's date.
        at(if d.dia_danh.at.plugin.is_some() {
            &d.dia_danh.at
        } else {
            &d.ngay.at
        }),
    ));

    // ---- Title ---------------------------------------------------------------------------
    let size_t = nd30::SIZE_TITLE.value;
    if tp.form != Form::CongVan {
        b.push(line(
            Role::TenLoai,
            Region::Page,
            ParaFormat {
                space_before: 360,
                keep_next: true,
                ..fmt(Align::Center)
            },
            &tp.ten_loai,
            Look::new(size_t, true, false),
            None,
        ));
        b.push(line(
            Role::TrichYeu,
            Region::Page,
            ParaFormat {
                keep_next: true,
                ..fmt(Align::Center)
            },
            &d.trich_yeu.v,
            Look::new(size_t, true, false),
            at(&d.trich_yeu.at),
        ));
        let w = longest_line(&d.trich_yeu.v, Face::Bold, size_t, tw);
        b.push(rule(
            Region::Page,
            (f64::from(w) * nd30::RULE_TRICH_YEU_FRACTION.chosen).round() as u32,
            tw,
        ));
    }

    // ---- Kính gửi: under the title, before any căn cứ (as in TTr-PANM, TB-SCT_KhoVLNCL) -----
    let size_kg = nd30::SIZE_KINH_GUI.value;
    match d.kinh_gui.as_slice() {
        [] => {}
        [one] => {
            let text = format!("Kính gửi: {}.", one.v.trim_end_matches([';', '.', ',']));
            b.push(line(
                Role::KinhGui,
                Region::Page,
                ParaFormat {
                    space_before: 240,
                    space_after: 120,
                    ..fmt(Align::Center)
                },
                &text,
                Look::new(size_kg, false, false),
                at(&one.at),
            ));
        }
        many => {
            let label = "Kính gửi:";
            let widest = many
                .iter()
                .map(|k| metrics::width_twips(&format!("- {};", k.v), Face::Regular, size_kg))
                .max()
                .unwrap_or(0);
            let label_w = metrics::width_twips(&format!("{label} "), Face::Regular, size_kg);
            // Centre the block as a whole; never let it start left of the first-line indent.
            let left = (tw.saturating_sub(label_w + widest) / 2)
                .max(nd30::INDENT_FIRST_LINE.value)
                .min(tw / 3);
            let n = many.len();
            for (i, k) in many.iter().enumerate() {
                let stem = k.v.trim_end_matches([';', '.', ',']);
                let item = format!("- {stem}{}", if i + 1 == n { "." } else { ";" });
                let mut f = ParaFormat {
                    indent_left: left + label_w,
                    indent_first: -(label_w as i32),
                    ..fmt(Align::Left)
                };
                let runs = if i == 0 {
                    f.space_before = 240;
                    vec![
                        run(format!("{label} "), size_kg, false, false),
                        run(item, size_kg, false, false),
                    ]
                } else {
                    f.indent_first = 0;
                    vec![run(item, size_kg, false, false)]
                };
                if i + 1 == n {
                    f.space_after = 120;
                }
                b.push(para(Role::KinhGui, Region::Page, f, runs, at(&k.at)));
            }
        }
    }

    // ---- Quyết định: authority line, căn cứ, QUYẾT ĐỊNH: ----------------------------------
    if tp.form == Form::QuyetDinh
        && let Some(tq) = &d.tham_quyen
    {
        b.push(line(
            Role::ThamQuyen,
            Region::Page,
            ParaFormat {
                space_before: 240,
                ..fmt(Align::Center)
            },
            &tq.v,
            Look::new(size_t, true, false),
            at(&tq.at),
        ));
    }
    let n = d.can_cu.len();
    for (i, cc) in d.can_cu.iter().enumerate() {
        let stem = cc.v.trim_end_matches([';', '.', ',']).trim_end();
        let text = format!("{stem}{}", if i + 1 == n { "." } else { ";" });
        let mut f = body_fmt();
        if i == 0 {
            f.space_before = 240;
        }
        b.push(line(
            Role::CanCu,
            Region::Page,
            f,
            &text,
            Look::new(nd30::SIZE_BODY.value, false, true),
            at(&cc.at),
        ));
    }
    if tp.form == Form::QuyetDinh {
        b.push(line(
            Role::QuyetDinhLabel,
            Region::Page,
            ParaFormat {
                space_before: 240,
                space_after: 120,
                keep_next: true,
                ..fmt(Align::Center)
            },
            "QUYẾT ĐỊNH:",
            Look::new(size_t, true, false),
            None,
        ));
    }

    // ---- Body ----------------------------------------------------------------------------------
    let body_markup = crate::template::render_body(tp, &template_data(d))?;
    let origins = markup_origins(d);
    let (mblocks, _) = markup::parse(&body_markup, 1);
    let mut body = fill_slots(blocks_from_markup(&mblocks, tw, &origins), d, tw);
    ensure_end_mark(&mut body);
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

    // ---- Signature table ------------------------------------------------------------------------
    let keep = ParaFormat {
        keep_next: true,
        ..fmt(Align::Left)
    };
    b.push(line(
        Role::NoiNhanHeading,
        Region::SignLeft,
        ParaFormat {
            space_before: 240,
            ..keep
        },
        "Nơi nhận:",
        Look::new(nd30::SIZE_NOI_NHAN_HEADING.value, true, true),
        None,
    ));
    let mut items: Vec<(String, Option<Location>)> = Vec::new();
    let has_nhu_tren = d
        .noi_nhan
        .first()
        .is_some_and(|f| f.v.trim_start_matches("- ").starts_with("Như trên"));
    if tp.nhu_tren && !d.kinh_gui.is_empty() && !has_nhu_tren {
        items.push(("- Như trên;".into(), None));
    }
    for nn in &d.noi_nhan {
        items.push((noi_nhan_item(&nn.v), Some(nn.at.clone())));
    }
    let luu = d
        .luu
        .v
        .trim()
        .trim_start_matches("Lưu:")
        .trim()
        .trim_end_matches('.');
    items.push((format!("- Lưu: {luu}."), Some(d.luu.at.clone())));
    for (text, src) in items {
        b.push(line(
            Role::NoiNhan,
            Region::SignLeft,
            keep,
            &text,
            Look::new(nd30::SIZE_NOI_NHAN.value, false, false),
            src,
        ));
    }
    if let Some(ns) = &d.nguoi_soan {
        let text = match d.so_ban {
            Some(n) => format!("{ns}.({n})"),
            None => format!("{ns}."),
        };
        b.push(line(
            Role::NguoiSoan,
            Region::SignLeft,
            ParaFormat {
                space_before: 120,
                ..fmt(Align::Left)
            },
            &text,
            Look::new(nd30::SIZE_NGUOI_SOAN.value, false, false),
            None,
        ));
    }
    let size_s = nd30::SIZE_SIGNATURE.value;
    let centre_keep = ParaFormat {
        keep_next: true,
        ..fmt(Align::Center)
    };
    let mut first = true;
    for q in &d.quyen_han {
        let f = if first {
            ParaFormat {
                space_before: 240,
                ..centre_keep
            }
        } else {
            centre_keep
        };
        first = false;
        b.push(line(
            Role::QuyenHan,
            Region::SignRight,
            f,
            &q.v,
            Look::new(size_s, true, false),
            at(&q.at),
        ));
    }
    let f = if first {
        ParaFormat {
            space_before: 240,
            ..centre_keep
        }
    } else {
        centre_keep
    };
    b.push(line(
        Role::ChucVu,
        Region::SignRight,
        f,
        &d.chuc_vu.v,
        Look::new(size_s, true, false),
        at(&d.chuc_vu.at),
    ));
    b.push(para(
        Role::SignatureSpace,
        Region::SignRight,
        ParaFormat {
            line: 240 * nd30::SIGNATURE_SPACE_LINES * 14 / 12,
            ..centre_keep
        },
        Vec::new(),
        None,
    ));
    b.push(line(
        Role::HoTen,
        Region::SignRight,
        fmt(Align::Center),
        &d.ho_ten.v,
        Look::new(size_s, true, false),
        at(&d.ho_ten.at),
    ));

    for dc in &d.dia_chi {
        b.push(line(
            Role::DiaChi,
            Region::Footer,
            fmt(Align::Left),
            &dc.v,
            Look::new(nd30::SIZE_DIA_CHI.value, false, false),
            at(&dc.at),
        ));
    }

    let mut sections = vec![Section { page, blocks: b }];

    // ---- Phụ lục ------------------------------------------------------------------------------
    for pl in &d.phu_luc {
        let mut p = page_portrait();
        if pl.ngang {
            p.width = nd30::PAGE_HEIGHT;
            p.height = nd30::PAGE_WIDTH;
            p.landscape = true;
        }
        p.restart_at = Some(1);
        let ptw = p.text_width();
        let mut pb = Vec::new();
        let label = match &pl.so {
            Some(s) => format!("Phụ lục {s}"),
            None => "Phụ lục".to_string(),
        };
        pb.push(line(
            Role::PhuLucLabel,
            Region::Page,
            ParaFormat {
                keep_next: true,
                ..fmt(Align::Center)
            },
            &label,
            Look::new(nd30::SIZE_PHU_LUC_LABEL.value, true, false),
            None,
        ));
        pb.push(line(
            Role::PhuLucTitle,
            Region::Page,
            ParaFormat {
                keep_next: true,
                ..fmt(Align::Center)
            },
            &pl.tieu_de.v,
            Look::new(nd30::SIZE_PHU_LUC_TITLE.value, true, false),
            at(&pl.tieu_de.at),
        ));
        let attribution = pl.kem_theo.clone().unwrap_or_else(|| {
            let name = if tp.form == Form::CongVan {
                "Văn bản".to_string()
            } else {
                tp.name.clone()
            };
            let date = d.ngay.v.line("").trim_start_matches(", ").to_string();
            format!(
                "(Kèm theo {name} số {}/{} {date})",
                number::format_number(d.so),
                d.ky_hieu.v
            )
        });
        pb.push(line(
            Role::PhuLucAttribution,
            Region::Page,
            ParaFormat {
                space_after: 240,
                ..fmt(Align::Center)
            },
            &attribution,
            Look::new(nd30::SIZE_BODY.value, false, true),
            None,
        ));
        let (mblocks, _) = markup::parse(&pl.noi_dung.v, 1);
        let mut blocks = blocks_from_markup(&mblocks, ptw, &origins);
        for bl in &mut blocks {
            if bl.source.is_none() {
                bl.source = Some(pl.noi_dung.at.clone());
            }
        }
        ensure_end_mark(&mut blocks);
        pb.extend(blocks);
        sections.push(Section {
            page: p,
            blocks: pb,
        });
    }

    let doc = Document {
        kind: tp.id.clone(),
        ten_loai: tp.ten_loai.clone(),
        number: d.so,
        ky_hieu: d.ky_hieu.v.clone(),
        sections,
    };
    Ok(Laid { doc, warnings })
}

/// `- Sở Tài chính;` from whatever the clerk typed (`Sở Tài chính`, `- Sở Tài chính;`).
/// Annotations after the semicolon (`- Thường trực Tỉnh ủy; (để b/c)`) are kept as written.
fn noi_nhan_item(s: &str) -> String {
    let s = s.trim().trim_start_matches('-').trim();
    if s.contains("; (") || s.ends_with(';') {
        return format!("- {s}");
    }
    format!("- {};", s.trim_end_matches(['.', ',']))
}

/// Puts the plugin's sections where the template has their slots. Each block remembers the
/// plugin and the slot it came from.
fn fill_slots(body: Vec<Block>, d: &Draft, width: u32) -> Vec<Block> {
    if d.sections.is_empty() {
        return body;
    }
    let mut out = Vec::with_capacity(body.len());
    for b in body {
        let Content::Slot(name) = &b.content else {
            out.push(b);
            continue;
        };
        if let Some(section) = d.sections.get(name) {
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
fn markup_origins(d: &Draft) -> Vec<(String, Location)> {
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
fn origin_of(
    origins: &[(String, Location)],
    from: &mut usize,
    mark: &Mark,
    inlines: &[Inline],
) -> Option<Location> {
    let text: String = inlines.iter().map(|i| i.text.as_str()).collect();
    let text = text.trim();
    let label = mark.label();
    let n = origins.len();
    (0..n)
        .map(|k| (*from + k) % n)
        .find(|&i| {
            let l = &origins[i].0;
            l.len() >= text.len() && l.contains(text) && (label.is_empty() || l.starts_with(&label))
        })
        .map(|i| {
            *from = i + 1;
            origins[i].1.clone()
        })
}

/// A numbered line without final punctuation is a heading. Real headings run long ("1. Công tác
/// thanh tra, kiểm tra, xử lý vi phạm pháp luật về khoáng sản": 15 words; the corpus has 19),
/// so only a line past `HEADING_MAX_WORDS` is taken for a sentence that lost its full stop.
const HEADING_MAX_WORDS: usize = 24;

/// A khoản or điều that names a unit or a topic (no final punctuation, short) is a heading and
/// is bold as a whole; one that is a sentence has only its number bold (kinds.md §11).
fn is_heading(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && !t.ends_with(['.', ';', ':', ','])
        && t.split_whitespace().count() <= HEADING_MAX_WORDS
}

fn inline_runs(inlines: &[Inline], size: u32, bold: bool, italic: bool) -> Vec<Run> {
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

fn blocks_from_markup(
    mblocks: &[MBlock],
    width: u32,
    origins: &[(String, Location)],
) -> Vec<Block> {
    let size = nd30::SIZE_BODY.value;
    let mut out = Vec::new();
    let mut from = 0;
    for mb in mblocks {
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

fn table_block(rows: &[Vec<Vec<Inline>>], header_rows: usize, width: u32) -> Block {
    let size = nd30::SIZE_TABLE.value;
    let ncols = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let columns = column_widths(rows, header_rows, ncols, size, width);
    let rows = rows
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            let header = ri < header_rows;
            (0..ncols)
                .map(|c| {
                    let inl = r.get(c).cloned().unwrap_or_default();
                    let short = inl.iter().map(|i| i.text.chars().count()).sum::<usize>() <= 4;
                    let align = if header || short {
                        Align::Center
                    } else {
                        Align::Left
                    };
                    vec![Paragraph {
                        runs: inline_runs(&inl, size, header, false),
                        format: ParaFormat {
                            space_before: 40,
                            space_after: 40,
                            ..fmt(align)
                        },
                    }]
                })
                .collect()
        })
        .collect();
    Block {
        role: Role::Body,
        level: 0,
        region: Region::Page,
        content: Content::Table(Table {
            columns,
            rows,
            header_rows,
        }),
        source: None,
    }
}

/// Word's default cell margins (0.19 cm each side) plus a little air.
const CELL_PADDING: u32 = 2 * 108 + 40;

/// Column widths that add up to `width`: every column is at least as wide as its longest word
/// (so "TT" or "Ghi chú" never breaks inside a word), and the rest of the width is shared by the
/// length of each column's longest cell.
fn column_widths(
    rows: &[Vec<Vec<Inline>>],
    header_rows: usize,
    ncols: usize,
    size: u32,
    width: u32,
) -> Vec<u32> {
    let cell_text = |cell: &Vec<Inline>| cell.iter().map(|i| i.text.as_str()).collect::<String>();
    let mut floor = vec![0u32; ncols];
    let mut lens = vec![1u32; ncols];
    for (ri, r) in rows.iter().enumerate() {
        let face = if ri < header_rows {
            Face::Bold
        } else {
            Face::Regular
        };
        for (c, cell) in r.iter().enumerate().take(ncols) {
            let text = cell_text(cell);
            let word = text
                .split_whitespace()
                .map(|w| metrics::width_twips(w, face, size))
                .max()
                .unwrap_or(0);
            floor[c] = floor[c].max(word + CELL_PADDING);
            lens[c] = lens[c].max((text.chars().count() as u32).clamp(3, 60));
        }
    }
    let total: u32 = lens.iter().sum();
    let mut columns: Vec<u32> = (0..ncols)
        .map(|c| (width * lens[c] / total).max(floor[c]))
        .collect();
    let sum: u32 = columns.iter().sum();
    if sum > width {
        // Take the excess from the columns wider than their floor, in proportion to their slack.
        let over = sum - width;
        let slack: Vec<u32> = (0..ncols).map(|c| columns[c] - floor[c]).collect();
        let total_slack: u32 = slack.iter().sum();
        if total_slack >= over {
            for c in 0..ncols {
                columns[c] -=
                    (u64::from(over) * u64::from(slack[c]) / u64::from(total_slack)) as u32;
            }
        } else {
            // Even the floors do not fit: share the width by the floors.
            let floors: u32 = floor.iter().sum();
            columns = floor.iter().map(|f| width * f / floors).collect();
        }
    }
    // Rounding leftovers (either way) go to the widest column.
    let used: u32 = columns.iter().sum();
    if let Some(widest) = columns.iter_mut().max() {
        *widest = (*widest + width).saturating_sub(used);
    }
    columns
}

/// The body ends with `./.` attached to its last word (every model of Phụ lục III, every
/// corpus file): added when the clerk or the template left it out.
fn ensure_end_mark(blocks: &mut Vec<Block>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence written twice is traced to each of its own lines, not twice to the first.
    #[test]
    fn repeated_lines_are_traced_to_their_own_occurrence() {
        let at = |line| Location::file("d.toml").at(line, 1);
        let origins = vec![
            ("Kiểm tra hồ sơ.".to_string(), at(5)),
            ("Báo cáo kết quả.".to_string(), at(6)),
            ("Kiểm tra hồ sơ.".to_string(), at(9)),
        ];
        let mut from = 0;
        let lines: Vec<Option<usize>> = [
            "Kiểm tra hồ sơ.",
            "Báo cáo kết quả.",
            "Kiểm tra hồ sơ.",
            "Không có.",
        ]
        .iter()
        .map(|t| origin_of(&origins, &mut from, &Mark::Para, &cell(t)).and_then(|l| l.line))
        .collect();
        assert_eq!(lines, vec![Some(5), Some(6), Some(9), None]);
    }

    fn cell(t: &str) -> Vec<Inline> {
        vec![Inline {
            text: t.into(),
            bold: false,
            italic: false,
            break_before: false,
        }]
    }

    #[test]
    fn short_columns_keep_their_words_whole() {
        let long = "Tuyên truyền, phổ biến pháp luật về phòng cháy, chữa cháy rừng đến chủ rừng";
        let rows = vec![
            vec![cell("TT"), cell("Nhiệm vụ"), cell("Ghi chú")],
            vec![cell("1"), cell(long), cell("")],
        ];
        let size = nd30::SIZE_TABLE.value;
        let w = column_widths(&rows, 1, 3, size, nd30::TEXT_WIDTH);
        assert_eq!(w.iter().sum::<u32>(), nd30::TEXT_WIDTH);
        assert!(w[0] >= metrics::width_twips("TT", Face::Bold, size) + CELL_PADDING);
        assert!(w[2] >= metrics::width_twips("chú", Face::Bold, size) + CELL_PADDING);
        assert!(w[1] > w[0] * 4, "{w:?}");
    }

    #[test]
    fn too_many_columns_still_fill_the_width() {
        let row: Vec<Vec<Inline>> = (0..30).map(|_| cell("Mười")).collect();
        let w = column_widths(&[row], 0, 30, nd30::SIZE_TABLE.value, 3000);
        assert_eq!(w.iter().sum::<u32>(), 3000);
    }
}
