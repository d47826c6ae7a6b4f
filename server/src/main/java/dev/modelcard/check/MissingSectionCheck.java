package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Requirement;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import java.util.Optional;

/**
 * Required and recommended sections that are absent. A missing parent is reported once, not once per child.
 * The range is the heading of the section it belongs under, or the card's title line at the top level.
 */
final class MissingSectionCheck implements Check {
    @Override
    public void run(CheckContext ctx) {
        RulePack pack = ctx.pack();
        Outline outline = ctx.outline();
        for (SectionRule s : pack.allSections()) {
            if (s.requirement() == Requirement.OPTIONAL || outline.isPresent(s)) {
                continue;
            }
            Optional<SectionRule> parent = pack.parent(s);
            if (parent.isPresent() && !outline.isPresent(parent.get())) {
                continue;
            }
            int[] range;
            String where;
            if (parent.isPresent()) {
                Heading p = outline.occurrences(parent.get()).get(0);
                range = new int[] {p.start(), p.end()};
                where = " under " + Requirements.quote(parent.get().title());
            } else {
                range = topRange(ctx.card(), outline);
                where = "";
            }
            String message = "Missing section " + Requirements.quote(s.title()) + " (" + s.heading() + ")" + where
                    + ", " + s.requirement().word() + " by the " + pack.name() + ".";
            ctx.report().accept(new Finding(Code.MISSING_SECTION, range[0], range[1],
                    Requirements.severity(s.requirement()), message, s.id()));
        }
    }

    /** The title heading; without one, the first line of the body that has text; else the body's start. */
    static int[] topRange(CardDocument card, Outline outline) {
        Heading title = outline.title();
        if (title != null) {
            return new int[] {title.start(), title.end()};
        }
        var lines = card.lines();
        for (int line = lines.lineOf(card.bodyStart()); line < lines.lineCount(); line++) {
            int s = lines.lineStart(line);
            int e = lines.lineEnd(line);
            String content = card.text().substring(s, e);
            if (!content.isBlank()) {
                int lead = content.length() - content.stripLeading().length();
                int trail = content.length() - content.stripTrailing().length();
                return new int[] {s + lead, e - trail};
            }
        }
        return new int[] {card.bodyStart(), card.bodyStart()};
    }
}
