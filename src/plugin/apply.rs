//! A plugin at work on one document: it answers the draft loader (defaults, recipients,
//! house style, sections) and then judges the laid-out document with its own rules. One
//! fresh instance per document.

use super::host::{Host, Session};
use super::registry::Registry;
use super::wit;
use crate::draft::{Draft, Request, Supplied, Supply};
use crate::exit::Exit;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::markup::escape;
use crate::model::{Content, Document, Role};
use crate::msg;
use std::path::{Path, PathBuf};

/// What the plugins of one run do to one document.
pub struct Applier<'r> {
    pub host: &'r Host,
    pub registry: &'r Registry,
    document: PathBuf,
    session: Option<Session>,
    date: Option<wit::Date>,
}

impl<'r> Applier<'r> {
    pub fn new(host: &'r Host, registry: &'r Registry, document: &Path) -> Self {
        Applier {
            host,
            registry,
            document: document.to_path_buf(),
            session: None,
            date: None,
        }
    }

    /// The plugin the document used, once the draft has been loaded.
    pub fn plugin(&self) -> Option<&std::sync::Arc<super::Plugin>> {
        self.session.as_ref().map(|s| &s.plugin)
    }

    /// The plugin's own rules on the document about to be written: none when the draft
    /// names no plugin. A failing plugin gives its failure as the one finding.
    pub fn validate(&mut self, doc: &Document, draft: &Draft) -> Vec<Finding> {
        let Some(session) = &mut self.session else {
            return Vec::new();
        };
        let mut blocks = Vec::new();
        let mut sources = Vec::new();
        for b in doc.sections.iter().flat_map(|s| &s.blocks) {
            let Some(role) = role(b.role) else { continue };
            if !matches!(b.content, Content::Paragraph(_)) {
                continue;
            }
            blocks.push(wit::DocBlock {
                role,
                text: b.text(),
            });
            sources.push(&b.source);
        }
        let wdoc = wit::Document {
            kind: doc.kind.clone(),
            date: self.date.unwrap_or(wit::Date {
                year: 0,
                month: None,
                day: None,
            }),
            blocks,
        };
        let p = session.plugin.clone();
        let found = match session.validate(&wdoc) {
            Ok(f) => f,
            Err(f) => return vec![f],
        };
        let prefix = format!("{}-", p.id().to_ascii_uppercase());
        let mut out = Vec::with_capacity(found.len());
        for f in found {
            let code = f.code.0;
            if !code.starts_with(&prefix) || code.len() == prefix.len() {
                let why = if code.len() == prefix.len() && code.starts_with(&prefix) {
                    msg!(
                        "mã phát hiện `{}` chỉ có tiền tố, thiếu phần tên quy tắc sau `{}`",
                        "finding code `{}` is only the prefix, with no rule name after `{}`",
                        code,
                        prefix
                    )
                } else {
                    msg!(
                        "mã phát hiện `{}` không bắt đầu bằng `{}`",
                        "finding code `{}` does not start with `{}`",
                        code,
                        prefix
                    )
                };
                let mut bad = Finding::new(
                    codes::PLUGIN_OUTPUT,
                    msg!(
                        "plugin {}, lệnh `validate`, văn bản {}: {}",
                        "plugin {}, call `validate`, document {}: {}",
                        p.label(),
                        self.document.display(),
                        why
                    ),
                );
                bad.plugin = Some(p.reference());
                out.push(bad);
                continue;
            }
            let message = crate::i18n::Msg::new(f.message_vi.0, f.message_en.0);
            let mut finding = match f.severity {
                wit::Severity::Error => Finding::error(code, Exit::Findings, message),
                wit::Severity::Warning => Finding::warning(code, message),
                wit::Severity::Note => Finding::note(code, message),
            };
            if let (Some(vi), Some(en)) = (&f.hint_vi, &f.hint_en) {
                finding = finding.hint(crate::i18n::Msg::new(vi.0.clone(), en.0.clone()));
            }
            let mut loc = f
                .block
                .and_then(|i| sources.get(i as usize).and_then(|s| (*s).clone()))
                .unwrap_or_else(|| Location::file(&draft.file));
            loc.plugin = Some(p.label());
            finding.location = Some(loc);
            finding.plugin = Some(p.reference());
            out.push(finding);
        }
        out
    }
}

