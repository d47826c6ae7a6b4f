package dev.modelcard.lsp;

import dev.modelcard.check.CheckResult;
import dev.modelcard.features.Completeness;
import java.util.Objects;

/**
 * A card's template and completeness, for a status bar.
 *
 * @param template the pack id, or null when the document is not a model card
 * @param toFill sections present but empty or holding a placeholder
 * @param missing sections absent
 * @param label e.g. "CZI model card · 14 of 20 sections complete · 2 to fill · 4 missing"; empty when it is not
 *     a card
 */
public record CardStatus(String uri, int version, String template, String templateName, int complete, int toFill,
        int missing, int total, String label) {

    static CardStatus of(String uri, int version, CheckResult r) {
        if (r.pack() == null) {
            return new CardStatus(uri, version, null, null, 0, 0, 0, 0, "");
        }
        Completeness c = Completeness.of(r);
        return new CardStatus(uri, version, r.pack().id(), r.pack().shortName(), c.complete(), c.toFill(),
                c.missing(), c.total(), c.label());
    }

    /**
     * Whether the two say the same of the same document, whatever version each was computed for. Field by field,
     * not through the record's equals, which is linked through java.lang.invoke on first use (the first keystroke).
     */
    boolean sameFigures(CardStatus other) {
        return other != null && uri.equals(other.uri) && Objects.equals(template, other.template)
                && Objects.equals(templateName, other.templateName) && complete == other.complete
                && toFill == other.toFill && missing == other.missing && total == other.total
                && label.equals(other.label);
    }
}
