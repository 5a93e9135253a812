use left_right::Absorb;

#[derive(Absorb, Clone, Default)]
struct Config {
    #[absorb(sequence)]
    routes: Vec<String>,
}

fn main() {}
