//! The redraw plan of a bar chart's rows ([`plan`]), executed by `ui::paint::BarsPainter`.
//!
//! Rows are matched by position: texts and widths change in place. When rows are only added or
//! removed (the unit-kind filter), they are matched by key instead, so the rows that stay are
//! not touched and their texts are not laid out again (layout per kind change 13.0 → 10.7 ms);
//! rows taken out are set aside and put back when their kind returns (script per kind change
//! ~10.3 → ~8.2 ms). A drawn row is rebuilt only when its shape changes, and not even then
//! when only its segments come and go ([`Redraw::Resegment`]).

use crate::chart::{BarRow, Segment};
use crate::format::plain_decimal;

/// How a row is drawn. Rows of the same shape are updated in place; a new shape is rebuilt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A row button: a large target whose name is its visible text.
    Button,
    /// A static row whose data points are focusable images.
    Static,
}

/// The elements a row is drawn with, apart from its texts.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub kind: RowKind,
    /// Per segment: pressable on its own (inside a row button).
    pub segments: Vec<bool>,
    pub markers: usize,
}

impl Shape {
    /// The shape of `row` in a chart whose rows may be pressed (`interactive`).
    pub fn of(row: &BarRow, interactive: bool) -> Shape {
        let kind = RowKind::of(row, interactive);
        Shape {
            kind,
            segments: (row.segments.iter())
                .map(|s| pressable_segment(kind, row, s))
                .collect(),
            markers: row.markers.len(),
        }
    }

    /// `Shape::of(row, interactive) == *self`, without building it: asked of every row on
    /// every paint.
    pub fn fits(&self, row: &BarRow, interactive: bool) -> bool {
        let kind = RowKind::of(row, interactive);
        self.kind == kind
            && self.markers == row.markers.len()
            && self.segments.len() == row.segments.len()
            && (self.segments.iter().zip(&row.segments))
                .all(|(&pressable, s)| pressable == pressable_segment(kind, row, s))
    }

    /// A row button of several segments: its accessible name (`aria-label`) carries every
    /// segment's value, and its keyboard tooltip lists them.
    pub fn named(&self) -> bool {
        self.kind == RowKind::Button && self.segments.len() > 1
    }
}

impl RowKind {
    fn of(row: &BarRow, interactive: bool) -> RowKind {
        if interactive && row.action.is_some() {
            RowKind::Button
        } else {
            RowKind::Static
        }
    }
}

fn pressable_segment(kind: RowKind, row: &BarRow, segment: &Segment) -> bool {
    kind == RowKind::Button && segment.action.is_some() && row.segments.len() > 1
}

/// A row as a painter drew it: its model, its shape, and the elements it made (`E`; nothing in
/// tests).
pub struct Drawn<E> {
    pub row: BarRow,
    pub shape: Shape,
    pub elements: E,
}

/// How many rows taken out of a chart are kept to be put back ([`set_aside`]).
pub const SET_ASIDE_ROWS: usize = 64;

/// Keeps a row taken out of the page to be put back: one per key, the newest; the oldest go
/// first beyond [`SET_ASIDE_ROWS`]. [`plan`] expects rows to be set aside this way.
pub fn set_aside<E>(aside: &mut Vec<Drawn<E>>, drawn: Drawn<E>) {
    aside.retain(|d| d.row.key != drawn.row.key);
    if aside.len() == SET_ASIDE_ROWS {
        aside.remove(0);
    }
    aside.push(drawn);
}

/// What a painter does to bring its drawn rows to new ones, in this order: the rows of `gone`
/// leave the page, then each new row is made from the next drawn row that stays (they stay in
/// their order), from a row set aside, or from nothing. How a drawn row (or one put back) is
/// brought to its new row is [`redraw`]'s to say, and what that writes, [`changes`]'s.
#[derive(Debug, PartialEq)]
pub struct Plan {
    /// Rows were only added or removed: they are matched by key, and the drawn rows that go
    /// are set aside ([`set_aside`]) rather than dropped.
    pub by_key: bool,
    /// Indices of the drawn rows that leave the page.
    pub gone: Vec<usize>,
    /// One step per new row, in order.
    pub rows: Vec<Step>,
}

