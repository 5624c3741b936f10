//! Mutation tests of the checker: take a clean rendered sample or a genuine corpus file, change
//! one property in its XML (a margin, the font of one run, the bold of the Quốc hiệu, the date's
//! padding, a Nơi nhận line's `;` …) and check that the findings after, minus the findings
//! before, are exactly the rule that was broken — no more, no fewer. Each rule's "does not
//! fire" case is the file before the change (and the clean samples of `render.rs`).

use crate::common::*;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Codes of the findings `vbhc check` reports for a file, with their counts.
fn codes(file: &Path, dir: &Path) -> BTreeMap<String, usize> {
    let o = vbhc(&["check", file.to_str().unwrap(), "--format", "json"], dir);
    assert!(code(&o) <= 1, "{}: {}", file.display(), stderr(&o));
    let mut m = BTreeMap::new();
    for l in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        if v["type"] == "finding" {
            *m.entry(v["code"].as_str().unwrap().to_string())
                .or_insert(0) += 1;
        }
    }
    m
}

/// A copy of `docx` with `edit` applied to one part.
fn mutate(docx: &Path, part: &str, out: &Path, edit: &dyn Fn(&str) -> String) {
    let mut z = zip::ZipArchive::new(std::fs::File::open(docx).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    let mut changed = false;
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == part {
            let s = String::from_utf8(data).unwrap();
            let t = edit(&s);
            assert!(
                s != t,
                "the mutation of {part} in {} changed nothing",
                out.display()
            );
            changed = true;
            data = t.into_bytes();
        }
        w.start_file(name, opts).unwrap();
        w.write_all(&data).unwrap();
    }
    assert!(changed, "{part} not in {}", docx.display());
    w.finish().unwrap();
}

/// Applies `f` to the first `<w:p>` whose text contains `needle`.
fn in_paragraph(xml: &str, needle: &str, f: impl Fn(&str) -> String) -> String {
    let at = xml
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the part"));
    let start = [xml[..at].rfind("<w:p>"), xml[..at].rfind("<w:p ")]
        .into_iter()
        .flatten()
        .max()
        .unwrap();
    let end = at + xml[at..].find("</w:p>").unwrap() + "</w:p>".len();
    format!("{}{}{}", &xml[..start], f(&xml[start..end]), &xml[end..])
}

/// The n-th (0-based) occurrence of `from` replaced by `to`.
fn nth(xml: &str, from: &str, to: &str, n: usize) -> String {
    let (i, _) = xml
        .match_indices(from)
        .nth(n)
        .unwrap_or_else(|| panic!("{from:?} occurs fewer than {} times", n + 1));
    format!("{}{}{}", &xml[..i], to, &xml[i + from.len()..])
}

struct Case {
    name: &'static str,
    code: &'static str,
    /// Rules the change breaks as well, by what it does to the page (a landscape page rewraps
    /// the trích yếu under its rule).
    also: &'static [&'static str],
    part: &'static str,
    edit: Box<dyn Fn(&str) -> String>,
}

fn case(name: &'static str, code: &'static str, edit: impl Fn(&str) -> String + 'static) -> Case {
    Case {
        name,
        code,
        also: &[],
        part: "word/document.xml",
        edit: Box::new(edit),
    }
}

