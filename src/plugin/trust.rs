//! Whose plugins run. A province signs its `plugin.toml` with minisign (a detached
//! `plugin.toml.minisig`); an office trusts the province's public key by putting it in its
//! config folder (`trusted-keys/<name>.pub`), or for one run with `--trust-key FILE`.
//!
//! A key is trusted for the plugin ids listed beside it, one a line, in `<name>.ids`
//! (`trusted-keys/lang-son.ids` holding `lang-son`): a province's key then cannot vouch for
//! another province's plugin. A `.pub` without its `.ids` is trusted for every id, as before
//! this rule existed, and every use of it says so in a warning.
//!
//! A plugin without a signature runs only when the clerk says so each time
//! (`--allow-unsigned`), or when the office's config names its id together with the SHA-256 of
//! its wasm (`[plugin_chua_ky]`, `lang-son = "ff45…"`): a changed wasm asks again. Either way
//! every run warns. Nothing in the plugin's own folder can switch the check off.

use super::manifest::Found;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use minisign_verify::{Error as SigError, PublicKey, Signature};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Who vouches for a plugin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signer {
    /// Signed with a trusted key: the key's file, its comment line, its identity (the key's
    /// base64 line) and whether the key is trusted for every id (no `.ids` beside it).
    Key {
        file: PathBuf,
        comment: String,
        identity: String,
        any_id: bool,
    },
    /// Not signed; allowed by `--allow-unsigned` for this run.
    Unsigned,
    /// Not signed; allowed by the office's config for exactly this wasm.
    UnsignedAllowed,
}

impl Signer {
    /// The key file and its comment, or "unsigned".
    pub fn label(&self) -> crate::i18n::Msg {
        match self {
            Signer::Key { file, comment, .. } if !comment.is_empty() => {
                let s = format!("{} ({comment})", file.display());
                crate::i18n::Msg::new(s.clone(), s)
            }
            Signer::Key { file, .. } => {
                crate::i18n::Msg::new(file.display().to_string(), file.display().to_string())
            }
            Signer::Unsigned => {
                crate::i18n::Msg::new("chưa ký (--allow-unsigned)", "unsigned (--allow-unsigned)")
            }
            Signer::UnsignedAllowed => crate::i18n::Msg::new(
                "chưa ký (cho phép trong cấu hình)",
                "unsigned (allowed in the config)",
            ),
        }
    }

    /// What the clerk is told each time a plugin vouched for this way runs: an unsigned
    /// plugin, or a key trusted for every plugin id.
    pub fn warning(&self, id: &str, at: &Path) -> Option<Finding> {
        let f = match self {
            Signer::Key { any_id: false, .. } => return None,
            Signer::Key { file, .. } => Finding::new(codes::PLUGIN_KEY_ANY_ID,
                msg!(
                    "plugin `{}` được ký bằng khóa `{}`, khóa này được tin cho mọi plugin (không có tệp .ids bên cạnh)",
                    "plugin `{}` is signed with the key `{}`, which is trusted for every plugin (no .ids file beside it)",
                    id,
                    file.display()
                ),
            )
            .hint(msg!(
                "ghi mã các plugin khóa này được ký vào {} (mỗi dòng một mã), để khóa của một tỉnh không ký được plugin của tỉnh khác",
                "list the plugin ids this key may sign in {} (one a line), so one province's key cannot sign another's plugin",
                file.with_extension("ids").display()
            )),
            Signer::Unsigned | Signer::UnsignedAllowed => Finding::new(codes::PLUGIN_UNSIGNED_RUN,
                msg!(
                    "plugin `{}` chưa được ký: không có gì bảo đảm nó là của tỉnh",
                    "plugin `{}` is not signed: nothing vouches that it is the province's",
                    id
                ),
            ),
        };
        Some(f.at(Location::file(at)))
    }
}

/// The base64 line of `plugins/keys/demo.pub`, the key the repository's sample plugins are
/// signed with. Its secret half is committed beside it, so trusting it is trusting anyone.
pub const DEMO_KEY: &str = "RWTn23Dn3kGwSGPhvRYXKpcqdwgkwPsY9Q7EoqSi2Jtp67tzPpZPoEVB";

/// A trusted public key.
struct TrustedKey {
    file: PathBuf,
    key: PublicKey,
    comment: String,
    /// The key's base64 line: two files holding one key are one signer.
    identity: String,
    /// The plugin ids it may sign; `None`: every id.
    ids: Option<Vec<String>>,
}

pub struct Trust {
    keys: Vec<TrustedKey>,
    pub allow_unsigned: bool,
    /// Unsigned plugins the office's config allows: id → SHA-256 of the wasm.
    allowed: BTreeMap<String, String>,
    /// The office's folder of trusted keys, named in the advice when a key is missing.
    keys_dir: Option<PathBuf>,
}

