package io.armature.rest.internal.jersey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
    @Path("/api/v1/things")
    @Produces("application/json")
    public static class Things {
        @GET
        public String list(@QueryParam("limit") int limit) {
            return "";
        }

        @GET
        @Path("{id: [0-9]+}")
        public String get(@PathParam("id") long id) {
            return "";
        }

        @PUT
        @Path("{id}")
        @Consumes("application/json")
        public String put(@PathParam("id") String id, String body) {
            return "";
        }

        @DELETE
        @Path("{id}")
        public void delete(@PathParam("id") String id) {}
    }

    @Test
    @SuppressWarnings("unchecked")
    void describesEveryMethodWithParametersAndBodies() {
        Map<String, Object> doc = OpenApiDocument.describe(List.of(Things.class), "1.0");
        Map<String, Map<String, Object>> paths =
                (Map<String, Map<String, Object>>) doc.get("paths");
        assertEquals(List.of("/api/v1/things", "/api/v1/things/{id}"), List.copyOf(paths.keySet()));
        assertEquals(
                List.of("delete", "get", "put"),
                List.copyOf(paths.get("/api/v1/things/{id}").keySet()));
        Map<String, Object> list = (Map<String, Object>) paths.get("/api/v1/things").get("get");
        List<Map<String, Object>> params = (List<Map<String, Object>>) list.get("parameters");
        assertEquals("limit", params.get(0).get("name"));
        assertEquals("query", params.get(0).get("in"));
        assertEquals(Map.of("type", "integer"), params.get(0).get("schema"));
        Map<String, Object> put = (Map<String, Object>) paths.get("/api/v1/things/{id}").get("put");
        assertTrue(
                ((Map<String, Object>) put.get("requestBody"))
                        .toString()
                        .contains("application/json"));
    }

    @Test
    void joinsPathsAndStripsTemplateExpressions() {
        assertEquals("/a/b/{id}", OpenApiDocument.join("/a/", "/b/{ id : \\d+ }/"));
        assertEquals("/health", OpenApiDocument.join("", "health"));
    }
}
