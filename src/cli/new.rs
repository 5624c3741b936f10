//! `vbhc new <loại>`: a commented TOML skeleton listing every field of the kind (core and the
//! template's own), whether it is required, what it is for and how to leave it out. As printed its
//! placeholders are errors (`DRAFT-PLACEHOLDER`); with `--allow-errors` it renders.

use super::{Context, Reporter};
use crate::exit::Exit;
use crate::i18n::Lang;
use crate::schema::{self, CoreField, CoreKind};
use crate::template::{FieldKind, KindTemplate};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Loại văn bản (xem `vbhc templates list`)
    #[arg(value_name = "LOẠI")]
    pub kind: String,
    /// Ghi khung vào tệp này (UTF-8) thay vì in ra màn hình; trên Windows nên dùng thay cho `>`
    #[arg(short, long, value_name = "TỆP")]
    pub output: Option<std::path::PathBuf>,
    /// Ghi đè tệp nếu đã có
    #[arg(long)]
    pub force: bool,
}

pub fn run(ctx: &Context, a: &Args, rep: &mut Reporter) -> Exit {
    match ctx.templates(Some(rep)).and_then(|ts| ts.get(&a.kind)) {
        // `> tệp.toml` in Windows PowerShell 5.1 writes UTF-16, which a draft may not be: the
        // file is written here, as UTF-8, when asked.
        Ok(t) => match &a.output {
            Some(path) => {
                let text = skeleton(&t, ctx.cli.lang);
                match crate::output::write_atomic(path, text.as_bytes(), a.force) {
                    Ok(()) => {
                        rep.done(
                            &format!("Đã ghi khung bản nháp vào {}", path.display()),
                            &format!("Wrote the draft skeleton to {}", path.display()),
                        );
                        rep.outputs.push(path.clone());
                        rep.finish("new")
                    }
                    Err(f) => {
                        rep.finding(&f);
                        rep.finish("new")
                    }
                }
            }
            None => {
                crate::out!("{}", skeleton(&t, ctx.cli.lang));
                rep.finish("new")
            }
        },
        Err(f) => {
            rep.finding(&f);
            rep.finish("new")
        }
    }
}

fn toml_string(s: &str) -> String {
    if s.contains('\n') {
        format!(
            "\"\"\"\n{}\"\"\"",
            if s.ends_with('\n') {
                s.to_string()
            } else {
                format!("{s}\n")
            }
        )
    } else {
        toml::Value::String(s.to_string()).to_string()
    }
}

fn comment(out: &mut String, required: bool, text: &str, lang: Lang) {
    let req = match (required, lang) {
        (true, Lang::Vi) => "(bắt buộc) ",
        (true, Lang::En) => "(required) ",
        _ => "",
    };
    out.push_str(&format!("# {req}{text}\n"));
}

fn example(f: &CoreField, t: &KindTemplate) -> String {
    match f.name {
        "loai" => toml_string(&t.id),
        "trich_yeu" => toml_string(if t.form == crate::template::Form::CongVan {
            "về việc …"
        } else {
            "Về việc …"
        }),
        "tham_quyen" => toml_string("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"),
        "kinh_gui" => "[\"Sở Tài chính\", \"Sở Nội vụ\"]".into(),
        "can_cu" => {
            "[\"Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025\"]".into()
        }
        "don_vi_soan" => toml_string("KT"),
        _ => f.example.to_string(),
    }
}

use crate::draft::keys::ATTACHED_NEEDS_NOT;

/// A kind whose texts are issued with a decision (its skeleton gives `ban_hanh_kem_theo`):
/// no date, signature or Nơi nhận of its own.
fn attached(t: &KindTemplate) -> bool {
    t.core_examples.contains_key("ban_hanh_kem_theo")
}

fn core_field(out: &mut String, f: &CoreField, t: &KindTemplate, lang: Lang) {
    let text = if lang == Lang::Vi { f.vi } else { f.en };
    let own = t.core_examples.get(f.name);
    let undated = matches!(f.name, "ngay" | "dia_danh") && !crate::nd30::has_date_line(&t.ten_loai);
    let needed = (f.required && !(attached(t) && ATTACHED_NEEDS_NOT.contains(&f.name)) && !undated)
        || (f.name == "tham_quyen" && t.form == crate::template::Form::QuyetDinh)
        || (f.name == "kinh_gui" && t.kinh_gui == crate::template::Need::Required)
        || (f.name == "don_vi_soan" && t.viet_tat.is_none());
    if f.name == "kinh_gui" && t.kinh_gui == crate::template::Need::Absent {
        return;
    }
    if f.name == "tham_quyen" && t.form != crate::template::Form::QuyetDinh {
        return;
    }
    comment(out, needed, text, lang);
    let ex = own.map_or_else(|| example(f, t), toml::Value::to_string);
    let ex = if ex.is_empty() {
        "\"\"".to_string()
    } else {
        ex
    };
    // A field the kind's template gives an example for is one this kind uses: shown filled in.
    if needed || own.is_some() {
        out.push_str(&format!("{} = {ex}\n\n", f.name));
    } else {
        out.push_str(&format!("# {} = {ex}\n\n", f.name));
    }
}

