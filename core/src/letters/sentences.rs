//! Sentences and lines of a rendered letter: where a sentence ends (so a
//! sentence whose placeholder is empty can be left out whole), and the
//! tidying after rendering — lines left with nothing are removed, runs of
//! spaces closed, and no blank line is doubled where one was removed.

/// Marks, at the start of a compiled line, a line that may vanish: one
/// with a sentence said only when its placeholders have values. It never
/// survives `tidy`; owners' own text cannot hold it (compile replaces it).
pub(crate) const LINE_MARK: char = '\u{1}';

/// Whether `c` ends a sentence: a full stop, question or exclamation mark
/// (or 。 …) followed by a space, a line break or the end. "3.5" and
/// "e.g.," go on.
pub(crate) fn ends_sentence(c: char, next: Option<char>) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '…')
        && next.map_or(true, |n| n == ' ' || n == '\t' || n == '\n')
}

/// Closes the gaps an empty placeholder leaves: runs of spaces become one,
/// lines lose the spaces at their ends, a marked line with nothing left is
/// removed, and a blank line that would now double another (or open or
/// close the letter) goes with it. The owner's line breaks otherwise stay.
pub(crate) fn tidy(text: &str) -> String {
    let mut out: Vec<String> = vec![];
    let mut removed = false;
    for raw in text.split('\n') {
        let (marked, line) = match raw.strip_prefix(LINE_MARK) {
            Some(rest) => (true, rest),
            None => (false, raw),
        };
        let line = close_spaces(line);
        if marked && line.is_empty() {
            removed = true;
            continue;
        }
        if line.is_empty() && removed && out.last().map_or(true, |l| l.is_empty()) {
            continue;
        }
        if !line.is_empty() {
            removed = false;
        }
        out.push(line);
    }
    if removed {
        while out.last().is_some_and(|l| l.is_empty()) {
            out.pop();
        }
    }
    out.join("\n")
}

fn close_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split([' ', '\t']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The minijinja source being written, one sentence at a time.
#[derive(Default)]
pub(crate) struct Compiled {
    pub(crate) jinja: String,
    /// Where the current line starts in `jinja`, and whether it is marked.
    pub(crate) line_start: usize,
    pub(crate) line_marked: bool,
    pub(crate) sentence: String,
    pub(crate) keys: Vec<&'static str>,
}

impl Compiled {
    /// A sentence with placeholders is said only when each has a value;
    /// its line is marked so `tidy` drops the line if nothing is left.
    pub(crate) fn end_sentence(&mut self) {
        if self.keys.is_empty() {
            self.jinja.push_str(&self.sentence);
        } else {
            if !self.line_marked {
                self.jinja.insert(self.line_start, LINE_MARK);
                self.line_marked = true;
            }
            let cond = self.keys.join(" and ");
            self.jinja
                .push_str(&format!("{{% if {cond} %}}{}{{% endif %}}", self.sentence));
        }
        self.sentence.clear();
        self.keys.clear();
    }

    pub(crate) fn end_line(&mut self) {
        self.end_sentence();
        self.jinja.push('\n');
        self.line_start = self.jinja.len();
        self.line_marked = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_at_a_stop_before_a_space() {
        assert!(ends_sentence('.', None));
        assert!(ends_sentence('?', Some(' ')));
        assert!(ends_sentence('!', Some('\n')));
        assert!(!ends_sentence('.', Some('5')), "3.5");
        assert!(!ends_sentence(',', Some(' ')));
    }

    #[test]
    fn a_removed_line_takes_no_blank_line_with_it_twice() {
        let m = LINE_MARK;
        assert_eq!(tidy(&format!("가\n\n{m}\n\n나")), "가\n\n나");
        assert_eq!(tidy(&format!("가\n\n{m}  ")), "가");
        assert_eq!(tidy(&format!("{m}\n\n나")), "나");
        assert_eq!(tidy(&format!("가\n{m}남은 문장.")), "가\n남은 문장.");
        assert_eq!(
            tidy("가\n\n\n나"),
            "가\n\n\n나",
            "the owner's own spacing stays"
        );
        assert_eq!(tidy(" 요즘  소식 "), "요즘 소식");
    }
}
