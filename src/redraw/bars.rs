//! The redraw plan of a bar chart's rows ([`plan`]), executed by `ui::paint::BarsPainter`.
//!
//! Rows are matched by position: texts and widths change in place. When rows are only added or
//! removed (the unit-kind filter), they are matched by key instead, so the rows that stay are
//! not touched and their texts are not laid out again (layout per kind change 13.0 → 10.7 ms);
//! rows taken out are set aside and put back when their kind returns (script per kind change
//! ~10.3 → ~8.2 ms). A drawn row is rebuilt only when its shape changes, and not even then
//! when only its segments come and go ([`Redraw::Resegment`]).

use std::ops::Range;

use crate::chart::{BarRow, Segment};

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
/// leave the page, then each new row is made from a drawn row, a row set aside, or nothing.
#[derive(Debug, PartialEq)]
pub struct Plan {
    /// Rows were only added or removed: they are matched by key, and the drawn rows that go
    /// are set aside ([`set_aside`]) rather than dropped.
    pub by_key: bool,
    /// Indices of the drawn rows that leave the page.
    pub gone: Vec<usize>,
    /// One step per new row, in order.
    pub rows: Vec<Step>,
    /// What [`Redraw::Update`] and [`Redraw::Resegment`] write, by range.
    pub changes: Vec<Change>,
}

/// How one new row is made.
#[derive(Debug, PartialEq)]
pub enum Step {
    /// From the drawn row `old`, which stays where it is.
    Redraw { old: usize, how: Redraw },
    /// From the row set aside under the new row's key, inserted before the drawn row `before`
    /// (without it, at the end: before the axis or the row-limit line, which close the chart).
    PutBack { before: Option<usize>, how: Redraw },
    /// Built, and inserted like [`Step::PutBack`].
    Draw { before: Option<usize> },
}

