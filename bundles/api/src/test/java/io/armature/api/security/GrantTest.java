package io.armature.api.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GrantTest {
    @Test
    void rolesIncludeWhatTheirDocumentationSays() {
        for (Role required : Role.values()) {
            assertTrue(Role.ADMIN.includes(required));
        }
        assertTrue(Role.OPERATOR.includes(Role.INGEST));
        assertTrue(Role.OPERATOR.includes(Role.VIEWER));
        assertFalse(Role.OPERATOR.includes(Role.ADMIN));
        assertTrue(Role.VIEWER.includes(Role.METRICS));
        assertFalse(Role.VIEWER.includes(Role.INGEST));
        assertFalse(Role.INGEST.includes(Role.VIEWER));
        assertFalse(Role.METRICS.includes(Role.VIEWER));
        assertTrue(Role.parse("operator").isPresent());
        assertTrue(Role.parse("OPERATOR").isEmpty());
    }

    @Test
    void aTenantGrantStaysInItsTenantAndADeviceGrantOnItsDevice() {
        Grant acme = Grant.tenant(Role.OPERATOR, "acme");
        assertTrue(acme.permits(Role.VIEWER, "acme", null));
        assertFalse(acme.permits(Role.VIEWER, "beta", null));
        assertFalse(acme.permits(Role.VIEWER, null, null), "no system resource");
        Grant press = new Grant(Role.INGEST, "acme", "press-1");
        assertTrue(press.permits(Role.INGEST, "acme", "press-1"));
        assertFalse(press.permits(Role.INGEST, "acme", "press-2"));
        assertFalse(press.permits(Role.INGEST, "acme", null), "not the tenant's other resources");
        assertThrows(IllegalArgumentException.class, () -> new Grant(Role.INGEST, null, "press-1"));
    }

    @Test
    void aGrantIsWithinAnotherOnlyWhenItIsNoWider() {
        Grant globalOperator = Grant.global(Role.OPERATOR);
        assertTrue(Grant.tenant(Role.VIEWER, "acme").isWithin(globalOperator));
        assertTrue(
                new Grant(Role.INGEST, "acme", "d").isWithin(Grant.tenant(Role.OPERATOR, "acme")));
        assertFalse(Grant.global(Role.VIEWER).isWithin(Grant.tenant(Role.ADMIN, "acme")));
        assertFalse(Grant.tenant(Role.ADMIN, "acme").isWithin(globalOperator));
    }

    @Test
    void aCallerSeesTheTenantsItsGrantsCover() {
        Caller caller =
                new Caller(
                        "otto",
                        null,
                        List.of(
                                new Grant(Role.INGEST, "acme", "d"),
                                Grant.tenant(Role.VIEWER, "beta")));
        assertTrue(caller.canSee("acme"));
        assertTrue(caller.canSee("beta"));
        assertFalse(caller.canSee("gamma"));
        assertFalse(caller.isGlobal(Role.METRICS));
        assertTrue(
                new Caller("root", "t1", List.of(Grant.global(Role.ADMIN))).isGlobal(Role.ADMIN));
    }
}
