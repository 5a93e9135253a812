use left_right::Absorb;
use std::collections::HashMap;
use std::fmt::Debug;
use std::hash::Hash;

#[derive(Absorb, Clone, Default)]
struct Registry<'a, K, V: Debug>
where
    K: Hash + Eq + Clone,
    V: Clone,
{
    label: &'a str,
    #[absorb(collection)]
    entries: HashMap<K, V>,
}

fn main() {
    let (mut w, r) = left_right::new_from_empty::<Registry<'static, u8, String>, RegistryOp<'static, u8, String>>(
        Registry::default(),
    );
    w.set_label("static").insert_entries(1, "one".to_owned()).remove_entries(2);
    w.publish();
    let reg = r.enter().unwrap();
    assert_eq!(reg.label, "static");
    assert_eq!(reg.entries[&1], "one");
}
