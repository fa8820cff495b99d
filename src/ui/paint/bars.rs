//! [`BarsPainter`]: the rows of a bar chart, its axis, its row-limit line and its tooltip. The
//! rows are redrawn as [`crate::redraw::bars::plan`] says.

use web_sys::{Element, HtmlElement, Node};

use super::dom::{append, append_text, attr, element, set_style, set_text};
use crate::chart::{Action, BarRow, Marker, RowLimit, Segment, Tick};
use crate::redraw::bars::{
    along, bars_class, changes, plan, pressed, redraw, row_class, row_details, row_dom_id,
    row_name, segment_class, set_aside, Along, Change, Drawn, Plan, Redraw, RowKind, Shape, Step,
    Write, MORE_CODE, ROW_CODE,
};

/// The line that closes a long chart: "Showing 10 of 33 units." and, in an interactive chart,
/// the button that draws every row or the first ones again (`data-act="more"`). The button
/// stays the same element, so it keeps the keyboard focus when pressed.
struct RowLimitLine {
    line: HtmlElement,
    note: Node,
    button: Option<(HtmlElement, Node)>,
    /// What it shows (texts and the button's action).
    drawn: Option<RowLimit>,
}

impl RowLimitLine {
    fn new(interactive: bool, controls: &str) -> RowLimitLine {
        let line = element("p", "td-more");
        let note = append_text(&line, "");
        let button = interactive.then(|| {
            let _ = line.append_with_str_1(" ");
            let button = element("button", "td-small-button");
            attr(&button, "type", "button");
            attr(&button, "data-act", MORE_CODE);
            attr(&button, "aria-controls", controls);
            append(&line, &button);
            let text = append_text(&button, "");
            (button, text)
        });
        RowLimitLine {
            line,
            note,
            button,
            drawn: None,
        }
    }

    /// Only when it changed: most filter changes redraw the rows, not this line.
    fn paint(&mut self, limit: &RowLimit) {
        if self.drawn.as_ref() == Some(limit) {
            return;
        }
        set_text(&self.note, &limit.note);
        if let Some((button, text)) = &self.button {
            set_text(text, &limit.toggle);
            let expanded = if limit.all_drawn() { "true" } else { "false" };
            attr(button, "aria-expanded", expanded);
            button.set_hidden(limit.action.is_none());
        }
        self.drawn = Some(limit.clone());
    }
}

/// The elements of one drawn row.
struct RowElements {
    root: HtmlElement,
    track: HtmlElement,
    /// Text nodes of the label and the value.
    label: Node,
    value: Node,
    segments: Vec<HtmlElement>,
    markers: Vec<HtmlElement>,
}

type DrawnRow = Drawn<RowElements>;

/// What a tooltip describes, by row index: all values of a row (`data-tip="row"`), a segment
/// (`"2"`) or a marker (`"m0"`).
#[derive(Clone, Copy, PartialEq)]
enum TipOf {
    Row(usize),
    Segment(usize, usize),
    Marker(usize, usize),
}

impl TipOf {
    fn parse(row: usize, code: &str) -> Option<TipOf> {
        Some(match code {
            ROW_CODE => TipOf::Row(row),
            _ => match code.strip_prefix('m') {
                Some(m) => TipOf::Marker(row, m.parse().ok()?),
                None => TipOf::Segment(row, code.parse().ok()?),
            },
        })
    }

    fn row(self) -> usize {
        let (TipOf::Row(r) | TipOf::Segment(r, _) | TipOf::Marker(r, _)) = self;
        r
    }
}

/// Draws the rows of a [`crate::chart::BarChart`] into its `.td-bars` container.
///
/// Tooltips: one per chart, moved into the segment, marker or row the pointer is over or the
/// keyboard is on ([`BarsPainter::show_tip`]); CSS shows it while that element is hovered or
/// focused. One tip per data point doubled the elements restyled on every filter change.
pub struct BarsPainter {
    container: HtmlElement,
    chart: &'static str,
    interactive: bool,
    rows: Vec<DrawnRow>,
    /// Rows taken out by key (e.g. a unit kind filtered out), kept to be put back instead of
    /// built again when the reader switches back ([`set_aside`]).
    set_aside: Vec<DrawnRow>,
    ticks: Vec<Tick>,
    axis: Option<HtmlElement>,
    tip: HtmlElement,
    tip_text: Node,
    /// Where the tip is, if anywhere.
    tip_of: Option<TipOf>,
    /// Drawn while the chart leaves rows out, or could (after the rows and the axis).
    more: Option<RowLimitLine>,
    /// Drawn as columns ([`crate::chart::BarChart::columns`]).
    columns: bool,
}

