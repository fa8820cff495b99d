//! A small, strict JSON reader (RFC 8259) that knows where it is.
//!
//! The snapshot types read themselves from it ([`super::decode`]) member by member, so a
//! 100k-task file is read in one pass with no intermediate tree, and every error carries the
//! JSON path of the value being read (`tasks.records[12].due`).
//!
//! Rationale: serde's derived deserializers and serde_json cost about 65 KB of WASM (10 % of the
//! widget), and their errors carry a line and column, not a path. This reader and the decoders
//! are a fraction of that, give better messages, and are the one parser the browser and
//! `snapshot-tool` share (and the one to fuzz).

use std::borrow::Cow;

use super::error::{ErrorKind, Position};

/// Why a document could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// JSON path of the value being read; empty for the whole document.
    pub path: String,
    pub message: String,
    pub kind: ErrorKind,
    /// Line and column where the reader stopped.
    pub at: Position,
    /// Already in the reader's list of errors (`Reader::errors`): the value that failed was
    /// read to its end, and its parents go on with the next member.
    pub recorded: bool,
}

pub type Result<T> = std::result::Result<T, JsonError>;

/// One step of the path to the value being read.
#[derive(Clone, Copy)]
enum Step {
    /// An object member, by the byte range of its key (as written, between the quotes).
    Key(usize, usize),
    Index(usize),
}

pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    path: Vec<Step>,
    /// Errors in values the reader could step over, so that one run reports them all: a
    /// member of the wrong type, an unknown or duplicate member, a bad date. A syntax error
    /// stops it (what follows cannot be read with confidence).
    errors: Vec<JsonError>,
    /// A value could not be stepped over: the run stops, and no parent tries again (each
    /// would read the same text to the same error: quadratic in the nesting).
    stopped: bool,
}

/// Errors a run collects before it stops looking: enough to fix a file.
const MAX_ERRORS: usize = 50;

/// Nesting deeper than any snapshot needs; a hostile file cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

/// A file that is not UTF-8 after `before`. Not yet read, so there is no path: the line
/// locates it.
fn not_utf8(before: &[u8]) -> JsonError {
    // `before` is the valid prefix: UTF-8 up to its end.
    let text = std::str::from_utf8(before).unwrap_or_default();
    JsonError {
        kind: ErrorKind::Invalid,
        path: String::new(),
        at: Position::of(text, text.len()),
        recorded: false,
        message: format!(
            "the file is not UTF-8 text: a byte that is not UTF-8, or U+FFFD (the mark of \
             one replaced), at line {}",
            1 + before.iter().filter(|&&b| b == b'\n').count()
        ),
    }
}

