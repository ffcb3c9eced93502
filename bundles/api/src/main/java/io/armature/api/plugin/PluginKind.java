package io.armature.api.plugin;

/** The kinds of plugin the platform hosts, each an API service type. */
public enum PluginKind {
    DRIVER("io.armature.api.driver.ProtocolDriver"),
    SENSOR_TYPE("io.armature.api.sensor.SensorType"),
    STORAGE("io.armature.api.storage.TimeSeriesStore"),
    ALERT_RULE("io.armature.api.alert.AlertRule"),
    NOTIFIER("io.armature.api.alert.Notifier"),
    ANOMALY_DETECTOR("io.armature.api.ml.AnomalyDetector"),
    FORECASTER("io.armature.api.ml.Forecaster"),
    SAMPLE_LISTENER("io.armature.api.sample.SampleListener"),
    HEALTH_CHECK("io.armature.api.health.HealthCheck"),
    REST_RESOURCE(null);

    private final String serviceInterface;

    PluginKind(String serviceInterface) {
        this.serviceInterface = serviceInterface;
    }

    /**
     * The fully qualified service interface, or null for kinds identified by a service property
     * ({@link #REST_RESOURCE}).
     */
    public String serviceInterface() {
        return serviceInterface;
    }
}
