//! The issuing organ as sentences name it. A draft gives the organ as its upper-case header
//! lines ("ỦY BAN NHÂN DÂN" / "THÀNH PHỐ HÀ NỘI"), which cannot stand in a sentence; the
//! templates' standard sentences need "Ủy ban nhân dân Thành phố", "Chủ tịch Ủy ban nhân dân
//! xã", "Sở Công Thương". Writing "Ủy ban nhân dân tỉnh" whatever the organ was the bug a
//! city's and a ministry's documents showed, so every sentence that names the issuer, its head,
//! its superior or its subordinates takes the words from this model.
//!
//! The level follows the two-level local government in force since 1 July 2025 (tỉnh or thành
//! phố trực thuộc trung ương; xã, phường, đặc khu) and keeps the older huyện level (huyện,
//! quận, thị xã, thành phố thuộc tỉnh) for documents dated before it.

use crate::text::upper;

/// Cities directly under the central government (Nghị quyết 202/2025/QH15 kept these six);
/// any other "THÀNH PHỐ X" is a city of a province, of the pre-2025 huyện level.
const CENTRAL_CITIES: &[&str] = &[
    "HÀ NỘI",
    "HỒ CHÍ MINH",
    "HẢI PHÒNG",
    "ĐÀ NẴNG",
    "CẦN THƠ",
    "HUẾ",
];

/// The date the two-level local government took effect: a document dated earlier speaks of
/// "huyện, thị xã, thành phố" below the province.
pub const TWO_LEVEL_FROM: (i32, u32) = (2025, 7);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// A ministry or other central organ.
    TrungUong,
    /// Tỉnh.
    Tinh,
    /// Thành phố trực thuộc trung ương.
    ThanhPhoTw,
    /// The pre-2025 district level; the word is the unit's own (huyện, quận, thị xã, thành phố).
    Huyen(&'static str),
    /// Xã, phường, đặc khu (and the pre-2025 thị trấn); the word is the unit's own.
    Xa(&'static str),
}

impl Level {
    /// The unit's word in sentences: "tỉnh", "Thành phố" (a central city writes its own name
    /// with a capital, as Hà Nội's documents do), "xã".
    pub fn word(self) -> &'static str {
        match self {
            Level::TrungUong => "",
            Level::Tinh => "tỉnh",
            Level::ThanhPhoTw => "Thành phố",
            Level::Huyen(w) | Level::Xa(w) => w,
        }
    }

    pub const KEYS: &[&str] = &[
        "trung-uong",
        "tinh",
        "thanh-pho",
        "huyen",
        "quan",
        "thi-xa",
        "thanh-pho-thuoc-tinh",
        "xa",
        "phuong",
        "dac-khu",
        "thi-tran",
    ];

    pub fn from_key(k: &str) -> Option<Level> {
        Some(match k {
            "trung-uong" => Level::TrungUong,
            "tinh" => Level::Tinh,
            "thanh-pho" => Level::ThanhPhoTw,
            "huyen" => Level::Huyen("huyện"),
            "quan" => Level::Huyen("quận"),
            "thi-xa" => Level::Huyen("thị xã"),
            "thanh-pho-thuoc-tinh" => Level::Huyen("thành phố"),
            "xa" => Level::Xa("xã"),
            "phuong" => Level::Xa("phường"),
            "dac-khu" => Level::Xa("đặc khu"),
            "thi-tran" => Level::Xa("thị trấn"),
            _ => return None,
        })
    }

    /// The unit word as an upper-case header writes it, longest first.
    fn from_header(rest: &str) -> Option<(Level, &str)> {
        const WORDS: &[(&str, Level)] = &[
            ("THÀNH PHỐ ", Level::ThanhPhoTw),
            ("TỈNH ", Level::Tinh),
            ("THỊ XÃ ", Level::Huyen("thị xã")),
            ("THỊ TRẤN ", Level::Xa("thị trấn")),
            ("HUYỆN ", Level::Huyen("huyện")),
            ("QUẬN ", Level::Huyen("quận")),
            ("PHƯỜNG ", Level::Xa("phường")),
            ("ĐẶC KHU ", Level::Xa("đặc khu")),
            ("XÃ ", Level::Xa("xã")),
        ];
        for (w, l) in WORDS {
            if let Some(name) = rest.strip_prefix(w) {
                let name = name.trim();
                if *l == Level::ThanhPhoTw && !CENTRAL_CITIES.contains(&name) {
                    return Some((Level::Huyen("thành phố"), name));
                }
                return Some((*l, name));
            }
        }
        None
    }
}

