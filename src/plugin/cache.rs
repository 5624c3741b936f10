//! Compiled plugins on disk. Compiling a plugin takes tens of milliseconds; loading the
//! machine code vbhc compiled earlier takes a fraction of one. The file name is the key:
//! the wasm's SHA-256, the wasmtime version and the engine's compatibility hash, so a changed
//! plugin, an upgraded vbhc or different engine settings never load stale code.
//!
//! Loading compiled code is trusting it as machine code, so only files vbhc wrote itself are
//! loaded: the folder is private to the user (0700 on Unix), files are written 0600 through a
//! temporary file in the same folder, owned by the user running vbhc, and anything else found
//! there is ignored. Each compiled file has its SHA-256 beside it (`….cwasm.sha256`), checked
//! before the bytes are handed to wasmtime: a damaged file (a disk error, a half-copied
//! backup) would otherwise crash vbhc or hang it outside the plugin's time budget, on every
//! run. A mismatch discards the entry and compiles again. The check guards against damage,
//! not against a program running as the clerk, which could rewrite both files.
//!
//! On Windows the folder is `%LOCALAPPDATA%\vbhc\vbhc\cache\plugins`, which only the user
//! (and SYSTEM) may write; a cache on a network path (`\\server\share`) is not used, and
//! `VBHC_CACHE_DIR` must not point at a folder other users can write.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use wasmtime::Engine;
use wasmtime::component::Component;

/// The engine-dependent part of every key.
fn engine_key(engine: &Engine) -> String {
    // `DefaultHasher::new()` has fixed keys: the same binary computes the same value.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    engine.precompile_compatibility_hash().hash(&mut h);
    format!("wasmtime-48.0.8-{:016x}", h.finish())
}

/// `VBHC_CACHE_DIR`, else the platform's cache folder (`~/.cache/vbhc/plugins` on Linux).
pub fn default_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("VBHC_CACHE_DIR") {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("vn", "vbhc", "vbhc").map(|p| p.cache_dir().join("plugins"))
}

pub struct Cache {
    dir: PathBuf,
    key: String,
}

/// How a component was obtained, for benchmarks and `plugin info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Compiled,
    Cached,
    /// The cache's entry did not match its SHA-256: discarded and compiled again.
    Repaired,
}

/// The largest compiled file read back (a plugin compiles to under 2 MB).
const MAX_COMPILED: u64 = 256 * 1024 * 1024;

