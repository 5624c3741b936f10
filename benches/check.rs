//! Checking genuine DOCX files in process: read (unzip, parse, resolve styles, map roles) and
//! run every rule. The typical file (`cong-van-ubnd-tinh-chi-dao`, a two-page công văn) and the
//! largest of the corpus (`TB-tham-dinh-TKXD-04-phu-luc…`, 183 KB, 38 pages of tables).
//! `cargo bench --bench check`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn bench(c: &mut Criterion) {
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
