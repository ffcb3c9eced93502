package io.armature.driver.grpc.internal;

import io.armature.api.security.Authenticator;
import io.armature.api.security.Caller;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Authenticates every call by the API token in its metadata ({@code authorization: Bearer <token>})
 * and puts the caller in the call's context; refuses the call with {@code UNAUTHENTICATED}
 * otherwise. Without {@code requireToken} a call without a token runs as {@link #ANONYMOUS}
 * (everything permitted), one with a token is still checked.
 */
final class TokenInterceptor implements ServerInterceptor {
    static final Context.Key<Optional<Caller>> CALLER = Context.key("armature-caller");

    /** A call without a token on a hub that does not require one: no grants are checked. */
    static final Optional<Caller> ANONYMOUS = Optional.empty();

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final boolean requireToken;
    private final Supplier<Authenticator> authenticator;

    TokenInterceptor(boolean requireToken, Supplier<Authenticator> authenticator) {
        this.requireToken = requireToken;
        this.authenticator = authenticator;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String header = headers.get(AUTHORIZATION);
        if (header == null || header.isBlank()) {
            if (requireToken) {
                return refuse(
                        call,
                        "this hub requires an API token: metadata 'authorization: Bearer <token>'");
            }
            return Contexts.interceptCall(
                    Context.current().withValue(CALLER, ANONYMOUS), call, headers, next);
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refuse(call, "metadata 'authorization' must be 'Bearer <token>'");
        }
        Authenticator tokens = authenticator.get();
        if (tokens == null) {
            call.close(
                    Status.UNAVAILABLE.withDescription("the security service is not running"),
                    new Metadata());
            return new ServerCall.Listener<>() {};
        }
        Optional<Caller> caller = tokens.authenticateToken(header.substring(7).trim());
        if (caller.isEmpty()) {
            return refuse(call, "unknown, revoked or expired token");
        }
        return Contexts.interceptCall(
                Context.current().withValue(CALLER, caller), call, headers, next);
    }

    private static <Q, A> ServerCall.Listener<Q> refuse(ServerCall<Q, A> call, String why) {
        call.close(Status.UNAUTHENTICATED.withDescription(why), new Metadata());
        return new ServerCall.Listener<>() {};
    }
}
