//! Compiled plugins on disk. Compiling a plugin takes tens of milliseconds; loading the
//! machine code vbhc compiled earlier takes a fraction of one. The file name is the key:
//! the wasm's SHA-256, the wasmtime version and the engine's compatibility hash, so a changed
//! plugin, an upgraded vbhc or different engine settings never load stale code.
//!
//! Loading compiled code is trusting it as machine code, so only files vbhc wrote itself are
//! loaded: the folder is private to the user (0700 on Unix), files are written 0600 through a
//! temporary file in the same folder, and anything else found there is ignored.

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
}

impl Cache {
    pub fn new(dir: PathBuf, engine: &Engine) -> Cache {
        Cache {
            dir,
            key: engine_key(engine),
        }
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
        if private_file(&file) {
            // SAFETY: the file is in vbhc's private cache folder, written only by `store`
            // below from `Component::serialize` of this same engine configuration (the key
            // in its name). wasmtime also checks the header and the engine compatibility.
            #[allow(unsafe_code)]
            let loaded = unsafe { Component::deserialize_file(engine, &file) };
            if let Ok(c) = loaded {
                return Ok((c, Origin::Cached));
            }
            let _ = std::fs::remove_file(&file);
        }
        let c = Component::new(engine, wasm)?;
        let _ = self.store(&file, &c);
        Ok((c, Origin::Compiled))
    }

    fn store(&self, file: &Path, c: &Component) -> std::io::Result<()> {
        let bytes = c.serialize().map_err(std::io::Error::other)?;
        make_private_dir(&self.dir)?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".tmp-")
            .tempfile_in(&self.dir)?;
        std::io::Write::write_all(&mut tmp, &bytes)?;
        tmp.as_file().sync_all()?;
        // tempfile creates its files 0600 on Unix.
        tmp.persist(file).map_err(|e| e.error)?;
        Ok(())
    }
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

/// Whether `file` is a regular file (not a link) no one else can write, owned by the owner
/// of its folder, a folder no one else can enter.
#[cfg(unix)]
fn private_file(file: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
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
                && f.uid() == d.uid()
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
        let cache = Cache::new(dir.clone(), &engine);
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
    }
}