/// What kind of organ issues the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Ủy ban nhân dân, issuing as a collective (TM.).
    Ubnd,
    /// The Chủ tịch Ủy ban nhân dân, issuing in his own name (ký hiệu …/CT-CTUBND).
    ChuTich,
    /// A Sở or another specialised body of a UBND.
    So,
    /// The Văn phòng of a UBND.
    VanPhong,
    /// A ministry.
    Bo,
    /// A cục, tổng cục, vụ of a ministry.
    Cuc,
    /// A state enterprise.
    DoanhNghiep,
    /// Anything else (a Ban, a school, a centre): its name is used as written.
    Khac,
}

impl Kind {
    pub const KEYS: &[&str] = &[
        "ubnd",
        "chu-tich",
        "so",
        "van-phong",
        "bo",
        "cuc",
        "doanh-nghiep",
        "khac",
    ];

    pub fn from_key(k: &str) -> Option<Kind> {
        Some(match k {
            "ubnd" => Kind::Ubnd,
            "chu-tich" => Kind::ChuTich,
            "so" => Kind::So,
            "van-phong" => Kind::VanPhong,
            "bo" => Kind::Bo,
            "cuc" => Kind::Cuc,
            "doanh-nghiep" => Kind::DoanhNghiep,
            "khac" => Kind::Khac,
            _ => return None,
        })
    }
}

/// The issuing organ, as far as its sentences need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organ {
    pub level: Level,
    pub kind: Kind,
    /// The organ as a sentence names it: "Ủy ban nhân dân tỉnh", "Sở Công Thương".
    pub name: String,
    /// Whether the document is dated before the two-level local government.
    pub before_2025: bool,
}

/// What a draft says about its organ: the header lines, the parent organ, the abbreviation of
/// the ký hiệu, the date, and the clerk's explicit choices (`co_quan.cap`, `co_quan.loai`,
/// `co_quan.ten_goi`), which win.
#[derive(Debug, Clone, Default)]
pub struct Facts<'a> {
    pub lines: &'a [String],
    pub chu_quan: Option<&'a str>,
    pub viet_tat: &'a str,
    pub year_month: Option<(i32, u32)>,
    pub level: Option<Level>,
    pub kind: Option<Kind>,
    pub name: Option<&'a str>,
}

impl Organ {
    pub fn from_facts(f: &Facts<'_>) -> Organ {
        let own = upper(&f.lines.join(" ")).replace("UỶ", "ỦY");
        let own = own.split_whitespace().collect::<Vec<_>>().join(" ");
        let parent = f
            .chu_quan
            .map(|p| upper(&p.replace('\n', " ")).replace("UỶ", "ỦY"))
            .unwrap_or_default();
        let before_2025 = f.year_month.is_some_and(|ym| ym < TWO_LEVEL_FROM);
        let ubnd_rest = |s: &str| -> Option<String> {
            ["ỦY BAN NHÂN DÂN ", "UBND "]
                .iter()
                .find_map(|p| s.strip_prefix(p))
                .map(str::to_string)
        };
        // The level: the organ's own unit word, else its parent's.
        let level_of = |s: &str| -> Option<Level> {
            let rest = ubnd_rest(s).unwrap_or_else(|| s.to_string());
            Level::from_header(&rest).map(|(l, _)| l).or_else(|| {
                // "SỞ … TỈNH LÀO CAI": a province or city named inside the organ's name (only
                // those: "XÃ" also opens "XÃ HỘI").
                ["TỈNH ", "THÀNH PHỐ "]
                    .iter()
                    .find_map(|w| s.find(&format!(" {w}")).map(|i| &s[i + 1..]))
                    .and_then(Level::from_header)
                    .map(|(l, _)| l)
            })
        };
        let guessed_kind = if own.starts_with("CHỦ TỊCH ỦY BAN NHÂN DÂN")
            || f.viet_tat.to_uppercase().starts_with("CTUBND")
        {
            Kind::ChuTich
        } else if ubnd_rest(&own).is_some() || own == "ỦY BAN NHÂN DÂN" || own == "UBND" {
            Kind::Ubnd
        } else if own.starts_with("SỞ ") || own.starts_with("BAN QUẢN LÝ") {
            Kind::So
        } else if own.starts_with("VĂN PHÒNG") {
            Kind::VanPhong
        } else if own.starts_with("BỘ ") {
            Kind::Bo
        } else if ["CỤC ", "TỔNG CỤC ", "VỤ "]
            .iter()
            .any(|p| own.starts_with(p))
        {
            Kind::Cuc
        } else if ["CÔNG TY", "TỔNG CÔNG TY", "TẬP ĐOÀN"]
            .iter()
            .any(|p| own.starts_with(p))
        {
            Kind::DoanhNghiep
        } else {
            Kind::Khac
        };
        let kind = f.kind.unwrap_or(guessed_kind);
        let guessed_level = match kind {
            Kind::Bo | Kind::Cuc => Level::TrungUong,
            _ => level_of(&own)
                .or_else(|| level_of(&parent))
                .unwrap_or(Level::Tinh),
        };
        let level = f.level.unwrap_or(guessed_level);
        let name = match f.name {
            Some(n) => n.to_string(),
            None => match kind {
                Kind::Ubnd | Kind::ChuTich => ubnd_of(level),
                Kind::VanPhong if own == "VĂN PHÒNG" => format!("Văn phòng {}", ubnd_of(level)),
                _ => sentence_name(&own),
            },
        };
        Organ {
            level,
            kind,
            name,
            before_2025,
        }
    }

