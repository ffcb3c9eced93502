package io.armature.driver.mqtt.internal;

import java.time.Instant;
import java.util.Map;

/** Reads the samples of one payload format. Stateless and thread-safe. */
interface PayloadDecoder {
    /** Reason: the payload is not valid JSON (or not UTF-8 text). */
    String MALFORMED_JSON = "malformed_json";

    /** Reason: a field the format needs is absent or of the wrong JSON type. */
    String INVALID_FIELD = "invalid_field";

    /** Reason: a value is not a number. */
    String NOT_A_NUMBER = "not_a_number";

    /** Reason: a time could not be read. */
    String INVALID_TIME = "invalid_time";

    /** Reason: the tenant or device could not be found in the payload, topic or options. */
    String UNROUTABLE = "unroutable";

    /** Reason: the payload is empty. */
    String EMPTY_PAYLOAD = "empty_payload";

    /**
     * @param payload the message body
     * @param topicValues tenant/device/metric from the topic and the subscription's fixed options
     * @param received when the message arrived (the time of values that carry none)
     */
    Decoded decode(byte[] payload, Map<String, String> topicValues, Instant received);

    /** The decoder for a subscription's format and options. */
    static PayloadDecoder of(Subscription subscription) {
        return switch (subscription.format) {
            case "powiot" -> new PowiotDecoder(subscription.options);
            case "json" -> new JsonSamplesDecoder();
            case "value" -> new ValueDecoder();
            default -> throw new IllegalArgumentException("unknown format " + subscription.format);
        };
    }
}
