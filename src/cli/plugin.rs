//! `vbhc plugin install | list | info | remove`.

use super::{Cli, Format, Reporter};
use crate::exit::Exit;
use crate::finding::{Finding, Location};
use crate::i18n::Lang;
use crate::plugin::{manifest, registry, trust::Trust};
use crate::{msg, outln};
use std::path::PathBuf;

#[derive(Debug, clap::Subcommand)]
pub enum Cmd {
    /// Kiểm tra (chữ ký, mã băm, giao diện) rồi cài một plugin vào thư mục dữ liệu của người dùng
    Install {
        /// Thư mục plugin (có plugin.toml), tệp plugin.toml hoặc tệp .wasm
        #[arg(value_name = "ĐƯỜNG_DẪN")]
        path: PathBuf,
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

pub fn run(cli: &Cli, cmd: &Cmd, rep: &mut Reporter) -> Exit {
    if let Err(f) = run_inner(cli, cmd, rep) {
        rep.finding(&f);
    }
    rep.finish("plugin")
}

fn run_inner(cli: &Cli, cmd: &Cmd, rep: &mut Reporter) -> Result<(), Finding> {
    let config = crate::config::load()?;
    let vi = rep.lang == Lang::Vi;
    match cmd {
        Cmd::Install { path } => {
            let found = manifest::read(path)?;
            let trust = Trust::load(&cli.trust_keys, cli.allow_unsigned)?;
            let signer = trust.verify(&found, false)?;
            let host =
                crate::plugin::Host::new(config.plugin, crate::plugin::cache::default_dir())?;
            let plugin = host.load(found, signer, crate::plugin::Source::Installed)?;
            let dest = registry::install(&plugin)?;
            rep.done(
                &format!(
                    "Đã cài plugin {} vào {} (ký: {})",
                    plugin.label(),
                    dest.display(),
                    plugin.signer.describe()
                ),
                &format!(
                    "Installed plugin {} into {} (signed: {})",
                    plugin.label(),
                    dest.display(),
                    plugin.signer.describe()
                ),
            );
            rep.outputs.push(dest);
            Ok(())
        }
        Cmd::List => {
            let trust = Trust::load(&cli.trust_keys, cli.allow_unsigned)?;
            let reg = crate::plugin::Registry::discover(&cli.plugins, trust)?;
            if reg.entries.is_empty() {
                rep.done(
                    "Chưa có plugin nào (cài bằng `vbhc plugin install THƯ_MỤC`)",
                    "No plugins (install one with `vbhc plugin install DIR`)",
                );
            }
            for e in reg.entries.values() {
                let m = &e.found.manifest;
                let signer = match reg.trust.verify(&e.found, e.installed_unsigned) {
                    Ok(s) => s.describe(),
                    Err(f) => format!("{} ({})", f.code, if vi { "bị từ chối" } else { "refused" }),
                };
                row(
                    rep.format,
                    &[
                        ("id", m.id.clone()),
                        ("version", m.version.clone()),
                        ("province", m.province.clone()),
                        ("sha256", m.sha256.clone()),
                        ("signer", signer),
                        ("from", e.source.name().to_string()),
                        ("path", e.found.path.display().to_string()),
                    ],
                );
            }
            Ok(())
        }
        Cmd::Info { id } => {
            let trust = Trust::load(&cli.trust_keys, cli.allow_unsigned)?;
            let mut reg = crate::plugin::Registry::discover(&cli.plugins, trust)?;
            let host =
                crate::plugin::Host::new(config.plugin, crate::plugin::cache::default_dir())?;
            let p = reg.get(&host, id).ok_or_else(|| unknown(id, &reg))??;
            let m = &p.found.manifest;
            let l = &host.limits;
            row(
                rep.format,
                &[
                    ("id", m.id.clone()),
                    ("name", m.name.clone()),
                    ("version", m.version.clone()),
                    ("province", m.province.clone()),
                    (
                        "api",
                        format!("{} (vbhc {})", p.api, crate::plugin::wit::API_MAJOR),
                    ),
                    ("sha256", p.sha256.clone()),
                    ("signer", p.signer.describe()),
                    ("from", p.source.name().to_string()),
                    ("path", p.found.path.display().to_string()),
                    (
                        "limits",
                        format!(
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
        Cmd::Remove { id } => {
            let dir = registry::installed_dir()
                .map(|d| d.join(id))
                .filter(|d| d.join(manifest::FILE).is_file() && !id.contains(['/', '\\', '.']))
                .ok_or_else(|| {
                    Finding::error(
                        "PLUGIN-UNKNOWN",
                        Exit::DataErr,
                        msg!("chưa cài plugin `{}`", "plugin `{}` is not installed", id),
                    )
                })?;
            std::fs::remove_dir_all(&dir).map_err(|e| {
                Finding::error(
                    "PLUGIN-INSTALL",
                    Exit::IoErr,
                    msg!(
                        "không gỡ được `{}`: {}",
                        "cannot remove `{}`: {}",
                        dir.display(),
                        e
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
    }
}

fn unknown(id: &str, reg: &crate::plugin::Registry) -> Finding {
    Finding::error(
        "PLUGIN-UNKNOWN",
        Exit::DataErr,
        msg!("không có plugin `{}`", "there is no plugin `{}`", id),
    )
    .hint(msg!(
        "các plugin có: {}",
        "plugins available: {}",
        reg.ids().join(", ")
    ))
}

/// One plugin: `key: value` lines, or one JSON record.
fn row(format: Format, fields: &[(&str, String)]) {
    match format {
        Format::Human => {
            for (k, v) in fields {
                outln!("{k:<9} {v}");
            }
            outln!();
        }
        Format::Json => {
            let mut m = serde_json::Map::new();
            m.insert("schema".into(), crate::finding::SCHEMA.into());
            m.insert("type".into(), "plugin".into());
            for (k, v) in fields {
                m.insert((*k).into(), v.clone().into());
            }
            outln!("{}", serde_json::Value::Object(m));
        }
    }
}
