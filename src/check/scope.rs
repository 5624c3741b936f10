//! Whether the decree governs the document at all. A Party document (`11-CT/TU`, headed
//! "ĐẢNG CỘNG SẢN VIỆT NAM") follows Hướng dẫn 36-HD/VPTW; a legal-normative one (a year in
//! its number, `20/2025/QĐ-UBND`) follows the law on legal documents; an internal form such as
//! the phiếu trình, or any title that is none of Điều 7's types (a giấy biên nhận, a phiếu đề
//! xuất), is no type of Điều 7; a Đoàn document follows the Đoàn's guide; minutes between the
//! parties of a contract and a citizen's or company's paper are issued by no organ, and a
//! meeting's agenda is a handout. Each gets one note instead of dozens of findings.

use super::{Checker, text};
use crate::model::Role;
use crate::msg;

/// Titles of what citizens and companies write, not organs: the decree does not govern them.
const PRIVATE_TITLES: &[&str] = &[
    "ĐƠN ",
    "BẢN TUYÊN BỐ",
    "BẢNG TUYÊN BỐ",
    "THƯ DỰ THẦU",
    "HỢP ĐỒNG",
    "BẢN CAM KẾT",
    "GIẤY CAM KẾT",
    "BẢN KHAI",
    "TỜ KHAI",
    "SƠ YẾU LÝ LỊCH",
];

/// Whether a tên loại, as printed, is one of the decree's types (or a phiếu trình, which has
/// its own note).
fn is_a_type(ten_loai: &str) -> bool {
    crate::nd30::ten_loai_opening(&crate::text::upper_for_matching(ten_loai)).is_some()
}

/// The first text of a document below its header: its title when it has one.
fn first_title(c: &Checker) -> Option<String> {
    c.doc
        .blocks()
        .filter(|b| {
            !matches!(
                b.role,
                Role::QuocHieu | Role::TieuNgu | Role::DiaDanhNgay | Role::DrawnLine
            )
        })
        .map(text)
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|t| !t.is_empty())
}

/// Minutes between parties: a biên bản with neither an issuing organ nor a Số line, made by
/// the parties of a contract rather than issued by an organ.
fn joint_minutes(c: &Checker) -> Option<String> {
    if c.first(Role::CoQuan).is_some()
        || c.first(Role::ChuQuan).is_some()
        || c.first(Role::SoKyHieu).is_some()
    {
        return None;
    }
    let title = first_title(c)?;
    crate::text::upper_for_matching(&title)
        .starts_with("BIÊN BẢN")
        .then_some(title)
}

/// The title of a document with no issuing organ, when it is one a citizen or a company
/// writes.
fn private_title(c: &Checker) -> Option<String> {
    if c.first(Role::CoQuan).is_some() || c.first(Role::ChuQuan).is_some() {
        return None;
    }
    let title = first_title(c)?;
    let key = crate::text::upper_for_matching(&title);
    PRIVATE_TITLES
        .iter()
        .any(|p| key.starts_with(p) || key == p.trim())
        .then_some(title)
}

/// A handout that travels with an invitation (a meeting's agenda, a schedule): a title over a
/// table, with nothing of a document an organ issues — no organ, Quốc hiệu, number, date line,
/// signature or Nơi nhận — and at most a few lines of text outside the table.
fn handout(c: &Checker) -> Option<String> {
    use crate::model::Content;
    let issued = [
        Role::CoQuan,
        Role::ChuQuan,
        Role::QuocHieu,
        Role::SoKyHieu,
        Role::DiaDanhNgay,
        Role::ChucVu,
        Role::HoTen,
        Role::QuyenHan,
        Role::NoiNhanHeading,
        Role::PhuLucAttribution,
    ];
    if issued.iter().any(|r| c.first(*r).is_some()) {
        return None;
    }
    let body = || c.doc.blocks().filter(|b| b.role == Role::Body);
    let tables = body()
        .filter(|b| matches!(b.content, Content::Table(_)))
        .count();
    let lines = body()
        .filter(|b| matches!(b.content, Content::Paragraph(_)) && !text(b).trim().is_empty())
        .count();
    (tables >= 1 && lines <= 3)
        .then(|| first_title(c))
        .flatten()
}

