use left_right::Absorb;

#[derive(Absorb, Clone, Default)]
struct Config {
    generation: u64,
    name: String,
    r#type: u8,
}

fn main() {
    let (mut w, r) = left_right::new::<Config, ConfigOp>();
    w.set_generation(1).set_name("n".to_owned()).set_type(3);
    w.append(ConfigOp::SetGeneration(2));
    w.publish();
    let c = r.enter().unwrap();
    assert_eq!((c.generation, c.name.as_str(), c.r#type), (2, "n", 3));
}
