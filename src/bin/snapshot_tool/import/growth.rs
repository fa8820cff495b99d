//! A growth series: one row a figure (period, value in percent, kind, and optionally the
//! comparator of a target, the source, its date, a note), as `growth` of a snapshot.

use task_dashboard::snapshot::{
    Comparator, FigureKind, Growth, GrowthPoint, GrowthValue, Period, PublicationDate, Source,
    Text, ValueStatus,
};

use super::reader::Cell;
use super::{folded, Context, Header, Output, Problem};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Period,
    Value,
    Kind,
    Comparator,
    Source,
    Date,
    Note,
}

const COLS: usize = 7;

/// Headers, folded, without a `(%)`.
const HEADERS: &[(&str, Col)] = &[
    ("ky", Col::Period),
    ("thoi ky", Col::Period),
    ("ky bao cao", Col::Period),
    ("giai doan", Col::Period),
    ("thoi gian", Col::Period),
    ("period", Col::Period),
    ("gia tri", Col::Value),
    ("toc do tang truong", Col::Value),
    ("tang truong", Col::Value),
    ("tang truong grdp", Col::Value),
    ("value", Col::Value),
    ("loai", Col::Kind),
    ("loai so lieu", Col::Kind),
    ("kind", Col::Kind),
    ("so sanh", Col::Comparator),
    ("comparator", Col::Comparator),
    ("nguon", Col::Source),
    ("nguon so lieu", Col::Source),
    ("source", Col::Source),
    ("ngay", Col::Date),
    ("ngay cong bo", Col::Date),
    ("ngay dang", Col::Date),
    ("date", Col::Date),
    ("published", Col::Date),
    ("ghi chu", Col::Note),
    ("note", Col::Note),
];

pub const EXAMPLE: &str = "Kỳ, Giá trị (%), Loại, and optionally So sánh, Nguồn, Ngày công bố, \
                           Ghi chú";

const KIND_EXPECTED: &str = "actual, estimate or target (thực hiện, ước, kế hoạch or mục tiêu)";
const PERIOD_EXPECTED: &str =
    "a period like 2021, 2021-Q1, 2021-H1, 2021-H2, 2021-9M (or Quý I/2021, 6 tháng/2021, 9 tháng/2021)";

fn header(text: &str) -> Option<Col> {
    let h = folded(&text.replace("(%)", " ").replace('%', " "));
    HEADERS.iter().find(|(name, _)| *name == h).map(|(_, c)| *c)
}

/// The columns of a growth series in this header row, if it is one.
pub fn columns(row: &[Cell]) -> Option<[Option<usize>; COLS]> {
    let mut at = [None; COLS];
    for (col, cell) in row.iter().enumerate() {
        if let Some(c) = header(&cell.text()) {
            at[c as usize].get_or_insert(col);
        }
    }
    [Col::Period, Col::Value, Col::Kind]
        .iter()
        .all(|c| at[*c as usize].is_some())
        .then_some(at)
}

/// A period as the model writes it, or in Vietnamese: `Quý I/2021`, `6 tháng/2021`,
/// `6 tháng cuối năm 2021`, `9 tháng 2021`, `Năm 2021`.
fn read_period(text: &str) -> Option<Period> {
    if let Some(p) = Period::parse(text.trim()) {
        return Some(p);
    }
    let t = folded(&text.replace(['/', '-', ','], " "));
    let (rest, year) = t.rsplit_once(' ')?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = rest.trim().trim_end_matches(" nam").trim();
    let span = match rest {
        "nam" | "ca nam" => "",
        "quy i" | "quy 1" => "-Q1",
        "quy ii" | "quy 2" => "-Q2",
        "quy iii" | "quy 3" => "-Q3",
        "quy iv" | "quy 4" => "-Q4",
        "6 thang" | "6 thang dau" => "-H1",
        "6 thang cuoi" => "-H2",
        "9 thang" => "-9M",
        _ => return None,
    };
    Period::parse(&format!("{year}{span}"))
}

/// A percentage: `8,02`, `8.02`, `8,02%`, `-2,5`, `10` (a separator followed by one or two
/// digits is a decimal one, either way it is written); a number cell as it is.
fn read_percent(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(n) => Some(*n),
        Cell::Text(t) => {
            let t = t.trim().trim_end_matches('%').trim_end();
            let (sign, digits) = match t.strip_prefix(['-', '−']) {
                Some(rest) => (-1.0, rest),
                None => (1.0, t.strip_prefix('+').unwrap_or(t)),
            };
            let (whole, fraction) = match digits.split_once(['.', ',']) {
                Some((w, f)) if (1..=2).contains(&f.len()) => (w, f),
                Some(_) => return None,
                None => (digits, ""),
            };
            let ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
            if whole.is_empty() || !ok(whole) || !ok(fraction) {
                return None;
            }
            let n: f64 = format!("{whole}.{fraction}0").parse().ok()?;
            Some(sign * n)
        }
        _ => None,
    }
}

fn read_kind(text: &str) -> Option<FigureKind> {
    match folded(text).as_str() {
        "actual" | "thuc hien" | "thuc te" | "chinh thuc" => Some(FigureKind::Actual),
        "estimate" | "uoc" | "uoc tinh" | "uoc thuc hien" | "so bo" => Some(FigureKind::Estimate),
        "target" | "ke hoach" | "muc tieu" | "chi tieu" | "kich ban" => Some(FigureKind::Target),
        _ => None,
    }
}

