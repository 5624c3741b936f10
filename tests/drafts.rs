//! Drafts that can say what real documents say: every part optional (absent → the standard
//! wording, `false` → nothing, blank → the standard wording with a note), a free body, the
//! organ's own words in the standard sentences, a blank year, placeholders caught, and the
//! small bugs a new user met (a trailing `\`, `\"`, an unknown slot, a blank chức vụ).

use crate::common::*;
use std::collections::BTreeMap;
use std::path::Path;

/// A Hà Nội chỉ thị, filled in; `edit` changes its text before it is written.
fn draft(dir: &Path, name: &str, edit: impl Fn(String) -> String) -> String {
    let base = r#"loai = "chi-thi"
dia_danh = "Hà Nội"
ngay = "2026-03-05"
trich_yeu = "Về tăng cường công tác phòng cháy, chữa cháy"
noi_nhan = ["Thường trực Thành ủy (b/c)", "Các sở, ban, ngành Thành phố"]
luu = "VT, NC"
tinh_hinh = """
Thời gian qua, công tác phòng cháy, chữa cháy trên địa bàn Thành phố đạt nhiều kết quả.
"""
nhiem_vu = """
1. Công an Thành phố chủ trì kiểm tra an toàn phòng cháy tại các chợ, trung tâm thương mại.
2. Văn phòng Ủy ban nhân dân Thành phố theo dõi, đôn đốc việc thực hiện Chỉ thị này.
"""

[co_quan]
ten = ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"]
viet_tat = "UBND"

[ky]
quyen_han = ["KT. CHỦ TỊCH"]
chuc_vu = "PHÓ CHỦ TỊCH"
ho_ten = "Hoàng Văn Nam"
"#;
    std::fs::write(dir.join(name), edit(base.to_string())).unwrap();
    name.to_string()
}

/// Renders, asserts the exit code, and returns the body's paragraphs and stderr.
fn render_ok(dir: &Path, file: &str) -> (Vec<String>, String) {
    let out = Path::new(file).with_extension("docx");
    let o = vbhc(&["render", file, "--force"], dir);
    let err = stderr(&o);
    assert_eq!(code(&o), 0, "{err}");
    let xml = part(&dir.join(out), "word/document.xml").unwrap();
    (paragraphs(&xml), err)
}

/// `vbhc check` on a file: code → severity.
fn codes(dir: &Path, file: &str) -> BTreeMap<String, String> {
    let o = vbhc(&["check", file, "--format", "json"], dir);
    let mut found = BTreeMap::new();
    for l in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        if v["type"] == "finding" {
            found.insert(
                v["code"].as_str().unwrap().to_string(),
                v["severity"].as_str().unwrap().to_string(),
            );
        }
    }
    found
}

