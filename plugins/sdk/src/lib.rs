//! # vbhc-plugin: write a province plugin for vbhc
//!
//! vbhc drafts Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) into DOCX. A
//! *province plugin* is a small WebAssembly component that tells vbhc the province's own habits:
//! the issuing organ's name and place name, the standard Kính gửi / Nơi nhận lists, a standard
//! paragraph for a template slot, the house style of the signature and Lưu line, and a few
//! province rules the checker runs on the finished document. vbhc uses the plugin's answers
//! only where the draft leaves a field out (draft > plugin > template default).
//!
//! This crate is everything a plugin needs on the guest side:
//!
//! - the types of the interface `vbhc:plugin@1.0.0` ([`Info`], [`Request`], [`Defaults`],
//!   [`Recipients`], [`Block`], [`HouseStyle`], [`Document`], [`Finding`] …), generated from the
//!   WIT file with `wit-bindgen`;
//! - the trait [`Province`]: implement it for a unit struct (only [`Province::info`] is required;
//!   every other call has an empty default answer);
//! - the macro [`export!`]: `vbhc_plugin::export!(MyPlugin);` turns the struct into the
//!   component's exports;
//! - helpers: [`Info::new`], [`Date::is_on_or_after`], the [`finding`] builder, block
//!   constructors ([`khoan`], [`doan`] …), text helpers in [`text`] (accent-insensitive
//!   comparison and search: `lower_unmarked`, `fold_chars`, `eq_folded`, `contains_words`,
//!   `contains_any_words`; reading a Lưu line, a date line, a ký hiệu) and [`Document`] lookups by [`Role`];
//! - [`testing`]: build a [`Document`] in a unit test and check your findings are well formed.
//!
//! ## A minimal plugin
//!
//! ```
//! use vbhc_plugin::{Defaults, Document, Finding, Info, Province, Request, Role};
//!
//! pub struct BacKan;
//!
//! impl Province for BacKan {
//!     fn info() -> Info {
//!         Info::new("bac-kan", "Bắc Kạn", "1.0.0", "Bắc Kạn")
//!     }
//!
//!     fn defaults(req: Request) -> Defaults {
//!         if req.organ.as_deref().is_some_and(|o| o != "UBND") {
//!             return Defaults::default(); // not the UBND tỉnh: no opinion
//!         }
//!         Defaults {
//!             co_quan: vec!["ỦY BAN NHÂN DÂN".into(), "TỈNH BẮC KẠN".into()],
//!             viet_tat: Some("UBND".into()),
//!             dia_danh: Some("Bắc Kạn".into()),
//!             ..Defaults::default()
//!         }
//!     }
//!
//!     fn validate(doc: Document) -> Vec<Finding> {
//!         let mut out = Vec::new();
//!         if doc.first(Role::DiaDanhNgay).is_none() {
//!             out.push(vbhc_plugin::finding(
//!                 "BAC-KAN-NGAY",
//!                 vbhc_plugin::Severity::Warning,
//!                 "Văn bản chưa có dòng địa danh, ngày tháng",
//!                 "The document has no place-and-date line",
//!             ));
//!         }
//!         out
//!     }
//! }
//!
//! // In the plugin crate (crate-type = ["cdylib", "rlib"]):
//! // vbhc_plugin::export!(BacKan);
//! # fn main() { assert_eq!(BacKan::info().api_version, "1.0.0"); }
//! ```
//!
//! Build it with `cargo build --release --target wasm32-wasip2`: the `.wasm` in
//! `target/wasm32-wasip2/release/` is the component. `PLUGINS.md` at the root of the vbhc
//! repository walks through the whole way, from installing Rust to a signed plugin.
//!
//! ## Rules of the interface (the host enforces them)
//!
//! - Every document gets a fresh instance; keep no state between calls.
//! - Text is plain Unicode (vbhc normalises it to NFC and escapes it: it never becomes markup).
//!   Write Vietnamese with its diacritics, precomposed, in the new tone-mark style (`Ủy ban`,
//!   `hòa`).
//! - Finding codes start with the plugin id in capitals and a dash: id `lang-son` →
//!   `LANG-SON-…` ([`code_prefix`]). Give both a Vietnamese and an English message.
//! - Limits: 1 s per document for all calls, 64 MiB for all memories, 500 items per list, 200
//!   findings, 4 000 characters per string. A real plugin stays far inside them.
//! - Nơi nhận lines come without the leading `- ` and the trailing `;`, and without the Lưu line
//!   (vbhc writes those); `house-style.luu` is what follows `VT, ` (`NC`).

#![forbid(unsafe_code)]

