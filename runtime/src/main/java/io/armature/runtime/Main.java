package io.armature.runtime;

import picocli.CommandLine;

/**
 * Entry point of {@code bin/armature}. Exit codes: 0 clean shutdown, 1 runtime failure (for example
 * the port is taken), 2 invalid profile, feature or missing bundle (the message names the culprit).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new LaunchOptions());
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setExecutionExceptionHandler(
                (exception, cmd, parseResult) -> {
                    System.err.println("armature: " + exception.getMessage());
                    return 1;
                });
        System.exit(commandLine.execute(args));
    }
}