#[test]
fn the_organ_decides_the_words() {
    let d = tempdir();
    let f = draft(d.path(), "hn.toml", |s| s);
    let (paras, _) = render_ok(d.path(), &f);
    let text = paras.join("\n");
    assert!(
        text.contains("Chủ tịch Ủy ban nhân dân Thành phố yêu cầu các sở, ban, ngành và Ủy ban nhân dân các xã, phường"),
        "{text}"
    );
    assert!(
        text.contains("kịp thời báo cáo Ủy ban nhân dân Thành phố"),
        "{text}"
    );
    assert!(!text.contains("nhân dân tỉnh"), "{text}");
    assert!(!codes(d.path(), "hn.docx").contains_key("ND30-CHU-THE"));
    // A ministry's notice speaks as the ministry.
    let f = draft(d.path(), "bo.toml", |s| {
        s.replace("loai = \"chi-thi\"", "loai = \"thong-bao\"")
            .replace("tinh_hinh", "noi_dung")
            .replace("nhiem_vu = \"\"\"", "ghi_chu_bo = \"\"\"")
            .replace(
                "[\"ỦY BAN NHÂN DÂN\", \"THÀNH PHỐ HÀ NỘI\"]",
                "[\"BỘ CÔNG AN\"]",
            )
            .replace("viet_tat = \"UBND\"", "viet_tat = \"BCA\"")
            .replace("KT. CHỦ TỊCH", "KT. BỘ TRƯỞNG")
            .replace("PHÓ CHỦ TỊCH", "THỨ TRƯỞNG")
    });
    let src = std::fs::read_to_string(d.path().join(&f)).unwrap();
    let cut = src.find("ghi_chu_bo").unwrap();
    let end = cut + src[cut..].find("\"\"\"\n\n").unwrap() + 5;
    std::fs::write(d.path().join(&f), format!("{}{}", &src[..cut], &src[end..])).unwrap();
    let (paras, _) = render_ok(d.path(), &f);
    let text = paras.join("\n");
    assert!(text.contains("Bộ Công an thông báo cho"), "{text}");
    // Pre-2025 wording for a re-issued provincial document.
    let f = draft(d.path(), "tg.toml", |s| {
        s.replace("THÀNH PHỐ HÀ NỘI", "TỈNH TIỀN GIANG")
            .replace("2026-03-05", "2014-05-20")
    });
    let (paras, _) = render_ok(d.path(), &f);
    assert!(
        paras
            .join("\n")
            .contains("Ủy ban nhân dân các huyện, thị xã, thành phố")
    );
}

#[test]
fn a_subject_of_another_level_is_flagged() {
    let d = tempdir();
    let f = draft(d.path(), "xa.toml", |s| {
        s.replace("THÀNH PHỐ HÀ NỘI", "XÃ TÂN LẬP")
            .replace("[co_quan]", "[co_quan]\nchu_quan = \"TỈNH LÀO CAI\"")
            .replace(
                "ngay = ",
                "chu_the = \"Chủ tịch Ủy ban nhân dân tỉnh\"\nngay = ",
            )
    });
    let c = codes(d.path(), &f);
    assert_eq!(
        c.get("ND30-CHU-THE").map(String::as_str),
        Some("warning"),
        "{c:?}"
    );
    // Its own words are right.
    let f = draft(d.path(), "xa2.toml", |s| {
        s.replace("THÀNH PHỐ HÀ NỘI", "XÃ TÂN LẬP")
    });
    assert!(!codes(d.path(), &f).contains_key("ND30-CHU-THE"));
}

#[test]
fn a_part_can_be_left_out_or_left_blank() {
    let d = tempdir();
    // `false`: the closing is gone, and the end mark goes to the last task.
    let f = draft(d.path(), "off.toml", |s| {
        s.replace("ngay = ", "ket_thuc = false\nngay = ")
    });
    let (paras, _) = render_ok(d.path(), &f);
    let text = paras.join("\n");
    assert!(
        !text.contains("triển khai thực hiện nghiêm túc Chỉ thị này"),
        "{text}"
    );
    assert_eq!(text.matches("./.").count(), 1, "{text}");
    assert!(text.contains("thực hiện Chỉ thị này./."), "{text}");
    // Blank: the standard closing, and a note saying how to write "none".
    let f = draft(d.path(), "blank.toml", |s| {
        s.replace("ngay = ", "ket_thuc = \" \"\nngay = ")
    });
    let (paras, err) = render_ok(d.path(), &f);
    assert!(
        paras
            .join("\n")
            .contains("triển khai thực hiện nghiêm túc Chỉ thị này")
    );
    assert!(
        err.contains("DRAFT-BLANK-PART") && err.contains("ket_thuc = false"),
        "{err}"
    );
    // `true` means nothing: a type error.
    let f = draft(d.path(), "true.toml", |s| {
        s.replace("ngay = ", "ket_thuc = true\nngay = ")
    });
    let o = vbhc(&["render", &f], d.path());
    assert_eq!(code(&o), 65);
    assert!(stderr(&o).contains("DRAFT-TYPE"));
}

