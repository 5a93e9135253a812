use left_right::Absorb;

#[derive(Absorb, Clone, Default)]
struct Config {
    max_len: u32,
    max__len: u32,
}

fn main() {}
