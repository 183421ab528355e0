//! Where the code is in a text, so tags there stay literal. One pass over
//! the lines finds fenced code blocks and inline code spans as CommonMark
//! defines them, far cheaper than a full Markdown parse. It answers `None`
//! where only a full parse can tell: an indented block after a blank line
//! (code, or a list item's continuation?) or raw HTML holding backticks,
//! when tag-like text is nearby. A property test holds it to pulldown-cmark.

use std::ops::Range;

/// Code ranges of `text`, or `None` to ask for a full parse.
pub fn code_ranges(text: &str) -> Option<Vec<Range<usize>>> {
    if cannot_hold_code(text) {
        return Some(Vec::new());
    }
    if text.contains(['\u{b}', '\u{c}']) {
        // Whitespace to some CommonMark rules and not to others.
        return None;
    }
    let mut scan = Scan { text, ranges: Vec::new(), region: None, region_is_html: false, ambiguous: false };
    // An open fence: its marker, length, start, the quote depth it is in,
    // and the indentation a line needs to stay in its list item.
    let mut fence: Option<(u8, usize, usize, usize, usize)> = None;
    let mut fence_indent = 0;
    // Whether a list item may be open (a marker since the last blank line).
    let mut in_list = false;
    // Whether the current paragraph holds a backtick that may still pair.
    let mut backtick_in_paragraph = false;
    // Whether the line before was paragraph text, which a line may continue.
    let mut in_paragraph = false;
    let (mut in_table, mut previous_depth) = (false, 0);
    // The number of columns of the table being read.
    let mut table_columns = 0;
    let (mut previous_start, mut previous_end) = (0, 0);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        let (line_start, line_end) = (start, start + content.len());
        start += line.len();
        let trimmed = content.trim_start_matches([' ', '\t']);
        let indent = columns(&content[..content.len() - trimmed.len()]);
        // A `>` indented 4 columns is not a quote marker but indented text.
        let (depth, quoted) = if indent < 4 { strip_quotes(trimmed) } else { (0, trimmed) };
        let inner = quoted.trim_start_matches([' ', '\t']);
        // Inside a quote, indentation counts from after the `>` marker.
        let indent = if depth > 0 { columns(&quoted[..quoted.len() - inner.len()]) } else { indent };
        let previous = (previous_start, previous_end);
        (previous_start, previous_end) = (line_start, line_end);

        if let Some((marker, length, fence_start, fence_depth, item_indent)) = fence {
            let blank = inner.trim_matches([' ', '\t']).is_empty();
            if !blank && indent < fence_indent {
                // Less indented than an indented fence: the end of a list
                // item holding it, or just code? A parser's call.
                return None;
            }
            if depth >= fence_depth && (blank || indent >= item_indent) {
                // A closing fence is indented less than 4 columns.
                if indent < 4 && closes_fence(inner, marker, length) {
                    scan.ranges.push(fence_start..line_end);
                    fence = None;
                }
                continue;
            }
            // The quote or list item holding the fence ended, and the fence with it.
            scan.ranges.push(fence_start..previous.1);
            fence = None;
        }
        if in_paragraph && scan.region_is_html && !content.trim_matches([' ', '\t']).is_empty() {
            // Inside an HTML block nothing else starts until a blank line;
            // only a parser knows which lines open one.
            if depth > 0
                || is_heading(inner)
                || starts_block(inner)
                || opens_fence(inner).is_some()
                || inner.contains('`')
            {
                return None;
            }
        }
        if inner.trim_matches([' ', '\t']).is_empty() {
            scan.flush(line_start);
            (in_paragraph, in_table, backtick_in_paragraph, in_list) = (false, false, false, false);
            continue;
        }
        if indent >= 4 && (looks_like_tag(content) || content.contains('`')) {
            // An indented code block, or the continuation of a paragraph or
            // list item: telling them apart takes the list structure.
            return None;
        }
        if indent >= 4 && depth == 0 && !in_paragraph {
            scan.flush(line_start);
            continue;
        }
        let block_marker = indent < 4 || depth > 0;
        if block_marker {
            let after_marker = strip_list_marker(inner);
            if after_marker.len() < inner.len() && inner[..inner.len() - after_marker.len()].contains('\t') {
                // Tab stops after a list marker shift its content column.
                return None;
            }
            let nested = after_marker.starts_with(['>', '#', '<', '-', '*', '+', '`', '~'])
                || strip_list_marker(after_marker).len() < after_marker.len();
            if after_marker.len() < inner.len() && nested {
                // A block opening a list item on the same line (a quote, a
                // heading, a nested list...): a parser's call.
                return None;
            }
            let in_html = in_paragraph && scan.region_is_html;
            if let Some((marker, length)) = opens_fence(after_marker).filter(|_| !in_html) {
                if depth > 0 || after_marker.len() < inner.len() {
                    // A fence inside a quote or a list item ends with its
                    // container: a parser's call.
                    return None;
                }
                scan.flush(line_start);
                // A fence opened in a list item ends with the item.
                let item_indent =
                    if after_marker.len() < inner.len() { indent + inner.len() - after_marker.len() } else { 0 };
                fence = Some((marker, length, line_start, depth, item_indent));
                fence_indent = indent;
                (in_paragraph, in_table) = (false, false);
                continue;
            }
        }
        if in_paragraph && block_marker && depth == previous_depth && is_setext_underline(inner) {
            if in_list && backtick_in_paragraph {
                // Under a list item's text, `===` may be a lazy continuation
                // rather than an underline: a parser's call.
                return None;
            }
            // `Title` over `===`: the paragraph was a heading, now ended.
            scan.flush(line_end);
            in_paragraph = false;
            continue;
        }
        let header_has_pipe = text[previous.0..previous.1].contains('|');
        if in_paragraph && !in_table && header_has_pipe && is_table_delimiter(inner) {
            if backtick_in_paragraph {
                // Whether the header row really makes a table decides
                // whether its backticks pair: a parser's call.
                return None;
            }
            // The line above was a table header: a block of its own.
            table_columns = cell_count(inner);
            scan.flush(previous.0);
            scan.region = Some(previous.0);
            scan.flush(line_start);
            (in_paragraph, in_table) = (false, true);
            continue;
        }
        if block_marker && code_after_list_marker(inner) && (looks_like_tag(inner) || inner.contains('`')) {
            // `-     code`: an indented code block opening a list item.
            return None;
        }
        if is_heading(inner) && inner.trim_end().ends_with('}') && inner.contains('`') {
            // A trailing `{...}` is heading attributes, which may swallow a
            // backtick: a parser's call.
            return None;
        }
        let starts = block_marker && (starts_block(inner) || is_heading(inner) || is_thematic_break(inner));
        in_list |= block_marker && strip_list_marker(inner).len() < inner.len();
        let always_interrupts = is_heading(inner) || interrupting_list_item(inner);
        if starts && in_paragraph && !always_interrupts && (backtick_in_paragraph || inner.contains('`')) {
            // Whether a list item or HTML may interrupt this paragraph
            // decides whether its backticks pair: a parser's call.
            return None;
        }
        // A line with fewer `>` continues the quote's paragraph (lazily).
        let lazy = depth < previous_depth && in_paragraph && !starts;
        if in_table || starts || (depth != previous_depth && !lazy) {
            scan.flush(line_start);
        }
        if in_table && content.contains('`') && !row_spans_stay_in_cells(content, table_columns) {
            // A row is split into cells before code spans are read, and
            // cells past the header's are dropped: a parser's call.
            return None;
        }
        if !lazy {
            previous_depth = depth;
        }
        if scan.region.is_none() {
            scan.region = Some(line_start);
            scan.region_is_html = inner.starts_with('<');
            if raw_text_html(inner) && looks_like_tag(text) {
                // `<style>`, `<pre>`, comments... run past blank lines to
                // their end tag: a parser's call.
                return None;
            }
            backtick_in_paragraph = false;
        }
        backtick_in_paragraph |= content.contains('`');
        in_paragraph = true;
        if block_marker && is_heading(inner) {
            // A heading is one line: nothing continues it.
            scan.flush(line_end);
            in_paragraph = false;
        }
    }
    if let Some((_, _, fence_start, _, _)) = fence {
        // An unclosed fence runs to the end of the document.
        scan.ranges.push(fence_start..text.len());
    }
    scan.flush(text.len());
    (!scan.ambiguous).then_some(scan.ranges)
}

