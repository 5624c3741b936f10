//! The records of `plugins/wit/v1/plugin.wit` as the host sees them. What the host sends is
//! lowered from owned Rust values. What comes back is lifted into [`Text`] and [`List`]: their
//! lifting reads the length the plugin claims *before* anything is copied and refuses it when
//! it is over the call's cap, so a plugin that returns a million findings or a 10 MB string
//! costs the host nothing but the refusal.
//!
//! Why not views (`WasmStr`, `WasmList`) read after the call: wasmtime 48 runs the guest's
//! post-return function (which frees the returned memory) inside `call`, so a view read
//! afterwards sees freed memory whose first bytes the guest's allocator has overwritten.

use std::cell::Cell;
use wasmtime::ValRaw;
use wasmtime::component::__internal::{CanonicalAbiInfo, InstanceType, InterfaceType, LiftContext};
use wasmtime::component::{ComponentType, Lift, Lower};

/// The interface a plugin exports, without its version (`@1.0.0`).
pub const INTERFACE: &str = "vbhc:plugin/province";
/// The API versions this host runs: 1.x.
pub const API_MAJOR: u64 = 1;

// ---- What the host sends --------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, ComponentType, Lower)]
#[component(record)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, ComponentType, Lower)]
#[component(record)]
pub struct Request {
    pub kind: String,
    pub date: Date,
    pub organ: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ComponentType, Lower)]
#[component(enum)]
#[repr(u8)]
pub enum Role {
    #[component(name = "quoc-hieu")]
    QuocHieu,
    #[component(name = "tieu-ngu")]
    TieuNgu,
    #[component(name = "chu-quan")]
    ChuQuan,
    #[component(name = "co-quan")]
    CoQuan,
    #[component(name = "so-ky-hieu")]
    SoKyHieu,
    #[component(name = "ve-viec")]
    VeViec,
    #[component(name = "do-khan")]
    DoKhan,
    #[component(name = "dia-danh-ngay")]
    DiaDanhNgay,
    #[component(name = "ten-loai")]
    TenLoai,
    #[component(name = "trich-yeu")]
    TrichYeu,
    #[component(name = "tham-quyen")]
    ThamQuyen,
    #[component(name = "can-cu")]
    CanCu,
    #[component(name = "kinh-gui")]
    KinhGui,
    #[component(name = "body")]
    Body,
    #[component(name = "noi-nhan-heading")]
    NoiNhanHeading,
    #[component(name = "noi-nhan")]
    NoiNhan,
    #[component(name = "quyen-han")]
    QuyenHan,
    #[component(name = "chuc-vu")]
    ChucVu,
    #[component(name = "ho-ten")]
    HoTen,
    #[component(name = "nguoi-soan")]
    NguoiSoan,
    #[component(name = "dia-chi")]
    DiaChi,
    #[component(name = "phu-luc")]
    PhuLuc,
    #[component(name = "other")]
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, ComponentType, Lower)]
#[component(record)]
pub struct DocBlock {
    pub role: Role,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, ComponentType, Lower)]
#[component(record)]
pub struct Document {
    pub kind: String,
    pub date: Date,
    pub blocks: Vec<DocBlock>,
}

// ---- Capped lifting ------------------------------------------------------------------------

/// The caps of the call being made. Set by [`Caps::enter`] around each call on this thread
/// (a store is used by one thread at a time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caps {
    /// Items in any one list.
    pub items: usize,
    /// Characters in any one string.
    pub chars: usize,
}

thread_local! {
    static CAPS: Cell<Caps> = const { Cell::new(Caps { items: 0, chars: 0 }) };
}

impl Caps {
    /// Makes `self` the caps of lifting on this thread until the guard is dropped.
    pub fn enter(self) -> CapsGuard {
        let before = CAPS.with(|c| c.replace(self));
        CapsGuard(before)
    }
    fn current() -> Caps {
        CAPS.with(Cell::get)
    }
}

/// Restores the caps that were in force before [`Caps::enter`].
pub struct CapsGuard(Caps);

