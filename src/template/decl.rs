//! The declarations at the top of a kind template, and the checks that keep a template honest:
//! every field it uses is declared, markup fields are inserted raw (`{{{f}}}`) and text fields
//! escaped (`{{f}}`), every slot it names is declared.

use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;
use handlebars::template::{Parameter, Template, TemplateElement};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// How a document of this kind is laid out (nd30.md §1.6, kinds.md §0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// Mẫu 1.4: tên loại + trích yếu under the header.
    TenLoai,
    /// Mẫu 1.5: no tên loại; `V/v …` under the Số line; Kính gửi.
    CongVan,
    /// Mẫu 1.2/1.3: tên loại + trích yếu, authority line, căn cứ, `QUYẾT ĐỊNH:`.
    QuyetDinh,
}

/// Whether a kind has a Kính gửi.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Need {
    /// `khong`: the kind has none.
    #[serde(rename = "khong")]
    Absent,
    /// `tuy-chon`: it may have one.
    #[serde(rename = "tuy-chon")]
    Optional,
    /// `bat-buoc`: it must have one.
    #[serde(rename = "bat-buoc")]
    Required,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    /// One line of text; always escaped, can never become structure.
    Text,
    /// Block markup, parsed into paragraphs, numbered items, tables.
    Markup,
    /// A list of text lines.
    List,
}

impl FieldKind {
    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Markup => "markup",
            FieldKind::List => "list",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDecl {
    #[serde(rename = "ten")]
    pub name: String,
    #[serde(rename = "kieu")]
    pub kind: FieldKind,
    #[serde(rename = "bat_buoc", default)]
    pub required: bool,
    pub mo_ta: String,
    pub mo_ta_en: String,
    /// Example value shown in `vbhc new`.
    #[serde(default)]
    pub vi_du: Option<String>,
    /// An optional part the skeleton still shows filled in (not commented out): the sections
    /// most documents of the kind have.
    #[serde(rename = "khung", default)]
    pub in_skeleton: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    id: String,
    ten: String,
    ten_en: String,
    ten_loai: String,
    #[serde(default)]
    viet_tat: Option<String>,
    mau: Form,
    kinh_gui: Need,
    #[serde(default)]
    nhu_tren: bool,
    #[serde(default)]
    slots: Vec<String>,
    /// The text field whose value, in capitals, is printed as the tên loại (a thư công's
    /// "THƯ CHÚC MỪNG"); none: `ten_loai`.
    #[serde(default)]
    ten_loai_theo: Option<String>,
    #[serde(default)]
    truong: Vec<FieldDecl>,
    /// Examples for core fields in this kind's skeleton (`trich_yeu`, `ky.chuc_vu` …), so
    /// `vbhc new thong-bao-ket-luan` starts from "Kết luận của đồng chí …" and a Chánh Văn
    /// phòng, not from the generic example.
    #[serde(default)]
    vi_du_chung: toml::Table,
}

/// A parsed, checked kind template.
#[derive(Debug, Clone)]
pub struct KindTemplate {
    pub id: String,
    /// Name for humans: "Chỉ thị" / "Directive".
    pub name: String,
    pub name_en: String,
    /// Tên loại as printed (`CHỈ THỊ`); empty for a công văn.
    pub ten_loai: String,
    /// Phụ lục III abbreviation (`CT`); none for a công văn.
    pub viet_tat: Option<String>,
    pub form: Form,
    pub kinh_gui: Need,
    /// Nơi nhận opens with `- Như trên;` when the document has a Kính gửi.
    pub nhu_tren: bool,
    pub slots: Vec<String>,
    /// The field printed as the tên loại, if the kind's title is the clerk's (`ten_loai_theo`).
    pub title_field: Option<String>,
    pub fields: Vec<FieldDecl>,
    /// Skeleton examples for core fields, by path (`trich_yeu`, `ky.quyen_han`).
    pub core_examples: std::collections::BTreeMap<String, toml::Value>,
    /// The whole file, and the body part Handlebars renders.
    pub source: String,
    pub body: String,
    /// Line of the file where the body starts (for error positions).
    pub body_line: usize,
    pub path: PathBuf,
    /// The body compiled once, in the registry every render of this kind uses (a batch
    /// renders it thousands of times; compiling it per document was a tenth of the work).
    pub registry: std::sync::Arc<handlebars::Handlebars<'static>>,
    /// The body compiled in the other tone-mark style (`hoà`), made the first time a draft
    /// asks for it. Only one other style exists, so one slot.
    pub retoned:
        std::sync::Arc<std::sync::OnceLock<std::sync::Arc<handlebars::Handlebars<'static>>>>,
}

/// How deeply `#if`, `#unless` and `#each` may nest: real templates use 3. Handlebars renders
/// nested blocks by recursion, and 1,500 levels overflowed a batch worker's stack.
pub const MAX_NESTING: usize = 32;

/// The byte offset of the first block opened deeper than [`MAX_NESTING`], counting what opens
/// a block (`{{#…`, an inverted `{{^name…`; not the bare `{{^}}`, an else) and what closes one
/// (`{{/…`), with or without `~`; `None` when every block is within it.
fn first_too_deep(body: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, _) in body.match_indices("{{") {
        let rest = body[at + 2..].trim_start_matches(['{', '~']);
        let inverted = rest
            .strip_prefix('^')
            .is_some_and(|r| !r.trim_start_matches('~').trim_start().starts_with('}'));
        if rest.starts_with('#') || inverted {
            depth += 1;
            if depth > MAX_NESTING {
                return Some(at);
            }
        } else if rest.starts_with('/') {
            depth = depth.saturating_sub(1);
        }
    }
    None
}

