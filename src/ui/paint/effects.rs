//! The painters' effects: when a painter draws. [`paint_effect`] draws on every change of
//! what its drawing reads; [`paint_effect_in_view_first`] holds a change back until after the
//! frame while its part is out of view.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::html::ElementType;
use leptos::prelude::{Effect, Get, NodeRef};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

#[cfg(feature = "staff")]
use super::dom::attr;

/// The painter of `target`'s element, made by `make` once the element is in the page, with an
/// effect that runs `draw` on it again whenever what `draw` reads changes. The painter is
/// returned for event handlers that look up what it drew.
pub fn paint_effect<E, P: 'static>(
    target: NodeRef<E>,
    make: impl Fn(HtmlElement) -> P + 'static,
    draw: impl Fn(&mut P) + 'static,
) -> Rc<RefCell<Option<P>>>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let painter = Rc::new(RefCell::new(None));
    Effect::new({
        let painter = Rc::clone(&painter);
        move |_| {
            let Some(element) = target.get() else {
                return;
            };
            let mut painter = painter.borrow_mut();
            draw(painter.get_or_insert_with(|| make(element.unchecked_into())));
        }
    });
    painter
}

/// Like [`paint_effect`], for a part readers often scroll past (the task table under the
/// charts), drawn from one memo: while `target` is out of the viewport, a change is painted
/// after the next frame rather than before it, so drawing what the reader cannot see does not
/// delay the frame that shows what they can (the change's input delay). Until then the element
/// is `aria-busy`: screen readers, and the browser tests, take it as "being updated". In the
/// viewport, or before the first observation, it paints at once.
#[cfg(feature = "staff")]
pub fn paint_effect_in_view_first<E, P, T>(
    target: NodeRef<E>,
    make: impl Fn(HtmlElement) -> P + 'static,
    model: leptos::prelude::Memo<T>,
    paint: impl Fn(&mut P, &T) + 'static,
) where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
    P: 'static,
    T: Send + Sync + 'static,
{
    use leptos::prelude::{request_animation_frame, set_timeout, Track, WithUntracked};
    use std::cell::Cell as StdCell;
    use std::time::Duration;

    struct Deferred<P> {
        painter: P,
        element: HtmlElement,
        in_view: Rc<StdCell<bool>>,
        pending: bool,
        _observer: Option<crate::ui::browser::InView>,
    }
    let state: Rc<RefCell<Option<Deferred<P>>>> = Rc::new(RefCell::new(None));
    let paint = Rc::new(paint);
    Effect::new(move |_| {
        let Some(element) = target.get() else {
            return;
        };
        model.track();
        let mut slot = state.borrow_mut();
        let s = slot.get_or_insert_with(|| {
            let element: HtmlElement = element.unchecked_into();
            let in_view = Rc::new(StdCell::new(true));
            let flag = Rc::clone(&in_view);
            Deferred {
                painter: make(element.clone()),
                _observer: crate::ui::browser::observe_in_view(&element, move |v| flag.set(v)),
                element,
                in_view,
                pending: false,
            }
        });
        if s.in_view.get() {
            model.with_untracked(|m| paint(&mut s.painter, m));
        } else if !s.pending {
            s.pending = true;
            attr(&s.element, "aria-busy", "true");
            let (state, paint) = (Rc::clone(&state), Rc::clone(&paint));
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if let Some(s) = state.borrow_mut().as_mut() {
                            s.pending = false;
                            model.try_with_untracked(|m| paint(&mut s.painter, m));
                            let _ = s.element.remove_attribute("aria-busy");
                        }
                    },
                    Duration::ZERO,
                )
            });
        }
    });
}
