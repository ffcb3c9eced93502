package io.armature.console.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the console's files at {@code /console/*} and sends {@code /console} to {@code /console/}.
 * The files hold no data and are served to anyone (the login page must load); every piece of data
 * the console shows comes from the REST API with the user's session.
 */
@Component(
        name = "io.armature.console.files",
        service = Servlet.class,
        property = {
            "osgi.http.whiteboard.servlet.pattern=/console/*",
            "osgi.http.whiteboard.servlet.name=armature-console"
        })
public final class ConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Scripts, styles and data from this origin only; no inline script, no framing. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
                    + " connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none';"
                    + " frame-ancestors 'none'";

    private final transient StaticAssets assets;

    @Activate
    public ConsoleServlet(BundleContext context) {
        Bundle bundle = context.getBundle();
        String uplot = bundle.getHeaders().get("Armature-Uplot-Version");
        this.assets =
                new StaticAssets(
                        path -> bundle.getEntry(entryPath(path, uplot)),
                        Long.toHexString(bundle.getLastModified()));
    }

    /**
     * Where a console file sits in the bundle: its own files under {@code console/}, uPlot at its
     * webjar path ({@code vendor/uplot/uPlot.iife.min.js} → {@code
     * META-INF/resources/webjars/uplot/<version>/dist/uPlot.iife.min.js}).
     */
    static String entryPath(String path, String uplotVersion) {
        String vendor = "vendor/uplot/";
        if (!path.startsWith(vendor)) {
            return "console/" + path;
        }
        String file = path.substring(vendor.length());
        String webjar = "META-INF/resources/webjars/uplot/" + uplotVersion + "/";
        return file.equals("LICENSE") ? webjar + file : webjar + "dist/" + file;
    }

    ConsoleServlet(StaticAssets assets) {
        this.assets = assets;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        serve(request, response, false);
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, boolean body)
            throws IOException {
        harden(request, response);
        if (request.getPathInfo() == null) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getContextPath() + "/console/");
            return;
        }
        Optional<StaticAssets.Asset> found = assets.find(request.getPathInfo());
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain; charset=utf-8");
            response.getWriter().write("no such console file: " + request.getPathInfo() + "\n");
            return;
        }
        StaticAssets.Asset asset = found.get();
        response.setHeader("ETag", asset.etag());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Vary", "Accept-Encoding");
        if (asset.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(asset.contentType());
        byte[] bytes = asset.bytes();
        String encodings = request.getHeader("Accept-Encoding");
        if (asset.gzipped() != null && encodings != null && encodings.contains("gzip")) {
            response.setHeader("Content-Encoding", "gzip");
            bytes = asset.gzipped();
        }
        response.setContentLength(bytes.length);
        if (body) {
            response.getOutputStream().write(bytes);
        }
    }

    static void harden(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
