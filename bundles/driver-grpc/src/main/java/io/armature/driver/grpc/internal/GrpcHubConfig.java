package io.armature.driver.grpc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        name = "gRPC hub",
        description =
                "Serves the seed's Hub service (/Hub/SendNumericScalarValues, /Hub/SendDeviceStatus)"
                        + " and armature.hub.v1.DeviceHub (batched ingest, commands) on one port")
public @interface GrpcHubConfig {
    @AttributeDefinition(
            name = "Host",
            description = "Address to listen on; 0.0.0.0 for every interface")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", min = "1", max = "65535")
    int port() default 50051;

    @AttributeDefinition(
            name = "Require a token",
            description =
                    "Calls must carry an Armature API token as metadata 'authorization: Bearer"
                            + " <token>', and may only send data the token's grants permit. Turn"
                            + " off only for seed devices on a trusted network")
    boolean requireToken() default true;

    @AttributeDefinition(
            name = "TLS certificate",
            description = "PEM file of the server certificate chain; empty = plaintext")
    String tlsCertificate() default "";

    @AttributeDefinition(
            name = "TLS private key",
            description = "PEM file (PKCS#8) of the certificate's private key")
    String tlsPrivateKey() default "";

    @AttributeDefinition(name = "Largest message (bytes)", min = "1024", max = "67108864")
    int maxMessageBytes() default 4 * 1024 * 1024;

    @AttributeDefinition(
            name = "Samples per write",
            description = "Seed streams are written to ingest in batches up to this many samples",
            min = "1",
            max = "100000")
    int batchSamples() default 5_000;
}
