package io.armature.api.driver;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a driver reports what became of one {@link DeviceCommand}. Thread-safe; call from any
 * thread. The first final report ({@link #succeeded}, {@link #failed}, {@link #refused}) wins;
 * later reports, and every report after the command's deadline passed, are ignored.
 */
@ProviderType
public interface CommandCallback {
    /**
     * The command reached the device or the broker that serves it.
     *
     * @param detail for example the topic it was published on
     * @param answerExpected true when the device will answer (then the command stays {@code
     *     delivered} until {@link #succeeded}, {@link #failed} or its deadline); false when
     *     delivery is all there is to know, which makes {@code delivered} final
     */
    void delivered(String detail, boolean answerExpected);

    /** The device carried the command out; {@code answer} is its reply (may be null). */
    void succeeded(String answer);

    /** The device tried and failed, or delivery failed after the driver took the command. */
    void failed(String reason);

    /** The driver did not take the command (device not connected, unknown command name). */
    void refused(String reason);
}
