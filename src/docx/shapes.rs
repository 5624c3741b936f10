//! Rules (the lines under the agency name, the Tiêu ngữ and the trích yếu) drawn the way Word
//! itself draws them in every genuine file of the corpus: an `mc:AlternateContent` holding a
//! DrawingML `wps` straight connector, with a VML `v:line` fallback for older readers. A clerk
//! can select and move them in Word; LibreOffice renders either branch.

use crate::nd30::EMU_PER_TWIP;

/// One rule: its length and its left offset inside the column (or text width) it is centred in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineShape {
    /// Twips.
    pub length: u32,
    /// Twips from the left edge of the column.
    pub offset: u32,
    pub weight_emu: u32,
    /// Unique drawing id within the document (1-based).
    pub id: usize,
}

/// Vertical position of the line inside its (6-pt exact) paragraph: 5 pt below its top. At 2 pt
/// LibreOffice drew it through the dots under `ị`/`ạ` of the line above (measured in the PDF:
/// 0.2 pt under the line's box); at 5 pt it sits about 3 pt clear, as in genuine documents.
const DROP_TWIPS: u32 = 100;

fn pt(twips: u32) -> String {
    let v = f64::from(twips) / 20.0;
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl LineShape {
    /// The run that replaces the marker run.
    pub fn run_xml(&self) -> String {
        let cx = self.length * EMU_PER_TWIP;
        let x = self.offset * EMU_PER_TWIP;
        let y = DROP_TWIPS * EMU_PER_TWIP;
        let id = self.id;
        let z = 251_659_264 + id;
        let w = self.weight_emu;
        let weight_pt = f64::from(w) / 12_700.0;
        let (x_pt, x2_pt, y_pt) = (
            pt(self.offset),
            pt(self.offset + self.length),
            pt(DROP_TWIPS),
        );
        format!(
            concat!(
                r#"<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>"#,
                r#"<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{z}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">"#,
                r#"<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>"#,
                r#"<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>"#,
                r#"<wp:extent cx="{cx}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>"#,
                r#"<wp:docPr id="{id}" name="Straight Connector {id}"/><wp:cNvGraphicFramePr/>"#,
                r#"<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">"#,
                r#"<wps:wsp><wps:cNvCnPr/><wps:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>"#,
                r#"<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="{w}"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:round/><a:headEnd/><a:tailEnd/></a:ln></wps:spPr>"#,
                r#"<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"#,
                r#"<mc:Fallback><w:pict><v:line id="Straight Connector {id}" style="position:absolute;z-index:{z};visibility:visible;mso-wrap-style:square;mso-position-horizontal:absolute;mso-position-horizontal-relative:text;mso-position-vertical:absolute;mso-position-vertical-relative:text" from="{x_pt}pt,{y_pt}pt" to="{x2_pt}pt,{y_pt}pt" strokeweight="{weight_pt}pt"/></w:pict></mc:Fallback>"#,
                r#"</mc:AlternateContent></w:r>"#
            ),
            z = z,
            x = x,
            y = y,
            cx = cx,
            id = id,
            w = w,
            x_pt = x_pt,
            x2_pt = x2_pt,
            y_pt = y_pt,
            weight_pt = weight_pt
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_has_both_branches_and_exact_length() {
        let r = LineShape {
            length: 3429,
            offset: 1233,
            weight_emu: 9525,
            id: 2,
        };
        let x = r.run_xml();
        assert!(x.contains(r#"<wp:extent cx="2177415" cy="0"/>"#));
        assert!(x.contains(r#"from="61.65pt,5pt" to="233.1pt,5pt""#));
        assert!(x.contains("<mc:Fallback>"));
    }
}
