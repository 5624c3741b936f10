//! What a plugin may use: time, memory, stack and the size of what it returns. Every limit has
//! a safe default and can be set in the office's config (`[plugin]`), so a slow machine can
//! give more time without anyone loosening the sandbox itself.

use serde::Deserialize;

/// The limits of one plugin call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Wall-clock budget of one call, enforced by epoch interruption.
    pub thoi_gian_ms: u64,
    /// Linear memory a plugin instance may grow to.
    pub bo_nho_mb: u64,
    /// WebAssembly stack (one engine per process: read once at start).
    pub ngan_xep_kb: u64,
    /// Items in any list a plugin returns (recipients, units, blocks).
    pub so_muc: u32,
    /// Findings one `validate` may return.
    pub so_phat_hien: u32,
    /// Characters in any string a plugin returns.
    pub do_dai_chuoi: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            thoi_gian_ms: 1000,
            bo_nho_mb: 64,
            ngan_xep_kb: 512,
            so_muc: 500,
            so_phat_hien: 200,
            do_dai_chuoi: 4000,
        }
    }
}

/// The ranges a config may set the limits within: generous enough for any real plugin,
/// small enough that a hostile one still cannot hurt the machine.
pub const RANGES: [(&str, u64, u64); 6] = [
    ("thoi_gian_ms", 10, 60_000),
    ("bo_nho_mb", 1, 1024),
    ("ngan_xep_kb", 64, 8192),
    ("so_muc", 1, 100_000),
    ("so_phat_hien", 1, 10_000),
    ("do_dai_chuoi", 16, 1_000_000),
];

impl Limits {
    /// The first limit outside its range, as (name, value, min, max).
    pub fn out_of_range(&self) -> Option<(&'static str, u64, u64, u64)> {
        let values = [
            self.thoi_gian_ms,
            self.bo_nho_mb,
            self.ngan_xep_kb,
            u64::from(self.so_muc),
            u64::from(self.so_phat_hien),
            u64::from(self.do_dai_chuoi),
        ];
        RANGES
            .iter()
            .zip(values)
            .find(|((_, lo, hi), v)| v < lo || v > hi)
            .map(|((name, lo, hi), v)| (*name, v, *lo, *hi))
    }

    pub fn memory_bytes(&self) -> usize {
        (self.bo_nho_mb as usize) << 20
    }

    pub fn stack_bytes(&self) -> usize {
        (self.ngan_xep_kb as usize) << 10
    }

    /// Bytes a string of `do_dai_chuoi` characters can take in UTF-8: checked before a
    /// string is even decoded.
    pub fn text_bytes(&self) -> usize {
        self.do_dai_chuoi as usize * 4
    }
}

/// The most table elements one plugin instance may hold, over all its tables (a Rust
/// plugin's one function table holds a few hundred).
pub const MAX_TABLE_ELEMENTS: usize = 100_000;

/// The memory limiter of a store (one plugin instance for one document). The cap holds for the
/// plugin as a whole: every linear memory of every core module inside the component counts,
/// from its first page — a component whose modules each grow their own memory got 16 times
/// the cap past a per-memory check. Growing past it fails with [`MemoryCap`], so the host can
/// tell "the plugin wanted too much memory" from any other trap. Tables are counted the same
/// way.
pub struct Limiter {
    pub max_memory: usize,
    /// Bytes of all linear memories together.
    memory: usize,
    /// Elements of all tables together.
    elements: usize,
    /// The bytes the last allowed growth added, taken back if the growth then failed.
    last_growth: usize,
}

impl Limiter {
    pub fn new(max_memory: usize) -> Limiter {
        Limiter {
            max_memory,
            memory: 0,
            elements: 0,
            last_growth: 0,
        }
    }
}

/// The error a store's memory growth fails with when the cap is reached.
#[derive(Debug)]
pub struct MemoryCap {
    pub wanted: usize,
    pub max: usize,
}

impl std::fmt::Display for MemoryCap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "memory cap: wanted {} bytes, cap {} bytes",
            self.wanted, self.max
        )
    }
}

impl std::error::Error for MemoryCap {}

impl wasmtime::ResourceLimiter for Limiter {
    /// Called for every growth and, with `current` 0, for every memory created.
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        let total = self.memory.saturating_sub(current).saturating_add(desired);
        if total > self.max_memory {
            return Err(MemoryCap {
                wanted: total,
                max: self.max_memory,
            }
            .into());
        }
        self.last_growth = desired.saturating_sub(current);
        self.memory = total;
        Ok(true)
    }

    fn memory_grow_failed(&mut self, _error: wasmtime::Error) -> wasmtime::Result<()> {
        self.memory = self.memory.saturating_sub(self.last_growth);
        self.last_growth = 0;
        Ok(())
    }

    fn table_growing(
        &mut self,
        current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        let total = self
            .elements
            .saturating_sub(current)
            .saturating_add(desired);
        if total > MAX_TABLE_ELEMENTS {
            return Ok(false);
        }
        self.elements = total;
        Ok(true)
    }

    fn instances(&self) -> usize {
        64
    }

    fn tables(&self) -> usize {
        64
    }

    fn memories(&self) -> usize {
        16
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SDK (a separate workspace, built for wasm) restates the host's default limits so a
    /// plugin's own tests can hold its answers to them: they must be these.
    #[test]
    fn the_sdk_states_the_host_limits() {
        let sdk = include_str!("../../plugins/sdk/src/testing.rs");
        let stated = |name: &str| -> u64 {
            let line = sdk
                .lines()
                .find(|l| l.starts_with(&format!("pub const {name}: usize = ")))
                .unwrap_or_else(|| panic!("the SDK has no {name}"));
            let v = line.rsplit("= ").next().unwrap().trim_end_matches(';');
            v.replace('_', "").parse().unwrap()
        };
        let d = Limits::default();
        assert_eq!(stated("MAX_LIST"), u64::from(d.so_muc));
        assert_eq!(stated("MAX_FINDINGS"), u64::from(d.so_phat_hien));
        assert_eq!(stated("MAX_CHARS"), u64::from(d.do_dai_chuoi));
    }

    #[test]
    fn memory_is_counted_over_every_memory() {
        use wasmtime::ResourceLimiter;
        let mut l = Limiter::new(64 << 20);
        // Eight memories created at 1 page, each grown to 8 MiB: 64 MiB, the cap.
        for _ in 0..8 {
            assert!(l.memory_growing(0, 64 << 10, None).unwrap());
            assert!(l.memory_growing(64 << 10, 8 << 20, None).unwrap());
        }
        // The ninth memory's first page is over the cap.
        let e = l.memory_growing(0, 64 << 10, None).unwrap_err();
        assert!(e.downcast_ref::<MemoryCap>().is_some());
        let mut t = Limiter::new(64 << 20);
        assert!(t.table_growing(0, MAX_TABLE_ELEMENTS / 2, None).unwrap());
        assert!(t.table_growing(0, MAX_TABLE_ELEMENTS / 2, None).unwrap());
        assert!(!t.table_growing(0, 1, None).unwrap());
    }

    #[test]
    fn defaults_are_inside_their_ranges() {
        assert_eq!(Limits::default().out_of_range(), None);
        let l = Limits {
            thoi_gian_ms: 0,
            ..Limits::default()
        };
        assert_eq!(l.out_of_range(), Some(("thoi_gian_ms", 0, 10, 60_000)));
    }
}
