//! Finding the files to check: explicit paths as given, folders walked recursively with
//! `.gitignore` respected, `-` for standard input.

use std::path::{Path, PathBuf};

use crate::formats::InputFormat;

/// Whether a walked file has the extension of a format decalque reads (explicit file paths
/// are always checked).
fn is_checked_extension(ext: &str) -> bool {
    InputFormat::ALL.iter().flat_map(|f| f.extensions()).any(|e| e.eq_ignore_ascii_case(ext))
}

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input, shown under this name.
    Stdin(String),
    /// A file on disk, shown as the path given or found.
    File(PathBuf),
}

impl Input {
    /// The format its name says (standard input: the extension of the name it is shown as).
    pub fn format(&self) -> InputFormat {
        match self {
            Input::Stdin(name) => InputFormat::from_path(Path::new(name)),
            Input::File(path) => InputFormat::from_path(path),
        }
    }

    /// The name reports show for this input.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin(name) => name.clone(),
            Input::File(path) => path.display().to_string(),
        }
    }
}

/// A path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkError {
    /// The path concerned.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// Expands `paths` into inputs, in the order given, each folder's files sorted by name.
/// No path means the current folder.
pub fn collect_inputs(paths: &[PathBuf], stdin_name: &str) -> (Vec<Input>, Vec<WalkError>) {
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &default[..] } else { paths };
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin(stdin_name.to_owned()));
        } else if path.is_dir() {
            walk_dir(path, &mut inputs, &mut errors);
        } else {
            // Missing or unreadable files are reported when they are read.
            inputs.push(Input::File(path.clone()));
        }
    }
    (inputs, errors)
}

fn walk_dir(root: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<WalkError>) {
    let walker = ignore::WalkBuilder::new(root).require_git(false).sort_by_file_name(|a, b| a.cmp(b)).build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                let wanted = path.extension().and_then(|e| e.to_str()).is_some_and(is_checked_extension);
                if is_file && wanted {
                    let shown = path.strip_prefix("./").unwrap_or(path);
                    inputs.push(Input::File(shown.to_path_buf()));
                }
            }
            Err(e) => errors.push(WalkError { path: root.display().to_string(), message: e.to_string() }),
        }
    }
}
