//! Reports what a plugin can see of the machine — clocks, randomness, environment, arguments,
//! files — as the Nơi nhận lines of its `recipients` answer. The host's sandbox must make
//! every run on every machine print the same.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use vbhc_plugin::{Info, Province, Recipients, Request};

pub struct Probe;

/// How many times this instance answered `recipients`: always 1 if every document gets a
/// fresh instance (a reused slot must come back as new, data and heap alike).
static CALLS: AtomicU32 = AtomicU32::new(0);
static HEAP: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

fn probe() -> Vec<String> {
    let mut out = Vec::new();
    let calls = CALLS.fetch_add(1, Ordering::Relaxed) + 1;
    let heap = {
        let mut h = HEAP.lock().unwrap_or_else(|e| e.into_inner());
        h.push(format!("seen {calls}"));
        h.len()
    };
    out.push(format!("calls {calls}, heap {heap}"));
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos().to_string())
        .unwrap_or_else(|e| format!("before epoch {e}"));
    out.push(format!("wall {now}"));
    let t0 = std::time::Instant::now();
    let mut x = 0u64;
    for i in 0..100_000u64 {
        x = std::hint::black_box(x.wrapping_add(i));
    }
    out.push(format!("monotonic {:?} ({x})", t0.elapsed()));
    // HashMap's seed comes from WASI random.
    let m: HashMap<u32, u32> = (0..16).map(|i| (i, i)).collect();
    out.push(format!("hashmap {:?}", m.keys().collect::<Vec<_>>()));
    out.push(format!("env {:?}", std::env::vars().collect::<Vec<_>>()));
    out.push(format!("args {:?}", std::env::args().collect::<Vec<_>>()));
    out.push(format!("cwd {:?}", std::env::current_dir().map_err(|e| e.kind())));
    for p in ["/", ".", "/etc/passwd", "/home", "/tmp"] {
        out.push(format!("read_dir {p} {:?}", std::fs::read_dir(p).map(|_| ()).map_err(|e| e.kind())));
        out.push(format!("read {p} {:?}", std::fs::read(p).map(|b| b.len()).map_err(|e| e.kind())));
    }
    out.push(format!(
        "tcp {:?}",
        std::net::TcpStream::connect("127.0.0.1:80").map(|_| ()).map_err(|e| e.kind())
    ));
    out
}

impl Province for Probe {
    fn info() -> Info {
        Info::new("probe", "Probe", "1.0.0", "Nowhere")
    }
    fn recipients(_req: Request) -> Recipients {
        Recipients {
            kinh_gui: Vec::new(),
            noi_nhan: probe(),
        }
    }
}

vbhc_plugin::export!(Probe);
