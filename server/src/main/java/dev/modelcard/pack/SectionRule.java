package dev.modelcard.pack;

import java.util.List;
import java.util.Objects;

/**
 * One heading of a template, with what the template says about it.
 *
 * @param tableOfContents the section is a list of links to the card's sections, which the server can write
 */
public record SectionRule(
        String id,
        String title,
        List<String> aliases,
        int level,
        Requirement requirement,
        String guidance,
        String suggested,
        String skeleton,
        List<String> fields,
        List<String> instructions,
        boolean tableOfContents,
        List<SectionRule> children) {

    /**
     * From the id and the level only (equal rules have equal ones): rules are map keys, and the record's own
     * hash walks every field and every subsection, and is linked through method handles at its first call.
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(id) + level;
    }

    /** The heading as the template writes it, e.g. {@code ## Model Details}. */
    public String heading() {
        return "#".repeat(level) + " " + title;
    }
}
