//! `vbhc plugin install | list | info | remove`.

use super::{Context, Format, Reporter};
use crate::exit::Exit;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::i18n::{Lang, Msg};
use crate::plugin::{manifest, registry};
use crate::{msg, outln};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Subcommand)]
pub enum Cmd {
    /// Kiểm tra (chữ ký, mã băm, giao diện) rồi cài một plugin vào thư mục dữ liệu của người dùng
    Install {
        /// Thư mục plugin (có plugin.toml), tệp plugin.toml hoặc tệp .wasm
        #[arg(value_name = "ĐƯỜNG_DẪN")]
        path: PathBuf,
        /// Cài thay bản đã cài dù người ký khác
        #[arg(long)]
        force: bool,
    },
    /// Liệt kê các plugin: mã, phiên bản, tỉnh, mã băm, người ký, nguồn
    List,
    /// Xem chi tiết một plugin
    Info {
        /// Mã plugin (lang-son)
        #[arg(value_name = "MÃ")]
        id: String,
    },
    /// Gỡ một plugin đã cài
    Remove {
        /// Mã plugin (lang-son)
        #[arg(value_name = "MÃ")]
        id: String,
    },
}

pub fn run(ctx: &Context, cmd: &Cmd, rep: &mut Reporter) -> Exit {
    if let Err(f) = run_inner(ctx, cmd, rep) {
        rep.finding(&f);
    }
    rep.finish("plugin")
}

fn run_inner(ctx: &Context, cmd: &Cmd, rep: &mut Reporter) -> Result<(), Finding> {
    match cmd {
        Cmd::Install { path, force } => install(ctx, path, *force, rep),
        Cmd::List => list(ctx, rep),
        Cmd::Info { id } => info(ctx, id, rep),
        Cmd::Remove { id } => remove(id, rep),
    }
}

fn install(ctx: &Context, path: &Path, force: bool, rep: &mut Reporter) -> Result<(), Finding> {
    let found = manifest::read(path)?;
    let trust = ctx.trust()?;
    rep.findings(&trust.warnings());
    let signer = trust.verify(&found)?;
    let host = ctx.host()?;
    let plugin = host.load(found, signer, crate::plugin::Source::Installed)?;
    if let Some(w) = plugin.signer.warning(plugin.id(), &plugin.found.path) {
        rep.finding(&w);
    }
    rep.findings(&registry::replacing(&trust, &plugin, force)?);
    let dest = registry::install(&plugin)?;
    rep.done(
        &format!(
            "Đã cài plugin {} vào {} (ký: {})",
            plugin.label(),
            dest.display(),
            plugin.signer.label().vi
        ),
        &format!(
            "Installed plugin {} into {} (signed: {})",
            plugin.label(),
            dest.display(),
            plugin.signer.label().en
        ),
    );
    rep.outputs.push(dest);
    Ok(())
}

fn list(ctx: &Context, rep: &mut Reporter) -> Result<(), Finding> {
    let trust = ctx.trust()?;
    let reg = crate::plugin::Registry::discover(&ctx.cli.plugins, trust)?;
    rep.findings(&reg.warnings);
    if reg.entries.is_empty() {
        rep.done(
            "Chưa có plugin nào (cài bằng `vbhc plugin install THƯ_MỤC`)",
            "No plugins (install one with `vbhc plugin install DIR`)",
        );
    }
    for e in reg.entries.values() {
        let m = &e.found.manifest;
        let signer = match reg.trust.verify(&e.found) {
            Ok(s) => s.label(),
            Err(f) => Msg::new(
                format!("{} (bị từ chối)", f.code),
                format!("{} (refused)", f.code),
            ),
        };
        row(
            rep,
            &[
                ("id", same(&m.id)),
                ("version", same(&m.version)),
                ("province", same(&m.province)),
                ("sha256", same(&m.sha256)),
                ("signer", signer),
                ("from", e.source.label()),
                ("path", same(&e.found.path.display().to_string())),
            ],
        );
    }
    Ok(())
}

