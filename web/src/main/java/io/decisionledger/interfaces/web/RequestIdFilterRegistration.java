package io.decisionledger.interfaces.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;

/**
 * Maps {@link RequestIdFilter} to every request, behind the filters the container has added by
 * now. Liberty's MicroProfile Telemetry adds its filter, which opens the request's span, from a
 * container initializer, and those run before any listener; a filter declared with
 * {@code @WebFilter} or in web.xml would run before it and never see the span.
 */
@WebListener
public class RequestIdFilterRegistration implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    FilterRegistration.Dynamic filter =
        event.getServletContext().addFilter("RequestIdFilter", RequestIdFilter.class);
    if (filter == null) {
      return; // already registered
    }
    filter.setAsyncSupported(true);
    filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
  }
}