/// How a drawn row is brought to a new one.
#[derive(Debug, PartialEq)]
pub enum Redraw {
    /// It already shows the new row.
    Keep,
    /// The same shape: these changes (`Plan::changes[range]`), in place. Possibly none, when
    /// only what is not shown changed (an action); the painter still keeps the new row.
    Update(Range<usize>),
    /// Only its segments come and go (a unit's count of a status falls to zero or rises from
    /// it as the filters change): they are matched by series within the row. Per new segment,
    /// the drawn segment it keeps (its element stays), or `None` for a new one, built before
    /// the next kept one (or the markers); drawn segments not kept are removed. Then the
    /// changes, in place, with the row's accessible name written again. Rationale: measured at
    /// 100k tasks, a search rebuilt ~5 of the 33 unit rows.
    Resegment {
        shape: Shape,
        segments: Vec<Option<usize>>,
        changes: Range<usize>,
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
/// (oldest first) at hand, in a chart whose rows may be pressed (`interactive`).
pub fn plan<E>(drawn: &[Drawn<E>], aside: &[Drawn<E>], rows: &[BarRow], interactive: bool) -> Plan {
    let mut plan = Plan {
        by_key: only_added_or_removed(drawn, rows),
        gone: Vec::new(),
        rows: Vec::with_capacity(rows.len()),
        changes: Vec::new(),
    };
    let changes = &mut plan.changes;
    if plan.by_key {
        // A row that stays keeps its elements and, when its figures are the same, is not
        // touched at all (no text to lay out again).
        let stays = |i: &usize| rows.iter().any(|r| r.key == drawn[*i].row.key);
        plan.gone.extend((0..drawn.len()).filter(|i| !stays(i)));
        let mut kept = (0..drawn.len()).filter(stays).peekable();
        for row in rows {
            let step = match kept.peek() {
                Some(&old) if drawn[old].row.key == row.key => {
                    kept.next();
                    let how = redraw(&drawn[old], row, interactive, changes);
                    Step::Redraw { old, how }
                }
                next => {
                    let before = next.copied();
                    match still_aside(aside, drawn, &plan.gone, &row.key) {
                        Some(d) => Step::PutBack {
                            before,
                            how: redraw(d, row, interactive, changes),
                        },
                        None => Step::Draw { before },
                    }
                }
            };
            plan.rows.push(step);
        }
    } else {
        for (old, row) in rows.iter().enumerate() {
            plan.rows.push(match drawn.get(old) {
                Some(d) => Step::Redraw {
                    old,
                    how: redraw(d, row, interactive, changes),
                },
                None => Step::Draw { before: None },
            });
        }
        plan.gone.extend(rows.len()..drawn.len());
    }
    plan
}

/// True when the rows that stay keep their order (keys unique): rows were only added or
/// removed, e.g. the unit-kind filter hid or showed a kind of units.
fn only_added_or_removed<E>(drawn: &[Drawn<E>], rows: &[BarRow]) -> bool {
    let in_rows = |key: &String| rows.iter().any(|r| r.key == *key);
    let in_drawn = |key: &String| drawn.iter().any(|d| d.row.key == *key);
    let kept_drawn = drawn.iter().map(|d| &d.row.key).filter(|k| in_rows(k));
    let kept_rows = rows.iter().map(|r| &r.key).filter(|k| in_drawn(k));
    distinct(drawn.len(), &|i, j| drawn[i].row.key == drawn[j].row.key)
        && distinct(rows.len(), &|i, j| rows[i].key == rows[j].key)
        && kept_drawn.eq(kept_rows)
}

/// No two of `0..len` are the `same`. One function for keys and series (`dyn`: compiled once).
fn distinct(len: usize, same: &dyn Fn(usize, usize) -> bool) -> bool {
    (0..len).all(|i| (0..i).all(|j| !same(i, j)))
}

/// The row set aside under `key` that is still there once the `gone` drawn rows are set aside
/// too ([`set_aside`]: each replaces the one of its key, and the oldest go first beyond
/// [`SET_ASIDE_ROWS`]).
fn still_aside<'a, E>(
    aside: &'a [Drawn<E>],
    drawn: &[Drawn<E>],
    gone: &[usize],
    key: &str,
) -> Option<&'a Drawn<E>> {
    let replaced = |d: &&Drawn<E>| gone.iter().any(|&g| drawn[g].row.key == d.row.key);
    let staying = aside.iter().filter(|d| !replaced(d));
    let dropped = (staying.clone().count() + gone.len()).saturating_sub(SET_ASIDE_ROWS);
    staying.skip(dropped).find(|d| d.row.key == key)
}