/// Where one new row comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The next drawn row that stays, where it is, redrawn.
    Redraw,
    /// The row set aside under the new row's key, inserted before the next drawn row that
    /// stays (at the end without one: before the axis or the row-limit line, which close the
    /// chart), redrawn.
    PutBack,
    /// A new row, built and inserted like [`Step::PutBack`].
    Draw,
}

/// How a drawn row is brought to a new one.
#[derive(Debug, PartialEq)]
pub enum Redraw {
    /// It already shows the new row.
    Keep,
    /// The same shape: in place, writing what [`changes`] tells. Possibly nothing, when only
    /// what is not shown changed (an action); the painter still keeps the new row.
    Update,
    /// Only its segments come and go (a unit's count of a status falls to zero or rises from
    /// it as the filters change): they are matched by series within the row. Per new segment,
    /// the drawn segment it keeps (its element stays), or `None` for a new one, built before
    /// the next kept one (or the markers); drawn segments not kept are removed. Then what
    /// [`changes`] tells, with the row's accessible name written again. Rationale: measured at
    /// 100k tasks, a search rebuilt ~5 of the 33 unit rows.
    Resegment {
        shape: Shape,
        kept: Vec<Option<usize>>,
    },
    /// Another shape: a new row in its place.
    Rebuild,
}

/// One thing written to a row updated in place, from the new row. Segments and markers are
/// named by their index in the new row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The class of a row button (selected, dimmed); a static row's class never changes.
    Class,
    /// The id of a row button, made from its key (focus returns to it after a redraw).
    Id,
    /// `aria-pressed` of a row button.
    Pressed,
    /// The text of the label.
    Label,
    /// The text of the value.
    Value,
    /// A segment's start (`left`).
    SegmentStart(usize),
    /// A segment's width.
    SegmentWidth(usize),
    /// A segment's class (series, selected, dimmed).
    SegmentClass(usize),
    /// A static row's segment's `aria-label`: its value (in a row button, the row's name says
    /// it).
    SegmentLabel(usize),
    /// A kept segment's new index, in its `data-tip`.
    SegmentTip(usize),
    /// A kept segment now pressable, or pressable at a new index (`data-act`).
    SegmentAct(usize),
    /// A kept segment no longer pressable (no `data-act`).
    SegmentActGone(usize),
    /// A marker's place (`left`).
    MarkerAt(usize),
    /// A marker's `aria-label`.
    MarkerLabel(usize),
    /// The accessible name of a row button of several segments ([`Shape::named`]).
    Name,
}

/// The plan that brings the `drawn` rows (in page order) to `rows`, with the rows set `aside`
/// (oldest first) at hand.
pub fn plan<E>(drawn: &[Drawn<E>], aside: &[Drawn<E>], rows: &[BarRow]) -> Plan {
    let by_key = only_added_or_removed(drawn, rows);
    // By key, a drawn row stays if its key does, for the row of its key: it keeps its elements
    // and, when its figures are the same, is not touched at all (no text to lay out again). By
    // position, the first drawn rows stay, for the rows at their places.
    let stays = |i: &usize| match by_key {
        true => rows.iter().any(|r| r.key == drawn[*i].row.key),
        false => *i < rows.len(),
    };
    let gone: Vec<usize> = (0..drawn.len()).filter(|i| !stays(i)).collect();
    let mut kept = (0..drawn.len()).filter(stays).peekable();
    let mut steps = Vec::with_capacity(rows.len());
    for row in rows {
        steps.push(match kept.peek() {
            Some(&old) if !by_key || drawn[old].row.key == row.key => {
                kept.next();
                Step::Redraw
            }
            _ if by_key && still_aside(aside, drawn, &gone, &row.key) => Step::PutBack,
            _ => Step::Draw,
        });
    }
    Plan {
        by_key,
        gone,
        rows: steps,
    }
}

/// True when the rows that stay keep their order (keys unique): rows were only added or
/// removed, e.g. the unit-kind filter hid or showed a kind of units.
fn only_added_or_removed<E>(drawn: &[Drawn<E>], rows: &[BarRow]) -> bool {
    let mut last = None;
    distinct(drawn.len(), &|i, j| drawn[i].row.key == drawn[j].row.key)
        && distinct(rows.len(), &|i, j| rows[i].key == rows[j].key)
        && rows.iter().all(|r| {
            // The drawn places of the keys that stay come in order.
            match drawn.iter().position(|d| d.row.key == r.key) {
                Some(i) => {
                    let in_order = last < Some(i);
                    last = Some(i);
                    in_order
                }
                None => true,
            }
        })
}

