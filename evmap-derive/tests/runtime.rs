//! The generated operations at run time: invisible until published, and replayed element-wise
//! into both copies so that the two copies end up identical.

use left_right::Absorb;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

#[derive(Absorb, Clone, Debug, Default, PartialEq)]
struct Limits {
    max: u32,
    #[absorb(collection)]
    overrides: BTreeMap<String, u32>,
}

#[derive(Absorb, Clone, Debug, Default, PartialEq)]
struct Config {
    generation: u64,
    name: String,
    #[absorb(collection)]
    routes: Vec<String>,
    #[absorb(collection)]
    recent: VecDeque<u32>,
    #[absorb(collection)]
    tags: BTreeSet<String>,
    #[absorb(nested)]
    limits: Limits,
}

/// Publishes twice more and returns what readers saw after each: the copy just published, then
/// the other copy, which has replayed the same operations.
fn both_copies(
    w: &mut left_right::WriteHandle<Config, ConfigOp>,
    r: &left_right::ReadHandle<Config>,
) -> (Config, Config) {
    w.publish();
    let first = r.enter().unwrap().clone();
    w.publish();
    let second = r.enter().unwrap().clone();
    (first, second)
}

#[test]
fn writes_are_invisible_until_publish() {
    let (mut w, r) = left_right::new_from_empty::<Config, ConfigOp>(Config::default());
    w.set_generation(1).push_routes("/a".into());
    w.edit_limits().set_max(10);
    assert_eq!(*r.enter().unwrap(), Config::default());
    w.publish();
    let seen = r.enter().unwrap().clone();
    assert_eq!(seen.generation, 1);
    assert_eq!(seen.routes, ["/a"]);
    assert_eq!(seen.limits.max, 10);
    w.push_routes("/b".into());
    assert_eq!(r.enter().unwrap().routes, ["/a"]);
}

#[test]
fn element_wise_operations_replay_identically_into_both_copies() {
    let (mut w, r) = left_right::new_from_empty::<Config, ConfigOp>(Config::default());
    let rounds = if cfg!(miri) { 3 } else { 50 };
    let mut expected = Config::default();
    for i in 0..rounds {
        let route = format!("/r{i}");
        w.set_generation(i)
            .set_name(format!("n{i}"))
            .push_routes(route.clone())
            .insert_routes(0, route.clone())
            .remove_routes(1)
            .push_recent(i as u32)
            .insert_tags(route.clone());
        w.edit_limits()
            .set_max(i as u32)
            .insert_overrides(route.clone(), i as u32);
        expected.generation = i;
        expected.name = format!("n{i}");
        expected.routes.push(route.clone());
        expected.routes.insert(0, route.clone());
        expected.routes.remove(1);
        expected.recent.push_back(i as u32);
        expected.tags.insert(route.clone());
        expected.limits.max = i as u32;
        expected.limits.overrides.insert(route.clone(), i as u32);
        if i % 3 == 2 {
            w.pop_routes().remove_tags(route.clone()).clear_recent();
            w.edit_limits().remove_overrides(route.clone());
            expected.routes.pop();
            expected.tags.remove(&route);
            expected.recent.clear();
            expected.limits.overrides.remove(&route);
        }
        // Out-of-range indices clamp instead of panicking.
        w.insert_routes(usize::MAX, "end".into())
            .remove_routes(usize::MAX);
        expected.routes.push("end".into());

        let (first, second) = both_copies(&mut w, &r);
        assert_eq!(first, expected, "round {i}");
        assert_eq!(
            second, expected,
            "round {i}: the other copy replayed differently"
        );
    }
    let taken = w.take();
    assert_eq!(*taken, expected);
}

#[test]
fn operations_appended_by_hand_and_by_method_are_the_same() {
    let (mut w, r) = left_right::new_from_empty::<Config, ConfigOp>(Config::default());
    w.append(ConfigOp::PushRoutes("/x".into()))
        .append(ConfigOp::EditLimits(LimitsOp::SetMax(3)))
        .append(ConfigOp::SetGeneration(9));
    let (first, second) = both_copies(&mut w, &r);
    assert_eq!(first, second);
    assert_eq!(
        (first.routes.as_slice(), first.limits.max, first.generation),
        (&["/x".to_owned()][..], 3, 9)
    );
}

#[derive(Absorb, Clone, Debug, Default, PartialEq)]
struct Meta {
    refreshed: u64,
    #[absorb(collection)]
    sources: Vec<String>,
}

#[test]
fn a_derived_struct_is_an_evmap_meta_value() {
    let (r, mut w) = evmap::with_meta::<u32, u32, Meta>(Meta::default());
    w.insert(1, 10)
        .set_refreshed(1)
        .push_sources("import".into());
    assert_eq!(
        *r.meta().unwrap(),
        Meta::default(),
        "invisible until refresh"
    );
    w.refresh();
    let (values, meta) = r.meta_get(&1).unwrap();
    assert_eq!(values.map(|v| v.len()), Some(1));
    assert_eq!(meta.refreshed, 1);
    assert_eq!(meta.sources, ["import"]);
    // Changing meta element-wise, atomically with the map.
    w.push_sources("stream".into())
        .set_refreshed(2)
        .insert(2, 20);
    w.refresh();
    let view = r.enter().unwrap();
    assert_eq!(view.len(), 2);
    assert_eq!(view.meta().unwrap().sources, ["import", "stream"]);
    drop(view);
    // And the other copy replayed it the same way.
    w.refresh();
    assert_eq!(r.meta().unwrap().sources, ["import", "stream"]);
    assert_eq!(r.meta().unwrap().refreshed, 2);
}
