#![no_main]
//! Any UTF-8 text loaded as a draft (TOML, or JSON when the first byte is odd) must never
//! make vbhc panic; a draft that loads is laid out and written to DOCX bytes.

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    // The first byte only picks the file name (so the extension-driven JSON path gets half
    // the inputs); text starting with `{` is read as JSON either way.
    let path = if selector & 1 == 1 {
        Path::new("fuzz.json")
    } else {
        Path::new("fuzz.toml")
    };
    let templates = vbhc::template::Templates::default();
    let Ok(draft) = vbhc::draft::load_str(path, text, &templates, vbhc::text::ToneStyle::default())
    else {
        return;
    };
    if let Ok(laid) = vbhc::layout::lay_out(&draft) {
        let _ = vbhc::docx::to_bytes(&laid.doc);
    }
});
