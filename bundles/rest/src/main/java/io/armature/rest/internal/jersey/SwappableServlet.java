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

    SwappableServlet(ScheduledExecutorService retirer) {
        this.retirer = retirer;
    }

    @Override
    public synchronized void init(ServletConfig config) throws ServletException {
        super.init(config);
        if (pending != null) {
            current = start(pending);
            pending = null;
        }
    }

    /** Switches to a new application; before {@code init} it is kept for {@code init}. */
    synchronized void replace(ResourceConfig config) throws ServletException {
        if (getServletConfig() == null) {
            pending = config;
            return;
        }
        if (current == null) {
            current = start(config);
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
        TcclServletContainer application = current;
        if (application == null) {
            response.setStatus(503);
            response.setHeader("Retry-After", "1");
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write(
                            "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                                    + "\"detail\":\"the REST API is starting\"}");
            return;
        }
        application.service(request, response);
    }

    @Override
    public synchronized void destroy() {
        if (current != null) {
            current.destroy();
        }
    }
}