    /// The issuer in a sentence ("Ủy ban nhân dân tỉnh thông báo …"): the organ, or for a
    /// Chủ tịch's document the Chủ tịch.
    pub fn subject(&self) -> String {
        match self.kind {
            Kind::ChuTich => format!("Chủ tịch {}", self.name),
            _ => self.name.clone(),
        }
    }

    /// The organ's head in a sentence: "Chủ tịch Ủy ban nhân dân tỉnh", "Giám đốc Sở Công
    /// Thương", "Bộ trưởng Bộ Công an".
    pub fn head(&self) -> String {
        let title = match self.kind {
            Kind::Ubnd | Kind::ChuTich => "Chủ tịch",
            Kind::So => "Giám đốc",
            Kind::VanPhong => "Chánh Văn phòng",
            Kind::Bo => "Bộ trưởng",
            Kind::Cuc => "Cục trưởng",
            Kind::DoanhNghiep => "Tổng Giám đốc",
            Kind::Khac => "Thủ trưởng",
        };
        if self.kind == Kind::VanPhong {
            return title.to_string();
        }
        format!("{title} {}", self.name)
    }

    /// The Ủy ban nhân dân of the organ's own level, to which its reports go ("kịp thời báo
    /// cáo Ủy ban nhân dân tỉnh"); for a ministry, the Chính phủ.
    pub fn ubnd(&self) -> String {
        match self.level {
            Level::TrungUong => "Chính phủ".into(),
            l => ubnd_of(l),
        }
    }

    /// Who receives a tờ trình or a report from this organ by default: a Sở's and a Văn
    /// phòng's superior is its UBND; a UBND's is its Hội đồng nhân dân.
    pub fn superior(&self) -> String {
        match self.kind {
            Kind::Ubnd | Kind::ChuTich => match self.level {
                Level::TrungUong => "Chính phủ".into(),
                l => format!("Hội đồng nhân dân {}", l.word()),
            },
            Kind::Bo | Kind::Cuc => "Chính phủ".into(),
            _ => self.ubnd(),
        }
    }

    /// The local governments below the organ's province or city, in its period's words.
    pub fn subordinate_ubnd(&self) -> String {
        match self.level {
            Level::TrungUong => "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương".into(),
            Level::Tinh | Level::ThanhPhoTw if self.before_2025 => {
                "Ủy ban nhân dân các huyện, thị xã, thành phố".into()
            }
            Level::Tinh | Level::ThanhPhoTw => "Ủy ban nhân dân các xã, phường".into(),
            Level::Huyen(_) => "Ủy ban nhân dân các xã, thị trấn".into(),
            Level::Xa(_) => "các thôn, tổ dân phố".into(),
        }
    }