/// Members whose value is text in both languages (`Text`): a plain string there gets a hint.
const TEXT_KEYS: &[&str] = &[
    "title",
    "jurisdiction",
    "notice",
    "name",
    "short",
    "assigned_by",
    "label",
    "indicator",
    "note",
];

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            pos: 0,
            path: Vec::new(),
            errors: Vec::new(),
            stopped: false,
        }
    }

    /// A reader of `bytes`, which must be UTF-8 (checked once, up front).
    pub fn from_bytes(bytes: &'a [u8]) -> Result<Reader<'a>> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Reader::from_text(text),
            Err(e) => Err(not_utf8(&bytes[..e.valid_up_to()])),
        }
    }

    /// A reader of text decoded by someone else (the browser's `text()`), which replaced
    /// bytes that are not UTF-8 by U+FFFD. So U+FFFD is refused, whether it came from such
    /// bytes or from a conversion that damaged the text before: the tool, reading bytes,
    /// and the widget then refuse the same files.
    pub fn from_text(text: &'a str) -> Result<Reader<'a>> {
        match text.find(char::REPLACEMENT_CHARACTER) {
            None => Ok(Reader::new(text)),
            Some(at) => Err(not_utf8(&text.as_bytes()[..at])),
        }
    }

    /// Checks that nothing but whitespace follows the value read.
    pub fn end(&mut self) -> Result<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("unexpected characters after the end of the document")),
        }
    }

    /// An error about the value being read.
    pub fn error(&self, message: impl Into<String>) -> JsonError {
        let mut path = String::new();
        for step in &self.path {
            match *step {
                Step::Key(start, end) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&self.text[start..end]);
                }
                Step::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
            }
        }
        let mut message = message.into();
        if let Some(hint) = self.hint(&message) {
            message.push_str("; ");
            message.push_str(&hint);
        }
        JsonError {
            path,
            message,
            kind: ErrorKind::Invalid,
            at: Position::of(self.text, self.pos),
            recorded: false,
        }
    }

    pub fn errors_so_far(&self) -> usize {
        self.errors.len()
    }

    /// The errors recorded so far (`errors`), with `last` when it stopped the run.
    pub fn into_errors(mut self, last: Option<JsonError>) -> Vec<JsonError> {
        if let Some(e) = last.filter(|e| !e.recorded) {
            self.errors.push(e);
        }
        self.errors
    }

    /// After a value starting at `start` failed with `e`: when `e` is about the value, not
    /// the syntax, it is recorded and the value stepped over, so the run goes on; else the
    /// run stops with it.
    fn recover(&mut self, e: JsonError, start: usize) -> Result<()> {
        if e.recorded {
            return Ok(());
        }
        if self.stopped || e.kind != ErrorKind::Invalid || self.errors.len() >= MAX_ERRORS {
            self.stopped = true;
            return Err(e);
        }
        let depth = self.path.len();
        self.pos = start;
        let skipped = self.skip_value();
        self.path.truncate(depth);
        match skipped {
            Ok(()) => {
                self.errors.push(e);
                Ok(())
            }
            Err(_) => {
                self.stopped = true;
                Err(e)
            }
        }
    }

    /// Reads any JSON value, keeping nothing.
    fn skip_value(&mut self) -> Result<()> {
        match self.peek() {
            Some(b'{') => self.object(&mut |r, _| r.skip_value()),
            Some(b'[') => self.array(&mut |r| r.skip_value()),
            Some(b'"') => self.string().map(drop),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ if self.literal("true") || self.literal("false") || self.literal("null") => Ok(()),
            _ => Err(self.expected("a value")),
        }
    }

    /// Ok, or the mark that errors were recorded in the container just read (its parents
    /// then know it failed, and that it was read to its end).
    fn container_result(&self, errors_before: usize) -> Result<()> {
        if self.errors.len() > errors_before {
            let mut marker = self.errors[errors_before].clone();
            marker.recorded = true;
            Err(marker)
        } else {
            Ok(())
        }
    }

    /// A hint for the mistakes people make writing JSON by hand, judged from the text around
    /// where the reader stopped: a decimal comma, a comma after the last member, typographic
    /// quotes, a plain string where text in two languages is expected.
    fn hint(&self, message: &str) -> Option<String> {
        let at = self.pos.min(self.text.len());
        let rest = self.text[at..].trim_start();
        let next = rest.chars().next();
        let before = self.text[..at].trim_end();
        let last = before.chars().next_back();
        let is_digit = |c: char| c.is_ascii_digit();
        // `12,01`: the number read ends at the comma, and digits follow it.
        if last == Some(',') && next.is_some_and(is_digit) {
            let number = &before[..before.len() - 1];
            let int = &number[number.trim_end_matches(is_digit).len()..];
            let frac = &rest[..rest.len() - rest.trim_start_matches(is_digit).len()];
            if !int.is_empty() {
                return Some(format!(
                    "hint: a decimal comma? JSON numbers take a dot: {int}.{frac}"
                ));
            }
        }
        if last == Some(',') && matches!(next, Some('}' | ']')) {
            return Some("hint: a comma after the last item? JSON allows none: remove it".into());
        }
        if next.is_some_and(|c| {
            matches!(
                c,
                '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}' | '\u{201E}'
            )
        }) {
            return Some("hint: typographic quotes? JSON takes straight double quotes (\")".into());
        }
        let key = match self.path.last() {
            Some(Step::Key(start, end)) => &self.text[*start..*end],
            _ => "",
        };
        if message.starts_with("expected an object, found a string") && TEXT_KEYS.contains(&key) {
            return Some(
                "hint: text shown to readers is written in both languages: {\"vi\": \"…\", \"en\": \"…\"}"
                    .into(),
            );
        }
        None
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// The next byte after whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// What the next value is, for "expected X, found Y".
    fn found(&mut self) -> &'static str {
        match self.peek() {
            None => "the end of the file",
            Some(b'"') => "a string",
            Some(b'{') => "an object",
            Some(b'[') => "an array",
            Some(b't' | b'f') => "true or false",
            Some(b'n') => "null",
            Some(b'-' | b'0'..=b'9') => "a number",
            Some(_) => "something that is not JSON",
        }
    }

    /// "expected `what`, found <the next value>".
    pub fn expected(&mut self, what: &str) -> JsonError {
        let found = self.found();
        self.error(format!("expected {what}, found {found}"))
    }

    fn expect_byte(&mut self, byte: u8, what: &str) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.expected(what))
        }
    }

    fn literal(&mut self, word: &str) -> bool {
        if self.bytes()[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    /// Reads `null` if it comes next.
    pub fn null(&mut self) -> bool {
        self.peek() == Some(b'n') && self.literal("null")
    }

    /// Reads an object, calling `member` with each key; `member` must read the value.
    pub fn object(
        &mut self,
        member: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<()>,
    ) -> Result<()> {
        if self.open(b'{', b'}', "an object")? {
            return Ok(());
        }
        let errors_before = self.errors.len();
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.expected("a member name in double quotes"));
            }
            let start = self.pos + 1;
            let key = self.string()?;
            let depth = self.path.len();
            self.path.push(Step::Key(start, self.pos - 1));
            self.expect_byte(b':', "`:` after the member name")?;
            self.peek();
            let value_start = self.pos;
            if let Err(e) = member(self, &key) {
                self.recover(e, value_start)?;
            }
            self.path.truncate(depth);
            if self.closed(b'}', "`,` or `}` after an object member")? {
                return self.container_result(errors_before);
            }
        }
    }

    /// Reads an array, calling `element` for each element; `element` must read it.
    pub fn array(&mut self, element: &mut dyn FnMut(&mut Reader<'a>) -> Result<()>) -> Result<()> {
        if self.open(b'[', b']', "an array")? {
            return Ok(());
        }
        let errors_before = self.errors.len();
        for index in 0.. {
            let depth = self.path.len();
            self.path.push(Step::Index(index));
            self.peek();
            let value_start = self.pos;
            if let Err(e) = element(self) {
                self.recover(e, value_start)?;
            }
            self.path.truncate(depth);
            if self.closed(b']', "`,` or `]` after an array element")? {
                break;
            }
        }
        self.container_result(errors_before)
    }

    /// Reads the `open` byte of an object or array (`what`), refusing deep nesting; true when
    /// the container is empty (its `close` byte read too).
    fn open(&mut self, open: u8, close: u8, what: &str) -> Result<bool> {
        if self.path.len() >= MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.expect_byte(open, what)?;
        Ok(self.closed_now(close))
    }

    /// After a member or element: true at the container's `close`, false after a `,`.
    fn closed(&mut self, close: u8, what: &str) -> Result<bool> {
        if self.closed_now(close) {
            Ok(true)
        } else {
            self.expect_byte(b',', what).map(|()| false)
        }
    }

    fn closed_now(&mut self, close: u8) -> bool {
        let closed = self.peek() == Some(close);
        if closed {
            self.pos += 1;
        }
        closed
    }

    /// Reads a string: borrowed from the document unless it has escapes.
    pub fn string(&mut self) -> Result<Cow<'a, str>> {
        self.string_as("a string")
    }

    /// Reads a string and makes a value of it (`make` says why not); an error is placed at
    /// the string's start, where an editor would look.
    pub fn string_into<T>(
        &mut self,
        what: &str,
        make: impl FnOnce(&str) -> std::result::Result<T, String>,
    ) -> Result<T> {
        self.peek();
        let start = self.pos;
        let s = self.string_as(what)?;
        make(&s).map_err(|message| {
            self.pos = start;
            self.error(message)
        })
    }

    /// Reads a string; `what` names it in the error when the value is not a string.
    pub fn string_as(&mut self, what: &str) -> Result<Cow<'a, str>> {
        self.expect_byte(b'"', what)?;
        let bytes = self.bytes();
        let start = self.pos;
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            match b {
                b'"' => {
                    self.pos = i + 1;
                    return Ok(Cow::Borrowed(&self.text[start..i]));
                }
                b'\\' => return self.escaped_string(start, i).map(Cow::Owned),
                0..=0x1f => {
                    self.pos = i;
                    return Err(self.error("control character in a string (escape it)"));
                }
                _ => i += 1,
            }
        }
        self.pos = i;
        Err(self.error("the file ends inside a string"))
    }

    /// The rest of a string from its first backslash at `i`.
    fn escaped_string(&mut self, start: usize, mut i: usize) -> Result<String> {
        let bytes = self.bytes();
        let mut out = String::from(&self.text[start..i]);
        loop {
            let run = i;
            while let Some(&b) = bytes.get(i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                i += 1;
            }
            out.push_str(&self.text[run..i]);
            self.pos = i;
            match bytes.get(i) {
                Some(b'"') => {
                    self.pos = i + 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let escape = bytes.get(i + 1).copied();
                    i += 2;
                    let c = match escape {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let (c, next) = self.unicode_escape(i)?;
                            i = next;
                            c
                        }
                        _ => return Err(self.error("invalid escape in a string")),
                    };
                    out.push(c);
                }
                Some(_) => return Err(self.error("control character in a string (escape it)")),
                None => return Err(self.error("the file ends inside a string")),
            }
        }
    }

    /// A `\uXXXX` escape (or a surrogate pair of two) whose hex digits start at `i`.
    fn unicode_escape(&mut self, i: usize) -> Result<(char, usize)> {
        let hex = |at: usize| -> Option<u32> {
            let digits = self.text.get(at..at + 4)?;
            if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            u32::from_str_radix(digits, 16).ok()
        };
        let bad = |r: &Self| r.error("invalid \\u escape in a string");
        let high = hex(i).ok_or_else(|| bad(self))?;
        if !(0xD800..0xDC00).contains(&high) {
            return char::from_u32(high)
                .map(|c| (c, i + 4))
                .ok_or_else(|| bad(self));
        }
        // A high surrogate must be followed by an escaped low one.
        if self.text.get(i + 4..i + 6) != Some("\\u") {
            return Err(bad(self));
        }
        let low = hex(i + 6).ok_or_else(|| bad(self))?;
        if !(0xDC00..0xE000).contains(&low) {
            return Err(bad(self));
        }
        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        char::from_u32(code)
            .map(|c| (c, i + 10))
            .ok_or_else(|| bad(self))
    }

    /// The text of a JSON number, checked against the grammar, with its parts.
    fn number(&mut self) -> Result<Number<'a>> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.expected("a number"));
        }
        let bytes = self.bytes();
        let start = self.pos;
        let mut i = start;
        let digits = |i: &mut usize| {
            let from = *i;
            while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i - from
        };
        let negative = bytes[i] == b'-';
        if negative {
            i += 1;
        }
        let int_start = i;
        let int_len = digits(&mut i);
        let bad = int_len == 0 || (int_len > 1 && bytes[int_start] == b'0');
        let mut frac = (i, 0);
        if !bad && bytes.get(i) == Some(&b'.') {
            i += 1;
            frac = (i, digits(&mut i));
        }
        let mut exp: Option<i64> = None;
        let mut bad = bad || (frac.0 != int_start + int_len && frac.1 == 0);
        if !bad && matches!(bytes.get(i), Some(b'e' | b'E')) {
            i += 1;
            let sign = match bytes.get(i) {
                Some(b'-') => {
                    i += 1;
                    -1
                }
                Some(b'+') => {
                    i += 1;
                    1
                }
                _ => 1,
            };
            let exp_start = i;
            let len = digits(&mut i);
            bad = len == 0;
            // Saturate: a huge exponent is out of range either way.
            let value = self.text[exp_start..i]
                .parse::<i64>()
                .unwrap_or(i64::MAX / 2);
            exp = Some(sign * value.min(1_000_000));
        }
        self.pos = i;
        if bad {
            self.pos = start;
            return Err(self.error("invalid number"));
        }
        Ok(Number {
            text: &self.text[start..i],
            negative,
            int: &self.text[int_start..int_start + int_len],
            frac: &self.text[frac.0..frac.0 + frac.1],
            exp: exp.unwrap_or(0),
        })
    }

    /// Reads a whole number from 0 to `u32::MAX`.
    pub fn u32(&mut self) -> Result<u32> {
        let start = self.pos;
        let n = self.number()?;
        let whole = !n.negative && n.frac.is_empty() && n.exp == 0;
        match n.int.parse::<u32>() {
            Ok(value) if whole => Ok(value),
            _ => {
                self.pos = start;
                // `21.914`: a count written with a thousands dot.
                let thousands = if !n.negative && n.exp == 0 && n.frac.len() == 3 && n.int != "0" {
                    format!(
                        "; hint: a thousands separator? counts take none: {}{}",
                        n.int, n.frac
                    )
                } else {
                    String::new()
                };
                Err(self.error(format!(
                    "expected a whole number from 0 to {}, found {}{thousands}",
                    u32::MAX,
                    n.text
                )))
            }
        }
    }

    /// Reads a number that an `f64` holds exactly as written: up to 15 significant digits
    /// and a decimal exponent within ±22 (so 9.02 is the nearest double to 9.02).
    ///
    /// Rationale: growth figures are short decimals; this bound keeps the reader exact without
    /// the standard library's general float parser (~10 KB of WASM).
    pub fn f64(&mut self) -> Result<f64> {
        let start = self.pos;
        let n = self.number()?;
        let digits = n.int.trim_start_matches('0').len() + n.frac.len();
        let mut mantissa: u64 = 0;
        for b in n.int.bytes().chain(n.frac.bytes()) {
            mantissa = mantissa
                .saturating_mul(10)
                .saturating_add(u64::from(b - b'0'));
        }
        let exp10 = n.exp - n.frac.len() as i64;
        let value = if mantissa == 0 {
            Some(0.0)
        } else if digits <= 15 && (-22..=22).contains(&exp10) {
            // Both operands are exact doubles, so one rounding: the nearest double.
            let scale = POWERS_OF_TEN[exp10.unsigned_abs() as usize];
            Some(if exp10 < 0 {
                mantissa as f64 / scale
            } else {
                mantissa as f64 * scale
            })
        } else {
            None
        };
        match value {
            Some(v) => Ok(if n.negative { -v } else { v }),
            None => {
                self.pos = start;
                Err(self.error(format!(
                    "expected a number of at most 15 significant digits with an exponent within ±22, found {}",
                    n.text
                )))
            }
        }
    }

    /// Reads one of `names`, returning its index.
    pub fn one_of(&mut self, names: &[&str]) -> Result<usize> {
        let start = self.pos;
        let s = self.string()?;
        match names.iter().position(|n| *n == s) {
            Some(i) => Ok(i),
            None => {
                self.pos = start;
                Err(self.error(format!("unknown variant `{s}`, expected {}", one_of(names))))
            }
        }
    }

    /// The error for a member the type does not have.
    pub fn unknown_field(&self, key: &str, fields: &[&str]) -> JsonError {
        self.error(format!(
            "unknown field `{key}`, expected {}",
            one_of(fields)
        ))
    }
}

