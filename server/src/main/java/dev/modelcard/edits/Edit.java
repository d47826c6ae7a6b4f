package dev.modelcard.edits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replace {@code [start, end)} of a card's text with {@code text} (already in the card's line endings). */
public record Edit(int start, int end, String text) {

    public static Edit insert(int at, String text) {
        return new Edit(at, at, text);
    }

    /**
     * The text with the edits applied. Edits must not overlap; several inserts at one offset keep their list
     * order, as LSP clients apply them.
     */
    public static String apply(String text, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start));
        StringBuilder b = new StringBuilder(text.length() + 256);
        int at = 0;
        for (Edit e : sorted) {
            if (e.start() < at || e.end() < e.start() || e.end() > text.length()) {
                throw new IllegalArgumentException("overlapping or out-of-range edit " + e);
            }
            b.append(text, at, e.start()).append(e.text());
            at = e.end();
        }
        return b.append(text, at, text.length()).toString();
    }
}
