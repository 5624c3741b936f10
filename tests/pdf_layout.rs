//! Looks at the pages as LibreOffice lays them out (Liberation Serif has Times New Roman's
//! metrics): the Quốc hiệu sits in the right column at the top of page 1, page 1 shows no
//! page number, page 2 shows "2" at the top centre, and the rules are drawn where they belong.

use crate::common::*;
use std::path::{Path, PathBuf};

struct Word {
    page: usize,
    x: f64,
    y: f64,
    x2: f64,
    /// Bottom of the word's box (its descenders).
    y2: f64,
    text: String,
}

fn convert(docs: &[PathBuf], dir: &Path) {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    let mut cmd = tool(
        "soffice",
        "apt-get install libreoffice-writer-nogui fonts-liberation2",
    );
    cmd.args([
        profile.as_str(),
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
    ])
    .arg(dir);
    cmd.args(docs);
    let o = cmd.output().unwrap();
    assert!(
        o.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn words(pdf: &Path) -> (f64, Vec<Word>) {
    let html = pdf.with_extension("html");
    let o = tool("pdftotext", "apt-get install poppler-utils")
        .arg("-bbox")
        .arg(pdf)
        .arg(&html)
        .output()
        .unwrap();
    assert!(o.status.success());
    let s = std::fs::read_to_string(&html).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let i = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[i..].split('"').next().unwrap().parse().unwrap()
    };
    let mut page = 0;
    let mut width = 0.0;
    let mut out = Vec::new();
    for piece in s.split('<').skip(1) {
        if piece.starts_with("page ") {
            page += 1;
            // Page 1's width: a later phụ lục section may be landscape.
            if page == 1 {
                width = attr(piece, "width");
            }
        } else if piece.starts_with("word ") {
            let text = piece.split('>').nth(1).unwrap_or("").to_string();
            out.push(Word {
                page,
                x: attr(piece, "xMin"),
                y: attr(piece, "yMin"),
                x2: attr(piece, "xMax"),
                y2: attr(piece, "yMax"),
                text,
            });
        }
    }
    (width, out)
}

#[test]
fn header_and_page_numbers_where_the_decree_puts_them() {
    let dir = tempdir();
    let samples = samples();
    let docs: Vec<PathBuf> = samples.iter().map(|s| render(s, dir.path())).collect();
    convert(&docs, dir.path());
    let mut two_page = 0;
    for d in &docs {
        let pdf = d.with_extension("pdf");
        let (width, ws) = words(&pdf);
        let name = d.file_name().unwrap().to_string_lossy();
        // Quốc hiệu: right column, top of page 1.
        let qh = ws
            .iter()
            .find(|w| w.page == 1 && w.text == "CỘNG")
            .unwrap_or_else(|| panic!("{name}: no Quốc hiệu"));
        assert!(
            qh.x > width * 0.35 && qh.y < 110.0,
            "{name}: Quốc hiệu at ({}, {})",
            qh.x,
            qh.y
        );
        // Top margin is 20 mm = 56.7 pt: nothing on page 1 above the header table but page
        // numbers would sit there.
        assert!(
            ws.iter().all(|w| !(w.page == 1 && w.y < 50.0)),
            "{name}: something printed in page 1's top margin"
        );
        if let Some(n) = ws.iter().find(|w| w.page == 2 && w.y < 50.0) {
            two_page += 1;
            assert_eq!(n.text, "2", "{name}: page 2 number");
            let centre = (n.x + n.x2) / 2.0;
            // Centred in the text area: 30 mm left, 20 mm right margin.
            let text_centre = (85.04 + (width - 56.69)) / 2.0;
            assert!(
                (centre - text_centre).abs() < 6.0,
                "{name}: page number at {centre}, text centre {text_centre}"
            );
        } else if ws.iter().any(|w| w.page == 2) {
            // Only a phụ lục's first page (its own section, numbered from 1) has no number.
            assert!(
                ws.iter()
                    .any(|w| w.page == 2 && w.text == "Phụ" && w.y < 150.0),
                "{name}: page 2 has no number at the top"
            );
        }
    }
    assert!(two_page >= 2, "at least two samples run past one page");
}

/// The rules come out of LibreOffice as line paths: the Tiêu ngữ's as long as its text.
#[test]
fn rule_under_tieu_ngu_is_as_long_as_its_text() {
    let dir = tempdir();
    let sample = root().join("samples/chi-thi-tien-giang-2014.toml");
    let docx = render(&sample, dir.path());
    convert(std::slice::from_ref(&docx), dir.path());
    let pdf = docx.with_extension("pdf");
    let (_, ws) = words(&pdf);
    let first = ws.iter().find(|w| w.page == 1 && w.text == "Độc").unwrap();
    let last = ws.iter().find(|w| w.page == 1 && w.text == "phúc").unwrap();
    let text_len = last.x2 - first.x;
    let svg = dir.path().join("p1.svg");
    let o = tool("pdftocairo", "apt-get install poppler-utils")
        .args(["-svg", "-f", "1", "-l", "1"])
        .arg(&pdf)
        .arg(&svg)
        .output()
        .unwrap();
    assert!(o.status.success());
    let segs = horizontal_segments(&std::fs::read_to_string(&svg).unwrap());
    // The Tiêu ngữ's rule: starts under its first letter, within 30 pt below its top.
    let (x1, x2, y) = *segs
        .iter()
        .find(|(x1, _, y)| *y > first.y && *y < first.y + 30.0 && (x1 - first.x).abs() < 3.0)
        .expect("a horizontal rule right under the Tiêu ngữ");
    let len = x2 - x1;
    // Clear of the descenders (a rule through the dots under ị, ạ reads as a strike), yet
    // right under the line.
    let gap = y - first.y2.max(last.y2);
    assert!(
        (1.5..8.0).contains(&gap),
        "rule {gap:.2} pt below the Tiêu ngữ's box"
    );
    assert!(
        (len - text_len).abs() < 1.5,
        "rule {len:.2} pt vs text {text_len:.2} pt"
    );

    // The rule under the agency name: centred under it, 1/3 to 1/2 of its longest line.
    let segs: Vec<(f64, f64, f64)> = segs
        .into_iter()
        .filter(|(x1, x2, _)| x2 - x1 > 10.0)
        .collect();
    let qh = ws.iter().find(|w| w.page == 1 && w.text == "CỘNG").unwrap();
    let organ_rule = segs
        .iter()
        .filter(|(_, x2, y)| *x2 < qh.x && *y < first.y + 40.0)
        .min_by(|a, b| a.2.total_cmp(&b.2))
        .expect("a rule in the left column");
    let organ: Vec<&Word> = ws
        .iter()
        .filter(|w| w.page == 1 && w.x2 < qh.x && w.y < organ_rule.2 && w.y > qh.y - 5.0)
        .collect();
    let mut lines: Vec<(f64, f64, f64)> = Vec::new(); // (y, x_min, x_max)
    for w in organ {
        match lines.iter_mut().find(|l| (l.0 - w.y).abs() < 2.0) {
            Some(l) => {
                l.1 = l.1.min(w.x);
                l.2 = l.2.max(w.x2);
            }
            None => lines.push((w.y, w.x, w.x2)),
        }
    }
    let longest = lines.iter().map(|l| l.2 - l.1).fold(0.0, f64::max);
    let ratio = (organ_rule.1 - organ_rule.0) / longest;
    assert!(
        (1.0 / 3.0..=0.5).contains(&ratio),
        "agency rule is {ratio:.2} of the name's longest line"
    );
    let last = lines.iter().max_by(|a, b| a.0.total_cmp(&b.0)).unwrap();
    let (rc, tc) = ((organ_rule.0 + organ_rule.1) / 2.0, (last.1 + last.2) / 2.0);
    assert!(
        (rc - tc).abs() < 3.0,
        "agency rule centred at {rc:.1}, name at {tc:.1}"
    );
}

/// Horizontal stroked segments of an SVG page from `pdftocairo -svg` as (x1, x2, y) in PDF
/// points from the top left, like `pdftotext -bbox`: each `M x y L x2 y` path is mapped through
/// its `transform="matrix(a,b,c,d,e,f)"` (cairo flips the y axis there).
fn horizontal_segments(svg: &str) -> Vec<(f64, f64, f64)> {
    let nums = |s: &str| -> Vec<f64> {
        s.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
            .filter_map(|t| t.parse().ok())
            .collect()
    };
    let mut out = Vec::new();
    for path in svg.split("<path").skip(1) {
        let tag = path.split('>').next().unwrap_or("");
        let Some(d) = tag.split("d=\"").nth(1).and_then(|r| r.split('"').next()) else {
            continue;
        };
        let n = nums(d);
        if n.len() != 4 || !d.trim_start().starts_with('M') || !d.contains('L') {
            continue;
        }
        let m = tag
            .split("transform=\"matrix(")
            .nth(1)
            .and_then(|r| r.split(')').next())
            .map(nums)
            .filter(|m| m.len() == 6)
            .unwrap_or_else(|| vec![1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
        let at = |x: f64, y: f64| (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
        let (x1, y1) = at(n[0], n[1]);
        let (x2, y2) = at(n[2], n[3]);
        if (y1 - y2).abs() < 0.01 {
            out.push((x1.min(x2), x1.max(x2), y1));
        }
    }
    out
}
