package io.decisionledger.interfaces.experiment.rest;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.FieldError;
import io.decisionledger.application.MeasurementColumns;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON array of measurements with a streaming parser (no tree, no binding per row):
 * {@code [{"metric": "boot_time", "value": 12.5, "step": 1, "recordedAt": "2026-01-01T00:00:00Z"}]}.
 * Errors name the index of the element. The rows go straight into columns ({@link
 * MeasurementColumns}): no object and no {@code BigDecimal} per row.
 */
final class MeasurementJson {

  /** One factory: {@code Json.createParser} looks the provider up on every call. */
  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private MeasurementJson() {}

  static MeasurementColumns read(InputStream body, int maxRows) {
    MeasurementColumns rows = new MeasurementColumns(1024);
    List<FieldError> errors = new ArrayList<>();
    try (JsonParser parser = PARSERS.createParser(body)) {
      if (!parser.hasNext() || parser.next() != Event.START_ARRAY) {
        throw DomainException.InvalidInput.of("body", "The body must be a JSON array of measurements");
      }
      int index = 0;
      while (parser.hasNext()) {
        Event event = parser.next();
        if (event == Event.END_ARRAY) {
          break;
        }
        if (index >= maxRows) {
          throw new DomainException.TooLarge(
              "A request may carry at most " + maxRows + " measurements");
        }
        if (event != Event.START_OBJECT) {
          throw DomainException.InvalidInput.of("[" + index + "]", "must be an object");
        }
        readObject(parser, index, errors, rows);
        if (errors.size() >= 100) {
          break;
        }
        index++;
      }
    } catch (JsonParsingException e) {
      throw DomainException.InvalidInput.of("body", "Malformed JSON at line "
          + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber());
    } catch (jakarta.json.JsonException e) {
      throw DomainException.InvalidInput.of("body", "Malformed JSON: " + e.getMessage());
    }
    if (!errors.isEmpty()) {
      throw new DomainException.InvalidInput(
          "The request has invalid measurements; nothing was written", errors);
    }
    return rows;
  }

  /** Reads one element and appends it to {@code rows} when it is valid. */
  private static void readObject(
      JsonParser parser, int index, List<FieldError> errors, MeasurementColumns rows) {
    String metric = null;
    double value = 0;
    boolean hasValue = false;
    long step = 0;
    boolean hasStep = false;
    Instant recordedAt = null;
    boolean valid = true;
    // The "[index]." prefix of an error field is built only for an error.
    while (parser.hasNext()) {
      Event event = parser.next();
      if (event == Event.END_OBJECT) {
        break;
      }
      String key = parser.getString();
      Event v = parser.next();
      switch (key) {
        case "metric" -> {
          if (v == Event.VALUE_STRING) {
            metric = parser.getString();
          } else {
            valid = error(errors, field(index, "metric"), "must be a string");
          }
        }
        case "value" -> {
          if (v == Event.VALUE_NUMBER) {
            // The number's text as the parser validated it (JSON's grammar is a subset of
            // Java's): the nearest double, as BigDecimal.doubleValue() would give.
            double d = Double.parseDouble(parser.getString());
            if (!Double.isFinite(d)) {
              valid = error(errors, field(index, "value"), "is out of range for a double");
            } else {
              value = d;
              hasValue = true;
            }
          } else {
            valid = error(errors, field(index, "value"), v == Event.VALUE_STRING
                ? "must be a finite number, not the string '" + parser.getString() + "'"
                : "must be a finite number");
          }
        }
        case "step" -> {
          if (v == Event.VALUE_NUMBER && parser.isIntegralNumber()) {
            step = parser.getLong();
            hasStep = true;
          } else if (v != Event.VALUE_NULL) {
            valid = error(errors, field(index, "step"), "must be a whole number");
          }
        }
        case "recordedAt", "recorded_at", "timestamp" -> {
          if (v == Event.VALUE_STRING) {
            try {
              recordedAt = Instant.parse(parser.getString());
            } catch (DateTimeParseException e) {
              valid = error(errors, field(index, key), "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
          } else if (v != Event.VALUE_NULL) {
            valid = error(errors, field(index, key), "must be a string");
          }
        }
        default -> {
          if (v == Event.START_OBJECT || v == Event.START_ARRAY) {
            parser.skipObject();
            parser.skipArray();
          }
          valid = error(errors, field(index, key), "is not a field of a measurement");
        }
      }
    }
    if (metric == null || metric.isBlank()) {
      valid = error(errors, field(index, "metric"), "is required");
    }
    if (!hasValue && valid) {
      valid = error(errors, field(index, "value"), "is required");
    }
    if (valid) {
      rows.add(metric, value, hasStep, step, recordedAt);
    }
  }

  private static String field(int index, String property) {
    return "[" + index + "]." + property;
  }

  private static boolean error(List<FieldError> errors, String field, String message) {
    if (errors.size() < 100) {
      errors.add(new FieldError(field, field.substring(field.indexOf('.') + 1) + " " + message));
    }
    return false;
  }
}