fn role(r: Role) -> Option<wit::Role> {
    use wit::Role as W;
    Some(match r {
        Role::QuocHieu => W::QuocHieu,
        Role::TieuNgu => W::TieuNgu,
        Role::ChuQuan => W::ChuQuan,
        Role::CoQuan => W::CoQuan,
        Role::SoKyHieu => W::SoKyHieu,
        Role::VeViec => W::VeViec,
        Role::DoKhan => W::DoKhan,
        Role::DiaDanhNgay => W::DiaDanhNgay,
        Role::TenLoai => W::TenLoai,
        Role::TrichYeu => W::TrichYeu,
        Role::ThamQuyen => W::ThamQuyen,
        Role::CanCu => W::CanCu,
        Role::KinhGui => W::KinhGui,
        Role::Body | Role::QuyetDinhLabel | Role::Form => W::Body,
        Role::NoiNhanHeading => W::NoiNhanHeading,
        Role::NoiNhan => W::NoiNhan,
        Role::QuyenHan => W::QuyenHan,
        Role::ChucVu => W::ChucVu,
        Role::HoTen => W::HoTen,
        Role::NguoiSoan => W::NguoiSoan,
        Role::DiaChi => W::DiaChi,
        Role::PhuLucLabel | Role::PhuLucTitle | Role::PhuLucAttribution => W::PhuLuc,
        Role::SignatureSpace | Role::DrawnLine | Role::Slot | Role::BanSao => return None,
    })
}

/// Every string a plugin answers passes here before any of it reaches the draft: a character
/// no text may hold (a control, U+FFFF …) or a label that is not a label refuses the whole
/// answer with a finding that names the plugin, the call and the field, instead of a DOCX
/// that does not open or a table the plugin slipped in.
struct Answer<'a> {
    plugin: crate::finding::PluginRef,
    document: &'a Path,
}

