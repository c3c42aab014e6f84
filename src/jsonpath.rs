//! The JSON path at a byte offset of a JSON text.
//!
//! serde_json reports where an error was found as a line and column. Re-reading the
//! text up to that point with this small scanner gives the path a person can act on
//! (`offerings[3].intakes[0].start_date`). It replaces a path-tracking deserializer,
//! which would add a second copy of every model type's decoding code to the wasm.

/// One open container while scanning.
enum Frame {
    Object { key: Option<String>, expecting_key: bool },
    Array { index: usize },
}

/// The byte offset of serde_json's (1-based line, column) position.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

/// The path of the innermost value being read at byte `offset`: `a.b[2].c`; empty for
/// the document itself.
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object { key: None, expecting_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key, expecting_key }) => {
                    *key = None;
                    *expecting_key = true;
                }
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { expecting_key, .. }) = stack.last_mut() {
                    *expecting_key = false;
                }
            }
            b'"' => {
                let (s, next) = read_string(bytes, i + 1, end);
                if let Some(Frame::Object { key, expecting_key: true }) = stack.last_mut() {
                    *key = Some(s);
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => break,
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// Reads a string body starting after its opening quote; returns it (escapes kept as
/// written, which is enough for keys) and the index after the closing quote.
fn read_string(bytes: &[u8], mut i: usize, end: usize) -> (String, usize) {
    let start = i;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return (String::from_utf8_lossy(&bytes[start..i]).into_owned(), i + 1),
            _ => i += 1,
        }
    }
    (String::from_utf8_lossy(&bytes[start..end.min(bytes.len())]).into_owned(), bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, marker: &str) -> String {
        path_at(text, text.find(marker).unwrap() + marker.len())
    }

    #[test]
    fn paths_through_objects_and_arrays() {
        let t = r#"{"a": {"b": [1, {"c": "X"}, 3]}, "d": [[0, "Y"]]}"#;
        assert_eq!(at(t, "\"X\""), "a.b[1].c");
        assert_eq!(at(t, "\"Y\""), "d[0][1]");
        assert_eq!(at(t, "3"), "a.b[2]");
        assert_eq!(path_at(t, 0), "");
    }

    #[test]
    fn after_a_closed_object_the_path_is_its_place() {
        let t = r#"{"places": [{"id": "x"}, {"id": "y"}]}"#;
        assert_eq!(at(t, r#""y"}"#), "places[1]");
    }

    #[test]
    fn a_key_just_read_is_part_of_the_path() {
        let t = r#"{"meta": {}, "offerrings": []}"#;
        assert_eq!(at(t, r#""offerrings""#), "offerrings");
    }

    #[test]
    fn strings_with_brackets_and_escapes_do_not_confuse_it() {
        let t = r#"{"a": "[{\"", "b": {"c": 1}}"#;
        assert_eq!(at(t, r#""c": 1"#), "b.c");
    }

    #[test]
    fn offsets_from_lines_and_columns() {
        let t = "{\n  \"a\": 1,\n  \"b\": x\n}";
        let off = offset_of(t, 3, 8);
        assert_eq!(&t[off - 1..off], "x");
        assert_eq!(path_at(t, off), "b");
        assert_eq!(offset_of(t, 99, 1), t.len());
    }
}