fn read_comparator(text: &str) -> Option<Option<Comparator>> {
    match folded(text).as_str() {
        "" => Some(None),
        "at_least" | "at least" | ">=" | "≥" | "it nhat" | "toi thieu" | "khong duoi" | "tu" => {
            Some(Some(Comparator::AtLeast))
        }
        "above" | ">" | "tren" | "hon" | "vuot" => Some(Some(Comparator::Above)),
        _ => None,
    }
}

pub struct Series<'a> {
    ctx: &'a Context,
    header: Header,
    at: [Option<usize>; COLS],
    /// Each period, its values and the row of each.
    points: Vec<(GrowthPoint, Vec<usize>)>,
    problems: Vec<Problem>,
}

impl<'a> Series<'a> {
    pub fn new(ctx: &'a Context, header: Header, at: [Option<usize>; COLS]) -> Series<'a> {
        Series {
            ctx,
            header,
            at,
            points: Vec::new(),
            problems: Vec::new(),
        }
    }

    pub fn row(&mut self, number: usize, row: &[Cell]) {
        if row.iter().all(Cell::is_empty) {
            return;
        }
        let at = self.at;
        let cell = |c: Col| -> &Cell {
            at[c as usize]
                .and_then(|col| row.get(col))
                .unwrap_or(&Cell::Empty)
        };
        let mut bad: Vec<(Col, String, String)> = Vec::new();
        let text = |c: Col| cell(c).text().into_owned();
        let period = read_period(&text(Col::Period));
        if period.is_none() {
            bad.push((Col::Period, text(Col::Period), PERIOD_EXPECTED.into()));
        }
        let value = read_percent(cell(Col::Value));
        if value.is_none() {
            bad.push((
                Col::Value,
                text(Col::Value),
                "a percentage like 8,02 or 8.02".into(),
            ));
        }
        let kind = read_kind(&text(Col::Kind));
        if kind.is_none() {
            bad.push((Col::Kind, text(Col::Kind), KIND_EXPECTED.into()));
        }
        let comparator = read_comparator(&text(Col::Comparator)).unwrap_or_else(|| {
            bad.push((
                Col::Comparator,
                text(Col::Comparator),
                "at least (≥, tối thiểu) or above (>, trên), or nothing".into(),
            ));
            None
        });
        let source_name = text(Col::Source);
        let date_cell = cell(Col::Date);
        let published = if date_cell.is_empty() {
            None
        } else {
            let d = self.ctx.dates.read(date_cell);
            if d.is_none() {
                bad.push((Col::Date, text(Col::Date), self.ctx.dates.expected()));
            } else if source_name.is_empty() {
                bad.push((
                    Col::Source,
                    String::new(),
                    "the source the date is of".into(),
                ));
            }
            d
        };
        let note = text(Col::Note);
        let any_bad = !bad.is_empty();
        for (col, value, expected) in bad {
            self.problems.push(Problem {
                row: number,
                column: at[col as usize].map_or_else(String::new, |c| self.header.name(c)),
                value,
                message: format!("expected {expected}"),
            });
        }
        let (Some(period), Some(value), Some(kind), false) = (period, value, kind, any_bad) else {
            return;
        };
        let figure = GrowthValue {
            kind,
            value,
            comparator,
            note: (!note.is_empty()).then_some(Text { vi: note, en: None }),
            source: (!source_name.is_empty()).then(|| Source {
                published: published.map(PublicationDate::Day),
                ..Source::named(&source_name)
            }),
            status: ValueStatus::Current,
        };
        match self.points.iter_mut().find(|(p, _)| p.period == period) {
            Some((point, rows)) => {
                point.values.push(figure);
                rows.push(number);
            }
            None => self.points.push((
                GrowthPoint {
                    period,
                    values: vec![figure],
                },
                vec![number],
            )),
        }
    }

    pub fn finish(self) -> Output<'a> {
        let figures: usize = self.points.iter().map(|(p, _)| p.values.len()).sum();
        let said = format!(
            "{figures} growth figures in {} periods from {}, read as a growth series (header at row {})",
            self.points.len(),
            self.ctx.place,
            self.header.number
        );
        let indicator = match &self.ctx.indicator {
            Some(vi) => Text {
                vi: vi.clone(),
                en: None,
            },
            None => Text::new(
                "Tốc độ tăng trưởng GRDP so với cùng kỳ",
                "GRDP growth, year on year",
            ),
        };
        let (points, rows): (Vec<GrowthPoint>, Vec<Vec<usize>>) = self.points.into_iter().unzip();
        let (header, at) = (self.header, self.at);
        Output {
            units: Vec::new(),
            tasks: None,
            growth: Some(Growth { indicator, points }),
            problems: self.problems,
            said,
            locate: Box::new(move |path: &str| {
                let index = |after: &str| -> Option<usize> {
                    path.split_once(after)?.1.split(']').next()?.parse().ok()
                };
                let point = index("points[");
                let value = index("values[");
                let row = point
                    .and_then(|p| rows.get(p))
                    .and_then(|r| r.get(value.unwrap_or(0)).copied());
                let col = match path.rsplit('.').next() {
                    Some("period") => Some(Col::Period),
                    Some("value") => Some(Col::Value),
                    Some("values") => Some(Col::Kind),
                    Some("comparator") => Some(Col::Comparator),
                    Some("note") => Some(Col::Note),
                    _ if path.contains(".source") => Some(Col::Source),
                    _ => None,
                };
                let column = col
                    .and_then(|c| at[c as usize])
                    .map_or_else(|| path.to_owned(), |c| header.name(c));
                (row.unwrap_or(0), column)
            }),
        }
    }
}
