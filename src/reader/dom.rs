//! A small element tree of one XML part, enough to walk WordprocessingML: qualified names as
//! written (`w:p`), attributes and text unescaped. Built iteratively, so a hostile document
//! nested a million levels deep is refused by the depth cap instead of overflowing the stack.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Deeper than any real document (tables in text boxes in tables stay under 60).
pub const MAX_DEPTH: usize = 512;

#[derive(Debug, Clone, Default)]
pub struct El {
    pub name: String,
    pub attrs: Vec<(String, String)>,
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

fn start(e: &BytesStart, decoder: quick_xml::encoding::Decoder) -> Result<El, String> {
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|err| err.to_string())?;
        let k = String::from_utf8_lossy(a.key.as_ref()).into_owned();
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
    let mut r = Reader::from_str(xml);
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
                stack.push(start(&e, r.decoder()).map_err(|m| (pos, m))?);
            }
            Event::Empty(e) => {
                let el = start(&e, r.decoder()).map_err(|m| (pos, m))?;
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