fn key_error(path: &Path, why: String) -> Finding {
    Finding::new(
        codes::PLUGIN_KEY,
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
}

fn read_key(path: &Path) -> Result<TrustedKey, Finding> {
    let text = crate::input::read_utf8(path, crate::input::Kind::Small)
        .map_err(|f| key_error(path, f.message.en))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let key = PublicKey::decode(&text).map_err(|e| key_error(path, e.to_string()))?;
    let mut lines = text.lines();
    let comment = lines
        .next()
        .and_then(|l| l.strip_prefix("untrusted comment:"))
        .map(|c| c.trim().to_string())
        .unwrap_or_default();
    let identity = lines.next().unwrap_or_default().trim().to_string();
    let ids_path = path.with_extension("ids");
    let ids = match crate::input::read_utf8(&ids_path, crate::input::Kind::Small) {
        Ok(t) => Some(
            t.lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect(),
        ),
        Err(f) if f.code == codes::INPUT_MISSING => None,
        Err(f) => return Err(key_error(&ids_path, f.message.en)),
    };
    Ok(TrustedKey {
        file: path.to_path_buf(),
        key,
        comment,
        identity,
        ids,
    })
}

impl Trust {
    /// The office's trusted keys (the `.pub` files of `keys_dir`, which the caller finds
    /// beside the configuration) and the run's own `--trust-key` files.
    pub fn load(
        keys_dir: Option<PathBuf>,
        extra: &[PathBuf],
        allow_unsigned: bool,
    ) -> Result<Trust, Finding> {
        let mut files: Vec<PathBuf> = Vec::new();
        if let Some(dir) = &keys_dir
            && let Ok(rd) = std::fs::read_dir(dir)
        {
            let mut found: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "pub"))
                .collect();
            found.sort();
            files.extend(found);
        }
        files.extend(extra.iter().cloned());
        let keys = files
            .iter()
            .map(|f| read_key(f))
            .collect::<Result<_, _>>()?;
        Ok(Trust {
            keys,
            allow_unsigned,
            allowed: BTreeMap::new(),
            keys_dir,
        })
    }

    /// Said once a run, whenever it trusts the demo key (under any file name, from the office's
    /// folder or `--trust-key`): its secret half is in the repository, so anyone can sign with
    /// it. Whether or not a plugin it signed runs, the office should not be trusting it.
    pub fn warnings(&self) -> Vec<Finding> {
        self.keys
            .iter()
            .filter(|k| k.identity == DEMO_KEY)
            .map(|k| {
                Finding::new(codes::PLUGIN_DEMO_KEY,
                    msg!(
                        "khóa demo của vbhc (`{}`) đang được tin: khóa bí mật của nó công khai trong mã nguồn, ai cũng ký được plugin bằng nó",
                        "vbhc's demo key (`{}`) is trusted: its secret half is public in the source, anyone can sign a plugin with it",
                        k.file.display()
                    ),
                )
                .at(Location::file(&k.file))
                .hint(msg!(
                    "chỉ dùng để thử; văn phòng tin khóa của tỉnh (bộ phận CNTT của tỉnh ký lại plugin bằng khóa của tỉnh: PLUGINS.md)",
                    "for trying vbhc only; an office trusts its province's key (the province's IT officer re-signs the plugins with it: PLUGINS.md)"
                ))
            })
            .collect()
    }

    /// The unsigned plugins the office's config allows (id → SHA-256 of the wasm).
    pub fn allowing(mut self, allowed: BTreeMap<String, String>) -> Trust {
        self.allowed = allowed;
        self
    }

    /// The trusted key that signed `found`, whatever ids it may sign (`None`: unsigned, or
    /// signed by no trusted key). For telling whether a reinstall changes the signer.
    pub fn signer_identity(&self, found: &Found) -> Option<String> {
        let text = std::fs::read_to_string(found.signature_path()).ok()?;
        let sig = Signature::decode(&text).ok()?;
        self.keys
            .iter()
            .find(|k| k.key.verify(&found.bytes, &sig, false).is_ok())
            .map(|k| k.identity.clone())
    }

    /// Checks the manifest's signature, or the permission to run it unsigned.
    pub fn verify(&self, found: &Found) -> Result<Signer, Finding> {
        let sig_path = found.signature_path();
        let id = &found.manifest.id;
        let text = match crate::input::read(&sig_path, crate::input::Kind::Small) {
            Ok(t) => t,
            Err(f) if f.code == codes::INPUT_MISSING => return self.unsigned(found),
            Err(f) => {
                return Err(Finding::new(
                    codes::PLUGIN_SIGNATURE,
                    msg!(
                        "không đọc được chữ ký `{}`: {}",
                        "cannot read the signature `{}`: {}",
                        sig_path.display(),
                        f.message
                    ),
                )
                .at(Location::file(&sig_path)));
            }
        };
        let bad = |why: &str| {
            Finding::new(codes::PLUGIN_SIGNATURE,
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
        for k in &self.keys {
            match k.key.verify(&found.bytes, &sig, false) {
                Ok(()) => {
                    if let Some(ids) = &k.ids
                        && !ids.iter().any(|i| i == id)
                    {
                        return Err(Finding::new(codes::PLUGIN_KEY_ID,
                            msg!(
                                "plugin `{}` được ký bằng khóa `{}`, nhưng khóa này chỉ được tin cho: {}",
                                "plugin `{}` is signed with the key `{}`, which is trusted only for: {}",
                                id,
                                k.file.display(),
                                if ids.is_empty() { "—".to_string() } else { ids.join(", ") }
                            ),
                        )
                        .at(Location::file(&sig_path))
                        .hint(msg!(
                            "một tỉnh không ký plugin của tỉnh khác; nếu đúng là plugin của đơn vị giữ khóa, thêm `{}` vào {}",
                            "one province does not sign another's plugin; if the plugin is the key holder's, add `{}` to {}",
                            id,
                            k.file.with_extension("ids").display()
                        )));
                    }
                    return Ok(Signer::Key {
                        file: k.file.clone(),
                        comment: k.comment.clone(),
                        identity: k.identity.clone(),
                        any_id: k.ids.is_none(),
                    });
                }
                Err(SigError::UnexpectedKeyId) => continue,
                Err(e) => return Err(bad(&e.to_string())),
            }
        }
        Err(Finding::new(codes::PLUGIN_UNTRUSTED,
            msg!(
                "plugin `{}` được ký bằng một khóa văn phòng chưa tin cậy",
                "plugin `{}` is signed with a key this office does not trust",
                id
            ),
        )
        .at(Location::file(&sig_path))
        .hint(match &self.keys_dir {
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

    /// A plugin without a signature: allowed for this run, or for this very wasm by the config.
    fn unsigned(&self, found: &Found) -> Result<Signer, Finding> {
        let id = &found.manifest.id;
        if self.allow_unsigned {
            return Ok(Signer::Unsigned);
        }
        // The manifest's hash is the wasm's: the host refuses a wasm whose bytes differ.
        let sha = &found.manifest.sha256;
        match self.allowed.get(id) {
            Some(allowed) if allowed.eq_ignore_ascii_case(sha) => Ok(Signer::UnsignedAllowed),
            Some(allowed) => Err(Finding::new(codes::PLUGIN_UNSIGNED,
                msg!(
                    "plugin `{}` không có chữ ký và đã thay đổi kể từ khi được cho phép: SHA-256 nay là {}, cấu hình cho phép {}",
                    "plugin `{}` is not signed and changed since it was allowed: its SHA-256 is now {}, the config allows {}",
                    id,
                    sha,
                    allowed
                ),
            )
            .at(Location::file(&found.path))
            .hint(msg!(
                "nếu bản mới đúng là của tỉnh, sửa SHA-256 trong [plugin_chua_ky] của tệp cấu hình; tốt hơn: xin tỉnh bản đã ký",
                "if the new copy is the province's, update the SHA-256 in the config's [plugin_chua_ky]; better: ask the province for a signed copy"
            ))),
            None => Err(Finding::new(codes::PLUGIN_UNSIGNED,
                msg!(
                    "plugin `{}` không có chữ ký ({} không có): không chạy plugin chưa ký",
                    "plugin `{}` is not signed (no {}): unsigned plugins do not run",
                    id,
                    super::manifest::SIGNATURE
                ),
            )
            .at(Location::file(&found.path))
            .hint(msg!(
                "xin tỉnh tệp chữ ký; hoặc thêm --allow-unsigned cho lần chạy này, hoặc ghi `{} = \"{}\"` vào [plugin_chua_ky] của tệp cấu hình nếu chắc chắn về nguồn gốc plugin",
                "ask the province for the signature; or add --allow-unsigned for this run, or write `{} = \"{}\"` under [plugin_chua_ky] in the config if you are sure where the plugin comes from",
                id,
                sha
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    /// The warning is only as good as the constant: it is the key the repository ships.
    #[test]
    fn the_demo_key_constant_is_the_shipped_key() {
        let shipped = include_str!("../../plugins/keys/demo.pub");
        assert_eq!(shipped.lines().nth(1).map(str::trim), Some(super::DEMO_KEY));
    }
}
