package io.armature.driver.opcua.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NodeMappingTest {
    @Test
    void aNodeIdLineWithOptions() {
        NodeMapping m =
                NodeMapping.parse(
                        "ns=2;s=Press.Temperature press-1 temperature unit=°C sampling=250"
                                + " deadband=0.5 tenant=line3",
                        "default");
        assertEquals("ns=2;s=Press.Temperature", m.target().text());
        assertFalse(m.target().isBrowsePath());
        assertEquals("line3/press-1/temperature", m.series());
        assertEquals("°C", m.unit());
        assertEquals(250.0, m.samplingMillis());
        assertEquals(new NodeMapping.Deadband(0.5, false), m.deadband());
    }

    @Test
    void aQuotedNodeIdWithBlanksAndAPercentDeadband() {
        NodeMapping m = NodeMapping.parse("\"ns=3;s=Line 1.Speed\" line-1 speed deadband=2%", "t");
        assertEquals("ns=3;s=Line 1.Speed", m.target().text());
        assertEquals(new NodeMapping.Deadband(2, true), m.deadband());
        assertEquals("t", m.tenant());
        assertNull(m.samplingMillis());
    }

    @Test
    void aBrowsePathKeepsNamespaceIndexesPerElement() {
        NodeTarget target =
                NodeMapping.parse("/Objects/2:Press/2:Temperature press t", "t").target();
        assertTrue(target.isBrowsePath());
        assertEquals(
                List.of(
                        new NodeTarget.Segment(0, "Objects"),
                        new NodeTarget.Segment(2, "Press"),
                        new NodeTarget.Segment(2, "Temperature")),
                target.path());
    }

    @Test
    void badLinesNameWhatIsWrong() {
        assertMessage("needs 3 words", () -> NodeMapping.parse("ns=2;s=X press", "t"));
        assertMessage(
                "neither a node id", () -> NodeMapping.parse("Press.Temperature press t", "t"));
        assertMessage(
                "unknown option 'colour'", () -> NodeMapping.parse("i=85 d m colour=red", "t"));
        assertMessage(
                "device 'bad device!'", () -> NodeMapping.parse("i=85 \"bad device!\" m", "t"));
        assertMessage(
                "deadband must be ≥ 0 and ≤ 100%",
                () -> NodeMapping.parse("i=85 d m deadband=120%", "t"));
        assertMessage(
                "'fast' is not a number", () -> NodeMapping.parse("i=85 d m sampling=fast", "t"));
        assertMessage("unclosed double quote", () -> NodeMapping.parse("\"i=85 d m", "t"));
        assertMessage("empty element", () -> NodeMapping.parse("/Objects//X d m", "t"));
        assertMessage(
                "two lines map to t/d/m",
                () -> NodeMapping.parseAll(new String[] {"i=85 d m", "i=86 d m"}, "t"));
    }

    @Test
    void blankAndCommentLinesAreSkipped() {
        assertEquals(
                1,
                NodeMapping.parseAll(new String[] {"", "# machine 1", "  i=2258 d m  "}, "t")
                        .size());
    }

    @Test
    void commandLines() {
        CommandMapping c = CommandMapping.parse("set_speed press-1 ns=2;s=Speed tenant=line3", "t");
        assertEquals("set_speed", c.name());
        assertEquals("line3", c.tenant());
        assertEquals("ns=2;s=Speed", c.target().text());
        assertMessage("built-in command", () -> CommandMapping.parse("write d ns=2;s=X", "t"));
        assertMessage(
                "mapped twice",
                () -> CommandMapping.parseAll(new String[] {"a d i=1", "a d i=2"}, "t"));
    }

    private static void assertMessage(
            String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
