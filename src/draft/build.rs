//! The draft's fields read into a `Draft`, and the rules between them: the urgency and
//! authority lines the decree allows, what the kind needs (Kính gửi, a quyết định's
//! authority line), the ký hiệu built from the kind and the organ, the kind's own fields.

use super::loader::{Get, Loader, MaxPos};
use super::node::{Table, Value};
use super::*;
use crate::finding::codes;
use crate::finding::{Finding, Location};
use crate::msg;

impl Field<String> {
    /// The value in capitals, as the decree prints organs, positions and tên loại.
    fn upper(self) -> Self {
        Field {
            v: upper(&self.v),
            at: self.at,
        }
    }
}

impl Loader<'_, '_> {
    pub(super) fn build(
        &mut self,
        t: &Table,
        tp: &KindTemplate,
        norm: Normalizer,
    ) -> Option<Draft> {
        let g = Get { t };
        let empty = Table::default();
        let cg = Get {
            t: g.table("co_quan").unwrap_or(&empty),
        };
        let kg = Get {
            t: g.table("ky").unwrap_or(&empty),
        };

        // One line, or several (a long parent organ as the clerk breaks it); kept as one text
        // with its line breaks, which the header prints as lines.
        let chu_quan = match cg.node("chu_quan") {
            Some((_, n)) if matches!(n.value, Value::Array(_)) => self
                .lines(&cg, "chu_quan", "co_quan.", norm)
                .filter(|f| !f.v.iter().all(|l| l.trim().is_empty()))
                .map(|f| Field {
                    v: f.v.iter().map(|l| upper(l)).collect::<Vec<_>>().join("\n"),
                    at: f.at,
                }),
            _ => self
                .text(&cg, "chu_quan", "co_quan.", norm)
                .map(Field::upper),
        };
        let co_quan = self.lines(&cg, "ten", "co_quan.", norm).map(|f| Field {
            v: f.v.iter().map(|l| upper(l)).collect(),
            at: f.at,
        });
        let viet_tat = self.text(&cg, "viet_tat", "co_quan.", norm);
        let so = g.node("so").and_then(|(p, n)| {
            number::parse_number(&n.value)
                .map_err(|m| self.err(codes::DRAFT_NUMBER, n.pos.max_pos(p), "so", m))
                .ok()
                .flatten()
        });
        let ky_hieu_override = self.text(&g, "ky_hieu", "", norm);
        let don_vi = self.text(&g, "don_vi_soan", "", norm);
        let dia_danh = self.text(&g, "dia_danh", "", norm);
        let ngay = self.date(&g);
        let trich_yeu = self.text(&g, "trich_yeu", "", norm).or_else(|| {
            // None in the model of the kind: an empty one, which the layout leaves out.
            (!crate::nd30::has_trich_yeu(&tp.ten_loai) && g.node("trich_yeu").is_none()).then(
                || Field {
                    v: String::new(),
                    at: Location::file(self.path),
                },
            )
        });
        let do_khan = self.text(&g, "do_khan", "", norm).map(Field::upper);
        self.check_urgency(do_khan.as_ref());
        let tham_quyen = self.text(&g, "tham_quyen", "", norm).map(Field::upper);
        let kem_theo = self.text(&g, "ban_hanh_kem_theo", "", norm);
        let can_cu = self.list(&g, "can_cu", "", norm);
        let kinh_gui = self.list(&g, "kinh_gui", "", norm);
        let quyen_han = self.quyen_han(&kg, "ky.", norm);
        let chuc_vu = self.text(&kg, "chuc_vu", "ky.", norm).map(Field::upper);
        let ho_ten = self.text(&kg, "ho_ten", "ky.", norm);
        let ky_trai = self.second_signer(&g, norm);
        let ban_sao = self.copy_block(
            &g,
            norm,
            co_quan.as_ref(),
            viet_tat.as_ref(),
            dia_danh.as_ref(),
        );
        let noi_nhan = self.list(&g, "noi_nhan", "", norm);
        let luu = self.text(&g, "luu", "", norm);
        let nguoi_soan = self.text(&g, "nguoi_soan", "", norm).map(|f| upper(&f.v));
        let so_ban = self.so_ban(&g);
        let dia_chi = self.list(&g, "dia_chi", "", norm);
        let mut phu_luc = self.phu_luc(&g, norm);
        self.number_annexes(&mut phu_luc);
        self.check_needs(&g, tp, &kinh_gui, tham_quyen.as_ref());
        let ky_hieu = self.ky_hieu(&g, tp, ky_hieu_override, viet_tat.as_ref(), don_vi);
        let fields = self.kind_fields(&g, tp, norm);
        let than = self.free_body(&g, tp, norm);
        let organ = self.organ(
            &cg,
            norm,
            co_quan.as_ref(),
            chu_quan.as_ref(),
            viet_tat.as_ref(),
            ngay.as_ref(),
        );

        // An attached text (quy chế, quy định "ban hành kèm theo" a decision) prints no date,
        // signature or Nơi nhận: what the draft leaves out of them is empty, not missing.
        let attached = kem_theo.is_some();
        let undated = !crate::nd30::has_date_line(&tp.ten_loai);
        let blank = |l: &Self| Field {
            v: String::new(),
            at: Location::file(l.path),
        };
        let dia_danh = if undated {
            dia_danh.or_else(|| Some(blank(self)))
        } else {
            dia_danh
        };
        let (dia_danh, chuc_vu, ho_ten, luu) = if attached {
            (
                dia_danh.or_else(|| Some(blank(self))),
                chuc_vu.or_else(|| Some(blank(self))),
                ho_ten.or_else(|| Some(blank(self))),
                luu.or_else(|| Some(blank(self))),
            )
        } else {
            (dia_danh, chuc_vu, ho_ten, luu)
        };
        let ngay = ngay.or_else(|| {
            (attached || undated).then(|| Field {
                v: DateParts {
                    year: None,
                    month: None,
                    day: None,
                },
                at: Location::file(self.path),
            })
        });
        Some(Draft {
            file: self.path.to_path_buf(),
            template: tp.clone(),
            tone: norm.tone,
            verbatim: norm.verbatim,
            chu_quan,
            co_quan: co_quan?,
            organ: organ?,
            co_quan_viet_tat: viet_tat?.v,
            so,
            ky_hieu: ky_hieu?,
            dia_danh: dia_danh?,
            ngay: ngay?,
            trich_yeu: trich_yeu?,
            do_khan,
            tham_quyen,
            kem_theo,
            can_cu,
            kinh_gui,
            quyen_han,
            chuc_vu: chuc_vu?,
            ho_ten: ho_ten?,
            ky_trai,
            ban_sao,
            noi_nhan,
            luu: luu?,
            nguoi_soan,
            so_ban,
            dia_chi,
            phu_luc,
            fields,
            than,
            warnings: std::mem::take(&mut self.warnings),
            plugin: self.plugin.clone(),
            slot_texts: std::mem::take(&mut self.slot_texts),
        })
    }

