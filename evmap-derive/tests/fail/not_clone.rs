use left_right::Absorb;

#[derive(Default)]
struct Handle;

#[derive(Absorb, Default)]
struct Config {
    handle: Handle,
}

fn main() {
    let (_w, _r) = left_right::new::<Config, ConfigOp>();
}
