//! Running plugins: one engine per process, a pre-instantiated component per plugin, a fresh
//! store per document. Every call runs under the limits (time by epoch deadline, memory by
//! the store's limiter, stack by the engine, results by capped lifting), and every way a call
//! can fail becomes a [`Finding`] that names the plugin, its version, the call and the
//! document.

use super::cache::{Cache, Origin};
use super::limits::{Limits, MemoryCap};
use super::manifest::{self, Found};
use super::sandbox::State;
use super::trust::Signer;
use super::wit::{self, Caps, OutputError};
use crate::exit::Exit;
use crate::finding::codes;
use crate::finding::{Finding, Location, PluginRef};
use crate::msg;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use wasmtime::component::{
    Component, ComponentExportIndex, ComponentNamedList, Instance, InstancePre, Lift, Linker,
    Lower, types::ComponentItem,
};
use wasmtime::{
    Config, Enabled, Engine, InstanceAllocationStrategy, PoolingAllocationConfig, Store, Trap,
};

/// How often the epoch advances: the resolution of the time budget.
pub const TICK: Duration = Duration::from_millis(10);

/// The process's plugin runtime.
pub struct Host {
    engine: Engine,
    linker: Linker<State>,
    pub limits: Limits,
    cache: Option<Cache>,
    stop: Arc<AtomicBool>,
}

impl Drop for Host {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Where a plugin was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `--plugin PATH` on the command line.
    Explicit,
    /// Installed with `vbhc plugin install`.
    Installed,
}

impl Source {
    /// `--plugin` / `installed` (the JSON value), and how the clerk reads it.
    pub fn label(&self) -> crate::i18n::Msg {
        match self {
            Source::Explicit => crate::i18n::Msg::new("--plugin", "--plugin"),
            Source::Installed => crate::i18n::Msg::new("đã cài", "installed"),
        }
    }
}

impl super::cache::Origin {
    pub fn label(self) -> crate::i18n::Msg {
        match self {
            super::cache::Origin::Compiled => {
                crate::i18n::Msg::new("vừa biên dịch", "compiled now")
            }
            super::cache::Origin::Cached => {
                crate::i18n::Msg::new("nạp từ bộ đệm", "loaded from the cache")
            }
            super::cache::Origin::Repaired => crate::i18n::Msg::new(
                "biên dịch lại: bản trong bộ đệm bị hỏng, đã bỏ",
                "compiled again: the cached copy was damaged and discarded",
            ),
        }
    }
}

/// A plugin ready to run: verified, compiled, its imports resolved.
pub struct Plugin {
    pub found: Found,
    pub signer: Signer,
    pub source: Source,
    pub sha256: String,
    /// The interface version it exports (`1.0.0`).
    pub api: String,
    pub origin: Origin,
    pre: InstancePre<State>,
    exports: Exports,
}

impl std::fmt::Debug for Plugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Plugin")
            .field("id", &self.found.manifest.id)
            .field("version", &self.found.manifest.version)
            .finish_non_exhaustive()
    }
}

#[derive(Clone)]
struct Exports {
    info: ComponentExportIndex,
    defaults: ComponentExportIndex,
    recipients: ComponentExportIndex,
    section: ComponentExportIndex,
    house_style: ComponentExportIndex,
    validate: ComponentExportIndex,
}

impl Plugin {
    pub fn id(&self) -> &str {
        &self.found.manifest.id
    }
    pub fn version(&self) -> &str {
        &self.found.manifest.version
    }
    pub fn reference(&self) -> PluginRef {
        PluginRef {
            id: self.id().to_string(),
            version: self.version().to_string(),
        }
    }
    /// `lang-son 1.0.0`
    pub fn label(&self) -> String {
        format!("{} {}", self.id(), self.version())
    }
}

