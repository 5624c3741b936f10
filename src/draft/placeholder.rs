//! A draft straight from `vbhc new` still holds the skeleton's placeholders ("Sở …", "Nguyễn
//! Văn A", "TÊN CƠ QUAN") and rendered without a word: a page a Văn phòng would send back,
//! produced with a clean bill. Each placeholder left is an error that names its field; a
//! document that is itself a form, or a published text whose names were blanked, says so with
//! `cho_trong = true` and gets notes instead.

use super::{Draft, Field, FieldValue};
use crate::finding::codes;
use crate::finding::{Finding, Location, Severity};
use crate::msg;

/// Names and words the skeletons use as examples of a person or an organ to fill in.
const EXAMPLE_WORDS: &[&str] = &["Nguyễn Văn A", "TÊN CƠ QUAN", "Tên cơ quan"];

/// The placeholder in `s`, if it holds one: an example name, a value of nothing but dots, or an
/// ellipsis standing as a word of its own ("Sở …", "ngày … tháng", "VT, …"). An ellipsis
/// attached to a word ends a list ("trạm điện…") and is text.
pub fn find(s: &str) -> Option<String> {
    // Nearly every value holds none of the marks: four substring searches and done (a batch
    // looks at every field of every row).
    if !s.contains('…')
        && !s.contains("...")
        && !s.contains("__")
        && !EXAMPLE_WORDS.iter().any(|w| s.contains(w))
    {
        return None;
    }
    // Whole words only: "Nguyễn Văn An" is somebody.
    let whole = |w: &str| {
        s.match_indices(w).any(|(i, _)| {
            !s[i + w.len()..]
                .chars()
                .next()
                .is_some_and(crate::text::is_letter)
        })
    };
    if let Some(w) = EXAMPLE_WORDS.iter().find(|w| whole(w)) {
        return Some((*w).to_string());
    }
    let t = s.trim();
    if !t.is_empty() && t.chars().all(|c| matches!(c, '…' | '.' | ' ' | '_')) && t.len() >= 2 {
        return Some(t.to_string());
    }
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let dots = if chars[i] == '…' {
            chars[i..].iter().take_while(|c| **c == '…').count()
        } else if chars[i] == '.' && chars[i..].iter().take_while(|c| **c == '.').count() >= 3 {
            chars[i..].iter().take_while(|c| **c == '.').count()
        } else {
            0
        };
        if dots == 0 {
            i += 1;
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j]);
        if before.is_none_or(|c| c.is_whitespace() || "(“\"/:-,;".contains(c)) {
            // A few words around it, so the clerk finds it.
            let head: String = chars[..i].iter().collect();
            let words: Vec<&str> = head.split_whitespace().collect();
            let lead = words[words.len().saturating_sub(3)..].join(" ");
            let tail: String = chars[i..(i + dots + 12).min(chars.len())].iter().collect();
            return Some(format!("{lead} {tail}").trim().to_string());
        }
        i += dots;
    }
    None
}

/// Vietnamese UTF-8 read as the Windows code page and saved again ("Ủy" → "á»¦y", "đ" →
/// "Ä‘", "…" → "â€¦"): sequences no Vietnamese text holds. The first one found, if any.
pub fn mojibake(s: &str) -> Option<&'static str> {
    const MARKS: &[&str] = &[
        "á»", "áº", "Æ°", "Æ¡", "Ä‘", "Ä", "â€", "Ã¡", "Ã\u{a0}", "Ã¢", "Ã£", "Ã¨", "Ã©", "Ãª",
        "Ã¬", "Ã\u{AD}", "Ã²", "Ã³", "Ã´", "Ãµ", "Ã¹", "Ãº", "Ã½",
    ];
    if !s.contains(['á', 'Æ', 'Ä', 'â', 'Ã']) {
        return None;
    }
    MARKS.iter().copied().find(|m| s.contains(m))
}

