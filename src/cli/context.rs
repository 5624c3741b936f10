//! What every command takes its setup from, built once in `main()`: the arguments, the
//! office's configuration, the templates, the trusted keys and the plugin runtime. Each is
//! made the first time a command asks for it (`vbhc rules` reads no configuration; `vbhc new`
//! starts no plugin engine), and made the same way for every command.

use super::{Cli, Reporter};
use crate::config::Config;
use crate::finding::Finding;
use crate::finding::codes;
use crate::plugin::trust::Trust;
use crate::plugin::{Host, Registry};
use crate::template::Templates;
use std::cell::OnceCell;

pub struct Context<'a> {
    pub cli: &'a Cli,
    config: OnceCell<Config>,
    runtime: OnceCell<(Host, Registry)>,
}

impl<'a> Context<'a> {
    pub fn new(cli: &'a Cli) -> Self {
        Context {
            cli,
            config: OnceCell::new(),
            runtime: OnceCell::new(),
        }
    }

    /// The office's configuration, read once; a broken file is refused (78).
    pub fn config(&self) -> Result<&Config, Finding> {
        if let Some(c) = self.config.get() {
            return Ok(c);
        }
        let c = crate::config::load()?;
        Ok(self.config.get_or_init(|| c))
    }

    /// The templates a command uses: `--templates`, else the config's `mau` (checked when
    /// the config was read), else the built-in set. A `--templates` folder that is missing or
    /// not a folder stops the run (66): the clerk asked for the office's wording and would
    /// otherwise get the built-in one without a word. Files of the folder that name no kind
    /// are warned about, when there is a report to warn in.
    pub fn templates(&self, rep: Option<&mut Reporter>) -> Result<Templates, Finding> {
        if let Some(dir) = &self.cli.templates
            && let Err(why) = crate::template::check_dir(dir)
        {
            return Err(Finding::new(
                codes::TEMPLATES_DIR,
                crate::msg!(
                    "--templates `{}`: {}",
                    "--templates `{}`: {}",
                    dir.display(),
                    why
                ),
            )
            .hint(crate::msg!(
                "chỉ ra thư mục chứa các tệp <loại>.hbs của văn phòng",
                "name the folder holding the office's <kind>.hbs files"
            )));
        }
        let dir = self
            .cli
            .templates
            .clone()
            .or(self.config()?.templates.clone());
        let ts = Templates::new(dir);
        if let Some(rep) = rep {
            rep.findings(&ts.stray_files());
        }
        Ok(ts)
    }

    /// The keys this run trusts (the office's folder beside the configuration, then
    /// `--trust-key`), with the unsigned plugins the configuration allows.
    pub fn trust(&self) -> Result<Trust, Finding> {
        Ok(Trust::load(
            crate::config::keys_dir(),
            &self.cli.trust_keys,
            self.cli.allow_unsigned,
        )?
        .allowing(self.config()?.unsigned.clone()))
    }

    /// A plugin engine with the configuration's limits.
    pub fn host(&self) -> Result<Host, Finding> {
        Host::new(self.config()?.plugin, crate::plugin::cache::default_dir())
    }

    /// The plugin runtime and the plugins of this run (`--plugin`, then installed ones),
    /// started once.
    pub fn plugins(&self) -> Result<&(Host, Registry), Finding> {
        if let Some(r) = self.runtime.get() {
            return Ok(r);
        }
        let registry = Registry::discover(&self.cli.plugins, self.trust()?)?;
        let host = self.host()?;
        Ok(self.runtime.get_or_init(|| (host, registry)))
    }
}
