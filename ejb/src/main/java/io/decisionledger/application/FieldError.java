package io.decisionledger.application;

import java.io.Serializable;

/**
 * One problem with one piece of input: the field (or {@code items[3].value}, {@code line 12}) and
 * what is wrong with it.
 */
public record FieldError(String field, String message) implements Serializable {}
