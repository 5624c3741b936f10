//! Schema order for the parts vbhc writes. docx-rs 0.4.22 writes the children of `rPr`, `pPr`,
//! `sectPr`, `tblPr` … out of the order the OOXML schema prescribes (ECMA-376 Part 1, §17);
//! Word then silently drops run properties (fonts on bold runs) or offers to "repair" the
//! file. This pass parses each part into a small tree, puts the children of those elements in
//! schema order, drops what the schema does not allow there (`w:type` on `gridCol`, `rPr`
//! inside a style's `pPr`) and the random `w14:paraId`/`w14:textId`, and writes it back.

use quick_xml::Reader;
use quick_xml::events::Event;
use std::borrow::Cow;

/// Children order of the elements docx-rs gets wrong. Unknown children keep their place at
/// the end, in their original order.
#[allow(
    clippy::too_many_lines,
    reason = "a data table, one arm per element, read against the schema: cut up it would be harder to check"
)]
fn order(parent: &str) -> Option<&'static [&'static str]> {
    Some(match parent {
        "w:rPr" => &[
            "w:ins",
            "w:del",
            "w:moveFrom",
            "w:moveTo",
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:rPrChange",
        ],
        "w:pPr" => &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
        "w:sectPr" => &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
        "w:tblPr" => &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
        "w:tcPr" => &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
            "w:headers",
            "w:cellIns",
            "w:cellDel",
            "w:cellMerge",
            "w:tcPrChange",
        ],
        "w:tblBorders" | "w:tcBorders" => &[
            "w:top",
            "w:left",
            "w:start",
            "w:bottom",
            "w:right",
            "w:end",
            "w:insideH",
            "w:insideV",
            "w:tl2br",
            "w:tr2bl",
        ],
        "w:pBdr" => &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:between",
            "w:bar",
        ],
        "w:tblCellMar" | "w:tcMar" => {
            &["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"]
        }
        "w:style" => &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
        "w:lvl" => &[
            "w:start",
            "w:numFmt",
            "w:lvlRestart",
            "w:pStyle",
            "w:isLgl",
            "w:suff",
            "w:lvlText",
            "w:lvlPicBulletId",
            "w:legacy",
            "w:lvlJc",
            "w:pPr",
            "w:rPr",
        ],
        "w:docDefaults" => &["w:rPrDefault", "w:pPrDefault"],
        "w:tbl" => &["w:bookmarkStart", "w:tblPr", "w:tblGrid", "w:tr"],
        "w:settings" => SETTINGS,
        _ => return None,
    })
}

const SETTINGS: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth",
    "w:printFormsData",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:saveFormsData",
    "w:mirrorMargins",
    "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop",
    "w:hideSpellingErrors",
    "w:hideGrammaticalErrors",
    "w:activeWritingStyle",
    "w:proofState",
    "w:formsDesign",
    "w:attachedTemplate",
    "w:linkStyles",
    "w:stylePaneFormatFilter",
    "w:stylePaneSortMethod",
    "w:documentType",
    "w:mailMerge",
    "w:revisionView",
    "w:trackRevisions",
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
];

/// The tree borrows from the part's text: names, tags and text are slices of it, so a 50 KB
/// `document.xml` is put in order without copying its content (the pass once cost a third of
/// a document's whole write).
#[derive(Debug)]
enum Node<'a> {
    /// Markup kept as it was (text, references, CDATA, declarations), already escaped.
    Raw(&'a str),
    El(El<'a>),
}

#[derive(Debug)]
struct El<'a> {
    name: &'a str,
    /// The start tag's inside (`w:p w14:paraId="…"`), cleaned of what the schema rejects.
    head: Cow<'a, str>,
    children: Vec<Node<'a>>,
    empty: bool,
}

fn clean_head<'a>(name: &str, head: &'a str) -> Cow<'a, str> {
    // docx-rs puts its ids on paragraphs only (and `w:type` on grid columns): other tags are
    // not searched, which keeps this pass cheap.
    if !matches!(name, "w:p" | "w:gridCol") || (name == "w:p" && !head.contains("w14:")) {
        return Cow::Borrowed(head);
    }
    // Attributes are `name="value"` separated by spaces; values never contain `"` unescaped.
    let mut out = name.to_string();
    let rest = &head[name.len()..];
    let mut parts = rest.split('"');
    while let (Some(k), Some(v)) = (parts.next(), parts.next()) {
        let key = k.trim().trim_end_matches('=').trim();
        if key == "w14:paraId" || key == "w14:textId" || (name == "w:gridCol" && key == "w:type") {
            continue;
        }
        out.push(' ');
        out.push_str(key);
        out.push_str("=\"");
        out.push_str(v);
        out.push('"');
    }
    Cow::Owned(out)
}

/// The element name at the start of a tag's inside.
fn tag_name(head: &str) -> &str {
    let end = head
        .bytes()
        .position(|b| b.is_ascii_whitespace() || b == b'/')
        .unwrap_or(head.len());
    &head[..end]
}

