//! `plugin.toml`: what a province ships beside its `.wasm` — who the plugin is, which API it
//! was built for and the SHA-256 of the exact bytes. The manifest is what the province signs
//! (`plugin.toml.minisig`), so the signature covers the wasm through its hash.

use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

pub const FILE: &str = "plugin.toml";
pub const SIGNATURE: &str = "plugin.toml.minisig";

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub id: String,
    pub name: String,
    pub version: String,
    pub province: String,
    pub api: String,
    pub wasm: String,
    pub sha256: String,
}

/// A manifest read from disk, with the folder it sits in.
#[derive(Debug, Clone)]
pub struct Found {
    pub manifest: Manifest,
    /// The `plugin.toml` file.
    pub path: PathBuf,
    /// Its exact bytes (what the signature covers).
    pub bytes: Vec<u8>,
}

impl Found {
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }
    pub fn wasm_path(&self) -> PathBuf {
        crate::output::beside(self.dir(), &self.manifest.wasm)
    }
    pub fn signature_path(&self) -> PathBuf {
        crate::output::beside(self.dir(), SIGNATURE)
    }
}

pub fn refused(code: &'static str, path: &Path, m: crate::i18n::Msg) -> Finding {
    Finding::new(code, m).at(Location::file(path))
}

/// `PATH` as the clerk gives it: a `plugin.toml`, the folder holding one, or the `.wasm`
/// beside one.
pub fn locate(path: &Path) -> PathBuf {
    if path.is_dir() {
        crate::output::beside(path, FILE)
    } else if path.extension().is_some_and(|e| e == "wasm") {
        path.with_file_name(FILE)
    } else {
        path.to_path_buf()
    }
}

pub fn read(path: &Path) -> Result<Found, Finding> {
    let file = locate(path);
    let bytes = crate::input::read(&file, crate::input::Kind::Small).map_err(|f| {
        refused(
            codes::PLUGIN_MANIFEST,
            &file,
            msg!(
                "không đọc được tệp mô tả plugin `{}`: {}",
                "cannot read the plugin manifest `{}`: {}",
                file.display(),
                f.message
            ),
        )
    })?;
    let src = String::from_utf8(bytes.clone()).map_err(|_| {
        refused(
            codes::PLUGIN_MANIFEST,
            &file,
            msg!(
                "tệp mô tả plugin không phải UTF-8",
                "the plugin manifest is not UTF-8"
            ),
        )
    })?;
    let manifest: Manifest = toml::from_str(&src).map_err(|e| {
        let line = e
            .span()
            .map_or(1, |s| src[..s.start].matches('\n').count() + 1);
        Finding::new(
            codes::PLUGIN_MANIFEST,
            msg!(
                "tệp mô tả plugin sai: {}",
                "malformed plugin manifest: {}",
                e.message()
            ),
        )
        .at(Location::file(&file).at(line, 1))
        .hint(msg!(
            "các khóa: id, name, version, province, api, wasm, sha256",
            "keys: id, name, version, province, api, wasm, sha256"
        ))
    })?;
    check(&manifest, &file)?;
    Ok(Found {
        manifest,
        path: file,
        bytes,
    })
}

/// The manifest's own rules: an id of lower-case letters, digits and dashes; the wasm a file
/// beside the manifest; a SHA-256 in hex; an API version this host runs.
fn check(m: &Manifest, file: &Path) -> Result<(), Finding> {
    let bad = |field: &str, why_vi: &str, why_en: &str| {
        refused(
            codes::PLUGIN_MANIFEST,
            file,
            crate::i18n::Msg::new(
                format!("tệp mô tả plugin: `{field}` {why_vi}"),
                format!("plugin manifest: `{field}` {why_en}"),
            ),
        )
    };
    let id_ok = !m.id.is_empty()
        && m.id.len() <= 64
        && m.id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !m.id.starts_with('-');
    if !id_ok {
        return Err(bad(
            "id",
            "chỉ gồm chữ thường a–z, chữ số và dấu gạch (lang-son)",
            "must be lower-case a–z, digits and dashes (lang-son)",
        ));
    }
    if m.wasm.contains(['/', '\\']) || m.wasm.starts_with('.') || !m.wasm.ends_with(".wasm") {
        return Err(bad(
            "wasm",
            "phải là tên một tệp .wasm nằm cạnh plugin.toml",
            "must name a .wasm file beside plugin.toml",
        ));
    }
    if m.sha256.len() != 64 || !m.sha256.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(bad(
            "sha256",
            "phải là 64 chữ số hex",
            "must be 64 hex digits",
        ));
    }
    if api_major(&m.api) != Some(super::wit::API_MAJOR) {
        return Err(Finding::new(
            codes::PLUGIN_API,
            msg!(
                "plugin `{}` viết cho API {}; vbhc này chạy API {}.x",
                "plugin `{}` was built for API {}; this vbhc runs API {}.x",
                m.id,
                m.api,
                super::wit::API_MAJOR
            ),
        )
        .at(Location::file(file)));
    }
    Ok(())
}

/// The major version of `1.0.0`.
pub fn api_major(v: &str) -> Option<u64> {
    let mut parts = v.trim().split('.');
    let major = parts.next()?.parse().ok()?;
    let rest: Vec<&str> = parts.collect();
    (rest.len() == 2 && rest.iter().all(|p| p.parse::<u64>().is_ok())).then_some(major)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads the manifest's wasm and checks it is the one the manifest names.
pub fn read_wasm(found: &Found) -> Result<Vec<u8>, Finding> {
    let path = found.wasm_path();
    // A regular file below the cap, or refused before it is read: a manifest may name a
    // FIFO or the zero device, and its hash is only compared once the bytes are in.
    let bytes = crate::input::read(&path, crate::input::Kind::Wasm)
        .map_err(|f| refused(codes::PLUGIN_MANIFEST, &path, f.message))?;
    let got = sha256_hex(&bytes);
    if !got.eq_ignore_ascii_case(&found.manifest.sha256) {
        return Err(refused(
            codes::PLUGIN_HASH,
            &path,
            msg!(
                "`{}` có SHA-256 {}, khác với {} ghi trong plugin.toml: tệp đã bị thay đổi",
                "`{}` has SHA-256 {}, not the {} plugin.toml names: the file was changed",
                path.display(),
                got,
                found.manifest.sha256
            ),
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_versions() {
        assert_eq!(api_major("1.0.0"), Some(1));
        assert_eq!(api_major("2.1.0"), Some(2));
        assert_eq!(api_major("1"), None);
        assert_eq!(api_major("1.x.0"), None);
    }

    #[test]
    fn hash_is_lower_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
