//! The Số line (`Số: 05/QĐ-UBND`, blank number allowed) and the place-and-date line
//! (`Lào Cai, ngày 05 tháng 01 năm 2026`, blank day and month allowed), with the decree's
//! padding: numbers and days below 10 and months 1 and 2 take a leading zero.

use super::{Checker, all_italic, para, text};
use crate::model::{Block, Role};
use crate::msg;
use crate::nd30;

pub fn run(c: &mut Checker) {
    so(c);
    date(c);
}

fn so(c: &mut Checker) {
    let Some(b) = c.first(Role::SoKyHieu) else {
        if c.first(Role::QuocHieu).is_some() && !c.attached() && nd30::has_so(&c.doc.ten_loai) {
            let f = c.make(
                "ND30-SO",
                c.first(Role::QuocHieu),
                msg!(
                    "không thấy dòng \"Số:\" dưới tên cơ quan",
                    "no \"Số:\" line under the organ's name"
                ),
            );
            c.push(f);
        }
        return;
    };
    let raw = text(b);
    let t = raw.trim();
    let rest = match t.strip_prefix("Số:").or_else(|| t.strip_prefix("Số :")) {
        Some(r) => r,
        None => {
            let f = c
                .make(
                    "ND30-SO",
                    Some(b),
                    msg!(
                        "dòng số viết \"{}\": phải mở đầu bằng \"Số:\" (chữ \"Số\" và dấu hai chấm)",
                        "the number line reads \"{}\": it must open with \"Số:\"",
                        t
                    ),
                )
                .measured(t.to_string(), "Số: 05/QĐ-UBND".to_string());
            c.push(f);
            // The rest of the line is still judged.
            t.strip_prefix("Số").unwrap_or(t)
        }
    };
    let Some((num_part, kh_part)) = rest.split_once('/') else {
        let f = c.make(
            "ND30-SO",
            Some(b),
            msg!(
                "dòng số \"{}\" không có dấu \"/\" giữa số và ký hiệu",
                "the number line \"{}\" has no \"/\" between number and ký hiệu",
                t
            ),
        );
        c.push(f);
        return;
    };
    if let Some(size) = para(b)
        .and_then(super::main_size)
        .filter(|s| !nd30::SIZE_SO.contains(*s))
    {
        let f = c
            .make(
                "ND30-SO-SIZE",
                Some(b),
                msg!(
                    "dòng \"Số:\" cỡ {}, Nghị định 30 quy định 13 pt",
                    "the \"Số:\" line is {}, Decree 30 asks 13 pt",
                    super::pt(size)
                ),
            )
            .measured(super::pt(size), "13 pt");
        c.push(f);
    }
    let number = num_part.trim();
    let ky_hieu = kh_part.trim();
    if crate::text::blank::is_blank(number) {
        let mut f = c.make(
            "ND30-SO-BLANK",
            Some(b),
            msg!(
                "số văn bản để trống (cấp khi ký số)",
                "the number is blank (assigned at signing)"
            ),
        );
        if c.origin == super::Origin::Draft {
            // The Số line is drawn from the ký hiệu's field; the number has none in the draft.
            if let Some(l) = f.location.as_mut() {
                *l = crate::finding::Location {
                    file: l.file.take(),
                    field: Some("so".into()),
                    ..Default::default()
                };
            }
            f = f.hint(msg!(
                "khi đã có số, thêm `so = 12` vào bản nháp",
                "once the number is known, add `so = 12` to the draft"
            ));
        }
        c.push(f);
    } else if !number.chars().all(|ch| ch.is_ascii_digit()) {
        let f = c.make(
            "ND30-SO",
            Some(b),
            msg!(
                "số văn bản \"{}\" phải là chữ số Ả Rập",
                "the number \"{}\" must be Arabic digits",
                number
            ),
        );
        c.push(f);
    } else {
        if number.len() == 1 {
            let f = c
                .make(
                    "ND30-SO-PAD",
                    Some(b),
                    msg!(
                        "số {} nhỏ hơn 10 phải viết \"0{}\"",
                        "number {} is below 10: write \"0{}\"",
                        number,
                        number
                    ),
                )
                .measured(number.to_string(), format!("0{number}"));
            c.push(f);
        }
        if num_part.ends_with(' ') || kh_part.starts_with(' ') {
            let f = c.make(
                "ND30-SO-SPACE",
                Some(b),
                msg!(
                    "có khoảng trắng quanh dấu \"/\" trong \"{}\"",
                    "spaces around the slash in \"{}\"",
                    t
                ),
            );
            c.push(f);
        }
    }
    if ky_hieu.is_empty() || ky_hieu.contains(char::is_whitespace) {
        let f = c.make(
            if ky_hieu.is_empty() {
                "ND30-SO"
            } else {
                "ND30-SO-SPACE"
            },
            Some(b),
            msg!(
                "ký hiệu \"{}\" trống hoặc có khoảng trắng",
                "ký hiệu \"{}\" is empty or has spaces",
                ky_hieu
            ),
        );
        c.push(f);
        return;
    }
    ky_hieu_of_kind(c, b, ky_hieu);
}

