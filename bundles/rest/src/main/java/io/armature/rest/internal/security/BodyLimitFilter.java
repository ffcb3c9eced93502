package io.armature.rest.internal.security;

import io.armature.rest.internal.problem.ProblemException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request body limits by endpoint class, answered with 413 before the body is read: samples 32 MiB,
 * bundle uploads 256 MiB, configurations 64 KiB, everything else 1 MiB. A body without {@code
 * Content-Length} (chunked) is cut off at the same limit while it is read.
 *
 * <p>When an answer goes out before its request body was read (401, 403, 415, a 413...), the rest
 * of the body is read and discarded if it is small, so the connection stays usable; otherwise the
 * answer says {@code Connection: close}. Without this the server would close a keep-alive
 * connection under a client that is about to reuse it.
 */
@PreMatching
@Priority(100)
public final class BodyLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String BODY = "armature.body";
    private static final String MULTIPART = "armature.multipart";

    /** Unread bodies up to this size are drained rather than the connection closed. */
    private static final long DRAIN_UNREAD = 64L << 10;

    static final long SAMPLES = 32L << 20;
    static final long BUNDLES = 256L << 20;
    static final long CONFIGURATION = 64L << 10;
    static final long DEFAULT = 1L << 20;

    /** The limit for a request path (without the leading slash, as JAX-RS gives it). */
    static long limitFor(String path) {
        if (path.startsWith("api/v1/tenants/") && path.endsWith("/samples")) {
            return SAMPLES;
        }
        if (path.startsWith("api/v1/system/bundles")) {
            return BUNDLES;
        }
        if (path.startsWith("api/v1/system/configurations")) {
            return CONFIGURATION;
        }
        return DEFAULT;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        long limit = limitFor(path);
        int length = request.getLength();
        if (length > limit) {
            if (length - limit <= DRAIN) {
                drain(request.getEntityStream());
            }
            throw tooLarge(limit);
        }
        String type = request.getHeaderString("Content-Type");
        boolean multipart =
                type != null && type.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
        boolean body = length > 0 || request.getHeaderString("Transfer-Encoding") != null;
        // the bundle upload reads its multipart body through the servlet container (with its own
        // size limit): that stream must stay untouched (even hasEntity() would read ahead of it)
        boolean servletReads = multipart && path.startsWith("api/v1/system/bundles");
        if (servletReads) {
            request.setProperty(MULTIPART, Boolean.TRUE);
        } else if (body) {
            Limited limited = new Limited(request.getEntityStream(), limit);
            request.setEntityStream(limited);
            request.setProperty(BODY, limited);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(MULTIPART) != null && response.getStatus() >= 400) {
            // the servlet container reads the upload itself: whether it read it all is unknown
            response.getHeaders().putSingle("Connection", "close");
            return;
        }
        if (!(request.getProperty(BODY) instanceof Limited body) || body.ended) {
            return;
        }
        int length = request.getLength();
        boolean small = length >= 0 && length - body.read <= DRAIN_UNREAD;
        if (!small || !drain(body)) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    /**
     * A body at most this much over its limit is read and discarded before the 413 goes out: a
     * client that does not wait for {@code 100 Continue} is still writing it, and closing the
     * connection on unread data would reset it before the client read the answer.
     */
    private static final long DRAIN = 8L << 20;

    /** Reads and discards the rest of a body; false when that failed (client gone, too long). */
    private static boolean drain(InputStream body) {
        try (InputStream in = body) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(
                413, "request body larger than this endpoint's limit of " + limit + " bytes");
    }

    /** Counts what is read and fails once it passes the limit. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;
        private boolean ended;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            } else {
                ended = true;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            } else if (n < 0) {
                ended = true;
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
