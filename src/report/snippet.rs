//! The source line under a diagnostic and the marker that points into it.
//! A long line (minified HTML, a paragraph on one line) is cut to a window
//! around the column: printed whole, once per problem on it, it would make a
//! report of megabytes that no one can read.

/// Lines longer than this many characters are shown as a window this wide.
const WIDTH: usize = 120;

/// How much of the window comes before the column: what follows a problem
/// (the rest of a tag, a link's target) usually says more about it.
const LEAD: usize = WIDTH / 3;

/// Where a cut line goes on.
const CUT: char = '…';

#[derive(Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The line, or its window with `…` at each end that was cut.
    pub text: String,
    /// What goes before the marker so it lines up under `text`: a space per
    /// character, a tab per tab, so it lines up whatever the tab width.
    pub pad: String,
    /// How many characters the marker underlines, at least one.
    pub width: usize,
}

/// The snippet of `line` for a problem at the 1-based `column`, spanning up
/// to the exclusive `end_column` when that is known. Columns count
/// characters, as `diag::LineIndex` does.
pub fn snippet(line: &str, column: u32, end_column: Option<u32>) -> Snippet {
    let chars: Vec<char> = line.chars().collect();
    let start = (column.max(1) as usize - 1).min(chars.len());
    let end = end_column.map_or(start + 1, |end| (end as usize).saturating_sub(1).max(start + 1));
    let (from, to) = window(chars.len(), start, end - start);
    let mut text = String::with_capacity(to - from + 2 * CUT.len_utf8());
    let mut pad = String::new();
    if from > 0 {
        text.push(CUT);
        pad.push(' ');
    }
    text.extend(&chars[from..to]);
    if to < chars.len() {
        text.push(CUT);
    }
    pad.extend(chars[from..start].iter().map(|&c| if c == '\t' { '\t' } else { ' ' }));
    // A span may run past the window or the line; a problem at the end of a
    // line still gets its one caret.
    let width = end.min(to.max(start + 1)) - start;
    Snippet { text, pad, width }
}

/// The characters `from..to` of a line of `len` shown for a problem at
/// `start` spanning `span`: the whole line when it is short, otherwise
/// `WIDTH` characters with the column in view, and as much of the span as
/// fits after it.
fn window(len: usize, start: usize, span: usize) -> (usize, usize) {
    if len <= WIDTH {
        return (0, len);
    }
    let lead = LEAD.min(WIDTH.saturating_sub(span));
    let from = start.saturating_sub(lead).min(len - WIDTH);
    (from, from + WIDTH)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marker line as the report prints it.
    fn marker(snippet: &Snippet) -> String {
        format!("{}{}", snippet.pad, "^".repeat(snippet.width))
    }

    /// The characters of `text` above the marker.
    fn marked(snippet: &Snippet) -> String {
        let skip = snippet.pad.chars().count();
        snippet.text.chars().skip(skip).take(snippet.width).collect()
    }

    #[test]
    fn a_short_line_is_shown_whole_with_a_caret() {
        let s = snippet("sée {% bad %}", 5, None);
        assert_eq!(s, Snippet { text: "sée {% bad %}".into(), pad: "    ".into(), width: 1 });
    }

    #[test]
    fn tabs_stay_tabs_before_the_caret() {
        let s = snippet("\t\tx = 1", 3, None);
        assert_eq!((s.pad.as_str(), marked(&s).as_str()), ("\t\t", "x"));
    }

    #[test]
    fn a_span_is_underlined() {
        let s = snippet("Read {% link_new a | b.md %}.", 6, Some(29));
        assert_eq!(marker(&s), "     ^^^^^^^^^^^^^^^^^^^^^^^");
        assert_eq!(marked(&s), "{% link_new a | b.md %}");
    }

    #[test]
    fn a_span_past_the_line_end_stops_there() {
        let s = snippet("abc", 2, Some(40));
        assert_eq!(marked(&s), "bc");
        assert_eq!(s.width, 2);
    }

    #[test]
    fn a_column_past_the_end_gets_one_caret_after_the_text() {
        let s = snippet("abc", 4, None);
        assert_eq!((s.pad.as_str(), s.width), ("   ", 1));
        let long = "x".repeat(500);
        let s = snippet(&long, 501, Some(600));
        assert_eq!((s.pad.chars().count(), s.width), (WIDTH + 1, 1));
        assert!(s.text.starts_with(CUT) && !s.text.ends_with(CUT));
    }

    #[test]
    fn a_long_line_is_cut_to_a_window_around_the_column() {
        let line: String = (0..5000).map(|i| if i == 3000 { '@' } else { 'é' }).collect();
        let s = snippet(&line, 3001, None);
        assert_eq!(s.text.chars().count(), WIDTH + 2);
        assert!(s.text.starts_with(CUT) && s.text.ends_with(CUT), "{}", s.text);
        assert_eq!(marked(&s), "@");
        assert_eq!(s.pad.chars().count(), 1 + LEAD);
    }

    #[test]
    fn the_window_keeps_its_width_at_either_end() {
        let line: String = ('a'..='z').cycle().take(300).collect();
        let s = snippet(&line, 3, None);
        assert_eq!(s.text.chars().count(), WIDTH + 1);
        assert!(!s.text.starts_with(CUT) && s.text.ends_with(CUT));
        assert_eq!(marked(&s), "c");
        let s = snippet(&line, 299, None);
        assert_eq!(s.text.chars().count(), WIDTH + 1);
        assert!(s.text.starts_with(CUT) && !s.text.ends_with(CUT));
        assert_eq!(marked(&s), line[298..299]);
    }

    #[test]
    fn the_window_moves_to_show_a_span_that_fits() {
        let line = format!("{}{{% link_new {} %}}{}", "a".repeat(200), "b".repeat(90), "c".repeat(200));
        let span = "{% link_new ".len() + 90 + " %}".len();
        let s = snippet(&line, 201, Some(201 + span as u32));
        assert_eq!(s.width, span);
        assert!(marked(&s).starts_with("{% link_new b") && marked(&s).ends_with("b %}"));
        assert_eq!(s.text.chars().count(), WIDTH + 2);
    }

    #[test]
    fn a_span_wider_than_the_window_is_underlined_to_its_edge() {
        let line = "x".repeat(1000);
        let s = snippet(&line, 101, Some(801));
        assert_eq!(s.pad, " ");
        assert_eq!(s.width, WIDTH);
    }
}
