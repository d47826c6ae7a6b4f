package dev.modelcard.edits;

import dev.modelcard.check.Finding;
import java.util.List;

/**
 * A named change to one card: a quick fix for a finding, or a source action on the whole card.
 *
 * @param kind an LSP code action kind, e.g. {@code quickfix.modelcard.missing-section}
 * @param finding the finding it fixes, or null for a source action
 */
public record Fix(String title, String kind, List<Edit> edits, Finding finding) {
    public static final String QUICKFIX = "quickfix.modelcard.";
    public static final String INSERT_MISSING = "source.modelcard.insertMissingSections";
    public static final String TABLE_OF_CONTENTS = "source.modelcard.tableOfContents";
}
