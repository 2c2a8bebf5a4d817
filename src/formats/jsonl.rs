//! JSON Lines (stub, being written).
use super::{Extraction, FormatError};

/// The fields of a JSON Lines record decalque reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// The field holding the text to check.
    pub text: String,
    /// The field holding the source-language text, if any.
    pub source: Option<String>,
    /// The field holding the record's identifier, if any.
    pub id: Option<String>,
}

impl Default for Fields {
    fn default() -> Self {
        Fields { text: "text".to_owned(), source: None, id: None }
    }
}

/// Reads one record (a line without its terminator).
pub fn read_record(_line: &str, _fields: &Fields) -> Result<Extraction, FormatError> {
    Ok(Extraction::default())
}
