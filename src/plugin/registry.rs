//! Which plugins exist for this run: the ones named with `--plugin PATH`, then the ones
//! installed with `vbhc plugin install` in the user's data folder — never a folder of the
//! source tree by accident. A plugin is verified and compiled only when a draft names it.

use super::host::{Host, Plugin, Source};
use super::manifest::{self, Found};
use super::trust::Trust;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    /// Verified and compiled on first use, once, whichever thread asks first.
    loaded: std::sync::OnceLock<Result<Arc<Plugin>, Finding>>,
}

pub struct Registry {
    pub entries: BTreeMap<String, Entry>,
    /// Ids installed in several folders, none of them the id's own: drafts naming one fail,
    /// every other draft is made.
    pub ambiguous: BTreeMap<String, Vec<PathBuf>>,
    /// Installed copies passed over (a backup folder holding the same id): one warning each.
    pub warnings: Vec<Finding>,
    pub trust: Trust,
}

impl Registry {
    /// The plugins of `explicit` paths and the installed ones. A broken installed plugin
    /// makes no noise until a draft names it. Two `--plugin` paths with one id are refused;
    /// an installed plugin with the id of a `--plugin` one is passed over (the clerk named
    /// the other); of several installed folders with one id, the folder named after the id is
    /// the plugin and the others are warned about.
    pub fn discover(explicit: &[PathBuf], trust: Trust) -> Result<Registry, Finding> {
        let mut reg = Registry {
            entries: BTreeMap::new(),
            ambiguous: BTreeMap::new(),
            warnings: trust.warnings(),
            trust,
        };
        let entry = |found: Found, source: Source| Entry {
            found,
            source,
            loaded: std::sync::OnceLock::new(),
        };
        for p in explicit {
            let found = manifest::read(p)?;
            let id = found.manifest.id.clone();
            if let Some(other) = reg.entries.get(&id) {
                return Err(Finding::new(
                    codes::PLUGIN_DUPLICATE,
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
                    "bỏ một trong hai --plugin",
                    "drop one of the two --plugin"
                )));
            }
            reg.entries.insert(id, entry(found, Source::Explicit));
        }
        let mut by_id: BTreeMap<String, Vec<(PathBuf, Found)>> = BTreeMap::new();
        for dir in installed() {
            match manifest::read(&dir) {
                Ok(found) => by_id
                    .entry(found.manifest.id.clone())
                    .or_default()
                    .push((dir, found)),
                // A broken installed manifest is said, not silently passed over (the plugin
                // would seem to have vanished).
                Err(f) => reg.warnings.push(
                    Finding::warning(f.code, f.message)
                        .at(Location::file(dir.join(manifest::FILE))),
                ),
            }
        }
        for (id, mut copies) in by_id {
            if reg.entries.contains_key(&id) {
                continue;
            }
            let own = copies
                .iter()
                .position(|(dir, _)| dir.file_name().is_some_and(|n| *n == *id.as_str()));
            match own {
                Some(i) => {
                    let (_, found) = copies.remove(i);
                    for (dir, _) in &copies {
                        reg.warnings.push(
                            Finding::warning(
                                codes::PLUGIN_DUPLICATE,
                                msg!(
                                    "thư mục `{}` cũng chứa plugin `{}` (bản sao?): vbhc dùng bản đã cài ở `{}` và bỏ qua bản này",
                                    "the folder `{}` also holds plugin `{}` (a copy?): vbhc uses the one installed in `{}` and passes this one over",
                                    dir.display(),
                                    id,
                                    found.dir().display()
                                ),
                            )
                            .at(Location::file(dir))
                            .hint(msg!(
                                "xóa thư mục thừa đó (không dùng `vbhc plugin remove`, lệnh đó gỡ bản đang dùng)",
                                "delete that extra folder (not with `vbhc plugin remove`, which removes the one in use)"
                            )),
                        );
                    }
                    reg.entries.insert(id, entry(found, Source::Installed));
                }
                None if copies.len() == 1 => {
                    let (_, found) = copies.remove(0);
                    reg.entries.insert(id, entry(found, Source::Installed));
                }
                None => {
                    reg.ambiguous
                        .insert(id, copies.into_iter().map(|(d, _)| d).collect());
                }
            }
        }
        Ok(reg)
    }

    pub fn ids(&self) -> Vec<&str> {
        self.entries.keys().map(String::as_str).collect()
    }

    /// The plugin `id`, verified and compiled (once per run).
    pub fn get(&self, host: &Host, id: &str) -> Option<Result<Arc<Plugin>, Finding>> {
        if let Some(dirs) = self.ambiguous.get(id) {
            let list: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
            return Some(Err(Finding::new(
                codes::PLUGIN_DUPLICATE,
                msg!(
                    "plugin `{}` được cài ở nhiều thư mục, không thư mục nào mang tên `{}`: {}",
                    "plugin `{}` is installed in several folders, none named `{}`: {}",
                    id,
                    id,
                    list.join(", ")
                ),
            )
            .hint(msg!(
                "cài lại plugin (`vbhc plugin install`) rồi xóa các thư mục thừa",
                "install the plugin again (`vbhc plugin install`) and delete the extra folders"
            ))));
        }
        let e = self.entries.get(id)?;
        Some(
            e.loaded
                .get_or_init(|| {
                    self.trust
                        .verify(&e.found)
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

/// What installing `new` over the installed plugin of its id would change. Another signer
/// than the installed copy's is refused unless `force` (then said in a warning): a trusted key
/// replacing a province's plugin with its own is exactly the attack a signature is for. The
/// same version with other bytes is warned about (a plugin changed without a new version).
pub fn replacing(trust: &Trust, new: &Plugin, force: bool) -> Result<Vec<Finding>, Finding> {
    let m = &new.found.manifest;
    let Some(old) = installed_dir()
        .map(|r| r.join(&m.id))
        .and_then(|d| manifest::read(&d).ok())
    else {
        return Ok(Vec::new());
    };
    let mut warnings = Vec::new();
    let old_signer = trust.signer_identity(&old);
    let new_signer = match &new.signer {
        super::trust::Signer::Key { identity, .. } => Some(identity.clone()),
        _ => None,
    };
    if old_signer != new_signer {
        let describe = |s: &Option<String>| match s {
            Some(_) => crate::i18n::Msg::new("một khóa khác", "another key"),
            None => crate::i18n::Msg::new(
                "không khóa tin cậy nào (chưa ký, hoặc khóa đã bỏ)",
                "no trusted key (unsigned, or a key no longer trusted)",
            ),
        };
        let before = describe(&old_signer);
        let f = |sev_error: bool| {
            let m = msg!(
                "plugin `{}` đang cài được ký bởi {}; bản mới được ký bởi {}: {}",
                "plugin `{}` is installed signed by {}; the new copy is signed by {}: {}",
                m.id,
                before,
                new.signer.label(),
                if sev_error {
                    crate::i18n::Msg::new("không cài", "not installed")
                } else {
                    crate::i18n::Msg::new("vẫn cài vì có --force", "installed because of --force")
                }
            );
            if sev_error {
                Finding::new(codes::PLUGIN_SIGNER_CHANGED, m).hint(msg!(
                    "nếu tỉnh đã đổi khóa (hãy hỏi lại tỉnh), cài lại với --force",
                    "if the province changed its key (ask the province), install again with --force"
                ))
            } else {
                Finding::warning(codes::PLUGIN_SIGNER_CHANGED, m)
            }
            .at(Location::file(&new.found.path))
        };
        if !force {
            return Err(f(true));
        }
        warnings.push(f(false));
    }
    if old.manifest.version == m.version && !old.manifest.sha256.eq_ignore_ascii_case(&m.sha256) {
        warnings.push(
            Finding::new(codes::PLUGIN_SAME_VERSION,
                msg!(
                    "plugin `{}` {} đã cài có SHA-256 {}, bản mới cùng phiên bản nhưng SHA-256 {}: plugin đã đổi mà không tăng phiên bản",
                    "plugin `{}` {} is installed with SHA-256 {}; the new copy has the same version but SHA-256 {}: the plugin changed without a new version",
                    m.id,
                    m.version,
                    old.manifest.sha256,
                    m.sha256
                ),
            )
            .at(Location::file(&new.found.path)),
        );
    }
    Ok(warnings)
}

/// Copies a verified plugin into the data folder, replacing an older install of the same id
/// only once the new copy is complete. Returns the folder.
pub fn install(plugin: &Plugin) -> Result<PathBuf, Finding> {
    let io = |path: &Path, e: std::io::Error| {
        Finding::new(
            codes::PLUGIN_INSTALL,
            msg!(
                "không cài được plugin vào `{}`: {}",
                "cannot install the plugin into `{}`: {}",
                path.display(),
                crate::i18n::OsErr(&e)
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
    // An unsigned plugin is installed as it is: running it later asks again (the flag, or the
    // config's permission for this wasm).
    if let super::trust::Signer::Key { .. } = &plugin.signer {
        copy(&plugin.found.signature_path(), manifest::SIGNATURE)?
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
