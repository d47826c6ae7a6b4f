package dev.modelcard.pack;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pattern of template text left in a card.
 *
 * @param requiredText text every match of a {@link Kind#REGEX} rule contains, or null when none is known: where it
 *     is absent the regular expression need not run (its word-boundary test at every char is what a scan costs)
 */
public record PlaceholderRule(Kind kind, Pattern pattern, String source, String description, String requiredText) {
    /** A regular expression that is plain words between word boundaries ({@code \bTODO\b}). */
    private static final Pattern WORDS = Pattern.compile("\\\\b([A-Za-z0-9]+(?: [A-Za-z0-9]+)*)\\\\b");

    public PlaceholderRule(Kind kind, Pattern pattern, String source, String description) {
        this(kind, pattern, source, description, required(kind, source));
    }

    private static String required(Kind kind, String source) {
        java.util.regex.Matcher m = kind == Kind.REGEX ? WORDS.matcher(source) : null;
        return m != null && m.matches() ? m.group(1) : null;
    }

    /** From the kind and the source (equal rules have equal ones), without the record's method-handle linking. */
    @Override
    public int hashCode() {
        return 31 * kind.ordinal() + Objects.hashCode(source);
    }

    public enum Kind {
        /** A literal, anywhere in prose. */
        TEXT,
        /** A regular expression, anywhere in prose. */
        REGEX,
        /** The whole trimmed line. */
        LINE,
        /** A regular expression matched against the whole text of an italic span. */
        EMPHASIS
    }
}
