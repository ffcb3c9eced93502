package io.armature.driver.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.eclipse.paho.mqttv5.client.logging.Logger;
import org.eclipse.paho.mqttv5.client.logging.LoggerFactory;
import org.junit.jupiter.api.Test;

class PahoLoggerTest {
    @Test
    void pahoCreatesThisLoggerOnceInstalledAndItFormatsCatalogMessages() {
        PahoLogger.install();
        Logger logger = LoggerFactory.getLogger(LoggerFactory.MQTT_CLIENT_MSG_CAT, "ClientState");
        assertInstanceOf(PahoLogger.class, logger);
        assertEquals(
                "<init> ClientID=armature PersistenceType=x",
                logger.formatMessage("101", new Object[] {"armature", null, "x"})
                        .replace(" ServerURI=null", ""));
        assertEquals("no-such-key", logger.formatMessage("no-such-key", null));
        assertFalse(logger.isLoggable(Logger.FINE), "debug output of Paho is dropped");
    }
}
