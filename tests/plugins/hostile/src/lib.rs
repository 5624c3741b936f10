//! A plugin that misbehaves in exactly one way (the feature it is built with), in `defaults`
//! or `recipients`; `info` always answers, so the host loads it and the failure happens in a
//! call on a document.

use std::hint::black_box;
use vbhc_plugin::{Defaults, Document, Finding, Info, Province, Recipients, Request};

pub struct Hostile;

const ID: &str = if cfg!(feature = "loop") {
    "hostile-loop"
} else if cfg!(feature = "memory") {
    "hostile-memory"
} else if cfg!(feature = "panic") {
    "hostile-panic"
} else if cfg!(feature = "huge-list") {
    "hostile-huge-list"
} else if cfg!(feature = "huge-string") {
    "hostile-huge-string"
} else if cfg!(feature = "recursion") {
    "hostile-recursion"
} else if cfg!(feature = "bigstack") {
    "hostile-bigstack"
} else if cfg!(feature = "import") {
    "hostile-import"
} else if cfg!(feature = "bad-code") {
    "hostile-bad-code"
} else if cfg!(feature = "sleep") {
    "hostile-sleep"
} else {
    "hostile-none"
};

#[cfg(feature = "import")]
mod evil {
    wit_bindgen::generate!({
        inline: "package evil:host; interface net { send: func(data: string); } world evil { import net; }",
        world: "evil",
    });
    pub fn send(s: &str) {
        evil::host::net::send(s);
    }
}

#[inline(never)]
fn recurse(n: u64) -> u64 {
    if black_box(n) == u64::MAX {
        return 0;
    }
    recurse(n + 1).wrapping_add(black_box(1))
}

#[inline(never)]
fn recurse_big(n: u64) -> u64 {
    let buf = black_box([n as u8; 65536]);
    if black_box(n) == u64::MAX {
        return buf[0] as u64;
    }
    recurse_big(n + 1).wrapping_add(buf[black_box(100)] as u64)
}

impl Province for Hostile {
    fn info() -> Info {
        Info::new(ID, "Hostile", "1.0.0", "Nowhere")
    }

    fn defaults(req: Request) -> Defaults {
        let mut d = Defaults::default();
        if cfg!(feature = "loop") {
            let mut i: u64 = 0;
            loop {
                i = black_box(i.wrapping_add(1));
                if i == u64::MAX - 1 {
                    break;
                }
            }
        }
        if cfg!(feature = "memory") {
            let mut v: Vec<Vec<u8>> = Vec::new();
            loop {
                v.push(black_box(vec![1u8; 1 << 20]));
            }
        }
        if cfg!(feature = "sleep") {
            // Blocks in the host (WASI), where no epoch deadline reaches.
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
        if cfg!(feature = "panic") {
            panic!("cố ý dừng: kind {}", req.kind);
        }
        if cfg!(feature = "huge-string") {
            d.dia_danh = Some("x".repeat(10 << 20));
        }
        if cfg!(feature = "recursion") {
            d.dia_danh = Some(recurse(0).to_string());
        }
        if cfg!(feature = "bigstack") {
            d.dia_danh = Some(recurse_big(0).to_string());
        }
        #[cfg(feature = "import")]
        evil::send(&req.kind);
        d
    }

    fn recipients(_req: Request) -> Recipients {
        let mut r = Recipients::default();
        if cfg!(feature = "huge-list") {
            r.noi_nhan = (0..100_000).map(|i| format!("{i}")).collect();
        }
        r
    }

    fn validate(_doc: Document) -> Vec<Finding> {
        if cfg!(feature = "bad-code") {
            // A finding code without the plugin's prefix.
            return vec![vbhc_plugin::finding(
                "ND30-FONT",
                vbhc_plugin::Severity::Error,
                "giả mạo mã của vbhc",
                "pretends to be a vbhc rule",
            )];
        }
        Vec::new()
    }
}

vbhc_plugin::export!(Hostile);
