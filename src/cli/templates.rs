//! `vbhc templates list|show`: the kinds vbhc knows, their fields and their templates.

use super::{Context, Format, Reporter};
use crate::exit::Exit;
use crate::i18n::Lang;
use crate::template::{FieldKind, Form};

#[derive(Debug, clap::Subcommand)]
pub enum Cmd {
    /// Liệt kê các loại văn bản
    List,
    /// Xem trường và nội dung mẫu của một loại
    Show {
        /// Loại văn bản
        #[arg(value_name = "LOẠI")]
        kind: String,
    },
}

pub fn run(ctx: &Context, c: &Cmd, rep: &mut Reporter) -> Exit {
    let cli = ctx.cli;
    let ts = match ctx.templates(Some(rep)) {
        Ok(ts) => ts,
        Err(f) => {
            rep.finding(&f);
            return rep.finish("templates");
        }
    };
    let vi = cli.lang == Lang::Vi;
    // Which folder was read, on stderr: the list itself stays one kind a line for scripts.
    rep.done(
        &format!("Mẫu từ: {}", ts.origin()),
        &format!("Templates from: {}", ts.origin()),
    );
    match c {
        Cmd::List => {
            for k in ts.kinds() {
                match ts.get(k) {
                    Ok(t) => {
                        let abbr = t.viet_tat.clone().unwrap_or_else(|| "—".into());
                        let form = match (t.form, vi) {
                            (Form::TenLoai, true) => "có tên loại (Mẫu 1.4)",
                            (Form::CongVan, true) => "công văn (Mẫu 1.5)",
                            (Form::QuyetDinh, true) => "quyết định (Mẫu 1.2/1.3)",
                            (Form::TenLoai, false) => "named (form 1.4)",
                            (Form::CongVan, false) => "công văn (form 1.5)",
                            (Form::QuyetDinh, false) => "decision (form 1.2/1.3)",
                        };
                        if cli.format == Format::Json {
                            crate::outln!(
                                "{}",
                                serde_json::json!({"schema": crate::finding::SCHEMA, "type": "template", "id": t.id, "name": t.name, "name_en": t.name_en, "abbreviation": t.viet_tat, "form": format!("{:?}", t.form)})
                            );
                        } else {
                            crate::outln!(
                                "{:<20} {:<6} {:<22} {}",
                                t.id,
                                abbr,
                                if vi { &t.name } else { &t.name_en },
                                form
                            );
                        }
                    }
                    Err(f) => rep.finding(&f),
                }
            }
        }
        Cmd::Show { kind } => match ts.get(kind) {
            Ok(t) => {
                crate::outln!(
                    "{} — {} ({})",
                    t.id,
                    if vi { &t.name } else { &t.name_en },
                    t.path.display()
                );
                crate::outln!("{}", if vi { "Trường riêng:" } else { "Fields:" });
                for f in &t.fields {
                    let req = match (f.required, vi) {
                        (true, true) => "bắt buộc",
                        (false, true) => "tùy chọn",
                        (true, false) => "required",
                        (false, false) => "optional",
                    };
                    let kind = match f.kind {
                        FieldKind::Text => "text",
                        FieldKind::Markup => "markup",
                        FieldKind::List => "list",
                    };
                    crate::outln!(
                        "  {:<22} {:<7} {:<9} {}",
                        f.name,
                        kind,
                        req,
                        if vi { &f.mo_ta } else { &f.mo_ta_en }
                    );
                }
                if !t.slots.is_empty() {
                    crate::outln!(
                        "{} {}",
                        if vi {
                            "Chỗ cắm cho plugin:"
                        } else {
                            "Plugin slots:"
                        },
                        t.slots.join(", ")
                    );
                }
                crate::outln!(
                    "{}",
                    if vi {
                        "\nNội dung mẫu:"
                    } else {
                        "\nTemplate body:"
                    }
                );
                crate::out!("{}", t.body);
            }
            Err(f) => rep.finding(&f),
        },
    }
    rep.finish("templates")
}