#[test]
fn a_plan_prints_only_its_sections_numbered_in_order() {
    let d = tempdir();
    let f = draft(d.path(), "kh.toml", |s| {
        s.replace("loai = \"chi-thi\"", "loai = \"ke-hoach\"")
            .replace("tinh_hinh = ", "noi_dung = ")
            .replace("nhiem_vu = ", "to_chuc_thuc_hien = ")
    });
    let (paras, _) = render_ok(d.path(), &f);
    let text = paras.join("\n");
    assert!(text.contains("I. NHIỆM VỤ, GIẢI PHÁP"), "{text}");
    assert!(text.contains("II. TỔ CHỨC THỰC HIỆN"), "{text}");
    assert!(
        !text.contains("MỤC ĐÍCH") && !text.contains("Yêu cầu"),
        "{text}"
    );
}

#[test]
fn a_free_body_replaces_the_skeleton() {
    let d = tempdir();
    let f = draft(d.path(), "than.toml", |s| {
        s.replace(
            "ngay = ",
            "than = \"\"\"\nỦy ban nhân dân Thành phố thông báo lịch tiếp công dân tháng 4.\nĐề nghị các cơ quan, đơn vị thực hiện.\n\"\"\"\nngay = ",
        )
    });
    let (paras, err) = render_ok(d.path(), &f);
    let text = paras.join("\n");
    assert!(text.contains("lịch tiếp công dân tháng 4."), "{text}");
    assert!(
        text.contains("Đề nghị các cơ quan, đơn vị thực hiện./."),
        "{text}"
    );
    assert!(!text.contains("Công an Thành phố chủ trì"), "{text}");
    assert!(
        err.contains("DRAFT-IGNORED") && err.contains("nhiem_vu"),
        "{err}"
    );
}

#[test]
fn the_year_may_be_blank() {
    let d = tempdir();
    let f = draft(d.path(), "y.toml", |s| {
        s.replace("ngay = \"2026-03-05\"", "ngay = \"\"")
    });
    let (paras, _) = render_ok(d.path(), &f);
    let line = paras
        .iter()
        .find(|p| p.starts_with("Hà Nội, ngày"))
        .unwrap();
    assert!(line.trim_end().ends_with("năm"), "{line:?}");
    let c = codes(d.path(), "y.docx");
    assert_eq!(
        c.get("ND30-DATE-BLANK").map(String::as_str),
        Some("note"),
        "{c:?}"
    );
}

#[test]
fn a_trailing_backslash_does_not_swallow_the_template() {
    let d = tempdir();
    let f = draft(d.path(), "bs.toml", |s| {
        s.replace(
            "ngay = ",
            "ket_thuc = \"Đề nghị các đơn vị thực hiện nghiêm túc.\\\\\"\nngay = ",
        )
    });
    let (paras, err) = render_ok(d.path(), &f);
    let text = paras.join("\n");
    assert!(!text.contains("[[slot"), "{text}");
    assert!(text.contains("thực hiện nghiêm túc./."), "{text}");
    assert!(err.contains("MARKUP-TRAILING-BREAK"), "{err}");
}

#[test]
fn an_escaped_quote_stays_straight() {
    let d = tempdir();
    let f = draft(d.path(), "q.toml", |s| {
        s.replace(
            "Thời gian qua,",
            "Theo \\\\\"Quy chế\\\\\" và \"Đề án\", thời gian qua,",
        )
        .replace("trich_yeu = \"Về", "trich_yeu = 'Về \\\"phòng\\\"")
        .replace("chữa cháy\"\nnoi_nhan", "chữa cháy'\nnoi_nhan")
    });
    let (paras, _) = render_ok(d.path(), &f);
    let text = paras.join("\n");
    assert!(text.contains("Theo \"Quy chế\" và “Đề án”"), "{text}");
    assert!(
        text.contains("VỀ \"PHÒNG\"") || text.contains("Về \"phòng\""),
        "{text}"
    );
}