impl Host {
    /// The runtime with `limits`, caching compiled plugins in `cache_dir` (none: no cache).
    pub fn new(limits: Limits, cache_dir: Option<PathBuf>) -> Result<Host, Finding> {
        let internal = |e: wasmtime::Error| {
            Finding::new(
                codes::PLUGIN_ENGINE,
                msg!(
                    "không khởi tạo được bộ chạy plugin: {}",
                    "cannot start the plugin runtime: {}",
                    e
                ),
            )
        };
        let mut config = Config::new();
        config
            .wasm_component_model(true)
            .epoch_interruption(true)
            .max_wasm_stack(limits.stack_bytes());
        // A pool of instance slots, if this machine allows the reservation; plain
        // allocation otherwise (slower per document, same behaviour).
        config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool(&limits)));
        let engine = match Engine::new(&config) {
            Ok(e) => e,
            Err(_) => {
                config.allocation_strategy(InstanceAllocationStrategy::OnDemand);
                Engine::new(&config).map_err(internal)?
            }
        };
        let mut linker = Linker::new(&engine);
        wasmtime_wasi::p2::add_to_linker_sync(&mut linker).map_err(internal)?;
        no_waiting(&mut linker).map_err(internal)?;
        let stop = Arc::new(AtomicBool::new(false));
        {
            let engine = engine.clone();
            let stop = stop.clone();
            std::thread::Builder::new()
                .name("vbhc-plugin-epoch".into())
                .spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        std::thread::sleep(TICK);
                        engine.increment_epoch();
                    }
                })
                .map_err(|e| internal(wasmtime::Error::new(e)))?;
        }
        let cache = cache_dir.and_then(|d| Cache::new(d, &engine));
        Ok(Host {
            engine,
            linker,
            limits,
            cache,
            stop,
        })
    }

    pub fn cache_dir(&self) -> Option<&Path> {
        self.cache.as_ref().map(Cache::dir)
    }

    /// Reads the wasm the manifest names, checks its hash, compiles it (or loads it from the
    /// cache), resolves its imports against the sandbox and checks that it says it is the
    /// plugin its manifest describes. Every refusal has exit code 78.
    pub fn load(
        &self,
        found: Found,
        signer: Signer,
        source: Source,
    ) -> Result<Arc<Plugin>, Finding> {
        let wasm = manifest::read_wasm(&found)?;
        let sha256 = manifest::sha256_hex(&wasm);
        let wasm_path = found.wasm_path();
        let refuse = |code: &'static str, m| manifest::refused(code, &wasm_path, m);
        let compiled = match &self.cache {
            Some(c) => c.load(&self.engine, &sha256, &wasm),
            None => Component::new(&self.engine, &wasm).map(|c| (c, Origin::Compiled)),
        };
        let (component, origin) = compiled.map_err(|e| {
            refuse(
                codes::PLUGIN_WASM,
                msg!(
                    "`{}` không phải một WebAssembly component hợp lệ: {}",
                    "`{}` is not a valid WebAssembly component: {}",
                    wasm_path.display(),
                    e.root_cause()
                ),
            )
        })?;
        let (api, iface) = self
            .find_interface(&component)
            .map_err(|m| refuse(codes::PLUGIN_API, m))?;
        let func = |name: &str| {
            component
                .get_export_index(Some(&iface), name)
                .ok_or_else(|| {
                    refuse(
                        codes::PLUGIN_API,
                        msg!(
                            "plugin không có hàm `{}` của giao diện {}",
                            "the plugin lacks the function `{}` of interface {}",
                            name,
                            wit::INTERFACE
                        ),
                    )
                })
        };
        let exports = Exports {
            info: func("info")?,
            defaults: func("defaults")?,
            recipients: func("recipients")?,
            section: func("section")?,
            house_style: func("house-style")?,
            validate: func("validate")?,
        };
        let pre = self.linker.instantiate_pre(&component).map_err(|e| {
            refuse(
                codes::PLUGIN_IMPORT,
                msg!(
                    "plugin cần một chức năng vbhc không cung cấp: {}",
                    "the plugin needs something vbhc does not provide: {}",
                    format!("{e:#}")
                ),
            )
            .hint(msg!(
                "plugin chỉ được dùng WASI cơ bản của thư viện chuẩn (không tệp, mạng, đồng hồ thật)",
                "a plugin may use only the basic WASI of the standard library (no files, network, real clock)"
            ))
        })?;
        let plugin = Arc::new(Plugin {
            found,
            signer,
            source,
            sha256,
            api,
            origin,
            pre,
            exports,
        });
        let info = self.session(&plugin, Path::new("-"))?.info()?;
        let m = &plugin.found.manifest;
        let mismatch = [
            ("id", &info.id, &m.id),
            ("version", &info.version, &m.version),
            ("province", &info.province, &m.province),
        ]
        .into_iter()
        .find(|(_, a, b)| a != b);
        if let Some((what, said, wrote)) = mismatch {
            return Err(manifest::refused(
                codes::PLUGIN_MANIFEST,
                &plugin.found.path,
                msg!(
                    "plugin tự nhận {} là `{}`, nhưng plugin.toml ghi `{}`",
                    "the plugin says its {} is `{}`, but plugin.toml says `{}`",
                    what,
                    said,
                    wrote
                ),
            ));
        }
        if manifest::api_major(&info.api_version) != manifest::api_major(&plugin.api) {
            return Err(refuse(
                codes::PLUGIN_API,
                msg!(
                    "plugin báo phiên bản giao diện {}, nhưng xuất giao diện {}",
                    "the plugin reports interface version {}, but exports {}",
                    info.api_version,
                    plugin.api
                ),
            ));
        }
        Ok(plugin)
    }

    /// The exported `vbhc:plugin/province@1.x.y` instance, or why there is none.
    fn find_interface(
        &self,
        component: &Component,
    ) -> Result<(String, ComponentExportIndex), crate::i18n::Msg> {
        let ty = component.component_type();
        let mut other = Vec::new();
        for (name, item) in ty.exports(&self.engine) {
            let Some(version) = name
                .strip_prefix(wit::INTERFACE)
                .and_then(|r| r.strip_prefix('@'))
            else {
                continue;
            };
            if !matches!(item.ty, ComponentItem::ComponentInstance(_)) {
                continue;
            }
            if manifest::api_major(version) == Some(wit::API_MAJOR) {
                let idx = component
                    .get_export_index(None, name)
                    .ok_or_else(|| msg!("không tìm thấy {}", "cannot find {}", name))?;
                return Ok((version.to_string(), idx));
            }
            other.push(version.to_string());
        }
        Err(match other.first() {
            Some(v) => msg!(
                "plugin viết cho giao diện {}@{}; bản vbhc này chạy các phiên bản {}.x",
                "the plugin is built for interface {}@{}; this vbhc runs versions {}.x",
                wit::INTERFACE,
                v,
                wit::API_MAJOR
            ),
            None => msg!(
                "tệp không xuất giao diện {} (không phải plugin của vbhc)",
                "the file does not export the interface {} (not a vbhc plugin)",
                wit::INTERFACE
            ),
        })
    }

    /// A fresh instance of `plugin` for `document`: nothing from an earlier document survives.
    pub fn session(&self, plugin: &Arc<Plugin>, document: &Path) -> Result<Session, Finding> {
        let mut store = Store::new(&self.engine, State::new(&self.limits));
        store.limiter(|s| &mut s.limiter);
        let budget = Budget(Duration::from_millis(self.limits.thoi_gian_ms));
        store.set_epoch_deadline(budget.deadline().unwrap_or(1));
        let mut s = Session {
            plugin: plugin.clone(),
            document: document.to_path_buf(),
            limits: self.limits,
            budget,
            store,
            instance: None,
        };
        let started = std::time::Instant::now();
        let inst = s.plugin.pre.instantiate(&mut s.store);
        s.budget.spend(started.elapsed());
        match inst {
            Ok(i) => s.instance = Some(i),
            Err(e) => return Err(s.failure("instantiate", e)),
        }
        Ok(s)
    }
}

