//! `vbhc batch` in process: documents per second from a spreadsheet, at 1 thread and at 2,
//! each document made, checked and written (atomic rename into a temporary folder, on tmpfs
//! when the machine has one: the disk's own noise, ext4 slowing down where files were just
//! replaced, is not vbhc's). Two
//! bases: the Tiền Giang 2014 chỉ thị (no plugin exists for Tiền Giang, which merged into Đồng
//! Tháp in 2025: checks only), and a công văn of the UBND tỉnh Lạng Sơn with its plugin active
//! (defaults, Nơi nhận, house style, rules). `cargo bench --bench batch`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::path::{Path, PathBuf};
use vbhc::batch::{self, Env, Plan};
use vbhc::plugin::trust::Trust;
use vbhc::plugin::{Host, Limits, Registry};

const ROWS: usize = 200;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Tiền Giang sample as a base: each row gives the document its number and date.
fn tien_giang(dir: &Path) -> (PathBuf, PathBuf) {
    let base = root().join("samples/chi-thi-tien-giang-2014.toml");
    let mut csv = String::from("so,ngay\n");
    for i in 1..=ROWS {
        csv.push_str(&format!("{i},{:02}/{:02}/2014\n", 1 + i % 28, 1 + i % 12));
    }
    let rows = dir.join("tien-giang.csv");
    std::fs::write(&rows, csv).unwrap();
    (rows, base)
}

/// A công văn to each company, the Lạng Sơn plugin supplying organ, place and Nơi nhận.
fn lang_son(dir: &Path) -> (PathBuf, PathBuf) {
    // The same base as the comparison with docxtpl and docxtemplater.
    let base = root().join("benches/peers/base-plugin.toml");
    let mut csv = String::from("ten_cong_ty,dia_chi_co_so,ngay_kiem_tra\n");
    for i in 1..=ROWS {
        csv.push_str(&format!("Hộ kinh doanh số {i},thôn {},16/3/2026\n", i % 97));
    }
    let rows = dir.join("lang-son.csv");
    std::fs::write(&rows, csv).unwrap();
    (rows, base)
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let templates = vbhc::template::Templates::default();
    let host = Host::new(Limits::default(), Some(tmp.path().join("cache"))).unwrap();
    let trust = Trust::load(None, &[root().join("plugins/keys/demo.pub")], false).unwrap();
    let registry = Registry::discover(&[root().join("plugins/dist/lang-son")], trust).unwrap();
    for (name, (rows, base)) in [
        ("tien-giang-2014", tien_giang(tmp.path())),
        ("lang-son-cong-van_with_plugin", lang_son(tmp.path())),
    ] {
        let plan = Plan::new(
            &rows,
            &base,
            &templates,
            &batch::Options {
                start: 1,
                ..Default::default()
            },
        )
        .unwrap();
        let outs = tempfile::Builder::new()
            .prefix("vbhc-bench")
            .tempdir_in("/dev/shm")
            .or_else(|_| tempfile::tempdir())
            .unwrap();
        let out = outs.path().to_path_buf();
        let env = Env {
            templates: &templates,
            tone: Default::default(),
            host: &host,
            registry: &registry,
            out_dir: &out,
            force: true,
            allow_errors: false,
            fail_fast: false,
            check: true,
        };
        let mut g = c.benchmark_group(format!("batch/{name}"));
        g.throughput(Throughput::Elements(ROWS as u64));
        g.sample_size(10);
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            g.bench_function(format!("{threads}_threads"), |b| {
                b.iter(|| {
                    let outcomes = pool.install(|| batch::run(&plan, &env, &|| {}));
                    assert!(
                        outcomes
                            .iter()
                            .all(|o| matches!(o.status, batch::Status::Written { .. })),
                        "every row is written"
                    );
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
