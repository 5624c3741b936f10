//! The integration tests, one binary (as ripgrep and just do): every file below is a module,
//! so the library and wasmtime are linked once, not once per file. `cargo test` runs them all;
//! `cargo test --test integration render::` runs one file's tests. What each file proves:
//! `tests/README.md`.

mod bad_input;
mod batch;
mod check_bad_input;
mod check_cli;
mod check_corpus;
mod check_mutations;
mod check_wider;
mod codes;
mod common;
mod config;
mod drafts;
mod fuzz_corpus;
mod hostile;
mod layers;
mod metrics_table;
mod pdf_layout;
mod plugin_caps;
mod plugin_pool;
mod plugins;
mod read_corpus;
mod render;
mod windows;
mod word_schema;
mod writer;
