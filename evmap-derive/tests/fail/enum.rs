use left_right::Absorb;

#[derive(Absorb)]
enum Mode {
    Fast,
    Slow,
}

fn main() {}