    /// The organ as sentences name it: guessed from the header lines, the parent organ, the
    /// abbreviation and the date, unless the clerk says (`co_quan.cap`, `loai`, `ten_goi`).
    fn organ(
        &mut self,
        cg: &Get<'_>,
        norm: Normalizer,
        co_quan: Option<&Field<Vec<String>>>,
        chu_quan: Option<&Field<String>>,
        viet_tat: Option<&Field<String>>,
        ngay: Option<&Field<DateParts>>,
    ) -> Option<crate::organ::Organ> {
        use crate::organ::{Facts, Kind, Level, Organ};
        let mut ok = true;
        let mut choice = |this: &mut Self, key: &str, keys: &[&str]| -> Option<String> {
            let f = this.text(cg, key, "co_quan.", norm)?;
            if keys.contains(&f.v.as_str()) {
                return Some(f.v);
            }
            ok = false;
            this.errors.push(
                Finding::new(
                    codes::DRAFT_VALUE,
                    msg!(
                        "`co_quan.{}` = \"{}\" không phải giá trị vbhc biết",
                        "`co_quan.{}` = \"{}\" is not a value vbhc knows",
                        key,
                        f.v
                    ),
                )
                .at(f.at)
                .hint(msg!("các giá trị: {}", "values: {}", keys.join(", "))),
            );
            None
        };
        let level = choice(self, "cap", Level::KEYS).and_then(|k| Level::from_key(&k));
        let kind = choice(self, "loai", Kind::KEYS).and_then(|k| Kind::from_key(&k));
        let name = self.text(cg, "ten_goi", "co_quan.", norm).map(|f| f.v);
        let lines = co_quan?;
        if !ok {
            return None;
        }
        let viet_tat = viet_tat.map(|f| f.v.as_str()).unwrap_or_default();
        Some(Organ::from_facts(&Facts {
            lines: &lines.v,
            chu_quan: chu_quan.map(|f| f.v.as_str()),
            viet_tat,
            year_month: ngay.and_then(|d| Some((d.v.year?, d.v.month.unwrap_or(1)))),
            level,
            kind,
            name: name.as_deref(),
        }))
    }

