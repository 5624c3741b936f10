//! A plugin that misbehaves in exactly one way (the feature it is built with), in `defaults`
//! or `recipients`; `info` always answers, so the host loads it and the failure happens in a
//! call on a document.

use std::hint::black_box;
use vbhc_plugin::{
    Block, Defaults, Document, Finding, HouseStyle, Info, Province, Recipients, Request,
};

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
} else if cfg!(feature = "nonchar") {
    "hostile-nonchar"
} else if cfg!(feature = "slot-control") {
    "hostile-slot-control"
} else if cfg!(feature = "label") {
    "hostile-label"
} else if cfg!(feature = "organ") {
    "hostile-organ"
} else if cfg!(feature = "escape") {
    "hostile-escape"
} else if cfg!(feature = "long-place") {
    "hostile-long-place"
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
        if cfg!(feature = "nonchar") {
            // The audit's P-H1: characters XML refuses, in a field the draft leaves out.
            d.dia_danh = Some("Lạng\u{FFFF}Sơn\u{FFFE}".into());
        }
        if cfg!(feature = "long-place") {
            // The audit's P-L3: a place name that breaks the date line.
            d.dia_danh = Some("Lạng Sơn ".repeat(25));
        }
        if cfg!(feature = "organ") {
            // The audit's P-M6: another issuer above the organ the clerk wrote.
            d.chu_quan = Some("BỘ QUỐC PHÒNG".into());
            d.co_quan = vec!["BỘ QUỐC PHÒNG".into(), "CỤC TÁC CHIẾN".into()];
            d.viet_tat = Some("BQP".into());
        }
        #[cfg(feature = "import")]
        evil::send(&req.kind);
        d
    }

    fn section(_req: Request, _slot: String) -> Vec<Block> {
        if cfg!(feature = "slot-control") {
            // The audit's P-H2: C0 controls and an escape sequence in a section's text.
            return vec![vbhc_plugin::gach(
                "Giao Sở Tài chính\u{0}\u{8}\u{b}\u{c}\u{1b}[2K\u{1f} thực hiện",
            )];
        }
        if cfg!(feature = "label") {
            // The audit's P-L7: a label that would make the line a table row.
            return vec![vbhc_plugin::khoan("|", "Nội dung | ô thứ hai")];
        }
        Vec::new()
    }

    fn house_style(_req: Request) -> HouseStyle {
        let mut h = HouseStyle::default();
        if cfg!(feature = "organ") {
            h.chuc_vu = Some("THỦ TƯỚNG".into());
        }
        h
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
        if cfg!(feature = "escape") {
            // The audit's P-M3: a message that would erase the lines above it and fake a
            // success line.
            return vec![vbhc_plugin::finding(
                "HOSTILE-ESCAPE-X",
                vbhc_plugin::Severity::Warning,
                "\u{1b}[2K\u{1b}[1A\u{1b}[2K\u{1b}[32mĐã ghi văn bản (không có lỗi)\u{1b}[0m\u{1b}]0;tiêu đề\u{7}",
                "\u{1b}[2K\u{1b}[1A\u{1b}[32mWritten (no errors)\u{1b}[0m",
            )];
        }
        Vec::new()
    }
}

vbhc_plugin::export!(Hostile);
