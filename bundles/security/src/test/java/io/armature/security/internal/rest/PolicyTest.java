package io.armature.security.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.security.RequiresRole;
import io.armature.api.security.Role;
import io.armature.api.security.Unauthenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class PolicyTest {
    @Path("/api/v1/tenants/{tenant}/samples")
    @RequiresRole(value = Role.INGEST, filtered = true)
    static final class Samples {
        @POST
        public void post() {}
    }

    @Path("/api/v1/system/bundles")
    static final class Bundles {
        @POST
        public void install() {}

        @DELETE
        @Path("{id: [0-9]+}")
        public void remove() {}

        @GET
        @RequiresRole(Role.VIEWER)
        public void list() {}
    }

    @Path("/health")
    static final class Health {
        @GET
        @Unauthenticated
        public void get() {}
    }

    @Test
    void theDataPathIsNotAuditedAndUndeclaredMeansAdmin() throws Exception {
        AuthorizationFilter.Policy samples =
                AuthorizationFilter.Policy.of(Samples.class.getMethod("post"), Samples.class);
        assertEquals(Role.INGEST, samples.required());
        assertTrue(samples.filtered());
        assertFalse(samples.audited(), "samples are the data path");

        AuthorizationFilter.Policy install =
                AuthorizationFilter.Policy.of(Bundles.class.getMethod("install"), Bundles.class);
        assertEquals(Role.ADMIN, install.required(), "secure by default");
        assertTrue(install.audited());
        assertTrue(
                AuthorizationFilter.Policy.of(Bundles.class.getMethod("remove"), Bundles.class)
                        .audited());
        AuthorizationFilter.Policy list =
                AuthorizationFilter.Policy.of(Bundles.class.getMethod("list"), Bundles.class);
        assertEquals(Role.VIEWER, list.required());
        assertFalse(list.audited(), "reads are not audited");
        assertTrue(
                AuthorizationFilter.Policy.of(Health.class.getMethod("get"), Health.class).open());
    }
}
