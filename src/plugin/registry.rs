//! Which plugins exist for this run: the ones named with `--plugin PATH`, then the ones
//! installed with `vbhc plugin install` in the user's data folder — never a folder of the
//! source tree by accident. A plugin is verified and compiled only when a draft names it.

use super::host::{Host, Plugin, Source};
use super::manifest::{self, Found};
use super::trust::Trust;
use crate::exit::Exit;
use crate::finding::{Finding, Location};
use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Marks an installed plugin that was installed unsigned with `--allow-unsigned`.
pub const UNSIGNED_MARK: &str = "allow-unsigned";

/// `VBHC_DATA_DIR/plugins`, else the platform's data folder (`~/.local/share/vbhc/plugins`).
pub fn installed_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("VBHC_DATA_DIR") {
        return Some(PathBuf::from(d).join("plugins"));
    }
    directories::ProjectDirs::from("vn", "vbhc", "vbhc").map(|p| p.data_dir().join("plugins"))
}

/// A plugin known to this run, loaded on first use.
pub struct Entry {
    pub found: Found,
    pub source: Source,
    pub installed_unsigned: bool,
    /// Verified and compiled on first use, once, whichever thread asks first.
    loaded: std::sync::OnceLock<Result<Arc<Plugin>, Finding>>,
}

pub struct Registry {
    pub entries: BTreeMap<String, Entry>,
    pub trust: Trust,
}

impl Registry {
    /// The plugins of `explicit` paths and the installed ones. A broken installed plugin
    /// makes no noise until a draft names it; two plugins with one id are refused.
    pub fn discover(explicit: &[PathBuf], trust: Trust) -> Result<Registry, Finding> {
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        let mut add = |found: Found, source: Source, unsigned: bool| {
            let id = found.manifest.id.clone();
            if let Some(other) = entries.get(&id) {
                return Err(Finding::error(
                    "PLUGIN-DUPLICATE",
                    Exit::Config,
                    msg!(
                        "có hai plugin cùng mã `{}`: {} và {}",
                        "two plugins have the id `{}`: {} and {}",
                        id,
                        other.found.path.display(),
                        found.path.display()
                    ),
                )
                .at(Location::file(&found.path))
                .hint(msg!(
                    "bỏ một trong hai: bớt --plugin, hoặc `vbhc plugin remove {}`",
                    "drop one of them: remove a --plugin, or `vbhc plugin remove {}`",
                    id
                )));
            }
            entries.insert(
                id,
                Entry {
                    found,
                    source,
                    installed_unsigned: unsigned,
                    loaded: std::sync::OnceLock::new(),
                },
            );
            Ok(())
        };
        for p in explicit {
            add(manifest::read(p)?, Source::Explicit, false)?;
        }
        for dir in installed() {
            if let Ok(found) = manifest::read(&dir) {
                let unsigned = dir.join(UNSIGNED_MARK).exists();
                add(found, Source::Installed, unsigned)?;
            }
        }
        Ok(Registry { entries, trust })
    }

    pub fn ids(&self) -> Vec<&str> {
        self.entries.keys().map(String::as_str).collect()
    }

    /// The plugin `id`, verified and compiled (once per run).
    pub fn get(&self, host: &Host, id: &str) -> Option<Result<Arc<Plugin>, Finding>> {
        let e = self.entries.get(id)?;
        Some(
            e.loaded
                .get_or_init(|| {
                    self.trust
                        .verify(&e.found, e.installed_unsigned)
                        .and_then(|signer| host.load(e.found.clone(), signer, e.source.clone()))
                })
                .clone(),
        )
    }
}

/// The folders of installed plugins, sorted.
pub fn installed() -> Vec<PathBuf> {
    let Some(dir) = installed_dir() else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.join(manifest::FILE).is_file())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Copies a verified plugin into the data folder, replacing an older install of the same id
/// only once the new copy is complete. Returns the folder.
pub fn install(plugin: &Plugin) -> Result<PathBuf, Finding> {
    let io = |path: &Path, e: std::io::Error| {
        Finding::error(
            "PLUGIN-INSTALL",
            Exit::CantCreate,
            msg!(
                "không cài được plugin vào `{}`: {}",
                "cannot install the plugin into `{}`: {}",
                path.display(),
                e
            ),
        )
        .at(Location::file(path))
    };
    let root = installed_dir().ok_or_else(|| {
        io(
            Path::new("~"),
            std::io::Error::other("no home folder (set VBHC_DATA_DIR)"),
        )
    })?;
    std::fs::create_dir_all(&root).map_err(|e| io(&root, e))?;
    let m = &plugin.found.manifest;
    let staging = tempfile::Builder::new()
        .prefix(".install-")
        .tempdir_in(&root)
        .map_err(|e| io(&root, e))?;
    let copy = |from: &Path, name: &str| {
        let to = staging.path().join(name);
        std::fs::copy(from, &to).map(|_| ()).map_err(|e| io(&to, e))
    };
    std::fs::write(staging.path().join(manifest::FILE), &plugin.found.bytes)
        .map_err(|e| io(staging.path(), e))?;
    copy(&plugin.found.wasm_path(), &m.wasm)?;
    match &plugin.signer {
        super::trust::Signer::Key { .. } => {
            copy(&plugin.found.signature_path(), manifest::SIGNATURE)?
        }
        super::trust::Signer::Unsigned => std::fs::write(
            staging.path().join(UNSIGNED_MARK),
            "installed with --allow-unsigned\n",
        )
        .map_err(|e| io(staging.path(), e))?,
    }
    let dest = root.join(&m.id);
    let old = root.join(format!(".old-{}", m.id));
    let _ = std::fs::remove_dir_all(&old);
    if dest.exists() {
        std::fs::rename(&dest, &old).map_err(|e| io(&dest, e))?;
    }
    let staged = staging.keep();
    if let Err(e) = std::fs::rename(&staged, &dest) {
        let _ = std::fs::rename(&old, &dest);
        let _ = std::fs::remove_dir_all(&staged);
        return Err(io(&dest, e));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(dest)
}