/// "`a`, `b` or `c`".
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

struct Number<'a> {
    /// As written, for messages.
    text: &'a str,
    negative: bool,
    int: &'a str,
    frac: &'a str,
    exp: i64,
}

const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T>(json: &str, f: impl FnOnce(&mut Reader) -> Result<T>) -> Result<T> {
        let mut r = Reader::new(json);
        let value = f(&mut r)?;
        r.end()?;
        Ok(value)
    }

    #[test]
    fn strings_unescape() {
        let s = read(r#" "a\"b\\c\/\n\u00e9\ud83d\ude00" "#, |r| {
            r.string().map(Cow::into_owned)
        });
        assert_eq!(s.unwrap(), "a\"b\\c/\né😀");
        let plain = read(r#""Hạ Long""#, |r| {
            r.string().map(|s| matches!(s, Cow::Borrowed(_)))
        });
        assert!(plain.unwrap(), "a string without escapes is borrowed");
    }

    #[test]
    fn bad_strings_are_errors() {
        for json in [
            r#""abc"#,
            "\"a\u{1}b\"",
            r#""\x""#,
            r#""\ud800""#,
            r#""\ud800\u0041""#,
            r#""\u12""#,
        ] {
            assert!(read(json, |r| r.string().map(|_| ())).is_err(), "{json:?}");
        }
    }

    #[test]
    fn numbers_follow_the_grammar() {
        for json in ["01", "-", "1.", ".5", "1e", "+1", "1.e3", "--1", "0x10"] {
            assert!(read(json, |r| r.f64()).is_err(), "{json:?}");
        }
        let ok = [
            ("0", 0.0),
            ("-0", 0.0),
            ("9.02", 9.02),
            ("-2.5", -2.5),
            ("1e3", 1000.0),
            ("12.5E-1", 1.25),
            ("0.000", 0.0),
        ];
        for (json, value) in ok {
            assert_eq!(read(json, |r| r.f64()).unwrap(), value, "{json}");
        }
    }

    #[test]
    fn decimals_read_as_the_nearest_double() {
        for text in [
            "9.02",
            "0.1",
            "6.99",
            "10.35",
            "123456789012345",
            "3.14159265358979",
            "1e22",
            "1e-22",
        ] {
            assert_eq!(
                read(text, |r| r.f64()).unwrap(),
                text.parse::<f64>().unwrap(),
                "{text}"
            );
        }
        let err = read("0.12345678901234567", |r| r.f64()).unwrap_err();
        assert!(
            err.message.contains("at most 15 significant digits"),
            "{}",
            err.message
        );
    }

    #[test]
    fn whole_numbers_are_checked() {
        assert_eq!(read("4294967295", |r| r.u32()).unwrap(), u32::MAX);
        for json in ["4294967296", "-1", "1.5", "1e2"] {
            let err = read(json, |r| r.u32()).unwrap_err();
            assert!(
                err.message.contains(&format!("found {json}")),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn errors_name_the_path() {
        let json = r#"{"a": [1, {"b": [true]}]}"#;
        let err = read(json, |r| {
            r.object(&mut |r, _| {
                r.array(&mut |r| {
                    if r.peek() == Some(b'{') {
                        r.object(&mut |r, _| r.array(&mut |r| r.u32().map(|_| ())))
                    } else {
                        r.u32().map(|_| ())
                    }
                })
            })
        })
        .unwrap_err();
        assert_eq!(err.path, "a[1].b[0]");
        assert_eq!(err.message, "expected a number, found true or false");
    }

    #[test]
    fn structure_errors() {
        let members = |json: &str| read(json, |r| r.object(&mut |r, _| r.u32().map(|_| ())));
        assert!(members(r#"{"a":1}"#).is_ok());
        assert!(members("{}").is_ok());
        for json in [
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            r#"{a:1}"#,
            r#"{"a":1"#,
            r#"{"a":1} x"#,
            "",
        ] {
            assert!(members(json).is_err(), "{json:?}");
        }
        assert_eq!(
            members(r#"{"a":1} x"#).unwrap_err().message,
            "unexpected characters after the end of the document"
        );
        assert!(Reader::from_bytes(b"\"\xff\"").is_err());
        // What a browser's decoder makes of that byte is refused alike, on the same line.
        let bytes = b"{\n\"a\": \"\xff\"}";
        let decoded = String::from_utf8_lossy(bytes);
        let by_bytes = Reader::from_bytes(bytes).err().map(|e| e.message);
        let by_text = Reader::from_text(&decoded).err().map(|e| e.message);
        assert_eq!(by_bytes, by_text);
        assert!(by_text.unwrap_or_default().ends_with("at line 2"));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        fn any(r: &mut Reader) -> Result<()> {
            r.array(&mut any)
        }
        let json = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(read(&json, any)
            .unwrap_err()
            .message
            .contains("nested too deeply"));
    }

    #[test]
    fn variants_are_listed() {
        let err = read(r#""real""#, |r| r.one_of(&["official", "illustrative"])).unwrap_err();
        assert_eq!(
            err.message,
            "unknown variant `real`, expected `official` or `illustrative`"
        );
    }
}
