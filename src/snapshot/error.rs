//! Errors about data, located by file and JSON path, so an editor can find and fix them.

use std::fmt;

/// One problem at one place of a JSON document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// JSON path such as `tasks.records[12].due`; empty for the whole document.
    pub path: String,
    /// What was expected, and what was found.
    pub message: String,
}

impl Issue {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Issue {
        Issue {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Why a file could not be used: it could not be fetched, is not JSON of the expected shape,
/// or is inconsistent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The file as the reader or editor knows it (`data/snapshots/x.json`).
    pub file: String,
    /// At least one issue; validation stops collecting at [`MAX_ISSUES`].
    pub issues: Vec<Issue>,
    /// Issues found beyond [`MAX_ISSUES`], counted but not kept.
    pub more: usize,
}

/// Enough to fix a file; a broken 100k-task file does not produce 100k messages.
pub const MAX_ISSUES: usize = 50;

impl DataError {
    pub fn single(file: &str, path: impl Into<String>, message: impl Into<String>) -> DataError {
        DataError {
            file: file.to_owned(),
            issues: vec![Issue::new(path, message)],
            more: 0,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, issue) in self.issues.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{}: {}", self.file, issue)?;
        }
        if self.more > 0 {
            write!(f, "\n{}: … and {} more issues", self.file, self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for DataError {}

/// Collects issues up to [`MAX_ISSUES`], counting the rest.
#[derive(Default)]
pub(crate) struct Issues {
    pub list: Vec<Issue>,
    pub more: usize,
}

impl Issues {
    pub fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        if self.list.len() < MAX_ISSUES {
            self.list.push(Issue::new(path, message));
        } else {
            self.more += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn into_error(self, file: &str) -> DataError {
        DataError {
            file: file.to_owned(),
            issues: self.list,
            more: self.more,
        }
    }
}
