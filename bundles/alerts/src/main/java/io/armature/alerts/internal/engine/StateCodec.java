package io.armature.alerts.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** A {@link SeriesState} as the JSON kept in {@code rule_series.state}, and back. */
final class StateCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateCodec() {}

    static String encode(SeriesState state) {
        ObjectNode node = JSON.createObjectNode();
        node.put("pending_since", state.pendingSince);
        node.put("ok_since", state.okSince);
        node.put("breaching", state.breaching);
        node.put("alert", state.alertId);
        node.put("await_ok", state.awaitOk);
        ObjectNode numbers = node.putObject("numbers");
        state.numbers.forEach(numbers::put);
        ObjectNode arrays = node.putObject("arrays");
        for (Map.Entry<String, double[]> entry : state.arrays.entrySet()) {
            ArrayNode values = arrays.putArray(entry.getKey());
            for (double value : entry.getValue()) {
                values.add(value);
            }
        }
        return node.toString();
    }

    static void decode(String json, SeriesState into) throws IOException {
        JsonNode node = JSON.readTree(json);
        into.pendingSince = node.path("pending_since").asLong(-1);
        into.okSince = node.path("ok_since").asLong(-1);
        into.breaching = node.path("breaching").asBoolean();
        into.alertId = node.path("alert").asLong();
        into.awaitOk = node.path("await_ok").asBoolean();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("numbers").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            into.numbers.put(entry.getKey(), entry.getValue().asDouble());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("arrays").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            double[] values = new double[entry.getValue().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = entry.getValue().get(i).asDouble();
            }
            into.arrays.put(entry.getKey(), values);
        }
    }
}