    fn date(&mut self, g: &Get<'_>) -> Option<Field<DateParts>> {
        let (_, n) = g.node("ngay")?;
        match date::parse(&n.value) {
            Ok(d) => Some(Field {
                v: d,
                at: self.loc(n.pos, "ngay"),
            }),
            Err(m) => {
                self.err(codes::DRAFT_DATE, n.pos, "ngay", m);
                None
            }
        }
    }

    /// The decree's three urgencies (and the older spelling of HỎA).
    fn check_urgency(&mut self, do_khan: Option<&Field<String>>) {
        let Some(dk) = do_khan else { return };
        if ["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", "HOẢ TỐC"].contains(&dk.v.as_str()) {
            return;
        }
        self.errors.push(
            Finding::new(
                codes::DRAFT_VALUE,
                msg!(
                    "mức độ khẩn `{}` không có trong Nghị định 30",
                    "urgency `{}` is not one of the decree's",
                    dk.v
                ),
            )
            .at(dk.at.clone())
            .hint(msg!(
                "dùng KHẨN, THƯỢNG KHẨN hoặc HỎA TỐC",
                "use KHẨN, THƯỢNG KHẨN or HỎA TỐC"
            )),
        );
    }

    /// The authority lines above the signer's position: each starts with TM., KT., TL., TUQ.
    /// or Q., and there are at most two.
    /// A signer's authority lines (`ky.`, `ky_trai.`, `ban_sao.`), each one the decree allows.
    fn quyen_han(&mut self, kg: &Get<'_>, prefix: &str, norm: Normalizer) -> Vec<Field<String>> {
        let quyen_han: Vec<Field<String>> = self
            .list(kg, "quyen_han", prefix, norm)
            .into_iter()
            .map(Field::upper)
            .collect();
        for q in &quyen_han {
            if !number::is_authority(&q.v) {
                self.errors.push(
                    Finding::new(
                        codes::DRAFT_QUYEN_HAN,
                        msg!(
                            "dòng quyền hạn `{}` phải bắt đầu bằng TM., KT., TL., TUQ., Q. (hoặc ĐẠI DIỆN của một bên)",
                            "authority line `{}` must start with TM., KT., TL., TUQ., Q. (or a party's ĐẠI DIỆN)",
                            q.v
                        ),
                    )
                    .at(q.at.clone())
                    .hint(msg!(
                        "chức vụ của người ký ghi ở `{}chuc_vu`",
                        "the signer's own position goes in `{}chuc_vu`",
                        prefix
                    )),
                );
            }
        }
        if quyen_han.len() > 2 {
            self.errors.push(
                Finding::new(
                    codes::DRAFT_QUYEN_HAN,
                    msg!(
                        "quyền hạn có nhiều nhất 2 dòng (cùng chức vụ là 3)",
                        "at most 2 authority lines (3 with the position)"
                    ),
                )
                .at(quyen_han[2].at.clone()),
            );
        }
        quyen_han
    }

    /// The second signer (`[ky_trai]`), printed in the left column: its position and name are
    /// needed once the table is written.
    fn second_signer(&mut self, g: &Get<'_>, norm: Normalizer) -> Option<Signer> {
        let t = g.table("ky_trai")?;
        let kg = Get { t };
        let quyen_han = self.quyen_han(&kg, "ky_trai.", norm);
        let need = |this: &mut Self, key: &str| {
            let f = this.text(&kg, key, "ky_trai.", norm);
            if f.is_none() && kg.node(key).is_none() {
                this.errors.push(
                    Finding::new(
                        codes::DRAFT_MISSING_FIELD,
                        msg!(
                            "thiếu trường bắt buộc `ky_trai.{}`",
                            "missing required field `ky_trai.{}`",
                            key
                        ),
                    )
                    .at(Location::file(this.path)
                        .at(1, 1)
                        .with_field(format!("ky_trai.{key}"))),
                );
            }
            f
        };
        let chuc_vu = need(self, "chuc_vu").map(Field::upper);
        let ho_ten = need(self, "ho_ten");
        Some(Signer {
            quyen_han,
            chuc_vu: chuc_vu?,
            ho_ten: ho_ten?,
        })
    }