impl Cache {
    /// The cache in `dir`, or none when `dir` is on a network share (Windows): compiled code
    /// must come from the user's own disk.
    pub fn new(dir: PathBuf, engine: &Engine) -> Option<Cache> {
        if on_network(&dir) {
            return None;
        }
        Some(Cache {
            dir,
            key: engine_key(engine),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn file(&self, sha256: &str) -> PathBuf {
        self.dir.join(format!("{sha256}-{}.cwasm", self.key))
    }

    /// The component for `wasm` (whose SHA-256 is `sha256`): from the cache when vbhc compiled
    /// it before, else compiled now and stored. A cache that cannot be written only costs
    /// speed.
    pub fn load(
        &self,
        engine: &Engine,
        sha256: &str,
        wasm: &[u8],
    ) -> wasmtime::Result<(Component, Origin)> {
        let file = self.file(sha256);
        let digest = digest_path(&file);
        let mut origin = Origin::Compiled;
        if private_file(&file) && private_file(&digest) {
            let bytes = std::fs::File::open(&file)
                .and_then(|f| crate::input::read_capped(f, MAX_COMPILED))
                .ok()
                .flatten();
            let expected = std::fs::read_to_string(&digest).unwrap_or_default();
            match bytes {
                Some(b) if crate::plugin::manifest::sha256_hex(&b) == expected.trim() => {
                    // SAFETY: these bytes are the ones vbhc serialized with this engine's
                    // configuration (the key in the file name), unchanged since (their SHA-256
                    // is the one written beside them), read from a private folder of the user
                    // running vbhc. wasmtime also checks the header and the engine's
                    // compatibility. Deserialised from memory, not from the file, so the file
                    // cannot change between the check and the load.
                    #[allow(unsafe_code)]
                    let loaded = unsafe { Component::deserialize(engine, &b) };
                    if let Ok(c) = loaded {
                        return Ok((c, Origin::Cached));
                    }
                }
                _ => {}
            }
            origin = Origin::Repaired;
            let _ = std::fs::remove_file(&file);
            let _ = std::fs::remove_file(&digest);
        }
        let c = Component::new(engine, wasm)?;
        let _ = self.store(&file, &c);
        Ok((c, origin))
    }

    fn store(&self, file: &Path, c: &Component) -> std::io::Result<()> {
        let bytes = c.serialize().map_err(std::io::Error::other)?;
        make_private_dir(&self.dir)?;
        let write = |to: &Path, data: &[u8]| -> std::io::Result<()> {
            let mut tmp = tempfile::Builder::new()
                .prefix(".tmp-")
                .tempfile_in(&self.dir)?;
            std::io::Write::write_all(&mut tmp, data)?;
            tmp.as_file().sync_all()?;
            // tempfile creates its files 0600 on Unix.
            tmp.persist(to).map_err(|e| e.error)?;
            Ok(())
        };
        // The digest first: a file without its digest is never loaded.
        write(
            &digest_path(file),
            crate::plugin::manifest::sha256_hex(&bytes).as_bytes(),
        )?;
        write(file, &bytes)
    }
}

fn digest_path(file: &Path) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(".sha256");
    file.with_file_name(name)
}

/// Whether `dir` is on a network share (`\\server\share\…`): Windows only; a mapped drive
/// letter cannot be told from a local one here, which is why the documentation keeps the cache
/// in `%LOCALAPPDATA%`.
fn on_network(dir: &Path) -> bool {
    use std::path::{Component as C, Prefix};
    matches!(
        dir.components().next(),
        Some(C::Prefix(p)) if matches!(p.kind(), Prefix::UNC(..) | Prefix::VerbatimUNC(..))
    )
}

#[cfg(unix)]
fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// Whether `file` is a regular file (not a link) no one else can write, owned by the user
/// running vbhc, in a folder of theirs no one else can enter.
#[cfg(unix)]
fn private_file(file: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let me = rustix::process::geteuid().as_raw();
    let Some(dir) = file.parent() else {
        return false;
    };
    match (
        std::fs::symlink_metadata(file),
        std::fs::symlink_metadata(dir),
    ) {
        (Ok(f), Ok(d)) => {
            f.is_file()
                && d.is_dir()
                && f.uid() == me
                && d.uid() == me
                && f.mode() & 0o077 == 0
                && d.mode() & 0o077 == 0
        }
        _ => false,
    }
}

#[cfg(not(unix))]
fn private_file(file: &Path) -> bool {
    file.is_file()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn folder_and_files_are_private() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("c");
        let engine = Engine::default();
        let cache = Cache::new(dir.clone(), &engine).unwrap();
        // The smallest component there is.
        let wasm = b"\0asm\x0d\0\x01\0";
        let (_, o) = cache.load(&engine, "ab", wasm).unwrap();
        assert_eq!(o, Origin::Compiled);
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        let f = cache.file("ab");
        let fmode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o777;
        assert_eq!(fmode, 0o600);
        let (_, o) = cache.load(&engine, "ab", wasm).unwrap();
        assert_eq!(o, Origin::Cached);
        // A file others could have written is not trusted: compiled again.
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o666)).unwrap();
        let (_, o) = cache.load(&engine, "ab", wasm).unwrap();
        assert_eq!(o, Origin::Compiled);
        let (_, o) = cache.load(&engine, "ab", wasm).unwrap();
        assert_eq!(o, Origin::Cached);
    }

    #[test]
    fn a_damaged_entry_is_compiled_again() {
        let tmp = tempfile::tempdir().unwrap();
        let engine = Engine::default();
        let cache = Cache::new(tmp.path().join("c"), &engine).unwrap();
        let wasm = b"\0asm\x0d\0\x01\0";
        cache.load(&engine, "ab", wasm).unwrap();
        let f = cache.file("ab");
        let mut bytes = std::fs::read(&f).unwrap();
        for i in (64..bytes.len()).step_by(97) {
            bytes[i] ^= 0x5a;
        }
        std::fs::write(&f, &bytes).unwrap();
        let (_, o) = cache.load(&engine, "ab", wasm).unwrap();
        assert_eq!(o, Origin::Repaired);
        let (_, o) = cache.load(&engine, "ab", wasm).unwrap();
        assert_eq!(o, Origin::Cached);
        // A compiled file without its digest is never loaded.
        std::fs::remove_file(digest_path(&f)).unwrap();
        let (_, o) = cache.load(&engine, "ab", wasm).unwrap();
        assert_eq!(o, Origin::Compiled);
    }
}
