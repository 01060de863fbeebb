package io.decisionledger.application;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Measurements as CSV: a header line naming the columns {@code metric}, {@code value} and
 * optionally {@code step} and {@code recorded_at} (ISO-8601 instant), then one measurement a line.
 * A UTF-8 byte order mark (spreadsheet programs write one) is skipped. Errors name the line (the
 * header is line 1), and each row keeps its line so later checks can name it too.
 */
public final class MeasurementCsv {

  /** Column names, as the header must spell them. */
  public static final String METRIC = "metric";
  public static final String VALUE = "value";
  public static final String STEP = "step";
  public static final String RECORDED_AT = "recorded_at";

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreSurroundingSpaces(true)
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .get();

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private MeasurementCsv() {}

  /**
   * What a CSV file held: the rows that parsed, the line each came from, and the errors of the
   * lines that did not parse.
   *
   * @param lines {@code lines[i]} is the line of {@code rows.get(i)}; the header is line 1
   */
  public record Result(
      List<MeasurementInput> rows, long[] lines, List<FieldError> errors, boolean tooLarge) {

    public boolean valid() {
      return errors.isEmpty() && !tooLarge;
    }

    /** The line the row at {@code index} came from. */
    public long lineOf(int index) {
      return lines[index];
    }

    /** Names rows by their line, for errors found after parsing (an unknown metric). */
    public RowLocator locator() {
      return RowLocator.lines(lines);
    }
  }

  /** Reads every line, collecting errors (at most {@code maxErrors}) instead of stopping. */
  public static Result read(Reader reader, int maxRows, int maxErrors) {
    List<MeasurementInput> rows = new ArrayList<>();
    long[] lines = new long[16];
    List<FieldError> errors = new ArrayList<>();
    boolean tooLarge = false;
    try (CSVParser parser =
        CSVParser.builder().setReader(withoutByteOrderMark(reader)).setFormat(FORMAT).get()) {
      Map<String, Integer> header = lowerCase(parser.getHeaderMap());
      if (!header.containsKey(METRIC) || !header.containsKey(VALUE)) {
        errors.add(new FieldError("line 1",
            "the header must name the columns metric and value (and optionally step, recorded_at)"));
        return new Result(rows, new long[0], errors, false);
      }
      for (CSVRecord record : parser) {
        if (rows.size() >= maxRows) {
          tooLarge = true;
          break;
        }
        long line = parser.getCurrentLineNumber();
        try {
          String metric = get(record, header, METRIC);
          if (metric == null || metric.isEmpty()) {
            throw new IllegalArgumentException("metric is required");
          }
          double value = parseValue(get(record, header, VALUE));
          String step = get(record, header, STEP);
          String at = get(record, header, RECORDED_AT);
          MeasurementInput row = new MeasurementInput(metric, value,
              step == null || step.isEmpty() ? null : parseStep(step),
              at == null || at.isEmpty() ? null : parseInstant(at));
          if (rows.size() == lines.length) {
            lines = Arrays.copyOf(lines, lines.length * 2);
          }
          lines[rows.size()] = line;
          rows.add(row);
        } catch (IllegalArgumentException e) {
          if (errors.size() < maxErrors) {
            errors.add(new FieldError("line " + line, e.getMessage()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | UncheckedIOException e) {
      errors.add(new FieldError("file", "not readable as CSV: " + e.getMessage()));
    }
    return new Result(rows, Arrays.copyOf(lines, rows.size()), errors, tooLarge);
  }

  /** Skips a leading U+FEFF, which would otherwise become part of the first column's name. */
  static Reader withoutByteOrderMark(Reader reader) throws IOException {
    PushbackReader pushback = new PushbackReader(reader, 1);
    int first = pushback.read();
    if (first != -1 && first != BYTE_ORDER_MARK) {
      pushback.unread(first);
    }
    return pushback;
  }

  private static Map<String, Integer> lowerCase(Map<String, Integer> header) {
    Map<String, Integer> lower = new java.util.HashMap<>();
    if (header != null) {
      header.forEach((k, v) -> lower.put(k.strip().toLowerCase(Locale.ROOT), v));
    }
    return lower;
  }

  private static String get(CSVRecord record, Map<String, Integer> header, String column) {
    Integer index = header.get(column);
    if (index == null || index >= record.size()) {
      return null;
    }
    return record.get(index);
  }

  /** A finite number; NaN, infinities and overflow are refused. */
  public static double parseValue(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("value is required");
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("value '" + text + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("value '" + text + "' is not a finite number");
    }
    return value;
  }

  private static long parseStep(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("step '" + text + "' is not a whole number");
    }
  }

  private static Instant parseInstant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "recorded_at '" + text + "' is not an ISO-8601 instant such as 2026-01-31T12:00:00Z");
    }
  }
}
