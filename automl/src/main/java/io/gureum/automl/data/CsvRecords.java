package io.gureum.automl.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a character stream, one at a time: quoted fields with {@code ""} escapes and line breaks
 * inside, LF, CRLF or CR line ends. Blank lines are skipped. Keeps only the current record in memory.
 */
final class CsvRecords {
    private final Reader in;
    private final char separator;
    private final char[] buffer = new char[1 << 16];
    private int length;
    private int position;
    private long recordNumber;
    private final StringBuilder field = new StringBuilder();

    CsvRecords(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    /** The 1-based number of the record last returned. */
    long recordNumber() { return recordNumber; }

    /** The next record's fields, or null at the end of the input. */
    List<String> next() throws IOException {
        List<String> fields = new ArrayList<>();
        field.setLength(0);
        boolean quoted = false;       // inside a quoted field
        boolean wasQuoted = false;    // the current field had quotes (so it is not blank even if empty)
        boolean any = false;          // anything seen in this record
        long startRecord = recordNumber + 1;
        while (true) {
            int c = read();
            if (c < 0) {
                if (quoted) {
                    throw CsvProblems.at(startRecord, fields.size() + 1, "a quoted field is not closed before the end of the file");
                }
                if (!any) return null;
                fields.add(field.toString());
                recordNumber = startRecord;
                return fields;
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int n = peek();
                    if (n == '"') { read(); field.append('"'); } else quoted = false;
                } else field.append(ch);
                continue;
            }
            if (ch == '"') {
                if (field.length() == 0 && !wasQuoted) { quoted = true; wasQuoted = true; any = true; continue; }
                field.append(ch); // a stray quote inside an unquoted field is kept as text, as most readers do
                any = true;
            } else if (ch == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && peek() == '\n') read();
                if (!any && field.length() == 0) continue; // blank line
                fields.add(field.toString());
                recordNumber = startRecord;
                return fields;
            } else {
                field.append(ch);
                any = true;
            }
        }
    }

    private int read() throws IOException {
        if (position == length) {
            length = in.read(buffer, 0, buffer.length);
            position = 0;
            if (length <= 0) { length = 0; return -1; }
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        int c = read();
        if (c >= 0) position--;
        return c;
    }
}