/// No two of `0..len` are the `same`. One function for keys and series (`dyn`: compiled once).
fn distinct(len: usize, same: &dyn Fn(usize, usize) -> bool) -> bool {
    (0..len).all(|i| (0..i).all(|j| !same(i, j)))
}

/// Whether a row is set aside under `key` and still there once the `gone` drawn rows are set
/// aside too ([`set_aside`]: each replaces the one of its key, and the oldest go first beyond
/// [`SET_ASIDE_ROWS`]): while fewer than that many are newer.
fn still_aside<E>(aside: &[Drawn<E>], drawn: &[Drawn<E>], gone: &[usize], key: &str) -> bool {
    let Some(at) = aside.iter().position(|d| d.row.key == key) else {
        return false;
    };
    let replaced = |d: &&Drawn<E>| gone.iter().any(|&g| drawn[g].row.key == d.row.key);
    aside[at + 1..].iter().filter(|d| !replaced(d)).count() + gone.len() < SET_ASIDE_ROWS
}

/// How the drawn row `old` becomes `row`: in place when its shape is the same or only its
/// segments come and go, else a new row in its place. Asked of each row a [`Step::Redraw`] or
/// [`Step::PutBack`] brings, when it comes.
pub fn redraw<E>(old: &Drawn<E>, row: &BarRow, interactive: bool) -> Redraw {
    if old.shape.fits(row, interactive) {
        return match old.row == *row {
            true => Redraw::Keep,
            false => Redraw::Update,
        };
    }
    let shape = Shape::of(row, interactive);
    match match_segments(old, row, &shape) {
        Some(kept) => Redraw::Resegment { shape, kept },
        None => Redraw::Rebuild,
    }
}

/// For [`Redraw::Resegment`]: per new segment, the drawn one of its series; `None` (rebuild)
/// unless the row keeps its kind and markers, has more than one segment before and after (its
/// name and tip stay the same kind) and no series twice.
fn match_segments<E>(old: &Drawn<E>, row: &BarRow, shape: &Shape) -> Option<Vec<Option<usize>>> {
    let (before, after) = (&old.row.segments, &row.segments);
    let only_segments = old.shape.kind == shape.kind && old.shape.markers == shape.markers;
    let named_alike = before.len() > 1 && after.len() > 1;
    let unique = |s: &[Segment]| distinct(s.len(), &|i, j| s[i].series == s[j].series);
    if !(only_segments && named_alike && unique(before) && unique(after)) {
        return None;
    }
    Some(
        after
            .iter()
            .map(|s| before.iter().position(|o| o.series == s.series))
            .collect(),
    )
}

/// Where [`changes`] are told: the painter writes each into the row's elements at once.
pub trait Write {
    fn write(&mut self, change: Change);
}

