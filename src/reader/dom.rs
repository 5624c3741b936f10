//! A small element tree of one XML part, enough to walk WordprocessingML: names by their
//! namespace, spelled with the usual prefix (`w:p` whatever prefix the part binds the
//! WordprocessingML namespace to; a name whose namespace is none of Word's keeps its prefix as
//! written), attributes and text unescaped. Built iteratively, so a hostile document
//! nested a million levels deep is refused by the depth cap instead of overflowing the stack.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{NamespaceResolver, QName, ResolveResult};
use quick_xml::reader::NsReader;
use std::borrow::Cow;

/// The namespaces the reader walks, with the prefix Word writes for each: a part may bind any
/// prefix (or the default namespace) to them, and the tree spells every name Word's way.
const PREFIXES: &[(&str, &str)] = &[
    (
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "w",
    ),
    ("http://purl.oclc.org/ooxml/wordprocessingml/main", "w"),
    (
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "wp",
    ),
    (
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
        "wp",
    ),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "a"),
    ("http://purl.oclc.org/ooxml/drawingml/main", "a"),
    (
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        "wps",
    ),
    (
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
        "wpg",
    ),
    (
        "http://schemas.openxmlformats.org/markup-compatibility/2006",
        "mc",
    ),
    ("urn:schemas-microsoft-com:vml", "v"),
    ("urn:schemas-microsoft-com:office:office", "o"),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "r",
    ),
    (
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
        "r",
    ),
    (
        "http://schemas.openxmlformats.org/drawingml/2006/picture",
        "pic",
    ),
    (
        "http://schemas.microsoft.com/office/word/2010/wordml",
        "w14",
    ),
    ("http://www.w3.org/XML/1998/namespace", "xml"),
];

/// A name as the tree spells it: Word's prefix for a namespace the reader knows; `{uri}local`
/// for another namespace, so that a `w:` bound to something else is not taken for Word's; the
/// name as written when its prefix is bound to nothing (loose fragments) or it has none.
fn spelled(resolver: &NamespaceResolver, name: QName, element: bool) -> Cow<'static, str> {
    let written = || match common(name.as_ref()) {
        Some(c) => Cow::Borrowed(c),
        None => Cow::Owned(String::from_utf8_lossy(name.as_ref()).into_owned()),
    };
    // Nearly every name in a part is `w:` bound to WordprocessingML: said as written.
    if let Some(prefix) = name.prefix()
        && let ResolveResult::Bound(ns) = resolver.resolve_prefix(Some(prefix), element)
        && let Some((_, canonical)) = PREFIXES
            .iter()
            .find(|(uri, _)| uri.as_bytes() == ns.as_ref())
        && canonical.as_bytes() == prefix.as_ref()
    {
        return written();
    }
    let (ns, local) = resolver.resolve(name, element);
    let ResolveResult::Bound(ns) = ns else {
        return written();
    };
    let local = String::from_utf8_lossy(local.as_ref());
    Cow::Owned(
        match PREFIXES
            .iter()
            .find(|(uri, _)| uri.as_bytes() == ns.as_ref())
        {
            Some((_, prefix)) => format!("{prefix}:{local}"),
            None => format!("{{{}}}{local}", String::from_utf8_lossy(ns.as_ref())),
        },
    )
}

/// Deeper than any real document (tables in text boxes in tables stay under 60).
pub const MAX_DEPTH: usize = 512;

