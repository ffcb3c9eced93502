package io.armature.api.alert;

import java.util.Objects;

/**
 * What a rule decided about one series: its condition holds ({@link Kind#BREACH}), does not ({@link
 * Kind#OK}), or the rule has no opinion yet ({@link Kind#NONE}, for example while a window fills).
 * The engine turns verdicts into alerts, applying the rule's pending period ({@code forSeconds}) to
 * breaches and its keep-firing period ({@code keepFiringSeconds}) to OKs.
 *
 * @param kind the decision
 * @param value the value decided on (shown on the alert), null when there is none
 * @param message explanation naming the value and the condition, for example {@code "temperature
 *     81.2 > 80"}
 */
public record Verdict(Kind kind, Double value, String message) {
    /** The decisions. */
    public enum Kind {
        BREACH,
        OK,
        NONE
    }

    /** No opinion. */
    public static final Verdict NONE = new Verdict(Kind.NONE, null, null);

    public Verdict {
        Objects.requireNonNull(kind, "kind");
    }

    /** The condition holds. */
    public static Verdict breach(Double value, String message) {
        return new Verdict(Kind.BREACH, value, message);
    }

    /** The condition does not hold. */
    public static Verdict ok(Double value, String message) {
        return new Verdict(Kind.OK, value, message);
    }
}