/// What a redraw in place (`how`: [`Redraw::Update`] or [`Redraw::Resegment`]) writes to
/// bring the row `old`, drawn with `old_shape`, to `new`: each change, in order, told `to` the
/// painter (nothing for the other redraws). Told rather than returned: the painter writes each
/// at once, with no list made per row.
pub fn changes(old: &BarRow, old_shape: &Shape, new: &BarRow, how: &Redraw, to: &mut impl Write) {
    let (shape, kept) = match how {
        Redraw::Update => (old_shape, None),
        Redraw::Resegment { shape, kept } => {
            for (i, &j) in kept.iter().enumerate() {
                let Some(j) = j else { continue };
                if i != j {
                    to.write(Change::SegmentTip(i));
                }
                match (old_shape.segments[j], shape.segments[i]) {
                    (was, true) if !was || i != j => to.write(Change::SegmentAct(i)),
                    (true, false) => to.write(Change::SegmentActGone(i)),
                    _ => {}
                }
            }
            (shape, Some(kept.as_slice()))
        }
        Redraw::Keep | Redraw::Rebuild => return,
    };
    // A macro, not a closure: each change is then told from its own place, which lets the
    // painter's `write` be inlined there.
    macro_rules! changed {
        ($changed:expr, $change:expr $(,)?) => {
            if $changed {
                to.write($change);
            }
        };
    }
    let button = shape.kind == RowKind::Button;
    let selected = old.selected != new.selected;
    changed!(
        button && (selected || old.dimmed != new.dimmed),
        Change::Class,
    );
    changed!(button && old.key != new.key, Change::Id);
    changed!(button && selected, Change::Pressed);
    changed!(old.label != new.label, Change::Label);
    changed!(old.value_text != new.value_text, Change::Value);
    let mut labels = false;
    for (i, n) in new.segments.iter().enumerate() {
        // In a resegmented row, a new segment is built as it is.
        let j = match kept {
            Some(kept) => kept.get(i).copied().flatten(),
            None => Some(i),
        };
        let Some(o) = j.and_then(|j| old.segments.get(j)) else {
            continue;
        };
        changed!(o.start != n.start, Change::SegmentStart(i));
        changed!(o.end - o.start != n.end - n.start, Change::SegmentWidth(i));
        // A series has one class: comparing series is comparing classes.
        let class = o.series != n.series || o.selected != n.selected || o.dimmed != n.dimmed;
        changed!(class, Change::SegmentClass(i));
        changed!(o.label != n.label && !button, Change::SegmentLabel(i));
        labels |= o.label != n.label;
    }
    for (i, (o, n)) in old.markers.iter().zip(&new.markers).enumerate() {
        changed!(o.at != n.at, Change::MarkerAt(i));
        changed!(o.label != n.label, Change::MarkerLabel(i));
    }
    // A segment gone or new changes the row's name even when the others' labels do not.
    let name =
        kept.is_some() || labels || old.label != new.label || old.value_text != new.value_text;
    changed!(shape.named() && name, Change::Name);
}

/// What a row's elements say, the same whoever draws them: the painters in the browser
/// (`ui::paint::BarsPainter`) and the pages baked at build time (`crate::bake`).
///
/// `data-act` and `data-tip` codes name a part within its row ("row", segment "2", marker
/// "m0"), not the row: the row is found from the element, so rows can come and go around it.
pub const ROW_CODE: &str = "row";
/// `data-act` of the button that draws every row of a long chart, or the first ones.
pub const MORE_CODE: &str = "more";

/// The CSS properties that place a data point along the value axis: where it starts and how
/// long it is. Across the track for bars (`left`, `width`); up it for columns (`bottom`,
/// `height`), so the same fractions of the model draw both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Along {
    pub start: &'static str,
    pub length: &'static str,
}

/// How a chart drawn as columns (`columns`) or bars places its data points.
pub fn along(columns: bool) -> Along {
    match columns {
        true => Along {
            start: "bottom",
            length: "height",
        },
        false => Along {
            start: "left",
            length: "width",
        },
    }
}

/// The class of a chart's `.td-bars` container: `td-columns` lays its rows out as columns
/// (`style/main.css`).
pub fn bars_class(columns: bool) -> &'static str {
    match columns {
        true => "td-bars td-columns",
        false => "td-bars",
    }
}

/// A position or a width, a fraction of the track, as CSS: `42.105%`.
pub fn percent(fraction: f64) -> String {
    format!("{}%", plain_decimal(fraction * 100.0, 3))
}

