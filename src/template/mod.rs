//! Kind templates: one Handlebars file per kind of document under `templates/`, embedded in
//! the binary and overridable with `--templates DIR`. A template opens with a Handlebars
//! comment holding its declarations in TOML (the kind's tên loại and Phụ lục III
//! abbreviation, its form, its fields, its plugin slots); `vbhc new`, `vbhc templates show`
//! and the draft validator all read those declarations, so they cannot disagree. The rest of
//! the file renders the body in vbhc's block markup (`docs/markup.md`), never XML.

mod decl;
mod render;

pub use decl::{FieldDecl, FieldKind, Form, KindTemplate, Need, OFF_PREFIX};
pub use render::render_body;

use crate::exit::Exit;
use crate::finding::codes;
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
    (
        "chuong-trinh",
        include_str!("../../templates/chuong-trinh.hbs"),
    ),
    ("phuong-an", include_str!("../../templates/phuong-an.hbs")),
    ("de-an", include_str!("../../templates/de-an.hbs")),
    ("du-an", include_str!("../../templates/du-an.hbs")),
    ("quy-che", include_str!("../../templates/quy-che.hbs")),
    ("quy-dinh", include_str!("../../templates/quy-dinh.hbs")),
    ("thong-cao", include_str!("../../templates/thong-cao.hbs")),
    ("cong-dien", include_str!("../../templates/cong-dien.hbs")),
    (
        "giay-gioi-thieu",
        include_str!("../../templates/giay-gioi-thieu.hbs"),
    ),
    (
        "giay-nghi-phep",
        include_str!("../../templates/giay-nghi-phep.hbs"),
    ),
    ("phieu-gui", include_str!("../../templates/phieu-gui.hbs")),
    (
        "phieu-chuyen",
        include_str!("../../templates/phieu-chuyen.hbs"),
    ),
    ("phieu-bao", include_str!("../../templates/phieu-bao.hbs")),
    ("nghi-quyet", include_str!("../../templates/nghi-quyet.hbs")),
    ("bien-ban", include_str!("../../templates/bien-ban.hbs")),
    (
        "giay-uy-quyen",
        include_str!("../../templates/giay-uy-quyen.hbs"),
    ),
    ("hop-dong", include_str!("../../templates/hop-dong.hbs")),
    (
        "ban-ghi-nho",
        include_str!("../../templates/ban-ghi-nho.hbs"),
    ),
    (
        "ban-thoa-thuan",
        include_str!("../../templates/ban-thoa-thuan.hbs"),
    ),
    ("thu-cong", include_str!("../../templates/thu-cong.hbs")),
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
        // A kind is one of the names below, never a path: `loai = "../../x"` must not reach
        // `Path::join`.
        let Some((_, builtin)) = BUILTIN.iter().find(|(k, _)| *k == kind) else {
            return Err(unknown_kind(kind, &self.kinds()));
        };
        if let Some(dir) = &self.dir {
            let path = dir.join(format!("{kind}.hbs"));
            match std::fs::metadata(&path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                _ => {
                    // There is something by that name: it is the office's template, or an
                    // error — never silently the built-in one.
                    let src = crate::input::read_utf8(&path, crate::input::Kind::Template)
                        .map_err(|f| {
                            Finding::error(
                                codes::TEMPLATE_READ,
                                f.exit.max(Exit::DataErr),
                                msg!(
                                    "không dùng được mẫu `{}`: {}",
                                    "cannot use the template `{}`: {}",
                                    path.display(),
                                    f.message
                                ),
                            )
                            .at(Location::file(&path))
                        })?;
                    return KindTemplate::parse(kind, &src, &path);
                }
            }
        }
        KindTemplate::parse(kind, builtin, Path::new(&format!("templates/{kind}.hbs")))
    }

    /// Files of the templates folder that name no kind (`thongbao.hbs`): a template the office
    /// wrote and vbhc would never use. One warning each, with the kind it was probably meant
    /// for.
    pub fn stray_files(&self) -> Vec<Finding> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let Ok(rd) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut names: Vec<String> = rd
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.to_ascii_lowercase().ends_with(".hbs"))
            .collect();
        names.sort();
        let kinds = self.kinds();
        names
            .into_iter()
            .filter(|n| !kinds.iter().any(|k| *n == format!("{k}.hbs")))
            .map(|n| {
                let stem = n[..n.len() - 4].to_string();
                let f = Finding::new(
                    codes::TEMPLATE_STRAY,
                    msg!(
                        "mẫu `{}` trong `{}` không mang tên loại văn bản nào: vbhc không dùng nó",
                        "template `{}` in `{}` names no document kind: vbhc does not use it",
                        n,
                        dir.display()
                    ),
                )
                .at(Location::file(dir.join(&n)));
                match crate::suggest::closest(&stem, kinds.iter().copied()) {
                    Some(k) => f.hint(msg!(
                        "có phải `{}.hbs`? Tên tệp là tên loại: {}",
                        "did you mean `{}.hbs`? The file name is the kind: {}",
                        k,
                        kinds.join(", ")
                    )),
                    None => f.hint(msg!(
                        "tên tệp là tên loại văn bản: {}",
                        "the file name is the document kind: {}",
                        kinds.join(", ")
                    )),
                }
            })
            .collect()
    }

    /// Where `templates list` and `show` say the templates come from: the office's folder
    /// (kinds it has no file for still come from the built-in set), or the built-in set.
    pub fn origin(&self) -> String {
        match &self.dir {
            Some(d) => d.display().to_string(),
            None => "templates/ (built-in)".to_string(),
        }
    }
}

/// Why a templates folder cannot be used, if it cannot: it does not exist, or is not a folder.
pub fn check_dir(dir: &Path) -> Result<(), crate::i18n::Msg> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(msg!("không phải thư mục", "it is not a folder")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(msg!("thư mục không có", "the folder does not exist"))
        }
        Err(e) => Err(msg!("không mở được: {}", "cannot be opened: {}", e)),
    }
}

pub fn unknown_kind(kind: &str, kinds: &[&str]) -> Finding {
    let mut f = Finding::new(
        codes::DRAFT_UNKNOWN_KIND,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Each built-in kind prints a tên loại of Phụ lục III with its abbreviation, and the
    /// table's kind for that tên loại is a built-in kind printing it: one table, and the
    /// templates agree with it.
    #[test]
    fn every_template_agrees_with_phu_luc_iii() {
        let t = Templates::new(None);
        for kind in t.kinds() {
            let tp = t.get(kind).unwrap();
            if tp.ten_loai.is_empty() {
                assert_eq!(tp.viet_tat, None, "{kind}: a công văn has no abbreviation");
                continue;
            }
            let row = crate::nd30::ten_loai(&tp.ten_loai)
                .unwrap_or_else(|| panic!("{kind}: `{}` is not in Phụ lục III", tp.ten_loai));
            assert_eq!(tp.viet_tat.as_deref(), row.abbr, "{kind}");
            let drafted_as = row.kind.expect("a tên loại vbhc drafts names its kind");
            assert_eq!(t.get(drafted_as).unwrap().ten_loai, tp.ten_loai, "{kind}");
        }
        for row in crate::nd30::TEN_LOAI.iter().filter(|r| r.kind.is_some()) {
            let kind = row.kind.unwrap();
            assert_eq!(t.get(kind).unwrap().ten_loai, row.name, "{kind}");
        }
    }
}
