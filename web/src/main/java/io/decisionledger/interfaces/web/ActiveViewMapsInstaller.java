package io.decisionledger.interfaces.web;

import com.sun.faces.application.view.ViewScopeManager;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * Gives every new session an {@link ActiveViewMaps} under the name Mojarra looks up, before
 * Mojarra creates its synchronised map there. Sessions continued on another replica bring theirs
 * along in the session store.
 */
@WebListener
public class ActiveViewMapsInstaller implements HttpSessionListener {

  @Override
  public void sessionCreated(HttpSessionEvent event) {
    event.getSession().setAttribute(ViewScopeManager.ACTIVE_VIEW_MAPS, new ActiveViewMaps());
  }
}