/// True when no code can exist: code spans and fences need a backtick or
/// a tilde, and an indented code block needs a tab or four spaces in a row
/// (wherever its container's markers put it). Most articles pass, which
/// spares them the line scan.
fn cannot_hold_code(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3(b'`', b'~', b'\t', bytes).is_none() && memchr::memmem::find(bytes, b"    ").is_none()
}

fn is_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    (1..=6).contains(&hashes) && matches!(line.as_bytes().get(hashes), None | Some(b' ' | b'\t'))
}

/// The number of `>` quote markers opening a line, and the rest of it, with
/// the one optional space after the last marker removed.
fn strip_quotes(mut line: &str) -> (usize, &str) {
    let mut depth = 0;
    while let Some(rest) = line.strip_prefix('>') {
        depth += 1;
        line = rest.strip_prefix(' ').unwrap_or(rest);
        let nested = line.trim_start_matches(' ');
        // Indented 4 or more, a `>` is text (indented code), not a marker.
        if nested.starts_with('>') && line.len() - nested.len() < 4 {
            line = nested;
        }
    }
    (depth, line)
}

fn strip_list_marker(line: &str) -> &str {
    let bytes = line.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let marker = match bytes {
        [b'-' | b'*' | b'+', b' ' | b'\t', ..] => 1,
        _ if (1..=9).contains(&digits)
            && matches!(bytes.get(digits), Some(b'.' | b')'))
            && matches!(bytes.get(digits + 1), Some(b' ' | b'\t')) =>
        {
            digits + 1
        }
        _ => return line,
    };
    line[marker..].trim_start_matches([' ', '\t'])
}

