//! Model → DOCX bytes for the Tiền Giang 2014 sample, in process, without checks or plugins:
//! the cost every rendered document pays. `cargo bench --bench render`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn bench(c: &mut Criterion) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chi-thi-tien-giang-2014.toml");
    let templates = vbhc::template::Templates::default();
    let draft = vbhc::draft::load(&sample, &templates).expect("sample loads");
    let doc = vbhc::layout::lay_out(&draft).expect("lays out").doc;
    c.bench_function("model_to_docx_bytes/tien-giang-2014", |b| {
        b.iter(|| vbhc::docx::to_bytes(black_box(&doc)).unwrap())
    });
    c.bench_function("draft_to_docx_bytes/tien-giang-2014", |b| {
        b.iter(|| {
            let d = vbhc::draft::load(black_box(&sample), &templates).unwrap();
            vbhc::docx::to_bytes(&vbhc::layout::lay_out(&d).unwrap().doc).unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