// The generated code and the export macro name this crate `vbhc_plugin` (also from inside it).
extern crate self as vbhc_plugin;

#[doc(hidden)]
pub use wit_bindgen as __wit_bindgen;

// The bindings of `vbhc:plugin@1.0.0`, generated once here so plugin crates need no
// wit-bindgen of their own. `pub_export_macro` makes `export!` usable from the plugin crate;
// `default_bindings_module` lets it find these bindings without a `with_types_in` argument.
//
// (The generated macro is `__export_plugin_impl`; plugin crates call [`export!`] below, which
// wraps it.)
//
// The path is the frozen interface itself, so the SDK cannot drift from it.
wit_bindgen::generate!({
    path: "../wit/v1",
    world: "plugin",
    pub_export_macro: true,
    export_macro_name: "__wit_export",
    default_bindings_module: "vbhc_plugin",
    runtime_path: "vbhc_plugin::__wit_bindgen::rt",
    additional_derives: [PartialEq, Eq],
});

/// The types of the interface, as generated (also re-exported at the crate root).
pub mod types {
    pub use crate::vbhc::plugin::types::*;
}

pub use vbhc::plugin::types::{
    AnnexNumbering, Block, BlockKind, Date, Defaults, DocBlock, Document, Finding, HouseStyle,
    Info, Recipients, Request, Role, Severity, Unit,
};

pub mod rules;
pub mod testing;
pub mod text;

/// The version of the interface this SDK implements; [`Info::new`] puts it in `api-version`.
pub const API_VERSION: &str = "1.0.0";

/// What a province plugin answers. Implement it for a unit struct and call
/// [`export!`]`(YourStruct)` once in the plugin crate.
///
/// Only [`info`](Province::info) is required. The others default to "no opinion": empty
/// lists, `None` fields, no findings, so vbhc falls back to the draft and the template.
pub trait Province {
    /// Who the plugin is. Use [`Info::new`], which fills in [`API_VERSION`].
    fn info() -> Info;

    /// Facts of the province's drafts (organ lines, place name, departments) for the kind, date
    /// and organ of the request.
    fn defaults(req: Request) -> Defaults {
        let _ = req;
        Defaults::default()
    }

    /// The standard Kính gửi and Nơi nhận lists of a kind (without `- `, `;` and the Lưu line).
    fn recipients(req: Request) -> Recipients {
        let _ = req;
        Recipients::default()
    }

    /// The blocks vbhc puts into template slot `slot` (`chi-thi.nhiem-vu-them`); empty: nothing.
    fn section(req: Request, slot: String) -> Vec<Block> {
        let _ = (req, slot);
        Vec::new()
    }

    /// The province's house style for the signature block and the Lưu line.
    fn house_style(req: Request) -> HouseStyle {
        let _ = req;
        HouseStyle::default()
    }

    /// The province's own rules, run on the finished document.
    fn validate(doc: Document) -> Vec<Finding> {
        let _ = doc;
        Vec::new()
    }
}

// Every `Province` is what the generated bindings call `Guest`, so `export!` accepts it. This
// layer is also where a change of names in the WIT would be absorbed, not in plugin crates.
impl<T: Province> exports::vbhc::plugin::province::Guest for T {
    fn info() -> Info {
        <T as Province>::info()
    }
    fn defaults(req: Request) -> Defaults {
        <T as Province>::defaults(req)
    }
    fn recipients(req: Request) -> Recipients {
        <T as Province>::recipients(req)
    }
    fn section(req: Request, slot: String) -> Vec<Block> {
        <T as Province>::section(req, slot)
    }
    fn house_style(req: Request) -> HouseStyle {
        <T as Province>::house_style(req)
    }
    fn validate(doc: Document) -> Vec<Finding> {
        <T as Province>::validate(doc)
    }
}

/// Makes `$ty` (a type implementing [`Province`]) the plugin's exports:
/// `vbhc_plugin::export!(MyPlugin);`, once, at the top level of the plugin crate.
///
/// The exports exist only when building for wasm (`--target wasm32-wasip2`); on the host
/// target the macro expands to nothing, so `cargo test` builds the same crate natively.
#[macro_export]
macro_rules! export {
    ($ty:ident) => {
        #[cfg(target_arch = "wasm32")]
        $crate::__export_plugin_impl!($ty with_types_in $crate);
    };
}