impl BarsPainter {
    /// Constant `false` in the reader build, whose charts have no actions: the compiler then
    /// drops the code of buttons.
    fn interactive(&self) -> bool {
        cfg!(feature = "staff") && self.interactive
    }

    pub fn new(container: HtmlElement, chart: &'static str, interactive: bool) -> BarsPainter {
        let tip = element("span", "td-tip");
        attr(&tip, "aria-hidden", "true");
        let tip_text = append_text(&tip, "");
        BarsPainter {
            container,
            chart,
            interactive,
            rows: Vec::new(),
            set_aside: Vec::new(),
            ticks: Vec::new(),
            axis: None,
            tip,
            tip_text,
            tip_of: None,
            more: None,
            columns: false,
        }
    }

    fn along(&self) -> Along {
        along(self.columns)
    }

    /// Brings the DOM to `rows`, `ticks` and `limit`, as columns or bars, touching only what
    /// differs from the last paint. Between columns and bars, every row and the axis are drawn
    /// anew (a reader's choice of periods, not a filter change).
    pub fn paint(
        &mut self,
        rows: &[BarRow],
        ticks: &[Tick],
        limit: Option<&RowLimit>,
        columns: bool,
    ) {
        if columns != self.columns {
            for gone in self.rows.drain(..).chain(self.set_aside.drain(..)) {
                gone.elements.root.remove();
            }
            if let Some(axis) = self.axis.take() {
                axis.remove();
            }
            self.ticks.clear();
            self.hide_tip();
            self.columns = columns;
            self.container.set_class_name(bars_class(columns));
        }
        match (limit, &mut self.more) {
            (Some(limit), Some(more)) => more.paint(limit),
            (Some(limit), None) => {
                let controls = self.container.id();
                let mut more = RowLimitLine::new(self.interactive(), &controls);
                more.paint(limit);
                append(&self.container, &more.line);
                self.more = Some(more);
            }
            (None, more) => {
                if let Some(more) = more.take() {
                    more.line.remove();
                }
            }
        }
        self.paint_rows(rows);
        if self.ticks != ticks {
            if let Some(axis) = self.axis.take() {
                axis.remove();
            }
            if !ticks.is_empty() {
                let axis = build_axis(ticks, self.along());
                let more = self.more.as_ref().map(|m| m.line.clone().into());
                let _ = self.container.insert_before(&axis, more.as_ref());
                self.axis = Some(axis);
            }
            self.ticks = ticks.to_vec();
        }
        // A tip on show keeps saying what its element now shows, wherever its row now is and
        // whichever index its segment now has: read again from the element it is in.
        let tip_of = (self.tip_of.and(self.tip.parent_element())).and_then(|el| self.tip_at(&el));
        match tip_of.and_then(|of| self.tip_content(of)) {
            Some((text, _)) => {
                set_text(&self.tip_text, &text);
                self.tip_of = tip_of;
            }
            None => self.hide_tip(),
        }
    }

    /// Brings the drawn rows to `rows` as [`plan`] says: rows that leave are removed (or set
    /// aside, matched by key), and each row is a drawn row brought up to date, a row put back
    /// or a new one.
    fn paint_rows(&mut self, rows: &[BarRow]) {
        let Plan {
            by_key,
            gone,
            rows: steps,
        } = plan(&self.rows, &self.set_aside, rows);
        let mut drawn = std::mem::take(&mut self.rows);
        // In order, so that the rows set aside stay oldest first.
        for (removed, i) in gone.into_iter().enumerate() {
            let gone = drawn.remove(i - removed);
            gone.elements.root.remove();
            if by_key {
                set_aside(&mut self.set_aside, gone);
            }
        }
        // The rows that stay keep their order: new row `j` is the drawn row now at `j`, or
        // goes before it (at the end without it).
        for (j, (step, row)) in steps.into_iter().zip(rows).enumerate() {
            let aside = match step {
                Step::PutBack => self.set_aside.iter().position(|d| d.row.key == row.key),
                _ => None,
            };
            match (step, aside) {
                (Step::Redraw, _) => {}
                (Step::PutBack, Some(i)) => {
                    let back = self.set_aside.remove(i);
                    let before = self.before(drawn.get(j));
                    let _ = (self.container).insert_before(&back.elements.root, before.as_ref());
                    drawn.insert(j, back);
                }
                _ => {
                    let new = self.draw(row, self.before(drawn.get(j)));
                    drawn.insert(j, new);
                    continue;
                }
            }
            if let Some(drawn) = drawn.get_mut(j) {
                self.redraw(drawn, row);
            }
        }
        self.rows = drawn;
    }

