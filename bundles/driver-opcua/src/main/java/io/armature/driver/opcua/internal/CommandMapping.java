package io.armature.driver.opcua.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One line of the {@code commands} attribute: a named device command that writes its argument
 * {@code value} to a node.
 */
record CommandMapping(String name, String tenant, String device, NodeTarget target) {
    /** The generic command every device of the driver takes: arguments node_id and value. */
    static final String WRITE = "write";

    private static final Set<String> OPTIONS = Set.of("tenant");

    static CommandMapping parse(String line, String defaultTenant) {
        ConfigLines parts = ConfigLines.split("commands", line, 3, OPTIONS);
        String name = parts.words().get(0);
        String device = parts.words().get(1);
        String tenant = parts.options().getOrDefault("tenant", defaultTenant);
        NodeMapping.identifier(line, "command", name);
        NodeMapping.identifier(line, "device", device);
        NodeMapping.identifier(line, "tenant", tenant);
        if (name.equals(WRITE)) {
            throw new IllegalArgumentException(
                    "commands line '"
                            + line
                            + "': 'write' is the built-in command (arguments node_id, value);"
                            + " choose another name");
        }
        NodeTarget target;
        try {
            target = NodeTarget.parse(parts.words().get(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "commands line '" + line + "': " + e.getMessage(), e);
        }
        return new CommandMapping(name, tenant, device, target);
    }

    static List<CommandMapping> parseAll(String[] lines, String defaultTenant) {
        List<CommandMapping> result = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (String line : lines == null ? new String[0] : lines) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            CommandMapping mapping = parse(line.strip(), defaultTenant);
            if (!keys.add(mapping.tenant() + "/" + mapping.device() + "/" + mapping.name())) {
                throw new IllegalArgumentException(
                        "commands: command "
                                + mapping.name()
                                + " of "
                                + mapping.tenant()
                                + "/"
                                + mapping.device()
                                + " is mapped twice");
            }
            result.add(mapping);
        }
        return List.copyOf(result);
    }
}