/// Type ↔ ký hiệu: a named document's ký hiệu opens with its Phụ lục III abbreviation; a
/// công văn's does not carry one. Three groups (`HD-CAT-PV05`) are real practice.
fn ky_hieu_of_kind(c: &mut Checker, b: &Block, ky_hieu: &str) {
    let first = ky_hieu.split('-').next().unwrap_or("");
    let ten_loai = crate::text::upper_for_matching(&c.doc.ten_loai);
    let named = nd30::ten_loai_opening(&ten_loai).and_then(|t| Some((t.name, t.abbr?)));
    // An organ numbering its documents with its own initials first (an inspection team's
    // `/ĐKT-SCT`, kinds.md §8) is the công văn form that body uses: accepted.
    let organ_initials: Vec<String> = c
        .blocks(Role::CoQuan)
        .flat_map(|b| organ_abbreviations(&text(b)))
        .collect();
    let own = first.chars().count() >= 2 && organ_initials.iter().any(|i| i.starts_with(first));
    match named {
        Some((name, abbr)) if first != abbr && !own => {
            let f = c
                .make(
                    "ND30-KY-HIEU",
                    Some(b),
                    msg!(
                        "{} có ký hiệu \"{}\": theo Phụ lục III phải mở đầu bằng \"{}-\"",
                        "a {} with ký hiệu \"{}\": under Phụ lục III it opens with \"{}-\"",
                        name.to_lowercase(),
                        ky_hieu,
                        abbr
                    ),
                )
                .measured(ky_hieu.to_string(), format!("{abbr}-…"));
            c.push(f);
        }
        None if c.doc.ten_loai.is_empty() && !own => {
            if let Some(name) = nd30::TEN_LOAI
                .iter()
                .find(|t| t.abbr == Some(first))
                .map(|t| t.name)
            {
                let f = c.make(
                    "ND30-KY-HIEU",
                    Some(b),
                    msg!(
                        "ký hiệu \"{}\" mở đầu bằng chữ viết tắt của {} nhưng văn bản không có tên loại",
                        "ký hiệu \"{}\" opens with the abbreviation of a {} but the document has no tên loại",
                        ky_hieu,
                        name.to_lowercase()
                    ),
                );
                c.push(f);
            }
        }
        _ => {}
    }
}

/// Whether a place-and-date line leaves its day, month or year to be filled (spaces, dots, an
/// ellipsis, a merge field): a form or an unsigned draft.
pub(super) fn date_left_blank(line: &str) -> bool {
    date_parts(line)
        .is_some_and(|(_, d, m, y)| [d, m, y].iter().any(|v| crate::text::blank::is_blank(v)))
}

/// Splits `Lào Cai, ngày 05 tháng 01 năm 2026` into place, day, month, year (blank fields as
/// empty strings).
fn date_parts(t: &str) -> Option<(String, String, String, String)> {
    let t = super::words(t);
    // A full stop ends the line; dots (`năm 20..`) are a blank and stay.
    let t = match t.strip_suffix('.') {
        Some(s) if !s.ends_with('.') => s,
        _ => t.as_str(),
    };
    let (place, rest) = t.split_once(',')?;
    let rest = rest.trim();
    let rest = rest.strip_prefix("ngày")?.trim_start();
    let (day, rest) = rest.split_once("tháng")?;
    let (month, year) = rest.split_once("năm")?;
    Some((
        place.trim().to_string(),
        day.trim().to_string(),
        month.trim().to_string(),
        year.trim().to_string(),
    ))
}

