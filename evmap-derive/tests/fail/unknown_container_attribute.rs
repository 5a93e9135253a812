use left_right::Absorb;

#[derive(Absorb, Clone, Default)]
#[absorb(rename = "Other")]
struct Config {
    value: u32,
}

fn main() {}
