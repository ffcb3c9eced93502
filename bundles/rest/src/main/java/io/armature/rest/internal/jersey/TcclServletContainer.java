package io.armature.rest.internal.jersey;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Jersey's servlet with the thread context class loader set to Jersey's own bundle while it
 * initialises, reloads and serves: {@code jakarta.ws.rs} finds its {@code RuntimeDelegate} through
 * the TCCL, which inside OSGi is otherwise the HTTP server's loader.
 */
final class TcclServletContainer extends ServletContainer {
    private static final long serialVersionUID = 1L;
    private static final ClassLoader JERSEY = ResourceConfig.class.getClassLoader();

    TcclServletContainer(ResourceConfig config) {
        super(config);
    }

    @Override
    public void init() throws ServletException {
        ClassLoader previous = swap();
        try {
            super.init();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        ClassLoader previous = swap();
        try {
            super.service(request, response);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static ClassLoader swap() {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(JERSEY);
        return previous;
    }
}
