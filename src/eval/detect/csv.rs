//! A small RFC 4180 CSV reader: comma-separated fields, double-quoted fields that may
//! hold commas, line breaks and doubled quotes (`""`), LF or CRLF line ends.

/// One CSV record with the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Record {
    /// Line of the record's first character.
    pub(super) line: usize,
    /// The unquoted field values.
    pub(super) fields: Vec<String>,
}

/// Where a CSV text is malformed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CsvError {
    /// 1-based line.
    pub(super) line: usize,
    /// 1-based column (in characters).
    pub(super) column: usize,
    /// What is wrong.
    pub(super) msg: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At the start of a field.
    FieldStart,
    /// Inside a field that did not start with a quote.
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// After a quote inside a quoted field: a doubled quote or the field's end.
    QuoteInQuoted,
}

/// Splits `text` into records; blank lines are skipped. A quote inside an unquoted field
/// is kept as a character, as most CSV readers do.
pub(super) fn parse_csv(text: &str) -> Result<Vec<Record>, CsvError> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let (mut line, mut column) = (1, 0);
    let mut record_line = 1;
    let (mut quote_line, mut quote_column) = (1, 1);
    let mut state = State::FieldStart;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        if c == '\r' && chars.peek() == Some(&'\n') && state != State::Quoted {
            continue;
        }
        if fields.is_empty() && field.is_empty() && state == State::FieldStart {
            record_line = line;
        }
        let end_of_line = c == '\n';
        match (state, c) {
            (State::Quoted, '"') => state = State::QuoteInQuoted,
            (State::Quoted, _) => field.push(c),
            (State::QuoteInQuoted, '"') => {
                field.push('"');
                state = State::Quoted;
            }
            (State::FieldStart, '"') => {
                (quote_line, quote_column) = (line, column);
                state = State::Quoted;
            }
            (_, ',') => {
                fields.push(std::mem::take(&mut field));
                state = State::FieldStart;
            }
            (_, '\n') => {
                if state != State::FieldStart || !fields.is_empty() {
                    fields.push(std::mem::take(&mut field));
                }
                if !fields.is_empty() {
                    records.push(Record {
                        line: record_line,
                        fields: std::mem::take(&mut fields),
                    });
                }
                state = State::FieldStart;
            }
            (State::QuoteInQuoted, _) => {
                return Err(CsvError {
                    line,
                    column,
                    msg: format!("unexpected {c:?} after a closing quote"),
                });
            }
            (State::FieldStart | State::Unquoted, _) => {
                field.push(c);
                state = State::Unquoted;
            }
        }
        if end_of_line {
            line += 1;
            column = 0;
        }
    }
    if state == State::Quoted {
        return Err(CsvError {
            line: quote_line,
            column: quote_column,
            msg: "quoted field is not closed".into(),
        });
    }
    if state != State::FieldStart || !fields.is_empty() {
        fields.push(field);
        records.push(Record {
            line: record_line,
            fields,
        });
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        parse_csv(text)
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    macro_rules! t {
        ($name:ident, $text:expr, $want:expr) => {
            #[test]
            fn $name() {
                let want: Vec<Vec<&str>> = $want;
                assert_eq!(fields($text), want);
            }
        };
    }

    t!(plain, "a,b\nc,d\n", vec![vec!["a", "b"], vec!["c", "d"]]);
    t!(
        no_final_newline,
        "a,b\nc,d",
        vec![vec!["a", "b"], vec!["c", "d"]]
    );
    t!(
        empty_fields,
        "a,,\n,b,",
        vec![vec!["a", "", ""], vec!["", "b", ""]]
    );
    t!(quoted_comma, "x,\",\",y", vec![vec!["x", ",", "y"]]);
    t!(
        doubled_quote,
        "\"say \"\"hi\"\"\",z",
        vec![vec!["say \"hi\"", "z"]]
    );
    t!(only_a_quote, "\"\"\"\",z", vec![vec!["\"", "z"]]);
    t!(empty_quoted, "\"\",z", vec![vec!["", "z"]]);
    t!(
        quoted_newline,
        "\"a\nb\",c\nd",
        vec![vec!["a\nb", "c"], vec!["d"]]
    );
    t!(crlf, "a,b\r\nc\r\n", vec![vec!["a", "b"], vec!["c"]]);
    t!(
        blank_lines_skipped,
        "a\n\n\nb\n",
        vec![vec!["a"], vec!["b"]]
    );
    t!(stray_quote_kept, "it\"s,x", vec![vec!["it\"s", "x"]]);

    #[test]
    fn records_know_their_lines() {
        let records = parse_csv("h\n\"x\ny\"\nz\n").unwrap();
        let lines: Vec<usize> = records.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 4]);
    }

    #[test]
    fn text_after_closing_quote_is_an_error() {
        let err = parse_csv("a\n\"b\"c,d").unwrap_err();
        assert_eq!((err.line, err.column), (2, 4));
        assert!(err.msg.contains("after a closing quote"), "{}", err.msg);
    }

    #[test]
    fn unclosed_quote_points_at_its_opening() {
        let err = parse_csv("a\nb,\"cd\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 3));
    }
}
