//! The world a plugin runs in. A standard `wasm32-wasip2` guest imports WASI from Rust's std
//! itself (panic printing, exit, environment), so WASI is linked — locked down: no files
//! (no preopens), no environment, no arguments, no network, stdin closed, stdout discarded,
//! frozen clocks, deterministic "random" numbers. A plugin sees the same world on every
//! machine and in every run; only its stderr is kept (a small buffer), so a panic's message
//! can reach the clerk's diagnostic.

use super::limits::{Limiter, Limits};
use std::time::Duration;
use wasmtime::component::ResourceTable;
use wasmtime_wasi::p2::pipe::MemoryOutputPipe;
use wasmtime_wasi::{Deterministic, HostMonotonicClock, HostWallClock, WasiCtx, WasiCtxBuilder};

/// Bytes of stderr kept per instance; writing more traps the plugin.
pub const STDERR_CAP: usize = 64 * 1024;

/// The fixed bytes every "random" request returns, cycled.
const RANDOM: [u8; 8] = [0x76, 0x62, 0x68, 0x63, 0x2d, 0x6e, 0x64, 0x33];

/// The store data of one plugin instance.
pub struct State {
    wasi: WasiCtx,
    table: ResourceTable,
    pub limiter: Limiter,
    pub stderr: MemoryOutputPipe,
}

impl wasmtime_wasi::WasiView for State {
    fn ctx(&mut self) -> wasmtime_wasi::WasiCtxView<'_> {
        wasmtime_wasi::WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

/// A wall clock stopped at the Unix epoch: a plugin dates things by the document's date,
/// which it is given, never by the machine's.
struct FrozenWall;

impl HostWallClock for FrozenWall {
    fn resolution(&self) -> Duration {
        Duration::from_secs(1)
    }
    fn now(&self) -> Duration {
        Duration::ZERO
    }
}

/// A monotonic clock that never moves.
struct FrozenMonotonic;

impl HostMonotonicClock for FrozenMonotonic {
    fn resolution(&self) -> u64 {
        1_000_000_000
    }
    fn now(&self) -> u64 {
        0
    }
}

impl State {
    pub fn new(limits: &Limits) -> Self {
        let stderr = MemoryOutputPipe::new(STDERR_CAP);
        let wasi = WasiCtxBuilder::new()
            .stderr(stderr.clone())
            .wall_clock(FrozenWall)
            .monotonic_clock(FrozenMonotonic)
            .secure_random(Deterministic::new(RANDOM.to_vec()))
            .insecure_random(Deterministic::new(RANDOM.to_vec()))
            .insecure_random_seed(0x7662_6863_2d70_6c75_6769_6e2d_7631_0000)
            .allow_tcp(false)
            .allow_udp(false)
            .allow_ip_name_lookup(false)
            .build();
        Self {
            wasi,
            table: ResourceTable::new(),
            limiter: Limiter::new(limits.memory_bytes()),
            stderr,
        }
    }

    /// The last part of what the plugin wrote to stderr (a panic message), for a diagnostic.
    pub fn stderr_tail(&self) -> String {
        let bytes = self.stderr.contents();
        let s = String::from_utf8_lossy(&bytes);
        let s = s.trim();
        let start = s.char_indices().rev().nth(600).map_or(0, |(i, _)| i);
        s[start..].to_string()
    }
}