fn date(c: &mut Checker) {
    let Some(b) = c.first(Role::DiaDanhNgay) else {
        if c.first(Role::QuocHieu).is_some()
            && !c.attached()
            && nd30::has_date_line(&c.doc.ten_loai)
        {
            let f = c.make(
                "ND30-DATE",
                c.first(Role::TieuNgu).or(c.first(Role::QuocHieu)),
                msg!(
                    "không thấy dòng địa danh, ngày tháng dưới Tiêu ngữ",
                    "no place-and-date line under the Tiêu ngữ"
                ),
            );
            c.push(f);
        }
        return;
    };
    let t = super::block_words(b);
    if para(b).is_some_and(|p| !all_italic(p)) {
        let f = c.make(
            "ND30-DATE-ITALIC",
            Some(b),
            msg!(
                "dòng ngày tháng không in nghiêng",
                "the date line is not italic"
            ),
        );
        c.push(f);
    }
    if para(b).is_some_and(|p| p.format.align == crate::model::Align::Right) {
        let f = c.make(
            "ND30-DATE-PLACE",
            Some(b),
            msg!(
                "dòng địa danh, ngày tháng canh phải: trình bày canh giữa dưới Quốc hiệu và Tiêu ngữ",
                "the place-and-date line is flush right: it is centred under the Quốc hiệu and Tiêu ngữ"
            ),
        );
        c.push(f);
    }
    let Some((place, day, month, year)) = date_parts(&t) else {
        let f = c
            .make(
                "ND30-DATE",
                Some(b),
                msg!(
                    "dòng ngày tháng \"{}\" không đúng dạng \"Địa danh, ngày … tháng … năm …\"",
                    "the date line \"{}\" is not of the form \"Place, ngày … tháng … năm …\"",
                    t
                ),
            )
            .measured(t.clone(), "Hà Nội, ngày 05 tháng 01 năm 2026".to_string());
        c.push(f);
        return;
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|ch| ch.is_ascii_digit());
    // Dots, ellipses and merge fields are blanks to be filled, as spaces are.
    let blank = crate::text::blank::is_blank;
    let (place, day, month, year) = (
        place,
        if blank(&day) { String::new() } else { day },
        if blank(&month) { String::new() } else { month },
        if crate::text::blank::is_blank_year(&year) {
            String::new()
        } else {
            year
        },
    );
    let mut bad = Vec::new();
    let place = if blank(&place) { String::new() } else { place };
    place_short(c, b, &place);
    date_spacing(c, b, &t, &place);
    if !(year.is_empty() || year.len() == 4 && digits(&year)) {
        bad.push(("năm", "the year"));
    }
    for (v, vi, en) in [(&day, "ngày", "the day"), (&month, "tháng", "the month")] {
        if !v.is_empty() && !digits(v) {
            bad.push((vi, en));
        }
    }
    if !bad.is_empty() {
        let vi: Vec<&str> = bad.iter().map(|b| b.0).collect();
        let en: Vec<&str> = bad.iter().map(|b| b.1).collect();
        let f = c.make(
            "ND30-DATE",
            Some(b),
            crate::i18n::Msg::new(
                format!("dòng ngày tháng \"{t}\": {} viết sai", vi.join(", ")),
                format!("the date line \"{t}\": {} is malformed", en.join(", ")),
            ),
        );
        c.push(f);
    }
    let blanks: Vec<(&str, &str)> = [
        (&place, "địa danh", "the place"),
        (&day, "ngày", "the day"),
        (&month, "tháng", "the month"),
        (&year, "năm", "the year"),
    ]
    .into_iter()
    .filter(|(v, _, _)| v.is_empty())
    .map(|(_, vi, en)| (vi, en))
    .collect();
    if !blanks.is_empty() {
        let vi: Vec<&str> = blanks.iter().map(|b| b.0).collect();
        let en: Vec<&str> = blanks.iter().map(|b| b.1).collect();
        let f = c.make(
            "ND30-DATE-BLANK",
            Some(b),
            crate::i18n::Msg::new(
                format!("{} để trống (điền khi ký số)", vi.join(", ")),
                format!("{} left blank (filled at signing)", en.join(", ")),
            ),
        );
        c.push(f);
    }
    let d: u32 = day.parse().unwrap_or(0);
    let m: u32 = month.parse().unwrap_or(0);
    let mut wrong = Vec::new();
    if !day.is_empty() && digits(&day) {
        let want = format!("{d:02}");
        if day != want || !(1..=31).contains(&d) {
            wrong.push((format!("ngày {day}"), format!("ngày {want}")));
        }
    }
    if !month.is_empty() && digits(&month) {
        let want = if m <= 2 {
            format!("{m:02}")
        } else {
            m.to_string()
        };
        if month != want || !(1..=12).contains(&m) {
            wrong.push((format!("tháng {month}"), format!("tháng {want}")));
        }
    }
    if !wrong.is_empty() {
        let got: Vec<String> = wrong.iter().map(|w| w.0.clone()).collect();
        let want: Vec<String> = wrong.iter().map(|w| w.1.clone()).collect();
        let f = c
            .make(
                "ND30-DATE-PAD",
                Some(b),
                msg!(
                    "\"{}\": ngày nhỏ hơn 10 và tháng 1, 2 viết thêm số 0 phía trước, tháng 3–9 không",
                    "\"{}\": days below 10 and months 1–2 take a leading zero, months 3–9 do not",
                    got.join(", ")
                ),
            )
            .measured(got.join(", "), want.join(", "));
        c.push(f);
    }
}

