//! The DOCX writer: the only code that knows WordprocessingML. `to_bytes` streams the body
//! parts (document, headers, footers) straight from the `Document` in schema order
//! (`stream`), with the rules as the movable line shapes Word itself writes (`shapes`) and the
//! section breaks of a document in several page sections (`sections`), and zips them with the
//! parts that are the same for every document of a shape (`parts`, files docx-rs made) in a
//! fixed order with fixed timestamps (`pack`): same model in, same bytes out.

#[cfg(test)]
mod canon;
mod pack;
mod parts;
mod sections;
mod shapes;
mod stream;

use crate::model::{self, Block, Document, Region};
use crate::nd30;

pub use sections::section_xml;
pub use shapes::LineShape;

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("xml: {0}")]
    Xml(String),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
}

/// What a section's blocks become in the body, in order: a block of its own, the two-column
/// table of a header or signature group, or a paragraph of the page-1 address footer.
pub(crate) enum Item<'a> {
    Block(&'a Block),
    Columns {
        left: Vec<&'a Block>,
        right: Vec<&'a Block>,
        widths: (u32, u32),
        cant_split: bool,
    },
    Footer(&'a Block),
}

/// Groups the blocks of one section: consecutive header (or signature) regions make one table.
pub(crate) fn items(blocks: &[Block]) -> Vec<Item<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let blk = &blocks[i];
        match blk.region {
            Region::HeaderLeft | Region::HeaderRight | Region::SignLeft | Region::SignRight => {
                let header = matches!(blk.region, Region::HeaderLeft | Region::HeaderRight);
                let mut j = i;
                while j < blocks.len()
                    && blocks[j].region != Region::Page
                    && blocks[j].region != Region::Footer
                {
                    let is_header =
                        matches!(blocks[j].region, Region::HeaderLeft | Region::HeaderRight);
                    if is_header != header {
                        break;
                    }
                    j += 1;
                }
                let group = &blocks[i..j];
                let (lr, rr) = if header {
                    (Region::HeaderLeft, Region::HeaderRight)
                } else {
                    (Region::SignLeft, Region::SignRight)
                };
                out.push(Item::Columns {
                    left: group.iter().filter(|x| x.region == lr).collect(),
                    right: group.iter().filter(|x| x.region == rr).collect(),
                    widths: if header {
                        (nd30::HEADER_LEFT_COL, nd30::HEADER_RIGHT_COL)
                    } else {
                        (nd30::SIGN_LEFT_COL, nd30::SIGN_RIGHT_COL)
                    },
                    cant_split: !header,
                });
                i = j;
            }
            Region::Footer => {
                out.push(Item::Footer(blk));
                i += 1;
            }
            Region::Page => {
                out.push(Item::Block(blk));
                i += 1;
            }
        }
    }
    out
}

/// The break after every page section but the last: its `sectPr` (page size, margins,
/// numbering restart) points at the same header and footer parts as the document's final one.
#[derive(Debug, Clone)]
pub struct SectionBreak {
    pub page: model::PageSetup,
}

/// The DOCX bytes vbhc writes: deterministic, schema-ordered, with real rule shapes.
pub fn to_bytes(doc: &Document) -> Result<Vec<u8>, WriteError> {
    pack::assemble(stream::write(doc)?)
}
