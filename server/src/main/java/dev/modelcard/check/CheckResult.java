package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.pack.RulePack;
import java.util.List;

/** A checked card: the pack it follows (null when it is not a model card) and what is wrong with it. */
public record CheckResult(CardDocument card, RulePack pack, Outline outline, List<Finding> findings) {}
