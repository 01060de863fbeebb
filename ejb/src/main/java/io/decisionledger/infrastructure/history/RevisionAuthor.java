package io.decisionledger.infrastructure.history;

import io.decisionledger.domain.model.history.Revision;
import jakarta.ejb.EJBContext;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.security.enterprise.SecurityContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.hibernate.envers.RevisionListener;

/**
 * Says who made a revision, and on which request. The one place that decides the "who" of the
 * history (docs/audit.md), in this order:
 *
 * <ol>
 *   <li>a name set with {@link #actingAs} on this thread (start-up jobs such as the demo data:
 *       {@value #SYSTEM});
 *   <li>the caller of Jakarta Security's {@code SecurityContext}, when the server has application
 *       security and someone is signed in;
 *   <li>the caller principal of the current enterprise bean call;
 *   <li>otherwise {@value #ANONYMOUS}.
 * </ol>
 *
 * Liberty names an unauthenticated caller {@code UNAUTHENTICATED}; that counts as nobody. The
 * request id is the one {@code RequestIdFilter} put into Liberty's log record context, so a
 * revision can be matched with the request's log lines.
 *
 * <p>Envers creates this listener itself (through CDI when it can, else by its constructor), so it
 * looks everything up rather than having it injected.
 */
public class RevisionAuthor implements RevisionListener {

  public static final String SYSTEM = "system";
  public static final String ANONYMOUS = "anonymous";

  /** The name Liberty gives a caller who did not sign in. */
  static final String UNAUTHENTICATED = "UNAUTHENTICATED";

  /** The log record extension {@code RequestIdFilter} (web module) sets for each request. */
  static final String REQUEST_ID_EXTENSION = "requestId";

  private static final int MAX_NAME = 200;
  private static final int MAX_REQUEST_ID = 64;

  private static final Logger LOG = Logger.getLogger(RevisionAuthor.class.getName());
  private static final ThreadLocal<String> ACTING_AS = new ThreadLocal<>();
  private static final MethodHandle GET_EXTENSIONS = logRecordExtensions();

  @Override
  public void newRevision(Object revisionEntity) {
    ((Revision) revisionEntity).attribute(currentAuthor(), currentRequestId());
  }

  /**
   * Runs {@code work} with the changes it makes on this thread attributed to {@code name} (for
   * jobs no person started). The previous attribution comes back afterwards.
   */
  public static <T> T actingAs(String name, Supplier<T> work) {
    String previous = ACTING_AS.get();
    ACTING_AS.set(name);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        ACTING_AS.remove();
      } else {
        ACTING_AS.set(previous);
      }
    }
  }

  /** Who the current thread's changes are recorded as made by. */
  public static String currentAuthor() {
    String acting = ACTING_AS.get();
    if (acting != null) {
      return clip(acting, MAX_NAME);
    }
    String name = usable(SecurityCaller.name());
    if (name == null) {
      name = usable(ejbCaller());
    }
    return name == null ? ANONYMOUS : clip(name, MAX_NAME);
  }

  static String usable(String name) {
    if (name == null || name.isBlank() || UNAUTHENTICATED.equalsIgnoreCase(name.strip())) {
      return null;
    }
    return name.strip();
  }

  private static String ejbCaller() {
    try {
      EJBContext context = (EJBContext) new InitialContext().lookup("java:comp/EJBContext");
      Principal principal = context.getCallerPrincipal();
      return principal == null ? null : principal.getName();
    } catch (NamingException | RuntimeException e) {
      LOG.log(Level.FINEST, "No enterprise bean caller for this revision", e);
      return null;
    }
  }

  /** Jakarta Security, kept apart: its classes exist only when the server has app security. */
  private static final class SecurityCaller {
    static String name() {
      try {
        var candidates = CDI.current().select(SecurityContext.class);
        if (!candidates.isResolvable()) {
          return null;
        }
        Principal principal = candidates.get().getCallerPrincipal();
        return principal == null ? null : principal.getName();
      } catch (RuntimeException | LinkageError e) {
        LOG.log(Level.FINEST, "No Jakarta Security caller for this revision", e);
        return null;
      }
    }
  }

  /** The id of the request being served on this thread, if the web module set one. */
  public static String currentRequestId() {
    if (GET_EXTENSIONS == null) {
      return null;
    }
    try {
      Map<String, String> extensions = new HashMap<>();
      GET_EXTENSIONS.invoke(extensions);
      String id = extensions.get(REQUEST_ID_EXTENSION);
      return id == null || id.isBlank() ? null : clip(id, MAX_REQUEST_ID);
    } catch (Throwable e) {
      LOG.log(Level.FINEST, "Could not read the request id", e);
      return null;
    }
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static MethodHandle logRecordExtensions() {
    try {
      Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
      return MethodHandles.publicLookup().findStatic(context, "getExtensions",
          MethodType.methodType(void.class, Map.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(Level.FINE, "Liberty's LogRecordContext is not available; revisions carry no request id", e);
      return null;
    }
  }
}
