package io.armature.driver.opcua.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a mapping points: a node id as text ({@code ns=2;s=Press.Temperature}) or a browse path
 * from the root folder ({@code /Objects/2:Press/2:Temperature}), resolved on each connect.
 *
 * @param text the mapping's text, as configured
 * @param path the browse path's segments ({@code [ns:]name} each), empty for a node id
 */
record NodeTarget(String text, List<Segment> path) {
    /** One browse path element: a namespace index and a browse name. */
    record Segment(int namespace, String name) {
        @Override
        public String toString() {
            return namespace == 0 ? name : namespace + ":" + name;
        }
    }

    boolean isBrowsePath() {
        return !path.isEmpty();
    }

    static NodeTarget parse(String text) {
        if (!text.startsWith("/")) {
            if (!NodeIdText.isValid(text)) {
                throw new IllegalArgumentException(
                        "'"
                                + text
                                + "' is neither a node id (ns=2;s=Name, i=2258,"
                                + " nsu=<uri>;s=Name) nor a browse path (/Objects/2:Name)");
            }
            return new NodeTarget(text, List.of());
        }
        List<Segment> segments = new ArrayList<>();
        for (String part : text.substring(1).split("/")) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException(
                        "browse path '" + text + "' has an empty element");
            }
            int colon = part.indexOf(':');
            if (colon > 0 && part.substring(0, colon).matches("\\d{1,5}")) {
                segments.add(
                        new Segment(
                                Integer.parseInt(part.substring(0, colon)),
                                part.substring(colon + 1)));
            } else {
                segments.add(new Segment(0, part));
            }
        }
        return new NodeTarget(text, List.copyOf(segments));
    }

    @Override
    public String toString() {
        return text;
    }
}
