package io.armature.rest.internal.jersey;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The one servlet registered on the whiteboard. It forwards to the current Jersey application and
 * replaces it make-before-break: the new application is fully initialised before requests switch to
 * it, and the old one is destroyed only after in-flight requests had time to finish. Jersey's own
 * {@code reload} shuts the old application down first, which fails requests arriving in that
 * window.
 */
final class SwappableServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final long RETIRE_AFTER_SECONDS = 30;

    private final transient ScheduledExecutorService retirer;
    private transient volatile TcclServletContainer current;
    private transient volatile ResourceConfig pending;

    SwappableServlet(ResourceConfig initial, ScheduledExecutorService retirer) {
        this.pending = initial;
        this.retirer = retirer;
    }

    @Override
    public synchronized void init(ServletConfig config) throws ServletException {
        super.init(config);
        current = start(pending);
    }

    /** Switches to a new application; before {@code init} it only replaces the initial one. */
    synchronized void replace(ResourceConfig config) throws ServletException {
        if (current == null) {
            pending = config;
            return;
        }
        TcclServletContainer previous = current;
        current = start(config);
        retirer.schedule(previous::destroy, RETIRE_AFTER_SECONDS, TimeUnit.SECONDS);
    }

    private TcclServletContainer start(ResourceConfig config) throws ServletException {
        TcclServletContainer container = new TcclServletContainer(config);
        container.init(getServletConfig());
        return container;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        current.service(request, response);
    }

    @Override
    public synchronized void destroy() {
        if (current != null) {
            current.destroy();
        }
    }
}
