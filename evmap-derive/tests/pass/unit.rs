use left_right::Absorb;

#[derive(Absorb, Clone, Default)]
struct Marker;

fn takes_ops(_: Option<MarkerOp>) {}

fn main() {
    let (mut w, r) = left_right::new::<Marker, MarkerOp>();
    w.publish();
    assert!(r.enter().is_some());
    takes_ops(None);
}
