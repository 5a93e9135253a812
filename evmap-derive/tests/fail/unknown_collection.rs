use left_right::Absorb;

#[derive(Absorb, Clone, Default)]
struct Config {
    #[absorb(collection)]
    routes: Option<String>,
}

fn main() {}
