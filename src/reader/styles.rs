//! Styles and theme fonts: what a run or paragraph looks like once Word has resolved document
//! defaults → theme fonts → paragraph style chain → character style chain → direct formatting,
//! with bold and italic toggling across style levels as ECMA-376 §17.7.3 defines it.

use super::dom;
use super::props::{Font, PProps, RProps};
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    p: PProps,
    r: RProps,
}

/// The theme's Latin fonts (`minorHAnsi` → the minor font), read from `theme1.xml`.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub major: Option<String>,
    pub minor: Option<String>,
    pub major_ea: Option<String>,
    pub minor_ea: Option<String>,
    pub major_cs: Option<String>,
    pub minor_cs: Option<String>,
}

impl Theme {
    pub fn parse(xml: &str) -> Theme {
        let Ok(root) = dom::parse(xml) else {
            return Theme::default();
        };
        let face = |scheme: &str, slot: &str| -> Option<String> {
            root.descendants(scheme)
                .first()
                .and_then(|f| f.child(slot))
                .and_then(|l| l.attr("typeface"))
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        };
        Theme {
            major: face("a:majorFont", "a:latin"),
            minor: face("a:minorFont", "a:latin"),
            major_ea: face("a:majorFont", "a:ea"),
            minor_ea: face("a:minorFont", "a:ea"),
            major_cs: face("a:majorFont", "a:cs"),
            minor_cs: face("a:minorFont", "a:cs"),
        }
    }

    /// The face a theme reference stands for.
    pub fn face(&self, theme_ref: &str) -> Option<&str> {
        let r = theme_ref.to_ascii_lowercase();
        let major = r.starts_with("major");
        let v = if r.ends_with("eastasia") {
            if major {
                &self.major_ea
            } else {
                &self.minor_ea
            }
        } else if r.ends_with("bidi") {
            if major {
                &self.major_cs
            } else {
                &self.minor_cs
            }
        } else if major {
            &self.major
        } else {
            &self.minor
        };
        v.as_deref()
    }
}

#[derive(Debug, Clone, Default)]
pub struct Styles {
    defaults_r: RProps,
    defaults_p: PProps,
    styles: HashMap<String, Style>,
    default_para: Option<String>,
    default_table: Option<String>,
    pub theme: Theme,
}

/// A run's properties once resolved: what is on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct RunLook {
    /// The face of the Latin slot Vietnamese text uses (`w:hAnsi`; `w:ascii` for plain ASCII).
    pub font: String,
    pub ascii_font: String,
    /// Half-points.
    pub size: u32,
    pub bold: bool,
    pub italic: bool,
    pub caps: bool,
    pub hidden: bool,
    /// A superscript or subscript: Word prints it at about two thirds of its size.
    pub script: bool,
    /// Character spacing, twentieths of a point.
    pub spacing: i32,
}

/// Word's built-in fallbacks when no level states a value.
const DEFAULT_FONT: &str = "Times New Roman";
const DEFAULT_SIZE: u32 = 20;

impl Styles {
    pub fn parse(xml: Option<&str>, theme: Theme) -> Styles {
        let mut s = Styles {
            theme,
            ..Styles::default()
        };
        let Some(root) = xml.and_then(|x| dom::parse(x).ok()) else {
            return s;
        };
        if let Some(dd) = root.child("w:docDefaults") {
            if let Some(r) = dd.child("w:rPrDefault").and_then(|d| d.child("w:rPr")) {
                s.defaults_r = RProps::parse(r);
            }
            if let Some(p) = dd.child("w:pPrDefault").and_then(|d| d.child("w:pPr")) {
                s.defaults_p = PProps::parse(p);
            }
        }
        for st in root.children_named("w:style") {
            let Some(id) = st.attr("w:styleId") else {
                continue;
            };
            let kind = st.attr("w:type").unwrap_or("paragraph");
            let style = Style {
                based_on: st
                    .child("w:basedOn")
                    .and_then(|b| b.attr("w:val"))
                    .map(str::to_string),
                p: st.child("w:pPr").map(PProps::parse).unwrap_or_default(),
                r: st.child("w:rPr").map(RProps::parse).unwrap_or_default(),
            };
            let is_default = st
                .attr("w:default")
                .is_some_and(|d| d == "1" || d == "true");
            if kind == "paragraph" && is_default {
                s.default_para = Some(id.to_string());
            }
            if kind == "table" && is_default {
                s.default_table = Some(id.to_string());
            }
            s.styles.insert(id.to_string(), style);
        }
        s
    }

