//! Tables of the body: cells of runs, column widths that keep every word whole.

use super::body::inline_runs;
use super::*;

pub(super) fn table_block(rows: &[Vec<Vec<Inline>>], header_rows: usize, width: u32) -> Block {
    let size = nd30::SIZE_TABLE.value;
    let ncols = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let columns = column_widths(rows, header_rows, ncols, size, width);
    let rows = rows
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            let header = ri < header_rows;
            (0..ncols)
                .map(|c| {
                    let inl = r.get(c).cloned().unwrap_or_default();
                    let short = inl.iter().map(|i| i.text.chars().count()).sum::<usize>() <= 4;
                    let align = if header || short {
                        Align::Center
                    } else {
                        Align::Left
                    };
                    vec![Paragraph {
                        runs: inline_runs(&inl, size, header, false),
                        format: ParaFormat {
                            space_before: nd30::SPACE_TABLE_CELL,
                            space_after: nd30::SPACE_TABLE_CELL,
                            // A header row never ends a page alone.
                            keep_next: header,
                            ..fmt(align)
                        },
                    }]
                })
                .collect()
        })
        .collect();
    Block {
        role: Role::Body,
        level: 0,
        region: Region::Page,
        content: Content::Table(Table {
            columns,
            rows,
            header_rows,
        }),
        source: None,
    }
}

/// Word's default cell margins (0.19 cm each side) plus a little air.
pub(super) const CELL_PADDING: u32 = 2 * 108 + 40;

/// Column widths that add up to `width`: every column is at least as wide as its longest word
/// (so "TT" or "Ghi chú" never breaks inside a word), and the rest of the width is shared by the
/// length of each column's longest cell.
pub(super) fn column_widths(
    rows: &[Vec<Vec<Inline>>],
    header_rows: usize,
    ncols: usize,
    size: u32,
    width: u32,
) -> Vec<u32> {
    let cell_text = |cell: &Vec<Inline>| cell.iter().map(|i| i.text.as_str()).collect::<String>();
    let mut floor = vec![0u32; ncols];
    let mut lens = vec![1u32; ncols];
    for (ri, r) in rows.iter().enumerate() {
        let face = if ri < header_rows {
            Face::Bold
        } else {
            Face::Regular
        };
        for (c, cell) in r.iter().enumerate().take(ncols) {
            let text = cell_text(cell);
            let word = text
                .split_whitespace()
                .map(|w| metrics::width_twips(w, face, size))
                .max()
                .unwrap_or(0);
            floor[c] = floor[c].max(word + CELL_PADDING);
            lens[c] = lens[c].max((text.chars().count() as u32).clamp(3, 60));
        }
    }
    let total: u32 = lens.iter().sum();
    let mut columns: Vec<u32> = (0..ncols)
        .map(|c| (width * lens[c] / total).max(floor[c]))
        .collect();
    let sum: u32 = columns.iter().sum();
    if sum > width {
        // Take the excess from the columns wider than their floor, in proportion to their slack.
        let over = sum - width;
        let slack: Vec<u32> = (0..ncols).map(|c| columns[c] - floor[c]).collect();
        let total_slack: u32 = slack.iter().sum();
        if total_slack >= over {
            for c in 0..ncols {
                columns[c] -=
                    (u64::from(over) * u64::from(slack[c]) / u64::from(total_slack)) as u32;
            }
        } else {
            // Even the floors do not fit: share the width by the floors.
            let floors: u32 = floor.iter().sum();
            columns = floor.iter().map(|f| width * f / floors).collect();
        }
    }
    // Rounding leftovers (either way) go to the widest column.
    let used: u32 = columns.iter().sum();
    if let Some(widest) = columns.iter_mut().max() {
        *widest = (*widest + width).saturating_sub(used);
    }
    columns
}
