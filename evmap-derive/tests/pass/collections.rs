use left_right::Absorb;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

#[derive(Absorb, Clone, Default)]
struct All {
    #[absorb(collection)]
    list: Vec<u32>,
    #[absorb(collection)]
    queue: VecDeque<u32>,
    #[absorb(collection)]
    map: HashMap<String, u32>,
    #[absorb(collection)]
    tree: BTreeMap<u32, String>,
    #[absorb(collection)]
    set: HashSet<u32>,
    #[absorb(collection)]
    ordered: BTreeSet<String>,
}

fn main() {
    let (mut w, r) = left_right::new_from_empty::<All, AllOp>(All::default());
    w.push_list(1).push_list(2).pop_list().insert_list(0, 0).clear_list().push_list(9);
    w.push_queue(1).insert_queue(100, 2).remove_queue(100).pop_queue().push_queue(3);
    w.insert_map("a".into(), 1).remove_map("b".into()).clear_map().insert_map("c".into(), 3);
    w.insert_tree(1, "x".into()).insert_tree(2, "y".into()).remove_tree(1);
    w.insert_set(4).insert_set(5).remove_set(4);
    w.insert_ordered("z".into()).set_ordered(BTreeSet::from(["q".to_owned()]));
    w.publish();
    let a = r.enter().unwrap();
    assert_eq!(a.list, [9]);
    assert_eq!(a.queue, [1, 3]);
    assert_eq!(a.map.len(), 1);
    assert_eq!(a.tree.len(), 1);
    assert!(a.set.contains(&5) && !a.set.contains(&4));
    assert_eq!(a.ordered.len(), 1);
}
