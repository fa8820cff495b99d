//! The few DOM calls the painters make, each behind one small function.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

use crate::redraw::bars::percent;

fn document() -> web_sys::Document {
    leptos::prelude::document()
}

/// `<tag class=…>` (an empty class is left out).
pub(super) fn element(tag: &str, class: &str) -> HtmlElement {
    let el = document()
        .create_element(tag)
        .expect("createElement of a static tag name"); // never fails for a valid name
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el.unchecked_into()
}

pub(super) fn attr(el: &Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

pub(super) fn append(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}

/// Appends a text node and returns it. Texts are later changed through the node itself
/// ([`set_text`]): replacing an element's text node instead (`textContent`) re-attaches it to
/// the layout tree and restyles it.
pub(super) fn append_text(parent: &Element, text: &str) -> Node {
    let node: Node = document().create_text_node(text).into();
    let _ = parent.append_child(&node);
    node
}

pub(super) fn set_text(node: &Node, text: &str) {
    node.set_node_value(Some(text));
}

/// Positions go through the CSSOM (`style.setProperty`): a strict CSP forbids style attributes.
pub(super) fn set_style(el: &HtmlElement, property: &str, fraction: f64) {
    let _ = el.style().set_property(property, &percent(fraction));
}