fn too_deep(path: &Path, line: usize) -> Finding {
    template_error(
        path,
        line,
        format!("các khối #if/#unless/#each lồng nhau quá {MAX_NESTING} tầng"),
        format!("#if/#unless/#each blocks nested deeper than {MAX_NESTING}"),
    )
}

const OPEN: &str = "{{!--";
const CLOSE: &str = "--}}";

fn template_error(path: &Path, line: usize, vi: String, en: String) -> Finding {
    Finding::new(codes::TEMPLATE_INVALID, crate::i18n::Msg::new(vi, en))
        .at(Location::file(path).at(line, 1))
}

impl KindTemplate {
    pub fn parse(kind: &str, src: &str, path: &Path) -> Result<Self, Finding> {
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        // Template text reaches the document as it is: a character no text may hold is refused
        // here, where the office can still mend its template, not in a DOCX Word cannot open.
        if let Some((ch, _, line, column)) = crate::text::chars::first_illegal(src) {
            let code = crate::text::chars::code_point(ch);
            return Err(template_error(
                path,
                line,
                format!("mẫu có ký tự {code} ở dòng {line}, cột {column}: văn bản không được chứa ký tự này (Word không mở được tệp có nó)"),
                format!("the template holds the character {code} at line {line}, column {column}: no document text may hold it (Word cannot open a file that does)"),
            )
            .at(Location::file(path).at(line, column)));
        }
        let Some(rest) = src.trim_start().strip_prefix(OPEN) else {
            return Err(template_error(
                path,
                1,
                format!("mẫu phải mở đầu bằng khai báo trong `{OPEN} … {CLOSE}`"),
                format!("a template must open with its declarations in `{OPEN} … {CLOSE}`"),
            ));
        };
        let Some(end) = rest.find(CLOSE) else {
            return Err(template_error(
                path,
                1,
                format!("thiếu `{CLOSE}` đóng phần khai báo"),
                format!("missing `{CLOSE}` after the declarations"),
            ));
        };
        let header_src = &rest[..end];
        // Declared strings reach the document too (`ten_loai`), and TOML escapes (`\u0001`)
        // only become characters once parsed: each string is checked as parsed.
        if let Ok(table) = toml::from_str::<toml::Table>(header_src)
            && let Some((key, ch)) = illegal_in(&toml::Value::Table(table), "")
        {
            let code = crate::text::chars::code_point(ch);
            return Err(template_error(
                path,
                1,
                format!(
                    "khai báo `{key}` của mẫu có ký tự {code}: văn bản không được chứa ký tự này"
                ),
                format!(
                    "the template's declaration `{key}` holds the character {code}, which no document text may hold"
                ),
            ));
        }
        let header: Header = toml::from_str(header_src).map_err(|e| {
            let line = e
                .span()
                .map_or(1, |s| header_src[..s.start].matches('\n').count() + 1);
            template_error(
                path,
                line,
                format!("khai báo mẫu sai: {}", e.message()),
                format!("bad template declarations: {}", e.message()),
            )
        })?;
        if header.id != kind {
            return Err(template_error(
                path,
                1,
                format!(
                    "mẫu khai báo id `{}` nhưng tệp là của loại `{kind}`",
                    header.id
                ),
                format!(
                    "the template declares id `{}` but the file is for kind `{kind}`",
                    header.id
                ),
            ));
        }
        for key in header.vi_du_chung.keys() {
            if !is_core_path(key) {
                return Err(template_error(
                    path,
                    1,
                    format!("`vi_du_chung` có khóa `{key}` không phải trường lõi của bản nháp"),
                    format!("`vi_du_chung` has key `{key}`, which is not a core draft field"),
                ));
            }
        }
        let body_start = src.len() - rest.len() + end + CLOSE.len();
        let body = src[body_start..].trim_start_matches(['\r', '\n']);
        let body_line = src[..src.len() - body.len()].matches('\n').count() + 1;
        let mut t = KindTemplate {
            id: header.id,
            name: header.ten,
            name_en: header.ten_en,
            ten_loai: header.ten_loai,
            viet_tat: header.viet_tat,
            form: header.mau,
            kinh_gui: header.kinh_gui,
            nhu_tren: header.nhu_tren,
            slots: header.slots,
            title_field: header.ten_loai_theo,
            fields: header.truong,
            core_examples: header.vi_du_chung.into_iter().collect(),
            source: src.to_string(),
            body: body.to_string(),
            body_line,
            path: path.to_path_buf(),
            registry: Default::default(),
            retoned: Default::default(),
        };
        if let Some(f) = &t.title_field
            && t.field(f).is_none_or(|d| d.kind != FieldKind::Text)
        {
            return Err(template_error(
                path,
                1,
                format!(
                    "`ten_loai_theo = \"{f}\"` phải là một trường văn bản (kieu = \"text\") đã khai báo"
                ),
                format!("`ten_loai_theo = \"{f}\"` must name a declared text field"),
            ));
        }
        t.check_uses()?;
        t.registry = std::sync::Arc::new(super::render::registry(&t)?);
        Ok(t)
    }