/// Bytes of a slot's linear memory kept mapped between documents (when the kernel can tell
/// which pages a document touched, only those are reset). A Rust plugin touches its stack
/// top, its data and a little heap, well inside 1 MiB.
const KEEP_RESIDENT: usize = 1 << 20;

/// Bytes of a slot's tables kept mapped between documents: a Rust plugin's one function
/// table is a few hundred entries, well inside 64 KiB.
const TABLE_KEEP_RESIDENT: usize = 64 * 1024;

/// The pooling allocator: a fresh instance per document reuses a slot instead of mapping and
/// unmapping its memory, and the pages it touched stay mapped, reset in place. Measured on the
/// per-document benchmark: the fresh instance, its first call and its drop went from 47 µs to
/// 14 µs (the mapping, unmapping and page faults were a quarter of the plugin's cost).
fn pool(limits: &Limits) -> PoolingAllocationConfig {
    // Instances alive at once: one per document being rendered on each thread, with room.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u32;
    let instances = (4 * threads).clamp(32, 1024);
    // Without PAGEMAP_SCAN (Linux < 6.7) resetting would memset the whole resident part for
    // every document: then unmap it instead, as plain allocation does.
    let scan = PoolingAllocationConfig::is_pagemap_scan_available();
    let mut pool = PoolingAllocationConfig::new();
    pool.total_component_instances(instances)
        .total_core_instances(8 * instances)
        .total_memories(2 * instances)
        .total_tables(4 * instances)
        // No async: no fibre stacks (each reserved stack costs mappings at start-up).
        .total_stacks(0)
        .max_memory_size(limits.memory_bytes())
        .linear_memory_keep_resident(if scan { KEEP_RESIDENT } else { 0 })
        .table_keep_resident(if scan { TABLE_KEEP_RESIDENT } else { 0 })
        .pagemap_scan(if scan { Enabled::Yes } else { Enabled::No });
    pool
}

