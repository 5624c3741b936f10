//! Windows builds only: version information (Explorer's Properties → Details, and what
//! SmartScreen and antivirus show) and an application manifest in `vbhc.exe`. Every other
//! target builds nothing here.
//!
//! Cross-building from Linux needs `x86_64-w64-mingw32-windres` (Debian's
//! `binutils-mingw-w64-x86-64`, which `gcc-mingw-w64-x86-64` brings).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=packaging/windows/vbhc.exe.manifest");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let manifest = std::fs::read_to_string("packaging/windows/vbhc.exe.manifest")
        .unwrap_or_else(|e| fail(&format!("packaging/windows/vbhc.exe.manifest: {e}")));
    let mut res = winresource::WindowsResource::new();
    res.set(
        "FileDescription",
        "vbhc - soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP",
    )
    .set("ProductName", "vbhc")
    .set("InternalName", "vbhc")
    .set("OriginalFilename", "vbhc.exe")
    .set("LegalCopyright", "MIT OR Apache-2.0")
    // Vietnamese (0x042A): the language Explorer shows the strings in.
    .set_language(0x042A)
    .set_manifest(&manifest);
    // Only the exe: the test binaries need no manifest.
    if let Err(e) = res.compile_for("vbhc") {
        fail(&format!(
            "the Windows resources did not compile ({e}); cross-building from Linux needs \
             x86_64-w64-mingw32-windres (apt-get install gcc-mingw-w64-x86-64)"
        ));
    }
}

fn fail(why: &str) -> ! {
    eprintln!("build.rs: {why}");
    std::process::exit(1);
}