#[test]
fn an_unknown_slot_is_named() {
    let d = tempdir();
    let f = draft(d.path(), "slot.toml", |s| {
        s.replace("2. Văn phòng", "[[slot: chi-thi.khong-co]]\n2. Văn phòng")
    });
    let (_, err) = render_ok(d.path(), &f);
    assert!(
        err.contains("MARKUP-SLOT-UNKNOWN") && err.contains("chi-thi.cuoi"),
        "{err}"
    );
}

#[test]
fn placeholders_are_errors_that_name_the_field() {
    let d = tempdir();
    let f = draft(d.path(), "ph.toml", |s| {
        s.replace("Hoàng Văn Nam", "Nguyễn Văn A")
            .replace("VT, NC", "VT, …")
    });
    let o = vbhc(&["render", &f], d.path());
    let err = stderr(&o);
    assert_eq!(code(&o), 65, "{err}");
    assert!(
        err.contains("(ky.ho_ten)") && err.contains("(luu)"),
        "{err}"
    );
    assert!(!d.path().join("ph.docx").exists());
    // A document blank on purpose, with a chức vụ still to fill: notes, and no "must be bold"
    // for a title without letters.
    let f = draft(d.path(), "form.toml", |s| {
        s.replace("Hoàng Văn Nam", "………")
            .replace("PHÓ CHỦ TỊCH", "…")
            .replace("ngay = ", "cho_trong = true\nngay = ")
    });
    render_ok(d.path(), &f);
    let c = codes(d.path(), &f);
    assert_eq!(
        c.get("DRAFT-PLACEHOLDER").map(String::as_str),
        Some("note"),
        "{c:?}"
    );
    assert!(!c.contains_key("ND30-SIGNATURE"), "{c:?}");
}

#[test]
fn a_verbatim_draft_keeps_its_text_and_is_warned() {
    let d = tempdir();
    let f = draft(d.path(), "nv.toml", |s| {
        s.replace("ngay = ", "nguyen_van = true\nket_thuc = false\ncan_cu = [\"Căn cứ Luật Phòng cháy và chữa cháy\", \"Căn cứ Nghị định số 105/2025/NĐ-CP,\"]\nngay = ")
            .replace(
                "Thời gian qua,",
                "I. Tình hình chung\nTheo \\\"Quy chế\\\" về hoà giải, qui định,",
            )
            .replace("thực hiện Chỉ thị này.\n", "thực hiện Chỉ thị này\n")
    });
    let (paras, err) = render_ok(d.path(), &f);
    let text = paras.join("\n");
    assert!(text.contains("I. Tình hình chung"), "{text}");
    assert!(
        text.contains("Theo \"Quy chế\" về hoà giải, qui định,"),
        "{text}"
    );
    assert!(
        text.contains("Căn cứ Luật Phòng cháy và chữa cháy\n"),
        "{text}"
    );
    assert!(!text.contains("./."), "{text}");
    assert!(
        err.contains("ND30-END-MARK") && err.contains("ND30-CAN-CU") && !err.contains("lỗi["),
        "{err}"
    );
    // Without the switch, the same draft is normalised.
    let f = draft(d.path(), "n.toml", |s| {
        s.replace(
            "Thời gian qua,",
            "I. Tình hình chung\nTheo \\\"Quy chế\\\" về hoà giải,",
        )
    });
    let (paras, _) = render_ok(d.path(), &f);
    let text = paras.join("\n");
    assert!(
        text.contains("I. TÌNH HÌNH CHUNG") && text.contains("hòa giải"),
        "{text}"
    );
}