/// The error a plugin gets for waiting on a clock.
#[derive(Debug)]
pub struct Waited;

impl std::fmt::Display for Waited {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("waited on a clock (sleep)")
    }
}

impl std::error::Error for Waited {}

/// Replaces the two WASI calls that wait (a sleep is a poll on a clock subscription) by a
/// trap: waiting happens in the host, where no epoch deadline reaches, so a plugin that
/// sleeps an hour would hold the clerk's vbhc for an hour. With frozen clocks a plugin has
/// nothing to wait for anyway.
fn no_waiting(linker: &mut Linker<State>) -> wasmtime::Result<()> {
    use wasmtime::component::Resource;
    use wasmtime_wasi::p2::DynPollable;
    linker.allow_shadowing(true);
    let mut clock = linker.instance("wasi:clocks/monotonic-clock@0.2.12")?;
    clock.func_wrap(
        "subscribe-duration",
        |_, (_,): (u64,)| -> wasmtime::Result<(Resource<DynPollable>,)> {
            Err(wasmtime::Error::new(Waited))
        },
    )?;
    clock.func_wrap(
        "subscribe-instant",
        |_, (_,): (u64,)| -> wasmtime::Result<(Resource<DynPollable>,)> {
            Err(wasmtime::Error::new(Waited))
        },
    )?;
    linker.allow_shadowing(false);
    Ok(())
}

/// Epoch ticks for `budget` (one more: the epoch may tick right after the deadline is set).
fn ticks_for(budget: Duration) -> u64 {
    (budget.as_millis() as u64).div_ceil(TICK.as_millis() as u64) + 1
}

/// What is left of a document's time for its plugin: every call draws on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Budget(Duration);

impl Budget {
    /// The epoch deadline of the next call, or `None` when the document's time is spent.
    fn deadline(self) -> Option<u64> {
        (!self.0.is_zero()).then(|| ticks_for(self.0))
    }

    fn spend(&mut self, d: Duration) {
        self.0 = self.0.saturating_sub(d);
    }
}

/// One document's instance of a plugin.
pub struct Session {
    pub plugin: Arc<Plugin>,
    document: PathBuf,
    limits: Limits,
    /// What is left of the document's time budget: every call of the document (instantiation,
    /// defaults, recipients, house style, sections, validate) draws on one budget, so six
    /// calls just under the limit cannot cost six times it.
    budget: Budget,
    store: Store<State>,
    instance: Option<Instance>,
}

