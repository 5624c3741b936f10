//! vbhc — soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP.
pub mod cli;
pub mod config;
pub mod docx;
pub mod draft;
pub mod exit;
pub mod finding;
pub mod i18n;
pub mod layout;
pub mod markup;
pub mod metrics;
pub mod model;
pub mod nd30;
pub mod output;
pub mod reader;
pub mod suggest;
pub mod template;
pub mod text;