#[test]
fn the_clerk_is_answered_in_vietnamese() {
    let d = tempdir();
    // The argument parser.
    let o = vbhc(&["rendr", "a.toml"], d.path());
    let err = stderr(&o);
    assert_eq!(code(&o), 2, "{err}");
    assert!(
        err.contains("không có lệnh `rendr`") && err.contains("có phải `render`"),
        "{err}"
    );
    let o = vbhc(&["--lang", "en", "rendr", "a.toml"], d.path());
    assert!(stderr(&o).contains("unrecognized subcommand"));
    // The operating system.
    let o = vbhc(&["render", "khong-co.toml"], d.path());
    assert!(
        stderr(&o).contains("không có tệp hoặc thư mục này"),
        "{}",
        stderr(&o)
    );
    // The TOML parser's common messages.
    let f = draft(d.path(), "so.toml", |s| {
        s.replace("ngay = ", "so = 07\nngay = ")
    });
    let err = stderr(&vbhc(&["render", &f], d.path()));
    assert!(
        err.contains("số 0 ở đầu") && err.contains("`so = 7`"),
        "{err}"
    );
    let f = draft(d.path(), "key.toml", |s| s.replace("ho_ten", "ho_tên"));
    let err = stderr(&vbhc(&["render", &f], d.path()));
    assert!(
        err.contains("tên trường") && err.contains("`ho_ten` thay cho `ho_tên`"),
        "{err}"
    );
    // An empty cell is named, not the base draft.
    let f = draft(d.path(), "base.toml", |s| {
        s.replace("ho_ten = \"Hoàng Văn Nam\"\n", "")
    });
    std::fs::write(
        d.path().join("rows.csv"),
        "trich_yeu,ky.ho_ten\nVề A,Lê Văn B\nVề B,\n",
    )
    .unwrap();
    let o = vbhc(
        &["batch", "rows.csv", "--draft", &f, "--out", "out"],
        d.path(),
    );
    let err = stderr(&o);
    assert!(err.contains("ô B3 (cột `ky.ho_ten`) để trống"), "{err}");
}

/// A quy định issued with a decision: the decree's model of the attached text has no Số, no
/// date, no signature and no Nơi nhận, and the draft needs none of them.
#[test]
fn an_attached_text_has_no_number_date_or_signature() {
    let d = tempdir();
    std::fs::write(
        d.path().join("qd.toml"),
        r#"loai = "quy-dinh"
trich_yeu = "Quản lý an toàn trong sử dụng điện"
ban_hanh_kem_theo = "Ban hành kèm theo Quyết định số 36/2025/QĐ-UBND ngày 19/11/2025 của Ủy ban nhân dân tỉnh Quảng Trị"
noi_dung = """
Chương I
Quy định chung
Điều 1. Phạm vi điều chỉnh
Quy định này quy định về quản lý an toàn trong sử dụng điện.
"""

[co_quan]
ten = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"]
viet_tat = "UBND"
"#,
    )
    .unwrap();
    let (paras, _) = render_ok(d.path(), "qd.toml");
    let text = paras.join("\n");
    assert!(
        text.contains("(Ban hành kèm theo Quyết định số 36/2025/QĐ-UBND"),
        "{text}"
    );
    assert!(text.contains("QUY ĐỊNH CHUNG"), "{text}");
    assert!(
        !text.contains("Số:") && !text.contains(", ngày") && !text.contains("Nơi nhận"),
        "{text}"
    );
    let c = codes(d.path(), "qd.docx");
    assert!(c.values().all(|s| s == "note"), "{c:?}");
}

