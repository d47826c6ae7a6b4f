package dev.modelcard.pack;

import java.util.regex.Pattern;

/** A pattern of template text left in a card. */
public record PlaceholderRule(Kind kind, Pattern pattern, String source, String description) {

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