    /// The copy block (`[ban_sao]`): its form of copy one of the decree's three, its ký hiệu
    /// made from the form's abbreviation and the copying organ's, the organ and place those of
    /// the document unless given.
    fn copy_block(
        &mut self,
        g: &Get<'_>,
        norm: Normalizer,
        co_quan: Option<&Field<Vec<String>>>,
        viet_tat: Option<&Field<String>>,
        dia_danh: Option<&Field<String>>,
    ) -> Option<BanSao> {
        let t = g.table("ban_sao")?;
        let cg = Get { t };
        let p = "ban_sao.";
        let hinh_thuc = self.text(&cg, "hinh_thuc", p, norm).map(Field::upper);
        let abbr = hinh_thuc.as_ref().and_then(|h| match h.v.as_str() {
            "SAO Y" => Some("SY"),
            "SAO LỤC" => Some("SL"),
            "TRÍCH SAO" => Some("TrS"),
            _ => None,
        });
        if let (Some(h), None) = (&hinh_thuc, abbr) {
            self.errors.push(
                Finding::new(
                    codes::DRAFT_VALUE,
                    msg!(
                        "hình thức sao `{}` không có trong Nghị định 30",
                        "copy form `{}` is not one of the decree's",
                        h.v
                    ),
                )
                .at(h.at.clone())
                .hint(msg!(
                    "dùng SAO Y, SAO LỤC hoặc TRÍCH SAO",
                    "use SAO Y, SAO LỤC or TRÍCH SAO"
                )),
            );
        }
        let organ = self
            .lines(&cg, "co_quan", p, norm)
            .map(|f| f.v.iter().map(|l| upper(l)).collect())
            .or_else(|| co_quan.map(|f| f.v.clone()))
            .unwrap_or_default();
        let own_abbr = self
            .text(&cg, "viet_tat", p, norm)
            .map(|f| f.v)
            .or_else(|| viet_tat.map(|f| f.v.clone()))
            .unwrap_or_default();
        let so = cg.node("so").and_then(|(pos, n)| {
            number::parse_number(&n.value)
                .map_err(|m| self.err(codes::DRAFT_NUMBER, n.pos.max_pos(pos), "ban_sao.so", m))
                .ok()
                .flatten()
        });
        let place = self
            .text(&cg, "dia_danh", p, norm)
            .map(|f| f.v)
            .or_else(|| dia_danh.map(|f| f.v.clone()))
            .unwrap_or_default();
        let ngay = cg
            .node("ngay")
            .and_then(|(_, n)| match date::parse(&n.value) {
                Ok(d) => Some(Field {
                    v: d,
                    at: self.loc(n.pos, "ban_sao.ngay"),
                }),
                Err(m) => {
                    self.err(codes::DRAFT_DATE, n.pos, "ban_sao.ngay", m);
                    None
                }
            });
        let noi_nhan = self.list(&cg, "noi_nhan", p, norm);
        let luu = self
            .text(&cg, "luu", p, norm)
            .map_or_else(|| "VT".to_string(), |f| f.v);
        let quyen_han = self.quyen_han(&cg, p, norm);
        let chuc_vu = self.text(&cg, "chuc_vu", p, norm).map(Field::upper);
        let ho_ten = self.text(&cg, "ho_ten", p, norm);
        Some(BanSao {
            ky_hieu: format!("{}-{own_abbr}", abbr?),
            hinh_thuc: hinh_thuc?,
            co_quan: organ,
            so,
            dia_danh: place,
            ngay: ngay?,
            noi_nhan,
            luu,
            signer: Signer {
                quyen_han,
                chuc_vu: chuc_vu?,
                ho_ten: ho_ten?,
            },
        })
    }

    fn so_ban(&mut self, g: &Get<'_>) -> Option<u32> {
        let (_, n) = g.node("so_ban")?;
        match n.value {
            Value::Integer(i) if (1..=100_000).contains(&i) => Some(i as u32),
            _ => {
                self.err(
                    codes::DRAFT_VALUE,
                    n.pos,
                    "so_ban",
                    msg!("số bản phải từ 1 đến 100000", "copies must be 1 to 100000"),
                );
                None
            }
        }
    }

