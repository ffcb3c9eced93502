package io.armature.api.driver;

/** No running driver that accepts commands owns the device; the message says which case. */
public final class CommandNotRoutableException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message why the command cannot be routed
     */
    public CommandNotRoutableException(String message) {
        super(message);
    }
}