    /// Who a province's directive or plan addresses by default: "các sở, ban, ngành và Ủy ban
    /// nhân dân các xã, phường".
    pub fn addressees(&self) -> String {
        match (self.kind, self.level) {
            (Kind::Ubnd | Kind::ChuTich, Level::Tinh | Level::ThanhPhoTw) => {
                format!("các sở, ban, ngành và {}", self.subordinate_ubnd())
            }
            (Kind::Ubnd | Kind::ChuTich, Level::Huyen(_)) => {
                format!("các phòng, ban chuyên môn và {}", self.subordinate_ubnd())
            }
            (Kind::Ubnd | Kind::ChuTich, Level::Xa(_)) => {
                "các ban, ngành, đoàn thể và các thôn, tổ dân phố".into()
            }
            (Kind::Bo | Kind::Cuc, _) => format!(
                "các cơ quan, đơn vị thuộc Bộ và {}",
                self.subordinate_ubnd()
            ),
            _ => "các cơ quan, đơn vị có liên quan".into(),
        }
    }
}

/// "Ủy ban nhân dân tỉnh", "Ủy ban nhân dân Thành phố", "Ủy ban nhân dân xã".
fn ubnd_of(level: Level) -> String {
    match level {
        Level::TrungUong => "Chính phủ".into(),
        l => format!("Ủy ban nhân dân {}", l.word()),
    }
}

/// An upper-case organ name as a sentence writes it (Phụ lục II of the decree: the first
/// letter of the organ's type and of each word naming its field is a capital): "SỞ VĂN HÓA,
/// THỂ THAO VÀ DU LỊCH" → "Sở Văn hóa, Thể thao và Du lịch"; a place after its unit word keeps
/// every syllable's capital ("TỈNH LÀO CAI" → "tỉnh Lào Cai").
pub fn sentence_name(upper_name: &str) -> String {
    /// Names whose every syllable is a capital by their own usage.
    const PROPER: &[&str] = &["CÔNG THƯƠNG"];
    const UNIT_WORDS: &[&str] = &[
        "TỈNH",
        "THÀNH PHỐ",
        "HUYỆN",
        "QUẬN",
        "THỊ XÃ",
        "XÃ",
        "PHƯỜNG",
        "ĐẶC KHU",
    ];
    let s = upper_name.replace("UBND", "ỦY BAN NHÂN DÂN");
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut capital_next = true;
    let mut place = false;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if let Some(p) = PROPER.iter().find(|p| {
            let n = p.split(' ').count();
            words.get(i..i + n).is_some_and(|ws| ws.join(" ") == **p)
        }) {
            for pw in p.split(' ') {
                out.push(capitalise(pw));
            }
            i += p.split(' ').count();
            capital_next = false;
            continue;
        }
        if let Some(u) = UNIT_WORDS.iter().find(|u| {
            let n = u.split(' ').count();
            i > 0
                && words.get(i..i + n).is_some_and(|ws| ws.join(" ") == **u)
                && words.get(i + n).is_some_and(|next| *next != "HỘI")
        }) {
            for uw in u.split(' ') {
                out.push(uw.to_lowercase());
            }
            i += u.split(' ').count();
            place = true;
            continue;
        }
        let lower = w.to_lowercase();
        let word = if place || capital_next {
            capitalise(w)
        } else {
            lower
        };
        capital_next = matches!(w, "VÀ" | "-" | "–") || w.ends_with(',');
        if matches!(w, "VÀ") {
            out.push("và".into());
        } else {
            out.push(word);
        }
        // After the organ type ("Sở", "Bộ", "Văn phòng", "Ban"), the field's first word.
        if i == 0 && matches!(w, "SỞ" | "BỘ" | "CỤC" | "VỤ" | "BAN") {
            capital_next = true;
        }
        i += 1;
    }
    out.join(" ")
        .replace("Ủy Ban Nhân Dân", "Ủy ban nhân dân")
        .replace("ủy ban nhân dân", "Ủy ban nhân dân")
}