/// A joint document: two organs in the header, each one's signer side by side.
#[test]
fn a_joint_document_has_two_signers_side_by_side() {
    let d = tempdir();
    let f = draft(d.path(), "lt.toml", |s| {
        s.replace("loai = \"chi-thi\"", "loai = \"huong-dan\"")
            .replace("tinh_hinh", "noi_dung")
            .replace("nhiem_vu = \"\"\"", "ghi_chu = \"\"\"")
            .replace("[\"ỦY BAN NHÂN DÂN\", \"THÀNH PHỐ HÀ NỘI\"]", "[\"SỞ TÀI CHÍNH\", \"SỞ NỘI VỤ\"]")
            .replace("[co_quan]", "[co_quan]\nchu_quan = \"UBND THÀNH PHỐ HÀ NỘI\"")
            .replace("viet_tat = \"UBND\"", "viet_tat = \"STC-SNV\"")
            .replace("KT. CHỦ TỊCH", "KT. GIÁM ĐỐC SỞ TÀI CHÍNH")
            .replace("PHÓ CHỦ TỊCH", "PHÓ GIÁM ĐỐC")
            .replace(
                "[ky]",
                "[ky_trai]\nquyen_han = [\"KT. GIÁM ĐỐC SỞ NỘI VỤ\"]\nchuc_vu = \"PHÓ GIÁM ĐỐC\"\nho_ten = \"Lương Thị Hạnh\"\n\n[ky]",
            )
    });
    let src = std::fs::read_to_string(d.path().join(&f)).unwrap();
    let cut = src.find("ghi_chu").unwrap();
    let end = cut + src[cut..].find("\"\"\"\n\n").unwrap() + 5;
    let src = format!(
        "{}chu_the = \"Sở Tài chính và Sở Nội vụ\"\n{}",
        &src[..cut],
        &src[end..]
    );
    std::fs::write(d.path().join(&f), src).unwrap();
    let (paras, _) = render_ok(d.path(), &f);
    let text = paras.join("\n");
    assert!(text.contains("/HD-STC-SNV"), "{text}");
    assert!(
        text.contains("Lương Thị Hạnh") && text.contains("Hoàng Văn Nam"),
        "{text}"
    );
    let c = codes(d.path(), "lt.docx");
    assert!(c.values().all(|s| s == "note"), "{c:?}");
}

