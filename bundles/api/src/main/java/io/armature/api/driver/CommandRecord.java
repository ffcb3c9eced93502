package io.armature.api.driver;

import java.time.Instant;

/**
 * A command and what became of it, as {@link DeviceCommands} keeps it.
 *
 * @param command the command as routed
 * @param driver the id of the driver it was routed to
 * @param state its state now
 * @param answer the device's reply or the reason of a failure or refusal; may be null
 * @param createdAt when it was submitted
 * @param updatedAt when its state last changed
 * @param answerExpected whether the driver said the device would answer
 */
public record CommandRecord(
        DeviceCommand command,
        String driver,
        CommandState state,
        String answer,
        Instant createdAt,
        Instant updatedAt,
        boolean answerExpected) {}
