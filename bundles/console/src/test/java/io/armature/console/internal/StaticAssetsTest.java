package io.armature.console.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticAssetsTest {
    @TempDir Path root;
    private final List<String> lookedUp = new ArrayList<>();

    private StaticAssets assets(String version) {
        return new StaticAssets(
                path -> {
                    lookedUp.add(path);
                    Path file = root.resolve(path);
                    try {
                        return Files.isRegularFile(file) ? file.toUri().toURL() : null;
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                },
                version);
    }

    @Test
    void servesTheIndexForTheConsoleRoot() throws IOException {
        Files.writeString(root.resolve("index.html"), "<!doctype html><title>x</title>");
        var index = assets("1").find("/").orElseThrow();
        assertEquals("text/html; charset=utf-8", index.contentType());
        assertEquals(
                "<!doctype html><title>x</title>",
                new String(index.bytes(), StandardCharsets.UTF_8));
        assertEquals(index.etag(), assets("1").find(null).orElseThrow().etag());
    }

    @Test
    void refusesPathsThatAreNotPlainSegmentsWithoutLookingThemUp() {
        StaticAssets assets = assets("1");
        for (String path :
                List.of(
                        "/../secret",
                        "/js/../../x",
                        "/.hidden",
                        "/js//app.js",
                        "/a\\b",
                        "/%2e%2e/x",
                        "/js/")) {
            assertTrue(assets.find(path).isEmpty(), path);
        }
        assertTrue(lookedUp.isEmpty(), lookedUp.toString());
        assertFalse(StaticAssets.isPlain("a/" + "b".repeat(200)));
        assertTrue(StaticAssets.isPlain("vendor/uplot/uPlot.iife.min.js"));
    }

    @Test
    void gzipsLargeTextFilesAndKeepsSmallOnesAsTheyAre() throws IOException {
        Files.createDirectories(root.resolve("js"));
        String script = "export const x = 1;\n".repeat(200);
        Files.writeString(root.resolve("js/app.js"), script);
        Files.writeString(root.resolve("small.css"), "body{margin:0}");
        var app = assets("1").find("/js/app.js").orElseThrow();
        assertEquals("text/javascript; charset=utf-8", app.contentType());
        assertTrue(app.gzipped().length < app.bytes().length / 4);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(app.gzipped()))) {
            assertArrayEquals(script.getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
        assertNull(assets("1").find("/small.css").orElseThrow().gzipped());
    }

    @Test
    void entityTagsChangeWithTheContentAndTheBuild() throws IOException {
        Files.writeString(root.resolve("a.js"), "1");
        Files.writeString(root.resolve("b.js"), "2");
        String a = assets("1").find("/a.js").orElseThrow().etag();
        assertNotEquals(a, assets("1").find("/b.js").orElseThrow().etag());
        assertNotEquals(a, assets("2").find("/a.js").orElseThrow().etag());
        assertEquals(a, assets("1").find("/a.js").orElseThrow().etag());
    }

    @Test
    void answersEmptyForAnUnknownFile() {
        assertTrue(assets("1").find("/nope.js").isEmpty());
        assertEquals("application/octet-stream", StaticAssets.contentType("x.bin"));
    }
}
