package dev.modelcard.pack;

import java.util.List;

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

    /** The heading as the template writes it, e.g. {@code ## Model Details}. */
    public String heading() {
        return "#".repeat(level) + " " + title;
    }
}
