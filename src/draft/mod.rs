//! Drafts: the file a clerk writes. Loading goes raw → checked: the file is parsed into a
//! positioned tree (`node`), every key is checked against the core schema (`crate::schema`) and the
//! kind's template declarations, every value is normalised (`crate::text`), and the result is
//! a `Draft` the layout step can trust. All problems are collected, each with file, line,
//! column and field, so the clerk fixes them in one pass.

mod build;
pub mod date;
pub mod keys;
mod kind_fields;
mod loader;
pub mod node;
pub mod number;
pub mod placeholder;
pub mod supply;
mod syntax;
mod values;

use crate::finding::Findings;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use crate::template::{FieldKind, KindTemplate, Need, Templates};
use crate::text::{Normalizer, ToneStyle, upper};
use node::{Table, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use date::DateParts;
pub use loader::MAX_LINES;
pub use supply::{PluginUse, Request, Supplied, Supply};

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<T> {
    pub v: T,
    pub at: Location,
}

/// A template field's value, normalised.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Text(String),
    Markup(String),
    List(Vec<String>),
    /// The clerk wrote `false`: the part, standard wording included, is left out.
    Off,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhuLuc {
    pub so: Option<String>,
    pub tieu_de: Field<String>,
    pub kem_theo: Option<String>,
    pub noi_dung: Field<String>,
    pub ngang: bool,
}

/// A copy of the document (sao y, sao lục, trích sao): the block under its signature.
#[derive(Debug, Clone, PartialEq)]
pub struct BanSao {
    /// "SAO Y", "SAO LỤC" or "TRÍCH SAO".
    pub hinh_thuc: Field<String>,
    pub co_quan: Vec<String>,
    /// `SY-UBND`: the form's abbreviation and the copying organ's.
    pub ky_hieu: String,
    pub so: Option<u32>,
    pub dia_danh: String,
    pub ngay: Field<DateParts>,
    pub noi_nhan: Vec<Field<String>>,
    pub luu: String,
    pub signer: Signer,
}

/// A signer besides the main one.
#[derive(Debug, Clone, PartialEq)]
pub struct Signer {
    pub quyen_han: Vec<Field<String>>,
    pub chuc_vu: Field<String>,
    pub ho_ten: Field<String>,
}

/// A checked draft: every value normalised, every required fact present.
#[derive(Debug, Clone)]
pub struct Draft {
    pub file: PathBuf,
    pub template: KindTemplate,
    pub tone: ToneStyle,
    /// The clerk's text as written (`nguyen_van = true`): not normalised beyond NFC, mục
    /// headings not upper-cased, căn cứ and end punctuation not changed; the checker says what
    /// the decree would change, as warnings.
    pub verbatim: bool,
    pub chu_quan: Option<Field<String>>,
    pub co_quan: Field<Vec<String>>,
    /// The organ as sentences name it (`crate::organ`).
    pub organ: crate::organ::Organ,
    pub co_quan_viet_tat: String,
    pub so: Option<u32>,
    pub ky_hieu: Field<String>,
    pub dia_danh: Field<String>,
    pub ngay: Field<DateParts>,
    pub trich_yeu: Field<String>,
    pub do_khan: Option<Field<String>>,
    pub tham_quyen: Option<Field<String>>,
    /// "Ban hành kèm theo Quyết định số …": a quy chế or quy định issued with a decision.
    pub kem_theo: Option<Field<String>>,
    pub can_cu: Vec<Field<String>>,
    pub kinh_gui: Vec<Field<String>>,
    pub quyen_han: Vec<Field<String>>,
    pub chuc_vu: Field<String>,
    pub ho_ten: Field<String>,
    /// A second signer in the left column (a biên bản's secretary, a contract's party A).
    pub ky_trai: Option<Signer>,
    /// A copy block under the signature.
    pub ban_sao: Option<BanSao>,
    pub noi_nhan: Vec<Field<String>>,
    pub luu: Field<String>,
    pub nguoi_soan: Option<String>,
    pub so_ban: Option<u32>,
    pub dia_chi: Vec<Field<String>>,
    pub phu_luc: Vec<PhuLuc>,
    /// The kind's own fields, by name.
    pub fields: BTreeMap<String, Field<FieldValue>>,
    /// The body written in full, replacing the kind's skeleton.
    pub than: Option<Field<String>>,
    /// Findings that do not stop loading: markup notes, blank parts, and placeholders left in
    /// (errors, so the document is not written without `--allow-errors`).
    pub warnings: Vec<Finding>,
    /// The province plugin the draft names, and what it filled in.
    pub plugin: Option<PluginUse>,
    /// Template slot → markup the plugin supplied for it.
    pub slot_texts: BTreeMap<String, String>,
}

impl Draft {
    /// A text issued with a decision (`ban_hanh_kem_theo`): the decree's model prints no Số,
    /// no date line, no signature and no Nơi nhận; the decision that issues it has them.
    pub fn attached(&self) -> bool {
        self.kem_theo.is_some()
    }

    /// vbhc's own words in the draft's tone-mark style.
    pub fn tone_words(&self, s: &str) -> String {
        Normalizer::new(self.tone).retone(s)
    }
}

/// Reads and checks a draft file. Errors come back all at once.
pub fn load(path: &Path, templates: &Templates) -> Result<Draft, Findings> {
    load_with_tone(path, templates, ToneStyle::default())
}

/// As [`load`], with the office's tone-mark style for drafts that do not set `kieu_dau`.
pub fn load_with_tone(
    path: &Path,
    templates: &Templates,
    tone: ToneStyle,
) -> Result<Draft, Findings> {
    load_with(path, templates, tone, None)
}

/// As [`load_with_tone`], with the plugins a draft may name.
pub fn load_with(
    path: &Path,
    templates: &Templates,
    tone: ToneStyle,
    supply: Option<&mut dyn Supply>,
) -> Result<Draft, Findings> {
    let src = read_text(path)?;
    load_str_with(path, &src, templates, tone, supply)
}

/// A draft file's text: readable, and UTF-8 (the hint says how to save it so).
pub fn read_text(path: &Path) -> Result<String, Finding> {
    let bytes = read_input(path)?;
    crate::input::decode_text(bytes).map_err(|at| {
        Finding::new(
            codes::DRAFT_ENCODING,
            msg!(
                "tệp không phải UTF-8 (byte {})",
                "the file is not UTF-8 (byte {})",
                at
            ),
        )
        .at(Location::file(path))
        .hint(msg!(
            "lưu lại bản nháp với bảng mã UTF-8 (Notepad: Lưu thành → Mã hóa UTF-8)",
            "save the draft as UTF-8"
        ))
    })
}

/// Reads a draft file: a regular file within the draft cap (`input::Kind::Draft`).
pub fn read_input(path: &Path) -> Result<Vec<u8>, Finding> {
    crate::input::read(path, crate::input::Kind::Draft)
}

pub fn load_str(
    path: &Path,
    src: &str,
    templates: &Templates,
    default_tone: ToneStyle,
) -> Result<Draft, Findings> {
    load_str_with(path, src, templates, default_tone, None)
}

pub fn load_str_with(
    path: &Path,
    src: &str,
    templates: &Templates,
    default_tone: ToneStyle,
    supply: Option<&mut dyn Supply>,
) -> Result<Draft, Findings> {
    let table = parse_table(path, src)?;
    load_table(path, table, &[], templates, default_tone, supply)
}

/// Parses a draft's text into its positioned table, before any meaning is given to it.
pub fn parse_table(path: &Path, src: &str) -> Result<Table, Findings> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        || src.trim_start().starts_with('{');
    let parsed = if is_json {
        node::from_json(src)
    } else {
        node::from_toml(src)
    };
    let root = parsed.map_err(|(pos, m)| {
        let line = src.lines().nth(pos.line.saturating_sub(1)).unwrap_or("");
        let (message, hint) = syntax::explain(&m, line, is_json);
        let f = Finding::new(codes::DRAFT_SYNTAX, message)
            .at(Location::file(path).at(pos.line, pos.column));
        vec![match hint {
            Some(h) => f.hint(h),
            None => f,
        }]
    })?;
    let Value::Table(table) = root.value else {
        return Err(Findings::from(vec![
            Finding::new(
                codes::DRAFT_SYNTAX,
                msg!(
                    "bản nháp phải là một bảng khóa = giá trị",
                    "a draft must be a table of keys"
                ),
            )
            .at(Location::file(path)),
        ]));
    };
    Ok(table)
}

/// Checks a parsed table as a draft. `cells` are the spreadsheet cells a batch put into the
/// table: a value at [`supply::cell`]`(i)` is reported at `cells[i]`, not in the draft.
pub fn load_table(
    path: &Path,
    table: Table,
    cells: &[Location],
    templates: &Templates,
    default_tone: ToneStyle,
    supply: Option<&mut dyn Supply>,
) -> Result<Draft, Findings> {
    loader::Loader::new(path, cells, default_tone, supply).run(table, templates)
}
