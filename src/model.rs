//! The `Document`: the one model in the middle. The layout step fills it from a draft (every
//! block with its meaning, its resolved formatting and where it came from); the DOCX writer
//! writes exactly what it says; the DOCX reader fills it from a document anyone made; the
//! checker judges the same blocks whichever way they came.
//!
//! The body is a flat list of blocks, each with a level and a region, not a tree: it has to
//! cross a WebAssembly interface to province plugins. Regions say which column of the header
//! or signature table a block sits in, so the two-column layout stays flat too.

use crate::finding::Location;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Kind id (`chi-thi`) and what the document calls itself (`CHỈ THỊ`; empty for công văn).
    pub kind: String,
    pub ten_loai: String,
    /// `Số: …/CT-UBND` parts, kept apart for the checker: the number (None = blank, assigned
    /// at signing) and the ký hiệu after the slash.
    pub number: Option<u32>,
    pub ky_hieu: String,
    pub sections: Vec<Section>,
    /// Text the reader decoded from a legacy 8-bit encoding: the file is not Unicode, though
    /// it printed as Vietnamese under its font. Never set for a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy: Option<LegacyText>,
}

/// What the reader decoded from a legacy encoding (TCVN3, VNI), and in which font it first met it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegacyText {
    /// The encoding's name as clerks know it (`TCVN3 (ABC)`, `VNI`).
    pub encoding: String,
    /// The legacy font of its first decoded run (`.VnTime`).
    pub font: String,
    /// How many words were decoded.
    pub words: usize,
}

/// A DOCX section: its own page setup (a phụ lục may be landscape with its own numbering).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub page: PageSetup,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Margins {
    pub top: u32,
    pub bottom: u32,
    pub left: u32,
    pub right: u32,
    pub header: u32,
    pub footer: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageSetup {
    /// Twips, as laid out (landscape has width > height).
    pub width: u32,
    pub height: u32,
    pub landscape: bool,
    pub margins: Margins,
    /// Page numbers in the header, centred; never on the section's first page of the document.
    pub page_numbers: bool,
    /// The first page of this section shows no number (true for page 1 of the document).
    pub first_page_unnumbered: bool,
    /// Restart numbering at this value (a phụ lục numbered separately).
    pub restart_at: Option<u32>,
    /// The numbers are printed in the footer (bottom) instead of the header: read from
    /// documents others made; vbhc never writes it.
    pub numbers_in_footer: bool,
    /// Half-points; 0 when a DOCX read back prints no number.
    pub number_size: u32,
    /// The font of the numbers of a DOCX read back; vbhc writes them in Times New Roman.
    pub number_font: Option<String>,
}

impl PageSetup {
    pub fn text_width(&self) -> u32 {
        self.width - self.margins.left - self.margins.right
    }
}

/// Where on the page a block sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Region {
    /// Full text width.
    Page,
    /// The two-column header table.
    HeaderLeft,
    HeaderRight,
    /// The signature table: Nơi nhận left, signature right.
    SignLeft,
    SignRight,
    /// The address footer of page 1 (công văn).
    Footer,
}

