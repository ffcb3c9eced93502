package io.armature.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * The console's files, read from the bundle once and kept in memory with a gzip copy of the
 * compressible ones and an ETag. Request paths are checked before anything is looked up: only plain
 * segments below the console root are served.
 */
final class StaticAssets {
    static final String INDEX = "index.html";

    private static final Map<String, String> TYPES =
            Map.of(
                    "html", "text/html; charset=utf-8",
                    "js", "text/javascript; charset=utf-8",
                    "css", "text/css; charset=utf-8",
                    "svg", "image/svg+xml",
                    "png", "image/png",
                    "ico", "image/x-icon",
                    "json", "application/json",
                    "txt", "text/plain; charset=utf-8");

    /** One file: its bytes, gzipped bytes (null when not worth it), type and entity tag. */
    record Asset(byte[] bytes, byte[] gzipped, String contentType, String etag) {}

    private final Function<String, URL> entries;
    private final String version;
    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /**
     * @param entries finds a file by its path below the console root ({@code js/app.js}), null when
     *     absent
     * @param version distinguishes builds in the ETag (the bundle's last modification)
     */
    StaticAssets(Function<String, URL> entries, String version) {
        this.entries = entries;
        this.version = version;
    }

    /**
     * The file for a request path below {@code /console} ({@code null}, {@code /} → index), empty
     * for an unknown file or a path that is not plain segments (no {@code ..}, no empty or hidden
     * segments, no backslashes).
     */
    Optional<Asset> find(String pathInfo) {
        String path = pathInfo == null || pathInfo.equals("/") ? INDEX : pathInfo.substring(1);
        if (!isPlain(path)) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(path, this::load);
    }

    static boolean isPlain(String path) {
        if (path.isEmpty() || path.length() > 200 || path.indexOf('\\') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return false;
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                    return false;
                }
            }
        }
        return true;
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private Optional<Asset> load(String path) {
        URL url = entries.apply(path);
        if (url == null) {
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = url.openStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("console file " + path + " cannot be read", e);
        }
        String type = contentType(path);
        byte[] gzipped = compressible(type) && bytes.length > 512 ? gzip(bytes) : null;
        CRC32 crc = new CRC32();
        crc.update(bytes);
        String etag = "\"" + version + "-" + Long.toHexString(crc.getValue()) + "\"";
        return Optional.of(new Asset(bytes, gzipped, type, etag));
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.contains("json") || type.contains("svg");
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
