package dev.modelcard.edits;

import dev.modelcard.pack.SectionRule;

/** The Markdown a card gets for a template section, written with {@code \n}, each block ending in a blank line. */
public final class SectionText {
    private SectionText() {}

    /** For a quick fix: the heading, then the template's suggested text, else its guidance as an HTML comment. */
    public static String missing(SectionRule s) {
        StringBuilder b = new StringBuilder(s.heading()).append("\n\n");
        if (s.suggested() != null) {
            b.append(s.suggested().strip()).append("\n\n");
        } else if (s.guidance() != null) {
            b.append(comment(s.guidance())).append("\n\n");
        }
        return b.toString();
    }

    /** For a new card: every section with its guidance as an HTML comment and the template's skeleton. */
    public static String fresh(SectionRule s) {
        StringBuilder b = new StringBuilder();
        fresh(b, s);
        return b.toString();
    }

    private static void fresh(StringBuilder b, SectionRule s) {
        b.append(s.heading()).append("\n\n");
        if (s.guidance() != null) {
            b.append(comment(s.guidance())).append("\n\n");
        }
        String body = s.suggested() != null ? s.suggested() : s.skeleton();
        if (body != null && !body.isBlank()) {
            b.append(body.strip()).append("\n\n");
        }
        for (SectionRule child : s.children()) {
            fresh(b, child);
        }
    }

    /** An HTML comment that cannot be closed early by its own text. */
    public static String comment(String text) {
        return "<!-- " + text.strip().replace("-->", "--\u200b>") + " -->";
    }
}
