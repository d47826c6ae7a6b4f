package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.pack.RulePack;
import java.util.function.Consumer;

/** What a check sees: the parsed card, the pack it follows, the matched outline, and where findings go. */
public record CheckContext(CardDocument card, RulePack pack, Outline outline, Consumer<Finding> report) {}
