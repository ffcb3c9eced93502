package io.armature.api.driver;

/**
 * Outcome of {@link ProtocolDriver#execute(DeviceCommand)}.
 *
 * @param accepted true when the device took the command
 * @param message detail, in particular why a command was refused
 */
public record CommandResult(boolean accepted, String message) {
    /** A successful outcome. */
    public static CommandResult ok() {
        return new CommandResult(true, "ok");
    }

    /** A refused command with the reason. */
    public static CommandResult refused(String reason) {
        return new CommandResult(false, reason);
    }
}
