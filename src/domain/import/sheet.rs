//! Workbooks to tables: `.xlsx` and BIFF8 `.xls` through calamine (every sheet, values as
//! text the way a user sees them), and XML Spreadsheet 2003 (`.xls` files that are XML, as old
//! Facebook Insights wrote them) through quick-xml.

use std::io::Cursor;

use calamine::{Data, Reader};

use super::ImportError;
use super::table::{Row, RowBuilder, Table};

/// Whether the bytes are a zip (xlsx) or an OLE compound file (BIFF `.xls`).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Whether decoded text is an XML Spreadsheet 2003 document.
pub fn is_spreadsheet_xml(text: &str) -> bool {
    let head: String = text.chars().take(4096).collect();
    head.trim_start().starts_with('<')
        && head.contains("urn:schemas-microsoft-com:office:spreadsheet")
}

/// Every sheet of an xlsx or xls workbook.
pub fn read(bytes: &[u8]) -> Result<Vec<Table>, ImportError> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| ImportError::new("unreadable-workbook", e.to_string()))?;
    let names = workbook.sheet_names().to_vec();
    let mut tables = Vec::new();
    for name in names {
        let Ok(range) = workbook.worksheet_range(&name) else {
            continue;
        };
        let start_row = range.start().map_or(0, |(r, _)| r as u64);
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| Row::new(start_row + i as u64 + 1, cells.iter().map(cell_text)))
            .filter(|r| !r.is_blank())
            .collect();
        tables.push(Table {
            sheet: name,
            rows,
            preamble: Vec::new(),
            delimiter: b',',
        });
    }
    if tables.is_empty() {
        return Err(ImportError::new("unreadable-workbook", "no sheets"));
    }
    Ok(tables)
}

fn cell_text(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let (y, mo, day, h, mi, s, _) = d.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{mo:02}-{day:02}")
            } else {
                format!("{y:04}-{mo:02}-{day:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) => String::new(),
    }
}

/// The worksheets of an XML Spreadsheet 2003 document (`<Worksheet><Table><Row><Cell><Data>`,
/// honouring `ss:Index` gaps).
pub fn read_spreadsheet_xml(text: &str) -> Result<Vec<Table>, ImportError> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut tables: Vec<Table> = Vec::new();
    // The row being read: its line and its cells so far.
    let mut row: Option<u64> = None;
    let mut cells = RowBuilder::default();
    let mut in_data = false;
    let mut cell = String::new();
    let mut column = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| ImportError::new("unreadable-workbook", e.to_string()))?;
        match event {
            Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == "Worksheet" => {
                let name = attr(&e, "Name").unwrap_or_default();
                tables.push(Table {
                    sheet: name,
                    delimiter: b',',
                    ..Table::default()
                });
            }
            Event::Start(e) if local(e.name().as_ref()) == "Row" => {
                let line = tables.last().map_or(0, |t| t.rows.len() as u64) + 1;
                let line = attr(&e, "Index")
                    .and_then(|i| i.parse().ok())
                    .unwrap_or(line);
                row = Some(line);
                cells.discard_row();
                column = 0;
            }
            Event::End(e) if local(e.name().as_ref()) == "Row" => {
                if let (Some(line), Some(t)) = (row.take(), tables.last_mut())
                    && cells.end_row(line, false)
                {
                    t.rows.extend(cells.take());
                }
            }
            Event::Start(e) | Event::Empty(e) if local(e.name().as_ref()) == "Cell" => {
                if let Some(index) = attr(&e, "Index").and_then(|i| i.parse::<usize>().ok()) {
                    column = index.saturating_sub(1);
                }
                if row.is_some() {
                    while cells.len() < column {
                        cells.push("");
                    }
                    cells.push("");
                }
                column += 1;
            }
            Event::Start(e) if local(e.name().as_ref()) == "Data" => {
                in_data = true;
                cell.clear();
            }
            Event::Text(t) if in_data => {
                cell.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_data => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    cell.push(c);
                } else {
                    cell.push_str(match r.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(e) if local(e.name().as_ref()) == "Data" => {
                in_data = false;
                if row.is_some() && !cells.is_empty() {
                    cells.set_last(&cell);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    tables.retain(|t| !t.rows.is_empty());
    if tables.is_empty() {
        return Err(ImportError::new("unreadable-workbook", "no rows"));
    }
    Ok(tables)
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

fn attr(e: &quick_xml::events::BytesStart, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_xml_is_read_with_index_gaps() {
        let xml = r#"<?xml version="1.0"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Key Metrics"><Table>
  <Row><Cell><Data ss:Type="String">Date</Data></Cell><Cell><Data ss:Type="String">Lifetime Total Likes</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">2016-01-01</Data></Cell><Cell ss:Index="3"><Data ss:Type="Number">12</Data></Cell></Row>
  <Row><Cell><Data ss:Type="String">A &amp; B</Data></Cell></Row>
 </Table></Worksheet>
</Workbook>"#;
        assert!(is_spreadsheet_xml(xml));
        let tables = read_spreadsheet_xml(xml).unwrap();
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].sheet, "Key Metrics");
        let cells: Vec<Vec<&str>> = tables[0].rows.iter().map(|r| r.cells().collect()).collect();
        assert_eq!(
            cells,
            vec![
                vec!["Date", "Lifetime Total Likes"],
                vec!["2016-01-01", "", "12"],
                vec!["A & B"]
            ]
        );
    }
}
