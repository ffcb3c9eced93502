package org.eclipse.paho.mqttv5.common.packet.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.junit.jupiter.api.Test;

class CountingInputStreamTest {
    @Test
    void bulkReadsGoToTheWrappedStreamInOneCallAndAreCounted() throws IOException {
        byte[] data = new byte[1000];
        Arrays.fill(data, (byte) 7);
        InputStream bulkOnly =
                new ByteArrayInputStream(data) {
                    @Override
                    public synchronized int read() {
                        throw new AssertionError("read byte by byte");
                    }
                };
        CountingInputStream counting = new CountingInputStream(bulkOnly);
        byte[] read = new byte[1000];
        new DataInputStream(counting).readFully(read);
        assertArrayEquals(data, read);
        assertEquals(1000, counting.getCounter());
        counting.resetCounter();
        assertEquals(-1, counting.read(new byte[1], 0, 1));
        assertEquals(0, counting.getCounter());
    }

    @Test
    void pahoDecodesAPublishPacketThroughIt() throws Exception {
        MqttMessage message = new MqttMessage("{\"value\": 21.5}".getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setContentType("application/json");
        MqttPublish sent = new MqttPublish("plant/press-1", message, properties);
        sent.setMessageId(42);
        byte[] header = sent.getHeader();
        byte[] payload = sent.getPayload();
        byte[] packet = Arrays.copyOf(header, header.length + payload.length);
        System.arraycopy(payload, 0, packet, header.length, payload.length);

        MqttPublish received = (MqttPublish) MqttWireMessage.createWireMessage(packet);

        assertEquals("plant/press-1", received.getTopicName());
        assertEquals(42, received.getMessageId());
        assertEquals(1, received.getMessage().getQos());
        assertEquals("application/json", received.getProperties().getContentType());
        assertArrayEquals(message.getPayload(), received.getMessage().getPayload());
    }
}
