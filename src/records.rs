//! JSON Lines input, record by record: read in batches, checked in parallel on the current
//! rayon pool, handed back in input order. Memory stays bounded by the batch, whatever the
//! size of the file.

use std::io::{self, BufRead};

use rayon::prelude::*;

use crate::document::{Document, Origin, ReadError};
use crate::formats::jsonl::Fields;
use crate::linter::{FileReport, Linter};

/// Records per batch: enough to keep every core busy, few enough to bound memory.
const BATCH_RECORDS: usize = 4096;
/// Bytes per batch, for files of long records.
const BATCH_BYTES: usize = 16 << 20;

/// One record's outcome.
#[derive(Debug)]
pub struct Record {
    /// 1-based line of the record in its file.
    pub line: usize,
    /// Its findings, or why it could not be read.
    pub result: Result<FileReport, RecordError>,
}

/// Why a record could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The line is empty or blank: not a record.
    Blank,
    /// The line is not UTF-8.
    NotUtf8,
    /// The line is not a JSON object with the text field.
    Invalid(ReadError),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Blank => f.write_str("blank line: not a JSON record"),
            RecordError::NotUtf8 => f.write_str("the record is not valid UTF-8"),
            RecordError::Invalid(e) => e.fmt(f),
        }
    }
}

/// A line read but not yet checked.
struct Pending {
    line: usize,
    origin: Origin,
    bytes: Vec<u8>,
}

/// Where a record's findings are located.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locate {
    /// In the file: byte offsets and lines count from the start of the input.
    InFile,
    /// In the record: byte offsets count from the start of its line, lines from 1 (what a
    /// pipeline that splits the input across processes needs to get the same output).
    InRecord,
}

/// Reads JSON Lines from `reader` (shown as `name`), checks each record with `linter` and
/// calls `emit` with each outcome, in input order. Stops at the first error of `emit` or
/// of reading.
pub fn check_records(
    linter: &Linter,
    name: &str,
    mut reader: impl BufRead,
    fields: &Fields,
    locate: Locate,
    mut emit: impl FnMut(Record) -> io::Result<()>,
) -> io::Result<()> {
    let mut line = 0;
    let mut offset = 0;
    loop {
        let mut batch = Vec::new();
        let mut bytes = 0;
        while batch.len() < BATCH_RECORDS && bytes < BATCH_BYTES {
            let mut buf = Vec::new();
            let read = reader.read_until(b'\n', &mut buf)?;
            if read == 0 {
                break;
            }
            // A byte order mark before the first record is not part of it.
            let bom = if offset == 0 && buf.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
            buf.drain(..bom);
            let origin = match locate {
                Locate::InFile => Origin { byte: offset + bom, line },
                Locate::InRecord => Origin::default(),
            };
            offset += read;
            line += 1;
            bytes += read;
            if buf.last() == Some(&b'\n') {
                buf.pop();
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
            }
            batch.push(Pending { line, origin, bytes: buf });
        }
        if batch.is_empty() {
            return Ok(());
        }
        let outcomes: Vec<Record> = batch.into_par_iter().map(|p| check_one(linter, name, fields, p)).collect();
        for outcome in outcomes {
            emit(outcome)?;
        }
    }
}

fn check_one(linter: &Linter, name: &str, fields: &Fields, pending: Pending) -> Record {
    let Pending { line, origin, bytes } = pending;
    let result = match String::from_utf8(bytes) {
        Err(_) => Err(RecordError::NotUtf8),
        Ok(text) if text.trim().is_empty() => Err(RecordError::Blank),
        Ok(text) => Document::from_record(name, text, origin, fields)
            .map(|document| linter.check_into_report(document))
            .map_err(RecordError::Invalid),
    };
    Record { line, result }
}
