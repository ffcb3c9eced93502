package io.armature.rest.internal.drivers;

import io.armature.api.driver.DriverType;
import io.armature.api.driver.ProtocolDriver;
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
 * The driver types present now: every DS component that provides {@link ProtocolDriver} with a
 * required factory configuration, named by its {@link DriverType} (or its configuration PID).
 */
final class DriverTypes {
    /**
     * One type.
     *
     * @param type its name
     * @param factoryPid the factory PID of its instances
     * @param schema its metatype schema, null when it has none
     * @param description the DS component behind it
     */
    record Type(
            String type,
            String factoryPid,
            MetatypeSchemas.Found schema,
            ComponentDescriptionDTO description) {}

    private final ServiceComponentRuntime scr;
    private final MetaTypeService metatype;
    private final BundleContext context;

    DriverTypes(ServiceComponentRuntime scr, MetaTypeService metatype, BundleContext context) {
        this.scr = scr;
        this.metatype = metatype;
        this.context = context;
    }

    /** Every driver component, creatable (factory) types and singletons alike, by type name. */
    Map<String, Type> all() {
        Map<String, Type> types = new TreeMap<>();
        Map<String, MetatypeSchemas.Found> schemas = null;
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (description.serviceInterfaces == null
                    || !Arrays.asList(description.serviceInterfaces)
                            .contains(ProtocolDriver.class.getName())
                    || description.configurationPid == null
                    || description.configurationPid.length == 0) {
                continue;
            }
            if (schemas == null) {
                schemas = new MetatypeSchemas(metatype, context.getBundles()).all();
            }
            String pid = description.configurationPid[0];
            Object named = description.properties.get(DriverType.PROPERTY);
            String type = named instanceof String s && !s.isBlank() ? s : pid;
            types.putIfAbsent(type, new Type(type, pid, schemas.get(pid), description));
        }
        return types;
    }

    /** Types whose instances are factory configurations: those an operator can create. */
    List<Type> creatable() {
        return all().values().stream().filter(DriverTypes::isFactory).toList();
    }

    Optional<Type> byFactoryPid(String factoryPid) {
        return all().values().stream().filter(t -> t.factoryPid.equals(factoryPid)).findFirst();
    }

    static boolean isFactory(Type type) {
        return "require".equals(type.description.configurationPolicy)
                && (type.schema == null || type.schema.factory());
    }

    /** The component configurations of a type (one per instance DS knows of). */
    List<ComponentConfigurationDTO> configurations(Type type) {
        return new ArrayList<>(scr.getComponentConfigurationDTOs(type.description));
    }

    Bundle bundle(Type type) {
        return context.getBundle(type.description.bundle.id);
    }
}
