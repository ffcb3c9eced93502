package io.armature.console.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;

/**
 * Sends a browser pointed at the runtime's root {@code /} to the console's login page. The REST
 * API's servlet owns {@code /*}, and this whiteboard gives neither a servlet for the root pattern
 * {@code ""} nor a root-only filter regex precedence over it: so a filter on {@code /*} that lets
 * everything but the root pass (one string comparison per request).
 */
@Component(
        name = "io.armature.console.root",
        service = Filter.class,
        property = {
            "osgi.http.whiteboard.filter.pattern=/*",
            "osgi.http.whiteboard.filter.name=armature-console-root"
        })
public final class RootRedirect implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        // the request URI starts with the context path: the root is at most one more character
        if (http.getRequestURI().length() > http.getContextPath().length() + 1) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse answer = (HttpServletResponse) response;
        ConsoleServlet.harden(http, answer);
        answer.setStatus(HttpServletResponse.SC_FOUND);
        answer.setHeader("Location", http.getContextPath() + "/console/");
    }
}
