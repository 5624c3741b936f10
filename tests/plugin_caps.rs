//! The caps on what a plugin returns hold *before* the host copies anything: a counting
//! allocator watches the host's heap while a hostile plugin returns 100 000 list items or a
//! 10 MB string. (The plugin's own memory is the engine's mapping, not this heap.)
//!
//! The counts are per thread: the plugin runs on the calling thread, and the other tests of
//! the binary allocate on theirs at the same time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;
use vbhc::plugin::{Host, Limits, Source, manifest, trust::Signer, wit};

struct Counting;

thread_local! {
    // Const-initialised and without destructors: usable inside the allocator itself.
    static NOW: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

// SAFETY: forwards every call to the system allocator unchanged; only counts bytes.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            let now = NOW.get() + l.size() as isize;
            NOW.set(now);
            PEAK.set(PEAK.get().max(now));
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        NOW.set(NOW.get() - l.size() as isize);
    }
}

#[global_allocator]
static A: Counting = Counting;

fn load(host: &Host, dir: &Path, name: &str) -> std::sync::Arc<vbhc::plugin::Plugin> {
    let wasm = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/plugins/wasm/{name}.wasm")),
    )
    .unwrap();
    let pdir = dir.join(name);
    std::fs::create_dir_all(&pdir).unwrap();
    std::fs::write(pdir.join("p.wasm"), &wasm).unwrap();
    std::fs::write(
        pdir.join("plugin.toml"),
        format!(
            "id = \"{name}\"\nname = \"Hostile\"\nversion = \"1.0.0\"\nprovince = \"Nowhere\"\napi = \"1.0.0\"\nwasm = \"p.wasm\"\nsha256 = \"{}\"\n",
            manifest::sha256_hex(&wasm)
        ),
    )
    .unwrap();
    let found = manifest::read(&pdir).unwrap();
    host.load(found, Signer::Unsigned, Source::Explicit)
        .unwrap()
}

fn request() -> wit::Request {
    wit::Request {
        kind: "chi-thi".into(),
        date: wit::Date {
            year: 2026,
            month: Some(3),
            day: Some(5),
        },
        organ: None,
    }
}

/// Host heap growth (peak over the start) while `f` runs.
fn peak_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let start = NOW.get();
    PEAK.set(start);
    let r = f();
    (r, (PEAK.get() - start).max(0) as usize)
}

#[test]
fn oversized_results_are_refused_before_they_are_copied() {
    let dir = tempfile::tempdir().unwrap();
    let host = Host::new(Limits::default(), None).unwrap();
    let req = request();

    let list = load(&host, dir.path(), "hostile-huge-list");
    let mut s = host.session(&list, Path::new("d.toml")).unwrap();
    let (r, grew) = peak_during(|| s.recipients(&req));
    let f = r.unwrap_err();
    assert_eq!(f.code, "PLUGIN-OUTPUT");
    assert!(f.message.en.contains("100000 items"), "{}", f.message.en);
    assert!(
        grew < 256 << 10,
        "host heap grew {grew} bytes for a refused list"
    );

    let string = load(&host, dir.path(), "hostile-huge-string");
    let mut s = host.session(&string, Path::new("d.toml")).unwrap();
    let (r, grew) = peak_during(|| s.defaults(&req));
    let f = r.unwrap_err();
    assert_eq!(f.code, "PLUGIN-OUTPUT");
    assert!(
        grew < 256 << 10,
        "host heap grew {grew} bytes for a refused string"
    );

    // The counter does see copies: with a cap large enough, the same list is copied in.
    let roomy = Host::new(
        Limits {
            so_muc: 100_000,
            ..Limits::default()
        },
        None,
    )
    .unwrap();
    let list = load(&roomy, dir.path(), "hostile-huge-list");
    let mut s = roomy.session(&list, Path::new("d.toml")).unwrap();
    let (r, grew) = peak_during(|| s.recipients(&req));
    assert_eq!(r.unwrap().noi_nhan.0.len(), 100_000);
    assert!(grew > 2 << 20, "only {grew} bytes for 100 000 strings?");
}