/// How the drawn row `old` becomes `row`: in place when its shape is the same or only its
/// segments come and go, else a new row in its place. Pushes what it writes to `changes`.
fn redraw<E>(old: &Drawn<E>, row: &BarRow, interactive: bool, changes: &mut Vec<Change>) -> Redraw {
    let start = changes.len();
    if old.shape.fits(row, interactive) {
        if old.row == *row {
            return Redraw::Keep;
        }
        diff(&old.row, row, &old.shape, None, changes);
        return Redraw::Update(start..changes.len());
    }
    let shape = Shape::of(row, interactive);
    let Some(segments) = match_segments(old, row, &shape) else {
        return Redraw::Rebuild;
    };
    for (i, &j) in segments.iter().enumerate() {
        let Some(j) = j else { continue };
        if i != j {
            changes.push(Change::SegmentTip(i));
        }
        match (old.shape.segments[j], shape.segments[i]) {
            (was, true) if !was || i != j => changes.push(Change::SegmentAct(i)),
            (true, false) => changes.push(Change::SegmentActGone(i)),
            _ => {}
        }
    }
    diff(&old.row, row, &shape, Some(&segments), changes);
    Redraw::Resegment {
        shape,
        segments,
        changes: start..changes.len(),
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

/// Pushes what differs between `old`, as drawn, and `new`, drawn in place with `shape`.
/// `kept`: in a resegmented row, the drawn segment each new one keeps (a new segment is built
/// as it is, and the row's name is written again).
fn diff(
    old: &BarRow,
    new: &BarRow,
    shape: &Shape,
    kept: Option<&[Option<usize>]>,
    changes: &mut Vec<Change>,
) {
    let mut push = |changed: bool, change: Change| {
        if changed {
            changes.push(change);
        }
    };
    let button = shape.kind == RowKind::Button;
    let selected = old.selected != new.selected;
    push(
        button && (selected || old.dimmed != new.dimmed),
        Change::Class,
    );
    push(button && old.key != new.key, Change::Id);
    push(button && selected, Change::Pressed);
    push(old.label != new.label, Change::Label);
    push(old.value_text != new.value_text, Change::Value);
    let mut labels = false;
    for (i, n) in new.segments.iter().enumerate() {
        let j = match kept {
            Some(kept) => kept.get(i).copied().flatten(),
            None => Some(i),
        };
        let Some(o) = j.and_then(|j| old.segments.get(j)) else {
            continue;
        };
        push(o.start != n.start, Change::SegmentStart(i));
        push(o.end - o.start != n.end - n.start, Change::SegmentWidth(i));
        // A series has one class: comparing series is comparing classes.
        let class = o.series != n.series || o.selected != n.selected || o.dimmed != n.dimmed;
        push(class, Change::SegmentClass(i));
        push(o.label != n.label && !button, Change::SegmentLabel(i));
        labels |= o.label != n.label;
    }
    for (i, (o, n)) in old.markers.iter().zip(&new.markers).enumerate() {
        push(o.at != n.at, Change::MarkerAt(i));
        push(o.label != n.label, Change::MarkerLabel(i));
    }
    // A segment gone or new changes the row's name even when the others' labels do not.
    let name =
        kept.is_some() || labels || old.label != new.label || old.value_text != new.value_text;
    push(shape.named() && name, Change::Name);
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
        let plan = plan(&old, &aside, new, true);
        let key = |i: usize| old[i].row.key.as_str();
        let place = |before: &Option<usize>| match before {
            Some(i) => format!("before {}", key(*i)),
            None => "at the end".to_owned(),
        };
        let mut lines = vec![if plan.by_key { "by key" } else { "by position" }.to_owned()];
        let leaves = if plan.by_key { "take out" } else { "remove" };
        lines.extend(plan.gone.iter().map(|&i| format!("{leaves} {}", key(i))));
        for (step, row) in plan.rows.iter().zip(new) {
            let how = |how: &Redraw| match how {
                Redraw::Keep => "keep".to_owned(),
                Redraw::Rebuild => "rebuild".to_owned(),
                Redraw::Update(r) => words("update", &plan.changes[r.clone()]),
                Redraw::Resegment {
                    segments, changes, ..
                } => {
                    let kept = segments.iter().map(|j| match j {
                        Some(j) => j.to_string(),
                        None => "new".to_owned(),
                    });
                    let head = format!("resegment [{}]", kept.collect::<Vec<_>>().join(" "));
                    words(&head, &plan.changes[changes.clone()])
                }
            };
            let text = match step {
                Step::Redraw { old, how: h } if key(*old) == row.key => how(h),
                Step::Redraw { old, how: h } => format!("from {}, {}", key(*old), how(h)),
                Step::PutBack { before, how: h } => {
                    format!("put back {}, {}", place(before), how(h))
                }
                Step::Draw { before } => format!("draw {}", place(before)),
            };
            lines.push(format!("{}: {text}", row.key));
        }
        assert_eq!(lines, expected);
    }

    fn words(head: &str, changes: &[Change]) -> String {
        let mut s = head.to_owned();
        for change in changes {
            s.push(' ');
            s.push_str(&match *change {
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
            });
        }
        s
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