fn capitalise(w: &str) -> String {
    let lower = w.to_lowercase();
    let mut cs = lower.chars();
    match cs.next() {
        Some(c) => c.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn organ(lines: &[&str], chu_quan: Option<&str>, vt: &str) -> Organ {
        let lines: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        Organ::from_facts(&Facts {
            lines: &lines,
            chu_quan,
            viet_tat: vt,
            year_month: Some((2026, 3)),
            ..Facts::default()
        })
    }

    #[test]
    fn levels_and_kinds_from_the_header() {
        let o = organ(&["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"], None, "UBND");
        assert_eq!((o.level, o.kind), (Level::Tinh, Kind::Ubnd));
        assert_eq!(o.subject(), "Ủy ban nhân dân tỉnh");
        assert_eq!(o.head(), "Chủ tịch Ủy ban nhân dân tỉnh");
        let o = organ(&["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HÀ NỘI"], None, "UBND");
        assert_eq!(o.level, Level::ThanhPhoTw);
        assert_eq!(o.subject(), "Ủy ban nhân dân Thành phố");
        let o = organ(
            &["ỦY BAN NHÂN DÂN", "THÀNH PHỐ LÀO CAI"],
            Some("TỈNH LÀO CAI"),
            "UBND",
        );
        assert_eq!(o.level, Level::Huyen("thành phố"));
        let o = organ(
            &["ỦY BAN NHÂN DÂN", "PHƯỜNG HOÀN KIẾM"],
            Some("THÀNH PHỐ HÀ NỘI"),
            "UBND",
        );
        assert_eq!(o.subject(), "Ủy ban nhân dân phường");
        assert_eq!(o.ubnd(), "Ủy ban nhân dân phường");
        let o = organ(&["ỦY BAN NHÂN DÂN", "TỈNH VĨNH PHÚC"], None, "CTUBND");
        assert_eq!(o.kind, Kind::ChuTich);
        assert_eq!(o.subject(), "Chủ tịch Ủy ban nhân dân tỉnh");
        let o = organ(&["SỞ CÔNG THƯƠNG"], Some("UBND TỈNH LÀO CAI"), "SCT");
        assert_eq!((o.level, o.kind), (Level::Tinh, Kind::So));
        assert_eq!(o.subject(), "Sở Công Thương");
        assert_eq!(o.superior(), "Ủy ban nhân dân tỉnh");
        assert_eq!(o.head(), "Giám đốc Sở Công Thương");
        let o = organ(&["BỘ CÔNG AN"], None, "BCA");
        assert_eq!((o.level, o.kind), (Level::TrungUong, Kind::Bo));
        assert_eq!(o.subject(), "Bộ Công an");
        let o = organ(&["VĂN PHÒNG"], Some("UBND TỈNH LÀO CAI"), "VP");
        assert_eq!(o.subject(), "Văn phòng Ủy ban nhân dân tỉnh");
    }

    #[test]
    fn subordinates_follow_the_period() {
        let lines = vec!["ỦY BAN NHÂN DÂN".to_string(), "TỈNH TIỀN GIANG".to_string()];
        let mut f = Facts {
            lines: &lines,
            viet_tat: "UBND",
            year_month: Some((2014, 5)),
            ..Facts::default()
        };
        assert_eq!(
            Organ::from_facts(&f).addressees(),
            "các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố"
        );
        f.year_month = Some((2025, 7));
        assert_eq!(
            Organ::from_facts(&f).addressees(),
            "các sở, ban, ngành và Ủy ban nhân dân các xã, phường"
        );
    }

    #[test]
    fn the_clerk_decides_when_told() {
        let lines = vec!["BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP".to_string()];
        let o = Organ::from_facts(&Facts {
            lines: &lines,
            viet_tat: "BQL",
            kind: Some(Kind::Khac),
            name: Some("Ban Quản lý các khu công nghiệp tỉnh"),
            ..Facts::default()
        });
        assert_eq!(o.subject(), "Ban Quản lý các khu công nghiệp tỉnh");
    }

    #[test]
    fn organ_names_in_sentences() {
        assert_eq!(
            sentence_name("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
            "Sở Văn hóa, Thể thao và Du lịch"
        );
        assert_eq!(
            sentence_name("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"),
            "Sở Nông nghiệp và Môi trường"
        );
        assert_eq!(sentence_name("BỘ CÔNG AN"), "Bộ Công an");
        assert_eq!(
            sentence_name("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
            "Sở Lao động - Thương binh và Xã hội"
        );
        assert_eq!(
            sentence_name("SỞ TÀI CHÍNH TỈNH LÀO CAI"),
            "Sở Tài chính tỉnh Lào Cai"
        );
        assert_eq!(
            sentence_name("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH"),
            "Văn phòng Ủy ban nhân dân tỉnh"
        );
    }
}
