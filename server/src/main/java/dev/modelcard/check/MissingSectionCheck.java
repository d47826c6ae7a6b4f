package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.markdown.Tree;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.Requirement;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import java.util.Optional;
import org.commonmark.node.HtmlBlock;

/**
 * Required and recommended sections that are absent: neither a heading nor a bold label in their parent
 * ({@link BoldLabels}) stands for them. A missing parent is reported once, not once per child.
 * The range is the heading of the section it belongs under, or the card's title line at the top level.
 */
final class MissingSectionCheck implements Check {
    @Override
    public void run(CheckContext ctx) {
        RulePack pack = ctx.pack();
        Outline outline = ctx.outline();
        for (SectionRule s : pack.allSections()) {
            if (s.requirement() == Requirement.OPTIONAL || outline.isAnswered(s)) {
                continue;
            }
            Optional<SectionRule> parent = pack.parent(s);
            if (parent.isPresent() && !outline.isPresent(parent.get())) {
                continue;
            }
            int[] range;
            if (parent.isPresent()) {
                Heading p = outline.occurrences(parent.get()).get(0);
                range = new int[] {p.start(), p.end()};
            } else {
                range = topRange(ctx.card(), outline);
            }
            String message = outline.message(Code.MISSING_SECTION, s, 0, () -> "Missing section "
                    + Requirements.quote(s.title()) + " (" + s.heading() + ")"
                    + parent.map(p -> " under " + Requirements.quote(p.title())).orElse("") + ", "
                    + s.requirement().word() + " by the " + pack.name() + ".");
            ctx.report().accept(new Finding(Code.MISSING_SECTION, range[0], range[1],
                    Requirements.severity(s.requirement()), message, s.id()));
        }
    }

    /**
     * The title heading; without one, the first line of the first block of the body that is not an HTML comment;
     * else the line after the body's last comment, or the body's start (so that a disable comment written above
     * covers it).
     */
    static int[] topRange(CardDocument card, Outline outline) {
        Heading title = outline.title();
        if (title != null) {
            return new int[] {title.start(), title.end()};
        }
        var lines = card.lines();
        int afterComments = card.bodyStart();
        for (org.commonmark.node.Node block : card.blocks()) {
            int start = Tree.start(block);
            if (start < card.bodyStart()) {
                continue;
            }
            if (block instanceof HtmlBlock html && html.getLiteral().stripLeading().startsWith("<!--")) {
                int next = lines.lineOf(Tree.end(block)) + 1;
                afterComments = next < lines.lineCount() ? lines.lineStart(next) : card.text().length();
                continue;
            }
            int end = Math.min(Tree.end(block), lines.lineEnd(lines.lineOf(start)));
            String content = card.text().substring(start, end);
            return new int[] {start + content.length() - content.stripLeading().length(),
                end - (content.length() - content.stripTrailing().length())};
        }
        return new int[] {afterComments, afterComments};
    }
}
