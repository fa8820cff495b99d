//! [`BarsPainter`]: the rows of a bar chart, its axis, its row-limit line and its tooltip.

use web_sys::{Element, HtmlElement, Node};

use super::dom::{append, append_text, attr, classes, element, set_style, set_text, set_text_if};
use crate::chart::{Action, BarRow, Marker, RowLimit, Segment, Tick};

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

/// Stable DOM id of a bar row, so focus can return to it after a redraw.
fn row_dom_id(chart: &str, row: &BarRow) -> String {
    let mut id = format!("td-{chart}-{}", row.key);
    id.retain(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    id
}

/// Every segment's value, for screen readers and the row's keyboard tooltip (rows of several
/// segments only).
fn row_details(row: &BarRow) -> Option<String> {
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
fn row_name(row: &BarRow) -> Option<String> {
    let details = row_details(row)?;
    Some(format!("{} {}: {details}", row.label, row.value_text))
}

/// How a row is drawn. Rows of the same shape are updated in place; a new shape is rebuilt.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RowKind {
    /// A row button: a large target whose name is its visible text.
    Button,
    /// A static row whose data points are focusable images.
    Static,
}

#[derive(PartialEq)]
struct Shape {
    kind: RowKind,
    /// Per segment: pressable on its own (inside a row button).
    segments: Vec<bool>,
    markers: usize,
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
    /// The row's accessible name carries every segment's value (`aria-label`, see `row_name`).
    named: bool,
}

struct DrawnRow {
    row: BarRow,
    shape: Shape,
    elements: RowElements,
}

/// What a tooltip describes, by row index: all values of a row (`data-tip="row"`), a segment
/// (`"2"`) or a marker (`"m0"`).
#[derive(Clone, Copy, PartialEq)]
enum TipOf {
    Row(usize),
    Segment(usize, usize),
    Marker(usize, usize),
}

/// How many rows taken out of a chart are kept to be put back ([`BarsPainter::paint_by_key`]).
const SET_ASIDE_ROWS: usize = 64;

/// `data-act` and `data-tip` codes name a part within its row ("row", segment "2", marker
/// "m0"), not the row: the row is found from the element, so rows can come and go around it.
const ROW_CODE: &str = "row";
/// `data-act` of the button that draws every row of a long chart, or the first ones.
const MORE_CODE: &str = "more";

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
    /// built again when the reader switches back.
    set_aside: Vec<DrawnRow>,
    ticks: Vec<Tick>,
    axis: Option<HtmlElement>,
    tip: HtmlElement,
    tip_text: Node,
    /// Where the tip is, if anywhere.
    tip_of: Option<TipOf>,
    /// Drawn while the chart leaves rows out, or could (after the rows and the axis).
    more: Option<RowLimitLine>,
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
        }
    }

    fn shape(&self, row: &BarRow) -> Shape {
        let pressable = self.interactive() && row.action.is_some();
        Shape {
            kind: if pressable {
                RowKind::Button
            } else {
                RowKind::Static
            },
            segments: row
                .segments
                .iter()
                .map(|s| pressable && s.action.is_some() && row.segments.len() > 1)
                .collect(),
            markers: row.markers.len(),
        }
    }

    /// Brings the DOM to `rows`, `ticks` and `limit`, touching only what differs from the last
    /// paint.
    pub fn paint(&mut self, rows: &[BarRow], ticks: &[Tick], limit: Option<&RowLimit>) {
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
        if self.only_added_or_removed(rows) {
            self.paint_by_key(rows);
        } else {
            self.paint_by_position(rows);
        }
        if self.ticks != ticks {
            if let Some(axis) = self.axis.take() {
                axis.remove();
            }
            if !ticks.is_empty() {
                let axis = build_axis(ticks);
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

    /// True when the rows that stay keep their order (keys unique): rows were only added or
    /// removed, e.g. the unit-kind filter hid or showed a kind of units.
    fn only_added_or_removed(&self, rows: &[BarRow]) -> bool {
        let old: Vec<&str> = self.rows.iter().map(|d| d.row.key.as_str()).collect();
        let new: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        let unique = |keys: &[&str]| (keys.iter().enumerate()).all(|(i, k)| !keys[..i].contains(k));
        let kept_old = old.iter().filter(|k| new.contains(k));
        let kept_new = new.iter().filter(|k| old.contains(k));
        unique(&old) && unique(&new) && kept_old.eq(kept_new)
    }

    /// Rows matched by key: a row that stays keeps its elements and, when its figures are the
    /// same, is not touched at all (no text to lay out again).
    fn paint_by_key(&mut self, rows: &[BarRow]) {
        let (kept, gone): (Vec<_>, Vec<_>) = std::mem::take(&mut self.rows)
            .into_iter()
            .partition(|drawn| rows.iter().any(|r| r.key == drawn.row.key));
        for drawn in gone {
            self.take_out(drawn);
        }
        let mut old = kept.into_iter();
        let mut next = old.next();
        for row in rows {
            match next.take() {
                Some(mut drawn) if drawn.row.key == row.key => {
                    self.redraw(&mut drawn, row);
                    self.rows.push(drawn);
                    next = old.next();
                }
                later => {
                    let before = match &later {
                        Some(drawn) => Some(drawn.elements.root.clone().into()),
                        None => self.end_node(),
                    };
                    let drawn = (self.put_back(row, before.as_ref()))
                        .unwrap_or_else(|| self.draw(row, before.as_ref()));
                    self.rows.push(drawn);
                    next = later;
                }
            }
        }
    }

    /// Takes a row out of the page and keeps it (one per key, the newest; the oldest go
    /// first beyond [`SET_ASIDE_ROWS`]).
    fn take_out(&mut self, drawn: DrawnRow) {
        drawn.elements.root.remove();
        self.set_aside.retain(|d| d.row.key != drawn.row.key);
        if self.set_aside.len() == SET_ASIDE_ROWS {
            self.set_aside.remove(0);
        }
        self.set_aside.push(drawn);
    }

    /// The row set aside for `row`'s key, inserted before `before` and brought to `row`.
    fn put_back(&mut self, row: &BarRow, before: Option<&Node>) -> Option<DrawnRow> {
        let i = self.set_aside.iter().position(|d| d.row.key == row.key)?;
        let mut drawn = self.set_aside.remove(i);
        let _ = self.container.insert_before(&drawn.elements.root, before);
        self.redraw(&mut drawn, row);
        Some(drawn)
    }

    /// Brings a drawn row of this chart to `row` ([`redraw_row`]).
    fn redraw(&self, drawn: &mut DrawnRow, row: &BarRow) {
        redraw_row(&self.container, self.chart, drawn, row, self.shape(row));
    }

    /// Rows matched by position: texts and widths change in place.
    fn paint_by_position(&mut self, rows: &[BarRow]) {
        for (i, row) in rows.iter().enumerate() {
            let shape = self.shape(row);
            match self.rows.get_mut(i) {
                Some(drawn) => redraw_row(&self.container, self.chart, drawn, row, shape),
                None => {
                    let drawn = self.draw(row, self.end_node().as_ref());
                    self.rows.push(drawn);
                }
            }
        }
        for gone in self.rows.drain(rows.len().min(self.rows.len())..) {
            gone.elements.root.remove();
        }
    }

    /// A new row, inserted before `before` (at the end without it).
    fn draw(&self, row: &BarRow, before: Option<&Node>) -> DrawnRow {
        let shape = self.shape(row);
        let elements = build_row(self.chart, row, &shape);
        let _ = self.container.insert_before(&elements.root, before);
        DrawnRow {
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

fn build_axis(ticks: &[Tick]) -> HtmlElement {
    let axis = element("div", "td-row td-axis");
    attr(&axis, "aria-hidden", "true");
    let track = element("span", "td-track");
    append(&axis, &element("span", ""));
    append(&axis, &track);
    append(&axis, &element("span", ""));
    for tick in ticks {
        let el = element("span", "td-tick");
        set_style(&el, "left", tick.at);
        append_text(&el, &tick.label);
        append(&track, &el);
    }
    axis
}

fn build_segment(index: usize, segment: &Segment, shape: &Shape) -> HtmlElement {
    let el = element("span", &segment_class(segment));
    set_style(&el, "left", segment.start);
    set_style(&el, "width", segment.end - segment.start);
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

fn build_marker(index: usize, marker: &Marker) -> HtmlElement {
    let el = element("span", "td-marker");
    set_style(&el, "left", marker.at);
    attr(&el, "data-tip", &format!("m{index}"));
    attr(&el, "tabindex", "0");
    attr(&el, "role", "img");
    attr(&el, "aria-label", &marker.label);
    el
}

fn segment_class(s: &Segment) -> String {
    classes(
        &format!("td-seg {}", s.series.class()),
        s.selected,
        s.dimmed,
    )
}

fn row_class(row: &BarRow, kind: RowKind) -> String {
    match kind {
        RowKind::Button => classes("td-row td-row-button", row.selected, row.dimmed),
        RowKind::Static => "td-row".to_owned(),
    }
}

fn build_row(chart: &str, row: &BarRow, shape: &Shape) -> RowElements {
    let root = match shape.kind {
        RowKind::Button => {
            let button = element("button", "");
            attr(&button, "type", "button");
            attr(&button, "data-act", ROW_CODE);
            button.set_id(&row_dom_id(chart, row));
            attr(
                &button,
                "aria-pressed",
                if row.selected { "true" } else { "false" },
            );
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
        .map(|(i, s)| build_segment(i, s, shape))
        .collect();
    let markers: Vec<_> = (row.markers.iter().enumerate())
        .map(|(i, m)| build_marker(i, m))
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
    let named = match (shape.kind, row_name(row)) {
        (RowKind::Button, Some(name)) => {
            attr(&root, "data-tip", ROW_CODE);
            attr(&root, "aria-label", &name);
            true
        }
        _ => false,
    };
    RowElements {
        root,
        track,
        label,
        value,
        segments,
        markers,
        named,
    }
}

/// Brings a drawn row to `row`: in place when its shape is the same or only its segments come
/// and go, else a new row in its place.
fn redraw_row(
    container: &HtmlElement,
    chart: &str,
    drawn: &mut DrawnRow,
    row: &BarRow,
    shape: Shape,
) {
    if drawn.shape == shape {
        update_row(chart, drawn, row, false);
    } else if resegment(drawn, row, &shape) {
        drawn.shape = shape;
        // A segment gone or new changes the row's name even when the others' labels do not.
        update_row(chart, drawn, row, true);
    } else {
        let elements = build_row(chart, row, &shape);
        let _ = container.replace_child(&elements.root, &drawn.elements.root);
        *drawn = DrawnRow {
            row: row.clone(),
            shape,
            elements,
        };
    }
}

/// When only a row's segments come and go (a unit's count of a status falls to zero or rises
/// from it as the filters change), matches them by series: a kept segment keeps its element,
/// a new one is built, a gone one removed, and the row is not built again (measured at 100k
/// tasks: a search rebuilt ~5 of the 33 unit rows). Afterwards `drawn.row.segments` holds, per
/// new segment, what its element shows, for [`update_row`] to bring up to date. False, with
/// nothing changed, when the row must be rebuilt instead.
fn resegment(drawn: &mut DrawnRow, row: &BarRow, shape: &Shape) -> bool {
    let (old, old_shape) = (&drawn.row, &drawn.shape);
    let unique = |segments: &[Segment]| {
        (segments.iter().enumerate())
            .all(|(i, s)| segments[..i].iter().all(|o| o.series != s.series))
    };
    let only_segments = old_shape.kind == shape.kind && old_shape.markers == shape.markers;
    // More than one segment before and after: the row's name and tip stay the same kind.
    let named_alike = old.segments.len() > 1 && row.segments.len() > 1;
    if !(only_segments && named_alike && unique(&old.segments) && unique(&row.segments)) {
        return false;
    }
    let mut old_elements: Vec<Option<HtmlElement>> = std::mem::take(&mut drawn.elements.segments)
        .into_iter()
        .map(Some)
        .collect();
    let mut shown = Vec::with_capacity(row.segments.len());
    let mut elements = Vec::with_capacity(row.segments.len());
    for (i, segment) in row.segments.iter().enumerate() {
        let kept = (old.segments.iter().position(|o| o.series == segment.series))
            .and_then(|j| Some((j, old_elements[j].take()?)));
        match kept {
            Some((j, el)) => {
                if i != j {
                    attr(&el, "data-tip", &i.to_string());
                }
                match (old_shape.segments[j], shape.segments[i]) {
                    (was, true) if !was || i != j => attr(&el, "data-act", &i.to_string()),
                    (true, false) => {
                        let _ = el.remove_attribute("data-act");
                    }
                    _ => {}
                }
                shown.push(old.segments[j].clone());
                elements.push(el);
            }
            None => {
                shown.push(segment.clone());
                elements.push(build_segment(i, segment, shape));
            }
        }
    }
    for gone in old_elements.into_iter().flatten() {
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
    drawn.row.segments = shown;
    drawn.elements.segments = elements;
    true
}

/// Updates a row of the same shape in place; `name_stale`: its accessible name must be
/// written whatever else changed.
fn update_row(chart: &str, drawn: &mut DrawnRow, row: &BarRow, name_stale: bool) {
    let (old, els, kind) = (&drawn.row, &drawn.elements, drawn.shape.kind);
    if old == row && !name_stale {
        return;
    }
    let class = row_class(row, kind);
    if class != row_class(old, kind) {
        els.root.set_class_name(&class);
    }
    if kind == RowKind::Button {
        if old.key != row.key {
            els.root.set_id(&row_dom_id(chart, row));
        }
        if old.selected != row.selected {
            attr(
                &els.root,
                "aria-pressed",
                if row.selected { "true" } else { "false" },
            );
        }
    }
    set_text_if(&els.label, &old.label, &row.label);
    set_text_if(&els.value, &old.value_text, &row.value_text);
    for ((old_s, new_s), el) in old.segments.iter().zip(&row.segments).zip(&els.segments) {
        if old_s.start != new_s.start {
            set_style(el, "left", new_s.start);
        }
        if old_s.end - old_s.start != new_s.end - new_s.start {
            set_style(el, "width", new_s.end - new_s.start);
        }
        let class = segment_class(new_s);
        if class != segment_class(old_s) {
            el.set_class_name(&class);
        }
        if old_s.label != new_s.label && kind == RowKind::Static {
            attr(el, "aria-label", &new_s.label);
        }
    }
    for ((old_m, new_m), el) in old.markers.iter().zip(&row.markers).zip(&els.markers) {
        if old_m.at != new_m.at {
            set_style(el, "left", new_m.at);
        }
        if old_m.label != new_m.label {
            attr(el, "aria-label", &new_m.label);
        }
    }
    let name_changed = name_stale
        || old.label != row.label
        || old.value_text != row.value_text
        || (old.segments.iter().zip(&row.segments)).any(|(o, n)| o.label != n.label);
    if let (true, true, Some(name)) = (els.named, name_changed, row_name(row)) {
        attr(&els.root, "aria-label", &name);
    }
    drawn.row = row.clone();
}
