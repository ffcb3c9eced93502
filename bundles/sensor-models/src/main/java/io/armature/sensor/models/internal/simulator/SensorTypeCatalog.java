package io.armature.sensor.models.internal.simulator;

import io.armature.api.sensor.SensorType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The registered sensor types by id, as they come and go, for this bundle's simulator driver and
 * sensors resource. Internal (its package is not exported).
 */
@Component(service = SensorTypeCatalog.class)
public final class SensorTypeCatalog {
    private final Map<String, SensorType> types = new ConcurrentHashMap<>();

    @Reference(
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addType(SensorType type) {
        types.put(type.id(), type);
    }

    void removeType(SensorType type) {
        types.remove(type.id(), type);
    }

    /** The type with this id; null when none is registered. */
    public SensorType get(String id) {
        return types.get(id);
    }
}
