package io.armature.driver.opcua.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of a list attribute ({@code nodes}, {@code commands}): words separated by blanks, a word
 * in double quotes may hold blanks ({@code "ns=2;s=Line 1.Speed"}), trailing {@code key=value}
 * words are options.
 */
record ConfigLines(List<String> words, Map<String, String> options) {
    /**
     * Splits a line.
     *
     * @param attribute the attribute's name, for messages
     * @param line the line
     * @param positional how many leading words are not options
     * @param allowed the option keys the attribute knows
     */
    static ConfigLines split(String attribute, String line, int positional, Set<String> allowed) {
        List<String> tokens = tokens(attribute, line);
        if (tokens.size() < positional) {
            throw new IllegalArgumentException(
                    attribute
                            + " line '"
                            + line
                            + "' needs "
                            + positional
                            + " words before its options, has "
                            + tokens.size());
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String token : tokens.subList(positional, tokens.size())) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        attribute + " line '" + line + "': '" + token + "' is not key=value");
            }
            String key = token.substring(0, eq);
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(
                        attribute
                                + " line '"
                                + line
                                + "': unknown option '"
                                + key
                                + "'; known: "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
            options.put(key, token.substring(eq + 1));
        }
        return new ConfigLines(List.copyOf(tokens.subList(0, positional)), Map.copyOf(options));
    }

    private static List<String> tokens(String attribute, String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    tokens.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(
                    attribute + " line '" + line + "' has an unclosed double quote");
        }
        if (word != null) {
            tokens.add(word.toString());
        }
        return tokens;
    }
}
