package io.decisionledger.application;

/**
 * Names a row of an ingestion request in its errors, in the terms of the request: the index of a
 * JSON array element ({@code [3].metric}) or the line of a CSV file ({@code line 12}).
 */
@FunctionalInterface
public interface RowLocator {

  /**
   * The error's field for a property of a row.
   *
   * @param index the row's position among the parsed rows, from 0
   * @param property the property at fault ({@code metric}, {@code value})
   */
  String field(int index, String property);

  /** JSON arrays: {@code [index].property}. */
  RowLocator INDEX = (index, property) -> "[" + index + "]." + property;

  /**
   * CSV files: {@code line n}, where {@code lines[index]} is the line the row came from (the
   * header is line 1).
   */
  static RowLocator lines(long[] lines) {
    return (index, property) -> "line " + lines[index];
  }
}
