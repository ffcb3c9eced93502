package io.armature.sensor.models.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.armature.api.sensor.MetricSpec;
import io.armature.api.sensor.SensorSimulator;
import io.armature.api.sensor.SensorType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorTypesTest {
    private static final List<SensorType> TYPES = BuiltInTypes.all();

    @Test
    void everyTypeSimulatesEachOfItsMetricsWithinRangeAndReproducibly() {
        for (SensorType type : TYPES) {
            SensorSimulator a = type.simulator(5);
            SensorSimulator b = type.simulator(5);
            for (int step = 0; step < 5_000; step++) {
                Map<String, Double> values = a.next();
                assertEquals(values, b.next(), type.id() + " same seed, same values");
                assertEquals(
                        type.metrics().stream().map(MetricSpec::id).toList(),
                        List.copyOf(values.keySet()),
                        type.id());
                for (MetricSpec metric : type.metrics()) {
                    double v = values.get(metric.id());
                    assertTrue(metric.accepts(v), type.id() + "/" + metric.id() + " = " + v);
                }
            }
        }
    }

    @Test
    void theSmartHouseGroupsHaveTheirMetricsAndUcumUnits() {
        assertEquals(List.of("temperature Cel", "humidity %"), describe(new AirSensor()));
        assertEquals(List.of("power W", "energy kW.h"), describe(new PowerConsumption()));
        assertEquals(
                List.of("setPoint Cel", "roomTemperature Cel", "mode 1"),
                describe(new HeatPumpController()));
        assertEquals(
                List.of("off", "heating", "cooling"),
                new HeatPumpController().metric("mode").orElseThrow().states());
    }

    @Test
    void aPressCyclesBetweenPressingAndOpenAndCountsItsCycles() {
        SensorSimulator press = new PressMachine().simulator(1);
        int zeros = 0;
        double peak = 0;
        Map<String, Double> last = null;
        for (int step = 0; step < 100; step++) {
            last = press.next();
            zeros += last.get("force") == 0 ? 1 : 0;
            peak = Math.max(peak, last.get("force"));
        }
        assertEquals(40, zeros, "open for 4 of every 10 steps");
        assertTrue(peak > 700 && peak < 900, "peak " + peak);
        assertEquals(9.0, last.get("cycles"), "10 cycles begun, 9 finished before the last step");
    }

    @Test
    void energyIsTheRunningIntegralOfPower() {
        SensorSimulator meter = new PowerConsumption().simulator(11);
        double expected = 0;
        double last = 0;
        for (int step = 0; step < 360; step++) { // one hour at 10 s
            Map<String, Double> v = meter.next();
            expected += v.get("power") * 10 / 3600 / 1000;
            assertTrue(v.get("energy") >= last, "a meter reading never decreases");
            last = v.get("energy");
        }
        assertEquals(expected, last, 1e-9);
        assertTrue(last > 0.5 && last < 1.1, "about 0.8 kWh in an hour at ~800 W: " + last);
    }

    @Test
    void rangesRejectWhatASensorCannotReport() {
        MetricSpec humidity = new HumiditySensor().metric("humidity").orElseThrow();
        assertTrue(humidity.accepts(0) && humidity.accepts(100));
        assertTrue(!humidity.accepts(100.01) && !humidity.accepts(-1));
        MetricSpec mode = new HeatPumpController().metric("mode").orElseThrow();
        assertTrue(mode.accepts(2) && !mode.accepts(1.5) && !mode.accepts(3));
    }

    private static List<String> describe(SensorType type) {
        return type.metrics().stream().map(m -> m.id() + " " + m.unit()).toList();
    }
}
