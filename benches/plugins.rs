//! Province plugins: what one document pays for its plugin (fresh store and the calls a
//! render makes), compiling and loading from the cache, how quickly the epoch deadline stops a
//! runaway plugin, and the whole `vbhc render` process with a plugin. `cargo bench --bench
//! plugins`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;
use vbhc::draft::Supply;
use vbhc::plugin::trust::{Signer, Trust};
use vbhc::plugin::{Applier, Host, Limits, Registry, Source, manifest};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn registry() -> Registry {
    let trust = Trust::load(None, &[root().join("plugins/keys/demo.pub")], false).unwrap();
    Registry::discover(
        &[
            root().join("plugins/dist/lang-son"),
            root().join("plugins/dist/ca-mau"),
        ],
        trust,
    )
    .unwrap()
}

#[allow(
    clippy::too_many_lines,
    reason = "the benchmarks share one loaded host and its fixtures; each group is a few lines"
)]
fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let host = Host::new(Limits::default(), Some(cache.clone())).unwrap();
    let reg = registry();
    let sample = root().join("samples/chi-thi-lang-son-2026.toml");
    let templates = vbhc::template::Templates::default();

    // The whole plugin part of one render: a fresh instance, defaults, recipients, house
    // style, the template's sections, then validate on the laid-out document.
    let (draft, doc) = {
        let mut a = Applier::new(&host, &reg, &sample);
        let d =
            vbhc::draft::load_with(&sample, &templates, Default::default(), Some(&mut a)).unwrap();
        let doc = vbhc::layout::lay_out(&d).unwrap().doc;
        (d, doc)
    };
    let req = vbhc::draft::Request {
        kind: "chi-thi".into(),
        date: draft.ngay.v,
        organ: None,
        slots: draft.template.slots.clone(),
    };
    let at = vbhc::finding::Location::file(&sample);
    c.bench_function("plugin_per_document/lang-son", |b| {
        b.iter(|| {
            let mut a = Applier::new(&host, &reg, &sample);
            let s = a.supply("lang-son", &at, black_box(&req)).unwrap();
            let f = a.validate(black_box(&doc), &draft);
            (s, f)
        })
    });

    // Its parts: a fresh instance alone; the loader's calls; the rules.
    let plugin = reg.get(&host, "lang-son").unwrap().unwrap();
    c.bench_function("plugin_part/fresh_instance", |b| {
        b.iter(|| host.session(&plugin, &sample).unwrap())
    });
    c.bench_function("plugin_part/supply", |b| {
        b.iter(|| {
            let mut a = Applier::new(&host, &reg, &sample);
            a.supply("lang-son", &at, black_box(&req)).unwrap()
        })
    });

    {
        let dir = tmp.path().join("probe");
        std::fs::create_dir_all(&dir).unwrap();
        let wasm = std::fs::read(root().join("tests/plugins/wasm/hostile-bad-code.wasm")).unwrap();
        std::fs::write(dir.join("p.wasm"), &wasm).unwrap();
        std::fs::write(
            dir.join("plugin.toml"),
            format!(
                "id = \"hostile-bad-code\"\nname = \"H\"\nversion = \"1.0.0\"\nprovince = \"Nowhere\"\napi = \"1.0.0\"\nwasm = \"p.wasm\"\nsha256 = \"{}\"\n",
                manifest::sha256_hex(&wasm)
            ),
        )
        .unwrap();
        let trust = Trust::load(None, &[], true).unwrap();
        let preg = Registry::discover(&[dir], trust).unwrap();
        c.bench_function("plugin_part/supply_and_trivial_validate", |b| {
            b.iter(|| {
                let mut a = Applier::new(&host, &preg, &sample);
                let s = a.supply("hostile-bad-code", &at, black_box(&req)).unwrap();
                (s, a.validate(&doc, &draft))
            })
        });
    }

    for id in ["lang-son", "ca-mau"] {
        let found = manifest::read(&root().join("plugins/dist").join(id)).unwrap();
        let nocache = Host::new(Limits::default(), None).unwrap();
        let mut g = c.benchmark_group(format!("plugin_load/{id}"));
        g.sample_size(20);
        g.bench_function("compile", |b| {
            b.iter(|| {
                nocache
                    .load(found.clone(), Signer::Unsigned, Source::Explicit)
                    .unwrap()
            })
        });
        g.bench_function("cached", |b| {
            b.iter(|| {
                host.load(found.clone(), Signer::Unsigned, Source::Explicit)
                    .unwrap()
            })
        });
        g.finish();
    }

    // A plugin that never returns, with a 50 ms budget: how long until the host has it back.
    let dir = tmp.path().join("loop");
    std::fs::create_dir_all(&dir).unwrap();
    let wasm = std::fs::read(root().join("tests/plugins/wasm/hostile-loop.wasm")).unwrap();
    std::fs::write(dir.join("p.wasm"), &wasm).unwrap();
    std::fs::write(
        dir.join("plugin.toml"),
        format!(
            "id = \"hostile-loop\"\nname = \"Loop\"\nversion = \"1.0.0\"\nprovince = \"Nowhere\"\napi = \"1.0.0\"\nwasm = \"p.wasm\"\nsha256 = \"{}\"\n",
            manifest::sha256_hex(&wasm)
        ),
    )
    .unwrap();
    let short = Host::new(
        Limits {
            thoi_gian_ms: 50,
            ..Limits::default()
        },
        Some(cache.clone()),
    )
    .unwrap();
    let looping = short
        .load(
            manifest::read(&dir).unwrap(),
            Signer::Unsigned,
            Source::Explicit,
        )
        .unwrap();
    let wreq = vbhc::plugin::wit::Request {
        kind: "chi-thi".into(),
        date: vbhc::plugin::wit::Date {
            year: 2026,
            month: Some(3),
            day: Some(5),
        },
        organ: None,
    };
    let mut g = c.benchmark_group("plugin_epoch_stop");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("budget_50ms", |b| {
        b.iter(|| {
            let mut s = short.session(&looping, Path::new("d.toml")).unwrap();
            let e = s.defaults(&wreq).unwrap_err();
            assert_eq!(e.code, "PLUGIN-TIMEOUT");
        })
    });
    g.finish();

    // The whole process, cache warm.
    let exe = env!("CARGO_BIN_EXE_vbhc");
    let out = tmp.path().join("out.docx");
    let run = || {
        let o = std::process::Command::new(exe)
            .args(["--plugin"])
            .arg(root().join("plugins/dist/lang-son"))
            .arg("--trust-key")
            .arg(root().join("plugins/keys/demo.pub"))
            .args(["render"])
            .arg(&sample)
            .arg("-o")
            .arg(&out)
            .arg("--force")
            .env("VBHC_CACHE_DIR", &cache)
            .env("VBHC_CONFIG", tmp.path().join("no-config.toml"))
            .env("VBHC_DATA_DIR", tmp.path().join("data"))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    run();
    let mut g = c.benchmark_group("render_process");
    g.sample_size(30);
    g.bench_function("lang-son-2026_with_plugin", |b| b.iter(run));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
