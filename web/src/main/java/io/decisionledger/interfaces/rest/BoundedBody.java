package io.decisionledger.interfaces.rest;

import io.decisionledger.application.DomainException;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies read whole but never past a limit: larger ones are refused with 413. */
public final class BoundedBody {

  private BoundedBody() {}

  /** The whole body, refused with 413 past {@code maxBytes}. */
  public static byte[] read(InputStream body, int maxBytes) {
    if (body == null) {
      return new byte[0];
    }
    try {
      byte[] bytes = body.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new DomainException.TooLarge(
            "A request body may be at most " + maxBytes / (1024 * 1024) + " MiB");
      }
      return bytes;
    } catch (IOException e) {
      throw DomainException.InvalidInput.of("body", "The body could not be read");
    }
  }
}