/// A province plugin laid out as the repository's are: `info()` gives its [`Info`], a module
/// of answers holds `defaults`, `recipients`, `section` and `house_style` (each taking the
/// request by reference), a module of rules holds `validate(&Document)`. Declares the unit
/// struct, writes the [`Province`] impl that forwards each call, and [`export!`]s it:
///
/// ```ignore
/// vbhc_plugin::province!(LangSon { info: info, answers: answers, rules: rules });
/// ```
#[macro_export]
macro_rules! province {
    ($ty:ident { info: $info:path, answers: $answers:ident, rules: $rules:ident $(,)? }) => {
        /// The plugin as vbhc sees it.
        pub struct $ty;

        impl $crate::Province for $ty {
            fn info() -> $crate::Info {
                $info()
            }
            fn defaults(req: $crate::Request) -> $crate::Defaults {
                $answers::defaults(&req)
            }
            fn recipients(req: $crate::Request) -> $crate::Recipients {
                $answers::recipients(&req)
            }
            fn section(req: $crate::Request, slot: String) -> Vec<$crate::Block> {
                $answers::section(&req, &slot)
            }
            fn house_style(req: $crate::Request) -> $crate::HouseStyle {
                $answers::house_style(&req)
            }
            fn validate(doc: $crate::Document) -> Vec<$crate::Finding> {
                $rules::validate(&doc)
            }
        }

        $crate::export!($ty);
    };
}

// ---- Info, Request, Date ---------------------------------------------------------------------

impl Info {
    /// `Info` for plugin `id` (lower-case ASCII with dashes), with `api-version` set to
    /// [`API_VERSION`].
    pub fn new(id: &str, name: &str, version: &str, province: &str) -> Info {
        Info {
            id: id.into(),
            name: name.into(),
            version: version.into(),
            province: province.into(),
            api_version: API_VERSION.into(),
        }
    }
}

/// The prefix every finding code of plugin `id` starts with: `lang-son` → `LANG-SON-`.
pub fn code_prefix(id: &str) -> String {
    let mut p = id.to_ascii_uppercase();
    p.push('-');
    p
}

/// Whether `id` is a valid plugin id: lower-case ASCII letters and digits in words joined by
/// single dashes (`lang-son`, `ba-ria-vung-tau`).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

impl Request {
    /// A request, mostly for tests.
    pub fn new(kind: &str, date: Date, organ: Option<&str>) -> Request {
        Request {
            kind: kind.into(),
            date,
            organ: organ.map(Into::into),
        }
    }

    /// The organ's short name (`UBND`, `SCT`), if the draft gives one.
    pub fn organ(&self) -> Option<&str> {
        self.organ
            .as_deref()
            .map(str::trim)
            .filter(|o| !o.is_empty())
    }

    /// Whether the request is for organ `short`, or gives no organ at all (most drafts of a
    /// province's UBND leave it out).
    pub fn organ_is_or_none(&self, short: &str) -> bool {
        self.organ().is_none_or(|o| o.eq_ignore_ascii_case(short))
    }
}

/// Where a date stands against a given day, when some of its parts may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// Every day the date can be is before the given day.
    Before,
    /// Every day the date can be is the given day or later.
    OnOrAfter,
    /// The missing month or day leaves both possible (`2025` against 1 July 2025).
    Unknown,
}

