//! Checks every province writes the same way, with the province's own data.

use crate::text::{eq_folded, luu_units};
use crate::{Document, Finding};

/// `<code>`: after VT the Lưu line names the unit of the Văn phòng that drafted the document;
/// a code not among `units` (short, name) is usually a typo or another office's code.
/// `office` names the Văn phòng in the messages ("Văn phòng UBND tỉnh Lạng Sơn").
pub fn luu_unit(
    doc: &Document,
    code: &str,
    office: &str,
    units: &[(&str, &str)],
) -> Option<Finding> {
    let (i, line) = doc.luu()?;
    let unknown: Vec<String> = luu_units(line)
        .unwrap_or_default()
        .into_iter()
        .filter(|u| !units.iter().any(|(s, _)| eq_folded(s, u)))
        .collect();
    if unknown.is_empty() {
        return None;
    }
    let list = unknown.join(", ");
    let choices = units
        .iter()
        .map(|(s, n)| format!("{s} ({n})"))
        .collect::<Vec<_>>()
        .join(", ");
    Some(
        Finding::warning(
            code,
            &format!("Dòng Lưu ghi \"{list}\", không phải đơn vị của {office}"),
            &format!("The Lưu line names \"{list}\", which is not a unit of the {office}"),
        )
        .hint(
            &format!("Sau \"VT, \" ghi một trong các đơn vị: {choices}"),
            &format!("After \"VT, \" write one of the units: {choices}"),
        )
        .at(i),
    )
}
