//! Prints the blocks the reader finds in a DOCX, with their roles and regions: what the
//! checker judges. `cargo run --example dump_model -- file.docx`
fn main() {
    for arg in std::env::args().skip(1) {
        let doc = match vbhc::reader::read(std::path::Path::new(&arg)) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{arg}: {e:?}");
                continue;
            }
        };
        println!("== {arg}: kind {:?}, tên loại {:?}", doc.kind, doc.ten_loai);
        for (i, s) in doc.sections.iter().enumerate() {
            println!(
                "section {i}: numbers {} in footer {} first unnumbered {} look {:?} {}",
                s.page.page_numbers,
                s.page.numbers_in_footer,
                s.page.first_page_unnumbered,
                s.page.number_font,
                s.page.number_size
            );
        }
        for b in doc.blocks() {
            let para = b.source.as_ref().and_then(|s| s.paragraph).unwrap_or(0);
            let what = match &b.content {
                vbhc::model::Content::Paragraph(p) => p
                    .text()
                    .replace('\n', "⏎")
                    .chars()
                    .take(70)
                    .collect::<String>(),
                vbhc::model::Content::DrawnLine(l) => {
                    format!(
                        "— line {} of {} twips{}",
                        l.length,
                        l.region_width,
                        if l.typed { " (typed)" } else { "" }
                    )
                }
                vbhc::model::Content::Table(t) => format!("table {} rows", t.rows.len()),
                _ => String::from("…"),
            };
            println!(
                "¶{para:<4} {:<14} {:<11} {what}",
                format!("{:?}", b.role),
                format!("{:?}", b.region)
            );
        }
    }
}
