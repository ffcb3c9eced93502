package io.armature.driver.mqtt.internal;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.eclipse.paho.mqttv5.client.logging.Logger;
import org.eclipse.paho.mqttv5.client.logging.LoggerFactory;

/**
 * Paho's log output, to SLF4J: severe and warning messages as warnings of this class, the rest
 * dropped. Installed with {@link #install()} before the first client is created.
 *
 * <p>Why not Paho's default: it creates a {@code java.util.logging} logger for every token, that is
 * for every acknowledgement it sends, and looking one up takes {@code LogManager}'s global lock; at
 * thousands of messages a second that was a visible share of the driver's CPU. Creating this one
 * costs an object.
 */
public final class PahoLogger implements Logger {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PahoLogger.class);

    private ResourceBundle catalog;
    private String resource;

    /** Used by Paho's {@link LoggerFactory}, by class name. */
    public PahoLogger() {}

    /** Makes Paho create this logger (for the Paho classes embedded in this bundle). */
    static void install() {
        LoggerFactory.setLogger(PahoLogger.class.getName());
    }

    @Override
    public void initialise(ResourceBundle messageCatalog, String loggerId, String resourceName) {
        this.catalog = messageCatalog;
        this.resource = resourceName;
    }

    @Override
    public void setResourceName(String logContext) {
        this.resource = logContext;
    }

    @Override
    public boolean isLoggable(int level) {
        return level <= WARNING && LOG.isWarnEnabled();
    }

    @Override
    public void severe(String sourceClass, String sourceMethod, String msg) {
        log(SEVERE, sourceClass, sourceMethod, msg, null, null);
    }

    @Override
    public void severe(String sourceClass, String sourceMethod, String msg, Object[] inserts) {
        log(SEVERE, sourceClass, sourceMethod, msg, inserts, null);
    }

    @Override
    public void severe(
            String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable e) {
        log(SEVERE, sourceClass, sourceMethod, msg, inserts, e);
    }

    @Override
    public void warning(String sourceClass, String sourceMethod, String msg) {
        log(WARNING, sourceClass, sourceMethod, msg, null, null);
    }

    @Override
    public void warning(String sourceClass, String sourceMethod, String msg, Object[] inserts) {
        log(WARNING, sourceClass, sourceMethod, msg, inserts, null);
    }

    @Override
    public void warning(
            String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable e) {
        log(WARNING, sourceClass, sourceMethod, msg, inserts, e);
    }

    @Override
    public void info(String sourceClass, String sourceMethod, String msg) {}

    @Override
    public void info(String sourceClass, String sourceMethod, String msg, Object[] inserts) {}

    @Override
    public void info(
            String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable e) {}

    @Override
    public void config(String sourceClass, String sourceMethod, String msg) {}

    @Override
    public void config(String sourceClass, String sourceMethod, String msg, Object[] inserts) {}

    @Override
    public void config(
            String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable e) {}

    @Override
    public void fine(String sourceClass, String sourceMethod, String msg) {}

    @Override
    public void fine(String sourceClass, String sourceMethod, String msg, Object[] inserts) {}

    @Override
    public void fine(
            String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable e) {}

    @Override
    public void finer(String sourceClass, String sourceMethod, String msg) {}

    @Override
    public void finer(String sourceClass, String sourceMethod, String msg, Object[] inserts) {}

    @Override
    public void finer(
            String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable e) {}

    @Override
    public void finest(String sourceClass, String sourceMethod, String msg) {}

    @Override
    public void finest(String sourceClass, String sourceMethod, String msg, Object[] inserts) {}

    @Override
    public void finest(
            String sourceClass, String sourceMethod, String msg, Object[] inserts, Throwable e) {}

    @Override
    public void log(
            int level,
            String sourceClass,
            String sourceMethod,
            String msg,
            Object[] inserts,
            Throwable thrown) {
        if (isLoggable(level)) {
            LOG.warn("paho {}: {}", resource, formatMessage(msg, inserts), thrown);
        }
    }

    @Override
    public void trace(
            int level,
            String sourceClass,
            String sourceMethod,
            String msg,
            Object[] inserts,
            Throwable ex) {}

    /** The catalog's text for the message key (the key itself when it has none), filled in. */
    @Override
    public String formatMessage(String msg, Object[] inserts) {
        String text = msg;
        if (catalog != null && msg != null) {
            try {
                text = catalog.getString(msg);
            } catch (MissingResourceException e) {
                text = msg;
            }
        }
        return inserts == null || inserts.length == 0 || text == null
                ? text
                : MessageFormat.format(text, inserts);
    }

    @Override
    public void dumpTrace() {}
}
