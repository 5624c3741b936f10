//! One document from a checked draft, as `render` and `batch` both make it: laid out, written
//! to DOCX bytes in memory, then judged by the checker (the same rules as `vbhc check`) and
//! by the draft's plugin. Whether the bytes may be written is decided here, in one place.

use crate::draft::Draft;
use crate::finding::Findings;
use crate::finding::{Finding, Severity, codes};
use crate::plugin::Applier;
use crate::{docx, layout, msg};

pub struct Made {
    pub draft: Draft,
    pub bytes: Vec<u8>,
    /// Layout notes, then the checker's findings, then the plugin's.
    pub findings: Vec<Finding>,
    /// How many of `findings` the plugin's rules gave.
    pub plugin_findings: usize,
    /// The plugin itself failed (trap, timeout, bad output): never written, even when asked.
    pub plugin_failed: bool,
}

impl Made {
    /// Whether the document may be written: no plugin failure, and no error-level finding
    /// unless the clerk insists (`--allow-errors`).
    pub fn writable(&self, allow_errors: bool) -> bool {
        !self.plugin_failed && (allow_errors || !crate::finding::has_errors(&self.findings))
    }
}

/// The rules about what a verbatim draft keeps as written (end mark, căn cứ punctuation):
/// warnings for such a draft.
const VERBATIM_RULES: &[&str] = &["ND30-END-MARK", "ND30-CAN-CU"];

/// `judge = false` skips the checker and the plugin's rules (only `batch --no-check` asks for
/// that, to compare with tools that check nothing).
pub fn make(d: Draft, applier: &mut Applier, judge: bool) -> Result<Made, Findings> {
    let laid = layout::lay_out(&d)?;
    let bytes = docx::to_bytes(&laid.doc).map_err(|e| {
        vec![Finding::new(
            codes::INTERNAL_WRITE,
            msg!(
                "lỗi nội bộ khi tạo DOCX: {}",
                "internal error building the DOCX: {}",
                e
            ),
        )]
    })?;
    let mut findings = laid.warnings;
    if !judge {
        return Ok(Made {
            draft: d,
            bytes,
            findings,
            plugin_findings: 0,
            plugin_failed: false,
        });
    }
    let mut judged = crate::check::check(&laid.doc, crate::check::Origin::Draft);
    if d.verbatim {
        // The clerk asked for the text as written: what the decree would change is said, as
        // a warning, not refused.
        for f in &mut judged {
            if VERBATIM_RULES.contains(&&*f.code) && f.severity == Severity::Error {
                f.severity = Severity::Warning;
            }
        }
    }
    findings.extend(judged);
    let from_plugin = applier.validate(&laid.doc, &d);
    let plugin_failed = from_plugin.iter().any(|f| {
        f.severity == Severity::Error
            && codes::get(&f.code).is_some_and(|c| c.area == codes::Area::Plugin)
    });
    let plugin_findings = from_plugin.len();
    findings.extend(from_plugin);
    Ok(Made {
        draft: d,
        bytes,
        findings,
        plugin_findings,
        plugin_failed,
    })
}
