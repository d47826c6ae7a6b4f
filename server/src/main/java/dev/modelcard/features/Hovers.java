package dev.modelcard.features;

import dev.modelcard.check.CheckResult;
import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.GlossaryTerm;
import dev.modelcard.pack.SectionRule;
import java.util.List;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/** Hover: a template heading shows the template's guidance; a glossary term shows its definition. */
public final class Hovers {
    private Hovers() {}

    /** @return the hover at {@code offset}, or null when there is nothing to say */
    public static Hover at(CheckResult r, int offset) {
        if (r.pack() == null) {
            return null;
        }
        if (MetadataAssist.applies(r, offset)) {
            return MetadataAssist.hover(r, offset);
        }
        Heading h = r.card().headingBefore(offset);
        if (h != null && offset <= h.end() && r.card().lines().lineOf(offset) == r.card().lines().lineOf(h.start())) {
            SectionRule s = r.outline().sectionOf(h);
            if (s != null) {
                return hover(r, h.start(), h.end(), section(r, s));
            }
            if (h == r.outline().title() && r.pack().title().isPresent()) {
                var t = r.pack().title().get();
                return hover(r, h.start(), h.end(), "**Card title** \u00b7 " + t.requirement().word() + " \u00b7 "
                        + r.pack().name() + (t.guidance() == null ? "" : "\n\n" + t.guidance()));
            }
        }
        return glossary(r, offset);
    }

    private static String section(CheckResult r, SectionRule s) {
        StringBuilder md = new StringBuilder("**").append(s.title()).append("** \u00b7 ")
                .append(s.requirement().word()).append(" \u00b7 ").append(r.pack().name());
        r.pack().parent(s).ifPresent(p -> md.append(" \u00b7 under ").append(p.title()));
        if (s.guidance() != null) {
            md.append("\n\n").append(s.guidance());
        }
        if (s.suggested() != null) {
            md.append("\n\nSuggested text:\n\n").append(s.suggested());
        }
        if (!s.fields().isEmpty()) {
            md.append("\n\nFields: ").append(String.join(", ", s.fields()));
        }
        return md.toString();
    }

    /** A glossary term, or its short form before a parenthesis ("IoU"), under the cursor. */
    private static Hover glossary(CheckResult r, int offset) {
        String text = r.card().text();
        var lines = r.card().lines();
        int line = lines.lineOf(offset);
        int lineStart = lines.lineStart(line);
        int lineEnd = lines.lineEnd(line);
        List<GlossaryTerm> own = Glossary.inCard(r);
        for (GlossaryTerm g : Glossary.of(r)) {
            for (String form : forms(g.term())) {
                int len = form.length();
                for (int at = Math.max(lineStart, offset - len); at <= Math.min(offset, lineEnd - len); at++) {
                    // Compared in place, ignoring case: no lower-cased copy whose offsets could drift.
                    if (text.regionMatches(true, at, form, 0, len) && wordBoundary(text, at - 1, lineStart, lineEnd)
                            && wordBoundary(text, at + len, lineStart, lineEnd)) {
                        String from = own.contains(g) ? "this card's glossary" : "the glossary of the "
                                + r.pack().name();
                        return hover(r, at, at + len, "**" + g.term() + "**: " + g.definition() + "\n\n*From "
                                + from + "*");
                    }
                }
            }
        }
        return null;
    }

    private static boolean wordBoundary(String text, int i, int lineStart, int lineEnd) {
        return i < lineStart || i >= lineEnd || !Character.isLetterOrDigit(text.charAt(i));
    }

    private static String[] forms(String term) {
        int paren = term.indexOf(" (");
        return paren > 0 ? new String[] {term, term.substring(0, paren)} : new String[] {term};
    }

    private static Hover hover(CheckResult r, int start, int end, String markdown) {
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown), r.card().lines().range(start, end));
    }
}
