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
        Exceeded(String message) {
            super(message, null, false, false);
        }

        static Exceeded of(String pattern) {
            return new Exceeded("the pattern " + pattern + " backtracks too much on this card; it was skipped");
        }
    }

    /**
     * The reads one pattern may make over one card, shared by all its matches there: a pattern run once per
     * placeholder pays the floor once, not once per match.
     */
    static final class Budget {
        private long left;

        Budget(long searched) {
            this.left = FLOOR + PER_CHAR * searched;
        }
    }

    /** Reads allowed per char of the text searched, plus a floor for short texts. */
    private static final long PER_CHAR = 200;
    private static final long FLOOR = 1_000_000;

    private final String text;
    private final Budget budget;
    private final String pattern;

    private RegexBudget(String text, Budget budget, String pattern) {
        this.text = text;
        this.budget = budget;
        this.pattern = pattern;
    }

    /** A matcher over {@code text} whose search of {@code searched} chars is bounded. */
    static Matcher matcher(Pattern p, String text, long searched) {
        return matcher(p, text, new Budget(searched));
    }

    /** A matcher over {@code text} that draws on a budget shared with other matches of the same pattern. */
    static Matcher matcher(Pattern p, String text, Budget budget) {
        return p.matcher(new RegexBudget(text, budget, p.pattern()));
    }

    @Override
    public char charAt(int index) {
        if (--budget.left < 0) {
            throw Exceeded.of(pattern);
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