/// A list item that may interrupt a paragraph: a bullet or `1.` with content.
fn interrupting_list_item(line: &str) -> bool {
    let content = strip_list_marker(line);
    content.len() < line.len()
        && !content.trim().is_empty()
        && (matches!(line.as_bytes()[0], b'-' | b'*' | b'+') || line.starts_with("1.") || line.starts_with("1)"))
}

/// Whether a list item's content starts 5 or more columns after its
/// marker, which makes it an indented code block.
fn code_after_list_marker(line: &str) -> bool {
    let bytes = line.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let marker = match bytes {
        [b'-' | b'*' | b'+', ..] => 1,
        _ if (1..=9).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) => digits + 1,
        _ => return false,
    };
    let rest = &line[marker..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    spaces >= 5 && !rest.trim().is_empty()
}

/// HTML blocks that end at their closing tag rather than at a blank line.
fn raw_text_html(line: &str) -> bool {
    let lower = line.get(..10).unwrap_or(line).to_ascii_lowercase();
    ["<pre", "<script", "<style", "<textarea", "<!", "<?"].iter().any(|start| lower.starts_with(start))
}

/// `***`, `- - -`, `___`: a horizontal rule.
fn is_thematic_break(line: &str) -> bool {
    let mut marks = line.bytes().filter(|b| !matches!(b, b' ' | b'\t'));
    let Some(first @ (b'*' | b'-' | b'_')) = marks.next() else { return false };
    let mut count = 1;
    marks.all(|b| {
        count += 1;
        b == first
    }) && count >= 3
}