    pub fn field(&self, name: &str) -> Option<&FieldDecl> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// Walks the compiled template: every variable is a declared field (or a core field the
    /// renderer provides), used with the escaping its kind requires.
    fn check_uses(&self) -> Result<(), Finding> {
        // Refused before Handlebars sees it: the Windows build of this check hung under Wine
        // on 10,000 nested blocks handed to Handlebars (the walk below refused them only after
        // compiling); a scan of the text costs nothing whatever the depth.
        if let Some(at) = first_too_deep(&self.body) {
            let line = self.body[..at].matches('\n').count() + self.body_line;
            return Err(too_deep(&self.path, line));
        }
        let compiled = Template::compile(&self.body).map_err(|e| {
            let (line, column) = e
                .pos()
                .map_or((self.body_line, 1), |(l, c)| (l + self.body_line - 1, c));
            // The reason alone: Handlebars' own message quotes the whole line, which can be
            // the whole template.
            let reason = e.reason().to_string();
            template_error(
                &self.path,
                line,
                format!("cú pháp Handlebars sai: {reason}"),
                format!("Handlebars syntax error: {reason}"),
            )
            .at(Location::file(&self.path).at(line, column))
        })?;
        for slot in self.body.match_indices("[[slot:") {
            let name = self.body[slot.0 + 7..]
                .split("]]")
                .next()
                .unwrap_or("")
                .trim();
            if !self.slots.iter().any(|s| s == name) {
                let line = self.body[..slot.0].matches('\n').count() + self.body_line;
                return Err(template_error(
                    &self.path,
                    line,
                    format!("chỗ cắm `{name}` chưa khai báo trong `slots`"),
                    format!("slot `{name}` is not declared in `slots`"),
                ));
            }
        }
        self.walk(&compiled, 0, 0)
    }