/// Stable DOM id of a bar row, so focus can return to it after a redraw.
pub fn row_dom_id(chart: &str, row: &BarRow) -> String {
    let mut id = format!("td-{chart}-{}", row.key);
    id.retain(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    id
}

/// Every segment's value, for screen readers and the row's keyboard tooltip (rows of several
/// segments only).
pub fn row_details(row: &BarRow) -> Option<String> {
    (row.segments.len() > 1).then(|| {
        row.segments
            .iter()
            .map(|s| s.label.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// The accessible name of a row button of several segments: its label, its value and every
/// segment's value. An attribute rather than visually hidden text: text is laid out on every
/// change, 33 rows of it ~1.5–2 ms per search at 100k tasks (`node bench/trace.mjs`).
pub fn row_name(row: &BarRow) -> Option<String> {
    let details = row_details(row)?;
    Some(format!(
        "{} {}: {details}",
        crate::text::isolate(&row.label),
        row.value_text
    ))
}

fn classes(base: &str, selected: bool, dimmed: bool) -> String {
    let mut class = base.to_owned();
    if selected {
        class.push_str(" is-selected");
    }
    if dimmed {
        class.push_str(" is-dimmed");
    }
    class
}

pub fn segment_class(s: &Segment) -> String {
    classes(
        &format!("td-seg {}", s.series.class()),
        s.selected,
        s.dimmed,
    )
}

pub fn row_class(row: &BarRow, kind: RowKind) -> String {
    match kind {
        RowKind::Button => classes("td-row td-row-button", row.selected, row.dimmed),
        RowKind::Static => "td-row".to_owned(),
    }
}

/// `aria-pressed` of a row button.
pub fn pressed(row: &BarRow) -> &'static str {
    if row.selected {
        "true"
    } else {
        "false"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{Action, Marker, Series};
    use crate::tasks::Status;

    const OT: Series = Series::Status(Status::OnTime);
    const LT: Series = Series::Status(Status::Late);
    const OD: Series = Series::Status(Status::Overdue);

    /// A unit row (a row button in an interactive chart) with segments of `(series, count)`,
    /// laid end to end at 1/8 of the width a count (exact in binary), each pressable.
    fn unit(key: &str, counts: &[(Series, u32)]) -> BarRow {
        let mut at = 0.0;
        let segments = (counts.iter())
            .map(|&(series, n)| {
                let start = at;
                at += f64::from(n) / 8.0;
                Segment {
                    action: Some(Action::ToggleUnit(0)),
                    ..Segment::fixed(series, start, at, format!("{} {n}", series.class()))
                }
            })
            .collect();
        let total: u32 = counts.iter().map(|c| c.1).sum();
        BarRow {
            action: Some(Action::ToggleUnit(0)),
            ..BarRow::fixed(
                key.into(),
                format!("Unit {key}"),
                total.to_string(),
                segments,
            )
        }
    }

    /// A static row of one segment.
    fn bar(key: &str, n: u32) -> BarRow {
        let segment = Segment::fixed(Series::Count, 0.0, f64::from(n) / 8.0, n.to_string());
        BarRow::fixed(key.into(), key.to_uppercase(), n.to_string(), vec![segment])
    }

    fn drawn(rows: &[BarRow]) -> Vec<Drawn<()>> {
        (rows.iter())
            .map(|row| Drawn {
                row: row.clone(),
                shape: Shape::of(row, true),
                elements: (),
            })
            .collect()
    }

    /// The plan from `old` (drawn, with `aside` set aside) to `new`, one line a step.
    fn check(old: &[BarRow], aside: &[BarRow], new: &[BarRow], expected: &[&str]) {
        let (old, aside) = (drawn(old), drawn(aside));
        let plan = plan(&old, &aside, new);
        let key = |i: usize| old[i].row.key.as_str();
        let place = |before: Option<&usize>| match before {
            Some(&i) => format!("before {}", key(i)),
            None => "at the end".to_owned(),
        };
        let mut lines = vec![if plan.by_key { "by key" } else { "by position" }.to_owned()];
        let leaves = if plan.by_key { "take out" } else { "remove" };
        lines.extend(plan.gone.iter().map(|&i| format!("{leaves} {}", key(i))));
        // The drawn rows that stay, in order.
        let mut kept = (0..old.len()).filter(|i| !plan.gone.contains(i)).peekable();
        for (step, row) in plan.rows.iter().zip(new) {
            // How the row `from` is redrawn, and what that writes.
            let how = |from: &Drawn<()>| {
                let how = redraw(from, row, true);
                let mut text = match &how {
                    Redraw::Keep => "keep".to_owned(),
                    Redraw::Rebuild => "rebuild".to_owned(),
                    Redraw::Update => "update".to_owned(),
                    Redraw::Resegment { kept, .. } => {
                        let kept = kept.iter().map(|j| match j {
                            Some(j) => j.to_string(),
                            None => "new".to_owned(),
                        });
                        format!("resegment [{}]", kept.collect::<Vec<_>>().join(" "))
                    }
                };
                changes(&from.row, &from.shape, row, &how, &mut Words(&mut text));
                text
            };
            let text = match step {
                Step::Redraw => {
                    let i = kept.next().unwrap();
                    match key(i) == row.key {
                        true => how(&old[i]),
                        false => format!("from {}, {}", key(i), how(&old[i])),
                    }
                }
                Step::PutBack => {
                    let from = aside.iter().find(|d| d.row.key == row.key).unwrap();
                    format!("put back {}, {}", place(kept.peek()), how(from))
                }
                Step::Draw => format!("draw {}", place(kept.peek())),
            };
            lines.push(format!("{}: {text}", row.key));
        }
        assert_eq!(lines, expected);
    }

    /// Each change told, as a word after a space.
    struct Words<'a>(&'a mut String);

    impl Write for Words<'_> {
        fn write(&mut self, change: Change) {
            self.0.push(' ');
            self.0.push_str(&word(change));
        }
    }

    fn word(change: Change) -> String {
        match change {
            Change::Class => "class".to_owned(),
            Change::Id => "id".to_owned(),
            Change::Pressed => "pressed".to_owned(),
            Change::Label => "label".to_owned(),
            Change::Value => "value".to_owned(),
            Change::SegmentStart(i) => format!("seg{i}.start"),
            Change::SegmentWidth(i) => format!("seg{i}.width"),
            Change::SegmentClass(i) => format!("seg{i}.class"),
            Change::SegmentLabel(i) => format!("seg{i}.label"),
            Change::SegmentTip(i) => format!("seg{i}.tip"),
            Change::SegmentAct(i) => format!("seg{i}.act"),
            Change::SegmentActGone(i) => format!("seg{i}.act-gone"),
            Change::MarkerAt(i) => format!("marker{i}.at"),
            Change::MarkerLabel(i) => format!("marker{i}.label"),
            Change::Name => "name".to_owned(),
        }
    }

    #[test]
    fn the_same_rows_need_nothing() {
        let rows = [
            unit("a", &[(OT, 2), (LT, 1)]),
            unit("b", &[(OT, 3), (LT, 1)]),
        ];
        check(&rows, &[], &rows, &["by key", "a: keep", "b: keep"]);
        let rows = [bar("x", 1), bar("y", 2)];
        check(&rows, &[], &rows, &["by key", "x: keep", "y: keep"]);
    }

    #[test]
    fn the_first_paint_draws_every_row_at_the_end() {
        let rows = [bar("x", 1), bar("y", 2)];
        let expected = ["by key", "x: draw at the end", "y: draw at the end"];
        check(&[], &[], &rows, &expected);
    }

    #[test]
    fn a_value_change_writes_only_that_text_and_width() {
        let old = [bar("x", 1), bar("y", 2)];
        let new = [bar("x", 1), bar("y", 3)];
        // A static row's segment says its value itself (`aria-label`).
        let expected = ["by key", "x: keep", "y: update value seg0.width seg0.label"];
        check(&old, &[], &new, &expected);
    }

    #[test]
    fn a_count_change_in_a_unit_row_moves_the_next_segment_and_renames_the_row() {
        let old = [unit("a", &[(OT, 2), (LT, 1)])];
        let new = [unit("a", &[(OT, 3), (LT, 1)])];
        let expected = "a: update value seg0.width seg1.start name";
        check(&old, &[], &new, &["by key", expected]);
    }

    #[test]
    fn a_selection_restyles_and_presses_the_row_and_restyles_its_segments() {
        let old = [
            unit("a", &[(OT, 2), (LT, 1)]),
            unit("b", &[(OT, 1), (LT, 1)]),
        ];
        let mut new = old.clone();
        new[0].selected = true;
        new[1].dimmed = true;
        new[1].segments[0].dimmed = true;
        let expected = [
            "by key",
            "a: update class pressed",
            "b: update class seg0.class",
        ];
        check(&old, &[], &new, &expected);
    }

    #[test]
    fn a_new_action_alone_writes_nothing_but_is_kept() {
        let old = [bar("x", 1)];
        let mut new = old.clone();
        new[0].segments[0].action = Some(Action::ToggleUnit(3));
        check(&old, &[], &new, &["by key", "x: update"]);
    }

    #[test]
    fn markers_move_and_say_their_value() {
        let mut old = bar("x", 1);
        old.markers.push(Marker {
            at: 0.5,
            label: "target 5".into(),
        });
        let mut new = old.clone();
        new.markers[0].at = 0.6;
        new.markers[0].label = "target 6".into();
        check(
            &[old],
            &[],
            &[new],
            &["by key", "x: update marker0.at marker0.label"],
        );
    }

    #[test]
    fn a_row_of_another_shape_is_rebuilt() {
        let with_marker = |mut row: BarRow| {
            row.markers.push(Marker {
                at: 0.5,
                label: "target".into(),
            });
            row
        };
        // A marker more.
        check(
            &[bar("x", 1)],
            &[],
            &[with_marker(bar("x", 1))],
            &["by key", "x: rebuild"],
        );
        // No longer pressable: a static row instead of a row button.
        let old = unit("a", &[(OT, 2), (LT, 1)]);
        let new = BarRow {
            action: None,
            ..old.clone()
        };
        check(&[old], &[], &[new], &["by key", "a: rebuild"]);
    }

    #[test]
    fn rows_in_another_order_are_matched_by_position() {
        // A sort: each drawn row takes the texts of the row now at its place.
        let old = [bar("x", 1), bar("y", 2)];
        let new = [bar("y", 2), bar("x", 1)];
        let expected = [
            "by position",
            "y: from x, update label value seg0.width seg0.label",
            "x: from y, update label value seg0.width seg0.label",
        ];
        check(&old, &[], &new, &expected);
        // A row button's id follows its key.
        let old = [
            unit("a", &[(OT, 1), (LT, 1)]),
            unit("b", &[(OT, 1), (LT, 1)]),
        ];
        let new = [old[1].clone(), old[0].clone()];
        let expected = [
            "by position",
            "b: from a, update id label name",
            "a: from b, update id label name",
        ];
        check(&old, &[], &new, &expected);
    }

    #[test]
    fn by_position_rows_past_the_drawn_ones_are_drawn_and_drawn_rows_past_the_new_ones_removed() {
        let old = [bar("x", 1), bar("y", 2)];
        let new = [bar("y", 2), bar("x", 1), bar("z", 3)];
        let expected = [
            "by position",
            "y: from x, update label value seg0.width seg0.label",
            "x: from y, update label value seg0.width seg0.label",
            "z: draw at the end",
        ];
        check(&old, &[], &new, &expected);
        let old = [bar("x", 1), bar("y", 2), bar("z", 3)];
        let new = [bar("y", 2), bar("x", 1)];
        let expected = [
            "by position",
            "remove z",
            "y: from x, update label value seg0.width seg0.label",
            "x: from y, update label value seg0.width seg0.label",
        ];
        check(&old, &[], &new, &expected);
    }

    #[test]
    fn keys_drawn_twice_are_matched_by_position() {
        let old = [bar("x", 1), bar("x", 2)];
        let new = [bar("x", 1)];
        check(&old, &[], &new, &["by position", "remove x", "x: keep"]);
    }

    #[test]
    fn rows_only_added_or_removed_are_matched_by_key_and_the_others_left_untouched() {
        // The unit-kind filter: departments a, c out; localities b, d stay.
        let all = [bar("a", 1), bar("b", 2), bar("c", 3), bar("d", 4)];
        let localities = [bar("b", 2), bar("d", 4)];
        let expected = ["by key", "take out a", "take out c", "b: keep", "d: keep"];
        check(&all, &[], &localities, &expected);
        // Rows that come are drawn before the next row that stays, or at the end.
        let expected = [
            "by key",
            "a: draw before b",
            "b: keep",
            "c: draw before d",
            "d: keep",
            "e: draw at the end",
        ];
        let mut more = all.to_vec();
        more.push(bar("e", 5));
        check(&localities, &[], &more, &expected);
    }

    #[test]
    fn a_row_taken_out_is_put_back_where_it_was_and_brought_up_to_date() {
        let localities = [bar("b", 2), bar("d", 4)];
        let aside = [bar("a", 1), bar("c", 3)];
        // Meanwhile a search changed c's figure.
        let all = [bar("a", 1), bar("b", 2), bar("c", 5), bar("d", 4)];
        let expected = [
            "by key",
            "a: put back before b, keep",
            "b: keep",
            "c: put back before d, update value seg0.width seg0.label",
            "d: keep",
        ];
        check(&localities, &aside, &all, &expected);
    }

    #[test]
    fn rows_set_aside_beyond_the_limit_are_drawn_anew() {
        // Full: taking out one more drops the oldest set aside, which is then drawn anew.
        let aside: Vec<_> = (0..SET_ASIDE_ROWS)
            .map(|i| bar(&format!("k{i}"), 1))
            .collect();
        let old = [bar("x", 1), bar("y", 1)];
        let new = [bar("k0", 1), bar("k1", 1), bar("y", 1)];
        let expected = [
            "by key",
            "take out x",
            "k0: draw before y",
            "k1: put back before y, keep",
            "y: keep",
        ];
        check(&old, &aside, &new, &expected);
        // The model of the same rule.
        let mut kept = drawn(&aside);
        set_aside(&mut kept, drawn(&old).remove(0));
        assert_eq!(kept.len(), SET_ASIDE_ROWS);
        assert_eq!(
            (kept[0].row.key.as_str(), kept[63].row.key.as_str()),
            ("k1", "x")
        );
    }

    #[test]
    fn a_row_taken_out_again_replaces_its_older_self_and_drops_no_other() {
        // Full, with x set aside long ago and drawn since (matched by position): taking x out
        // again replaces its older self, so y, the oldest, stays to be put back.
        let mut aside = vec![bar("y", 1), bar("x", 1)];
        aside.extend((2..SET_ASIDE_ROWS).map(|i| bar(&format!("k{i}"), 1)));
        let old = [bar("x", 1), bar("z", 1)];
        let new = [bar("z", 1), bar("y", 1)];
        let expected = [
            "by key",
            "take out x",
            "z: keep",
            "y: put back at the end, keep",
        ];
        check(&old, &aside, &new, &expected);
    }

    #[test]
    fn a_row_set_aside_again_replaces_the_one_of_its_key() {
        let mut aside = drawn(&[bar("a", 1), bar("b", 1)]);
        set_aside(&mut aside, drawn(&[bar("a", 2)]).remove(0));
        let keys: Vec<_> = (aside.iter())
            .map(|d| (d.row.key.as_str(), d.row.value_text.as_str()))
            .collect();
        assert_eq!(keys, [("b", "1"), ("a", "2")]);
    }

    #[test]
    fn a_segment_falling_to_zero_is_taken_out_of_its_row() {
        let old = [unit("a", &[(OT, 2), (LT, 1), (OD, 1)])];
        let new = [unit("a", &[(OT, 2), (OD, 1)])];
        // The overdue segment keeps its element, now the second: its tip and action follow.
        let expected = "a: resegment [0 2] seg1.tip seg1.act value seg1.start name";
        check(&old, &[], &new, &["by key", expected]);
    }

    #[test]
    fn a_segment_rising_from_zero_is_built_into_its_row() {
        let old = [unit("a", &[(OT, 2), (OD, 1)])];
        let new = [unit("a", &[(OT, 2), (LT, 1), (OD, 1)])];
        let expected = "a: resegment [0 new 1] seg2.tip seg2.act value seg2.start name";
        check(&old, &[], &new, &["by key", expected]);
    }

    #[test]
    fn a_segment_no_longer_pressable_loses_its_action() {
        let old = [unit("a", &[(OT, 2), (LT, 1)])];
        let mut new = old.clone();
        new[0].segments[1].action = None;
        check(
            &old,
            &[],
            &new,
            &["by key", "a: resegment [0 1] seg1.act-gone name"],
        );
    }

    #[test]
    fn a_row_left_with_one_segment_or_a_series_twice_is_rebuilt() {
        // One segment: the row's name and tip are of another kind.
        let old = [unit("a", &[(OT, 2), (LT, 1)])];
        check(
            &old,
            &[],
            &[unit("a", &[(OT, 2)])],
            &["by key", "a: rebuild"],
        );
        check(
            &[unit("a", &[(OT, 2)])],
            &[],
            &old,
            &["by key", "a: rebuild"],
        );
        let twice = [unit("a", &[(OT, 2), (OT, 1), (LT, 1)])];
        check(&old, &[], &twice, &["by key", "a: rebuild"]);
    }

    #[test]
    fn in_a_chart_without_actions_every_row_is_static() {
        let row = unit("a", &[(OT, 2), (LT, 1)]);
        let shape = Shape::of(&row, false);
        assert_eq!(
            (shape.kind, shape.segments.as_slice()),
            (RowKind::Static, &[false, false][..])
        );
        assert!(shape.fits(&row, false) && !shape.fits(&row, true) && !shape.named());
        let shape = Shape::of(&row, true);
        assert_eq!(
            (shape.kind, shape.segments.as_slice()),
            (RowKind::Button, &[true, true][..])
        );
        assert!(shape.named());
    }
}
