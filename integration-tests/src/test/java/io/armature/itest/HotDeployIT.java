package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * The plugin template and broken jars deployed into a running runtime, through deploy/ and through
 * the REST API, and removed again, without a restart.
 */
class HotDeployIT extends OneRuntimePerClass {
    static final Duration WAIT = Duration.ofSeconds(20);

    static JsonNode drivers() throws Exception {
        return runtime.getJson("/api/v1/system/plugins").get("kinds").get("driver");
    }

    static boolean templateDriverListed() {
        try {
            for (JsonNode driver : drivers()) {
                if (driver.get("bundle_symbolic_name").asText().equals("com.example.signal")) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode bundleNamed(String symbolicName) throws Exception {
        for (JsonNode bundle : runtime.getJson("/api/v1/system/bundles").get("bundles")) {
            if (symbolicName.equals(bundle.path("symbolic_name").asText(null))) {
                return bundle;
            }
        }
        return null;
    }

    @Test
    void templateDroppedIntoDeployRunsIsUpdatedInPlaceAndGoesAwayWhenDeleted() throws Exception {
        Path target = runtime.deploy().resolve("signal.jar");
        Files.copy(Deployables.template(), target);
        RuntimeProcess.await("template driver listed", WAIT, HotDeployIT::templateDriverListed);
        RuntimeProcess.await(
                "template driver running",
                WAIT,
                () -> drivers().get(0).get("state").asText().equals("RUNNING"));
        JsonNode schema =
                runtime.getJson("/api/v1/system/configurations/com.example.signal.generator")
                        .get("schema");
        assertEquals("Example signal generator", schema.get("name").asText());
        assertTrue(
                schema.get("attributes").toString().contains("\"id\":\"waveform\""),
                schema.toString());
        long id = bundleNamed("com.example.signal").get("id").asLong();

        Path newer = Files.createTempFile("signal", ".jar");
        Files.write(newer, withVersion(Deployables.template(), "1.0.1"));
        Files.move(newer, target, StandardCopyOption.REPLACE_EXISTING);
        RuntimeProcess.await(
                "bundle updated to 1.0.1",
                WAIT,
                () -> bundleNamed("com.example.signal").get("version").asText().equals("1.0.1"));
        assertEquals(
                id,
                bundleNamed("com.example.signal").get("id").asLong(),
                "an update keeps the bundle id");
        RuntimeProcess.await("updated driver listed", WAIT, HotDeployIT::templateDriverListed);

        Files.delete(target);
        RuntimeProcess.await("template driver gone", WAIT, () -> !templateDriverListed());
        assertEquals(
                404,
                runtime.get("/api/v1/system/configurations/com.example.signal.generator")
                        .statusCode());
        assertEquals(null, bundleNamed("com.example.signal"));
    }

    @Test
    void templateUploadedThroughTheApiIsInstalledAndRemovedByDelete() throws Exception {
        byte[] jar = Files.readAllBytes(Deployables.template());
        HttpResponse<String> created =
                runtime.postMultipart("/api/v1/system/bundles", "signal.jar", jar);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode bundle = RuntimeProcess.JSON.readTree(created.body());
        assertEquals("com.example.signal", bundle.get("symbolic_name").asText());
        assertEquals("ACTIVE", bundle.get("state").asText());
        assertTrue(bundle.get("deployed").asBoolean());
        assertTrue(
                created.headers()
                        .firstValue("Location")
                        .orElse("")
                        .endsWith("/api/v1/system/bundles/" + bundle.get("id").asText()));
        assertTrue(
                Files.exists(runtime.deploy().resolve("com.example.signal.jar")),
                "written to deploy/ like a dropped jar");
        RuntimeProcess.await("uploaded driver listed", WAIT, HotDeployIT::templateDriverListed);

        HttpResponse<String> deleted =
                runtime.delete("/api/v1/system/bundles/" + bundle.get("id").asText());
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertTrue(!templateDriverListed());
        assertTrue(Files.notExists(runtime.deploy().resolve("com.example.signal.jar")));

        HttpResponse<String> raw =
                runtime.post("/api/v1/system/bundles", "application/java-archive", jar);
        assertEquals(201, raw.statusCode(), raw.body());
        RuntimeProcess.await("raw-uploaded driver listed", WAIT, HotDeployIT::templateDriverListed);
        assertEquals(
                204,
                runtime.delete(
                                "/api/v1/system/bundles/"
                                        + RuntimeProcess.JSON
                                                .readTree(raw.body())
                                                .get("id")
                                                .asText())
                        .statusCode());
    }

    @Test
    void corruptAndUnresolvableJarsAreExplainedAndNothingElseIsDisturbed() throws Exception {
        Files.writeString(runtime.deploy().resolve("corrupt.jar"), "this is not a zip file");
        Files.write(
                runtime.deploy().resolve("needs-missing.jar"), Deployables.unresolvableBundle());
        RuntimeProcess.await(
                "unresolvable bundle installed",
                WAIT,
                () -> bundleNamed("com.example.needs.missing") != null);
        JsonNode unresolved = bundleNamed("com.example.needs.missing");
        assertEquals("INSTALLED", unresolved.get("state").asText());
        assertTrue(
                unresolved.get("error").asText().contains("com.nowhere.missing"),
                unresolved.toString());

        JsonNode corrupt = null;
        for (JsonNode bundle : runtime.getJson("/api/v1/system/bundles").get("bundles")) {
            if (bundle.get("location").asText().endsWith("corrupt.jar")) {
                corrupt = bundle;
            }
        }
        assertEquals("INSTALL_FAILED", corrupt.get("state").asText(), String.valueOf(corrupt));
        assertTrue(corrupt.get("error").asText().contains("not a valid jar"), corrupt.toString());

        HttpResponse<String> upload =
                runtime.postMultipart("/api/v1/system/bundles", "x.jar", "garbage".getBytes());
        assertEquals(400, upload.statusCode());
        assertTrue(upload.body().contains("not a valid jar"), upload.body());
        HttpResponse<String> wrongType =
                runtime.post("/api/v1/system/bundles", "text/plain", "x".getBytes());
        assertEquals(415, wrongType.statusCode(), wrongType.body());

        JsonNode health = runtime.getJson("/health");
        assertEquals(
                "DEGRADED",
                health.get("status").asText(),
                "the unresolved plugin is named, the runtime still serves");
        assertTrue(health.toString().contains("com.example.needs.missing"), health.toString());
        assertEquals(200, runtime.get("/api/v1/system").statusCode());
        assertTrue(runtime.isAlive());

        Files.delete(runtime.deploy().resolve("corrupt.jar"));
        Files.delete(runtime.deploy().resolve("needs-missing.jar"));
        RuntimeProcess.await(
                "health UP again",
                WAIT,
                () -> runtime.getJson("/health").get("status").asText().equals("UP"));
    }

    /** The same jar with another Bundle-Version, as a rebuilt plugin would be. */
    static byte[] withVersion(Path jar, String version) throws Exception {
        try (InputStream in = Files.newInputStream(jar);
                JarInputStream source = new JarInputStream(in)) {
            Manifest manifest = source.getManifest();
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JarOutputStream target = new JarOutputStream(out, manifest)) {
                for (JarEntry entry = source.getNextJarEntry();
                        entry != null;
                        entry = source.getNextJarEntry()) {
                    target.putNextEntry(new JarEntry(entry.getName()));
                    source.transferTo(target);
                    target.closeEntry();
                }
            }
            return out.toByteArray();
        }
    }
}