impl Session {
    fn call<P, R>(
        &mut self,
        name: &'static str,
        idx: &ComponentExportIndex,
        items: u32,
        params: P,
    ) -> Result<R, Finding>
    where
        P: ComponentNamedList + Lower,
        R: ComponentNamedList + Lift,
    {
        let Some(instance) = self.instance else {
            return Err(self.failure(name, wasmtime::format_err!("no instance")));
        };
        let func = match instance.get_typed_func::<P, R>(&mut self.store, idx) {
            Ok(f) => f,
            Err(e) => {
                // The export is not the function this host expects: the wrong interface.
                let mut f = self.failure(name, e);
                f.code = codes::PLUGIN_API.into();
                f.exit = Exit::Config;
                return Err(f);
            }
        };
        let Some(deadline) = self.budget.deadline() else {
            self.instance = None;
            return Err(self.failure(name, wasmtime::Error::new(Trap::Interrupt)));
        };
        self.store.set_epoch_deadline(deadline);
        let started = std::time::Instant::now();
        let result = {
            let _caps = Caps {
                items: items as usize,
                chars: self.limits.do_dai_chuoi as usize,
            }
            .enter();
            func.call(&mut self.store, params)
        };
        self.budget.spend(started.elapsed());
        result.map_err(|e| {
            // A trapped instance cannot be called again.
            self.instance = None;
            self.failure(name, e)
        })
    }

    pub fn info(&mut self) -> Result<Info, Finding> {
        let idx = self.plugin.exports.info;
        let (i,): (wit::Info,) = self.call("info", &idx, self.limits.so_muc, ())?;
        Ok(Info {
            id: i.id.0,
            name: i.name.0,
            version: i.version.0,
            province: i.province.0,
            api_version: i.api_version.0,
        })
    }

    pub fn defaults(&mut self, req: &wit::Request) -> Result<wit::Defaults, Finding> {
        let idx = self.plugin.exports.defaults;
        let (d,) = self.call("defaults", &idx, self.limits.so_muc, (req,))?;
        Ok(d)
    }

    pub fn recipients(&mut self, req: &wit::Request) -> Result<wit::Recipients, Finding> {
        let idx = self.plugin.exports.recipients;
        let (r,) = self.call("recipients", &idx, self.limits.so_muc, (req,))?;
        Ok(r)
    }

    pub fn section(&mut self, req: &wit::Request, slot: &str) -> Result<Vec<wit::Block>, Finding> {
        let idx = self.plugin.exports.section;
        let (b,): (wit::List<wit::Block>,) =
            self.call("section", &idx, self.limits.so_muc, (req, slot))?;
        Ok(b.0)
    }

    pub fn house_style(&mut self, req: &wit::Request) -> Result<wit::HouseStyle, Finding> {
        let idx = self.plugin.exports.house_style;
        let (h,) = self.call("house-style", &idx, self.limits.so_muc, (req,))?;
        Ok(h)
    }

    pub fn validate(&mut self, doc: &wit::Document) -> Result<Vec<wit::Finding>, Finding> {
        let idx = self.plugin.exports.validate;
        let (f,): (wit::List<wit::Finding>,) =
            self.call("validate", &idx, self.limits.so_phat_hien, (doc,))?;
        Ok(f.0)
    }