    /// A style's chain from its root ancestor down to itself (cycles cut).
    fn chain(&self, id: Option<&str>) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut cur = id.map(str::to_string);
        while let Some(c) = cur {
            if out.len() > 32 {
                break;
            }
            let Some(st) = self.styles.get(&c) else {
                break;
            };
            out.push(st);
            cur = st.based_on.clone();
        }
        out.reverse();
        out
    }

    fn para_style_id<'a>(&'a self, direct: &'a PProps) -> Option<&'a str> {
        direct.style.as_deref().or(self.default_para.as_deref())
    }

    /// The table style a table uses: its own `w:tblStyle`, else the default table style.
    pub fn table_style(&self, own: Option<&str>) -> Option<String> {
        own.map(str::to_string)
            .or_else(|| self.default_table.clone())
    }

    /// The paragraph's properties: defaults, then the table style's (in a table), its style
    /// chain, the numbering level's, then its own.
    pub fn paragraph(
        &self,
        direct: &PProps,
        numbering: Option<&PProps>,
        table: Option<&str>,
    ) -> PProps {
        let mut p = self.defaults_p.clone();
        for st in self.chain(table) {
            p.overlay(&st.p);
        }
        for st in self.chain(self.para_style_id(direct)) {
            p.overlay(&st.p);
        }
        if let Some(n) = numbering {
            p.overlay(n);
        }
        p.overlay(direct);
        p
    }

    /// The numbering a paragraph style carries (`w:numPr` in the style).
    pub fn style_numbering(&self, direct: &PProps) -> Option<super::props::NumRef> {
        let mut n = None;
        for st in self.chain(self.para_style_id(direct)) {
            if st.p.num_off {
                n = None;
            }
            if st.p.num.is_some() {
                n = st.p.num;
            }
        }
        n
    }

    /// A run's look: defaults → paragraph style chain → character style chain → direct, with
    /// bold and italic toggled between the paragraph and character style levels.
    pub fn run(&self, para: &PProps, direct: &RProps, table: Option<&str>) -> RunLook {
        let mut r = self.defaults_r.clone();
        for st in self.chain(table) {
            r.overlay(&st.r);
        }
        let mut pstyle = RProps::default();
        for st in self.chain(self.para_style_id(para)) {
            pstyle.overlay(&st.r);
        }
        let mut cstyle = RProps::default();
        for st in self.chain(direct.style.as_deref()) {
            cstyle.overlay(&st.r);
        }
        let toggle = |d: Option<bool>, p: Option<bool>, c: Option<bool>| -> Option<bool> {
            match (p, c) {
                (None, None) => d,
                (Some(a), Some(b)) => Some(a ^ b),
                (Some(a), None) | (None, Some(a)) => Some(a),
            }
        };
        let bold = toggle(r.bold, pstyle.bold, cstyle.bold);
        let italic = toggle(r.italic, pstyle.italic, cstyle.italic);
        r.overlay(&pstyle);
        r.overlay(&cstyle);
        r.bold = bold;
        r.italic = italic;
        r.overlay(direct);
        let face = |f: &Option<Font>| -> Option<String> {
            match f {
                Some(Font::Name(n)) => Some(n.clone()),
                Some(Font::Theme(t)) => self.theme.face(t).map(str::to_string),
                None => None,
            }
        };
        let ascii = face(&r.ascii);
        let h_ansi = face(&r.h_ansi).or_else(|| ascii.clone());
        RunLook {
            font: h_ansi.clone().unwrap_or_else(|| DEFAULT_FONT.into()),
            ascii_font: ascii.or(h_ansi).unwrap_or_else(|| DEFAULT_FONT.into()),
            size: r.size.unwrap_or(DEFAULT_SIZE),
            bold: r.bold.unwrap_or(false),
            italic: r.italic.unwrap_or(false),
            caps: r.caps.unwrap_or(false),
            hidden: r.vanish.unwrap_or(false),
            script: r.script.unwrap_or(false),
            spacing: r.spacing.unwrap_or(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
</w:styles>"#;

    fn styles() -> Styles {
        let theme = Theme {
            minor: Some("Calibri".into()),
            ..Theme::default()
        };
        Styles::parse(Some(STYLES), theme)
    }

    #[test]
    fn theme_fonts_and_defaults_resolve() {
        let s = styles();
        let look = s.run(&PProps::default(), &RProps::default(), None);
        assert_eq!(look.font, "Calibri");
        assert_eq!(look.size, 28, "Normal is the default paragraph style");
        assert!(!look.bold);
    }

    #[test]
    fn bold_toggles_between_paragraph_and_character_styles() {
        let s = styles();
        let title = PProps {
            style: Some("Title".into()),
            ..PProps::default()
        };
        assert!(s.run(&title, &RProps::default(), None).bold);
        let strong = RProps {
            style: Some("Strong".into()),
            ..RProps::default()
        };
        assert!(
            !s.run(&title, &strong, None).bold,
            "bold style on bold paragraph toggles off"
        );
        let direct = RProps {
            style: Some("Strong".into()),
            bold: Some(true),
            ..RProps::default()
        };
        assert!(
            s.run(&title, &direct, None).bold,
            "direct formatting is absolute"
        );
    }
}
