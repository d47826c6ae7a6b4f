package dev.modelcard.features;

import dev.modelcard.check.CheckResult;
import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.GlossaryTerm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms a card can use: the pack's glossary and the card's own glossary section (the template section with
 * id {@code glossary}), whose {@code - **Term:** definition} lines win over the pack's.
 */
final class Glossary {
    static final String SECTION_ID = "glossary";
    private static final Pattern ENTRY =
            Pattern.compile("(?m)^[ \\t]*[-*+][ \\t]+\\*\\*([^*\\n]+?):?\\*\\*:?[ \\t]*(.*)$");

    private Glossary() {}

    static List<GlossaryTerm> of(CheckResult r) {
        Map<String, GlossaryTerm> terms = new LinkedHashMap<>();
        for (GlossaryTerm t : r.pack().glossary()) {
            terms.put(t.term().toLowerCase(Locale.ROOT), t);
        }
        for (GlossaryTerm t : inCard(r)) {
            terms.put(t.term().toLowerCase(Locale.ROOT), t);
        }
        return List.copyOf(terms.values());
    }

    /** The entries of the card's glossary section, in order; empty without one. */
    static List<GlossaryTerm> inCard(CheckResult r) {
        Heading h = section(r);
        if (h == null) {
            return List.of();
        }
        List<GlossaryTerm> out = new ArrayList<>();
        Matcher m = ENTRY.matcher(r.card().text()).region(h.end(), Sections.end(r.card(), h));
        while (m.find()) {
            String definition = m.group(2).strip().replaceAll("^[*_]+|[*_]+$", "").strip();
            out.add(new GlossaryTerm(m.group(1).strip(), definition));
        }
        return out;
    }

    /** The card's glossary heading, or null. */
    static Heading section(CheckResult r) {
        return r.pack().section(SECTION_ID).map(s -> r.outline().occurrences(s))
                .filter(l -> !l.isEmpty()).map(l -> l.get(0)).orElse(null);
    }
}
