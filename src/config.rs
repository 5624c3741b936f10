//! The office's settings, in the platform's config folder (`directories`: %APPDATA% on Windows,
//! ~/.config on Linux, ~/Library/Application Support on macOS): `vbhc/config.toml`. Today it
//! holds the tone-mark style and a default templates folder; a draft's own `kieu_dau` and the
//! `--templates` option take precedence. `VBHC_CONFIG` names another file (tests, shared setups).

use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use crate::text::ToneStyle;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub tone: Option<ToneStyle>,
    pub templates: Option<PathBuf>,
    /// Limits of plugin calls (`[plugin]`), each within its allowed range.
    pub plugin: crate::plugin::Limits,
    /// Unsigned plugins the office allows, each for one wasm: id → its SHA-256
    /// (`[plugin_chua_ky]`). Any change to the wasm asks again.
    pub unsigned: std::collections::BTreeMap<String, String>,
    /// Where the settings came from, if a file was read.
    pub path: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    kieu_dau: Option<String>,
    mau: Option<PathBuf>,
    plugin: Option<crate::plugin::Limits>,
    plugin_chua_ky: Option<std::collections::BTreeMap<String, String>>,
}

/// The config file vbhc reads: `$VBHC_CONFIG`, else the platform's config folder.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("VBHC_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("vn", "vbhc", "vbhc").map(|d| d.config_dir().join("config.toml"))
}

/// `trusted-keys/` beside the config file: the keys the office trusts to sign plugins.
pub fn keys_dir() -> Option<PathBuf> {
    path().and_then(|p| p.parent().map(|d| d.join("trusted-keys")))
}

/// Loads the config; a missing file is no config, a broken one is refused (exit 78).
pub fn load() -> Result<Config, Finding> {
    let Some(path) = path() else {
        return Ok(Config::default());
    };
    let src = match crate::input::read_utf8(&path, crate::input::Kind::Config) {
        Ok(s) => s,
        Err(f) if f.code == codes::INPUT_MISSING => return Ok(Config::default()),
        Err(f) => {
            return Err(Finding::new(
                codes::CONFIG_READ,
                msg!(
                    "không đọc được tệp cấu hình: {}",
                    "cannot read the config file: {}",
                    f.message
                ),
            )
            .at(Location::file(&path)));
        }
    };
    let src = src.strip_prefix('\u{feff}').unwrap_or(&src).to_string();
    let raw: Raw = toml::from_str(&src).map_err(|e| {
        let line = e
            .span()
            .map_or(1, |s| src[..s.start].matches('\n').count() + 1);
        Finding::new(codes::CONFIG_INVALID,
            msg!(
                "tệp cấu hình sai: {}",
                "invalid config file: {}",
                e.message()
            ),
        )
        .at(Location::file(&path).at(line, 1))
        .hint(msg!(
            "các khóa hợp lệ: kieu_dau = \"hòa\" | \"hoà\", mau = \"thư mục mẫu\", bảng [plugin] (thoi_gian_ms, bo_nho_mb, ngan_xep_kb, so_muc, so_phat_hien, do_dai_chuoi), bảng [plugin_chua_ky] (mã = \"SHA-256\")",
            "valid keys: kieu_dau = \"hòa\" | \"hoà\", mau = \"templates folder\", table [plugin] (thoi_gian_ms, bo_nho_mb, ngan_xep_kb, so_muc, so_phat_hien, do_dai_chuoi), table [plugin_chua_ky] (id = \"SHA-256\")"
        ))
    })?;
    let tone = match raw.kieu_dau {
        None => None,
        Some(s) => Some(ToneStyle::from_example(&s).ok_or_else(|| {
            Finding::new(
                codes::CONFIG_INVALID,
                msg!(
                    "kiểu dấu `{}` không rõ; dùng \"hòa\" hoặc \"hoà\"",
                    "unknown tone style `{}`; use \"hòa\" or \"hoà\"",
                    s
                ),
            )
            .at(Location::file(&path).with_field("kieu_dau"))
        })?),
    };
    let templates = raw.mau.map(|m| {
        if m.is_relative() {
            path.parent().map(|p| p.join(&m)).unwrap_or(m)
        } else {
            m
        }
    });
    // An office that set its own templates must get them or be told: a renamed share or a
    // typo would otherwise give documents in the built-in wording without a word.
    if let Some(dir) = &templates
        && let Err(why) = crate::template::check_dir(dir)
    {
        return Err(Finding::new(codes::CONFIG_TEMPLATES,
            msg!(
                "`mau` trong tệp cấu hình chỉ tới `{}`: {}",
                "`mau` in the config file names `{}`: {}",
                dir.display(),
                why
            ),
        )
        .at(Location::file(&path).with_field("mau"))
        .hint(msg!(
            "sửa `mau` cho đúng thư mục mẫu của văn phòng, hoặc xóa dòng đó để dùng mẫu có sẵn",
            "set `mau` to the office's templates folder, or delete the line to use the built-in templates"
        )));
    }
    let plugin = raw.plugin.unwrap_or_default();
    if let Some((name, v, lo, hi)) = plugin.out_of_range() {
        return Err(Finding::new(
            codes::CONFIG_INVALID,
            msg!(
                "giới hạn plugin `{}` = {} nằm ngoài khoảng cho phép {}–{}",
                "plugin limit `{}` = {} is outside its allowed range {}–{}",
                name,
                v,
                lo,
                hi
            ),
        )
        .at(Location::file(&path).with_field(format!("plugin.{name}"))));
    }
    let unsigned = raw.plugin_chua_ky.unwrap_or_default();
    if let Some((id, sha)) = unsigned
        .iter()
        .find(|(_, sha)| sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        return Err(Finding::new(codes::CONFIG_INVALID,
            msg!(
                "[plugin_chua_ky] `{}` = \"{}\": phải là SHA-256 của tệp .wasm (64 chữ số thập lục phân)",
                "[plugin_chua_ky] `{}` = \"{}\": must be the SHA-256 of the .wasm file (64 hex digits)",
                id,
                sha
            ),
        )
        .at(Location::file(&path).with_field(format!("plugin_chua_ky.{id}"))));
    }
    Ok(Config {
        tone,
        templates,
        plugin,
        unsigned,
        path: Some(path),
    })
}