    /// What went wrong in call `call`, as a finding about the document.
    fn failure(&self, call: &str, e: wasmtime::Error) -> Finding {
        let p = &self.plugin;
        let stderr = self.store.data().stderr_tail();
        let (code, vi, en): (&'static str, String, String) = if let Some(cap) =
            e.downcast_ref::<MemoryCap>()
        {
            (
                codes::PLUGIN_MEMORY,
                format!("vượt giới hạn bộ nhớ ({} MiB)", cap.max >> 20),
                format!("went over the memory cap ({} MiB)", cap.max >> 20),
            )
        } else if e
            .downcast_ref::<wasmtime::PoolConcurrencyLimitError>()
            .is_some()
        {
            (
                codes::PLUGIN_ENGINE,
                format!("quá nhiều phiên plugin chạy cùng lúc: {}", e.root_cause()),
                format!("too many plugin instances at once: {}", e.root_cause()),
            )
        } else if let Some(out) = e.downcast_ref::<OutputError>() {
            let (vi, en) = match out {
                OutputError::TooMany(n, cap) => (
                    format!("trả về danh sách {n} mục, quá giới hạn {cap}"),
                    format!("returned a list of {n} items, over the cap of {cap}"),
                ),
                OutputError::TooLong(n, cap) => (
                    format!("trả về chuỗi {n} ký tự, quá giới hạn {cap} ký tự"),
                    format!("returned a string of {n} characters, over the cap of {cap}"),
                ),
                OutputError::TooManyBytes(n, cap) => (
                    format!(
                        "trả về chuỗi {n} byte, dài hơn {cap} ký tự nào cũng có thể (tối đa {} byte)",
                        cap * 4
                    ),
                    format!(
                        "returned a string of {n} bytes, longer than any {cap} characters can be (at most {} bytes)",
                        cap * 4
                    ),
                ),
            };
            (codes::PLUGIN_OUTPUT, vi, en)
        } else if let Some(trap) = e.downcast_ref::<Trap>() {
            match trap {
                Trap::Interrupt => (
                    codes::PLUGIN_TIMEOUT,
                    format!(
                        "chạy quá thời gian cho phép một văn bản ({} ms, mọi lệnh cộng lại)",
                        self.limits.thoi_gian_ms
                    ),
                    format!(
                        "ran over its time budget for one document ({} ms, all calls together)",
                        self.limits.thoi_gian_ms
                    ),
                ),
                Trap::StackOverflow => (
                    codes::PLUGIN_STACK,
                    format!("tràn ngăn xếp ({} KiB)", self.limits.ngan_xep_kb),
                    format!("overflowed its stack ({} KiB)", self.limits.ngan_xep_kb),
                ),
                Trap::UnreachableCodeReached if stderr.contains("panicked") => (
                    codes::PLUGIN_PANIC,
                    format!("dừng vì lỗi (panic): {stderr}"),
                    format!("panicked: {stderr}"),
                ),
                Trap::MemoryOutOfBounds => (
                    codes::PLUGIN_TRAP,
                    "truy cập bộ nhớ ngoài vùng (thường do tràn ngăn xếp với biến cục bộ lớn)"
                        .into(),
                    "accessed memory out of bounds (often a stack overflow with large locals)"
                        .into(),
                ),
                other => (
                    codes::PLUGIN_TRAP,
                    format!("bị dừng (trap: {other})"),
                    format!("trapped ({other})"),
                ),
            }
        } else if e.downcast_ref::<Waited>().is_some() {
            (
                codes::PLUGIN_TRAP,
                "chờ đồng hồ (sleep): plugin không được chờ".into(),
                "waited on a clock (sleep): plugins may not wait".into(),
            )
        } else if let Some(exit) = e.downcast_ref::<wasmtime_wasi::I32Exit>() {
            (
                codes::PLUGIN_TRAP,
                format!("tự thoát với mã {}", exit.0),
                format!("exited with code {}", exit.0),
            )
        } else {
            (
                codes::PLUGIN_OUTPUT,
                format!("trả về dữ liệu sai: {}", e.root_cause()),
                format!("returned malformed data: {}", e.root_cause()),
            )
        };
        let doc = self.document.display().to_string();
        let mut f = Finding::new(
            code,
            crate::i18n::Msg::new(
                format!(
                    "plugin {} {}, lệnh `{call}`, văn bản {doc}: {vi}",
                    p.id(),
                    p.version()
                ),
                format!(
                    "plugin {} {}, call `{call}`, document {doc}: {en}",
                    p.id(),
                    p.version()
                ),
            ),
        )
        .hint(msg!(
            "văn bản chưa được ghi; báo lỗi cho đơn vị phát hành plugin, hoặc bỏ `plugin` khỏi bản nháp",
            "the document was not written; report it to the plugin's publisher, or remove `plugin` from the draft"
        ));
        let mut loc = Location::file(&self.document);
        loc.plugin = Some(p.label());
        f.location = Some(loc);
        f.plugin = Some(p.reference());
        f
    }
}

/// `info()` as the plugin answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Info {
    pub id: String,
    pub name: String,
    pub version: String,
    pub province: String,
    pub api_version: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documents_calls_share_one_budget() {
        // The audit's 3c: six calls each just under a 1 s budget. Each call's deadline is
        // what the earlier calls left, so the second call already gets less than a second and
        // the whole document stops at one second, not six.
        let mut b = Budget(Duration::from_millis(1000));
        assert_eq!(b.deadline(), Some(101));
        b.spend(Duration::from_millis(900));
        assert_eq!(b.deadline(), Some(11));
        b.spend(Duration::from_millis(900));
        assert_eq!(b.deadline(), None);
    }
}