/// A place written short (`TP.HCM`) in the date line.
fn place_short(c: &mut Checker, b: &Block, place: &str) {
    if !abbreviated_place(place) {
        return;
    }
    let f = c
        .make(
            "ND30-DATE-PLACE-SHORT",
            Some(b),
            msg!(
                "địa danh \"{}\" viết tắt: ghi đầy đủ tên đơn vị hành chính",
                "the place \"{}\" is abbreviated: write the administrative unit's name in full",
                place
            ),
        )
        .hint(msg!(
            "ví dụ \"Thành phố Hồ Chí Minh, ngày …\", không \"TP.HCM, ngày …\"",
            "e.g. \"Thành phố Hồ Chí Minh, ngày …\", not \"TP.HCM, ngày …\""
        ));
    c.push(f);
}

/// Spaces in the date line: one typed before the comma that follows the place (`Long Phụng ,
/// ngày …`), or none between a word and its number (`tháng5`, which Word cannot break between
/// and a reader stumbles on).
fn date_spacing(c: &mut Checker, b: &Block, line: &str, place: &str) {
    let before_comma = line
        .split_once(',')
        .is_some_and(|(before, _)| !place.is_empty() && before.ends_with(char::is_whitespace));
    let (message, measured) = if before_comma {
        (
            msg!(
                "dấu cách trước dấu phẩy sau địa danh \"{} ,\": viết \"{}, ngày …\"",
                "a space before the comma after the place \"{} ,\": write \"{}, ngày …\"",
                place,
                place
            ),
            (format!("\"{place} ,\""), format!("\"{place},\"")),
        )
    } else if let Some((glued, spaced)) = glued_date_word(line) {
        (
            msg!(
                "thiếu dấu cách giữa chữ và số trong dòng ngày tháng \"{}\": viết \"ngày 14 tháng 5 năm 2008\"",
                "no space between the word and its number in the date line: \"{}\": write \"ngày 14 tháng 5 năm 2008\"",
                glued
            ),
            (format!("\"{glued}\""), format!("\"{spaced}\"")),
        )
    } else {
        return;
    };
    let f = c
        .make("ND30-DATE-SPACE", Some(b), message)
        .measured(measured.0, measured.1);
    c.push(f);
}

/// The first `ngày`, `tháng` or `năm` of a date line touching a digit (`tháng5`, `14tháng`),
/// as typed and spaced (`tháng 5`).
fn glued_date_word(line: &str) -> Option<(String, String)> {
    let lower = line.to_lowercase();
    ["ngày", "tháng", "năm"].iter().find_map(|word| {
        lower.match_indices(word).find_map(|(i, _)| {
            let rest = &lower[i + word.len()..];
            let after = rest.len()
                - rest
                    .trim_start_matches(|ch: char| ch.is_ascii_digit())
                    .len();
            let head = &lower[..i];
            let before = head.len() - head.trim_end_matches(|ch: char| ch.is_ascii_digit()).len();
            let (number_before, number_after) = (&head[i - before..], &rest[..after]);
            (after > 0 || before > 0).then(|| {
                let spaced = [number_before, word, number_after]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" ");
                (format!("{number_before}{word}{number_after}"), spaced)
            })
        })
    })
}

