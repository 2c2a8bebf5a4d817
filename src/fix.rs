//! Applying fixes: choosing the edits of safe suggestions (never two that overlap), applying
//! them to a file's bytes, re-checking until nothing is left to fix, and writing files
//! atomically.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Edit, RuleId};
use crate::document::{DecodeError, Document, Encoding, Position, ReadError, Source};
use crate::formats::{InputFormat, ReadOptions};
use crate::linter::Linter;

/// Why a set of edits could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// Two edits touch the same bytes; merging them blindly could lose text.
    Overlap {
        /// The first edit's span start.
        first: usize,
        /// The second edit's span start.
        second: usize,
    },
    /// An edit points outside the text or inside a UTF-8 sequence.
    OutOfBounds {
        /// The offending span start.
        start: usize,
    },
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Overlap { first, second } => write!(f, "overlapping edits at bytes {first} and {second}"),
            EditError::OutOfBounds { start } => write!(f, "edit at byte {start} is outside the text"),
        }
    }
}

impl std::error::Error for EditError {}

/// Applies `edits` (in any order) to `text`; overlapping edits are refused.
pub fn apply_edits(text: &str, edits: &[Edit]) -> Result<String, EditError> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut previous: Option<&Edit> = None;
    for edit in sorted {
        let (start, end) = (edit.span.start, edit.span.end);
        if end > text.len() || start > end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(EditError::OutOfBounds { start });
        }
        if let Some(prev) = previous {
            // Two insertions at one point, or a range reaching into the next, are ambiguous.
            if start < last || (start == prev.span.start && start == last) {
                return Err(EditError::Overlap { first: prev.span.start, second: start });
            }
        }
        out.push_str(&text[last..start]);
        out.push_str(&edit.replacement);
        last = end;
        previous = Some(edit);
    }
    out.push_str(&text[last..]);
    Ok(out)
}

/// A safe fix that was not applied because it overlapped one applied before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedEdit {
    /// The rule whose fix was skipped.
    pub rule: RuleId,
    /// The rule whose fix was applied instead.
    pub kept: RuleId,
    /// Where the skipped edit starts, in the text of the round it was skipped in.
    pub position: Position,
    /// The round (1-based) it was skipped in; the next round checks the text again.
    pub round: usize,
}

/// Picks the edits of `diagnostics` that `decalque fix` applies: the first suggestion of
/// each safe diagnostic, in text order; an edit identical to one already chosen is merged,
/// an edit that overlaps one already chosen is skipped and returned with the rule it lost to.
pub fn select_edits(diagnostics: &[Diagnostic]) -> (Vec<Edit>, Vec<(RuleId, RuleId, Edit)>) {
    let mut candidates: Vec<(&RuleId, &Edit)> = diagnostics
        .iter()
        .filter(|d| d.fix_safe())
        .filter_map(|d| d.suggestions.first().map(|s| (&d.rule, &s.edit)))
        .collect();
    candidates.sort_by(|a, b| {
        (a.1.span.start, a.1.span.end, a.0.as_str()).cmp(&(b.1.span.start, b.1.span.end, b.0.as_str()))
    });
    let mut chosen: Vec<(&RuleId, &Edit)> = Vec::new();
    let mut skipped = Vec::new();
    for (rule, edit) in candidates {
        if let Some(&(kept, previous)) = chosen.last() {
            if previous == edit {
                continue;
            }
            // The same test as `apply_edits`: a range reaching into the next one, or two
            // edits starting where an insertion is.
            let overlaps = edit.span.start < previous.span.end
                || (previous.span.is_empty() && edit.span.start == previous.span.start);
            if overlaps {
                skipped.push((rule.clone(), kept.clone(), edit.clone()));
                continue;
            }
        }
        chosen.push((rule, edit));
    }
    (chosen.into_iter().map(|(_, e)| e.clone()).collect(), skipped)
}

/// Why a file was not fixed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixError {
    /// The file is not UTF-8: rewriting it could damage its encoding.
    Encoding(Encoding),
    /// The file could not be read as text.
    Decode(DecodeError),
    /// The fixes could not be applied (a bug in a rule: reported, nothing written).
    Edit(EditError),
    /// The file is not valid in its format.
    Format(ReadError),
    /// Fixes are not written to files of this format (JSON Lines: check them instead).
    Unsupported(InputFormat),
}

