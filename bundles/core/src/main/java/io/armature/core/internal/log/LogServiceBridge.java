package io.armature.core.internal.log;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards OSGi Log Service entries to the runtime log. Framework services (SCR, FileInstall,
 * ConfigAdmin, the web console) log there once a Log Service exists; without this bridge their
 * warnings — a component that failed to activate, a jar in deploy/ that could not be installed —
 * would be kept in memory only.
 */
@Component(
        name = "io.armature.core.log",
        immediate = true,
        service = {})
public final class LogServiceBridge implements LogListener {
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReader(LogReaderService reader) {
        reader.addLogListener(this);
    }

    void removeReader(LogReaderService reader) {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        // the Log Service also records every bundle/service/framework event; keep only problems
        String loggerName = entry.getLoggerName();
        if (loggerName != null
                && loggerName.startsWith("Events.")
                && entry.getLogLevel().implies(org.osgi.service.log.LogLevel.INFO)) {
            return;
        }
        Logger logger = loggers.computeIfAbsent(name(entry), LoggerFactory::getLogger);
        String message = entry.getMessage();
        Throwable exception = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> logger.error(message, exception);
            case WARN -> logger.warn(message, exception);
            case INFO -> logger.info(message, exception);
            case DEBUG -> logger.debug(message, exception);
            default -> logger.trace(message, exception);
        }
    }

    private static String name(LogEntry entry) {
        Bundle bundle = entry.getBundle();
        String bundleName =
                bundle == null || bundle.getSymbolicName() == null
                        ? "osgi"
                        : bundle.getSymbolicName();
        String loggerName = entry.getLoggerName();
        return loggerName == null
                        || loggerName.equals("LogService")
                        || loggerName.startsWith("LogService.")
                ? bundleName
                : loggerName;
    }
}
