//! Subtitles (stub, being written).
use super::{Extraction, FormatError};
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Flavor {
    Srt,
    Vtt,
}
pub(super) fn extract(_decoded: &str, _flavor: Flavor) -> Result<Extraction, FormatError> {
    Ok(Extraction::default())
}
