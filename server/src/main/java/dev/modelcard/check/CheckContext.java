package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.pack.RulePack;
import java.util.List;
import java.util.function.Consumer;
import org.commonmark.node.Node;

/**
 * What a check sees: the parsed card, the pack it follows, the matched outline, where findings go, and the
 * top-level blocks to look at: the whole card, or for a check that looks at one section at a time (see
 * {@link SectionFindings}) the blocks of one section.
 */
public record CheckContext(CardDocument card, RulePack pack, Outline outline, Consumer<Finding> report,
        List<Node> scope) {

    public CheckContext(CardDocument card, RulePack pack, Outline outline, Consumer<Finding> report) {
        this(card, pack, outline, report, card.blocks());
    }
}