    /// Two or more annexes the draft left unnumbered: numbered as the province numbers them.
    fn number_annexes(&mut self, phu_luc: &mut [PhuLuc]) {
        let Some(roman) = self.annex_roman else {
            return;
        };
        if phu_luc.len() < 2 || phu_luc.iter().any(|p| p.so.is_some()) {
            return;
        }
        for (i, p) in phu_luc.iter_mut().enumerate() {
            let n = i as u32 + 1;
            p.so = Some(if roman {
                crate::text::numerals::roman(n)
            } else {
                n.to_string()
            });
        }
        if let Some(p) = &mut self.plugin {
            p.supplied.push("phu_luc.so".into());
        }
    }

    /// Kính gửi as the kind wants it, and a quyết định's authority line. A field that is
    /// written but was refused (its error is reported) is not also missing.
    fn check_needs(
        &mut self,
        g: &Get<'_>,
        tp: &KindTemplate,
        kinh_gui: &[Field<String>],
        tham_quyen: Option<&Field<String>>,
    ) {
        if tp.kinh_gui == Need::Required
            && kinh_gui.is_empty()
            && g.node("kinh_gui").is_none()
            && !self.plugin_failed
        {
            self.errors.push(
                Finding::new(
                    codes::DRAFT_MISSING_FIELD,
                    msg!(
                        "{} phải có `kinh_gui`",
                        "a {} needs `kinh_gui`",
                        tp.name.to_lowercase()
                    ),
                )
                .at(Location::file(self.path).at(1, 1).with_field("kinh_gui")),
            );
        }
        if tp.kinh_gui == Need::Absent && !kinh_gui.is_empty() {
            self.errors.push(
                Finding::new(
                    codes::DRAFT_UNKNOWN_FIELD,
                    msg!(
                        "{} không có Kính gửi",
                        "a {} has no Kính gửi",
                        tp.name.to_lowercase()
                    ),
                )
                .at(kinh_gui[0].at.clone()),
            );
        }
        if tp.form == crate::template::Form::QuyetDinh
            && tham_quyen.is_none()
            && g.node("tham_quyen").is_none()
        {
            self.errors.push(
                Finding::new(
                    codes::DRAFT_MISSING_FIELD,
                    msg!(
                        "quyết định phải có `tham_quyen` (dòng thẩm quyền ban hành)",
                        "a quyết định needs `tham_quyen` (the authority line)"
                    ),
                )
                .at(Location::file(self.path).at(1, 1).with_field("tham_quyen")),
            );
        }
    }

    /// Ký hiệu: the override, or built from the kind's abbreviation and the organ's (a công
    /// văn, which has none, from the organ's and the drafting unit's).
    fn ky_hieu(
        &mut self,
        g: &Get<'_>,
        tp: &KindTemplate,
        written: Option<Field<String>>,
        viet_tat: Option<&Field<String>>,
        don_vi: Option<Field<String>>,
    ) -> Option<Field<String>> {
        let ky_hieu = match (written, viet_tat) {
            (Some(k), _) => Some(k),
            (None, Some(vt)) => match (&tp.viet_tat, don_vi) {
                (Some(abbr), _) => Some(Field {
                    v: format!("{abbr}-{}", vt.v),
                    at: vt.at.clone(),
                }),
                (None, Some(dv)) => Some(Field {
                    v: format!("{}-{}", vt.v, dv.v),
                    at: dv.at,
                }),
                (None, None) if g.node("don_vi_soan").is_some() => None,
                // A thư công has no Số line, so no ký hiệu to build.
                (None, None) if !crate::nd30::has_so(&tp.ten_loai) => Some(Field {
                    v: vt.v.clone(),
                    at: vt.at.clone(),
                }),
                (None, None) => {
                    self.errors.push(
                        Finding::new(
                            codes::DRAFT_MISSING_FIELD,
                            msg!(
                                "công văn cần `don_vi_soan` (ví dụ \"KT\") hoặc `ky_hieu`",
                                "a công văn needs `don_vi_soan` (e.g. \"KT\") or `ky_hieu`"
                            ),
                        )
                        .at(Location::file(self.path).at(1, 1).with_field("don_vi_soan")),
                    );
                    None
                }
            },
            _ => None,
        };
        if let Some(k) = &ky_hieu
            && let Err(m) = number::check_ky_hieu(&k.v)
        {
            self.errors
                .push(Finding::new(codes::DRAFT_KY_HIEU, m).at(k.at.clone()));
        }
        ky_hieu
    }
}