impl Date {
    /// A full date.
    pub fn ymd(year: u16, month: u8, day: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// A month of a year, day unknown.
    pub fn ym(year: u16, month: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// A year alone (a draft before signing: "ngày … tháng … năm 2026").
    pub fn y(year: u16) -> Date {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    /// Compares with day `d` of month `m` of year `y`, tolerating a missing month or day: the
    /// answer is [`DateOrder::Unknown`] only when the missing parts leave both sides possible.
    pub fn order_against(&self, y: u16, m: u8, d: u8) -> DateOrder {
        use std::cmp::Ordering::*;
        let by = |o: std::cmp::Ordering| {
            if o == Less {
                DateOrder::Before
            } else {
                DateOrder::OnOrAfter
            }
        };
        if self.year != y {
            return by(self.year.cmp(&y));
        }
        let Some(month) = self.month else {
            // The whole year: certainly on or after only against 1 January.
            return if m <= 1 && d <= 1 {
                DateOrder::OnOrAfter
            } else {
                DateOrder::Unknown
            };
        };
        if month != m {
            return by(month.cmp(&m));
        }
        match self.day {
            None if d <= 1 => DateOrder::OnOrAfter,
            None => DateOrder::Unknown,
            Some(day) => by(day.cmp(&d)),
        }
    }

    /// Whether the date is certainly on or after `y-m-d`. `2025` is not on or after 1 July 2025
    /// (it may be January); `7/2025` is; `2026` is.
    pub fn is_on_or_after(&self, y: u16, m: u8, d: u8) -> bool {
        self.order_against(y, m, d) == DateOrder::OnOrAfter
    }

    /// Whether the date is certainly before `y-m-d`.
    pub fn is_before(&self, y: u16, m: u8, d: u8) -> bool {
        self.order_against(y, m, d) == DateOrder::Before
    }

    /// The date as Vietnamese documents write it in running text: `1/7/2025`, `7/2025`, `2025`.
    pub fn display(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d}/{m}/{}", self.year),
            (Some(m), None) => format!("{m}/{}", self.year),
            _ => self.year.to_string(),
        }
    }
}

// ---- Defaults of the answer records ----------------------------------------------------------

#[allow(clippy::derivable_impls)] // the type is generated: no derive possible here
impl Default for Defaults {
    fn default() -> Self {
        Defaults {
            chu_quan: None,
            co_quan: Vec::new(),
            viet_tat: None,
            dia_danh: None,
            units: Vec::new(),
        }
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Recipients {
    fn default() -> Self {
        Recipients {
            kinh_gui: Vec::new(),
            noi_nhan: Vec::new(),
        }
    }
}

/// No opinion on any field, and annexes numbered `PHỤ LỤC I` (the interface has no "no
/// opinion" for annex numbering, so a plugin always answers one).
impl Default for HouseStyle {
    fn default() -> Self {
        HouseStyle {
            luu: None,
            tham_quyen: None,
            chuc_vu: None,
            annex_numbering: AnnexNumbering::Roman,
        }
    }
}

/// A department and its letters: `unit("NC", "Phòng Nội chính")`.
pub fn unit(short: &str, name: &str) -> Unit {
    Unit {
        name: name.into(),
        short: short.into(),
    }
}

/// Owned strings from string literals: `lines(&["Như Điều 3", "CT, các PCT UBND tỉnh"])`.
pub fn lines(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

// ---- Blocks ---------------------------------------------------------------------------------

impl Block {
    /// A block of `kind` with an optional printed label.
    pub fn new(kind: BlockKind, label: Option<&str>, text: &str) -> Block {
        Block {
            kind,
            label: label.map(Into::into),
            text: text.into(),
        }
    }
}

/// A mục heading: `muc("II.", "TỔ CHỨC THỰC HIỆN")`.
pub fn muc(label: &str, text: &str) -> Block {
    Block::new(BlockKind::Muc, Some(label), text)
}

/// A khoản: `khoan("3.", "Giao Văn phòng …")`.
pub fn khoan(label: &str, text: &str) -> Block {
    Block::new(BlockKind::Khoan, Some(label), text)
}

/// A điểm: `diem("a)", "…")`.
pub fn diem(label: &str, text: &str) -> Block {
    Block::new(BlockKind::Diem, Some(label), text)
}

/// A `- ` item (give the text without the dash).
pub fn gach(text: &str) -> Block {
    Block::new(BlockKind::Gach, None, text)
}

/// A `+ ` item (give the text without the plus).
pub fn cong(text: &str) -> Block {
    Block::new(BlockKind::Cong, None, text)
}

/// A plain paragraph.
pub fn doan(text: &str) -> Block {
    Block::new(BlockKind::Doan, None, text)
}

// ---- Findings -------------------------------------------------------------------------------

/// A finding with its code, severity and both messages; add a hint with
/// [`Finding::hint`] and the block it is about with [`Finding::at`].
pub fn finding(code: &str, severity: Severity, vi: &str, en: &str) -> Finding {
    Finding {
        code: code.into(),
        severity,
        message_vi: vi.into(),
        message_en: en.into(),
        hint_vi: None,
        hint_en: None,
        block: None,
    }
}

impl Finding {
    /// An error: the document is wrong for the province.
    pub fn error(code: &str, vi: &str, en: &str) -> Finding {
        finding(code, Severity::Error, vi, en)
    }

    /// A warning: probably wrong, a person should look.
    pub fn warning(code: &str, vi: &str, en: &str) -> Finding {
        finding(code, Severity::Warning, vi, en)
    }

    /// A note: for information.
    pub fn note(code: &str, vi: &str, en: &str) -> Finding {
        finding(code, Severity::Note, vi, en)
    }

    /// Adds a hint in both languages (what to write instead).
    pub fn hint(mut self, vi: &str, en: &str) -> Finding {
        self.hint_vi = Some(vi.into());
        self.hint_en = Some(en.into());
        self
    }

    /// Points the finding at block `index` of `document.blocks`.
    pub fn at(mut self, index: u32) -> Finding {
        self.block = Some(index);
        self
    }

    /// Points the finding at a block when there is one.
    pub fn at_opt(mut self, index: Option<u32>) -> Finding {
        self.block = index;
        self
    }
}

// ---- Reading the document -------------------------------------------------------------------

impl Document {
    /// The blocks with role `role`, with their indices (for [`Finding::at`]).
    pub fn blocks_of(&self, role: Role) -> impl Iterator<Item = (u32, &str)> + '_ {
        self.blocks
            .iter()
            .enumerate()
            .filter(move |(_, b)| b.role == role)
            .map(|(i, b)| (u32::try_from(i).unwrap_or(u32::MAX), b.text.as_str()))
    }

    /// The first block with role `role`.
    pub fn first(&self, role: Role) -> Option<(u32, &str)> {
        self.blocks_of(role).next()
    }

    /// The issuing organ's lines (`ỦY BAN NHÂN DÂN`, `TỈNH LẠNG SƠN`), joined by a space.
    pub fn co_quan(&self) -> String {
        self.blocks_of(Role::CoQuan)
            .map(|(_, t)| t.trim())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The parent organ's line (`UBND TỈNH LẠNG SƠN` above a sở), if any.
    pub fn chu_quan(&self) -> Option<&str> {
        self.first(Role::ChuQuan).map(|(_, t)| t.trim())
    }

    /// The Nơi nhận items without the Lưu line, with indices, as written (`- …;`).
    pub fn noi_nhan(&self) -> impl Iterator<Item = (u32, &str)> + '_ {
        self.blocks_of(Role::NoiNhan)
            .filter(|(_, t)| !text::is_luu_line(t))
    }

    /// The Lưu line (`- Lưu: VT, NC.`), with its index.
    pub fn luu(&self) -> Option<(u32, &str)> {
        self.blocks_of(Role::NoiNhan)
            .find(|(_, t)| text::is_luu_line(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_with_missing_parts() {
        // 1 July 2025, the day the merged provinces started.
        let cut = (2025, 7, 1);
        let on = |d: Date| d.order_against(cut.0, cut.1, cut.2);
        assert_eq!(on(Date::y(2026)), DateOrder::OnOrAfter);
        assert_eq!(on(Date::y(2024)), DateOrder::Before);
        assert_eq!(on(Date::y(2025)), DateOrder::Unknown);
        assert_eq!(on(Date::ym(2025, 7)), DateOrder::OnOrAfter);
        assert_eq!(on(Date::ym(2025, 6)), DateOrder::Before);
        assert_eq!(on(Date::ymd(2025, 6, 30)), DateOrder::Before);
        assert_eq!(on(Date::ymd(2025, 7, 1)), DateOrder::OnOrAfter);
        assert!(Date::y(2025).is_on_or_after(2025, 1, 1));
        assert_eq!(
            Date::ym(2025, 3).order_against(2025, 3, 15),
            DateOrder::Unknown
        );
        assert!(!Date::y(2025).is_on_or_after(2025, 7, 1));
        assert!(!Date::y(2025).is_before(2025, 7, 1));
        assert_eq!(Date::ymd(2025, 7, 1).display(), "1/7/2025");
        assert_eq!(Date::y(1998).display(), "1998");
    }

    #[test]
    fn ids_and_prefixes() {
        assert!(is_valid_id("lang-son"));
        assert!(is_valid_id("ca-mau"));
        assert!(!is_valid_id("Lang-Son"));
        assert!(!is_valid_id("lang--son"));
        assert!(!is_valid_id("-lang"));
        assert!(!is_valid_id("lạng-sơn"));
        assert_eq!(code_prefix("lang-son"), "LANG-SON-");
    }

    #[test]
    fn builders() {
        let f = Finding::warning("X-A", "vi", "en").hint("hv", "he").at(3);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.hint_en.as_deref(), Some("he"));
        assert_eq!(f.block, Some(3));
        assert_eq!(khoan("3.", "t").label.as_deref(), Some("3."));
        assert_eq!(gach("t").kind, BlockKind::Gach);
        assert_eq!(Info::new("x", "X", "1.0.0", "X").api_version, API_VERSION);
    }

    #[test]
    fn document_lookups() {
        let doc = testing::doc(
            "chi-thi",
            Date::y(2026),
            &[
                (Role::CoQuan, "ỦY BAN NHÂN DÂN"),
                (Role::CoQuan, "TỈNH LẠNG SƠN"),
                (Role::NoiNhan, "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);"),
                (Role::NoiNhan, "- Lưu: VT, NC."),
            ],
        );
        assert_eq!(doc.co_quan(), "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN");
        assert_eq!(doc.noi_nhan().count(), 1);
        assert_eq!(doc.luu().map(|(i, _)| i), Some(3));
    }
}
