//! Placeholder until the national catalog build lands (issue 3).
fn main() {
    eprintln!("build-catalog: not implemented yet");
    std::process::exit(1);
}
