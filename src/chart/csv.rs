//! CSV downloads: UTF-8 with a byte-order mark (so Excel reads Vietnamese correctly), CRLF
//! line ends, headers in the current language, plain numbers in the cells.

use super::DataTable;

/// The table as CSV text, starting with the UTF-8 BOM.
pub fn render(table: &DataTable) -> String {
    let mut out = String::from('\u{FEFF}');
    push_line(&mut out, table.headers.iter().map(String::as_str));
    for row in &table.rows {
        push_line(&mut out, row.iter().map(|c| c.raw.as_str()));
    }
    out
}

fn push_line<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        // Quote what would break the row; neutralise leading formula characters so a cell
        // cannot run as a spreadsheet formula (OWASP's list: `=`, `+`, `-`, `@`, TAB, CR). A
        // plain signed number stays a number.
        let risky = field.starts_with(['=', '+', '-', '@', '\t', '\r'])
            && !(field.len() > 1
                && field.starts_with(['+', '-'])
                && field[1..].bytes().all(|b| b.is_ascii_digit() || b == b'.'));
        let field = if risky {
            format!("'{field}")
        } else {
            field.to_owned()
        };
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&field);
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Cell;

    #[test]
    fn csv_has_a_bom_quotes_and_raw_numbers() {
        let table = DataTable {
            headers: vec!["Tình trạng".into(), "Số lượng".into()],
            rows: vec![
                vec![
                    Cell::text("Chưa hoàn thành, quá hạn"),
                    Cell::number("1.068".into(), 1068),
                ],
                vec![Cell::text("say \"hi\""), Cell::number("-2,5".into(), -2.5)],
                vec![Cell::text("=HYPERLINK(x)"), Cell::text("")],
            ],
        };
        assert_eq!(
            render(&table),
            "\u{FEFF}Tình trạng,Số lượng\r\n\"Chưa hoàn thành, quá hạn\",1068\r\n\"say \"\"hi\"\"\",-2.5\r\n'=HYPERLINK(x),\r\n"
        );
    }

    #[test]
    fn every_leading_formula_character_is_neutralised() {
        let cell = |text: &str| {
            let table = DataTable {
                headers: vec!["x".into()],
                rows: vec![vec![Cell::text(text)]],
            };
            render(&table)["\u{FEFF}x\r\n".len()..].to_owned()
        };
        for (text, csv) in [
            ("=1+1", "'=1+1\r\n"),
            ("=1", "'=1\r\n"),
            ("+cmd", "'+cmd\r\n"),
            ("-cmd", "'-cmd\r\n"),
            ("@SUM(A1)", "'@SUM(A1)\r\n"),
            ("\t=1", "'\t=1\r\n"),
            ("\r=1", "\"'\r=1\"\r\n"),
            ("-", "'-\r\n"),
            // Numbers stay numbers.
            ("-2.5", "-2.5\r\n"),
            ("+12", "+12\r\n"),
            ("1068", "1068\r\n"),
        ] {
            assert_eq!(cell(text), csv, "{text:?}");
        }
    }
}
