package io.armature.tools.device;

import java.util.concurrent.atomic.AtomicBoolean;

/** Prints what was sent and acknowledged once a second, and a summary at the end. */
final class Progress {
    private final HubClient client;
    private final long started = System.nanoTime();
    private final AtomicBoolean summarised = new AtomicBoolean();
    private final Thread thread;

    Progress(HubClient client) {
        this.client = client;
        this.thread =
                new Thread(
                        () -> {
                            long last = 0;
                            while (!Thread.currentThread().isInterrupted()) {
                                try {
                                    Thread.sleep(1_000); // the progress period
                                } catch (InterruptedException e) {
                                    return;
                                }
                                long acked = client.accepted.get() + client.rejected.get();
                                System.out.printf(
                                        "%5.0f s  sent %,d  acknowledged %,d (rejected %,d)  %,d samples/s%n",
                                        seconds(),
                                        client.sent.get(),
                                        acked,
                                        client.rejected.get(),
                                        acked - last);
                                last = acked;
                            }
                        },
                        "progress");
        thread.setDaemon(true);
        thread.start();
    }

    private double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    void stop() {
        thread.interrupt();
    }

    void summary() {
        if (summarised.compareAndSet(false, true)) {
            System.out.printf(
                    "done: sent %,d samples, acknowledged %,d (accepted %,d, rejected %,d %s) in %.1f s%n",
                    client.sent.get(),
                    client.accepted.get() + client.rejected.get(),
                    client.accepted.get(),
                    client.rejected.get(),
                    client.rejectedByReason,
                    seconds());
        }
    }
}