pub fn skeleton(t: &KindTemplate, lang: Lang) -> String {
    let mut out = String::new();
    match lang {
        Lang::Vi => {
            out.push_str(&format!(
                "# Bản nháp {} — tạo bởi `vbhc new {}`.\n",
                t.name.to_lowercase(),
                t.id
            ));
            out.push_str("# Điền thông tin rồi chạy: vbhc render <tệp>.toml\n");
            out.push_str("# Dòng bắt đầu bằng # là chú thích; bỏ # để dùng một trường tùy chọn.\n");
            out.push_str("# Nội dung dùng cú pháp markup của vbhc: xem docs/markup.md (I. mục, 1. khoản, a) điểm, - gạch đầu dòng, **đậm**, *nghiêng*).\n");
            out.push_str("# Phần tùy chọn: không ghi → câu chuẩn của mẫu (nếu có); `= false` → bỏ hẳn; `than = \"\"\"…\"\"\"` → thân văn bản viết tự do, thay cả khung.\n\n");
        }
        Lang::En => {
            out.push_str(&format!(
                "# Draft of a {} — made by `vbhc new {}`.\n",
                t.name_en.to_lowercase(),
                t.id
            ));
            out.push_str("# Fill it in, then run: vbhc render <file>.toml\n");
            out.push_str(
                "# Lines starting with # are comments; remove the # to use an optional field.\n",
            );
            out.push_str("# Body text uses vbhc's markup: see docs/markup.md.\n");
            out.push_str("# Optional parts: absent → the template's standard wording (if any); `= false` → left out; `than = \"\"\"…\"\"\"` → the whole body written freely, instead of the skeleton.\n\n");
        }
    }
    let scalar = |f: &&CoreField| !matches!(f.kind, CoreKind::Table(_) | CoreKind::TableArray(_));
    for f in schema::CORE.iter().filter(scalar) {
        core_field(&mut out, f, t, lang);
    }
    // The kind's own fields.
    out.push_str(match lang {
        Lang::Vi => "# ---- Nội dung riêng của loại văn bản này ----\n\n",
        Lang::En => "# ---- This kind's own fields ----\n\n",
    });
    for f in &t.fields {
        let text = if lang == Lang::Vi {
            &f.mo_ta
        } else {
            &f.mo_ta_en
        };
        let kind = match (f.kind, lang) {
            (FieldKind::Markup, Lang::Vi) => " [markup]",
            (FieldKind::Markup, Lang::En) => " [markup]",
            _ => "",
        };
        comment(&mut out, f.required, &format!("{text}{kind}"), lang);
        if !f.required {
            let has_standard =
                t.body
                    .contains(&format!("{}{}", crate::template::OFF_PREFIX, f.name));
            let how = match (has_standard, lang) {
                (true, Lang::Vi) => format!(
                    "Không ghi (hoặc \"\"): in câu chuẩn của mẫu; `{} = false`: bỏ hẳn, không in gì",
                    f.name
                ),
                (true, Lang::En) => format!(
                    "Absent (or \"\"): the template's standard wording; `{} = false`: left out entirely",
                    f.name
                ),
                (false, Lang::Vi) => "Không ghi: phần này không in".to_string(),
                (false, Lang::En) => "Absent: this part is not printed".to_string(),
            };
            // A text field inside a sentence says its default in its own explanation.
            if has_standard || f.kind != FieldKind::Text {
                out.push_str(&format!("# {how}\n"));
            }
        }
        let ex = match (&f.vi_du, f.kind) {
            (Some(v), FieldKind::List) => v.clone(),
            (Some(v), _) => toml_string(v),
            (None, FieldKind::List) => "[]".into(),
            (None, _) => "\"\"".into(),
        };
        if f.required || f.in_skeleton {
            out.push_str(&format!("{} = {ex}\n\n", f.name));
        } else {
            for (i, l) in format!("{} = {ex}", f.name).lines().enumerate() {
                let _ = i;
                out.push_str(&format!("# {l}\n"));
            }
            out.push('\n');
        }
    }
    for f in schema::CORE.iter().filter(|f| !scalar(f)) {
        let text = if lang == Lang::Vi { f.vi } else { f.en };
        match f.kind {
            // An optional table the kind gives no example for (a second signer) is shown
            // commented out.
            CoreKind::Table(sub)
                if (!f.required || (attached(t) && ATTACHED_NEEDS_NOT.contains(&f.name)))
                    && !t
                        .core_examples
                        .keys()
                        .any(|k| k.starts_with(&format!("{}.", f.name))) =>
            {
                comment(&mut out, false, text, lang);
                out.push_str(&format!("# [{}]\n", f.name));
                for s in sub {
                    out.push_str(&format!("# {} = {}\n", s.name, s.example));
                }
                out.push('\n');
            }
            CoreKind::Table(sub) => {
                comment(&mut out, f.required, text, lang);
                out.push_str(&format!("[{}]\n", f.name));
                for s in sub {
                    let text = if lang == Lang::Vi { s.vi } else { s.en };
                    comment(&mut out, s.required, text, lang);
                    let own = t.core_examples.get(&format!("{}.{}", f.name, s.name));
                    let ex = own.map_or_else(|| s.example.to_string(), toml::Value::to_string);
                    if s.required || s.name == "quyen_han" || own.is_some() {
                        out.push_str(&format!("{} = {ex}\n", s.name));
                    } else {
                        out.push_str(&format!("# {} = {ex}\n", s.name));
                    }
                }
                out.push('\n');
            }
            CoreKind::TableArray(sub) => {
                comment(&mut out, false, text, lang);
                out.push_str(&format!("# [[{}]]\n", f.name));
                for s in sub {
                    let text = if lang == Lang::Vi { s.vi } else { s.en };
                    out.push_str(&format!("# {} = {}   # {text}\n", s.name, s.example));
                }
            }
            _ => {}
        }
    }
    out
}