#[derive(Debug, Clone, Default)]
pub struct El {
    /// Word's spelling of the name; the names every part repeats are not allocated.
    pub name: Cow<'static, str>,
    pub attrs: Vec<(Cow<'static, str>, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone)]
pub enum Node {
    El(El),
    Text(String),
}

impl El {
    /// The value of an attribute by qualified name (`w:val`).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// An attribute by local name, whatever its prefix (`val` finds `w:val`).
    pub fn attr_local(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.rsplit(':').next() == Some(local))
            .map(|(_, v)| v.as_str())
    }

    pub fn elements(&self) -> impl Iterator<Item = &El> {
        self.children.iter().filter_map(|c| match c {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&El> {
        self.elements().find(|e| e.name == name)
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> + 'a {
        self.elements().filter(move |e| e.name == name)
    }

    /// Every element below this one named `name`, in document order.
    pub fn descendants<'a>(&'a self, name: &'a str) -> Vec<&'a El> {
        let mut out = Vec::new();
        let mut stack: Vec<&El> = vec![self];
        while let Some(e) = stack.pop() {
            for c in e.elements().collect::<Vec<_>>().into_iter().rev() {
                if c.name == name {
                    out.push(c);
                }
                stack.push(c);
            }
        }
        out
    }

    /// All text below this element.
    pub fn text(&self) -> String {
        let mut s = String::new();
        let mut stack: Vec<&Node> = self.children.iter().rev().collect();
        while let Some(n) = stack.pop() {
            match n {
                Node::Text(t) => s.push_str(t),
                Node::El(e) => stack.extend(e.children.iter().rev()),
            }
        }
        s
    }

    pub fn local(&self) -> &str {
        self.name.rsplit(':').next().unwrap_or(&self.name)
    }
}

/// The element and attribute names that make up most of a document part, shared instead of
/// allocated once each time they occur.
fn common(name: &[u8]) -> Option<&'static str> {
    Some(match name {
        b"w:p" => "w:p",
        b"w:r" => "w:r",
        b"w:t" => "w:t",
        b"w:rPr" => "w:rPr",
        b"w:pPr" => "w:pPr",
        b"w:rFonts" => "w:rFonts",
        b"w:sz" => "w:sz",
        b"w:szCs" => "w:szCs",
        b"w:b" => "w:b",
        b"w:bCs" => "w:bCs",
        b"w:i" => "w:i",
        b"w:iCs" => "w:iCs",
        b"w:spacing" => "w:spacing",
        b"w:jc" => "w:jc",
        b"w:ind" => "w:ind",
        b"w:lang" => "w:lang",
        b"w:color" => "w:color",
        b"w:tab" => "w:tab",
        b"w:tabs" => "w:tabs",
        b"w:br" => "w:br",
        b"w:tc" => "w:tc",
        b"w:tcPr" => "w:tcPr",
        b"w:tcW" => "w:tcW",
        b"w:tr" => "w:tr",
        b"w:trPr" => "w:trPr",
        b"w:tbl" => "w:tbl",
        b"w:vAlign" => "w:vAlign",
        b"w:noProof" => "w:noProof",
        b"w:u" => "w:u",
        b"w:kern" => "w:kern",
        b"w:pStyle" => "w:pStyle",
        b"w:rStyle" => "w:rStyle",
        b"w:bookmarkStart" => "w:bookmarkStart",
        b"w:bookmarkEnd" => "w:bookmarkEnd",
        b"w:proofErr" => "w:proofErr",
        b"w:shd" => "w:shd",
        b"w:vertAlign" => "w:vertAlign",
        b"w:caps" => "w:caps",
        b"w:keepNext" => "w:keepNext",
        b"w:widowControl" => "w:widowControl",
        b"w:position" => "w:position",
        b"w:fldChar" => "w:fldChar",
        b"w:instrText" => "w:instrText",
        b"w:snapToGrid" => "w:snapToGrid",
        b"w:contextualSpacing" => "w:contextualSpacing",
        b"w:gridSpan" => "w:gridSpan",
        b"w:tcBorders" => "w:tcBorders",
        b"w:top" => "w:top",
        b"w:bottom" => "w:bottom",
        b"w:left" => "w:left",
        b"w:right" => "w:right",
        b"w:sectPr" => "w:sectPr",
        b"w:numPr" => "w:numPr",
        b"w:ilvl" => "w:ilvl",
        b"w:numId" => "w:numId",
        b"w:val" => "w:val",
        b"w:ascii" => "w:ascii",
        b"w:hAnsi" => "w:hAnsi",
        b"w:cs" => "w:cs",
        b"w:eastAsia" => "w:eastAsia",
        b"w:before" => "w:before",
        b"w:after" => "w:after",
        b"w:line" => "w:line",
        b"w:lineRule" => "w:lineRule",
        b"w:firstLine" => "w:firstLine",
        b"w:hanging" => "w:hanging",
        b"w:w" => "w:w",
        b"w:type" => "w:type",
        b"w:fill" => "w:fill",
        b"w:pos" => "w:pos",
        b"w:fldCharType" => "w:fldCharType",
        b"xml:space" => "xml:space",
        _ => return None,
    })
}

/// Attributes Word writes for its own bookkeeping (revision ids, paragraph ids) and no rule
/// reads: not kept.
fn bookkeeping(key: &[u8]) -> bool {
    let local = key.rsplit(|b| *b == b':').next().unwrap_or(key);
    local.starts_with(b"rsid") || local == b"paraId" || local == b"textId"
}

fn start(
    e: &BytesStart,
    decoder: quick_xml::encoding::Decoder,
    resolver: &NamespaceResolver,
) -> Result<El, String> {
    let name = spelled(resolver, e.name(), true);
    let mut attrs = Vec::new();
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|err| err.to_string())?;
        if bookkeeping(a.key.as_ref()) {
            continue;
        }
        let k = if a.key.as_ref().starts_with(b"xmlns") {
            Cow::Owned(String::from_utf8_lossy(a.key.as_ref()).into_owned())
        } else {
            spelled(resolver, a.key, false)
        };
        let v = a
            .decoded_and_normalized_value(quick_xml::XmlVersion::default(), decoder)
            .map(|v| v.into_owned())
            .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
        attrs.push((k, v));
    }
    Ok(El {
        name,
        attrs,
        children: Vec::new(),
    })
}

/// Parses a whole part. Errors carry the byte offset where the XML went wrong.
pub fn parse(xml: &str) -> Result<El, (u64, String)> {
    let mut r = NsReader::from_str(xml);
    r.config_mut().trim_text(false);
    let mut stack: Vec<El> = vec![El::default()];
    loop {
        let pos = r.buffer_position();
        let ev = r.read_event().map_err(|e| (pos, e.to_string()))?;
        match ev {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err((pos, format!("elements nested deeper than {MAX_DEPTH}")));
                }
                stack.push(start(&e, r.decoder(), r.resolver()).map_err(|m| (pos, m))?);
            }
            Event::Empty(e) => {
                let el = start(&e, r.decoder(), r.resolver()).map_err(|m| (pos, m))?;
                stack.last_mut().expect("root").children.push(Node::El(el));
            }
            Event::End(_) => {
                let el = stack.pop().ok_or((pos, "unbalanced end tag".to_string()))?;
                match stack.last_mut() {
                    Some(p) => p.children.push(Node::El(el)),
                    None => return Err((pos, "unbalanced end tag".into())),
                }
            }
            Event::Text(t) => {
                let s = t.decode().map_err(|e| (pos, e.to_string()))?.into_owned();
                push_text(stack.last_mut().expect("root"), s);
            }
            Event::GeneralRef(g) => {
                let name = String::from_utf8_lossy(&g).into_owned();
                // A character reference must name a character XML may hold (the "Legal
                // Character" constraint): `&#1;` or `&#xFFFF;` makes the part ill-formed, and
                // Word refuses the file, though quick-xml reads on.
                if let Some(n) = name.strip_prefix('#') {
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok(),
                        None => n.parse::<u32>().ok(),
                    };
                    if !code
                        .and_then(char::from_u32)
                        .is_some_and(crate::text::chars::is_xml_char)
                    {
                        return Err((
                            pos,
                            format!("character reference `&{name};` names no character XML allows"),
                        ));
                    }
                }
                let s = match name.as_str() {
                    "amp" => "&".to_string(),
                    "lt" => "<".to_string(),
                    "gt" => ">".to_string(),
                    "quot" => "\"".to_string(),
                    "apos" => "'".to_string(),
                    n if n.starts_with("#x") || n.starts_with("#X") => {
                        u32::from_str_radix(&n[2..], 16)
                            .ok()
                            .and_then(char::from_u32)
                            .map(String::from)
                            .unwrap_or_default()
                    }
                    n if n.starts_with('#') => n[1..]
                        .parse::<u32>()
                        .ok()
                        .and_then(char::from_u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                push_text(stack.last_mut().expect("root"), s);
            }
            Event::CData(t) => {
                let s = String::from_utf8_lossy(&t).into_owned();
                push_text(stack.last_mut().expect("root"), s);
            }
            Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if stack.len() != 1 {
        return Err((xml.len() as u64, "unclosed element".into()));
    }
    let root = stack.pop().expect("root");
    root.children
        .into_iter()
        .find_map(|c| match c {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or((0, "no root element".into()))
}

fn push_text(el: &mut El, s: String) {
    if let Some(Node::Text(t)) = el.children.last_mut() {
        t.push_str(&s);
    } else {
        el.children.push(Node::Text(s));
    }
}

/// OOXML on/off values: absent `w:val`, `1`, `true`, `on` are on.
pub fn on(el: &El) -> bool {
    !matches!(el.attr_local("val"), Some("0" | "false" | "off"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_entities() {
        let e = parse(r#"<w:p><w:r><w:t>a &amp; b</w:t><w:t xml:space="preserve"> &#x1EA1;</w:t></w:r></w:p>"#).unwrap();
        assert_eq!(e.text(), "a & b ạ");
        assert_eq!(e.descendants("w:t").len(), 2);
    }

    #[test]
    fn names_are_read_by_namespace_not_prefix() {
        // WordprocessingML bound to another prefix, and as the default namespace.
        let x = r#"<x:document xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:body><x:p><x:r><x:t>Số: 12/CT-UBND</x:t></x:r></x:p><x:p><x:pPr><x:jc x:val="center"/></x:pPr></x:p></x:body></x:document>"#;
        let e = parse(x).unwrap();
        assert_eq!(e.name, "w:document");
        assert_eq!(e.descendants("w:t").len(), 1);
        assert_eq!(e.descendants("w:jc")[0].attr("w:val"), Some("center"));
        let d = r#"<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><r><t>a</t></r></p></body></document>"#;
        assert_eq!(parse(d).unwrap().descendants("w:t").len(), 1);
        // A `w:` prefix bound to something else is not WordprocessingML.
        let other = r#"<w:p xmlns:w="urn:example"><w:t>a</w:t></w:p>"#;
        assert_eq!(parse(other).unwrap().name, "{urn:example}p");
        assert!(parse(other).unwrap().descendants("w:t").is_empty());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let xml = "<a>".repeat(MAX_DEPTH + 5) + &"</a>".repeat(MAX_DEPTH + 5);
        assert!(parse(&xml).unwrap_err().1.contains("deeper"));
    }

    #[test]
    fn references_to_characters_xml_refuses_are_errors() {
        for r in [
            "&#1;",
            "&#xFFFF;",
            "&#xfffe;",
            "&#0;",
            "&#xD800;",
            "&#x110000;",
            "&#;",
        ] {
            let xml = format!("<w:p><w:r><w:t>a{r}b</w:t></w:r></w:p>");
            assert!(parse(&xml).is_err(), "{r}");
        }
        assert!(parse("<w:t>&#9;&#xA;&#x1EA1;&#65533;</w:t>").is_ok());
    }

    #[test]
    fn malformed_is_an_error() {
        assert!(parse("<w:p><w:r></w:p>").is_err());
        assert!(parse("<w:p>").is_err());
    }
}
