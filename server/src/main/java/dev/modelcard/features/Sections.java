package dev.modelcard.features;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import java.util.List;

/** Where a heading's section ends: before the next heading of the same or a higher level, or at the text end. */
final class Sections {
    private Sections() {}

    static int end(CardDocument card, Heading h) {
        return lastContentEnd(card, limit(card, h));
    }

    /** The start of the next heading of the same or a higher level, or the text length. */
    static int limit(CardDocument card, Heading h) {
        List<Heading> all = card.headings();
        for (int j = h.index() + 1; j < all.size(); j++) {
            if (all.get(j).level() <= h.level()) {
                return all.get(j).start();
            }
        }
        return card.text().length();
    }

    /** The end of the last non-blank line before {@code offset}. */
    static int lastContentEnd(CardDocument card, int offset) {
        String t = card.text();
        int e = Math.min(offset, t.length());
        while (e > 0 && Character.isWhitespace(t.charAt(e - 1))) {
            e--;
        }
        return e;
    }
}
