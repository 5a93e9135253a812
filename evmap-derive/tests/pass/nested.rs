use left_right::Absorb;

#[derive(Absorb, Clone, Default)]
struct Inner {
    value: u32,
    #[absorb(collection)]
    tags: Vec<String>,
}

#[derive(Absorb, Clone, Default)]
#[absorb(op = "OuterChange", ext = "OuterWrites")]
struct Outer {
    #[absorb(nested)]
    inner: Inner,
    #[absorb(nested = "InnerOp")]
    other: Inner,
}

fn main() {
    let (mut w, r) = left_right::new_from_empty::<Outer, OuterChange>(Outer::default());
    w.edit_inner().set_value(5).push_tags("t".to_owned());
    w.edit_other().set_value(6);
    w.append(OuterChange::EditOther(InnerOp::SetValue(7)));
    w.publish();
    let o = r.enter().unwrap();
    assert_eq!((o.inner.value, o.other.value), (5, 7));
    assert_eq!(o.inner.tags, ["t"]);
    fn writer_trait_is_renamed<W: OuterWrites>(_: &W) {}
    writer_trait_is_renamed(&w);
}
