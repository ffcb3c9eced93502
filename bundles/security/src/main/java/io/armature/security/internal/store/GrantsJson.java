package io.armature.security.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.armature.api.sample.Identifiers;
import io.armature.api.security.Grant;
import io.armature.api.security.Role;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Grants as JSON, {@code {"role": "operator", "tenant": "acme"}}, for the store and the API. */
public final class GrantsJson {
    private GrantsJson() {}

    public static ArrayNode write(List<Grant> grants) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        grants.forEach(grant -> array.add(write(grant)));
        return array;
    }

    public static ObjectNode write(Grant grant) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("role", grant.role().id());
        node.put("tenant", grant.tenant());
        if (grant.device() != null) {
            node.put("device", grant.device());
        }
        return node;
    }

    public static List<Map<String, Object>> asMaps(List<Grant> grants) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Grant grant : grants) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("role", grant.role().id());
            map.put("tenant", grant.tenant());
            if (grant.device() != null) {
                map.put("device", grant.device());
            }
            maps.add(map);
        }
        return maps;
    }

    /**
     * Reads a list of grants; every problem is added to {@code errors} as "field: message".
     *
     * @param field the field's name for messages
     */
    public static List<Grant> read(JsonNode node, String field, List<String> errors) {
        List<Grant> grants = new ArrayList<>();
        if (node == null || !node.isArray()) {
            errors.add(field + ": must be an array of {\"role\", \"tenant\"} objects");
            return grants;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = field + "[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                errors.add(at + ": must be an object");
                continue;
            }
            Iterator<String> names = item.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!List.of("role", "tenant", "device").contains(name)) {
                    errors.add(at + "." + name + ": unknown field");
                }
            }
            JsonNode role = item.get("role");
            Role parsed =
                    role != null && role.isTextual()
                            ? Role.parse(role.asText()).orElse(null)
                            : null;
            if (parsed == null) {
                errors.add(at + ".role: must be one of admin, operator, viewer, ingest, metrics");
            }
            String tenant = text(item.get("tenant"), at + ".tenant", errors);
            String device = text(item.get("device"), at + ".device", errors);
            if (device != null && tenant == null) {
                errors.add(at + ".device: a device grant needs a tenant");
            }
            if (device != null && parsed != Role.INGEST) {
                errors.add(at + ".device: only ingest grants can name a device");
            }
            if (parsed != null && (device == null || tenant != null)) {
                grants.add(new Grant(parsed, tenant, device));
            }
        }
        return grants;
    }

    private static String text(JsonNode node, String field, List<String> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || !Identifiers.isValid(node.asText())) {
            errors.add(field + ": must be null or an identifier matching " + Identifiers.PATTERN);
            return null;
        }
        return node.asText();
    }
}
