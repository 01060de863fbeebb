package io.decisionledger.interfaces.experiment.rest;

import io.decisionledger.application.DomainException;
import io.decisionledger.application.FieldError;
import io.decisionledger.application.MeasurementInput;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON array of measurements with a streaming parser (no tree, no binding per row):
 * {@code [{"metric": "boot_time", "value": 12.5, "step": 1, "recordedAt": "2026-01-01T00:00:00Z"}]}.
 * Errors name the index of the element.
 */
final class MeasurementJson {

  private MeasurementJson() {}

  static List<MeasurementInput> read(InputStream body, int maxRows) {
    List<MeasurementInput> rows = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    try (JsonParser parser = Json.createParser(body)) {
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
        MeasurementInput row = readObject(parser, index, errors);
        if (row != null) {
          rows.add(row);
        }
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

  private static MeasurementInput readObject(JsonParser parser, int index, List<FieldError> errors) {
    String metric = null;
    Double value = null;
    Long step = null;
    Instant recordedAt = null;
    boolean valid = true;
    String at = "[" + index + "].";
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
            valid = error(errors, at + "metric", "must be a string");
          }
        }
        case "value" -> {
          if (v == Event.VALUE_NUMBER) {
            BigDecimal number = parser.getBigDecimal();
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
              valid = error(errors, at + "value", "is out of range for a double");
            } else {
              value = d;
            }
          } else {
            valid = error(errors, at + "value", v == Event.VALUE_STRING
                ? "must be a finite number, not the string '" + parser.getString() + "'"
                : "must be a finite number");
          }
        }
        case "step" -> {
          if (v == Event.VALUE_NUMBER && parser.isIntegralNumber()) {
            step = parser.getLong();
          } else if (v != Event.VALUE_NULL) {
            valid = error(errors, at + "step", "must be a whole number");
          }
        }
        case "recordedAt", "recorded_at", "timestamp" -> {
          if (v == Event.VALUE_STRING) {
            try {
              recordedAt = Instant.parse(parser.getString());
            } catch (DateTimeParseException e) {
              valid = error(errors, at + key, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
          } else if (v != Event.VALUE_NULL) {
            valid = error(errors, at + key, "must be a string");
          }
        }
        default -> {
          if (v == Event.START_OBJECT || v == Event.START_ARRAY) {
            parser.skipObject();
            parser.skipArray();
          }
          valid = error(errors, at + key, "is not a field of a measurement");
        }
      }
    }
    if (metric == null || metric.isBlank()) {
      valid = error(errors, at + "metric", "is required");
    }
    if (value == null && valid) {
      valid = error(errors, at + "value", "is required");
    }
    return valid ? new MeasurementInput(metric, value, step, recordedAt) : null;
  }

  private static boolean error(List<FieldError> errors, String field, String message) {
    if (errors.size() < 100) {
      errors.add(new FieldError(field, field.substring(field.indexOf('.') + 1) + " " + message));
    }
    return false;
  }
}