fn info(ctx: &Context, id: &str, rep: &mut Reporter) -> Result<(), Finding> {
    let (host, reg) = ctx.plugins()?;
    let p = reg.get(host, id).ok_or_else(|| unknown(id, reg))??;
    let m = &p.found.manifest;
    let l = &host.limits;
    let cache = match crate::plugin::cache::default_dir() {
        Some(d) => {
            let o = p.origin.label();
            Msg::new(
                format!("{} ({})", d.display(), o.vi),
                format!("{} ({})", d.display(), o.en),
            )
        }
        None => Msg::new("không có", "none"),
    };
    row(
        rep,
        &[
            ("id", same(&m.id)),
            ("name", same(&m.name)),
            ("version", same(&m.version)),
            ("province", same(&m.province)),
            (
                "api",
                msg!(
                    "{} (bản vbhc này chạy {}.x)",
                    "{} (this vbhc runs {}.x)",
                    p.api,
                    crate::plugin::wit::API_MAJOR
                ),
            ),
            ("sha256", same(&p.sha256)),
            ("signer", p.signer.label()),
            ("from", p.source.label()),
            ("path", same(&p.found.path.display().to_string())),
            ("cache", cache),
            (
                "limits",
                msg!(
                    "{} ms, {} MiB, ngăn xếp {} KiB, {} mục, {} phát hiện, {} ký tự",
                    "{} ms, {} MiB, stack {} KiB, {} items, {} findings, {} chars",
                    l.thoi_gian_ms,
                    l.bo_nho_mb,
                    l.ngan_xep_kb,
                    l.so_muc,
                    l.so_phat_hien,
                    l.do_dai_chuoi
                ),
            ),
        ],
    );
    Ok(())
}

fn remove(id: &str, rep: &mut Reporter) -> Result<(), Finding> {
    let dir = registry::installed_dir()
        .map(|d| d.join(id))
        .filter(|d| d.join(manifest::FILE).is_file() && !id.contains(['/', '\\', '.']))
        .ok_or_else(|| {
            Finding::new(
                codes::PLUGIN_UNKNOWN,
                msg!("chưa cài plugin `{}`", "plugin `{}` is not installed", id),
            )
        })?;
    std::fs::remove_dir_all(&dir).map_err(|e| {
        Finding::error(
            codes::PLUGIN_INSTALL,
            Exit::IoErr,
            msg!(
                "không gỡ được `{}`: {}",
                "cannot remove `{}`: {}",
                dir.display(),
                crate::i18n::OsErr(&e)
            ),
        )
        .at(Location::file(&dir))
    })?;
    rep.done(
        &format!("Đã gỡ plugin {id}"),
        &format!("Removed plugin {id}"),
    );
    Ok(())
}

fn unknown(id: &str, reg: &crate::plugin::Registry) -> Finding {
    Finding::new(
        codes::PLUGIN_UNKNOWN,
        msg!("không có plugin `{}`", "there is no plugin `{}`", id),
    )
    .hint(msg!(
        "các plugin có: {}",
        "plugins available: {}",
        reg.ids().join(", ")
    ))
}

fn same(s: &str) -> Msg {
    Msg::new(s, s)
}

/// The clerk's names of the fields of a plugin (JSON keeps the keys).
const LABELS: &[(&str, &str, &str)] = &[
    ("id", "mã", "id"),
    ("name", "tên", "name"),
    ("version", "phiên bản", "version"),
    ("province", "tỉnh", "province"),
    ("api", "giao diện", "interface"),
    ("sha256", "SHA-256", "SHA-256"),
    ("signer", "người ký", "signed by"),
    ("from", "nguồn", "from"),
    ("path", "đường dẫn", "path"),
    ("cache", "bộ đệm", "cache"),
    ("limits", "giới hạn", "limits"),
];

/// One plugin: `label  value` lines in the clerk's language, or one JSON record (English
/// values, stable keys).
fn row(rep: &Reporter, fields: &[(&str, Msg)]) {
    match rep.format {
        Format::Human => {
            for (k, v) in fields {
                let (vi, en) = LABELS
                    .iter()
                    .find(|(key, _, _)| key == k)
                    .map_or((*k, *k), |(_, vi, en)| (*vi, *en));
                // Manifest text is the plugin's: made safe for the terminal.
                let safe = |s: &str| crate::text::chars::for_terminal(s).into_owned();
                if rep.lang == Lang::Vi {
                    outln!("{vi:<10} {}", safe(&v.vi));
                } else {
                    outln!("{en:<10} {}", safe(&v.en));
                }
            }
            outln!();
        }
        Format::Json => {
            let mut m = serde_json::Map::new();
            m.insert("schema".into(), crate::finding::SCHEMA.into());
            m.insert("type".into(), "plugin".into());
            for (k, v) in fields {
                m.insert((*k).into(), v.en.clone().into());
            }
            outln!("{}", serde_json::Value::Object(m));
        }
    }
}
