//! Maps offsets in expanded Markdown back to a source file and an offset in it.

/// Pieces of the expanded text in order. A verbatim piece was copied from a
/// source, so offsets inside it map one to one; a generated piece (an
/// expanded tag) maps every offset to the tag's start.
#[derive(Debug, Clone, Default)]
pub struct SpanMap {
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    out_start: usize,
    source: usize,
    source_start: usize,
    verbatim: bool,
}

impl SpanMap {
    pub(super) fn verbatim(&mut self, out_start: usize, source: usize, source_start: usize) {
        self.pieces.push(Piece { out_start, source, source_start, verbatim: true });
    }

    pub(super) fn generated(&mut self, out_start: usize, source: usize, source_start: usize) {
        self.pieces.push(Piece { out_start, source, source_start, verbatim: false });
    }

    fn piece(&self, out: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.out_start <= out);
        i.checked_sub(1).map(|i| &self.pieces[i]).or(self.pieces.first())
    }

    /// The source and offset in it of an offset in the expanded text.
    pub fn to_source(&self, out: usize) -> (usize, usize) {
        match self.piece(out) {
            Some(p) if p.verbatim => (p.source, p.source_start + out.saturating_sub(p.out_start)),
            Some(p) => (p.source, p.source_start),
            None => (0, out),
        }
    }
}
