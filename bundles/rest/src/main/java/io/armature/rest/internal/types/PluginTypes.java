package io.armature.rest.internal.types;

import io.armature.rest.internal.system.MetatypeSchemas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.metatype.MetaTypeService;

/**
 * The types of a plugin kind present now (driver types, alert rule types): every DS component that
 * provides the kind's service interface with a configuration PID, named by its type property (or
 * its configuration PID). Instances of the creatable ones are factory configurations.
 */
public final class PluginTypes {
    /**
     * One type.
     *
     * @param type its name
     * @param factoryPid the factory PID of its instances
     * @param schema its metatype schema, null when it has none
     * @param description the DS component behind it
     */
    public record Type(
            String type,
            String factoryPid,
            MetatypeSchemas.Found schema,
            ComponentDescriptionDTO description) {}

    private final ServiceComponentRuntime scr;
    private final MetaTypeService metatype;
    private final BundleContext context;

    private final String serviceInterface;
    private final String typeProperty;

    /**
     * @param serviceInterface the kind's service interface, for example {@code ProtocolDriver}
     * @param typeProperty the component property naming a type
     */
    public PluginTypes(
            ServiceComponentRuntime scr,
            MetaTypeService metatype,
            BundleContext context,
            Class<?> serviceInterface,
            String typeProperty) {
        this.scr = scr;
        this.metatype = metatype;
        this.context = context;
        this.serviceInterface = serviceInterface.getName();
        this.typeProperty = typeProperty;
    }

    /**
     * Every component of the kind, creatable (factory) types and singletons alike, by type name.
     */
    public Map<String, Type> all() {
        Map<String, Type> types = new TreeMap<>();
        Map<String, MetatypeSchemas.Found> schemas = null;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (description.serviceInterfaces == null
                    || !Arrays.asList(description.serviceInterfaces).contains(serviceInterface)
                    || description.configurationPid == null
                    || description.configurationPid.length == 0) {
                continue;
            }
            if (schemas == null) {
                schemas = new MetatypeSchemas(metatype, context.getBundles()).all();
            }
            String pid = description.configurationPid[0];
            Object named = description.properties.get(typeProperty);
            String type = named instanceof String s && !s.isBlank() ? s : pid;
            types.putIfAbsent(type, new Type(type, pid, schemas.get(pid), description));
        }
        return types;
    }

    /** Types whose instances are factory configurations: those an operator can create. */
    public List<Type> creatable() {
        return all().values().stream().filter(PluginTypes::isFactory).toList();
    }

    public Optional<Type> byFactoryPid(String factoryPid) {
        return all().values().stream().filter(t -> t.factoryPid.equals(factoryPid)).findFirst();
    }

    public static boolean isFactory(Type type) {
        return "require".equals(type.description.configurationPolicy)
                && (type.schema == null || type.schema.factory());
    }

    /** The component configurations of a type (one per instance DS knows of). */
    public List<ComponentConfigurationDTO> configurations(Type type) {
        return new ArrayList<>(scr.getComponentConfigurationDTOs(type.description));
    }

    public Bundle bundle(Type type) {
        return context.getBundle(type.description.bundle.id);
    }

    /** The PID of a component configuration (its newest one for merged PIDs). */
    public static String pidOf(ComponentConfigurationDTO dto) {
        Object pid = dto.properties.get(org.osgi.framework.Constants.SERVICE_PID);
        if (pid instanceof String s) {
            return s;
        }
        if (pid instanceof String[] array && array.length > 0) {
            return array[array.length - 1];
        }
        return dto.description.name;
    }

    /** The root cause's line of an activation failure (DS reports a whole stack trace). */
    public static String firstLine(String failure) {
        if (failure == null) {
            return "activation failed";
        }
        String cause = null;
        for (String line : failure.split("\n")) {
            if (line.startsWith("Caused by: ")) {
                cause = line.substring("Caused by: ".length());
            }
        }
        String line = cause != null ? cause : failure.lines().findFirst().orElse(failure);
        // "java.lang.IllegalArgumentException: subscription ..." reads better without the class
        int colon = line.indexOf(": ");
        return (colon > 0 && line.substring(0, colon).matches("[\\w.$]+")
                        ? line.substring(colon + 2)
                        : line)
                .trim();
    }
}