impl Answer<'_> {
    fn label(&self) -> String {
        format!("{} {}", self.plugin.id, self.plugin.version)
    }

    fn refuse(&self, call: &str, field: &str, vi: String, en: String) -> Finding {
        let why = crate::i18n::Msg::new(vi, en);
        let mut f = Finding::new(codes::PLUGIN_OUTPUT,
            msg!(
                "plugin {}, lệnh `{}`, văn bản {}: `{}` {}",
                "plugin {}, call `{}`, document {}: `{}` {}",
                self.label(),
                call,
                self.document.display(),
                field,
                why
            ),
        )
        .hint(msg!(
            "văn bản chưa được ghi; báo lỗi cho đơn vị phát hành plugin, hoặc bỏ `plugin` khỏi bản nháp",
            "the document was not written; report it to the plugin's publisher, or remove `plugin` from the draft"
        ));
        let mut at = Location::file(self.document).with_field(field);
        at.plugin = Some(self.label());
        f.location = Some(at);
        f.plugin = Some(self.plugin.clone());
        f
    }

    fn text(&self, call: &str, field: &str, t: wit::Text) -> Result<String, Finding> {
        if let Some((ch, why, line, column)) = crate::text::chars::first_illegal(&t.0) {
            let what = match why {
                crate::text::chars::Illegal::Control => ("ký tự điều khiển", "control character"),
                crate::text::chars::Illegal::Noncharacter => {
                    ("ký tự không phải văn bản", "noncharacter")
                }
            };
            let code = crate::text::chars::code_point(ch);
            return Err(self.refuse(
                call,
                field,
                format!("chứa {} {code} (dòng {line}, cột {column})", what.0),
                format!("holds the {} {code} (line {line}, column {column})", what.1),
            ));
        }
        // Keep the string the plugin returned when it is already NFC (nearly always).
        Ok(match crate::text::nfc(&t.0) {
            std::borrow::Cow::Owned(n) => n,
            std::borrow::Cow::Borrowed(_) => t.0,
        })
    }

    fn opt(
        &self,
        call: &str,
        field: &str,
        t: Option<wit::Text>,
    ) -> Result<Option<String>, Finding> {
        Ok(match t {
            Some(t) => Some(self.text(call, field, t)?).filter(|s| !s.trim().is_empty()),
            None => None,
        })
    }

    fn texts(
        &self,
        call: &str,
        field: &str,
        l: wit::List<wit::Text>,
    ) -> Result<Vec<String>, Finding> {
        let mut out = Vec::with_capacity(l.0.len());
        for (i, t) in l.0.into_iter().enumerate() {
            let s = self.text(call, &format!("{field}[{i}]"), t)?;
            if !s.trim().is_empty() {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// A block as a line of vbhc's markup: the label the plugin chose, then its text escaped
    /// so it can never become structure of its own. The label must be a label of the block's
    /// kind as the markup reads it (`II.`, `3.`, `1.2.`, `a)`): any other label would be
    /// structure the plugin chose by accident or on purpose (`|` makes a table).
    fn markup_line(&self, field: &str, b: wit::Block) -> Result<String, Finding> {
        let body = escape(&self.text("section", field, b.text)?);
        let label = self.opt("section", field, b.label)?;
        let line = match (b.kind, label) {
            (wit::BlockKind::Gach, _) => format!("- {body}"),
            (wit::BlockKind::Cong, _) => format!("+ {body}"),
            (wit::BlockKind::Doan, _) | (_, None) => body,
            (kind, Some(l)) => {
                let l = l.trim();
                let fits = match crate::markup::classify(&format!("{l} x")).0 {
                    crate::markup::Mark::Section(_) => kind == wit::BlockKind::Muc,
                    crate::markup::Mark::Clause(_) | crate::markup::Mark::SubClause(_) => {
                        kind == wit::BlockKind::Khoan
                    }
                    crate::markup::Mark::Point(..) => kind == wit::BlockKind::Diem,
                    _ => false,
                };
                if !fits {
                    return Err(self.refuse(
                        "section",
                        field,
                        format!("có nhãn `{l}` không phải số mục (II.), khoản (3.) hay điểm (a))"),
                        format!("has the label `{l}`, which is not a mục (II.), khoản (3.) or điểm (a)) label"),
                    ));
                }
                format!("{l} {body}")
            }
        };
        Ok(line)
    }
}

impl Supply for Applier<'_> {
    fn supply(&mut self, id: &str, at: &Location, req: &Request) -> Result<Supplied, Finding> {
        let plugin = match self.registry.get(self.host, id) {
            Some(r) => r?,
            None => {
                let known = self.registry.ids().join(", ");
                return Err(Finding::new(codes::PLUGIN_UNKNOWN,
                    msg!(
                        "không có plugin `{}`",
                        "there is no plugin `{}`",
                        id
                    ),
                )
                .at(at.clone())
                .hint(if known.is_empty() {
                    msg!(
                        "cài plugin của tỉnh (`vbhc plugin install THƯ_MỤC`) hoặc chỉ ra bằng --plugin THƯ_MỤC",
                        "install the province's plugin (`vbhc plugin install DIR`) or give it with --plugin DIR"
                    )
                } else {
                    msg!("các plugin có: {}", "plugins available: {}", known)
                }));
            }
        };
        let mut s = self.host.session(&plugin, &self.document)?;
        let date = wit::Date {
            year: req
                .date
                .year
                .and_then(|y| u16::try_from(y).ok())
                .unwrap_or(0),
            month: req.date.month.and_then(|m| u8::try_from(m).ok()),
            day: req.date.day.and_then(|d| u8::try_from(d).ok()),
        };
        self.date = Some(date);
        let wreq = wit::Request {
            kind: req.kind.clone(),
            date,
            organ: req.organ.clone(),
        };
        let d = s.defaults(&wreq)?;
        let r = s.recipients(&wreq)?;
        let h = s.house_style(&wreq)?;
        let a = Answer {
            plugin: plugin.reference(),
            document: &self.document,
        };
        let mut slot_texts = Vec::new();
        for slot in &req.slots {
            let blocks = s.section(&wreq, slot)?;
            if !blocks.is_empty() {
                let field = format!("slot {slot}");
                let lines = blocks
                    .into_iter()
                    .map(|b| a.markup_line(&field, b))
                    .collect::<Result<Vec<_>, _>>()?;
                slot_texts.push((slot.clone(), lines));
            }
        }
        let supplied = Supplied {
            by: plugin.label(),
            chu_quan: a.opt("defaults", "co_quan.chu_quan", d.chu_quan)?,
            co_quan: a.texts("defaults", "co_quan.ten", d.co_quan)?,
            viet_tat: a.opt("defaults", "co_quan.viet_tat", d.viet_tat)?,
            dia_danh: a.opt("defaults", "dia_danh", d.dia_danh)?,
            kinh_gui: a.texts("recipients", "kinh_gui", r.kinh_gui)?,
            noi_nhan: a.texts("recipients", "noi_nhan", r.noi_nhan)?,
            luu: a
                .opt("house-style", "luu", h.luu)?
                .map(|l| format!("VT, {l}")),
            quyen_han: a.opt("house-style", "ky.quyen_han", h.tham_quyen)?,
            chuc_vu: a.opt("house-style", "ky.chuc_vu", h.chuc_vu)?,
            annex_roman: Some(h.annex_numbering == wit::AnnexNumbering::Roman),
            slot_texts,
            warnings: plugin
                .signer
                .warning(plugin.id(), &plugin.found.path)
                .into_iter()
                .chain(
                    (plugin.origin == super::cache::Origin::Repaired).then(|| {
                        Finding::new(codes::PLUGIN_CACHE_REPAIRED,
                            msg!(
                                "bản biên dịch của plugin {} trong bộ đệm bị hỏng: đã bỏ và biên dịch lại",
                                "the compiled copy of plugin {} in the cache was damaged: discarded and compiled again",
                                plugin.label()
                            ),
                        )
                    }),
                )
                .collect(),
        };
        self.session = Some(s);
        Ok(supplied)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Request, Supplied, Supply};
    use crate::finding::Severity;
    use proptest::prelude::*;

    /// A plugin that answers one section line for every slot, made from `text` and `label`
    /// the way a real plugin's answer is.
    struct Sections {
        block: Option<wit::Block>,
    }

    impl Supply for Sections {
        fn supply(&mut self, _: &str, _: &Location, req: &Request) -> Result<Supplied, Finding> {
            let a = Answer {
                plugin: crate::finding::PluginRef {
                    id: "thu".into(),
                    version: "1.0.0".into(),
                },
                document: Path::new("d.toml"),
            };
            let line = a.markup_line("slot", self.block.take().expect("asked once"))?;
            Ok(Supplied {
                by: "thu 1.0.0".into(),
                slot_texts: req
                    .slots
                    .iter()
                    .map(|s| (s.clone(), vec![line.clone()]))
                    .collect(),
                ..Supplied::default()
            })
        }
    }

    fn any_text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            4 => any::<char>(),
            2 => prop::char::range('\0', '\u{7f}'),
            1 => Just('\u{FFFE}'),
            1 => Just('\u{FFFF}'),
            1 => prop::char::range('\u{FDD0}', '\u{FDEF}'),
            1 => prop::sample::select(vec!['|', '*', '\\', '[', ']', '<', '&', 'ạ', ' ', '\n', '-', '.', ')']),
        ];
        prop::collection::vec(c, 0..40).prop_map(|v| v.into_iter().collect())
    }

    fn kind() -> impl Strategy<Value = wit::BlockKind> {
        use wit::BlockKind as K;
        prop::sample::select(vec![K::Muc, K::Khoan, K::Diem, K::Gach, K::Cong, K::Doan])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]
        /// Whatever a plugin puts in a section, the document's parts are well-formed XML, or
        /// the answer is refused with a finding that names the plugin and the slot.
        #[test]
        fn a_plugin_section_is_well_formed_or_refused(
            text in any_text(),
            label in prop::option::of(any_text()),
            kind in kind(),
        ) {
            let src = std::fs::read_to_string(
                concat!(env!("CARGO_MANIFEST_DIR"), "/samples/thong-bao.toml"),
            )
            .unwrap()
            .replacen("loai = \"thong-bao\"", "loai = \"thong-bao\"\nplugin = \"thu\"", 1);
            let mut plugin = Sections {
                block: Some(wit::Block { kind, label: label.map(wit::Text), text: wit::Text(text) }),
            };
            let templates = crate::template::Templates::default();
            let loaded = crate::draft::load_str_with(
                Path::new("d.toml"),
                &src,
                &templates,
                crate::text::ToneStyle::default(),
                Some(&mut plugin),
            );
            match loaded {
                Err(fs) => {
                    for f in fs.iter().filter(|f| f.severity == Severity::Error) {
                        prop_assert_eq!(f.code.as_ref(), "PLUGIN-OUTPUT");
                        prop_assert!(f.plugin.is_some());
                        prop_assert_eq!(
                            f.location.as_ref().and_then(|l| l.field.as_deref()),
                            Some("slot")
                        );
                    }
                }
                Ok(d) => {
                    let laid = crate::layout::lay_out(&d).map_err(|f| {
                        TestCaseError::fail(format!("{:?}", f.message))
                    })?;
                    let bytes = crate::docx::to_bytes(&laid.doc).unwrap();
                    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
                    for i in 0..z.len() {
                        let mut e = z.by_index(i).unwrap();
                        let mut s = String::new();
                        std::io::Read::read_to_string(&mut e, &mut s).unwrap();
                        prop_assert!(
                            roxmltree::Document::parse(&s).is_ok(),
                            "{} is not well-formed",
                            e.name()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_label_that_is_no_label_is_refused() {
        let a = Answer {
            plugin: crate::finding::PluginRef {
                id: "thu".into(),
                version: "1.0.0".into(),
            },
            document: Path::new("d.toml"),
        };
        let block = |kind, label: &str| wit::Block {
            kind,
            label: Some(wit::Text(label.into())),
            text: wit::Text("Nội dung".into()),
        };
        use wit::BlockKind as K;
        assert_eq!(
            a.markup_line("s", block(K::Khoan, "3.")).unwrap(),
            "3. Nội dung"
        );
        assert_eq!(
            a.markup_line("s", block(K::Muc, "II.")).unwrap(),
            "II. Nội dung"
        );
        assert_eq!(
            a.markup_line("s", block(K::Diem, "đ)")).unwrap(),
            "đ) Nội dung"
        );
        for (kind, label) in [
            (K::Khoan, "|"),
            (K::Khoan, "\\*"),
            (K::Diem, "3."),
            (K::Muc, "a)"),
        ] {
            let f = a.markup_line("slot x", block(kind, label)).unwrap_err();
            assert_eq!(f.code, "PLUGIN-OUTPUT");
            assert!(f.message.vi.contains("thu 1.0.0"), "{}", f.message.vi);
        }
        let f = a
            .markup_line(
                "slot x",
                wit::Block {
                    kind: K::Doan,
                    label: None,
                    text: wit::Text("a\u{1}b".into()),
                },
            )
            .unwrap_err();
        assert!(f.message.en.contains("U+0001"), "{}", f.message.en);
        assert_eq!(f.location.unwrap().plugin.as_deref(), Some("thu 1.0.0"));
    }
}
