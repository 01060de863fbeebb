package io.decisionledger.interfaces.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as the API uses it: absent values are written as {@code null} rather than left out, so
 * every response of one type has the same fields (a comparison without an interval says so).
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
