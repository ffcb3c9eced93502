package io.armature.sensor.models.internal.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.armature.api.sample.Sample;
import io.armature.api.sensor.SensorType;
import io.armature.sensor.models.internal.AirSensor;
import io.armature.sensor.models.internal.HumiditySensor;
import io.armature.sensor.models.internal.Perturbation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorSpecTest {
    private static final Map<String, SensorType> TYPES =
            Map.of("humidity", new HumiditySensor(), "airSensor", new AirSensor());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SensorSpec parse(String body, List<String> errors) throws Exception {
        return SensorSpec.parse(JSON.readTree(body), TYPES::get, "", errors);
    }

    @Test
    void theSeedBodyIsReadWithItsDisturbances() throws Exception {
        List<String> errors = new ArrayList<>();
        SensorSpec spec =
                parse(
                        "{\"sensor_identifier\": \"100003\", \"sensor_type\": \"humidity\","
                                + " \"sampling_interval\": 10, \"data\": [{\"offset\": 0.5,"
                                + " \"disturbances\": [{\"disturbance_type\": \"white_noise\","
                                + " \"parameters\": {\"mean\": 0, \"std\": 0.5}},"
                                + " {\"disturbance_type\": \"drift\", \"parameters\": {\"rate\":"
                                + " 0.01, \"start\": 0}}, {\"disturbance_type\": \"random_spike\","
                                + " \"parameters\": {\"probability\": 0.1, \"low\": 2, \"high\":"
                                + " 4}}]}]}",
                        errors);
        assertEquals(List.of(), errors);
        assertEquals("100003", spec.identifier());
        assertEquals(Duration.ofSeconds(10), spec.samplingInterval());
        assertEquals(0.5, spec.setup(0).offset());
        assertEquals(
                List.of(
                        new Perturbation.WhiteNoise(0, 0.5),
                        new Perturbation.Drift(0, 0.01),
                        new Perturbation.RandomSpike(0.1, 2, 4)),
                spec.setup(0).perturbations());
        assertEquals(0.01, spec.setup(1).resolution(), "a metric without data: 0.01, no noise");
    }

    @Test
    void everyBadFieldIsNamed() throws Exception {
        List<String> errors = new ArrayList<>();
        SensorSpec spec =
                parse(
                        "{\"sensor_identifier\": \"a b\", \"sensor_type\": \"toaster\","
                                + " \"sampling_interval\": 0.001, \"colour\": 1, \"data\": [{"
                                + " \"disturbances\": [{\"disturbance_type\": \"white_noise\","
                                + " \"parameters\": {\"mean\": 0, \"std\": -1}},"
                                + " {\"disturbance_type\": \"quake\", \"parameters\": {}},"
                                + " {\"disturbance_type\": \"random_spike\", \"parameters\":"
                                + " {\"probability\": 2, \"low\": 1}}]}],"
                                + " \"backfill\": {\"from\": \"yesterday\", \"to\":"
                                + " \"2026-01-01T00:00:00Z\"}}",
                        errors);
        assertNull(spec);
        List<String> fields = errors.stream().map(e -> e.substring(0, e.indexOf(':'))).toList();
        assertEquals(
                List.of(
                        "colour",
                        "sensor_identifier",
                        "sensor_type",
                        "sampling_interval",
                        "data[0].disturbances[0].parameters",
                        "data[0].disturbances[1].disturbance_type",
                        "data[0].disturbances[2].parameters.high",
                        "backfill.from"),
                fields,
                errors.toString());
        assertTrue(errors.get(4).contains("std must be a finite number >= 0"), errors.toString());
    }

    @Test
    void aMetricMayHaveItsOwnArmaModelCheckedWhenConfigured() throws Exception {
        List<String> errors = new ArrayList<>();
        SensorSpec spec =
                parse(
                        "{\"sensor_identifier\": \"h\", \"sensor_type\": \"humidity\","
                                + " \"sampling_interval\": 1, \"data\": [{\"model\": {\"mean\":"
                                + " 70, \"ar\": [0.5], \"ma\": [0.3], \"variance\": 0.01}}]}",
                        errors);
        assertEquals(List.of(), errors);
        SimulatedSensor sensor = new SimulatedSensor(spec, TYPES.get("humidity"), 1);
        double sum = 0;
        for (int i = 0; i < 1_000; i++) {
            sum += sensor.next("t", "d", Instant.EPOCH).get(0).value();
        }
        assertEquals(70, sum / 1_000, 0.05, "the configured mean, not the type's 45 %");

        errors.clear();
        parse(
                "{\"sensor_identifier\": \"h\", \"sensor_type\": \"humidity\","
                        + " \"sampling_interval\": 1, \"data\": [{\"model\": {\"mean\": 70,"
                        + " \"ar\": [1.0], \"ma\": [2], \"variance\": 1}}]}",
                errors);
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(
                errors.get(0).startsWith("data[0].model: AR coefficients [1.0] are not stationary"),
                errors.toString());
        assertTrue(
                errors.get(1).startsWith("data[0].model: MA coefficients [2.0] are not invertible"),
                errors.toString());
    }

    @Test
    void aSimulatedSensorAppliesOffsetCommandsAndResolution() throws Exception {
        List<String> errors = new ArrayList<>();
        SensorSpec spec =
                parse(
                        "{\"sensor_identifier\": \"room\", \"sensor_type\": \"airSensor\","
                                + " \"sampling_interval\": 60, \"data\": [{\"offset\": 100,"
                                + " \"resolution\": 0.5}, {\"resolution\": 1}]}",
                        errors);
        SimulatedSensor sensor = new SimulatedSensor(spec, TYPES.get("airSensor"), 3);
        SimulatedSensor same = new SimulatedSensor(spec, TYPES.get("airSensor"), 3);
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        List<Sample> first = sensor.next("house", "d", t);
        assertEquals(first, same.next("house", "d", t), "reproducible");
        assertEquals(List.of("room.temperature", "room.humidity"), sensor.metricIds());
        assertEquals("room.temperature", first.get(0).metric());
        double temperature = first.get(0).value();
        assertTrue(temperature > 115 && temperature < 128, "21.5 °C + 100: " + temperature);
        assertEquals(0, temperature % 0.5, 1e-9, "rounded to 0.5");
        assertEquals(0, first.get(1).value() % 1, 1e-9, "rounded to 1");

        sensor.injectSpike(1000);
        List<Sample> spiked = sensor.next("house", "d", t);
        List<Sample> plain = same.next("house", "d", t);
        assertEquals(plain.get(1).value() + 1000, spiked.get(1).value(), 1e-9);
        assertEquals(
                same.next("house", "d", t), sensor.next("house", "d", t), "a spike is one sample");
    }
}
