package dev.modelcard.pack;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pattern of template text left in a card.
 *
 * @param leadingText text every match of a {@link Kind#REGEX} rule starts with, or null when none is known: the
 *     regular expression is tried only where it stands (its test at every char is what a scan costs)
 */
public record PlaceholderRule(Kind kind, Pattern pattern, String source, String description, String leadingText) {
    /** A regular expression that is plain words between word boundaries ({@code \bTODO\b}). */
    private static final Pattern WORDS = Pattern.compile("\\\\b([A-Za-z0-9]+(?: [A-Za-z0-9]+)*)\\\\b");
    /** Inline flags that leave literal text matched as it is written: multiline, dot-all, Unix lines. */
    private static final Pattern LEADING_FLAGS = Pattern.compile("\\(\\?[msd]+\\)");
    /** Chars that are not themselves in a regular expression (escaped, a punctuation char is). */
    private static final String SPECIAL = "\\^$.|?*+()[]{}";

    public PlaceholderRule(Kind kind, Pattern pattern, String source, String description) {
        this(kind, pattern, source, description, leading(kind, source));
    }

    private static String leading(Kind kind, String source) {
        if (kind != Kind.REGEX || source.contains("\\G")) { // \G: where the last match ended, not where tried
            return null;
        }
        java.util.regex.Matcher m = WORDS.matcher(source);
        return m.matches() ? m.group(1) : leadingLiteral(source);
    }

    /**
     * The literal text a pattern starts with ({@code \{\{.*?\}\}}: "{{"), or null. Only where every match surely
     * starts with it: no alternation anywhere, no flag that changes how letters or spaces match, and a last char
     * that a quantifier makes optional is left out.
     */
    private static String leadingLiteral(String source) {
        if (source.indexOf('|') >= 0) {
            return null;
        }
        java.util.regex.Matcher flags = LEADING_FLAGS.matcher(source);
        int i = flags.lookingAt() ? flags.end() : 0;
        StringBuilder literal = new StringBuilder();
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length() && !Character.isLetterOrDigit(source.charAt(i + 1))
                    && source.charAt(i + 1) < 128) {
                literal.append(source.charAt(i + 1));
                i += 2;
            } else if (SPECIAL.indexOf(c) < 0 && !Character.isSurrogate(c)) {
                literal.append(c);
                i++;
            } else {
                break;
            }
        }
        if (i < source.length() && "?*+{".indexOf(source.charAt(i)) >= 0 && literal.length() > 0) {
            literal.setLength(literal.length() - 1);
        }
        return literal.length() == 0 ? null : literal.toString();
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
