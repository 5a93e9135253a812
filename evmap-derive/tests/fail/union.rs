use left_right::Absorb;

#[derive(Absorb)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