    /// `each_depth`: inside how many `#each` blocks (each over a list field, so `this` is one
    /// of its text lines); `depth`: inside how many blocks at all.
    fn walk(&self, t: &Template, each_depth: usize, depth: usize) -> Result<(), Finding> {
        for (i, el) in t.elements.iter().enumerate() {
            let line = t
                .mapping
                .get(i)
                .map_or(self.body_line, |m| m.0 + self.body_line - 1);
            match el {
                TemplateElement::Expression(h) | TemplateElement::HtmlExpression(h) => {
                    let raw = matches!(el, TemplateElement::HtmlExpression(_));
                    // Only fields are inserted: a helper (`lookup`, `log`, `len` …) would
                    // insert a text field raw, around the escaping its kind requires.
                    if !h.params.is_empty() || !h.hash.is_empty() {
                        let helper = param_name(&h.name).unwrap_or_default();
                        return Err(template_error(
                            &self.path,
                            line,
                            format!(
                                "mẫu chỉ chèn trường ({{{{truong}}}} hoặc {{{{{{markup}}}}}}), không gọi hàm `{helper}`"
                            ),
                            format!(
                                "a template only inserts fields ({{{{field}}}} or {{{{{{markup}}}}}}), it does not call the helper `{helper}`"
                            ),
                        ));
                    }
                    if let Some(name) = param_name(&h.name) {
                        if each_depth > 0 && raw && (name == "this" || name.starts_with("this.")) {
                            return Err(template_error(
                                &self.path,
                                line,
                                "dòng của trường danh sách là văn bản: chèn bằng {{this}}, không bằng {{{this}}}".into(),
                                "a list field's lines are text: insert them with {{this}}, not {{{this}}}".into(),
                            ));
                        }
                        self.check_var(&name, Some(raw), line, each_depth)?;
                    }
                }
                TemplateElement::HelperBlock(h) => {
                    if depth >= MAX_NESTING {
                        return Err(too_deep(&self.path, line));
                    }
                    let helper = param_name(&h.name).unwrap_or_default();
                    if !["if", "unless", "each"].contains(&helper.as_str()) {
                        return Err(template_error(
                            &self.path,
                            line,
                            format!("khối `#{helper}` không được hỗ trợ (chỉ #if, #unless, #each)"),
                            format!(
                                "block `#{helper}` is not supported (only #if, #unless, #each)"
                            ),
                        ));
                    }
                    if h.params.len() != 1 || !h.hash.is_empty() {
                        return Err(template_error(
                            &self.path,
                            line,
                            format!("khối `#{helper}` nhận đúng một tên trường"),
                            format!("block `#{helper}` takes exactly one field name"),
                        ));
                    }
                    for p in &h.params {
                        let Some(name) = param_name(p) else {
                            return Err(template_error(
                                &self.path,
                                line,
                                format!(
                                    "khối `#{helper}` nhận một tên trường, không nhận giá trị hay biểu thức"
                                ),
                                format!(
                                    "block `#{helper}` takes a field name, not a value or an expression"
                                ),
                            ));
                        };
                        // `#each` goes through the lines of a list field, and nothing else:
                        // `#each this` would hand out every field, text ones included.
                        if helper == "each"
                            && (each_depth > 0
                                || self.field(&name).is_none_or(|f| f.kind != FieldKind::List))
                        {
                            return Err(template_error(
                                &self.path,
                                line,
                                format!(
                                    "`#each {name}`: #each chỉ duyệt một trường danh sách (kieu = \"list\") đã khai báo"
                                ),
                                format!(
                                    "`#each {name}`: #each only goes through a declared list field (kieu = \"list\")"
                                ),
                            ));
                        }
                        self.check_var(&name, None, line, each_depth)?;
                    }
                    let inner = each_depth + usize::from(helper == "each");
                    if let Some(b) = &h.template {
                        self.walk(b, inner, depth + 1)?;
                    }
                    if let Some(b) = &h.inverse {
                        self.walk(b, each_depth, depth + 1)?;
                    }
                }
                TemplateElement::RawString(_) | TemplateElement::Comment(_) => {}
                _ => {
                    return Err(template_error(
                        &self.path,
                        line,
                        "mẫu không được dùng partial hay decorator".into(),
                        "templates may not use partials or decorators".into(),
                    ));
                }
            }
        }
        Ok(())
    }

