package io.armature.rest.internal.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Finds the metatype definition of a PID across all bundles and renders it as a JSON schema DTO.
 */
public final class MetatypeSchemas {
    /** A configuration form: what a UI needs to render it. */
    public record Schema(
            String name,
            String description,
            boolean factory,
            String bundle,
            List<Attribute> attributes) {}

    /** One field of the form. */
    public record Attribute(
            String id,
            String name,
            String description,
            String type,
            int cardinality,
            boolean required,
            List<String> defaultValue,
            List<Option> options) {}

    /** One allowed value with its label. */
    public record Option(String value, String label) {}

    /** The definition found for a PID, and whether it came from a factory PID. */
    public record Found(ObjectClassDefinition ocd, boolean factory, Bundle bundle) {}

    private final MetaTypeService metatype;
    private final Bundle[] bundles;

    public MetatypeSchemas(MetaTypeService metatype, Bundle[] bundles) {
        this.metatype = metatype;
        this.bundles = bundles;
    }

    /** Every PID and factory PID that has a definition, mapped to it. */
    public TreeMap<String, Found> all() {
        TreeMap<String, Found> result = new TreeMap<>();
        for (Bundle bundle : bundles) {
            MetaTypeInformation info = info(bundle);
            if (info == null) {
                continue;
            }
            for (String pid : info.getPids()) {
                result.put(pid, new Found(info.getObjectClassDefinition(pid, null), false, bundle));
            }
            for (String pid : info.getFactoryPids()) {
                result.put(pid, new Found(info.getObjectClassDefinition(pid, null), true, bundle));
            }
        }
        return result;
    }

    /** The definition for a PID or factory PID. */
    public Optional<Found> find(String pid, boolean factory) {
        Found found = all().get(pid);
        return found != null && found.factory() == factory ? Optional.of(found) : Optional.empty();
    }

    private MetaTypeInformation info(Bundle bundle) {
        try {
            MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
            return info != null && (info.getPids().length > 0 || info.getFactoryPids().length > 0)
                    ? info
                    : null;
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    public static Schema render(Found found) {
        ObjectClassDefinition ocd = found.ocd();
        Set<String> required = ids(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED));
        List<Attribute> attributes = new ArrayList<>();
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        for (AttributeDefinition ad : all == null ? new AttributeDefinition[0] : all) {
            List<Option> options = new ArrayList<>();
            String[] values = ad.getOptionValues();
            String[] labels = ad.getOptionLabels();
            for (int i = 0; values != null && i < values.length; i++) {
                options.add(
                        new Option(
                                values[i],
                                labels != null && i < labels.length ? labels[i] : values[i]));
            }
            attributes.add(
                    new Attribute(
                            ad.getID(),
                            ad.getName(),
                            ad.getDescription(),
                            typeName(ad.getType()),
                            ad.getCardinality(),
                            required.contains(ad.getID()),
                            ad.getDefaultValue() == null
                                    ? null
                                    : Arrays.asList(ad.getDefaultValue()),
                            options.isEmpty() ? null : options));
        }
        return new Schema(
                ocd.getName(),
                ocd.getDescription(),
                found.factory(),
                found.bundle().getSymbolicName(),
                attributes);
    }

    static Set<String> ids(AttributeDefinition[] definitions) {
        return definitions == null
                ? Set.of()
                : Set.copyOf(Arrays.stream(definitions).map(AttributeDefinition::getID).toList());
    }

    static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.STRING -> "string";
            case AttributeDefinition.LONG -> "long";
            case AttributeDefinition.INTEGER -> "integer";
            case AttributeDefinition.SHORT -> "short";
            case AttributeDefinition.CHARACTER -> "char";
            case AttributeDefinition.BYTE -> "byte";
            case AttributeDefinition.DOUBLE -> "double";
            case AttributeDefinition.FLOAT -> "float";
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.PASSWORD -> "password";
            default -> "unknown";
        };
    }
}
