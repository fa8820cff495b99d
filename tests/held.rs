//! No figures nobody published (issue #18): over snapshots generated with random parts
//! missing (task figures, a group known only as a sum, per-unit counts, documents, schemes,
//! growth), no view offers or draws a part, a status or a chip the snapshot has no figures for,
//! and a link asking for one is moved off it and told.

use proptest::prelude::*;
use serde_json::{json, Value};

use task_dashboard::bake::{compact_view, Links};
use task_dashboard::chart::status_choices;
use task_dashboard::format::{labels, Lang};
use task_dashboard::snapshot::parse_snapshot;
use task_dashboard::tasks::{IndexedSnapshot, Status, StatusSet};
use task_dashboard::view_state::{default_parts, split_statuses, Missing, Part, Tab, ViewState};

/// Which parts a generated snapshot has.
#[derive(Clone, Copy, Debug)]
struct Has {
    tasks: bool,
    completed_split: bool,
    open_split: bool,
    units: bool,
    documents: bool,
    schemes: bool,
    growth: bool,
}

impl Has {
    fn part(self, p: Part) -> bool {
        match p {
            Part::Headline | Part::Status | Part::Series => self.tasks,
            Part::Units => self.tasks && self.units,
            Part::Table => false,
            Part::Documents => self.documents,
            Part::Schemes => self.schemes,
            Part::Growth => self.growth,
        }
    }
}

/// Counts of a group: split in two, or only their sum.
fn group(counts: &mut serde_json::Map<String, Value>, split: bool, names: [&str; 3], n: [u32; 2]) {
    if split {
        counts.insert(names[0].into(), json!(n[0]));
        counts.insert(names[1].into(), json!(n[1]));
    } else {
        counts.insert(names[2].into(), json!(n[0] + n[1]));
    }
}

/// The real default snapshot with the parts `has` says, and no others.
fn snapshot(has: Has) -> Value {
    let text = include_str!("../data/snapshots/quang-ninh-2021-q1.json");
    let mut snap: Value = serde_json::from_str(text).expect("the default snapshot");
    let obj = snap.as_object_mut().expect("an object");
    let counts = |a: [u32; 2], b: [u32; 2]| {
        let mut c = serde_json::Map::new();
        group(
            &mut c,
            has.completed_split,
            ["on_time", "late", "completed"],
            a,
        );
        group(
            &mut c,
            has.open_split,
            ["overdue", "within_deadline", "not_completed"],
            b,
        );
        Value::Object(c)
    };
    if has.tasks {
        let tasks = obj["tasks"].as_object_mut().expect("tasks");
        tasks.insert("totals".into(), counts([506, 123], [41, 1068]));
        if has.units {
            obj.insert(
                "units".into(),
                json!([
                    { "id": "so-a", "name": { "vi": "Sở A" }, "kind": "department" },
                    { "id": "huyen-b", "name": { "vi": "Huyện B" }, "kind": "locality" }
                ]),
            );
            let tasks = obj["tasks"].as_object_mut().expect("tasks");
            tasks.insert(
                "by_unit".into(),
                json!([
                    { "unit": "so-a", "counts": counts([500, 100], [40, 1000]) },
                    { "unit": "huyen-b", "counts": counts([6, 23], [1, 68]) }
                ]),
            );
        }
    } else {
        obj.remove("tasks");
    }
    for (key, keep) in [
        ("documents", has.documents),
        ("schemes", has.schemes),
        ("growth", has.growth),
    ] {
        if !keep {
            obj.remove(key);
        }
    }
    snap
}

fn has() -> impl Strategy<Value = Has> {
    (any::<[bool; 7]>()).prop_map(|b| Has {
        tasks: b[0],
        completed_split: b[1],
        open_split: b[2],
        units: b[3],
        documents: b[4],
        schemes: b[5],
        growth: b[6],
    })
}