    fn check_var(
        &self,
        name: &str,
        raw: Option<bool>,
        line: usize,
        each_depth: usize,
    ) -> Result<(), Finding> {
        if name.contains("..") {
            return Err(template_error(
                &self.path,
                line,
                format!("mẫu không dùng đường dẫn `{name}`: chỉ tên trường đã khai báo"),
                format!("templates do not use the path `{name}`: only declared field names"),
            ));
        }
        if each_depth > 0 && (name == "this" || name.starts_with('@')) {
            return Ok(());
        }
        if each_depth > 0 || name == "this" || name.starts_with('@') || name.starts_with("this.") {
            return Err(template_error(
                &self.path,
                line,
                format!(
                    "`{name}` dùng được chỉ trong #each (this, @index); ngoài đó chỉ dùng tên trường"
                ),
                format!(
                    "`{name}` only works inside #each (this, @index); elsewhere use field names"
                ),
            ));
        }
        let root = name.split(['.', '/']).next().unwrap_or(name);
        if let Some(field) = root.strip_prefix(OFF_PREFIX)
            && self.field(field).is_some_and(|f| !f.required)
        {
            return match raw {
                None => Ok(()),
                Some(_) => Err(template_error(
                    &self.path,
                    line,
                    format!("`{root}` chỉ dùng trong #if / #unless, không chèn vào văn bản"),
                    format!("`{root}` is only for #if / #unless, it is not inserted"),
                )),
            };
        }
        let Some(decl) = self.field(root) else {
            if CORE_VARS.contains(&root) {
                return Ok(());
            }
            return Err(template_error(
                &self.path,
                line,
                format!("mẫu dùng trường `{root}` chưa khai báo"),
                format!("the template uses the undeclared field `{root}`"),
            )
            .hint(msg!(
                "khai báo nó trong [[truong]] ở đầu mẫu",
                "declare it in [[truong]] at the top of the template"
            )));
        };
        match (raw, decl.kind) {
            (Some(false), FieldKind::Markup) => Err(template_error(
                &self.path,
                line,
                format!("trường markup `{root}` phải chèn bằng {{{{{{{root}}}}}}}"),
                format!("markup field `{root}` must be inserted with {{{{{{{root}}}}}}}"),
            )),
            (Some(true), FieldKind::Text | FieldKind::List) => Err(template_error(
                &self.path,
                line,
                format!(
                    "trường văn bản `{root}` phải chèn bằng {{{{{root}}}}} để được thoát ký tự"
                ),
                format!(
                    "text field `{root}` must be inserted with {{{{{root}}}}} so it is escaped"
                ),
            )),
            _ => Ok(()),
        }
    }
}

/// The first string below `v` holding a character no text may hold, with its key path.
fn illegal_in(v: &toml::Value, path: &str) -> Option<(String, char)> {
    match v {
        toml::Value::String(s) => {
            crate::text::chars::first_illegal(s).map(|(c, ..)| (path.to_string(), c))
        }
        toml::Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, x)| illegal_in(x, &format!("{path}[{i}]"))),
        toml::Value::Table(t) => t.iter().find_map(|(k, x)| {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            illegal_in(x, &p)
        }),
        _ => None,
    }
}

