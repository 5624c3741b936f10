//! Lays out one draft and checks its model many times, as `batch` does for every row, for
//! profiling the checker's share of a batch document:
//! `cargo run --release --example draft_check_loop -- samples/bao-cao.toml 2000`
fn main() {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(args.next().expect("a draft"));
    let n: usize = args.next().map_or(1000, |s| s.parse().expect("a count"));
    let templates = vbhc::template::Templates::new(None);
    let draft = vbhc::draft::load(&path, &templates).expect("a valid draft");
    let laid = vbhc::layout::lay_out(&draft).expect("lays out");
    let t = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..n {
        findings += vbhc::check::check(&laid.doc, vbhc::check::Origin::Draft).len();
    }
    println!(
        "{n} checks, {findings} findings, {:?} each",
        t.elapsed() / n as u32
    );
    let t = std::time::Instant::now();
    for _ in 0..n {
        let words = vbhc::check::Words::of(&laid.doc);
        std::hint::black_box(vbhc::check::paginate(&laid.doc, false, &words));
    }
    println!("page estimate {:?}", t.elapsed() / n as u32);
}
