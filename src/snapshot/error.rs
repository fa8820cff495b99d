//! Errors about data, located by file and JSON path, so an editor can find and fix them.

use std::fmt;

/// One problem at one place of a JSON document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// JSON path such as `tasks.records[12].due`; empty for the whole document.
    pub path: String,
    /// What was expected, and what was found.
    pub message: String,
    /// Where the reader stopped, for a file that could not be read as the format (not for
    /// one that was read and found inconsistent, which the path locates).
    pub at: Option<Position>,
}

/// A place in a text file as an editor shows it: line and column, from 1 (columns count
/// characters, not bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Position {
    /// The position of byte `at` of `text` (at a character boundary, or the end).
    pub fn of(text: &str, at: usize) -> Position {
        let before = text.get(..at.min(text.len())).unwrap_or(text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            line: 1 + before.bytes().filter(|&b| b == b'\n').count() as u32,
            column: 1 + before[line_start..].chars().count() as u32,
        }
    }
}

impl Issue {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Issue {
        Issue {
            path: path.into(),
            message: message.into(),
            at: None,
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(at) = self.at {
            write!(f, "line {}, column {}: ", at.line, at.column)?;
        }
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A string as an error message quotes it: in double quotes, with quotes, backslashes and
/// control characters escaped. This is what `{:?}` prints for a snapshot's ids and texts,
/// without linking `Debug`'s Unicode tables into the widget.
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write;
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c if c.is_control() => write!(f, "\\u{{{:x}}}", c as u32)?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

/// What kind of failure a [`DataError`] is: what the widget does about it depends on this,
/// never on the text of a message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file is not JSON of the expected shape, or is inconsistent: the editors must fix it.
    #[default]
    Invalid,
    /// The host answered that it has no such file (HTTP 404 and other refusals): the
    /// deployment is broken, the editors must fix it.
    Unreadable,
    /// The file did not arrive: a passing fault of the network or the host, trying again
    /// may work.
    Network(NetworkFault),
    /// The file has task records and this build does not read them (the reader build): the
    /// full build can show it.
    NeedsRecords,
}

/// Why a file did not arrive. The reader is told this in their language; no details of the
/// file are needed to understand it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NetworkFault {
    /// No answer, or not all of it, within this many seconds.
    TimedOut(u32),
    /// The host answered that it is busy or failing: HTTP 408, 429 or 5xx.
    Busy(u16),
    /// The connection failed or broke, or the answer could not be decoded (a damaged gzip
    /// looks the same to a page).
    Failed,
}

impl NetworkFault {
    /// The fault an HTTP status stands for, when it is one trying again may cure; `None` for
    /// a refusal that will stay (404, 403, 410…).
    pub fn of_status(status: u16) -> Option<NetworkFault> {
        matches!(status, 408 | 429 | 500..=599).then_some(NetworkFault::Busy(status))
    }
}

impl fmt::Display for NetworkFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NetworkFault::TimedOut(s) => write!(f, "no answer within {s} s"),
            NetworkFault::Busy(status) => write!(f, "the host answered HTTP {status}"),
            NetworkFault::Failed => f.write_str("the connection failed or the answer was damaged"),
        }
    }
}

/// Why a file could not be used: it could not be fetched, is not JSON of the expected shape,
/// or is inconsistent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub kind: ErrorKind,
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
    /// True when the file was refused only because this build does not read task records
    /// (the reader build): the full build can show it.
    pub fn needs_records(&self) -> bool {
        self.kind == ErrorKind::NeedsRecords
    }

    /// One issue of an invalid file.
    pub fn single(file: &str, path: impl Into<String>, message: impl Into<String>) -> DataError {
        DataError {
            kind: ErrorKind::Invalid,
            file: file.to_owned(),
            issues: vec![Issue::new(path, message)],
            more: 0,
        }
    }
}

impl DataError {
    /// A file the host refused (HTTP 404…).
    pub fn unreadable(file: &str, message: impl Into<String>) -> DataError {
        DataError::single(file, "", message).with_kind(ErrorKind::Unreadable)
    }

    /// A file that did not arrive: `fault` says why, in words the reader's language has.
    pub fn network(file: &str, fault: NetworkFault) -> DataError {
        DataError::single(file, "", format!("could not be fetched: {fault}"))
            .with_kind(ErrorKind::Network(fault))
    }

    /// Whether fetching the file again may cure this.
    pub fn may_pass(&self) -> bool {
        matches!(self.kind, ErrorKind::Network(_) | ErrorKind::Unreadable)
    }

    pub fn with_kind(mut self, kind: ErrorKind) -> DataError {
        self.kind = kind;
        self
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, issue) in self.issues.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            // `file:line:column:` where the reader stopped, as compilers write it (editors
            // jump there); else `file: path: message`.
            match issue.at {
                Some(at) => write!(f, "{}:{}:{}: ", self.file, at.line, at.column)?,
                None => write!(f, "{}: ", self.file)?,
            }
            if !issue.path.is_empty() {
                write!(f, "{}: ", issue.path)?;
            }
            f.write_str(&issue.message)?;
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
            kind: ErrorKind::Invalid,
            file: file.to_owned(),
            issues: self.list,
            more: self.more,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Quoted;

    #[test]
    fn only_statuses_that_may_pass_are_network_faults() {
        use super::NetworkFault;
        for status in [408, 429, 500, 502, 503, 504, 599] {
            assert_eq!(
                NetworkFault::of_status(status),
                Some(NetworkFault::Busy(status))
            );
        }
        for status in [200, 301, 400, 401, 403, 404, 410, 451] {
            assert_eq!(NetworkFault::of_status(status), None, "{status}");
        }
    }

    #[test]
    fn quoted_prints_what_debug_prints_for_ids_and_texts() {
        for s in [
            "",
            "so-noi-vu",
            "Sở Nội vụ",
            "a \"b\" \\ c",
            "line\nbreak\tand\rreturn",
            "bell\u{7}",
        ] {
            assert_eq!(Quoted(s).to_string(), format!("{s:?}"));
        }
    }
}