/// A core field a skeleton example may be given for: a scalar field of the draft
/// (`trich_yeu`) or a field of one of its tables (`co_quan.chu_quan`, `ky.chuc_vu`).
fn is_core_path(key: &str) -> bool {
    use crate::schema::{CORE, CoreKind};
    match key.split_once('.') {
        None => CORE.iter().any(|f| {
            f.name == key
                && key != "loai"
                && !matches!(f.kind, CoreKind::Table(_) | CoreKind::TableArray(_))
        }),
        Some((table, sub)) => CORE.iter().any(|f| {
            f.name == table
                && matches!(f.kind, CoreKind::Table(fs) if fs.iter().any(|s| s.name == sub))
        }),
    }
}

/// Core draft facts a template may use in its wording ("… năm {{nam}}"). Provided by the
/// renderer, always as escaped text. The organ's words come from `crate::organ`: the issuer
/// as a subject (`co_quan_cau`), its head, its own level's UBND, its superior, the local
/// governments below it and the usual addressees; a template's `chu_the` field overrides the
/// subject where the clerk sets it.
pub const CORE_VARS: &[&str] = &[
    "dia_danh",
    "nam",
    "trich_yeu",
    "ten_loai",
    "co_quan_cau",
    "thu_truong_cau",
    "thu_truong_in_hoa",
    "ubnd_cau",
    "cap_tren_cau",
    "cap_duoi_cau",
    "doi_tuong_chung",
];

/// `khong_<field>` is true when the clerk wrote `<field> = false`: the template leaves out the
/// part and its standard wording (`{{#unless khong_ket_thuc}}…{{/unless}}`).
pub const OFF_PREFIX: &str = "khong_";