impl Drop for CapsGuard {
    fn drop(&mut self) {
        CAPS.with(|c| c.set(self.0));
    }
}

/// Why a result was refused (the error inside the call's `wasmtime::Error`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputError {
    /// A list longer than allowed: (length, cap).
    TooMany(usize, usize),
    /// A string longer than allowed: (characters, cap in characters).
    TooLong(usize, usize),
    /// A string refused before it is read, by its size: (bytes, cap in characters).
    TooManyBytes(usize, usize),
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::TooMany(n, cap) => write!(f, "a list of {n} items (cap {cap})"),
            OutputError::TooLong(n, cap) => {
                write!(f, "a string of {n} characters (cap {cap})")
            }
            OutputError::TooManyBytes(n, cap) => {
                write!(f, "a string of {n} bytes (cap {cap} characters)")
            }
        }
    }
}

impl std::error::Error for OutputError {}

fn check_items(len: usize) -> wasmtime::Result<()> {
    let cap = Caps::current().items;
    if len > cap {
        return Err(wasmtime::Error::new(OutputError::TooMany(len, cap)));
    }
    Ok(())
}

fn check_bytes(len: usize) -> wasmtime::Result<()> {
    // UTF-8 takes at most 4 bytes a character: a longer byte string is refused unread.
    let cap = Caps::current().chars;
    if len > cap.saturating_mul(4) {
        return Err(wasmtime::Error::new(OutputError::TooManyBytes(len, cap)));
    }
    Ok(())
}

fn flat_len(src: &[ValRaw; 2]) -> usize {
    src[1].get_u32() as usize
}

fn memory_len(bytes: &[u8]) -> usize {
    let mut b = [0u8; 4];
    b.copy_from_slice(&bytes[4..8]);
    u32::from_le_bytes(b) as usize
}

/// A string a plugin returned, copied only when within the call's cap.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(pub String);

// SAFETY: `Text` has exactly the ABI of `String` (the type it delegates every operation to);
// its lifting only adds a length check before delegating.
#[allow(unsafe_code)]
unsafe impl ComponentType for Text {
    type Lower = <String as ComponentType>::Lower;
    const ABI: CanonicalAbiInfo = <String as ComponentType>::ABI;
    fn typecheck(ty: &InterfaceType, types: &InstanceType<'_>) -> wasmtime::Result<()> {
        <String as ComponentType>::typecheck(ty, types)
    }
}

// SAFETY: see `ComponentType for Text`.
#[allow(unsafe_code)]
unsafe impl Lift for Text {
    fn linear_lift_from_flat(
        cx: &mut LiftContext<'_>,
        ty: InterfaceType,
        src: &Self::Lower,
    ) -> wasmtime::Result<Self> {
        check_bytes(flat_len(src))?;
        let s = String::linear_lift_from_flat(cx, ty, src)?;
        checked_text(s)
    }
    fn linear_lift_from_memory(
        cx: &mut LiftContext<'_>,
        ty: InterfaceType,
        bytes: &[u8],
    ) -> wasmtime::Result<Self> {
        check_bytes(memory_len(bytes))?;
        let s = String::linear_lift_from_memory(cx, ty, bytes)?;
        checked_text(s)
    }
}

fn checked_text(s: String) -> wasmtime::Result<Text> {
    let cap = Caps::current().chars;
    if s.len() <= cap {
        return Ok(Text(s)); // no more characters than bytes: nothing to count
    }
    let n = s.chars().count();
    if n > cap {
        return Err(wasmtime::Error::new(OutputError::TooLong(n, cap)));
    }
    Ok(Text(s))
}

/// A list a plugin returned, copied only when within the call's cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

// SAFETY: `List<T>` has exactly the ABI of `Vec<T>` (the type it delegates every operation
// to); its lifting only adds a length check before delegating.
#[allow(unsafe_code)]
unsafe impl<T: ComponentType> ComponentType for List<T> {
    type Lower = <Vec<T> as ComponentType>::Lower;
    const ABI: CanonicalAbiInfo = <Vec<T> as ComponentType>::ABI;
    fn typecheck(ty: &InterfaceType, types: &InstanceType<'_>) -> wasmtime::Result<()> {
        <Vec<T> as ComponentType>::typecheck(ty, types)
    }
}