    /// Where a row put back or new goes: before `next`, the next drawn row that stays, or at
    /// the end.
    fn before(&self, next: Option<&DrawnRow>) -> Option<Node> {
        match next {
            Some(next) => Some(next.elements.root.clone().into()),
            None => self.end_node(),
        }
    }

    /// Brings a drawn row of this chart to `row` as [`redraw`] says: in place when its shape is
    /// the same or only its segments come and go, else a new row in its place.
    fn redraw(&self, drawn: &mut DrawnRow, row: &BarRow) {
        match redraw(drawn, row, self.interactive()) {
            Redraw::Keep => return,
            Redraw::Rebuild => {
                let shape = Shape::of(row, self.interactive());
                let elements = build_row(self.chart, row, &shape, self.along());
                let _ = (self.container).replace_child(&elements.root, &drawn.elements.root);
                drawn.shape = shape;
                drawn.elements = elements;
            }
            how => {
                if let Redraw::Resegment { shape, kept } = &how {
                    resegment(drawn, row, shape, kept, self.along());
                }
                let (els, kind) = (&drawn.elements, drawn.shape.kind);
                let mut writer = RowWriter {
                    chart: self.chart,
                    els,
                    kind,
                    row,
                    along: self.along(),
                };
                changes(&drawn.row, &drawn.shape, row, &how, &mut writer);
                if let Redraw::Resegment { shape, .. } = how {
                    drawn.shape = shape;
                }
            }
        }
        drawn.row = row.clone();
    }

    /// A new row, inserted before `before` (at the end without it).
    fn draw(&self, row: &BarRow, before: Option<Node>) -> DrawnRow {
        let shape = Shape::of(row, self.interactive());
        let elements = build_row(self.chart, row, &shape, self.along());
        let _ = self
            .container
            .insert_before(&elements.root, before.as_ref());
        Drawn {
            row: row.clone(),
            shape,
            elements,
        }
    }

    /// New rows go before the axis or the row-limit line, which close the chart.
    fn end_node(&self) -> Option<Node> {
        let more = self.more.as_ref().map(|m| &m.line);
        self.axis.as_ref().or(more).map(|a| a.clone().into())
    }

    /// The index of the drawn row that holds `el`.
    fn row_of(&self, el: &Node) -> Option<usize> {
        self.rows
            .iter()
            .position(|d| d.elements.root.contains(Some(el)))
    }

    /// The action of the element a click landed on: `data-act="row"` or `"row.segment"`.
    pub fn action_at(&self, target: &Element) -> Option<Action> {
        let hit = target.closest("[data-act]").ok().flatten()?;
        let code = hit.get_attribute("data-act")?;
        if code == MORE_CODE {
            return self.more.as_ref()?.drawn.as_ref()?.action;
        }
        let row = &self.rows.get(self.row_of(&hit)?)?.row;
        match code.as_str() {
            ROW_CODE => row.action,
            segment => row.segments.get(segment.parse::<usize>().ok()?)?.action,
        }
    }

    /// Puts the chart's tooltip, with its text, in the element under `target` that has one.
    pub fn show_tip(&mut self, target: &Element) {
        let of = self.tip_at(target);
        let Some((of, (text, host))) = of.and_then(|of| Some((of, self.tip_content(of)?))) else {
            return;
        };
        set_text(&self.tip_text, &text);
        self.tip.set_class_name(match of {
            TipOf::Row(_) => "td-tip td-tip-row",
            _ => "td-tip",
        });
        if self.tip.parent_element().as_ref() != Some(&host) {
            append(&host, &self.tip);
        }
        self.tip_of = Some(of);
    }

