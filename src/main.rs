/// glibc's allocator let a batch's resident memory grow by ~30 KB per document (its heap
/// kept pages freed between documents: 300 MB after 10,000 rows while live data stayed under
/// 4 MB, measured with massif); mimalloc returns them, and is faster at the many small
/// strings a document is made of.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    vbhc::cli::main()
}
