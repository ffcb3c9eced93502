package io.armature.runtime;

import java.nio.file.Path;

/**
 * Where and how the runtime serves HTTP.
 *
 * @param host address to bind; null until resolved by {@link #orHost}
 * @param port HTTP port
 * @param http false when plain HTTP is switched off (TLS only)
 * @param tls true to serve HTTPS
 * @param tlsPort HTTPS port
 * @param keystore PKCS#12 keystore to serve, or null for the self-signed one in data/secrets
 * @param keystorePasswordFile file holding the keystore's password (with {@code keystore})
 */
record Listen(
        String host,
        int port,
        boolean http,
        boolean tls,
        int tlsPort,
        Path keystore,
        Path keystorePasswordFile) {
    /** With {@code fallback} (or 127.0.0.1 when that is null too) as host if none was given. */
    Listen orHost(String fallback) {
        if (host != null) {
            return this;
        }
        String chosen = fallback != null ? fallback : "127.0.0.1";
        return new Listen(chosen, port, http, tls, tlsPort, keystore, keystorePasswordFile);
    }

    /** The port the launcher probes for readiness and announces first. */
    int probePort() {
        return http ? port : tlsPort;
    }

    /** The host to reach the runtime at from this machine. */
    String localHost() {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }
}
