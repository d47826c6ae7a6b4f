package dev.modelcard.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text for user-written regular expressions (from packs and {@code .modelcard.yaml}) that stops a pattern
 * which backtracks without end: each read of a char counts, and past the budget the match fails with
 * {@link Exceeded}. Java's regex engine has no time limit of its own, and a configuration in a cloned
 * repository must not be able to hang the server.
 */
final class RegexBudget implements CharSequence {
    /** A pattern read the text far more often than any sane pattern needs. */
    static final class Exceeded extends RuntimeException {
        Exceeded(String pattern) {
            super("the pattern " + pattern + " backtracks too much on this card; it was skipped", null, false, false);
        }
    }

    /** Reads allowed per char of the text searched, plus a floor for short texts. */
    private static final long PER_CHAR = 200;
    private static final long FLOOR = 1_000_000;

    private final String text;
    private final long limit;
    private final String pattern;
    private long reads;

    private RegexBudget(String text, long searched, String pattern) {
        this.text = text;
        this.limit = FLOOR + PER_CHAR * searched;
        this.pattern = pattern;
    }

    /** A matcher over {@code text} whose search of {@code searched} chars is bounded. */
    static Matcher matcher(Pattern p, String text, long searched) {
        return p.matcher(new RegexBudget(text, searched, p.pattern()));
    }

    @Override
    public char charAt(int index) {
        if (++reads > limit) {
            throw new Exceeded(pattern);
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