/// One finding per field holding a placeholder (the first one in it).
pub fn findings(d: &Draft, keep_blanks: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut one = |field: &str, at: &Location, s: &str| {
        if out.len() >= 50 {
            return;
        }
        if let Some(m) = mojibake(s)
            && !out.iter().any(|f: &Finding| {
                f.code == codes::DRAFT_MOJIBAKE
                    && f.location.as_ref().and_then(|l| l.field.as_deref()) == Some(field)
            })
        {
            out.push(
                Finding::new(
                    codes::DRAFT_MOJIBAKE,
                    msg!(
                        "`{}` có chữ bị lỗi bảng mã («{}»): văn bản UTF-8 đã bị đọc sai rồi lưu lại",
                        "`{}` holds garbled text («{}»): UTF-8 text was read in the wrong code page and saved again",
                        field,
                        m
                    ),
                )
                .at(at.clone().with_field(field.to_string()))
                .hint(msg!(
                    "mở tệp gốc bằng Notepad, chọn mã hóa UTF-8, gõ lại đoạn bị lỗi; bản nháp tạo bằng `vbhc new <loại> -o tệp.toml`",
                    "open the source in Notepad as UTF-8 and retype the garbled part; make drafts with `vbhc new <kind> -o file.toml`"
                )),
            );
        }
        let Some(p) = find(s) else { return };
        let mut f = Finding::new(
            codes::DRAFT_PLACEHOLDER,
            msg!(
                "`{}` còn chỗ chưa điền: «{}»",
                "`{}` still holds a placeholder: «{}»",
                field,
                p
            ),
        )
        .at(at.clone().with_field(field.to_string()))
        .hint(msg!(
            "điền nội dung thật; văn bản cố ý để trống (biểu mẫu, văn bản công bố đã xóa tên) thì thêm `cho_trong = true`",
            "fill in the real text; a document blank on purpose (a form, a published text with names removed) sets `cho_trong = true`"
        ));
        if keep_blanks {
            f.severity = Severity::Note;
        }
        out.push(f);
    };
    let text = |one: &mut dyn FnMut(&str, &Location, &str), name: &str, f: &Field<String>| {
        one(name, &f.at, &f.v)
    };
    if let Some(c) = &d.chu_quan {
        text(&mut one, "co_quan.chu_quan", c);
    }
    for l in &d.co_quan.v {
        one("co_quan.ten", &d.co_quan.at, l);
    }
    text(&mut one, "dia_danh", &d.dia_danh);
    text(&mut one, "trich_yeu", &d.trich_yeu);
    for (name, list) in [
        ("can_cu", &d.can_cu),
        ("kinh_gui", &d.kinh_gui),
        ("ky.quyen_han", &d.quyen_han),
        ("noi_nhan", &d.noi_nhan),
        ("dia_chi", &d.dia_chi),
    ] {
        for f in list {
            text(&mut one, name, f);
        }
    }
    text(&mut one, "ky.chuc_vu", &d.chuc_vu);
    text(&mut one, "ky.ho_ten", &d.ho_ten);
    text(&mut one, "luu", &d.luu);
    for (name, f) in &d.fields {
        match &f.v {
            FieldValue::Text(s) => one(name, &f.at, s),
            FieldValue::Markup(m) => markup(&mut one, name, &f.at, m),
            FieldValue::List(l) => l.iter().for_each(|s| one(name, &f.at, s)),
            FieldValue::Off => {}
        }
    }
    if let Some(t) = &d.than {
        markup(&mut one, "than", &t.at, &t.v);
    }
    for (i, p) in d.phu_luc.iter().enumerate() {
        markup(
            &mut one,
            &format!("phu_luc[{i}].noi_dung"),
            &p.noi_dung.at,
            &p.noi_dung.v,
        );
    }
    out.sort_by_key(|f| f.location.as_ref().and_then(|l| l.line));
    out
}

/// A markup field, line by line, so the finding points at the line that holds it.
fn markup(one: &mut dyn FnMut(&str, &Location, &str), name: &str, at: &Location, m: &str) {
    let base = at.line.unwrap_or(1) + usize::from(m.starts_with('\n') || m.contains('\n'));
    for (i, l) in m.lines().enumerate() {
        if find(l).is_some() {
            let mut here = at.clone();
            if at.line.is_some() {
                here = here.at(base + i, 1);
            }
            one(name, &here, l);
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn placeholders_and_text() {
        assert!(find("Sở …").is_some());
        assert!(find("Căn cứ …;").is_some());
        assert!(find("VT, …").is_some());
        assert!(find("………").is_some());
        assert!(find("ngày … tháng … năm 2010").is_some());
        assert!(find("Nguyễn Văn A").is_some());
        assert!(find("Địa chỉ: ……; Điện thoại: ……").is_some());
        assert!(find("(như đường giao thông, trạm điện…);").is_none());
        assert!(find("chưa được đảm bảo… từ đó").is_none());
        assert!(find("Nguyễn Văn An").is_none(), "somebody's name");
        assert!(find("Sở Công Thương").is_none());
        assert!(find("thực hiện./.").is_none());
    }

    #[test]
    fn garbled_text_is_named() {
        use super::mojibake;
        assert!(mojibake("á»¦y ban nhÃ¢n dÃ¢n").is_some());
        assert!(mojibake("Ä‘Æ¡n vá»‹").is_some());
        assert!(mojibake("NGÃ BA Ủy ban nhân dân đơn vị “Đề án” …").is_none());
    }
}