/// What a block means; the checker finds parts by role, never by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    QuocHieu,
    TieuNgu,
    ChuQuan,
    CoQuan,
    SoKyHieu,
    VeViec,
    DoKhan,
    DiaDanhNgay,
    TenLoai,
    TrichYeu,
    ThamQuyen,
    CanCu,
    QuyetDinhLabel,
    KinhGui,
    Body,
    NoiNhanHeading,
    NoiNhan,
    QuyenHan,
    ChucVu,
    SignatureSpace,
    HoTen,
    NguoiSoan,
    DiaChi,
    PhuLucLabel,
    PhuLucTitle,
    PhuLucAttribution,
    /// A short line drawn under the block before it (đường kẻ; not a checker rule). Written
    /// `Rule` in serialized models.
    #[serde(rename = "Rule")]
    DrawnLine,
    /// A plugin slot left empty.
    Slot,
    /// The copy block under the original's signature (bản sao y, sao lục, trích sao: Mẫu 3.1):
    /// the copying organ, its number, the form of copy, its date, recipients and signer. The
    /// original's rules do not apply to it.
    BanSao,
    /// A form another text sets (`Mẫu số 16`, `Phụ lục số 06` "ban hành kèm theo Thông tư …"),
    /// reproduced in the document, as a decision publishing administrative procedures does:
    /// its blanks, its own header and its signer's line are the form's, and the office's
    /// layout rules do not judge them.
    Form,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub role: Role,
    /// Structural level of body blocks: 0 paragraph, 1 phần, 2 mục/điều, 3 khoản, 4 sub-khoản,
    /// 5 điểm, 6 `-`, 7 `+`. 0 for everything outside the body.
    pub level: u8,
    pub region: Region,
    pub content: Content,
    pub source: Option<Location>,
}

impl Block {
    /// A paragraph's text in NFC (the form every rule compares), with its line breaks; empty
    /// for a table, a rule or a slot. The checker and the plugins' `validate` read blocks
    /// through this one view.
    pub fn text(&self) -> String {
        let Content::Paragraph(p) = &self.content else {
            return String::new();
        };
        let t = p.text();
        match crate::text::nfc(&t) {
            Cow::Borrowed(_) => t,
            Cow::Owned(n) => n,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Content {
    Paragraph(Paragraph),
    Table(Table),
    /// A horizontal line of a given length, centred in its region, under the previous block.
    #[serde(rename = "Rule")]
    DrawnLine(DrawnLine),
    /// A plugin slot (named); empty until plugins fill it.
    Slot(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// A run with its effective formatting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    pub text: String,
    /// The face of the text (for Vietnamese letters, the `w:hAnsi` slot Word uses).
    pub font: Cow<'static, str>,
    /// Half-points (`w:sz`).
    pub size: u32,
    pub bold: bool,
    pub italic: bool,
    /// A line break before the text (inside the paragraph).
    pub break_before: bool,
    /// Character spacing in twentieths of a point (`w:spacing` in a run): offices condense a
    /// line to fit it, which changes its printed width.
    pub spacing: i32,
}

/// How `ParaFormat::line` is meant (`w:lineRule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineRule {
    Auto,
    Exact,
    AtLeast,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParaFormat {
    pub align: Align,
    /// Twips; negative first-line = hanging.
    pub indent_first: i32,
    pub indent_left: u32,
    pub indent_right: u32,
    pub space_before: u32,
    pub space_after: u32,
    /// Line spacing in 240ths of a line (auto rule: 240 = single) or twips (exact, at least).
    pub line: u32,
    pub line_rule: LineRule,
    pub keep_next: bool,
    /// A frame around the text (urgency mark).
    pub boxed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub format: ParaFormat,
}

impl Paragraph {
    pub fn text(&self) -> String {
        let mut s = String::new();
        for r in &self.runs {
            if r.break_before {
                s.push('\n');
            }
            s.push_str(&r.text);
        }
        s
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawnLine {
    /// Twips.
    pub length: u32,
    /// Width of the region the line is centred in (twips).
    pub region_width: u32,
    /// Thickness in EMU.
    pub weight_emu: u32,
    /// Typed with dashes or stars rather than drawn: it prints as a broken line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub typed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// Column widths in twips.
    pub columns: Vec<u32>,
    pub rows: Vec<Vec<Vec<Paragraph>>>,
    /// Rows repeated as header (bold).
    pub header_rows: usize,
}

impl Document {
    /// Every block of every section, in order.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.sections.iter().flat_map(|s| s.blocks.iter())
    }
    pub fn find(&self, role: Role) -> Option<&Block> {
        self.blocks().find(|b| b.role == role)
    }
}