fn run_cases(base: &Path, cases: Vec<Case>) {
    let dir = tempdir();
    let before = codes(base, dir.path());
    let mut failures = Vec::new();
    for c in &cases {
        let file: String = c
            .name
            .chars()
            .map(|ch| if ch.is_alphanumeric() { ch } else { '_' })
            .collect();
        let out = dir.path().join(format!("{file}.docx"));
        mutate(base, c.part, &out, &c.edit);
        let after = codes(&out, dir.path());
        let mut added: Vec<String> = Vec::new();
        let mut removed: Vec<String> = Vec::new();
        for (k, n) in &after {
            let b = before.get(k).copied().unwrap_or(0);
            if *n > b {
                added.push(k.clone());
            }
        }
        for (k, b) in &before {
            if after.get(k).copied().unwrap_or(0) < *b {
                removed.push(k.clone());
            }
        }
        let mut expected: Vec<String> = std::iter::once(c.code)
            .chain(c.also.iter().copied())
            .map(str::to_string)
            .collect();
        expected.sort();
        if added != expected || !removed.is_empty() {
            failures.push(format!(
                "{} ({}): expected exactly +{}; got +{added:?} -{removed:?}",
                c.name,
                base.file_name().unwrap().to_string_lossy(),
                c.code
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn sample(dir: &Path, name: &str) -> PathBuf {
    render(&root().join("samples").join(format!("{name}.toml")), dir)
}

fn corpus(name: &str) -> PathBuf {
    root().join("tests/corpus/real-docx").join(name)
}

/// The chỉ thị of Tiền Giang, as vbhc renders it: every rule of the header, the page, the body
/// and the signature broken once.
#[allow(
    clippy::too_many_lines,
    reason = "a table of cases, one per rule broken; read as a list, not as logic"
)]
fn chi_thi_cases() -> Vec<Case> {
    let body = "Những năm qua, công tác vận động";
    vec![
        case("left margin 25 mm", "ND30-MARGIN-LEFT", |x| {
            x.replace(r#"w:left="1701""#, r#"w:left="1417""#)
        }),
        case("top margin 15 mm", "ND30-MARGIN-TOP", |x| {
            x.replace(r#"w:top="1134""#, r#"w:top="850""#)
        }),
        case("bottom margin 30 mm", "ND30-MARGIN-BOTTOM", |x| {
            x.replace(r#"w:bottom="1134""#, r#"w:bottom="1701""#)
        }),
        case("right margin 10 mm", "ND30-MARGIN-RIGHT", |x| {
            x.replace(r#"w:right="1134" w:bottom"#, r#"w:right="567" w:bottom"#)
        }),
        case("Letter paper", "ND30-PAGE-SIZE", |x| {
            x.replace(r#"w:w="11906""#, r#"w:w="12240""#)
        }),
        case("one body run in Arial", "ND30-FONT", move |x| {
            // vbhc's runs name no font (the document defaults give Times New Roman): the
            // clerk's change is a font put on the paragraph's runs.
            in_paragraph(x, body, |p| {
                p.replace(
                    "<w:r><w:rPr>",
                    r#"<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>"#,
                )
            })
        }),
        case("Quốc hiệu not bold", "ND30-QUOC-HIEU-BOLD", |x| {
            in_paragraph(x, "CỘNG HÒA XÃ HỘI", |p| {
                p.replace("<w:b/><w:bCs/>", "")
            })
        }),
        case("Quốc hiệu 13.5 pt", "ND30-QUOC-HIEU-SIZE", |x| {
            // Larger, it would no longer fit its column (ND30-HEADER-WRAP as well).
            in_paragraph(x, "CỘNG HÒA XÃ HỘI", |p| {
                p.replace(r#"w:val="26""#, r#"w:val="27""#)
            })
        }),
        case("Quốc hiệu misspelt", "ND30-QUOC-HIEU", |x| {
            x.replace("CỘNG HÒA XÃ HỘI", "CỘNG HÕA XÃ HỘI")
        }),
        case("top margin one inch (25.4 mm)", "ND30-MARGIN-TOP", |x| {
            x.replace(r#"w:top="1134""#, r#"w:top="1440""#)
        }),
        case("Số line in 14 pt", "ND30-SO-SIZE", |x| {
            in_paragraph(x, "Số:", |p| p.replace(r#"w:val="26""#, r#"w:val="28""#))
        }),
        case("date line flush right", "ND30-DATE-PLACE", |x| {
            in_paragraph(x, "Tiền Giang, ngày", |p| {
                p.replace(r#"<w:jc w:val="center"/>"#, r#"<w:jc w:val="right"/>"#)
            })
        }),
        case("space before the place's comma", "ND30-DATE-SPACE", |x| {
            x.replace("Tiền Giang, ngày", "Tiền Giang , ngày")
        }),
        case("place written short", "ND30-DATE-PLACE-SHORT", |x| {
            x.replace("Tiền Giang, ngày", "T. Tiền Giang, ngày")
        }),
        case(
            "Quốc hiệu in a column too narrow for it",
            "ND30-HEADER-WRAP",
            |x| x.replace(r#"w:w="5896""#, r#"w:w="5200""#),
        ),
        case(
            "a few words in 10 pt inside a body paragraph",
            "ND30-BODY-SIZE",
            |x| {
                x.replacen(
                "Những năm qua, công tác vận động",
                r#"Những năm qua,</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> công tác vận động"#,
                1,
            )
            },
        ),
        case("./. in the middle of the body", "ND30-END-MARK", |x| {
            in_paragraph(x, "Những năm qua, công tác vận động", |p| {
                p.replace("</w:t></w:r></w:p>", "./.</w:t></w:r></w:p>")
            })
        }),
        case("Tiêu ngữ with en dashes", "ND30-TIEU-NGU-DASH", |x| {
            x.replace("Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc")
        }),
        case("Tiêu ngữ not bold", "ND30-TIEU-NGU-BOLD", |x| {
            in_paragraph(x, "Độc lập - Tự do", |p| {
                p.replace("<w:b/><w:bCs/>", "")
            })
        }),
        case("Tiêu ngữ 15 pt", "ND30-TIEU-NGU-SIZE", |x| {
            in_paragraph(x, "Độc lập - Tự do", |p| {
                p.replace(r#"w:val="28""#, r#"w:val="30""#)
            })
        }),
        case("Tiêu ngữ rule half as long", "ND30-TIEU-NGU-RULE", |x| {
            // The second rule drawn is the Tiêu ngữ's.
            let i = x.match_indices("<wp:extent cx=\"").nth(1).unwrap().0 + 15;
            let end = i + x[i..].find('"').unwrap();
            let cx: u64 = x[i..end].parse().unwrap();
            format!("{}{}{}", &x[..i], cx / 2, &x[end..])
        }),
        case("organ rule as long as the name", "ND30-CO-QUAN-RULE", |x| {
            let i = x.find("<wp:extent cx=\"").unwrap() + 15;
            let end = i + x[i..].find('"').unwrap();
            let cx: u64 = x[i..end].parse().unwrap();
            format!("{}{}{}", &x[..i], cx * 5 / 2, &x[end..])
        }),
        case(
            "trích yếu rule as long as the line",
            "ND30-TRICH-YEU",
            |x| {
                // The third rule drawn is the trích yếu's.
                let i = x.match_indices("<wp:extent cx=\"").nth(2).unwrap().0 + 15;
                let end = i + x[i..].find('"').unwrap();
                let cx: u64 = x[i..end].parse().unwrap();
                format!("{}{}{}", &x[..i], cx * 5 / 2, &x[end..])
            },
        ),
        case("organ 15 pt", "ND30-CO-QUAN-SIZE", |x| {
            in_paragraph(x, "TỈNH TIỀN GIANG", |p| {
                p.replace(r#"w:val="26""#, r#"w:val="30""#)
            })
        }),
        case("organ not bold", "ND30-CO-QUAN", |x| {
            in_paragraph(x, "TỈNH TIỀN GIANG", |p| {
                p.replace("<w:b/><w:bCs/>", "")
            })
        }),
        case("ký hiệu of a kế hoạch", "ND30-KY-HIEU", |x| {
            x.replace("/CT-UBND", "/KH-UBND")
        }),
        case("Số without its colon", "ND30-SO", |x| {
            x.replace("Số: ", "Số ")
        }),
        case("date not italic", "ND30-DATE-ITALIC", |x| {
            in_paragraph(x, "Tiền Giang, ngày", |p| {
                p.replace("<w:i/><w:iCs/>", "")
            })
        }),
        case("two-digit year", "ND30-DATE", |x| {
            x.replace("năm 2014", "năm 14")
        }),
        case("tên loại in lower case", "ND30-TEN-LOAI", |x| {
            x.replace(">CHỈ THỊ<", ">Chỉ thị<")
        }),
        case("trích yếu not bold", "ND30-TRICH-YEU", |x| {
            in_paragraph(x, "Về thực hiện biện pháp", |p| {
                p.replace("<w:b/><w:bCs/>", "")
            })
        }),
        case(
            "trích yếu in capitals with a bracket in it",
            "ND30-TRICH-YEU",
            |x| {
                in_paragraph(x, "Về thực hiện biện pháp", |p| {
                    let a = p.find("Về thực hiện biện pháp").unwrap();
                    let b = a + p[a..].find('<').unwrap();
                    format!(
                        "{}{} (năm 2014){}",
                        &p[..a],
                        p[a..b].to_uppercase(),
                        &p[b..]
                    )
                })
            },
        ),
        case("body 12 pt", "ND30-BODY-SIZE", move |x| {
            in_paragraph(x, body, |p| p.replace(r#"w:val="28""#, r#"w:val="24""#))
        }),
        case("indent 0.5 cm", "ND30-BODY-INDENT", move |x| {
            in_paragraph(x, body, |p| {
                p.replace(r#"w:firstLine="720""#, r#"w:firstLine="283""#)
            })
        }),
        case(
            "no space between paragraphs",
            "ND30-BODY-SPACING",
            move |x| {
                // The second body paragraph: the first follows the title, not a paragraph.
                in_paragraph(x, "Tuy nhiên, công tác vận động", |p| {
                    p.replace(r#"w:before="120""#, r#"w:before="0""#)
                })
            },
        ),
        case("double line spacing", "ND30-LINE-SPACING", move |x| {
            in_paragraph(x, body, |p| p.replace(r#"w:line="264""#, r#"w:line="480""#))
        }),
        case("body aligned left", "ND30-BODY-JUSTIFY", move |x| {
            in_paragraph(x, body, |p| {
                p.replace(r#"<w:jc w:val="both"/>"#, r#"<w:jc w:val="left"/>"#)
            })
        }),
        case("no end mark", "ND30-END-MARK", |x| {
            x.replace("theo quy định./.", "theo quy định.")
        }),
        case("doubled space in the body", "ND30-DOUBLE-SPACE", move |x| {
            x.replace("công tác vận động", "công tác  vận động")
        }),
        case("decomposed letters", "ND30-TEXT-NFD", move |x| {
            x.replace("Những năm qua", "Nhu\u{31b}\u{303}ng năm qua")
        }),
        case("one word in the other tone style", "ND30-TONE-MIX", |x| {
            nth(x, "hòa", "hoà", 0)
        }),
        case("Party authority form", "ND30-QUYEN-HAN", |x| {
            x.replace(">CHỦ TỊCH<", ">T/M CHỦ TỊCH<")
        }),
        // "Phụ trách": a deputy in charge signs KT. (nd30.md §1.8).
        case("signed PT. for a deputy in charge", "ND30-QUYEN-HAN", |x| {
            x.replace(">CHỦ TỊCH<", ">PT. CHỦ TỊCH<")
        }),
        case("name in capitals", "ND30-SIGNATURE", |x| {
            x.replace("Nguyễn Văn Khang", "NGUYỄN VĂN KHANG")
        }),
        case("Nơi nhận not italic", "ND30-NOI-NHAN-HEADING", |x| {
            in_paragraph(x, "Nơi nhận:", |p| p.replace("<w:i/><w:iCs/>", ""))
        }),
        case("a recipient 13 pt", "ND30-NOI-NHAN-SIZE", |x| {
            in_paragraph(x, "- Bộ Công an", |p| {
                p.replace(r#"w:val="22""#, r#"w:val="26""#)
            })
        }),
        case("a recipient without its ;", "ND30-NOI-NHAN-PUNCT", |x| {
            x.replace("- Bộ Công an (b/c);", "- Bộ Công an (b/c)")
        }),
        case("Lưu without VT", "ND30-LUU", |x| {
            x.replace("- Lưu: VT, NC.", "- Lưu: NC.")
        }),
        case("number on page 1", "ND30-PAGE-NUMBER-FIRST", |x| {
            x.replace("<w:titlePg/>", "")
        }),
        case("numbers in the footer", "ND30-PAGE-NUMBER-PLACE", |x| {
            x.replace(
                r#"<w:headerReference w:type="default""#,
                r#"<w:footerReference w:type="default""#,
            )
        }),
        Case {
            also: &["ND30-TRICH-YEU"],
            ..case("landscape first page", "ND30-ORIENTATION", |x| {
                x.replace(
                    r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
                    r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#,
                )
            })
        },
        case("no page numbers", "ND30-PAGE-NUMBER-MISSING", |x| {
            let i = x.find(r#"<w:headerReference w:type="default""#).unwrap();
            let end = i + x[i..].find("/>").unwrap() + 2;
            format!("{}{}", &x[..i], &x[end..])
        }),
        Case {
            name: "page numbers 10 pt",
            code: "ND30-PAGE-NUMBER-STYLE",
            also: &[],
            part: "word/header1.xml",
            edit: Box::new(|x| x.replace(r#"w:val="28""#, r#"w:val="20""#)),
        },
        case("tên loại 12 pt", "ND30-TITLE-SIZE", |x| {
            in_paragraph(x, ">CHỈ THỊ<", |p| {
                p.replace(r#"w:val="28""#, r#"w:val="24""#)
            })
        }),
        case("no signer", "ND30-SIGNATURE-MISSING", |x| {
            x.replace(">Nguyễn Văn Khang<", "><")
                .replace(">CHỦ TỊCH<", "><")
        }),
    ]
}

#[test]
fn each_mutation_of_a_rendered_chi_thi_breaks_exactly_its_rule() {
    let dir = tempdir();
    run_cases(
        &sample(dir.path(), "chi-thi-tien-giang-2014"),
        chi_thi_cases(),
    );
}

/// Page numbers moved to the footer and set in 12 pt break two rules, not one: the place, and
/// the size, which the clerk would keep when moving the number back to the header.
#[test]
fn page_numbers_in_the_footer_at_12_pt_break_their_place_and_their_size() {
    let dir = tempdir();
    let base = sample(dir.path(), "chi-thi-tien-giang-2014");
    let before = codes(&base, dir.path());
    let small = dir.path().join("small.docx");
    mutate(&base, "word/header1.xml", &small, &|x| {
        x.replace(r#"w:val="28""#, r#"w:val="24""#)
    });
    let moved = dir.path().join("moved.docx");
    mutate(&small, "word/document.xml", &moved, &|x| {
        x.replace(
            r#"<w:headerReference w:type="default""#,
            r#"<w:footerReference w:type="default""#,
        )
    });
    let after = codes(&moved, dir.path());
    let added: Vec<&String> = after
        .iter()
        .filter(|(k, n)| **n > before.get(*k).copied().unwrap_or(0))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(
        added,
        ["ND30-PAGE-NUMBER-PLACE", "ND30-PAGE-NUMBER-STYLE"],
        "{after:?}"
    );
}

/// The công văn of 2019: its number and date are given, so padding can be broken.
fn cong_van_cases() -> Vec<Case> {
    vec![
        case("day 9 unpadded", "ND30-DATE-PAD", |x| {
            x.replace("ngày 09 tháng", "ngày 9 tháng")
        }),
        case("number 5 unpadded", "ND30-SO-PAD", |x| {
            x.replace("Số: 2623/", "Số: 5/")
        }),
        case("space before the slash", "ND30-SO-SPACE", |x| {
            x.replace("Số: 2623/", "Số: 2623 /")
        }),
        case("V/v in bold", "ND30-VV", |x| {
            in_paragraph(x, "V/v triển khai", |p| {
                p.replace("<w:r><w:rPr>", "<w:r><w:rPr><w:b/>")
            })
        }),
        case("V/v in italics", "ND30-VV", |x| {
            in_paragraph(x, "V/v triển khai", |p| {
                p.replace("<w:r><w:rPr>", "<w:r><w:rPr><w:i/>")
            })
        }),
        case("blank number", "ND30-SO-BLANK", |x| {
            x.replace("Số: 2623/", "Số:      /")
        }),
        // A template's field (docxtemplater, docx-templates) where the number will go.
        case("number left as a template field", "ND30-SO-BLANK", |x| {
            x.replace("Số: 2623/", "Số: {documentNo}/")
        }),
        case("Kính gửi item without -", "ND30-KINH-GUI", |x| {
            x.replace("- Công an tỉnh;", "Công an tỉnh;")
        }),
    ]
}

#[test]
fn number_and_date_padding_of_a_rendered_cong_van() {
    let dir = tempdir();
    run_cases(
        &sample(dir.path(), "cong-van-2623-ubnd-ncxdpl-2019"),
        cong_van_cases(),
    );
}

fn cong_van_sct_cases() -> Vec<Case> {
    vec![
        case("parent organ in lower case", "ND30-CHU-QUAN", |x| {
            x.replace(">UBND TỈNH LÀO CAI<", ">UBND tỉnh Lào Cai<")
        }),
        case("month 3 padded", "ND30-DATE-PAD", |x| {
            x.replace(" tháng 3 năm", " tháng 03 năm")
        }),
        case("month typed against its word", "ND30-DATE-SPACE", |x| {
            x.replace(" tháng 3 năm", " tháng3 năm")
        }),
    ]
}

#[test]
fn parent_organ_of_a_rendered_sct_cong_van() {
    let dir = tempdir();
    run_cases(
        &sample(dir.path(), "cong-van-sct-lay-y-kien-2026"),
        cong_van_sct_cases(),
    );
}

/// The quyết định: căn cứ and điểm.
fn quyet_dinh_cases() -> Vec<Case> {
    vec![
        case("căn cứ without its ;", "ND30-CAN-CU", |x| {
            x.replace("ngày 16/6/2025;", "ngày 16/6/2025")
        }),
        case("căn cứ in 11 pt", "ND30-CAN-CU", |x| {
            in_paragraph(x, "Căn cứ Luật Tổ chức chính", |p| {
                p.replace(r#"<w:sz w:val="28"/>"#, r#"<w:sz w:val="22"/>"#)
            })
        }),
        case("điểm b) written c)", "ND30-DIEM-ORDER", |x| {
            in_paragraph(x, "Tổng khối lượng vật liệu nổ", |p| {
                p.replace(">b) <", ">c) <")
            })
        }),
        case("Điều 2 numbered 4", "ND30-NUMBERING", |x| {
            x.replace(">Điều 2. <", ">Điều 4. <")
        }),
        case("điểm a) written a.", "ND30-DIEM-FORM", |x| {
            nth(x, ">a) <", ">a. <", 0)
        }),
        case("điểm a) written a,", "ND30-DIEM-FORM", |x| {
            nth(x, ">a) <", ">a, <", 0)
        }),
        case("no Nơi nhận heading", "ND30-NOI-NHAN", |x| {
            x.replace(">Nơi nhận:<", "><")
        }),
        case("no rule under the trích yếu", "ND30-TRICH-YEU", |x| {
            // The third shape drawn is the trích yếu's rule.
            let i = x
                .match_indices("<w:r><w:rPr><w:noProof/>")
                .nth(2)
                .unwrap()
                .0;
            let end = i + x[i..].find("</mc:AlternateContent></w:r>").unwrap() + 28;
            format!("{}{}", &x[..i], &x[end..])
        }),
    ]
}

#[test]
fn can_cu_and_points_of_a_rendered_quyet_dinh() {
    let dir = tempdir();
    run_cases(&sample(dir.path(), "quyet-dinh"), quyet_dinh_cases());
}

/// The header table in a frame anchored in the tên loại's paragraph, as LibreOffice saves a
/// floating header table (a file saved again through `.doc`): the frame prints above the
/// paragraph's text, so the header is read before the tên loại and nothing changes.
#[test]
fn a_header_table_in_a_frame_is_read_before_its_anchor_paragraph() {
    sample_reads_the_same("quyet-dinh", &|x| {
        let start = x.find("<w:tbl>").expect("the header table");
        let end = x.find("</w:tbl>").unwrap() + "</w:tbl>".len();
        let table = &x[start..end];
        let rest = format!("{}{}", &x[..start], &x[end..]);
        let frame = format!(
            r#"<w:r><w:drawing><wp:anchor behindDoc="0" distT="0" distB="0" distL="114300" distR="114300" simplePos="0" locked="0" layoutInCell="0" allowOverlap="1" relativeHeight="2"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>-53340</wp:posOffset></wp:positionV><wp:extent cx="6030595" cy="1231900"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/><wp:docPr id="901" name="Frame1"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="6030595" cy="1231900"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>{table}<w:p/></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"#
        );
        let at = rest.find(">QUYẾT ĐỊNH<").expect("the tên loại");
        let run = rest[..at].rfind("<w:r>").unwrap();
        format!("{}{frame}{}", &rest[..run], &rest[run..])
    });
}

/// A cover title in mixed case over the header table, with no section break between them (a
/// quy trình saved again through `.doc`), is no organ: the header reads as it did.
#[test]
fn a_title_in_mixed_case_over_the_header_table_is_no_organ() {
    sample_reads_the_same("quyet-dinh", &|x| {
        let at = x.find("<w:tbl>").expect("the header table");
        let title = "<w:p><w:r><w:t>02 QUY TRÌNH Quản lý dự án đầu tư xây dựng</w:t></w:r></w:p>";
        format!("{}{title}{}", &x[..at], &x[at..])
    });
}

/// The công văn's header table typed by hand: each line holds both columns parted by tabs,
/// an organ's second line and two typed rules on lines of their own (underscores, which print
/// as solid rules), then, with `so_line`, the Số and the date on one line and the V/v on its
/// own line under them.
fn typed_header(x: &str, so_line: bool) -> String {
    let start = x.find("<w:tbl>").expect("the header table");
    let end = x.find("</w:tbl>").unwrap() + "</w:tbl>".len();
    let run = |t: &str, look: &str| {
        format!(
            r#"<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>{look}</w:rPr><w:t xml:space="preserve">{t}</w:t></w:r>"#
        )
    };
    let tab = "<w:r><w:tab/></w:r>";
    let line = |left: String, right: String| {
        format!(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="center" w:pos="1588"/><w:tab w:val="center" w:pos="6124"/></w:tabs><w:spacing w:before="0" w:after="0"/></w:pPr>{tab}{left}{tab}{right}</w:p>"#
        )
    };
    let bold13 = r#"<w:b/><w:sz w:val="26"/>"#;
    let bold14 = r#"<w:b/><w:sz w:val="28"/>"#;
    let mut header = vec![
        line(
            run("ỦY BAN NHÂN DÂN", bold13),
            run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold13),
        ),
        line(
            run("TỈNH ………", bold13),
            run("Độc lập - Tự do - Hạnh phúc", bold14),
        ),
        line(run("________", ""), run("_________________________", "")),
    ];
    if so_line {
        header.push(line(
            run("Số: 2623/UBND-NCXDPL", r#"<w:sz w:val="26"/>"#),
            run(
                "………, ngày 09 tháng 10 năm 2019",
                r#"<w:i/><w:sz w:val="28"/>"#,
            ),
        ));
        header.push(format!(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="center" w:pos="1588"/></w:tabs></w:pPr>{tab}{}</w:p>"#,
            run("V/v triển khai Kế hoạch số 111-KH/TU", r#"<w:sz w:val="24"/>"#)
        ));
    }
    format!("{}{}{}", &x[..start], header.concat(), &x[end..])
}

/// The công văn's header typed by hand (see [`typed_header`]) reads as its table did: nothing
/// is found that was not found before.
#[test]
fn a_header_typed_with_tabs_reads_as_its_table() {
    let dir = tempdir();
    let (base, typed) = typed_cong_van(dir.path(), true);
    let (before, after) = (codes(&base, dir.path()), codes(&typed, dir.path()));
    let added: Vec<&String> = after
        .keys()
        .filter(|k| after[*k] > before.get(*k).copied().unwrap_or(0))
        .collect();
    assert!(added.is_empty(), "{after:?}");
}

/// A header typed by hand with no Số or date line of its own (a quy trình's) ends at the Tiêu
/// ngữ: a place-and-date line typed under the text above the signatures is the closing's, and
/// the text between stays the text (it was read as the organ, line by line).
#[test]
fn a_closing_date_line_is_not_the_typed_headers() {
    let dir = tempdir();
    let (_, typed) = typed_cong_van(dir.path(), false);
    same_findings(&typed, &closing_date_line);
}

/// The công văn rendered into `dir`, and a copy with its header typed by hand.
fn typed_cong_van(dir: &Path, so_line: bool) -> (PathBuf, PathBuf) {
    let base = sample(dir, "cong-van-2623-ubnd-ncxdpl-2019");
    let typed = dir.join("typed.docx");
    mutate(&base, "word/document.xml", &typed, &|x| {
        typed_header(x, so_line)
    });
    (base, typed)
}

/// A công văn numbered with its organ's name without the word for its kind (`CT-CN` for Sở
/// Công Thương, as Bộ Tài chính writes `TC-TCDN`) is not taken for a chỉ thị's ký hiệu.
#[test]
fn a_cong_van_numbered_with_its_organs_short_name_is_no_chi_thi() {
    sample_reads_the_same("cong-van-sct-lay-y-kien-2026", &|x| {
        x.replacen("/SCT-CN<", "/CT-CN<", 1)
    });
}

/// A copy published without its signature still has a text that ends: its last sentence
/// without "./." is reported, besides the missing signature.
#[test]
fn a_text_without_its_signature_still_ends_with_the_mark() {
    let unsigned = |x: &str| {
        let at = x.rfind("<w:tbl>").expect("the closing table");
        let end = x.rfind("</w:tbl>").unwrap() + "</w:tbl>".len();
        format!("{}{}", &x[..at], &x[end..])
    };
    let marked = codes_of_edited("cong-van-2623-ubnd-ncxdpl-2019", "unsigned", &unsigned);
    assert!(!marked.contains(&"ND30-END-MARK".to_string()), "{marked:?}");
    let c = codes_of_edited("cong-van-2623-ubnd-ncxdpl-2019", "unmarked", &|x| {
        unsigned(x).replacen("./.", ".", 1)
    });
    assert!(c.contains(&"ND30-END-MARK".to_string()), "{c:?}");
    assert!(c.contains(&"ND30-SIGNATURE-MISSING".to_string()), "{c:?}");
}

/// A place-and-date line typed above the closing table: the text's last paragraph is still
/// the one above it, and its "./." is where it should be.
#[test]
fn the_text_ends_above_a_closing_date_line() {
    sample_reads_the_same("cong-van-2623-ubnd-ncxdpl-2019", &closing_date_line);
}

/// The document with a centred place-and-date line before its closing table.
fn closing_date_line(x: &str) -> String {
    let at = x.rfind("<w:tbl>").expect("the closing table");
    let date = r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:i/><w:sz w:val="28"/></w:rPr><w:t>………, ngày 09 tháng 10 năm 2019</w:t></w:r></w:p>"#;
    format!("{}{date}{}", &x[..at], &x[at..])
}

/// An empty 5 pt spacer between the tên loại and the trích yếu (a state company's quyết định
/// has one) leaves the title as it was: no "no trích yếu", and the căn cứ are still căn cứ.
#[test]
fn a_spacer_under_the_ten_loai_keeps_the_trich_yeu() {
    sample_reads_the_same("quyet-dinh", &|x| {
        let at = x.find(">QUYẾT ĐỊNH<").expect("the tên loại");
        let end = at + x[at..].find("</w:p>").unwrap() + "</w:p>".len();
        let spacer = r#"<w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/><w:rPr><w:sz w:val="10"/></w:rPr></w:pPr></w:p>"#;
        format!("{}{spacer}{}", &x[..end], &x[end..])
    });
}

/// Genuine documents: the same changes on files others made find the same rules.
fn genuine_cases() -> Vec<Case> {
    vec![
        case("bottom margin 15 mm", "ND30-MARGIN-BOTTOM", |x| {
            x.replace(r#"w:bottom="1134""#, r#"w:bottom="850""#)
        }),
        case("one run in Arial", "ND30-FONT", |x| {
            in_paragraph(x, "Sở Công Thương nhận được", |p| {
                // The paragraph mark's fonts come first; the first run's next.
                nth(p, r#"w:hAnsi="Times New Roman""#, r#"w:hAnsi="Arial""#, 1)
            })
        }),
        case("Quốc hiệu not bold", "ND30-QUOC-HIEU-BOLD", |x| {
            in_paragraph(x, "CỘNG HOÀ XÃ HỘI", |p| {
                p.replace("<w:b/>", "<w:b w:val=\"0\"/>")
            })
        }),
        case("Tiêu ngữ words", "ND30-TIEU-NGU", |x| {
            x.replace("Tự do", "Tự Do")
        }),
        case("a Nơi nhận line without ;", "ND30-NOI-NHAN-PUNCT", |x| {
            in_paragraph(x, ">Ban Giám đốc Sở<", |p| {
                p.replace("<w:t>;</w:t>", "<w:t></w:t>")
            })
        }),
    ]
}

#[test]
fn each_mutation_of_a_genuine_cong_van_breaks_exactly_its_rule() {
    run_cases(&corpus("CV-lay-y-kien-So-Xay-dung.docx"), genuine_cases());
}

/// A công văn of the provincial UBND (Word, runs split at every edit).
fn genuine_ubnd_cases() -> Vec<Case> {
    vec![
        case("top margin 15 mm", "ND30-MARGIN-TOP", |x| {
            x.replace(r#"w:top="1361""#, r#"w:top="850""#)
        }),
        case("month 6 padded", "ND30-DATE-PAD", |x| {
            in_paragraph(x, "ngày      tháng", |p| p.replacen(">6<", ">06<", 1))
        }),
        case("Tiêu ngữ in title case", "ND30-TIEU-NGU", |x| {
            x.replace("Tự do - Hạnh phúc", "Tự do - Hạnh Phúc")
        }),
        case("a Nơi nhận line without ;", "ND30-NOI-NHAN-PUNCT", |x| {
            in_paragraph(x, "- Chủ tịch UBND tỉnh", |p| p.replace(">;<", "><"))
        }),
        case("Quốc hiệu not bold", "ND30-QUOC-HIEU-BOLD", |x| {
            in_paragraph(x, "CỘNG HÒA XÃ HỘI", |p| {
                p.replace("<w:b/>", "<w:b w:val=\"0\"/>")
            })
        }),
    ]
}

#[test]
fn each_mutation_of_a_genuine_ubnd_cong_van_breaks_exactly_its_rule() {
    run_cases(
        &corpus("cong-van-ubnd-tinh-chi-dao.docx"),
        genuine_ubnd_cases(),
    );
}

/// A quyết định of the UBND: căn cứ, Điều, điểm, Lưu.
fn genuine_quyet_dinh_cases() -> Vec<Case> {
    vec![
        case("left margin 28 mm", "ND30-MARGIN-LEFT", |x| {
            x.replace(r#"w:left="1701""#, r#"w:left="1588""#)
        }),
        case("căn cứ without its ;", "ND30-CAN-CU", |x| {
            x.replace("ngày 16/6/2025;", "ngày 16/6/2025")
        }),
        case("căn cứ in 11 pt", "ND30-CAN-CU", |x| {
            in_paragraph(x, "Căn cứ Luật Tổ chức chính", |p| {
                p.replace("<w:i/>", r#"<w:i/><w:sz w:val="22"/>"#)
            })
        }),
        case("Điều 2 numbered 5", "ND30-NUMBERING", |x| {
            x.replace(">Điều 2<", ">Điều 5<")
        }),
        case("điểm a) written b)", "ND30-DIEM-ORDER", |x| {
            x.replace(
                ">a) Khoảng cách an toàn về chấn động",
                ">b) Khoảng cách an toàn về chấn động",
            )
        }),
        case("tên loại in lower case", "ND30-TEN-LOAI", |x| {
            nth(x, ">QUYẾT ĐỊNH<", ">Quyết định<", 0)
        }),
        case("Lưu without VT", "ND30-LUU", |x| {
            x.replace(">- Lưu: VT, <", ">- Lưu: <")
        }),
        case("Lưu with VT joined to the unit", "ND30-LUU", |x| {
            x.replace(">- Lưu: VT, <", ">- Lưu: VT-<")
        }),
        case(
            "a Nơi nhận line without the space after its dash",
            "ND30-NOI-NHAN-PUNCT",
            |x| x.replace(">- Công an tỉnh;<", ">-Công an tỉnh;<"),
        ),
    ]
}

#[test]
fn each_mutation_of_a_genuine_quyet_dinh_breaks_exactly_its_rule() {
    run_cases(
        &corpus("QD-PANM-mo-da-Xuan-Hoa.docx"),
        genuine_quyet_dinh_cases(),
    );
}

/// Layouts typed by hand that print as the decree asks: the checker reads them as printed and
/// says nothing new. Each edit leaves the findings exactly as they were.
#[test]
fn hand_typed_layouts_read_as_they_print() {
    let dir = tempdir();
    let base = sample(dir.path(), "chi-thi-tien-giang-2014");
    let before = codes(&base, dir.path());
    let joined = |x: &str| {
        // The Quốc hiệu and the Tiêu ngữ in one paragraph, parted by a line break.
        let a = x.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t>").unwrap()
            + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".len();
        let b = x.find(r#"<w:t xml:space="preserve">Độc lập"#).unwrap()
            + r#"<w:t xml:space="preserve">"#.len();
        format!(
            "{}</w:t><w:br/><w:t xml:space=\"preserve\">{}",
            &x[..a],
            &x[b..]
        )
    };
    type Edit = Box<dyn Fn(&str) -> String>;
    let cases: Vec<(&str, Edit)> = vec![
        (
            "Quốc hiệu and Tiêu ngữ parted by a line break",
            Box::new(joined),
        ),
        (
            "the tên loại and the trích yếu parted by a line break",
            Box::new(|x: &str| {
                let head = "CHỈ THỊ</w:t></w:r>";
                let a = x.find(head).unwrap() + head.len();
                let b = a + x[a..].find("</w:pPr>").unwrap() + "</w:pPr>".len();
                format!("{}<w:r><w:br/></w:r>{}", &x[..a], &x[b..])
            }),
        ),
        (
            "the organ's rule typed as Symbol line extenders after a line break",
            Box::new(|x: &str| {
                let x = in_paragraph(x, "Straight Connector 1", |_| String::new());
                x.replacen(
                    "TỈNH TIỀN GIANG</w:t></w:r>",
                    "TỈNH TIỀN GIANG</w:t><w:br/></w:r><w:r><w:rPr><w:rFonts w:ascii=\"Symbol\" \
                     w:hAnsi=\"Symbol\"/><w:sz w:val=\"26\"/></w:rPr><w:t>\u{F0BE}\u{F0BE}\
                     \u{F0BE}\u{F0BE}</w:t></w:r>",
                    1,
                )
            }),
        ),
        (
            "a section break before the body's last paragraph",
            Box::new(|x: &str| {
                let a = x.rfind("<w:sectPr").unwrap();
                let b = x.rfind("</w:sectPr>").unwrap() + "</w:sectPr>".len();
                let sect = &x[a..b];
                let end = x.find("./.").unwrap();
                let p = [x[..end].rfind("<w:p>"), x[..end].rfind("<w:p ")]
                    .into_iter()
                    .flatten()
                    .max()
                    .unwrap();
                format!("{}<w:p><w:pPr>{sect}</w:pPr></w:p>{}", &x[..p], &x[p..])
            }),
        ),
        (
            "the body's 1,27 cm indent with a hairline whole-paragraph shift",
            Box::new(|x: &str| {
                x.replace(
                    r#"<w:ind w:left="0" w:right="0" w:firstLine="720"/>"#,
                    r#"<w:ind w:left="20" w:right="20" w:firstLine="720"/>"#,
                )
            }),
        ),
        (
            "a tab and a stray space before a body paragraph's first word",
            Box::new(|x: &str| {
                let end = x.find("./.").unwrap();
                let at = x[..end].rfind(r#"<w:t xml:space="preserve">"#).unwrap()
                    + r#"<w:t xml:space="preserve">"#.len();
                let p = [x[..at].rfind("<w:p>"), x[..at].rfind("<w:p ")]
                    .into_iter()
                    .flatten()
                    .max()
                    .unwrap();
                let tail = &x[p..];
                let para = &tail[..tail.find("</w:p>").unwrap()];
                let para_fixed = para.replacen(r#" w:firstLine="720""#, "", 1).replacen(
                    r#"<w:t xml:space="preserve">"#,
                    r#"<w:tab/><w:t xml:space="preserve"> "#,
                    1,
                );
                format!("{}{}{}", &x[..p], para_fixed, &tail[para.len()..])
            }),
        ),
        (
            "the year left as an ellipsis",
            Box::new(|x: &str| x.replace("năm 2014</w:t>", "năm …</w:t>")),
        ),
        (
            "the number left as dots",
            Box::new(|x: &str| {
                let a = x.find("Số:").unwrap() + "Số:".len();
                let b = a + x[a..].find("/CT-UBND").unwrap();
                format!("{} ……{}", &x[..a], &x[b..])
            }),
        ),
    ];
    let mut failures = Vec::new();
    for (i, (name, edit)) in cases.iter().enumerate() {
        let out = dir.path().join(format!("typed{i}.docx"));
        mutate(&base, "word/document.xml", &out, edit.as_ref());
        let after = codes(&out, dir.path());
        if after != before {
            failures.push(format!("{name}: {before:?} became {after:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Asserts that a corpus file with `edit` applied gets exactly the findings it had.
fn reads_the_same(file: &str, edit: &dyn Fn(&str) -> String) {
    same_findings(&corpus(file), edit);
}

/// Asserts that a rendered sample with `edit` applied gets exactly the findings it had.
fn sample_reads_the_same(name: &str, edit: &dyn Fn(&str) -> String) {
    let dir = tempdir();
    same_findings(&sample(dir.path(), name), edit);
}

fn same_findings(base: &Path, edit: &dyn Fn(&str) -> String) {
    let dir = tempdir();
    let before = codes(base, dir.path());
    let out = dir.path().join("edited.docx");
    mutate(base, "word/document.xml", &out, edit);
    assert_eq!(codes(&out, dir.path()), before);
}

/// A decision's căn cứ line that opens with the text it cites ("Thông tư số 23/2024/TT-BCT
/// …;", without "Căn cứ") is still in the căn cứ block: the lines after it are not the body,
/// and the block's last line is still the one that must end with ".".
#[test]
fn a_can_cu_line_without_its_opening_words_stays_in_the_block() {
    reads_the_same("QD-PANM-mo-da-Xuan-Hoa.docx", &|x| {
        x.replacen("Căn cứ Thông tư số 23/2024", "Thông tư số 23/2024", 1)
    });
}

/// A tên loại set left and pushed to the middle with typed spaces prints centred: it is
/// still the tên loại, and the document still a quyết định.
#[test]
fn a_ten_loai_pushed_with_spaces_is_the_ten_loai() {
    reads_the_same("QD-PANM-mo-da-Xuan-Hoa.docx", &|x| {
        in_paragraph(x, ">QUYẾT ĐỊNH<", |p| {
            p.replace(
                r#"<w:spacing w:line="240" w:lineRule="auto"/>"#,
                r#"<w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>"#,
            )
            .replace(
                "<w:t>QUYẾT ĐỊNH<",
                &format!(r#"<w:t xml:space="preserve">{}QUYẾT ĐỊNH<"#, " ".repeat(40)),
            )
        })
    });
}

/// A point typed with no space after its label (`b)Khoảng cách`) is still that point: the
/// order of the points after it holds.
#[test]
fn a_point_typed_without_its_space_keeps_the_order() {
    reads_the_same("QD-PANM-mo-da-Xuan-Hoa.docx", &|x| {
        x.replacen(
            ">b) Khoảng cách an toàn về tác",
            ">b)Khoảng cách an toàn về tác",
            1,
        )
    });
}

/// The reader goes by namespaces, not prefixes: a genuine document whose main part binds
/// WordprocessingML to `x:` instead of `w:` gets exactly the findings it had.
#[test]
fn another_prefix_for_wordprocessingml_reads_the_same() {
    reads_the_same("cong-van-ubnd-tinh-chi-dao.docx", &|x| {
        x.replace("<w:", "<x:")
            .replace("</w:", "</x:")
            .replace(" w:", " x:")
            .replace("xmlns:w=", "xmlns:x=")
    });
}

/// A paragraph with the text of every run taken out.
fn blank_texts(p: &str) -> String {
    let mut out = String::new();
    let mut rest = p;
    // `<w:t>` or `<w:t xml:space=…>`, not `<w:tab/>` or `<w:tabs>`.
    let next = |s: &str| {
        [s.find("<w:t>"), s.find("<w:t ")]
            .into_iter()
            .flatten()
            .min()
    };
    while let Some(i) = next(rest) {
        let open_end = i + rest[i..].find('>').unwrap() + 1;
        out.push_str(&rest[..open_end]);
        let close = open_end + rest[open_end..].find("</w:t>").unwrap();
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// The table holding `needle`, cut out of the part.
fn without_table(xml: &str, needle: &str) -> String {
    let at = xml
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the part"));
    let start = xml[..at].rfind("<w:tbl>").expect("a table around it");
    let end = at + xml[at..].find("</w:tbl>").expect("its end") + "</w:tbl>".len();
    format!("{}{}", &xml[..start], &xml[end..])
}

/// A header whose organ, number and date cannot be found, and a closing with neither a
/// signature nor a Nơi nhận, are each said once ("not read"), not as a cascade of errors.
#[test]
fn an_unread_header_or_closing_is_said_once() {
    let dir = tempdir();
    run_cases(
        &sample(dir.path(), "chi-thi-tien-giang-2014"),
        vec![case(
            "closing block cut out, its authority line left as a text line",
            "ND30-CLOSING-UNREAD",
            |x| {
                let cut = without_table(x, "Nơi nhận:");
                let at = cut.rfind("<w:sectPr").unwrap();
                format!(
                    "{}{}{}",
                    &cut[..at],
                    r#"<w:p><w:pPr><w:spacing w:before="120" w:after="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t>TM. ỦY BAN NHÂN DÂN</w:t></w:r></w:p>"#,
                    &cut[at..]
                )
            },
        )],
    );
    let base = sample(dir.path(), "chi-thi-tien-giang-2014");
    let out = dir.path().join("unread-header.docx");
    // The header's organ, number and date taken out of its table and typed as text lines
    // further down, where the header is no longer looked for.
    mutate(&base, "word/document.xml", &out, &|x| {
        let x = in_paragraph(x, "ỦY BAN NHÂN DÂN", blank_texts);
        let x = in_paragraph(&x, "TỈNH TIỀN GIANG", blank_texts);
        let x = in_paragraph(&x, "Số:", blank_texts);
        let x = in_paragraph(&x, "Tiền Giang, ngày", blank_texts);
        let line = |t: &str| {
            format!(
                r#"<w:p><w:pPr><w:spacing w:before="120" w:after="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">{t}</w:t></w:r></w:p>"#
            )
        };
        let body = x.find("Những năm qua, công tác vận động").unwrap();
        let at = x[..body].rfind("<w:p>").unwrap();
        format!(
            "{}{}{}{}",
            &x[..at],
            line("Số: 12/CT-UBND"),
            line("Tiền Giang, ngày 05 tháng 3 năm 2014"),
            &x[at..]
        )
    });
    let c = codes(&out, dir.path());
    assert_eq!(
        c.keys().collect::<Vec<_>>(),
        ["ND30-HEADER-UNREAD"],
        "{c:?}"
    );
}

/// A document typed without diacritics gets one finding naming the cause, instead of one for
/// every line whose words no longer match the decree's.
#[test]
fn a_document_without_diacritics_is_named_once() {
    let dir = tempdir();
    let base = sample(dir.path(), "chi-thi-tien-giang-2014");
    let out = dir.path().join("khong-dau.docx");
    mutate(&base, "word/document.xml", &out, &|x| {
        use unicode_normalization::UnicodeNormalization;
        x.nfd()
            .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
            .map(|c| match c {
                'đ' => 'd',
                'Đ' => 'D',
                c => c,
            })
            .collect()
    });
    let c = codes(&out, dir.path());
    assert_eq!(
        c.keys().collect::<Vec<_>>(),
        ["ND30-NO-DIACRITICS"],
        "{c:?}"
    );
}

/// A document typed in TCVN3 (as offices did before Unicode) reads as it printed under its
/// fonts: its findings are the Unicode document's, and one more that names the encoding
/// instead of the fonts.
#[test]
fn a_document_in_a_legacy_encoding_reads_as_it_printed() {
    let dir = tempdir();
    let base = sample(dir.path(), "chi-thi-tien-giang-2014");
    let font = dir.path().join("vntime.docx");
    mutate(&base, "word/styles.xml", &font, &|x| {
        x.replace("Times New Roman", ".VnTime")
    });
    let out = dir.path().join("tcvn3.docx");
    mutate(&font, "word/document.xml", &out, &in_tcvn3);
    let mut expected = codes(&base, dir.path());
    expected.insert("ND30-LEGACY-ENCODING".into(), 1);
    // The page number is set in `.VnTime` too: the page rules say so.
    expected.insert("ND30-PAGE-NUMBER-STYLE".into(), 1);
    assert_eq!(codes(&out, dir.path()), expected);
    // Unicode text left in the old font is no legacy encoding: the font rule says it.
    let font_only = codes(&font, dir.path());
    assert!(
        !font_only.contains_key("ND30-LEGACY-ENCODING"),
        "{font_only:?}"
    );
    assert!(font_only.contains_key("ND30-FONT"), "{font_only:?}");
}

/// The document's text in TCVN3 as Word keeps it: each byte as its Latin-1 character, a run
/// in capitals in `.VnTimeH` (whose glyphs draw the lower-case bytes as capitals).
fn in_tcvn3(x: &str) -> String {
    let mut out = String::with_capacity(x.len());
    for (i, run) in x.split("<w:r><w:rPr>").enumerate() {
        if i > 0 {
            out.push_str("<w:r><w:rPr>");
        }
        let text = run
            .find("<w:t")
            .and_then(|a| Some((a, a + run[a..].find('>')? + 1)))
            .and_then(|(a, b)| Some((a, b, b + run[b..].find("</w:t>")?)));
        let Some((_, b, e)) = text else {
            out.push_str(run);
            continue;
        };
        let t = &run[b..e];
        let capitals = t.chars().any(char::is_alphabetic) && t.to_uppercase() == t;
        if capitals && !t.is_ascii() {
            out.push_str(r#"<w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/>"#);
        }
        out.push_str(&run[..b]);
        let t = if capitals && !t.is_ascii() {
            t.to_lowercase()
        } else {
            t.to_string()
        };
        out.extend(t.chars().map(|c| tcvn3(c).unwrap_or(c)));
        out.push_str(&run[e..]);
    }
    out
}

/// The TCVN3 (ABC) byte of a Vietnamese letter, read as Latin-1: lower-case letters and the
/// seven bare capitals (a capital with a tone mark is typed in the capitals font).
fn tcvn3(c: char) -> Option<char> {
    const FROM: &str = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂÊÔƠƯĐ";
    const TO: &str =
        "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u{AD}õøö÷ùúýûüþ¡¢£¤¥¦§";
    let i = FROM.chars().position(|f| f == c)?;
    TO.chars().nth(i)
}

/// Every rule of the table fires in one of the cases above; the notes fire on the samples
/// themselves (a blank number and day) and ND30-NOT-ND30 on the Party document.
#[test]
fn every_rule_has_a_case_that_fires_it() {
    let mut fired: Vec<&str> = [
        chi_thi_cases(),
        cong_van_cases(),
        cong_van_sct_cases(),
        quyet_dinh_cases(),
        genuine_cases(),
        genuine_ubnd_cases(),
        genuine_quyet_dinh_cases(),
    ]
    .iter()
    .flatten()
    .map(|c| c.code)
    .collect();
    // The scope note and the lost diacritics have their own tests below.
    fired.extend([
        "ND30-NOT-ND30",
        "ND30-DATE-BLANK",
        "ND30-NO-DIACRITICS",
        "ND30-LEGACY-ENCODING",
        "ND30-HEADER-UNREAD",
        "ND30-CLOSING-UNREAD",
        // A subject of another level: `drafts::a_subject_of_another_level_is_flagged`.
        "ND30-CHU-THE",
    ]);
    let missing: Vec<&str> = vbhc::check::rules::RULES
        .iter()
        .map(|r| r.code)
        .filter(|c| !fired.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a firing case: {missing:?}"
    );
}

/// The codes `vbhc check` reports for the rendered sample `base` with `edit` applied.
fn codes_of_edited(base: &str, name: &str, edit: &dyn Fn(&str) -> String) -> Vec<String> {
    let dir = tempdir();
    let base = sample(dir.path(), base);
    let out = dir.path().join(format!("{name}.docx"));
    mutate(&base, "word/document.xml", &out, edit);
    codes(&out, dir.path()).into_keys().collect()
}

/// The rendered chỉ thị's own codes, for a change that should leave them as they are.
fn codes_of_chi_thi() -> Vec<String> {
    let dir = tempdir();
    let base = sample(dir.path(), "chi-thi-tien-giang-2014");
    codes(&base, dir.path()).into_keys().collect()
}

/// The rendered chỉ thị with `edit` applied.
fn codes_of_edited_chi_thi(name: &str, edit: &dyn Fn(&str) -> String) -> Vec<String> {
    codes_of_edited("chi-thi-tien-giang-2014", name, edit)
}

#[test]
fn a_party_document_gets_one_note() {
    let c = codes_of_edited_chi_thi("party", &|x| {
        x.replace(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "ĐẢNG CỘNG SẢN VIỆT NAM",
        )
        .replace("/CT-UBND", "-CT/TU")
    });
    assert_eq!(c, ["ND30-NOT-ND30"]);
}

/// A quy trình under an organ and the Quốc hiệu is an office's own administrative text, checked
/// as the decree's types are; a slip (phiếu) under the same header is a form, set aside.
#[test]
fn a_quy_trinh_under_a_state_header_is_checked_and_a_phieu_is_not() {
    let quy_trinh =
        codes_of_edited_chi_thi("quy-trinh", &|x| x.replace(">CHỈ THỊ<", ">QUY TRÌNH<"));
    assert!(
        !quy_trinh.iter().any(|c| c == "ND30-NOT-ND30"),
        "{quy_trinh:?}"
    );
    let phieu = codes_of_edited_chi_thi("phieu", &|x| x.replace(">CHỈ THỊ<", ">PHIẾU GHI NHẬN<"));
    assert_eq!(phieu, ["ND30-NOT-ND30"]);
}

/// Points quoted from a law keep the law's letters: an "e)" after "…" inside a passage that
/// opens with "“" is not out of the document's order. The same "e)" outside a quote is.
#[test]
fn points_quoted_from_a_law_keep_their_letters() {
    let quoted = |open: &'static str| {
        move |x: &str| {
            in_paragraph(x, "Tổng khối lượng vật liệu nổ", |p| {
                let quote = p
                    .replacen(
                        ">b) <",
                        &format!(">{open}1. Giá đất cụ thể được áp dụng: <"),
                        1,
                    )
                    .replace("Tổng khối lượng vật liệu nổ", "Điều khoản được trích");
                format!("{quote}{}", p.replace(">b) <", ">e) <"))
            })
        }
    };
    let inside = codes_of_edited("quyet-dinh", "quoted-points", &quoted("“"));
    assert!(!inside.iter().any(|c| c == "ND30-DIEM-ORDER"), "{inside:?}");
    let outside = codes_of_edited("quyet-dinh", "unquoted-points", &quoted(""));
    assert!(
        outside.iter().any(|c| c == "ND30-DIEM-ORDER"),
        "{outside:?}"
    );
}

/// A cover page in a section of its own before the header ("02 QUY TRÌNH Quản lý dự án …") is
/// neither the organ nor a document the header then follows: the findings are the document's
/// without it.
#[test]
fn a_cover_page_before_the_header_is_not_the_organ() {
    let plain = codes_of_chi_thi();
    let covered = codes_of_edited_chi_thi("cover", &|x| {
        x.replacen(
            "<w:body>",
            r#"<w:body><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>02 QUY TRÌNH Quản lý dự án đầu tư xây dựng</w:t></w:r></w:p><w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:pPr></w:p>"#,
            1,
        )
    });
    assert_eq!(covered, plain);
}

/// The quyết định's point "b) Tổng khối lượng …" with another paragraph set after it, the same
/// paragraph but for its letter run (`letter`, "" for none) and its text.
fn after_point_b(x: &str, letter: &str, text: &str) -> String {
    const B: &str = "Tổng khối lượng vật liệu nổ công nghiệp sử dụng trong năm: thuốc nổ các loại 9.600 kg; kíp nổ các loại 9.200 cái; dây nổ 4.000 m.";
    in_paragraph(x, B, |p| {
        assert!(p.contains(">b) <"), "{p}");
        let q = p
            .replacen(">b) <", &format!(">{letter}<"), 1)
            .replace(B, text);
        format!("{p}{q}")
    })
}

/// A sentence that opens with an article it cites ("Điều 26 Luật Bảo hiểm y tế quy định …") is
/// not the document's own article out of sequence; the same line as a heading is.
#[test]
fn a_cited_article_is_not_out_of_sequence() {
    let cited = codes_of_edited("quyet-dinh", "cited-article", &|x| {
        after_point_b(x, "", "Điều 26 Luật Bảo hiểm y tế quy định mức đóng.")
    });
    assert!(!cited.iter().any(|c| c == "ND30-NUMBERING"), "{cited:?}");
    let heading = codes_of_edited("quyet-dinh", "stray-article", &|x| {
        after_point_b(x, "", "Điều 26. Mức đóng")
    });
    assert!(heading.iter().any(|c| c == "ND30-NUMBERING"), "{heading:?}");
}

/// A sentence ending in a colon opens a list of its own: its "a)" after the "b)" of the list
/// above is no break in the order; a "d)" there still is.
#[test]
fn a_list_under_a_colon_starts_again_from_a() {
    let list = |letter: &'static str| {
        move |x: &str| {
            let x = after_point_b(x, letter, "Vốn điều lệ do ngân sách nhà nước cấp;");
            after_point_b(&x, "", "Phương án 2 gồm các nguồn sau đây:")
        }
    };
    let again = codes_of_edited("quyet-dinh", "list-again", &list("a) "));
    assert!(!again.iter().any(|c| c == "ND30-DIEM-ORDER"), "{again:?}");
    let skipped = codes_of_edited("quyet-dinh", "list-skips", &list("d) "));
    assert!(
        skipped.iter().any(|c| c == "ND30-DIEM-ORDER"),
        "{skipped:?}"
    );
}

/// The list of enclosures a tờ trình closes with, after the sentence that carries "./.", is a
/// note: the body still ends with its end mark.
#[test]
fn an_enclosure_note_after_the_end_mark_is_not_the_body() {
    let c = codes_of_edited_chi_thi("enclosures", &|x| {
        let i = x.rfind("./.").unwrap();
        let j = i + x[i..].find("</w:p>").unwrap() + "</w:p>".len();
        format!(
            "{}<w:p><w:r><w:rPr><w:i/></w:rPr><w:t>(Xin gửi kèm theo: Báo cáo số 12/BC-UBND; Dự thảo Kế hoạch).</w:t></w:r></w:p>{}",
            &x[..j],
            &x[j..]
        )
    });
    assert!(!c.iter().any(|c| c == "ND30-END-MARK"), "{c:?}");
}

/// A header cell merged over two grid columns (a narrow spacer column and the right column,
/// `w:gridSpan`) is as wide as both: the Quốc hiệu in it does not wrap.
#[test]
fn a_merged_header_cell_is_as_wide_as_its_columns() {
    let plain = codes_of_chi_thi();
    let merged = codes_of_edited_chi_thi("merged-cell", &|x| {
        let grid = r#"<w:gridCol w:w="5896"/>"#;
        let cell = r#"<w:tcW w:w="5896" w:type="dxa"/>"#;
        assert!(
            x.contains(grid) && x.contains(cell),
            "the header table changed"
        );
        x.replacen(grid, r#"<w:gridCol w:w="250"/><w:gridCol w:w="5646"/>"#, 1)
            .replacen(cell, &format!(r#"{cell}<w:gridSpan w:val="2"/>"#), 1)
    });
    assert_eq!(merged, plain);
}

/// A rule drawn as a VML straight connector (`v:shape type="#_x0000_t32"`, as Word 2003 drew a
/// ministry's header rules) is the rule it draws: the organ's rule so drawn, as long as the
/// DrawingML one it replaces, changes no finding.
#[test]
fn a_rule_drawn_as_a_vml_connector_is_a_rule() {
    let plain = codes_of_chi_thi();
    let vml = codes_of_edited_chi_thi("vml-connector", &|x| {
        let start = x.find("<w:drawing>").unwrap();
        let end = start + x[start..].find("</w:drawing>").unwrap() + "</w:drawing>".len();
        let i = x[start..].find("<wp:extent cx=\"").unwrap() + start + 15;
        let cx: f64 = x[i..i + x[i..].find('"').unwrap()].parse().unwrap();
        format!(
            r##"{}<w:pict xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><v:shape id="_x0000_s1028" type="#_x0000_t32" style="position:absolute;margin-left:55pt;margin-top:5pt;width:{:.2}pt;height:0" o:connectortype="straight"/></w:pict>{}"##,
            &x[..start],
            cx / 12700.0,
            &x[end..]
        )
    });
    assert_eq!(vml, plain);
}

/// A table of contents above the header, in the header's section (a drafting board's tờ trình
/// opens with one), is not body text: its 16 pt, unindented lines change no finding.
#[test]
fn contents_above_the_header_are_not_the_body() {
    let plain = codes_of_chi_thi();
    let toc = codes_of_edited_chi_thi("contents", &|x| {
        let line = |t: &str| {
            format!(
                r#"<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:sz w:val="32"/></w:rPr><w:t>{t}</w:t></w:r></w:p>"#
            )
        };
        x.replacen(
            "<w:body>",
            &format!(
                "<w:body>{}{}",
                line("Phần I. Sự cần thiết ban hành và mục đích, quan điểm xây dựng văn bản ........ 3."),
                line("Phần II. Bố cục và nội dung cơ bản của dự thảo, những vấn đề xin ý kiến ........ 7.")
            ),
            1,
        )
    });
    assert_eq!(toc, plain);
}

/// A sentence that opens by citing a chapter ("Chương V của dự thảo luật quy định …") is no
/// heading: the points around it stay one list.
#[test]
fn a_cited_chapter_does_not_restart_the_points() {
    let c = codes_of_edited("quyet-dinh", "cited-chapter", &|x| {
        let x = after_point_b(x, "c) ", "Nguồn kinh phí thực hiện;");
        after_point_b(
            &x,
            "",
            "Chương V của dự thảo luật quy định về công nhận giới tính.",
        )
    });
    assert!(!c.iter().any(|c| c == "ND30-DIEM-ORDER"), "{c:?}");
}

/// A Viện numbered its tờ trình `16-2025/TTr-…`: number and year joined by a hyphen, under the
/// state's Quốc hiệu. That is an odd number, not a Party one (`11-CT/TU`, a type after the hyphen,
/// under "ĐẢNG CỘNG SẢN VIỆT NAM"): the document is checked.
#[test]
fn a_number_joined_to_its_year_is_not_a_party_number() {
    let c = codes_of_edited_chi_thi("number-year", &|x| x.replace("/CT-UBND", "-2014/CT-UBND"));
    assert!(!c.iter().any(|c| c == "ND30-NOT-ND30"), "{c:?}");
    assert!(c.len() > 1, "{c:?}");
}

#[test]
fn a_legal_normative_document_gets_one_note() {
    // Before 2015 a chỉ thị could be legal-normative: its number carried the year.
    let c = codes_of_edited_chi_thi("qppl", &|x| x.replace("/CT-UBND", "/2014/CT-UBND"));
    assert_eq!(c, ["ND30-NOT-ND30"]);
}

/// A meeting's agenda (a title over a timetable, nothing else) is a handout sent with the
/// invitation: one note, not a missing Quốc hiệu and a tên loại in lower case.
#[test]
fn a_meeting_agenda_gets_one_note() {
    let c = codes_of_edited_chi_thi("agenda", &|x| {
        let a = x.find("<w:body>").unwrap() + "<w:body>".len();
        let b = x.rfind("<w:sectPr").unwrap();
        let p = |t: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>");
        let cell = |t: &str| {
            format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
                p(t)
            )
        };
        let row = |a: &str, b: &str| format!("<w:tr>{}{}</w:tr>", cell(a), cell(b));
        format!(
            "{}{}{}<w:tbl><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/></w:tblGrid>{}{}{}</w:tbl>{}{}",
            &x[..a],
            p("Chương trình Hội nghị"),
            p("Ngày     /7/2023"),
            row("Thời gian", "Nội dung"),
            row("8h00 – 8h30", "Đón tiếp đại biểu"),
            row("8h30 – 9h00", "Khai mạc hội nghị"),
            p(""),
            &x[b..]
        )
    });
    assert_eq!(c, ["ND30-NOT-ND30"]);
}

/// A quy chế a circular (or a ministry's numbered-with-its-year decision) brings in is part of
/// a legal-normative document: one note. The province's own decision keeps it in scope.
#[test]
fn a_text_issued_with_a_circular_gets_one_note() {
    let c = codes_of_edited("quy-che", "circular", &|x| {
        x.replace(
            "Quyết định số 162/2025/QĐ-UBND",
            "Thông tư số 27/2009/TT-BGDĐT",
        )
    });
    assert_eq!(c, ["ND30-NOT-ND30"]);
    let c = codes_of_edited("quy-che", "ministry", &|x| {
        x.replace("162/2025/QĐ-UBND", "60/2007/QĐ-BGDĐT")
    });
    assert_eq!(c, ["ND30-NOT-ND30"]);
    assert!(
        codes_of_edited("quy-che", "province", &|x| x
            .replace("162/2025", "163/2025"))
        .is_empty()
    );
}

/// A quy trình (no type of Điều 7) issued with a decision, still a draft with its stamp over
/// the title, is the decision's attachment: checked, and asked no number, date, signature or
/// Nơi nhận of its own; the stamp is no body text.
#[test]
fn a_draft_quy_trinh_issued_with_a_decision_is_checked_as_an_attachment() {
    let c = codes_of_edited("quy-che", "quy-trinh", &|x| {
        let title = x.find(">QUY CHẾ<").expect("the title");
        let p = x[..title].rfind("<w:p>").unwrap();
        let stamp = "<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>\
                     <w:t>DỰ THẢO</w:t></w:r></w:p>";
        format!("{}{stamp}{}", &x[..p], &x[p..]).replace(">QUY CHẾ<", ">QUY TRÌNH<")
    });
    assert!(c.is_empty(), "{c:?}");
}

/// A phụ lục of an administrative decision, sent on its own (Mẫu 2.1: "Phụ lục 1", its title
/// in capitals, "(Kèm theo Quyết định số …)", no header): in scope, and clean when it is
/// right. The decree sets the phụ lục's title in capitals: no "trích yếu in capitals".
#[test]
fn a_phu_luc_of_a_decision_is_checked_and_its_capital_title_passes() {
    let c = codes_of_edited("quy-che", "phu-luc", &|x| {
        let a = x.find("<w:tbl>").expect("the header table");
        let b = x.find("</w:tbl>").unwrap() + "</w:tbl>".len();
        let x = format!("{}{}", &x[..a], &x[b..])
            .replace(">QUY CHẾ<", ">PHỤ LỤC 1<")
            .replace(
                "(Ban hành kèm theo Quyết định số 162/2025/QĐ-UBND",
                "(Kèm theo Quyết định số 1620/QĐ-UBND",
            );
        let at = x.find("Quản lý, vận hành").expect("the title");
        let end = at + x[at..].find("</w:p>").unwrap();
        let start = x[..at].rfind("<w:p>").unwrap();
        let mut title = String::new();
        let mut rest = &x[start..end];
        while let Some(i) = rest.find("<w:t") {
            let open = i + rest[i..].find('>').unwrap() + 1;
            let close = open + rest[open..].find("</w:t>").unwrap();
            title.push_str(&rest[..open]);
            title.push_str(&rest[open..close].to_uppercase());
            rest = &rest[close..];
        }
        title.push_str(rest);
        format!("{}{title}{}", &x[..start], &x[end..])
    });
    assert!(c.is_empty(), "{c:?}");
}

/// A one-page letter with a form to fill set after its signature, under its own "Mẫu …" title
/// (a công văn of Cục PCCC asks units to fill an assessment form): the form is numbered apart,
/// as a phụ lục is, so the letter needs no page numbers for it.
#[test]
fn a_form_after_the_signature_is_numbered_apart() {
    let form = |x: &str| {
        let i = x.find(r#"<w:headerReference w:type="default""#).unwrap();
        let end = i + x[i..].find("/>").unwrap() + 2;
        let x = format!("{}{}", &x[..i], &x[end..]);
        let b = x.rfind("<w:sectPr").unwrap();
        let p = |t: &str| format!("<w:p><w:r><w:t xml:space=\"preserve\">{t}</w:t></w:r></w:p>");
        let mut lines = p("Mẫu đánh giá tình hình thực hiện quy chuẩn");
        for n in 1..=25 {
            lines.push_str(&p(&format!("{n}. Nội dung đánh giá: ....................")));
        }
        format!("{}{lines}{}", &x[..b], &x[b..])
    };
    let c = codes_of_edited("cong-van-sct-lay-y-kien-2026", "form", &form);
    assert!(
        !c.contains(&"ND30-PAGE-NUMBER-MISSING".to_string()),
        "{c:?}"
    );
    // The same lines without their "Mẫu" title are more of the letter: it runs to two pages.
    let c = codes_of_edited("cong-van-sct-lay-y-kien-2026", "no-form", &|x| {
        form(x).replace("Mẫu đánh giá", "Đánh giá")
    });
    assert!(c.contains(&"ND30-PAGE-NUMBER-MISSING".to_string()), "{c:?}");
}
