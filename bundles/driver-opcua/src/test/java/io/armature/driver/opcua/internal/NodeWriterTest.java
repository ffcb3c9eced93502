package io.armature.driver.opcua.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.junit.jupiter.api.Test;

class NodeWriterTest {
    @Test
    void jsonValuesBecomeTheNodesBuiltInType() {
        assertEquals(42.5, NodeWriter.convert(NodeIds.Double, 42.5).getValue());
        assertEquals(17.0f, NodeWriter.convert(NodeIds.Float, 17).getValue());
        assertEquals(7, NodeWriter.convert(NodeIds.Int32, 7.0).getValue());
        assertEquals((short) -3, NodeWriter.convert(NodeIds.Int16, -3).getValue());
        assertEquals(Unsigned.ubyte(200), NodeWriter.convert(NodeIds.Byte, 200).getValue());
        assertEquals(
                Unsigned.uint(4_000_000_000L),
                NodeWriter.convert(NodeIds.UInt32, 4_000_000_000L).getValue());
        assertEquals(true, NodeWriter.convert(NodeIds.Boolean, true).getValue());
        assertEquals("auto", NodeWriter.convert(NodeIds.String, "auto").getValue());
    }

    @Test
    void valuesThatDoNotFitAreRefusedWithTheReason() {
        assertMessage("outside the range of Byte", () -> NodeWriter.convert(NodeIds.Byte, 256));
        assertMessage("not a whole number", () -> NodeWriter.convert(NodeIds.Int32, 1.5));
        assertMessage("must be a number", () -> NodeWriter.convert(NodeIds.Double, "hot"));
        assertMessage("must be true or false", () -> NodeWriter.convert(NodeIds.Boolean, 1));
        assertMessage(
                "not a built-in scalar type",
                () -> NodeWriter.convert(new NodeId(2, "MyStructure"), 1));
        assertMessage("cannot be written from JSON", () -> NodeWriter.convert(NodeIds.DateTime, 1));
    }

    private static void assertMessage(
            String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