/// A bản sao y: the copy block of Mẫu 3.1 under the signature, with the copy's own number,
/// form, date, recipients and signer; read back, it is the copy block, not text; a form of
/// copy the decree does not have is refused.
#[test]
fn a_copy_carries_its_own_block() {
    let d = tempdir();
    let copy = "\n[ban_sao]\nhinh_thuc = \"sao y\"\nco_quan = [\"VĂN PHÒNG\", \"ỦY BAN NHÂN DÂN THÀNH PHỐ\"]\nviet_tat = \"VP\"\nso = 5\nngay = \"2026-03-09\"\nnoi_nhan = [\"UBND các xã, phường\"]\nquyen_han = [\"TL. CHỦ TỊCH\", \"KT. CHÁNH VĂN PHÒNG\"]\nchuc_vu = \"PHÓ CHÁNH VĂN PHÒNG\"\nho_ten = \"Hoàng Thu Trang\"\n";
    let f = draft(d.path(), "sy.toml", |s| format!("{s}{copy}"));
    let (paras, _) = render_ok(d.path(), &f);
    let text = paras.join("\n");
    for want in [
        "SAO Y",
        "Số: 05/SY-VP",
        "Hà Nội, ngày 09 tháng 3 năm 2026",
        "Hoàng Thu Trang",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
    let c = codes(d.path(), "sy.docx");
    assert!(c.values().all(|s| s == "note"), "{c:?}");
    let f = draft(d.path(), "bad.toml", |s| {
        format!("{s}{}", copy.replace("sao y", "sao chụp"))
    });
    let o = vbhc(&["render", &f], d.path());
    assert_eq!(code(&o), 65);
    assert!(
        stderr(&o).contains("SAO Y, SAO LỤC hoặc TRÍCH SAO"),
        "{}",
        stderr(&o)
    );
}

/// A long parent organ is set at the decree's smaller size rather than broken inside its
/// name, and may be written as two lines.
#[test]
fn a_long_parent_organ_fits_its_column() {
    let d = tempdir();
    let f = draft(d.path(), "tn.toml", |s| {
        s.replace(
            "[co_quan]",
            "[co_quan]\nchu_quan = \"UBND TỈNH THÁI NGUYÊN\"",
        )
        .replace("\"ỦY BAN NHÂN DÂN\", \"THÀNH PHỐ HÀ NỘI\"", "\"SỞ NỘI VỤ\"")
        .replace("viet_tat = \"UBND\"", "viet_tat = \"SNV\"")
    });
    let (_, err) = render_ok(d.path(), &f);
    assert!(!err.contains("LAYOUT-ORGAN-WRAP"), "{err}");
    let xml = part(&d.path().join("tn.docx"), "word/document.xml").unwrap();
    assert!(xml.contains(r#"<w:sz w:val="24"/>"#), "12 pt");
    let f = draft(d.path(), "two.toml", |s| {
        s.replace(
            "[co_quan]",
            "[co_quan]\nchu_quan = [\"SỞ THÔNG TIN\", \"& TRUYỀN THÔNG HÀ TĨNH\"]",
        )
        .replace(
            "\"ỦY BAN NHÂN DÂN\", \"THÀNH PHỐ HÀ NỘI\"",
            "\"TRUNG TÂM CNTT\"",
        )
        .replace("viet_tat = \"UBND\"", "viet_tat = \"TTCNTT\"")
    });
    let (paras, err) = render_ok(d.path(), &f);
    assert!(!err.contains("LAYOUT-ORGAN-WRAP"), "{err}");
    assert!(paras.iter().any(|p| p == "SỞ THÔNG TIN"), "{paras:?}");
    assert!(
        paras.iter().any(|p| p == "& TRUYỀN THÔNG HÀ TĨNH"),
        "{paras:?}"
    );
    let c = codes(d.path(), "two.docx");
    assert!(c.values().all(|s| s == "note"), "{c:?}");
}

/// The address block of page 1 (ô 13): printed in the first page's footer; left as "……" it is
/// a placeholder like any other.
#[test]
fn the_address_footer_is_printed_and_its_blanks_caught() {
    let d = tempdir();
    let f = draft(d.path(), "dc.toml", |s| {
        s.replace(
            "ngay = ",
            "dia_chi = [\"Địa chỉ: số 79 Đinh Tiên Hoàng, phường Hoàn Kiếm; Điện thoại: 024 3825 3536\"]\nngay = ",
        )
    });
    render_ok(d.path(), &f);
    let docx = d.path().join("dc.docx");
    let footer: String = part_names(&docx)
        .iter()
        .filter(|n| n.starts_with("word/footer"))
        .filter_map(|n| part(&docx, n))
        .collect();
    assert!(footer.contains("Đinh Tiên Hoàng"), "{footer}");
    let f = draft(d.path(), "dc2.toml", |s| {
        s.replace(
            "ngay = ",
            "dia_chi = [\"Địa chỉ: ……; Điện thoại: ……\"]\nngay = ",
        )
    });
    let o = vbhc(&["render", &f], d.path());
    assert_eq!(code(&o), 65);
    assert!(stderr(&o).contains("(dia_chi)"), "{}", stderr(&o));
}

/// The second signer's authority lines are held to the same rule as the first's: a position
/// typed there is refused, naming its own table.
#[test]
fn a_second_signers_authority_line_is_checked() {
    let d = tempdir();
    let f = draft(d.path(), "k2.toml", |s| {
        s.replace(
            "[ky]",
            "[ky_trai]\nquyen_han = [\"GIÁM ĐỐC SỞ NỘI VỤ\"]\nchuc_vu = \"PHÓ GIÁM ĐỐC\"\nho_ten = \"Lương Thị Hạnh\"\n\n[ky]",
        )
    });
    let o = vbhc(&["render", &f], d.path());
    let err = stderr(&o);
    assert_eq!(code(&o), 65, "{err}");
    assert!(
        err.contains("DRAFT-QUYEN-HAN") && err.contains("ky_trai.chuc_vu"),
        "{err}"
    );
}
