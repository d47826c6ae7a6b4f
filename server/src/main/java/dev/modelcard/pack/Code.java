package dev.modelcard.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The diagnostic codes. Stable: users name them in settings, CI and disable comments. */
public enum Code {
    MISSING_SECTION("missing-section", "A section the template requires (or recommends) is absent."),
    EMPTY_SECTION("empty-section", "A template section has a heading but nothing in it."),
    PLACEHOLDER("placeholder", "Template text or a common placeholder is still in the card."),
    HEADING_LEVEL("heading-level", "A template section is at another heading level than the template's."),
    DUPLICATE_SECTION("duplicate-section", "The same template section appears twice under one parent."),
    SECTION_ORDER("section-order", "A template section is out of the template's order."),
    SECTION_TITLE("section-title", "A heading is taken for a template section whose title it words differently."),
    FRONT_MATTER("front-matter", "The YAML front matter cannot be read."),
    UNKNOWN_RULE("unknown-rule", "A modelcard-disable comment names a code that does not exist."),
    METADATA("metadata", "Front matter metadata that the Hugging Face Hub would refuse."),
    METADATA_KEY("metadata-key", "A front matter key that looks like a misspelt Hugging Face Hub key."),
    METADATA_UNKNOWN("metadata-unknown", "A front matter value the Hugging Face Hub does not know, but accepts.");

    private final String id;
    private final String summary;

    Code(String id, String summary) {
        this.id = id;
        this.summary = summary;
    }

    public String id() {
        return id;
    }

    public String summary() {
        return summary;
    }

    /** Every code's id, in declaration order. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Code c : values()) {
            ids.add(c.id());
        }
        return List.copyOf(ids);
    }

    public static Optional<Code> of(String id) {
        for (Code c : values()) {
            if (c.id.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