fn is_setext_underline(line: &str) -> bool {
    let line = line.trim_end_matches([' ', '\t']);
    !line.is_empty() && (line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-'))
}

/// `|---|:--:|`, `--- | ---`: the row under a table header.
fn is_table_delimiter(line: &str) -> bool {
    let line = line.trim();
    line.contains('-')
        && (line.contains('|') || line.contains(':'))
        && line.bytes().all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
}

/// Whether the code spans of a table row each stay inside one of its first
/// `columns` cells, with no backtick left unpaired.
fn row_spans_stay_in_cells(row: &str, columns: usize) -> bool {
    let (spans, unpaired) = code_spans(row.as_bytes());
    !unpaired && cell_count(row) <= columns && spans.iter().all(|span| unescaped_pipes(&row[span.clone()]) == 0)
}

/// The number of cells of a table row: one more than the pipes between
/// them, a leading and a trailing pipe aside.
fn cell_count(row: &str) -> usize {
    let row = row.trim_matches([' ', '\t']);
    let inner = row.strip_prefix('|').unwrap_or(row);
    let pipes = unescaped_pipes(inner);
    // An unescaped last pipe closes the row rather than opening a cell.
    let closing = pipes - unescaped_pipes(inner.strip_suffix('|').unwrap_or(inner));
    1 + pipes - closing
}

/// The pipes of `text` not escaped with a backslash.
fn unescaped_pipes(text: &str) -> usize {
    let (mut pipes, mut escaped) = (0, false);
    for byte in text.bytes() {
        pipes += usize::from(byte == b'|' && !escaped);
        escaped = byte == b'\\' && !escaped;
    }
    pipes
}

struct Scan<'t> {
    text: &'t str,
    ranges: Vec<Range<usize>>,
    /// Start of the run of lines that code spans may cross.
    region: Option<usize>,
    region_is_html: bool,
    ambiguous: bool,
}

impl Scan<'_> {
    /// Finds the code spans in the region ending at `end`.
    fn flush(&mut self, end: usize) {
        let Some(start) = self.region.take() else { return };
        let region = &self.text.as_bytes()[start..end];
        let has_backtick = region.contains(&b'`');
        if !has_backtick {
            return;
        }
        if self.region_is_html || region.contains(&b'<') || region.windows(2).any(|w| w == b"](") {
            // Raw HTML, autolinks and link destinations take precedence over
            // code spans and may hold backticks: a parser's call.
            self.ambiguous = true;
        }
        let (spans, _) = code_spans(region);
        self.ranges.extend(spans.into_iter().map(|span| start + span.start..start + span.end));
    }
}

/// The code spans of a run of text, and whether a backtick run was left
/// without its closing run.
fn code_spans(bytes: &[u8]) -> (Vec<Range<usize>>, bool) {
    let (mut spans, mut unpaired) = (Vec::new(), false);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'`' => {
                let run = run_length(bytes, i);
                match find_closing_run(bytes, i + run, run) {
                    Some(close) => {
                        spans.push(i..close + run);
                        i = close + run;
                    }
                    None => {
                        unpaired = true;
                        i += run;
                    }
                }
            }
            _ => i += 1,
        }
    }
    (spans, unpaired)
}

/// Width of leading whitespace, with tab stops every 4 columns.
fn columns(whitespace: &str) -> usize {
    whitespace.bytes().fold(0, |col, b| if b == b'\t' { col / 4 * 4 + 4 } else { col + 1 })
}

fn run_length(bytes: &[u8], at: usize) -> usize {
    bytes[at..].iter().take_while(|b| **b == b'`').count()
}

/// A later run of exactly `run` backticks, where a code span opened by a run
/// of that length closes.
fn find_closing_run(bytes: &[u8], mut i: usize, run: usize) -> Option<usize> {
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let length = run_length(bytes, i);
            if length == run {
                return Some(i);
            }
            i += length;
        } else {
            i += 1;
        }
    }
    None
}

fn opens_fence(trimmed: &str) -> Option<(u8, usize)> {
    let marker = *trimmed.as_bytes().first().filter(|b| **b == b'`' || **b == b'~')?;
    let length = trimmed.bytes().take_while(|b| *b == marker).count();
    let info = &trimmed[length..];
    (length >= 3 && !(marker == b'`' && info.contains('`'))).then_some((marker, length))
}

fn closes_fence(trimmed: &str, marker: u8, length: usize) -> bool {
    let run = trimmed.bytes().take_while(|b| *b == marker).count();
    run >= length && trimmed[run..].trim().is_empty()
}

