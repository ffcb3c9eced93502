package io.armature.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the console's JavaScript unit tests ({@code src/test/js/*.test.mjs}: bucket choice, live
 * merging) with Node's built-in test runner, which every build machine has.
 */
class ConsoleScriptsTest {
    @Test
    void theScriptsUnitTestsPass() throws IOException, InterruptedException {
        Process node =
                new ProcessBuilder(
                                "node",
                                "--experimental-detect-module",
                                "--test",
                                Path.of("src", "test", "js").toString())
                        .redirectErrorStream(true)
                        .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not finish");
        assertEquals(0, node.exitValue(), output);
        assertTrue(output.contains("# fail 0") && !output.contains("# pass 0"), output);
    }
}
