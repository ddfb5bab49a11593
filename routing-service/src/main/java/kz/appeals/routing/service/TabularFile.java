package kz.appeals.routing.service;

import kz.appeals.platform.problem.Problem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A reference file as rows of named cells, whatever it came as: CSV (semicolon or comma separated, quotes allowed,
 * {@code #} comment lines) or the first sheet of an .xlsx workbook. Every row keeps its line or sheet row number so
 * that a problem can be reported where the person will find it.
 */
public record TabularFile(List<String> header, List<Line> rows) {

    /** One data row: its number as the file shows it (CSV line, spreadsheet row) and its cells by column name. */
    public record Line(int number, Map<String, String> cells) {
        public String get(String column) {
            String value = cells.get(column);
            return value == null ? "" : value;
        }
    }

    public static TabularFile csv(Reader source) {
        try (BufferedReader reader = new BufferedReader(source)) {
            List<String> header = null;
            char separator = ';';
            List<Line> rows = new ArrayList<>();
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                if (header == null) {
                    separator = text.indexOf(';') >= 0 ? ';' : ',';
                    header = split(text, separator).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
                    continue;
                }
                rows.add(new Line(number, cells(header, split(text, separator))));
            }
            if (header == null) {
                throw new ImportProblem(List.of(new Problem.FieldError("file", "empty", "The file has no header line")));
            }
            return new TabularFile(header, rows);
        } catch (IOException e) {
            throw new ImportProblem(List.of(new Problem.FieldError("file", "unreadable", e.getMessage())));
        }
    }

    public static TabularFile xlsx(InputStream source) {
        try (Workbook workbook = new XSSFWorkbook(source)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> header = null;
            List<Line> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Cell cell = row.getCell(c, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
                    values.add(cell == null ? "" : formatter.formatCellValue(cell).trim());
                }
                if (values.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (header == null) {
                    header = values.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
                    continue;
                }
                rows.add(new Line(row.getRowNum() + 1, cells(header, values)));
            }
            if (header == null) {
                throw new ImportProblem(List.of(new Problem.FieldError("file", "empty", "The sheet has no header row")));
            }
            return new TabularFile(header, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportProblem problem) {
                throw problem;
            }
            throw new ImportProblem(List.of(new Problem.FieldError("file", "unreadable",
                    "Not a readable .xlsx workbook: " + e.getMessage())));
        }
    }

    /** Fails, naming every missing column, unless the header has them all. */
    public void requireColumns(List<String> columns) {
        List<Problem.FieldError> missing = columns.stream().filter(c -> !header.contains(c))
                .map(c -> new Problem.FieldError("file.header", "missing-column", "Missing column " + c)).toList();
        if (!missing.isEmpty()) {
            throw new ImportProblem(missing);
        }
    }

    private static Map<String, String> cells(List<String> header, List<String> values) {
        Map<String, String> cells = new HashMap<>();
        for (int c = 0; c < header.size() && c < values.size(); c++) {
            cells.put(header.get(c), values.get(c).trim());
        }
        return cells;
    }

    /** One CSV line into cells; a quoted cell may hold the separator and doubled quotes. */
    private static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
