//! The packs compiled into the binary, so the tool runs from anywhere.

/// How an embedded pack is stored.
#[derive(Debug, Clone, Copy)]
pub enum PackSource {
    /// Converted to JSON at build time (see `build.rs`): tables with their line numbers.
    Json(&'static str),
    /// Kept as written, when it did not convert (its error is then reported at load).
    Toml(&'static str),
}

/// One embedded pack: its name (`rules/….toml`) and its contents.
#[derive(Debug, Clone, Copy)]
pub struct EmbeddedPack {
    /// The pack's path in the repository, used in messages.
    pub name: &'static str,
    /// Its contents.
    pub source: PackSource,
}

/// Every `rules/*.toml` of the repository, in file-name order (written by `build.rs`).
pub const PACKS: &[EmbeddedPack] = include!(concat!(env!("OUT_DIR"), "/packs.rs"));
