package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.pack.RulePack;
import java.util.List;

/**
 * A checked card: the pack it follows (null when it is not a model card) and what is wrong with it.
 *
 * @param sections the per-section findings the next version of the card starts from, or null
 */
public record CheckResult(CardDocument card, RulePack pack, Outline outline, List<Finding> findings,
        SectionFindings sections) {

    public CheckResult(CardDocument card, RulePack pack, Outline outline, List<Finding> findings) {
        this(card, pack, outline, findings, null);
    }
}