fn parse(xml: &str) -> Result<Vec<Node<'_>>, String> {
    let mut r = Reader::from_str(xml);
    r.config_mut().trim_text(false);
    let mut stack: Vec<El> = vec![El {
        name: "",
        head: Cow::Borrowed(""),
        children: Vec::new(),
        empty: false,
    }];
    loop {
        let from = r.buffer_position() as usize;
        let ev = r.read_event().map_err(|e| e.to_string())?;
        let to = r.buffer_position() as usize;
        // The reader reports where each event lies in the input; slicing the input there
        // keeps everything borrowed (and already valid UTF-8).
        let raw = xml.get(from..to).ok_or("event outside the input")?;
        match ev {
            Event::Start(_) => {
                let head = raw[1..raw.len() - 1].trim_end();
                let name = tag_name(head);
                stack.push(El {
                    head: clean_head(name, head),
                    name,
                    children: Vec::new(),
                    empty: false,
                });
            }
            Event::Empty(_) => {
                let head = raw[1..raw.len() - 2].trim_end();
                let name = tag_name(head);
                let el = El {
                    head: clean_head(name, head),
                    name,
                    children: Vec::new(),
                    empty: true,
                };
                stack.last_mut().expect("root").children.push(Node::El(el));
            }
            Event::End(_) => {
                let el = stack.pop().ok_or("unbalanced end tag")?;
                stack
                    .last_mut()
                    .ok_or("unbalanced end tag")?
                    .children
                    .push(Node::El(el));
            }
            Event::Text(_) | Event::GeneralRef(_) | Event::CData(_) | Event::Decl(_) => stack
                .last_mut()
                .expect("root")
                .children
                .push(Node::Raw(raw)),
            Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    if stack.len() != 1 {
        return Err("unclosed element".into());
    }
    Ok(stack.pop().expect("root").children)
}

fn fix(el: &mut El<'_>, parent: &str) {
    // A style's, a default's or a numbering level's pPr may not hold an rPr.
    if el.name == "w:pPr" && matches!(parent, "w:style" | "w:pPrDefault" | "w:lvl") {
        el.children
            .retain(|c| !matches!(c, Node::El(e) if e.name == "w:rPr"));
    }
    let name = el.name;
    for c in &mut el.children {
        if let Node::El(e) = c {
            fix(e, name);
        }
    }
    if let Some(ord) = order(el.name) {
        let rank = |n: &Node| match n {
            Node::El(e) => ord.iter().position(|o| *o == e.name).unwrap_or(ord.len()),
            Node::Raw(_) => ord.len() + 1,
        };
        if !el.children.is_sorted_by_key(rank) {
            el.children.sort_by_cached_key(rank);
        }
        // An element may appear once; docx-rs sometimes writes a property twice.
        let mut seen: Vec<&str> = Vec::new();
        el.children.retain(|c| match c {
            Node::El(e)
                if ord.contains(&e.name)
                    && !matches!(e.name, "w:headerReference" | "w:footerReference" | "w:tr") =>
            {
                if seen.contains(&e.name) {
                    false
                } else {
                    seen.push(e.name);
                    true
                }
            }
            _ => true,
        });
    }
    // A paragraph's pPr comes first, a run's rPr first, a cell's tcPr first.
    if matches!(el.name, "w:p" | "w:r" | "w:tc" | "w:tr") {
        let first = match el.name {
            "w:p" => "w:pPr",
            "w:r" => "w:rPr",
            "w:tc" => "w:tcPr",
            _ => "w:trPr",
        };
        let key = |c: &Node| !matches!(c, Node::El(e) if e.name == first);
        if !el.children.is_sorted_by_key(key) {
            el.children.sort_by_key(key);
        }
    }
}

fn write(nodes: &[Node], out: &mut String) {
    for n in nodes {
        match n {
            Node::Raw(s) => out.push_str(s),
            Node::El(e) => {
                out.push('<');
                out.push_str(&e.head);
                if e.empty && e.children.is_empty() {
                    out.push_str("/>");
                } else {
                    out.push('>');
                    write(&e.children, out);
                    out.push_str("</");
                    out.push_str(e.name);
                    out.push('>');
                }
            }
        }
    }
}

/// Puts an XML part in schema order. Parts that do not parse are returned unchanged (the
/// writer produced them; a test proves they all parse).
pub fn canonicalize(xml: &str) -> String {
    match parse(xml) {
        Ok(mut nodes) => {
            for n in &mut nodes {
                if let Node::El(e) = n {
                    fix(e, "");
                }
            }
            let mut out = String::with_capacity(xml.len() + 64);
            write(&nodes, &mut out);
            out
        }
        Err(_) => xml.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::canonicalize;

    #[test]
    fn run_properties_in_schema_order() {
        let x = r#"<w:r><w:rPr><w:sz w:val="28" /><w:b /><w:rFonts w:ascii="T" /></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r>"#;
        assert_eq!(
            canonicalize(x),
            r#"<w:r><w:rPr><w:rFonts w:ascii="T"/><w:b/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">a &amp; b</w:t></w:r>"#
        );
    }

    #[test]
    fn drops_para_ids_and_grid_type() {
        let x = r#"<w:p w14:paraId="00000001" w14:textId="2"><w:pPr><w:jc w:val="center"/><w:keepNext/></w:pPr></w:p><w:gridCol w:w="10" w:type="dxa"/>"#;
        assert_eq!(
            canonicalize(x),
            r#"<w:p><w:pPr><w:keepNext/><w:jc w:val="center"/></w:pPr></w:p><w:gridCol w:w="10"/>"#
        );
    }
}
