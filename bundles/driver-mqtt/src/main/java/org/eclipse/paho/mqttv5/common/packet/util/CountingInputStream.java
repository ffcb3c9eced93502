package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * Replaces the Paho 1.2.5 class of the same name inside this bundle (the bundle's own classes come
 * before the embedded Paho jar on its class path) with the same public API, counting the bytes read
 * from the wrapped stream.
 *
 * <p>Why: Paho's class overrides only {@code read()}, so every {@code readFully} of a received
 * packet and again of its payload went through {@link InputStream}'s byte-at-a-time default, one
 * synchronized {@code ByteArrayInputStream.read()} per byte; that loop was the largest single cost
 * of the runtime while it ingested MQTT at full speed (see docs/performance.md). This one passes
 * bulk reads, skips and {@code available} through. Paho only wraps byte arrays in it.
 */
public class CountingInputStream extends InputStream {
    private final InputStream in;
    private int counter;

    /** Counts what is read from {@code in}. */
    public CountingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int i = in.read();
        if (i != -1) {
            counter++;
        }
        return i;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            counter += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(n);
        counter += (int) skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    /** Bytes read since construction or the last {@link #resetCounter()}. */
    public int getCounter() {
        return counter;
    }

    /** Starts counting from zero again. */
    public void resetCounter() {
        counter = 0;
    }
}
