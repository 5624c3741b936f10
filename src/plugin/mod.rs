//! Province plugins: WebAssembly components that supply a province's defaults, recipient
//! lists, sections, house style and rules, and can do nothing else to the clerk's machine.
//! See `PLUGINS.md` for writing one and `plugins/wit/v1/plugin.wit` for the interface.

pub mod apply;
pub mod cache;
pub mod host;
pub mod limits;
pub mod manifest;
pub mod registry;
pub mod sandbox;
pub mod trust;
pub mod wit;

pub use apply::Applier;
pub use host::{Host, Plugin, Session, Source};
pub use limits::Limits;
pub use registry::Registry;
