//! Kind templates: one Handlebars file per kind of document under `templates/`, embedded in
//! the binary and overridable with `--templates DIR`. A template opens with a Handlebars
//! comment holding its declarations in TOML (the kind's tên loại and Phụ lục III
//! abbreviation, its form, its fields, its plugin slots); `vbhc new`, `vbhc templates show`
//! and the draft validator all read those declarations, so they cannot disagree. The rest of
//! the file renders the body in vbhc's block markup (`docs/markup.md`), never XML.

mod decl;
mod render;

pub use decl::{FieldDecl, FieldKind, Form, KindTemplate, Need};
pub use render::render_body;

use crate::exit::Exit;
use crate::finding::{Finding, Location};
use crate::msg;
use std::path::{Path, PathBuf};

/// The built-in templates, in the order `vbhc templates list` shows them.
pub const BUILTIN: &[(&str, &str)] = &[
    ("chi-thi", include_str!("../../templates/chi-thi.hbs")),
    (
        "thong-bao-ket-luan",
        include_str!("../../templates/thong-bao-ket-luan.hbs"),
    ),
    ("thong-bao", include_str!("../../templates/thong-bao.hbs")),
    ("huong-dan", include_str!("../../templates/huong-dan.hbs")),
    ("cong-van", include_str!("../../templates/cong-van.hbs")),
    ("ke-hoach", include_str!("../../templates/ke-hoach.hbs")),
    ("quyet-dinh", include_str!("../../templates/quyet-dinh.hbs")),
    ("bao-cao", include_str!("../../templates/bao-cao.hbs")),
    ("to-trinh", include_str!("../../templates/to-trinh.hbs")),
    ("giay-moi", include_str!("../../templates/giay-moi.hbs")),
];

/// Where templates come from: the embedded set, with files of an override folder taking
/// precedence kind by kind.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    pub dir: Option<PathBuf>,
    /// Each kind parsed and compiled once per run, whichever thread asks first.
    parsed: std::sync::Arc<std::sync::Mutex<std::collections::HashMap<String, KindTemplate>>>,
}

impl Templates {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            parsed: Default::default(),
        }
    }

    pub fn kinds(&self) -> Vec<&'static str> {
        BUILTIN.iter().map(|(k, _)| *k).collect()
    }

    /// Loads and validates the template of `kind`.
    pub fn get(&self, kind: &str) -> Result<KindTemplate, Finding> {
        let lock = || self.parsed.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = lock().get(kind) {
            return Ok(t.clone());
        }
        let t = self.load(kind)?;
        lock().insert(kind.to_string(), t.clone());
        Ok(t)
    }

    fn load(&self, kind: &str) -> Result<KindTemplate, Finding> {
        if let Some(dir) = &self.dir {
            let path = dir.join(format!("{kind}.hbs"));
            if path.is_file() {
                let src = std::fs::read_to_string(&path).map_err(|e| {
                    Finding::error(
                        "TEMPLATE-READ",
                        Exit::IoErr,
                        msg!("không đọc được mẫu: {}", "cannot read the template: {}", e),
                    )
                    .at(Location::file(&path))
                })?;
                return KindTemplate::parse(kind, &src, &path);
            }
        }
        match BUILTIN.iter().find(|(k, _)| *k == kind) {
            Some((_, src)) => {
                KindTemplate::parse(kind, src, Path::new(&format!("templates/{kind}.hbs")))
            }
            None => Err(unknown_kind(kind, &self.kinds())),
        }
    }
}

pub fn unknown_kind(kind: &str, kinds: &[&str]) -> Finding {
    let mut f = Finding::error(
        "DRAFT-UNKNOWN-KIND",
        Exit::DataErr,
        msg!(
            "không có loại văn bản `{}`",
            "there is no document kind `{}`",
            kind
        ),
    );
    let hint = match crate::suggest::closest(kind, kinds.iter().copied()) {
        Some(s) => msg!(
            "có phải `{}`? Các loại: {}",
            "did you mean `{}`? Kinds: {}",
            s,
            kinds.join(", ")
        ),
        None => msg!("các loại: {}", "kinds: {}", kinds.join(", ")),
    };
    f.hint = Some(hint);
    f
}
