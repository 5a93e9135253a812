use evmap::Absorb;

#[derive(Absorb, Clone, Default)]
struct Meta {
    generation: u64,
    #[absorb(collection)]
    sources: Vec<String>,
}

fn main() {
    let (r, mut w) = evmap::with_meta::<u32, u32, Meta>(Meta::default());
    w.insert(1, 1).set_generation(3).push_sources("a".to_owned());
    w.update_meta(MetaOp::PushSources("b".to_owned()));
    w.publish();
    let meta = r.meta().unwrap();
    assert_eq!(meta.generation, 3);
    assert_eq!(meta.sources, ["a", "b"]);
}
