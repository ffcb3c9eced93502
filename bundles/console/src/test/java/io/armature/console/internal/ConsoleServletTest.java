package io.armature.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsoleServletTest {
    @Test
    void mapsTheConsoleFilesAndUplotToTheirPlacesInTheBundle() {
        assertEquals("console/js/app.js", ConsoleServlet.entryPath("js/app.js", "1.6.30"));
        assertEquals(
                "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js",
                ConsoleServlet.entryPath("vendor/uplot/uPlot.iife.min.js", "1.6.30"));
        assertEquals(
                "META-INF/resources/webjars/uplot/1.6.30/LICENSE",
                ConsoleServlet.entryPath("vendor/uplot/LICENSE", "1.6.30"));
    }
}
