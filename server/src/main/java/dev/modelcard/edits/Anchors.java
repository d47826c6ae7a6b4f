package dev.modelcard.edits;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens; a repeated anchor gets
 * {@code -1}, {@code -2}, ... in document order. Feed every heading of a card, in order, to get the same ids.
 */
public final class Anchors {
    private final Map<String, Integer> seen = new HashMap<>();

    public String next(String headingText) {
        StringBuilder b = new StringBuilder();
        headingText.strip().toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.appendCodePoint(c);
            } else if (c == ' ') {
                b.append('-');
            }
        });
        String slug = b.toString();
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        return n == 0 ? slug : slug + "-" + n;
    }
}