/// Lines after which a code span cannot continue from the line before.
fn starts_block(trimmed: &str) -> bool {
    let bytes = trimmed.as_bytes();
    let list_marker = matches!(bytes, [b'-' | b'*' | b'+', b' ' | b'\t', ..] | [b'-' | b'*' | b'+']) || {
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        (1..=9).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')'))
    };
    list_marker || bytes.first() == Some(&b'<')
}

fn looks_like_tag(text: &str) -> bool {
    text.contains("{%") || text.contains("{{") || text.contains("{:")
}

#[cfg(test)]
mod tests {
    use super::code_ranges;

    fn code(text: &str) -> Vec<&str> {
        code_ranges(text).expect("unambiguous").into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn spans_and_fences() {
        assert_eq!(code("a `x` b ``y ` z`` c"), ["`x`", "``y ` z``"]);
        assert_eq!(code("a `open\nclose` b"), ["`open\nclose`"]);
        assert_eq!(code("\\`not` code"), Vec::<&str>::new());
        assert_eq!(code("- one `a\n- two` b"), Vec::<&str>::new());
        assert_eq!(code("```yaml\n{% x %}\n```\nafter"), ["```yaml\n{% x %}\n```"]);
        assert_eq!(code("~~~~\n~~~\nstill\n~~~~~\n"), ["~~~~\n~~~\nstill\n~~~~~"]);
        // Less indented than its fence: the end of a list item, or code?
        assert!(code_ranges("  ~~~~\n~~~\n{% x %}\n").is_none());
        assert_eq!(code("```\nnever closed"), ["```\nnever closed"]);
    }

    #[test]
    fn table_rows_are_cut_into_cells_before_code_spans() {
        let table = "| Port | Use |\n|---|---|\n| `443` | {% icon lock %} `wss` |\n";
        assert_eq!(code(table), ["`443`", "`wss`"]);
        // A span across a pipe, or in a cell past the header's, is the parser's call.
        assert!(code_ranges("| a | b |\n|---|---|\n| `x | {% t %} | y` |\n").is_none());
        assert!(code_ranges("{%\n| a |\n|---|\n{%`| a |{{`").is_none());
        assert!(code_ranges("| a |\n|---|\n| `x \\| y` {% t %} |\n").is_some());
    }

    #[test]
    fn cells_are_counted_without_their_outer_pipes() {
        assert_eq!(super::cell_count("| a | b |"), 2);
        assert_eq!(super::cell_count("a | b"), 2);
        assert_eq!(super::cell_count("|---|"), 1);
        assert_eq!(super::cell_count("| a \\| b |"), 1);
        assert_eq!(super::cell_count("| a | b \\|"), 2);
    }

    #[test]
    fn ambiguous_indentation_asks_for_a_full_parse() {
        assert!(code_ranges("Text\n\n    {% tag %}\n").is_none());
        assert!(code_ranges("1. Step\n\n    More `x`\n").is_none());
        // Indented text without tags or backticks does not matter.
        assert!(code_ranges("1. Step\n\n    More text\n").is_some());
        // Even a lazy continuation line is left to the parser: only the list
        // structure tells it from code, and that costs only time.
        assert!(code_ranges("Text\n    {% tag %}\n").is_none());
        assert!(code_ranges("> Quote\n>     {% tag %}\n").is_none());
    }

    #[test]
    fn text_without_code_markers_skips_the_scan() {
        assert_eq!(code_ranges("# Title\n\nText {% tag %}\n\n- item {% tag %}\n"), Some(Vec::new()));
        // Each of these can make code, so the shortcut must not apply.
        assert!(code_ranges("- item\n\n          {% tag %}\n").is_none());
        assert!(code_ranges("- Item\n\n\t{% tag %}\n").is_none());
        assert!(code_ranges("-     {% tag %}\n").is_none());
        assert_eq!(code("~~~\n{% tag %}\n~~~\n"), ["~~~\n{% tag %}\n~~~"]);
    }
}