pub fn run(c: &mut Checker) -> bool {
    let qh = c.first(Role::QuocHieu).map(text).unwrap_or_default();
    let so = c.first(Role::SoKyHieu).map(text).unwrap_or_default();
    let after = so.split_once(':').map_or("", |(_, r)| r).trim().to_string();
    let party_number = {
        // `11-CT/TU`: number and type joined by a hyphen before the slash.
        let (head, tail) = after.split_once('/').unwrap_or(("", ""));
        let mut parts = head.splitn(2, '-');
        let n = parts.next().unwrap_or("").trim();
        let t = parts.next().unwrap_or("");
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) && !t.is_empty() && !tail.is_empty()
    };
    let qh_key = crate::text::upper_for_matching(&qh);
    let doan = qh_key.contains("ĐOÀN TNCS HỒ CHÍ MINH")
        || qh_key.contains("ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH");
    let party = qh_key.contains("ĐẢNG CỘNG SẢN VIỆT NAM") || party_number;
    let year_group = after
        .split('/')
        .nth(1)
        .is_some_and(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_digit()));
    let at = c.first(Role::QuocHieu).or(c.first(Role::SoKyHieu));
    let m = if doan {
        Some(msg!(
            "đây là văn bản của Đoàn TNCS Hồ Chí Minh (thể thức theo hướng dẫn của Trung ương Đoàn), không phải văn bản hành chính theo Nghị định 30: không kiểm tra",
            "this is a document of the Hồ Chí Minh Communist Youth Union (formatted under the Union's own guide), not an administrative document under Decree 30: not checked"
        ))
    } else if party {
        Some(msg!(
            "đây là văn bản của Đảng (thể thức theo Hướng dẫn 36-HD/VPTW), không phải văn bản hành chính theo Nghị định 30: không kiểm tra",
            "this is a Party document (formatted under Hướng dẫn 36-HD/VPTW), not an administrative document under Decree 30: not checked"
        ))
    } else if year_group {
        Some(msg!(
            "số có năm ban hành ({}): đây là văn bản quy phạm pháp luật, theo Luật Ban hành văn bản quy phạm pháp luật, không theo Nghị định 30: không kiểm tra",
            "the number carries a year ({}): a legal-normative document, governed by the law on legal documents, not Decree 30: not checked",
            after
        ))
    } else if let Some(title) = joint_minutes(c) {
        Some(msg!(
            "biên bản \"{}\" không có cơ quan ban hành và không có số: biên bản giữa các bên (như chủ đầu tư và nhà thầu), không phải văn bản một cơ quan ban hành theo Nghị định 30: không kiểm tra",
            "the minutes \"{}\" have no issuing organ and no number: minutes between parties (an owner and its contractor), not a document an organ issues under Decree 30: not checked",
            title
        ))
    } else if let Some(title) = private_title(c) {
        Some(msg!(
            "không có cơ quan ban hành và tên văn bản \"{}\" là của công dân hoặc doanh nghiệp (đơn, bản tuyên bố, hợp đồng …): không phải văn bản hành chính theo Nghị định 30: không kiểm tra",
            "no issuing organ, and the title \"{}\" is a citizen's or a company's (a petition, a declaration, a contract …): not an administrative document under Decree 30: not checked",
            title
        ))
    } else if let Some(title) = handout(c) {
        Some(msg!(
            "\"{}\": một bảng dưới tiêu đề, không có cơ quan ban hành, Quốc hiệu, số, ngày tháng, chữ ký hay nơi nhận: tài liệu kèm giấy mời (chương trình, lịch), không phải văn bản hành chính theo Nghị định 30: không kiểm tra",
            "\"{}\": a table under a title, with no issuing organ, Quốc hiệu, number, date, signature or Nơi nhận: a handout sent with an invitation (an agenda, a schedule), not an administrative document under Decree 30: not checked",
            title
        ))
    } else if !c.doc.ten_loai.is_empty() && !is_a_type(&c.doc.ten_loai) {
        Some(msg!(
            "\"{}\" không phải loại văn bản hành chính nào của Điều 7 Nghị định 30 (biểu mẫu nội bộ hoặc theo văn bản chuyên ngành): không kiểm tra",
            "\"{}\" is no type of administrative document of Decree 30, Article 7 (an internal form, or one set by sector rules): not checked",
            c.doc.ten_loai
        ))
    } else if c.doc.ten_loai == "PHIẾU TRÌNH" {
        Some(msg!(
            "phiếu trình giải quyết công việc là biểu mẫu nội bộ, không phải loại văn bản hành chính của Nghị định 30: không kiểm tra",
            "a phiếu trình giải quyết công việc is an internal form, not a type of administrative document under Decree 30: not checked"
        ))
    } else {
        None
    };
    match m {
        Some(m) => {
            let f = c.make("ND30-NOT-ND30", at, m);
            c.push(f);
            true
        }
        None => false,
    }
}