// SAFETY: see `ComponentType for List`.
#[allow(unsafe_code)]
unsafe impl<T: Lift> Lift for List<T> {
    fn linear_lift_from_flat(
        cx: &mut LiftContext<'_>,
        ty: InterfaceType,
        src: &Self::Lower,
    ) -> wasmtime::Result<Self> {
        check_items(flat_len(src))?;
        Vec::<T>::linear_lift_from_flat(cx, ty, src).map(List)
    }
    fn linear_lift_from_memory(
        cx: &mut LiftContext<'_>,
        ty: InterfaceType,
        bytes: &[u8],
    ) -> wasmtime::Result<Self> {
        check_items(memory_len(bytes))?;
        Vec::<T>::linear_lift_from_memory(cx, ty, bytes).map(List)
    }
}

// ---- What comes back ------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, ComponentType, Lift)]
#[component(record)]
pub struct Info {
    pub id: Text,
    pub name: Text,
    pub version: Text,
    pub province: Text,
    #[component(name = "api-version")]
    pub api_version: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, ComponentType, Lift)]
#[component(record)]
pub struct Unit {
    pub name: Text,
    pub short: Text,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, ComponentType, Lift)]
#[component(record)]
pub struct Defaults {
    #[component(name = "chu-quan")]
    pub chu_quan: Option<Text>,
    #[component(name = "co-quan")]
    pub co_quan: List<Text>,
    #[component(name = "viet-tat")]
    pub viet_tat: Option<Text>,
    #[component(name = "dia-danh")]
    pub dia_danh: Option<Text>,
    pub units: List<Unit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, ComponentType, Lift)]
#[component(record)]
pub struct Recipients {
    #[component(name = "kinh-gui")]
    pub kinh_gui: List<Text>,
    #[component(name = "noi-nhan")]
    pub noi_nhan: List<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ComponentType, Lift)]
#[component(enum)]
#[repr(u8)]
pub enum BlockKind {
    #[component(name = "muc")]
    Muc,
    #[component(name = "khoan")]
    Khoan,
    #[component(name = "diem")]
    Diem,
    #[component(name = "gach")]
    Gach,
    #[component(name = "cong")]
    Cong,
    #[component(name = "doan")]
    Doan,
}

#[derive(Debug, Clone, PartialEq, Eq, ComponentType, Lift)]
#[component(record)]
pub struct Block {
    pub kind: BlockKind,
    pub label: Option<Text>,
    pub text: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ComponentType, Lift)]
#[component(enum)]
#[repr(u8)]
pub enum AnnexNumbering {
    #[component(name = "roman")]
    Roman,
    #[component(name = "arabic")]
    Arabic,
}

#[derive(Debug, Clone, PartialEq, Eq, ComponentType, Lift)]
#[component(record)]
pub struct HouseStyle {
    pub luu: Option<Text>,
    #[component(name = "tham-quyen")]
    pub tham_quyen: Option<Text>,
    #[component(name = "chuc-vu")]
    pub chuc_vu: Option<Text>,
    #[component(name = "annex-numbering")]
    pub annex_numbering: AnnexNumbering,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ComponentType, Lift)]
#[component(enum)]
#[repr(u8)]
pub enum Severity {
    #[component(name = "error")]
    Error,
    #[component(name = "warning")]
    Warning,
    #[component(name = "note")]
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq, ComponentType, Lift)]
#[component(record)]
pub struct Finding {
    pub code: Text,
    pub severity: Severity,
    #[component(name = "message-vi")]
    pub message_vi: Text,
    #[component(name = "message-en")]
    pub message_en: Text,
    #[component(name = "hint-vi")]
    pub hint_vi: Option<Text>,
    #[component(name = "hint-en")]
    pub hint_en: Option<Text>,
    pub block: Option<u32>,
}
