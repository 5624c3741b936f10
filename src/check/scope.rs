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

/// Titles of forms and papers that may sit under an organ and the Quốc hiệu and still are no
/// type of Điều 7: slips, certificates, tables, applications, dossiers. A text of another title
/// under that header (a quy trình, an ISO procedure titled by its task) is an office's own
/// administrative text: checked, as the decree's types are.
const FORM_TITLES: &[&str] = &[
    "PHIẾU",
    "GIẤY",
    "BẢNG",
    "BẢN ",
    "ĐƠN",
    "TỜ KHAI",
    "DANH SÁCH",
    "SỔ ",
    "THẺ",
    "KIẾN NGHỊ",
    "HỒ SƠ",
    "CHỨNG ",
    "BIỂU",
    "MẪU",
];

fn form_title(ten_loai: &str) -> bool {
    let key = crate::text::upper_for_matching(ten_loai);
    FORM_TITLES.iter().any(|f| key.starts_with(f))
}

/// An issuing organ beside the Quốc hiệu: the header the decree gives its types.
fn state_header(c: &Checker) -> bool {
    c.first(Role::QuocHieu).is_some()
        && (c.first(Role::CoQuan).is_some() || c.first(Role::ChuQuan).is_some())
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

/// What a text is attached to (`Checker::attribution`), when its lines say "kèm theo" at all:
/// `(Kèm theo Quyết định số …/QĐ-UBND …)` under a phụ lục, the decree's own component, or
/// `(Ban hành kèm theo …)` under a text a decision issues.
fn attached_to(c: &Checker) -> Option<String> {
    let lines: Vec<String> = c.attribution().into_iter().map(text).collect();
    let joined = lines
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    crate::text::upper_for_matching(&joined)
        .contains("KÈM THEO")
        .then_some(joined)
}

/// What a text was issued with, when its attribution says "ban hành kèm theo"; None when it
/// only says "kèm theo" (a phụ lục, a form of a circular: the decree's Mẫu 2.1).
fn issued_with(c: &Checker) -> Option<String> {
    attached_to(c).filter(|a| crate::text::upper_for_matching(a).contains("BAN HÀNH KÈM THEO"))
}

/// Whether the act a text was issued with is a central legal-normative one: a law, decree or
/// circular, or a decision numbered with its year by the Prime Minister or a ministry
/// (`60/2007/QĐ-BGDĐT`). A province's decision with a year (`162/2025/QĐ-UBND`) is left in
/// scope: its quy chế is drafted and checked under the decree, as `samples/quy-che.toml` is.
fn normative_act(issued_with: &str) -> bool {
    let key = crate::text::upper_for_matching(issued_with);
    let compact: String = key.chars().filter(|c| !c.is_whitespace()).collect();
    let central_year_group = compact.match_indices('/').any(|(i, _)| {
        let rest = &compact[i + 1..];
        let year = rest
            .get(..4)
            .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()));
        year && rest[4..].strip_prefix('/').is_some_and(|sym| {
            let organ = sym.split_once('-').map_or("", |(_, o)| o);
            organ.starts_with('B') || organ.starts_with("TTG") || organ.starts_with("CP")
        })
    });
    central_year_group
        || ["THÔNG TƯ", "NGHỊ ĐỊNH", "LUẬT "]
            .iter()
            .any(|t| key.contains(&format!("KÈM THEO {t}")))
}

pub fn run(c: &mut Checker) -> bool {
    let qh = c.first(Role::QuocHieu).map(text).unwrap_or_default();
    let so = c.first(Role::SoKyHieu).map(text).unwrap_or_default();
    let after = so.split_once(':').map_or("", |(_, r)| r).trim().to_string();
    let qh_key = crate::text::upper_for_matching(&qh);
    let party_number = {
        // `11-CT/TU`: number and type joined by a hyphen before the slash. The type is letters:
        // a Viện's `16-2025/TTr-KHCN&QHĐN` joins number and year, under the state's Quốc hiệu,
        // which a Party document never carries (it is headed "ĐẢNG CỘNG SẢN VIỆT NAM").
        let (head, tail) = after.split_once('/').unwrap_or(("", ""));
        let mut parts = head.splitn(2, '-');
        let n = parts.next().unwrap_or("").trim();
        let t = parts.next().unwrap_or("");
        !n.is_empty()
            && n.chars().all(|c| c.is_ascii_digit())
            && t.chars().next().is_some_and(char::is_alphabetic)
            && !tail.is_empty()
            && !crate::reader::roles::is_quoc_hieu(&qh)
    };
    let doan = qh_key.contains("ĐOÀN TNCS HỒ CHÍ MINH")
        || qh_key.contains("ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH");
    let party = qh_key.contains("ĐẢNG CỘNG SẢN VIỆT NAM") || party_number;
    let year_group = after
        .split('/')
        .nth(1)
        .is_some_and(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_digit()));
    let at = c.first(Role::QuocHieu).or(c.first(Role::SoKyHieu));
    let issued_with = issued_with(c);
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
    } else if let Some(act) = issued_with.as_deref().filter(|a| normative_act(a)) {
        // Checked before the Điều 7 test below: what a law or a circular brings in is
        // governed by the law on legal documents whatever its title.
        Some(msg!(
            "văn bản ban hành kèm theo một văn bản quy phạm pháp luật ({}): theo Luật Ban hành văn bản quy phạm pháp luật, không theo Nghị định 30: không kiểm tra",
            "a text issued with a legal-normative document ({}): governed by the law on legal documents, not Decree 30: not checked",
            act.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace())
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
    } else if !c.doc.ten_loai.is_empty()
        && !is_a_type(&c.doc.ten_loai)
        && attached_to(c).as_deref().is_none_or(normative_act)
        && (form_title(&c.doc.ten_loai) || !state_header(c))
    {
        // A quy trình or another text issued with a decision takes the decision's format,
        // whatever its title; a phụ lục attached to an administrative text is a part of it
        // (the decree sets its Phụ lục line, title and attribution). A form attached to a
        // circular follows the circular.
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_text_issued_with_a_central_legal_act_is_out_of_scope() {
        let n = super::normative_act;
        assert!(n(
            "(Ban hành kèm theo Thông tư số 27/2009/TT-BGDĐT ngày 19 tháng 10 năm 2009)"
        ));
        assert!(n(
            "(Ban hành kèm theo Quyết định số 60 /2007/QĐ-BGDĐT ngày16 tháng 10 năm 2007)"
        ));
        assert!(n("(Ban hành kèm theo Quyết định số 12/2020/QĐ-TTg)"));
        assert!(!n(
            "(Ban hành kèm theo Quyết định số 162/2025/QĐ-UBND ngày 23/11/2025)"
        ));
        assert!(!n(
            "(Ban hành kèm theo Quyết định số /QĐ-TCT-KDDVKH ngày tháng năm 2024)"
        ));
        assert!(!n(
            "(Ban hành kèm theo Quyết định số 1279/QĐ-BCT ngày 5/6/2024)"
        ));
    }
}
