//! Số and ký hiệu (nd30.md §1.4): the number is padded below 10 (`05`) or left blank to be
//! assigned at signing; the ký hiệu is groups joined by hyphens, no spaces, upper case except
//! the decree's own mixed-case abbreviations (`TTr`, `CTr`, `QyĐ`, `TrS`).

use super::node::Value;
use crate::i18n::Msg;
use crate::msg;

/// `Some(n)` for a number, `None` for blank.
pub fn parse_number(v: &Value) -> Result<Option<u32>, Msg> {
    let n = match v {
        Value::Integer(i) => *i,
        Value::String(s) if s.trim().is_empty() => return Ok(None),
        Value::String(s) => s.trim().parse::<i64>().map_err(|_| {
            msg!(
                "số `{}` phải là chữ số (hoặc \"\" để trống)",
                "number `{}` must be digits (or \"\" for blank)",
                s
            )
        })?,
        _ => return Err(msg!("số phải là chữ số", "the number must be digits")),
    };
    if !(1..=999_999).contains(&n) {
        return Err(msg!(
            "số {} ngoài khoảng 1–999999 (số văn bản bắt đầu từ 01 mỗi năm)",
            "number {} is outside 1–999999 (numbering starts at 01 each year)",
            n
        ));
    }
    Ok(Some(n as u32))
}

/// `05`, `12`, `2623`; a blank of fixed width when unassigned.
pub fn format_number(n: Option<u32>) -> String {
    match n {
        Some(n) => format!("{n:02}"),
        None => crate::nd30::BLANK_NUMBER.to_string(),
    }
}

/// Mixed-case abbreviations of Phụ lục III that must not be upper-cased.
pub const MIXED_CASE: &[&str] = &["TTr", "CTr", "QyĐ", "TrS"];

pub fn check_ky_hieu(k: &str) -> Result<(), Msg> {
    let bad = |why_vi: &str, why_en: &str| {
        Msg::new(
            format!("ký hiệu `{k}` sai: {why_vi}"),
            format!("malformed ký hiệu `{k}`: {why_en}"),
        )
    };
    if k.is_empty() {
        return Err(bad("để trống", "empty"));
    }
    if k.contains(char::is_whitespace) {
        return Err(bad("có dấu cách", "contains a space"));
    }
    if k.contains('/') {
        return Err(bad(
            "không được chứa dấu / (số và ký hiệu ghép bằng một dấu / duy nhất)",
            "must not contain / (number and ký hiệu are joined by one /)",
        ));
    }
    for g in k.split('-') {
        if g.is_empty() {
            return Err(bad(
                "có nhóm rỗng giữa hai dấu -",
                "has an empty group between hyphens",
            ));
        }
        if !g.chars().all(|c| c.is_alphanumeric()) {
            return Err(bad(
                "chỉ dùng chữ và số, nối các nhóm bằng dấu -",
                "use letters and digits, groups joined by -",
            ));
        }
        if g.chars().any(char::is_lowercase) && !MIXED_CASE.contains(&g) {
            return Err(bad(
                "viết hoa (trừ TTr, CTr, QyĐ, TrS)",
                "must be upper case (except TTr, CTr, QyĐ, TrS)",
            ));
        }
    }
    Ok(())
}

/// A quyền hạn line opens with one of the decree's prefixes (Điều 13).
pub fn is_authority(line: &str) -> bool {
    // "ĐẠI DIỆN BÊN A": the party line of a hợp đồng, bản ghi nhớ or bản thỏa thuận, where
    // each side signs for its organ.
    ["TM. ", "KT. ", "TL. ", "TUQ. ", "Q. ", "ĐẠI DIỆN "]
        .iter()
        .any(|p| line.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(format_number(Some(5)), "05");
        assert_eq!(format_number(Some(2623)), "2623");
        assert_eq!(parse_number(&Value::String("".into())).unwrap(), None);
        assert_eq!(parse_number(&Value::Integer(12)).unwrap(), Some(12));
        assert!(parse_number(&Value::Integer(0)).is_err());
        assert!(parse_number(&Value::String("12a".into())).is_err());
    }

    #[test]
    fn ky_hieu() {
        for ok in [
            "CT-UBND",
            "UBND-NCXDPL",
            "HD-CAT-PV05",
            "TB-VP",
            "TTr-SCT",
            "QĐ-UBND",
            "GM-VPUBND",
        ] {
            assert!(check_ky_hieu(ok).is_ok(), "{ok}");
        }
        for bad in ["CT UBND", "ct-ubnd", "CT--UBND", "CT/UBND", "CT-UB ND", ""] {
            assert!(check_ky_hieu(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn authority() {
        assert!(is_authority("KT. CHỦ TỊCH"));
        assert!(is_authority("TUQ. CHỦ TỊCH"));
        assert!(!is_authority("CHỦ TỊCH"));
        assert!(!is_authority("KT CHỦ TỊCH"));
    }
}
