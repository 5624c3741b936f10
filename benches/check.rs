//! Checking genuine DOCX files in process: read (unzip, parse, resolve styles, map roles) and
//! run every rule. The typical file (`cong-van-ubnd-tinh-chi-dao`, a two-page công văn) and the
//! largest of the corpus (`TB-tham-dinh-TKXD-04-phu-luc…`, 183 KB, 38 pages of tables); and a
//! báo cáo grown from `samples/bao-cao.toml` by repeating its body 1, 4, 16 and 36 times (the
//! last about 1,800 paragraphs, the length of a long provincial report), to show the checker
//! is linear in the document's size. `benches/long_report.sh` writes the same drafts as files.
//! Each iteration starts cold (`check::forget`): what the checker keeps from one document for
//! the next helps a batch, not a clerk checking one file.
//! `cargo bench --bench check`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

/// `samples/bao-cao.toml` with its body (`noi_dung`) repeated `times` times, rendered to DOCX
/// bytes in process.
fn long_report(times: usize) -> (std::path::PathBuf, Vec<u8>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let toml = std::fs::read_to_string(root.join("samples/bao-cao.toml")).unwrap();
    let open = toml.find("noi_dung = \"\"\"\n").unwrap() + "noi_dung = \"\"\"\n".len();
    let close = open + toml[open..].find("\"\"\"").unwrap();
    let body = &toml[open..close];
    let grown = format!("{}{}{}", &toml[..open], body.repeat(times), &toml[close..]);
    let dir = std::env::temp_dir().join("vbhc-bench-long-report");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("bao-cao-x{times}.toml"));
    std::fs::write(&path, grown).unwrap();
    let templates = vbhc::template::Templates::default();
    let draft = vbhc::draft::load(&path, &templates).expect("the grown draft loads");
    let doc = vbhc::layout::lay_out(&draft).expect("lays out").doc;
    let bytes = vbhc::docx::to_bytes(&doc).unwrap();
    (path.with_extension("docx"), bytes)
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("check_docx/bao-cao-repeated");
    for times in [1, 4, 8, 16, 36] {
        let (path, bytes) = long_report(times);
        let paragraphs = vbhc::reader::read_bytes(&path, &bytes)
            .unwrap()
            .blocks()
            .count();
        g.throughput(criterion::Throughput::Elements(paragraphs as u64));
        g.bench_function(format!("x{times}_{paragraphs}_blocks"), |b| {
            b.iter(|| {
                // Cold: a clerk checks one document, not the same one again.
                vbhc::check::forget();
                let doc = vbhc::reader::read_bytes(&path, black_box(&bytes)).unwrap();
                vbhc::check::check(&doc, vbhc::check::Origin::Docx)
            })
        });
    }
    g.finish();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/real-docx");
    for (name, file) in [
        (
            "typical/cong-van-ubnd-tinh-chi-dao",
            "cong-van-ubnd-tinh-chi-dao.docx",
        ),
        (
            "largest/TB-tham-dinh-TKXD-04",
            "TB-tham-dinh-TKXD-04-phu-luc-NM-tinh-dau-que.docx",
        ),
    ] {
        let path = corpus.join(file);
        let bytes = std::fs::read(&path).expect("tests/corpus/real-docx");
        c.bench_function(&format!("check_docx/{name}"), |b| {
            b.iter(|| {
                vbhc::check::forget();
                let doc = vbhc::reader::read_bytes(&path, black_box(&bytes)).unwrap();
                vbhc::check::check(&doc, vbhc::check::Origin::Docx)
            })
        });
    }
    // The whole corpus once per iteration.
    let files: Vec<(std::path::PathBuf, Vec<u8>)> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .map(|p| {
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();
    c.bench_function("check_docx/whole-corpus-46-files", |b| {
        b.iter(|| {
            let mut n = 0;
            vbhc::check::forget();
            for (p, bytes) in &files {
                let doc = vbhc::reader::read_bytes(p, bytes).unwrap();
                n += vbhc::check::check(&doc, vbhc::check::Origin::Docx).len();
            }
            n
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
