package dev.modelcard.pack;

import java.util.Objects;
import java.util.regex.Pattern;

/** A pattern of template text left in a card. */
public record PlaceholderRule(Kind kind, Pattern pattern, String source, String description) {
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
