package io.armature.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.time.Duration;

/** A gRPC hub driver instance ({@code hub}, token authentication on) created over REST. */
final class GrpcHubs {
    private GrpcHubs() {}

    /** Creates the hub on a free port, waits until it runs; returns {@code 127.0.0.1:<port>}. */
    static String create(RuntimeProcess runtime) throws Exception {
        int port = TestCertificates.freePort();
        HttpResponse<String> created =
                runtime.post(
                        "/api/v1/drivers",
                        "{\"id\": \"hub\", \"type\": \"grpc\", \"config\": {\"port\": "
                                + port
                                + "}}");
        assertEquals(201, created.statusCode(), created.body());
        RuntimeProcess.await(
                "hub running",
                Duration.ofSeconds(30),
                () ->
                        runtime.getJson("/api/v1/drivers/hub")
                                .get("state")
                                .asText()
                                .equals("running"));
        return "127.0.0.1:" + port;
    }
}
