package io.armature.api.driver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names the driver type a {@link ProtocolDriver} component implements, as property {@value
 * #PROPERTY} of its component: the {@code type} of {@code POST /api/v1/drivers}. The component's
 * configuration PID is the factory PID of the type's instances, and its metatype is the type's
 * configuration schema. Type names are short, lower case and stable ({@code mqtt}, {@code grpc}).
 *
 * <pre>{@code
 * @Component(configurationPid = "io.armature.driver.mqtt", configurationPolicy = REQUIRE)
 * @Designate(ocd = MqttDriver.Config.class, factory = true)
 * @DriverType("mqtt")
 * public final class MqttDriver implements ProtocolDriver { ... }
 * }</pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DriverType {
    /** The component property that carries the type name. */
    String PROPERTY = "armature.driver.type";

    /**
     * Prefix of the property name; the single element {@code value} is named after the annotation
     * ({@code driver.type}), so the property is {@value #PROPERTY}.
     */
    String PREFIX_ = "armature.";

    /** The type name. */
    String value();
}
