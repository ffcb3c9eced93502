package io.armature.api.device;

import java.time.Instant;

/**
 * A transition of a device's connectivity, as published to {@link DeviceStatusListener}s.
 *
 * @param tenant tenant id
 * @param device device id
 * @param from status before
 * @param to status after
 * @param at when the transition was detected, UTC
 */
public record DeviceStatusChange(
        String tenant, String device, DeviceStatus from, DeviceStatus to, Instant at) {}
