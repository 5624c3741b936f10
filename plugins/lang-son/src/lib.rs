//! The vbhc plugin of Lạng Sơn province (`lang-son`).
//!
//! Lạng Sơn was not merged with another province in 2025, but from 1 July 2025 it has no
//! district level any more, so the lists that name the local level change with the document's
//! date. Everything here is for the Ủy ban nhân dân tỉnh and its Văn phòng (and, for the organ
//! lines only, a few sở); for any other organ the plugin has no opinion and vbhc uses the
//! draft and the template.
//!
//! - [`data`]: the province's facts (organ lines, units, standard lines);
//! - [`answers`]: defaults, Kính gửi / Nơi nhận, the standard section, house style;
//! - [`rules`]: the province's checks.
//!
//! Every answer is a plain function of its request, tested natively with `cargo test`; the
//! [`LangSon`] struct only hands them to vbhc.

pub mod answers;
pub mod data;
pub mod rules;

use vbhc_plugin::Info;

/// The plugin's identity. `id` is also the prefix of the finding codes (`LANG-SON-…`).
pub fn info() -> Info {
    Info::new(
        "lang-son",
        "Lạng Sơn",
        env!("CARGO_PKG_VERSION"),
        "Lạng Sơn",
    )
}

vbhc_plugin::province!(LangSon {
    info: info,
    answers: answers,
    rules: rules,
});

/// From this day the province has communes and wards only (Nghị quyết 202/2025/QH15 and the
/// end of the district level).
pub const REFORM: (u16, u8, u8) = (2025, 7, 1);

/// Whether a document dated `date` falls under the post-reform organisation. A date that
/// cannot be placed (a year 2025 draft with no month yet) counts as post-reform: such a draft
/// is being written now.
pub fn after_reform(date: &vbhc_plugin::Date) -> bool {
    !date.is_before(REFORM.0, REFORM.1, REFORM.2)
}
