//! Maps offsets in expanded Markdown back to offsets in the article file.

/// Pieces of the expanded text in order. A verbatim piece was copied from the
/// source, so offsets inside it map one to one; a generated piece (an
/// expanded tag) maps every offset to the tag's start.
#[derive(Debug, Clone, Default)]
pub struct SpanMap {
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    out_start: usize,
    source_start: usize,
    verbatim: bool,
}

impl SpanMap {
    pub(super) fn verbatim(&mut self, out_start: usize, source_start: usize) {
        self.pieces.push(Piece {
            out_start,
            source_start,
            verbatim: true,
        });
    }

    pub(super) fn generated(&mut self, out_start: usize, source_start: usize) {
        self.pieces.push(Piece {
            out_start,
            source_start,
            verbatim: false,
        });
    }

    /// The source offset of an offset in the expanded text.
    pub fn to_source(&self, out: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.out_start <= out);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some(p) if p.verbatim => p.source_start + (out - p.out_start),
            Some(p) => p.source_start,
            None => self.pieces.first().map_or(out, |p| p.source_start),
        }
    }
}
