//! The date of issue. The day and month may be blank (the Hệ thống assigns them at signing,
//! nd30.md §1.4); when given, the date line pads days below 10 and months 1–2 (§1.5).

use super::node::Value;
use crate::i18n::Msg;
use crate::msg;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateParts {
    /// Blank when the whole date is left for signing (`ngay = ""`), as a thông báo printed
    /// before signing shows "ngày … tháng … năm …".
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl DateParts {
    /// `ngày 05 tháng 02 năm 2026`, blanks kept at a fixed width.
    pub fn line(&self, place: &str) -> String {
        let blank = crate::nd30::BLANK_DAY;
        let day = self.day.map_or(blank.to_string(), |d| format!("{d:02}"));
        let month = self.month.map_or(blank.to_string(), |m| {
            if m <= 2 {
                format!("{m:02}")
            } else {
                m.to_string()
            }
        });
        let year = self.year.map_or(blank.to_string(), |y| y.to_string());
        format!("{place}, ngày {day} tháng {month} năm {year}")
    }
}

fn bad(s: &str) -> Msg {
    msg!(
        "ngày `{}` không đọc được; viết \"2026-03-05\", \"05/03/2026\", hoặc \"2026\" / \"2026-03\" để trống ngày, \"\" để trống cả năm",
        "cannot read the date `{}`; write \"2026-03-05\", \"05/03/2026\", or \"2026\" / \"2026-03\" to leave the day blank, \"\" to leave the year blank too",
        s
    )
}

pub fn parse(v: &Value) -> Result<DateParts, Msg> {
    let s = match v {
        Value::Datetime(s) | Value::String(s) => s.trim(),
        _ => return Err(bad("?")),
    };
    if s.is_empty() {
        return Ok(DateParts {
            year: None,
            month: None,
            day: None,
        });
    }
    let nums: Vec<&str> = s.split(['-', '/', '.']).collect();
    if nums
        .iter()
        .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        // TOML date-times carry a time part; only the date matters.
        if let Value::Datetime(d) = v
            && let Some(date) = d.split(['T', ' ']).next()
            && date != d
        {
            return parse(&Value::String(date.to_string()));
        }
        return Err(bad(s));
    }
    let n = |p: &str| p.parse::<u32>().map_err(|_| bad(s));
    let (y, m, d) = match nums.as_slice() {
        [y] if y.len() == 4 => (n(y)?, None, None),
        [y, m] if y.len() == 4 => (n(y)?, Some(n(m)?), None),
        [m, y] if y.len() == 4 => (n(y)?, Some(n(m)?), None),
        [y, m, d] if y.len() == 4 => (n(y)?, Some(n(m)?), Some(n(d)?)),
        [d, m, y] if y.len() == 4 => (n(y)?, Some(n(m)?), Some(n(d)?)),
        _ => return Err(bad(s)),
    };
    if !(1945..=2100).contains(&y) {
        return Err(msg!(
            "năm {} không hợp lý cho một văn bản",
            "year {} is not plausible for a document",
            y
        ));
    }
    if let Some(m) = m
        && !(1..=12).contains(&m)
    {
        return Err(msg!(
            "không có tháng {} (ngày `{}`)",
            "there is no month {} (date `{}`)",
            m,
            s
        ));
    }
    if let (Some(m), Some(d)) = (m, d)
        && NaiveDate::from_ymd_opt(y as i32, m, d).is_none()
    {
        return Err(msg!(
            "ngày {}/{}/{} không có thật",
            "{}/{}/{} is not a real date",
            d,
            m,
            y
        ));
    }
    Ok(DateParts {
        year: Some(y as i32),
        month: m,
        day: d,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<DateParts, Msg> {
        parse(&Value::String(s.into()))
    }

    #[test]
    fn padding_rule() {
        assert_eq!(
            p("2020-01-05").unwrap().line("Hà Nội"),
            "Hà Nội, ngày 05 tháng 01 năm 2020"
        );
        assert_eq!(
            p("29/6/2019").unwrap().line("Thành phố Hồ Chí Minh"),
            "Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019"
        );
        assert_eq!(
            p("2026-02-09").unwrap().line("Lào Cai"),
            "Lào Cai, ngày 09 tháng 02 năm 2026"
        );
        assert_eq!(
            p("2026-3-6").unwrap().line("Lào Cai"),
            "Lào Cai, ngày 06 tháng 3 năm 2026"
        );
        assert_eq!(
            p("2026-12-31").unwrap().line("X"),
            "X, ngày 31 tháng 12 năm 2026"
        );
    }

    #[test]
    fn blanks_keep_width() {
        let b = crate::nd30::BLANK_DAY;
        assert_eq!(
            p("2026").unwrap().line("Lạng Sơn"),
            format!("Lạng Sơn, ngày {b} tháng {b} năm 2026")
        );
        assert_eq!(
            p("2026-03").unwrap().line("Lạng Sơn"),
            format!("Lạng Sơn, ngày {b} tháng 3 năm 2026")
        );
        assert_eq!(
            p("").unwrap().line("Hà Nội"),
            format!("Hà Nội, ngày {b} tháng {b} năm {b}")
        );
    }

    #[test]
    fn impossible_dates() {
        assert!(p("2026-02-30").unwrap_err().en.contains("not a real date"));
        assert!(p("2026-13-01").unwrap_err().en.contains("no month 13"));
        assert!(p("hôm qua").is_err());
        assert!(p("1800").is_err());
        assert_eq!(
            parse(&Value::Datetime("2026-03-05".into())).unwrap().day,
            Some(5)
        );
    }
}