fn param_name(p: &Parameter) -> Option<String> {
    match p {
        Parameter::Name(n) => Some(n.clone()),
        Parameter::Path(handlebars::Path::Relative((_, raw))) => Some(raw.clone()),
        Parameter::Path(handlebars::Path::Local((_, name, _))) => Some(format!("@{name}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "{{!--\nid = \"x\"\nten = \"X\"\nten_en = \"X\"\nten_loai = \"X\"\nmau = \"ten-loai\"\nkinh_gui = \"khong\"\nslots = [\"x.cuoi\"]\n[[truong]]\nten = \"a\"\nkieu = \"text\"\nmo_ta = \"a\"\nmo_ta_en = \"a\"\n[[truong]]\nten = \"b\"\nkieu = \"markup\"\nmo_ta = \"b\"\nmo_ta_en = \"b\"\n--}}\n";

    fn parse(body: &str) -> Result<KindTemplate, Finding> {
        KindTemplate::parse("x", &format!("{HEAD}{body}"), Path::new("x.hbs"))
    }

    #[test]
    fn declared_fields_pass() {
        let t = parse("{{a}}\n{{{b}}}\n{{#if a}}{{a}}{{/if}}\n[[slot: x.cuoi]]\n").unwrap();
        assert_eq!(t.body_line, 20);
    }

    #[test]
    fn undeclared_field_is_an_error_with_its_line() {
        let e = parse("{{a}}\n\n{{c}}\n").unwrap_err();
        assert!(
            e.message.en.contains("undeclared field `c`"),
            "{}",
            e.message.en
        );
        assert_eq!(e.location.unwrap().line, Some(22));
    }

    #[test]
    fn escaping_matches_the_field_kind() {
        assert!(
            parse("{{b}}")
                .unwrap_err()
                .message
                .en
                .contains("markup field")
        );
        assert!(
            parse("{{{a}}}")
                .unwrap_err()
                .message
                .en
                .contains("text field")
        );
    }

    #[test]
    fn core_examples_must_name_core_fields() {
        let with = |table: &str| {
            let head = HEAD.replace("--}}\n", &format!("[vi_du_chung]\n{table}\n--}}}}\n"));
            KindTemplate::parse("x", &format!("{head}{{{{a}}}}\n"), Path::new("x.hbs"))
        };
        let t = with("trich_yeu = \"Kết luận …\"\n\"ky.chuc_vu\" = \"CHÁNH VĂN PHÒNG\"").unwrap();
        assert_eq!(t.core_examples.len(), 2);
        for bad in [
            "trich_yue = \"x\"",
            "\"ky.ho\" = \"x\"",
            "loai = \"x\"",
            "ky = \"x\"",
        ] {
            let e = with(bad).unwrap_err();
            assert!(
                e.message.en.contains("not a core draft field"),
                "{bad}: {}",
                e.message.en
            );
        }
    }

    #[test]
    fn raw_insertion_and_helpers_are_refused() {
        let head = HEAD.replace(
            "--}}\n",
            "[[truong]]\nten = \"l\"\nkieu = \"list\"\nmo_ta = \"l\"\nmo_ta_en = \"l\"\n--}}\n",
        );
        let t = |body: &str| KindTemplate::parse("x", &format!("{head}{body}"), Path::new("x.hbs"));
        assert!(t("{{#each l}}- {{this}}\n{{/each}}").is_ok());
        for (body, says) in [
            ("{{{lookup this \"a\"}}}", "helper `lookup`"),
            ("{{log a}}", "helper `log`"),
            ("{{len a}}", "helper `len`"),
            ("{{#each this}}{{{this}}}{{/each}}", "only goes through"),
            ("{{#each a}}{{this}}{{/each}}", "only goes through"),
            (
                "{{#each l}}{{{this}}}{{/each}}",
                "insert them with {{this}}",
            ),
            ("{{../../../x}}", "the path `../../../x`"),
            ("{{this}}", "only works inside #each"),
        ] {
            let e = t(body).unwrap_err();
            assert!(e.message.en.contains(says), "{body}: {}", e.message.en);
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = |n: usize| format!("{}x{}", "{{#if a}}".repeat(n), "{{/if}}".repeat(n));
        assert!(parse(&deep(MAX_NESTING)).is_ok());
        let e = parse(&deep(MAX_NESTING + 1)).unwrap_err();
        assert!(e.message.en.contains("nested deeper"), "{}", e.message.en);
        // Deep nests, plain and inverted, are refused with a short message whatever the depth
        // (10,000 handed to Handlebars hung the Windows test binary under Wine).
        let inverted = |n: usize| format!("{}x{}", "{{^a}}".repeat(n), "{{/a}}".repeat(n));
        let e = parse(&inverted(10_000)).unwrap_err();
        assert!(e.message.en.contains("nested deeper"), "{}", e.message.en);
        // A bare `{{^}}` is an else, not a block: forty blocks one after another stay level 1.
        assert!(parse(&"{{#if a}}x{{^}}y{{/if}}".repeat(40)).is_ok());
        for n in [1_500, 10_000, 200_000] {
            let e = parse(&deep(n)).unwrap_err();
            assert!(e.message.en.len() < 200, "{n}: {}", e.message.en);
        }
        let lines = format!(
            "{}\n{{{{#if b}}}}x{{{{/if}}}}",
            "{{#if a}}\n".repeat(MAX_NESTING + 1)
        );
        let e = parse(&lines).unwrap_err();
        assert!(e.message.en.contains("nested deeper"), "{}", e.message.en);
    }

    #[test]
    fn illegal_characters_are_refused_at_load() {
        for c in ['\u{1}', '\u{0}', '\u{FFFE}', '\u{FFFF}'] {
            let e = parse(&format!("{{{{a}}}}\nchữ{c}\n")).unwrap_err();
            let at = e.location.unwrap();
            assert_eq!((at.line, at.column), (Some(21), Some(4)), "{c:?}");
        }
    }

    #[test]
    fn undeclared_slot() {
        assert!(
            parse("[[slot: y]]")
                .unwrap_err()
                .message
                .en
                .contains("slot `y`")
        );
    }
}