    /// The tip of the element `el` is in (`data-tip`), if any.
    fn tip_at(&self, el: &Element) -> Option<TipOf> {
        let host = el.closest("[data-tip]").ok().flatten()?;
        TipOf::parse(self.row_of(&host)?, &host.get_attribute("data-tip")?)
    }

    fn hide_tip(&mut self) {
        self.tip.remove();
        self.tip_of = None;
    }

    /// The tip's text and the element it goes in (a row's tip goes in its track).
    fn tip_content(&self, of: TipOf) -> Option<(String, Element)> {
        let DrawnRow { row, elements, .. } = self.rows.get(of.row())?;
        Some(match of {
            TipOf::Row(_) => (row_details(row)?, elements.track.clone().into()),
            TipOf::Segment(_, s) => (
                row.segments.get(s)?.label.clone(),
                elements.segments.get(s)?.clone().into(),
            ),
            TipOf::Marker(_, m) => (
                row.markers.get(m)?.label.clone(),
                elements.markers.get(m)?.clone().into(),
            ),
        })
    }
}

fn build_axis(ticks: &[Tick], along: Along) -> HtmlElement {
    let axis = element("div", "td-row td-axis");
    attr(&axis, "aria-hidden", "true");
    let track = element("span", "td-track");
    append(&axis, &element("span", ""));
    append(&axis, &track);
    append(&axis, &element("span", ""));
    for tick in ticks {
        let el = element("span", "td-tick");
        set_style(&el, along.start, tick.at);
        append_text(&el, &tick.label);
        append(&track, &el);
    }
    axis
}

fn build_segment(index: usize, segment: &Segment, shape: &Shape, along: Along) -> HtmlElement {
    let el = element("span", &segment_class(segment));
    set_style(&el, along.start, segment.start);
    set_style(&el, along.length, segment.end - segment.start);
    attr(&el, "data-tip", &index.to_string());
    if shape.segments[index] {
        // Inside a row button: a pointer can pick one segment (unit and status); the keyboard
        // picks the row (unit) and a legend entry (status), both large targets.
        attr(&el, "data-act", &index.to_string());
    } else if shape.kind == RowKind::Static {
        // A static data point: still reachable with the keyboard, value shown on focus.
        attr(&el, "tabindex", "0");
        attr(&el, "role", "img");
        attr(&el, "aria-label", &segment.label);
    }
    el
}

fn build_marker(index: usize, marker: &Marker, along: Along) -> HtmlElement {
    let el = element("span", "td-marker");
    set_style(&el, along.start, marker.at);
    attr(&el, "data-tip", &format!("m{index}"));
    attr(&el, "tabindex", "0");
    attr(&el, "role", "img");
    attr(&el, "aria-label", &marker.label);
    el
}

fn build_row(chart: &str, row: &BarRow, shape: &Shape, along: Along) -> RowElements {
    let root = match shape.kind {
        RowKind::Button => {
            let button = element("button", "");
            attr(&button, "type", "button");
            attr(&button, "data-act", ROW_CODE);
            button.set_id(&row_dom_id(chart, row));
            attr(&button, "aria-pressed", pressed(row));
            button
        }
        RowKind::Static => element("div", ""),
    };
    root.set_class_name(&row_class(row, shape.kind));
    let label_el = element("span", "td-label");
    let label = append_text(&label_el, &row.label);
    let track = element("span", "td-track");
    let value_el = element("span", "td-value");
    let value = append_text(&value_el, &row.value_text);
    let segments: Vec<_> = (row.segments.iter().enumerate())
        .map(|(i, s)| build_segment(i, s, shape, along))
        .collect();
    let markers: Vec<_> = (row.markers.iter().enumerate())
        .map(|(i, m)| build_marker(i, m, along))
        .collect();
    for el in segments.iter().chain(&markers) {
        append(&track, el);
    }
    // Spaces between the parts give the button a readable accessible name.
    let spaced = shape.kind == RowKind::Button;
    append(&root, &label_el);
    if spaced {
        append_text(&root, " ");
    }
    append(&root, &track);
    if spaced {
        append_text(&root, " ");
    }
    append(&root, &value_el);
    if let (RowKind::Button, Some(name)) = (shape.kind, row_name(row)) {
        attr(&root, "data-tip", ROW_CODE);
        attr(&root, "aria-label", &name);
    }
    RowElements {
        root,
        track,
        label,
        value,
        segments,
        markers,
    }
}

