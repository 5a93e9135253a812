use left_right::Absorb;

#[derive(Absorb, Clone, Default)]
struct Config {
    #[absorb(nested)]
    pair: (u32, u32),
}

fn main() {}