impl std::fmt::Display for FixError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FixError::Encoding(encoding) => write!(
                f,
                "not fixed: the file is {encoding}, not UTF-8; fixes are only written to UTF-8 files \
                 (convert it first, e.g. with iconv)"
            ),
            FixError::Decode(e) => write!(f, "{e}"),
            FixError::Edit(e) => write!(f, "not fixed: {e}"),
            FixError::Format(e) => write!(f, "not fixed: {e}"),
            FixError::Unsupported(format) => write!(f, "not fixed: fixes are not written to {} files", format.name()),
        }
    }
}

impl std::error::Error for FixError {}

/// What fixing one source did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixOutcome {
    /// The bytes before fixing.
    pub original: Vec<u8>,
    /// The bytes after fixing (equal to `original` when nothing was fixed).
    pub fixed: Vec<u8>,
    /// Number of edits applied, over all rounds.
    pub applied: usize,
    /// Overlapping edits skipped in a round (checked again in the next one).
    pub skipped: Vec<SkippedEdit>,
    /// Whether the last round found no safe fix left; `false` when the round limit stopped it.
    pub settled: bool,
}

impl FixOutcome {
    /// Whether the bytes changed.
    pub fn changed(&self) -> bool {
        self.original != self.fixed
    }
}

/// How many times `fix_source` checks and fixes a file at most.
pub const MAX_ROUNDS: usize = 5;

/// Applies the safe fixes `linter` finds in `source`, then checks the result again and
/// fixes what the first edits revealed or what overlapping edits held back, until a round
/// finds nothing to fix (at most [`MAX_ROUNDS`] rounds). Only UTF-8 files (with or without a
/// BOM) are fixed; edits are applied to the original bytes, so line endings and the BOM are
/// kept as they were.
pub fn fix_source(
    linter: &Linter,
    source: Source,
    format: InputFormat,
    options: &ReadOptions,
) -> Result<FixOutcome, FixError> {
    if format == InputFormat::Jsonl {
        return Err(FixError::Unsupported(format));
    }
    let Source { name, bytes } = source;
    let original = bytes.clone();
    let mut current = bytes;
    let mut applied = 0;
    let mut skipped_all = Vec::new();
    for round in 1..=MAX_ROUNDS {
        let document =
            Document::read(Source { name: name.clone(), bytes: current }, format, options).map_err(|e| match e {
                ReadError::Decode(e) => FixError::Decode(e),
                e => FixError::Format(e),
            })?;
        if !matches!(document.encoding(), Encoding::Utf8 | Encoding::Utf8Bom) {
            return Err(FixError::Encoding(document.encoding()));
        }
        let diagnostics = linter.check_document(&document);
        let (mut edits, skipped) = select_edits(&diagnostics);
        // Replacements go into the file as the format writes text (PO and XML escapes).
        for edit in &mut edits {
            edit.replacement = format.escape(&edit.replacement);
        }
        let bytes = document.original();
        if edits.is_empty() {
            return Ok(FixOutcome { original, fixed: bytes.to_vec(), applied, skipped: skipped_all, settled: true });
        }
        for (rule, kept, edit) in skipped {
            let position = document.position(edit.span.start);
            skipped_all.push(SkippedEdit { rule, kept, position, round });
        }
        let text = std::str::from_utf8(bytes)
            .map_err(|e| FixError::Decode(DecodeError::NotText { offset: e.valid_up_to() }))?;
        let fixed = apply_edits(text, &edits).map_err(FixError::Edit)?;
        applied += edits.len();
        current = fixed.into_bytes();
    }
    Ok(FixOutcome { original, fixed: current, applied, skipped: skipped_all, settled: false })
}

/// Replaces the file at `path` with `bytes` atomically: a temporary file in the same
/// folder, written and synced, given the permissions of the file it replaces, then renamed
/// over it. A symbolic link is followed, so the link stays and its target is replaced.
/// A file that does not exist yet is created the same way, with default permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (target, permissions) = match fs::canonicalize(path) {
        Ok(target) => {
            let permissions = fs::metadata(&target)?.permissions();
            (target, Some(permissions))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => (path.to_path_buf(), None),
        Err(e) => return Err(e),
    };
    let dir =
        target.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let file_name = target.file_name().map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let (temp_path, mut file) = create_temp(&dir, &file_name)?;
    let result = (|| {
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        if let Some(permissions) = permissions {
            fs::set_permissions(&temp_path, permissions)?;
        }
        fs::rename(&temp_path, &target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp_path);
    }
    result
}

