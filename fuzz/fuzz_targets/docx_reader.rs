#![no_main]
//! Any bytes handed to the DOCX reader (and, when it reads them, to the checker) must
//! never make vbhc panic.
//!
//! The target takes raw bytes. A byte-level mutation of a DOCX almost always lands in
//! deflate data and only breaks the zip CRC, so the custom mutator below, for most
//! mutations, unzips the input, mutates one XML part with libFuzzer's own mutator (which
//! uses the `-dict` tokens) and zips it again. The other mutations stay plain byte-level
//! ones, so the zip layer is fuzzed too.

use libfuzzer_sys::{fuzz_mutator, fuzz_target};
use std::io::{Cursor, Read, Write};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = vbhc::reader::read_bytes(Path::new("fuzz.docx"), data) {
        let _ = vbhc::check::check(&doc, vbhc::check::Origin::Docx);
    }
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    let mut rng = Rng(seed ^ 0x9e37_79b9 | 1);
    if rng.below(4) == 0 {
        return libfuzzer_sys::fuzzer_mutate(data, size, max_size);
    }
    match mutate_part(&data[..size], max_size, &mut rng) {
        Some(out) => {
            data[..out.len()].copy_from_slice(&out);
            out.len()
        }
        None => libfuzzer_sys::fuzzer_mutate(data, size, max_size),
    }
});

/// Xorshift32: enough to spread choices, deterministic in libFuzzer's seed.
struct Rng(u32);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x as usize % n.max(1)
    }
}

/// Unzips `input`, keeps its XML parts (media is never read by vbhc), mutates one of them
/// and zips them again. `None` when `input` is no readable zip or the result is too big.
fn mutate_part(input: &[u8], max_size: usize, rng: &mut Rng) -> Option<Vec<u8>> {
    const ENTRY_CAP: u64 = 4 * 1024 * 1024;
    let mut zip = zip::ZipArchive::new(Cursor::new(input)).ok()?;
    let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).ok()?;
        let name = entry.name().to_string();
        let lower = name.to_ascii_lowercase();
        if !(lower.ends_with(".xml") || lower.ends_with(".rels")) {
            continue;
        }
        let mut buf = Vec::new();
        (&mut entry).take(ENTRY_CAP).read_to_end(&mut buf).ok()?;
        parts.push((name, buf));
    }
    if parts.is_empty() {
        return None;
    }
    // Half of the mutations go to the main part, where most of the reader's code is.
    let main = parts.iter().position(|(n, _)| n == "word/document.xml");
    let pick = match main {
        Some(m) if rng.below(2) == 0 => m,
        _ => rng.below(parts.len()),
    };
    let buf = &mut parts[pick].1;
    let len = buf.len();
    let room = len + 64 + rng.below(len / 8 + 1024);
    buf.resize(room, 0);
    let new_len = libfuzzer_sys::fuzzer_mutate(buf, len, room);
    buf.truncate(new_len);

    let method = if rng.below(4) == 0 {
        zip::CompressionMethod::Stored
    } else {
        zip::CompressionMethod::Deflated
    };
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .compression_level(if method == zip::CompressionMethod::Deflated {
            Some(1)
        } else {
            None
        });
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in &parts {
        w.start_file(name.as_str(), options).ok()?;
        w.write_all(bytes).ok()?;
    }
    let out = w.finish().ok()?.into_inner();
    (out.len() <= max_size).then_some(out)
}
