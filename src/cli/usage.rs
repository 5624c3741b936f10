//! The argument parser's refusals in the clerk's language. clap writes its errors in English;
//! the kinds a clerk meets (a mistyped command or option, a missing draft, a value not in the
//! list) are said again in Vietnamese, with clap's suggestion, usage line and help pointer.

use clap::error::{ContextKind, ContextValue, ErrorKind};

fn value(e: &clap::Error, k: ContextKind) -> Option<String> {
    match e.get(k)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The Vietnamese text of a usage error, or `None` for the kinds clap prints as help.
pub fn vietnamese(e: &clap::Error) -> Option<String> {
    let arg = value(e, ContextKind::InvalidArg).unwrap_or_default();
    let val = value(e, ContextKind::InvalidValue).unwrap_or_default();
    let head = match e.kind() {
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh `{}`",
            value(e, ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::UnknownArgument => format!("không có tùy chọn `{arg}`"),
        ErrorKind::MissingRequiredArgument => {
            format!("thiếu đối số bắt buộc: {arg}")
        }
        ErrorKind::MissingSubcommand => "thiếu lệnh (render, check, new, batch …)".into(),
        ErrorKind::InvalidValue => {
            let allowed = value(e, ContextKind::ValidValue)
                .map(|v| format!("; giá trị được phép: {v}"))
                .unwrap_or_default();
            if val.is_empty() {
                format!("`{arg}` cần một giá trị{allowed}")
            } else {
                format!("giá trị `{val}` không dùng được cho `{arg}`{allowed}")
            }
        }
        ErrorKind::ValueValidation => format!("giá trị `{val}` của `{arg}` không hợp lệ"),
        ErrorKind::ArgumentConflict => format!(
            "`{arg}` không dùng cùng `{}`",
            value(e, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("`{arg}` nhận sai số giá trị")
        }
        ErrorKind::NoEquals => format!("`{arg}` cần dấu `=` trước giá trị"),
        ErrorKind::InvalidUtf8 => "đối số không phải văn bản Unicode hợp lệ".into(),
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        _ => return None,
    };
    let mut out = format!("lỗi: {head}\n");
    if let Some(s) =
        value(e, ContextKind::SuggestedSubcommand).or_else(|| value(e, ContextKind::SuggestedArg))
    {
        out.push_str(&format!("\n  gợi ý: có phải `{s}`?\n"));
    }
    if let Some(u) = value(e, ContextKind::Usage) {
        let u = u
            .trim()
            .replacen("Usage:", "Cách dùng:", 1)
            .replace("[OPTIONS]", "[TÙY_CHỌN]");
        out.push_str(&format!("\n{u}\n"));
    }
    out.push_str("\nXem thêm: vbhc --help (hoặc vbhc <lệnh> --help).\n");
    Some(out)
}
