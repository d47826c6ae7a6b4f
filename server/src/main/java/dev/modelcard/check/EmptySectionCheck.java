package dev.modelcard.check;

import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.SectionRule;

/**
 * Template sections with a heading and nothing under it. When a parent is empty together with all its
 * subsections, only the parent is reported. The range is the heading's text.
 */
final class EmptySectionCheck implements Check {
    @Override
    public void run(CheckContext ctx) {
        Outline outline = ctx.outline();
        for (Heading h : ctx.card().headings()) {
            SectionRule s = outline.sectionOf(h);
            if (s == null || !outline.isEmpty(h)) {
                continue;
            }
            Heading above = outline.parentOf(h);
            if (above != null && outline.sectionOf(above) != null && outline.isEmpty(above)) {
                continue;
            }
            String message = "Section " + Requirements.quote(h.text()) + " is empty; " + switch (s.requirement()) {
                case REQUIRED -> "the " + ctx.pack().name() + " requires it.";
                case RECOMMENDED -> "the " + ctx.pack().name() + " recommends it.";
                case OPTIONAL -> "it is optional in the " + ctx.pack().name() + ": fill it in or remove the heading.";
            };
            ctx.report().accept(new Finding(Code.EMPTY_SECTION, h.textStart(), h.textEnd(),
                    Requirements.severity(s.requirement()), message, s.id()));
        }
    }
}
