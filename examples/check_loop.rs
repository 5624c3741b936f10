//! Reads and checks one DOCX many times, for profiling the checker:
//! `cargo run --release --example check_loop -- file.docx 200`
fn main() {
    let mut args = std::env::args().skip(1);
    let path = std::path::PathBuf::from(args.next().expect("a DOCX"));
    let n: usize = args.next().map_or(100, |s| s.parse().expect("a count"));
    let bytes = std::fs::read(&path).expect("readable");
    let start = std::time::Instant::now();
    let mut findings = 0;
    for _ in 0..n {
        let doc = vbhc::reader::read_bytes(&path, &bytes).expect("reads");
        findings += vbhc::check::check(&doc, vbhc::check::Origin::Docx).len();
    }
    println!(
        "{n} runs, {findings} findings, {:?} each",
        start.elapsed() / n as u32
    );
    let doc = vbhc::reader::read_bytes(&path, &bytes).expect("reads");
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(vbhc::reader::read_bytes(&path, &bytes).expect("reads"));
    }
    println!("reading alone {:?}", t.elapsed() / n as u32);
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(vbhc::check::check(&doc, vbhc::check::Origin::Docx));
    }
    println!("checking alone {:?}", t.elapsed() / n as u32);
    let t = std::time::Instant::now();
    for _ in 0..n {
        let words = vbhc::check::Words::of(&doc);
        std::hint::black_box(vbhc::check::paginate(&doc, true, &words));
    }
    println!("page estimate {:?}", t.elapsed() / n as u32);
}