/// Whether a date line's place is written short: a word cut with a full stop (`TP.HCM`,
/// `Tp. Cần Thơ`, `TX. Sơn Tây`) or an initialism (`TPHCM`, `HCM`). Place names are words of
/// Vietnamese with their tone marks; none is two to five bare capital letters of ASCII.
fn abbreviated_place(place: &str) -> bool {
    place.split_whitespace().any(|w| {
        let w = w.trim_end_matches([',', ';']);
        let cut = w
            .split_once('.')
            .is_some_and(|(a, _)| !a.is_empty() && a.chars().all(char::is_alphabetic));
        let initials = (2..=5).contains(&w.len()) && w.chars().all(|ch| ch.is_ascii_uppercase());
        cut || initials
    })
}

/// `ĐOÀN KIỂM TRA` → `ĐKT`, `ỦY BAN NHÂN DÂN` → `UBND`: the first letter of each word,
/// without its tone mark (Đ kept).
/// The initials an organ numbers its công văn with: of its whole name (`UBND`, `BTC`), and of
/// its name without the word for its kind (`TC` for Bộ Tài chính, as in `TC-TCDN`: the
/// ministry, then its department).
fn organ_abbreviations(organ: &str) -> Vec<String> {
    let mut out = vec![initials(organ)];
    let upper = crate::text::upper_for_matching(organ);
    let upper = upper.trim_start();
    if let Some(rest) = ["TỔNG CỤC ", "BỘ ", "SỞ ", "CỤC "]
        .iter()
        .find_map(|k| upper.strip_prefix(k))
    {
        out.push(initials(rest));
    }
    out
}

fn initials(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.split_whitespace()
        .filter_map(|w| w.nfd().next())
        .filter(|c| crate::text::is_letter(*c))
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::date_left_blank;

    #[test]
    fn a_number_typed_against_its_word() {
        assert_eq!(
            super::glued_date_word("Đồng Xoài, ngày 14 tháng5 năm 2008"),
            Some(("tháng5".into(), "tháng 5".into()))
        );
        assert_eq!(
            super::glued_date_word("Hà Nội, ngày 05 tháng 3năm 2026"),
            Some(("3năm".into(), "3 năm".into()))
        );
        assert_eq!(
            super::glued_date_word("Hà Nội, ngày 05 tháng 3 năm 2026"),
            None
        );
        assert_eq!(
            super::glued_date_word("Hà Nội, ngày    tháng    năm 2026"),
            None
        );
    }

    #[test]
    fn an_organ_numbers_with_its_name_without_its_kind() {
        assert_eq!(super::organ_abbreviations("BỘ TÀI CHÍNH"), ["BTC", "TC"]);
        assert_eq!(super::organ_abbreviations("SỞ XÂY DỰNG"), ["SXD", "XD"]);
        assert_eq!(super::organ_abbreviations("ỦY BAN NHÂN DÂN"), ["UBND"]);
    }

    #[test]
    fn a_place_written_short() {
        for short in [
            "TP.HCM",
            "TP. Hồ Chí Minh",
            "Tp.Hồ Chí Minh",
            "TPHCM",
            "TX. Sơn Tây",
        ] {
            assert!(super::abbreviated_place(short), "{short}");
        }
        for full in [
            "Thành phố Hồ Chí Minh",
            "Lào Cai",
            "Quận 1",
            "Hà Nội",
            "Phường Điện Biên Phủ",
            "HÀ NỘI",
            "",
        ] {
            assert!(!super::abbreviated_place(full), "{full}");
        }
    }

    #[test]
    fn a_date_line_with_a_part_to_fill() {
        assert!(date_left_blank("Lào Cai, ngày      tháng 6 năm 2026"));
        assert!(date_left_blank(
            "Vĩnh Long, ngày «dd» tháng «MM» năm «yyyy»."
        ));
        assert!(!date_left_blank("Hà Nội, ngày 05 tháng 01 năm 2026"));
    }
}
