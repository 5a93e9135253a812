use left_right::Absorb;

#[derive(Absorb, Clone, Default)]
struct Pair(u32, #[absorb(collection)] Vec<u32>);

fn main() {
    let (mut w, r) = left_right::new::<Pair, PairOp>();
    w.set_0(7).push_1(1).push_1(2).remove_1(0);
    w.append(PairOp::Set0(8));
    w.publish();
    let p = r.enter().unwrap();
    assert_eq!((p.0, p.1.as_slice()), (8, &[2][..]));
}