/// Makes the segment elements of a drawn row those of `row` ([`Redraw::Resegment`]): a kept
/// segment keeps its element, a new one is built, a gone one removed; the row is not built
/// again.
fn resegment(
    drawn: &mut DrawnRow,
    row: &BarRow,
    shape: &Shape,
    kept: &[Option<usize>],
    along: Along,
) {
    let mut old: Vec<Option<HtmlElement>> = std::mem::take(&mut drawn.elements.segments)
        .into_iter()
        .map(Some)
        .collect();
    let elements: Vec<HtmlElement> = (kept.iter().zip(&row.segments).enumerate())
        .map(|(i, (j, segment))| {
            (j.and_then(|j| old.get_mut(j)?.take()))
                .unwrap_or_else(|| build_segment(i, segment, shape, along))
        })
        .collect();
    for gone in old.into_iter().flatten() {
        gone.remove();
    }
    // New segments go before the next kept one (or the markers), keeping the series' order.
    let track = &drawn.elements.track;
    for (i, el) in elements.iter().enumerate() {
        if el.parent_node().is_none() {
            let next_kept = elements[i + 1..].iter().find(|e| e.parent_node().is_some());
            let before: Option<Node> = next_kept
                .or(drawn.elements.markers.first())
                .map(|e| e.clone().into());
            let _ = track.insert_before(el, before.as_ref());
        }
    }
    drawn.elements.segments = elements;
}

/// Writes the changes of a row updated in place ([`changes`]), from `row`, into its elements.
struct RowWriter<'a> {
    chart: &'a str,
    els: &'a RowElements,
    kind: RowKind,
    row: &'a BarRow,
    along: Along,
}

impl Write for RowWriter<'_> {
    /// Inlined where [`changes`] tells each change, so each place keeps only its own write.
    #[inline(always)]
    fn write(&mut self, change: Change) {
        let RowWriter {
            chart,
            els,
            kind,
            row,
            along,
        } = *self;
        match change {
            Change::Class => els.root.set_class_name(&row_class(row, kind)),
            Change::Id => els.root.set_id(&row_dom_id(chart, row)),
            Change::Pressed => attr(&els.root, "aria-pressed", pressed(row)),
            Change::Label => set_text(&els.label, &row.label),
            Change::Value => set_text(&els.value, &row.value_text),
            Change::SegmentStart(i)
            | Change::SegmentWidth(i)
            | Change::SegmentClass(i)
            | Change::SegmentLabel(i)
            | Change::SegmentTip(i)
            | Change::SegmentAct(i)
            | Change::SegmentActGone(i) => {
                let (Some(el), Some(s)) = (els.segments.get(i), row.segments.get(i)) else {
                    return;
                };
                match change {
                    Change::SegmentStart(_) => set_style(el, along.start, s.start),
                    Change::SegmentWidth(_) => set_style(el, along.length, s.end - s.start),
                    Change::SegmentClass(_) => el.set_class_name(&segment_class(s)),
                    Change::SegmentLabel(_) => attr(el, "aria-label", &s.label),
                    Change::SegmentTip(_) => attr(el, "data-tip", &i.to_string()),
                    Change::SegmentAct(_) => attr(el, "data-act", &i.to_string()),
                    _ => {
                        let _ = el.remove_attribute("data-act");
                    }
                }
            }
            Change::MarkerAt(i) | Change::MarkerLabel(i) => {
                let (Some(el), Some(m)) = (els.markers.get(i), row.markers.get(i)) else {
                    return;
                };
                match change {
                    Change::MarkerAt(_) => set_style(el, along.start, m.at),
                    _ => attr(el, "aria-label", &m.label),
                }
            }
            Change::Name => {
                if let Some(name) = row_name(row) {
                    attr(&els.root, "aria-label", &name);
                }
            }
        }
    }
}