fn parts() -> impl Strategy<Value = Vec<Part>> {
    proptest::sample::subsequence(Part::ALL.to_vec(), 0..=Part::ALL.len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_view_shows_a_figure_the_snapshot_does_not_hold(
        has in has(),
        tab in proptest::sample::select(Tab::ALL.to_vec()),
        show in parts(),
        statuses in proptest::sample::subsequence(Status::ALL.to_vec(), 0..=4),
        lang in proptest::sample::select(vec![Lang::Vi, Lang::En]),
    ) {
        let json = snapshot(has).to_string();
        let parsed = parse_snapshot("generated.json", json.as_str());
        // A snapshot with no figures at all is refused by validation: nothing to show.
        let Ok(snap) = parsed else {
            prop_assert!(!(has.tasks || has.documents || has.schemes || has.growth), "{parsed:?}");
            return Ok(());
        };
        let snap = IndexedSnapshot::new(snap);
        let labels = labels(lang);

        // What the snapshot holds, as every view asks it.
        for p in Part::ALL {
            prop_assert_eq!(p.held_by(&snap), has.part(p), "{:?}", p);
        }

        // The baked page draws exactly the parts held (but the task table, drawn live, and
        // the series, baked only for a body with several reports: `bake::baked_series`).
        let baked = compact_view(&snap, lang, &Links { full_view: None, others: &[] }, None);
        let html = baked.body.as_str();
        for p in Part::ALL.into_iter().filter(|p| !matches!(p, Part::Table | Part::Series)) {
            let drawn = html.contains(&format!("data-part=\"{}\"", p.code()));
            prop_assert_eq!(drawn, has.part(p), "{:?} in {}", p, html);
            prop_assert_eq!(baked.parts.contains(&p), has.part(p));
        }
        if !has.tasks {
            prop_assert!(!html.contains("data-figure"), "{}", html);
            prop_assert!(!html.contains(labels.headline_tasks), "{}", html);
        }
        // A status known only within its group's sum is never named, drawn or offered alone.
        let alone: Vec<Status> = Status::ALL
            .into_iter()
            .filter(|s| match s {
                Status::OnTime | Status::Late => !has.completed_split,
                _ => !has.open_split,
            })
            .collect();
        for s in &alone {
            prop_assert!(!html.contains(labels.status(*s)), "{:?} named in {}", s, html);
            prop_assert!(!html.contains(&format!("s-{}\"", s.code())), "{:?} drawn in {}", s, html);
            prop_assert!(!split_statuses(&snap).contains(*s));
        }
        if let Some(t) = snap.tasks() {
            for chip in status_choices(&t.totals, lang) {
                let n = chip.statuses.iter().count();
                let lone = chip.statuses.iter().any(|s| alone.contains(&s));
                prop_assert!(n == 1 && !lone || n == 2 && lone, "{:?}", chip);
            }
        }

        // A link's view, once the snapshot is there: on a tab it has, filtering only what it
        // counts, drawing only parts it has, proposing only parts it has; all else told.
        let mut view = ViewState { tab, lang, ..ViewState::default() };
        view.compact.parts = show.clone();
        view.filters.statuses = statuses.iter().copied().collect::<StatusSet>();
        let (_, missing) = view.reconcile(&snap);
        prop_assert!(view.tab.held_by(&snap));
        let asked = tab != Tab::default();
        prop_assert_eq!(missing.contains(&Missing::Tab(tab)), asked && !tab.held_by(&snap));
        for group in [[Status::OnTime, Status::Late], [Status::Overdue, Status::WithinDeadline]] {
            let chosen = group.iter().filter(|s| view.filters.statuses.contains(**s)).count();
            prop_assert!(chosen != 1 || split_statuses(&snap).contains(group[0]));
        }
        for s in view.filters.statuses.iter() {
            prop_assert!(statuses.contains(&s), "a filter the link did not ask for: {:?}", s);
        }
        let (drawn, lacking) = view.parts_held(&snap);
        for p in &drawn {
            prop_assert!(has.part(*p));
        }
        for m in &lacking {
            let Missing::Part(p) = m else { return Err(TestCaseError::fail("not a part")) };
            prop_assert!(!has.part(*p));
            prop_assert!(view.compact.parts().contains(p));
        }
        for t in Tab::ALL {
            for p in default_parts(t, &snap) {
                prop_assert!(has.part(p), "{:?} proposed for {:?}", p, t);
            }
            prop_assert!(!default_parts(t, &snap).is_empty());
        }
    }
}
