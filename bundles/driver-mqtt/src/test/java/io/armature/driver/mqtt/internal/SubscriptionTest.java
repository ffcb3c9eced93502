package io.armature.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
    @Test
    void placeholdersBecomeSingleLevelWildcardsAndTheirValuesAreRead() {
        Subscription s =
                Subscription.parse("tenants/{tenant}/devices/{device}/metrics/{metric} value", 1);
        assertEquals("tenants/+/devices/+/metrics/+", s.filter);
        assertEquals(
                Optional.of(Map.of("tenant", "acme", "device", "press-1", "metric", "force")),
                s.match("tenants/acme/devices/press-1/metrics/force"));
        assertTrue(s.match("tenants/acme/devices/press-1/metrics").isEmpty());
        assertTrue(s.match("tenants/acme/devices/press-1/metrics/force/extra").isEmpty());
        assertTrue(s.match("other/acme/devices/press-1/metrics/force").isEmpty());
    }

    @Test
    void sharedSubscriptionsMatchTopicsWithoutTheSharePrefix() {
        Subscription s =
                Subscription.parse(
                        "$share/armature/plant/{device} value tenant=acme metric=temp", 0);
        assertEquals("$share/armature/plant/+", s.filter);
        assertEquals(0, s.qos);
        assertEquals(
                Optional.of(Map.of("device", "oven", "tenant", "acme", "metric", "temp")),
                s.match("plant/oven"));
    }

    @Test
    void multiLevelWildcardMatchesTheRest() {
        Subscription s = Subscription.parse("sensors/# powiot qos=2", 1);
        assertEquals("sensors/#", s.filter);
        assertEquals(2, s.qos);
        assertTrue(s.match("sensors/a/b/c").isPresent());
        assertTrue(s.match("actuators/a").isEmpty());
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Subscription.parse("sensors/+ xml", 1))
                        .getMessage()
                        .contains("unknown format 'xml'"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Subscription.parse("a/{device} value", 1))
                        .getMessage()
                        .contains("needs {tenant}"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Subscription.parse("a/{site} json tenant=x", 1))
                        .getMessage()
                        .contains("'{site}' is not"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Subscription.parse("a/#/b powiot", 1))
                        .getMessage()
                        .contains("# must be the last level"));
        assertTrue(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> Subscription.parse("a/+ powiot zone=Mars/Base", 1))
                        .getMessage()
                        .contains("unknown zone"));
        assertThrows(
                IllegalArgumentException.class, () -> Subscription.parseAll(new String[] {" "}, 1));
    }
}