/// Creates a new, unique temporary file next to the file being replaced.
fn create_temp(dir: &Path, file_name: &str) -> io::Result<(PathBuf, fs::File)> {
    let pid = std::process::id();
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    for attempt in 0..100u32 {
        let path = dir.join(format!(".{file_name}.decalque-{pid}-{nanos:x}-{attempt}.tmp"));
        match fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, "cannot create a temporary file"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn edit(start: usize, end: usize, r: &str) -> Edit {
        Edit { span: Span::new(start, end), replacement: r.to_owned() }
    }

    #[test]
    fn applies_sorted_edits() {
        let text = "le bloc et le RNC";
        let out = apply_edits(text, &[edit(14, 17, "COR"), edit(3, 7, "Alliance")]).unwrap();
        assert_eq!(out, "le Alliance et le COR");
    }

    #[test]
    fn refuses_overlaps_and_bad_offsets() {
        assert!(matches!(apply_edits("abcdef", &[edit(0, 3, "x"), edit(2, 4, "y")]), Err(EditError::Overlap { .. })));
        assert!(matches!(apply_edits("abc", &[edit(1, 1, "x"), edit(1, 1, "y")]), Err(EditError::Overlap { .. })));
        assert!(matches!(apply_edits("é", &[edit(1, 2, "x")]), Err(EditError::OutOfBounds { .. })));
        assert!(matches!(apply_edits("abc", &[edit(2, 9, "x")]), Err(EditError::OutOfBounds { .. })));
    }

    #[test]
    fn adjacent_edits_are_fine() {
        assert_eq!(apply_edits("abcd", &[edit(0, 2, "X"), edit(2, 4, "Y")]).unwrap(), "XY");
    }

    fn diagnostic(rule: &str, start: usize, end: usize, replacement: &str) -> Diagnostic {
        use crate::diagnostic::{Applicability, Category, Severity, Suggestion};
        Diagnostic {
            rule: RuleId::new(rule),
            severity: Severity::Warning,
            category: Category::Typography,
            message: "m".to_owned(),
            span: Span::new(start, end),
            suggestions: vec![Suggestion { edit: edit(start, end, replacement), label: None }],
            applicability: Applicability::Safe,
            related: Vec::new(),
        }
    }

    #[test]
    fn select_refuses_overlaps_and_reports_them() {
        let ds = [diagnostic("a.one", 0, 4, "X"), diagnostic("b.two", 2, 6, "Y"), diagnostic("c.three", 6, 8, "Z")];
        let (edits, skipped) = select_edits(&ds);
        assert_eq!(edits, vec![edit(0, 4, "X"), edit(6, 8, "Z")]);
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].0.as_str(), "b.two");
        assert_eq!(skipped[0].1.as_str(), "a.one");
        // The chosen edits always apply.
        assert_eq!(apply_edits("abcdefgh", &edits).unwrap(), "XefZ");
    }

    #[test]
    fn select_merges_identical_edits_and_refuses_two_insertions() {
        let ds = [diagnostic("a.one", 1, 2, "’"), diagnostic("b.two", 1, 2, "’")];
        let (edits, skipped) = select_edits(&ds);
        assert_eq!(edits, vec![edit(1, 2, "’")]);
        assert!(skipped.is_empty());
        let ds = [diagnostic("a.one", 3, 3, "x"), diagnostic("b.two", 3, 3, "y"), diagnostic("c.three", 3, 5, "z")];
        let (edits, skipped) = select_edits(&ds);
        assert_eq!(edits, vec![edit(3, 3, "x")]);
        assert_eq!(skipped.len(), 2);
    }

    #[test]
    fn select_ignores_unsafe_fixes() {
        let mut d = diagnostic("a.one", 0, 1, "x");
        d.applicability = crate::diagnostic::Applicability::Unsafe;
        assert!(select_edits(&[d]).0.is_empty());
    }
}
