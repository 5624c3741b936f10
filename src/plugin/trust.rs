//! Whose plugins run. A province signs its `plugin.toml` with minisign (a detached
//! `plugin.toml.minisig`); an office trusts the province's public key by putting it in its
//! config folder (`trusted-keys/*.pub`), or for one run with `--trust-key FILE`. A plugin
//! without a signature runs only with an explicit `--allow-unsigned`.

use super::manifest::Found;
use crate::exit::Exit;
use crate::finding::{Finding, Location};
use crate::msg;
use minisign_verify::{Error as SigError, PublicKey, Signature};
use std::path::{Path, PathBuf};

/// Who vouches for a plugin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signer {
    /// Signed with a trusted key: the key's file and its comment line.
    Key { file: PathBuf, comment: String },
    /// Not signed; allowed by `--allow-unsigned` (or installed with it).
    Unsigned,
}

impl Signer {
    /// The key file and its comment, or "unsigned".
    pub fn label(&self) -> crate::i18n::Msg {
        match self {
            Signer::Key { file, comment } if !comment.is_empty() => {
                let s = format!("{} ({comment})", file.display());
                crate::i18n::Msg::new(s.clone(), s)
            }
            Signer::Key { file, .. } => {
                crate::i18n::Msg::new(file.display().to_string(), file.display().to_string())
            }
            Signer::Unsigned => {
                crate::i18n::Msg::new("chưa ký (--allow-unsigned)", "unsigned (--allow-unsigned)")
            }
        }
    }
}

pub struct Trust {
    keys: Vec<(PathBuf, PublicKey, String)>,
    pub allow_unsigned: bool,
}

/// `trusted-keys/` beside the config file.
pub fn keys_dir() -> Option<PathBuf> {
    crate::config::path().and_then(|p| p.parent().map(|d| d.join("trusted-keys")))
}

fn read_key(path: &Path) -> Result<(PublicKey, String), Finding> {
    let bad = |why: String| {
        Finding::error(
            "PLUGIN-KEY",
            Exit::Config,
            msg!(
                "khóa công khai `{}` không đọc được: {}",
                "cannot read the public key `{}`: {}",
                path.display(),
                why
            ),
        )
        .at(Location::file(path))
        .hint(msg!(
            "tệp khóa là tệp .pub do `minisign -G` tạo ra",
            "a key file is the .pub file `minisign -G` writes"
        ))
    };
    let text = std::fs::read_to_string(path).map_err(|e| bad(e.to_string()))?;
    if text.len() > 4096 {
        return Err(bad("too large".into()));
    }
    let key = PublicKey::decode(&text).map_err(|e| bad(e.to_string()))?;
    let comment = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("untrusted comment:"))
        .map(|c| c.trim().to_string())
        .unwrap_or_default();
    Ok((key, comment))
}

impl Trust {
    /// The office's trusted keys and the run's own `--trust-key` files.
    pub fn load(extra: &[PathBuf], allow_unsigned: bool) -> Result<Trust, Finding> {
        let mut files: Vec<PathBuf> = Vec::new();
        if let Some(dir) = keys_dir()
            && let Ok(rd) = std::fs::read_dir(&dir)
        {
            let mut found: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "pub"))
                .collect();
            found.sort();
            files.extend(found);
        }
        files.extend(extra.iter().cloned());
        let mut keys = Vec::new();
        for f in files {
            let (k, c) = read_key(&f)?;
            keys.push((f, k, c));
        }
        Ok(Trust {
            keys,
            allow_unsigned,
        })
    }

    /// Checks the manifest's signature. `installed_unsigned`: the plugin was installed with
    /// `--allow-unsigned`, which is remembered.
    pub fn verify(&self, found: &Found, installed_unsigned: bool) -> Result<Signer, Finding> {
        let sig_path = found.signature_path();
        let id = &found.manifest.id;
        let text = match std::fs::read(&sig_path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if self.allow_unsigned || installed_unsigned {
                    return Ok(Signer::Unsigned);
                }
                return Err(Finding::error(
                    "PLUGIN-UNSIGNED",
                    Exit::Config,
                    msg!(
                        "plugin `{}` không có chữ ký ({} không có): không chạy plugin chưa ký",
                        "plugin `{}` is not signed (no {}): unsigned plugins do not run",
                        id,
                        super::manifest::SIGNATURE
                    ),
                )
                .at(Location::file(&found.path))
                .hint(msg!(
                    "xin tỉnh tệp chữ ký, hoặc thêm --allow-unsigned nếu chắc chắn về nguồn gốc plugin",
                    "ask the province for the signature, or add --allow-unsigned if you are sure where the plugin comes from"
                )));
            }
            Err(e) => {
                return Err(Finding::error(
                    "PLUGIN-SIGNATURE",
                    Exit::Config,
                    msg!(
                        "không đọc được chữ ký `{}`: {}",
                        "cannot read the signature `{}`: {}",
                        sig_path.display(),
                        e
                    ),
                )
                .at(Location::file(&sig_path)));
            }
        };
        let bad = |why: &str| {
            Finding::error(
                "PLUGIN-SIGNATURE",
                Exit::Config,
                msg!(
                    "chữ ký của plugin `{}` không hợp lệ ({}): plugin.toml đã bị sửa hoặc chữ ký không phải của khóa này",
                    "the signature of plugin `{}` is invalid ({}): plugin.toml was changed or the signature is not this key's",
                    id,
                    why
                ),
            )
            .at(Location::file(&sig_path))
        };
        if text.len() > 4096 {
            return Err(bad("too large"));
        }
        let sig = std::str::from_utf8(&text)
            .ok()
            .and_then(|s| Signature::decode(s).ok())
            .ok_or_else(|| bad("malformed"))?;
        for (file, key, comment) in &self.keys {
            match key.verify(&found.bytes, &sig, false) {
                Ok(()) => {
                    return Ok(Signer::Key {
                        file: file.clone(),
                        comment: comment.clone(),
                    });
                }
                Err(SigError::UnexpectedKeyId) => continue,
                Err(e) => return Err(bad(&e.to_string())),
            }
        }
        Err(Finding::error(
            "PLUGIN-UNTRUSTED",
            Exit::Config,
            msg!(
                "plugin `{}` được ký bằng một khóa văn phòng chưa tin cậy",
                "plugin `{}` is signed with a key this office does not trust",
                id
            ),
        )
        .at(Location::file(&sig_path))
        .hint(match keys_dir() {
            Some(d) => msg!(
                "nếu khóa đúng là của tỉnh, chép tệp khóa công khai (.pub) vào {} (hoặc dùng --trust-key TỆP)",
                "if the key is the province's, copy its public key (.pub) into {} (or use --trust-key FILE)",
                d.display()
            ),
            None => msg!(
                "dùng --trust-key TỆP với khóa công khai của tỉnh",
                "use --trust-key FILE with the province's public key"
            ),
        }))
    }
}
