//! The vbhc plugin of Cà Mau province (`ca-mau`).
//!
//! On 1 July 2025 Cà Mau and Bạc Liêu became one province, Cà Mau, with no district level.
//! The plugin's answers depend on the document's date:
//!
//! - dated on or after 1 July 2025: the UBND tỉnh Cà Mau's organ lines, place name, units,
//!   standard lists, section and house style;
//! - dated earlier (or in 2025 with no month, when the plugin cannot tell): no organ or place
//!   defaults and no lists, because the document belongs to one of the two former provinces
//!   and the draft must say which;
//! - the rules know both periods: "Bạc Liêu" is right on a 1998 chỉ thị and an error on a
//!   2026 công văn.
//!
//! [`data`] holds the facts, [`answers`] the answers, [`rules`] the checks; [`CaMau`] only
//! hands them to vbhc.

pub mod answers;
pub mod data;
pub mod rules;

use vbhc_plugin::{Date, DateOrder, Info};

/// The plugin's identity. `id` is also the prefix of the finding codes (`CA-MAU-…`).
pub fn info() -> Info {
    Info::new("ca-mau", "Cà Mau", env!("CARGO_PKG_VERSION"), "Cà Mau")
}

/// Where a date stands against the merger (1 July 2025).
pub fn period(date: &Date) -> DateOrder {
    let (y, m, d) = data::MERGER;
    date.order_against(y, m, d)
}

/// Whether a document dated `date` is certainly one of the merged province.
pub fn merged(date: &Date) -> bool {
    period(date) == DateOrder::OnOrAfter
}

vbhc_plugin::province!(CaMau {
    info: info,
    answers: answers,
    rules: rules,
});
