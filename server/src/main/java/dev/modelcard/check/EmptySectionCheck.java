package dev.modelcard.check;

import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.SectionRule;

/**
 * Template sections with a heading and nothing under it. When a parent is empty together with all its
 * subsections, only the parent is reported. The range is the heading's text, or for a section written as a bold
 * label with nothing after it, the label.
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
            report(ctx, s, h.text(), h.textStart(), h.textEnd(), "the heading");
        }
        for (SectionRule s : ctx.pack().allSections()) {
            BoldLabels.Label label = outline.label(s);
            if (label != null && label.empty()) {
                report(ctx, s, s.title(), label.start(), label.end(), "the label");
            }
        }
    }

    private static void report(CheckContext ctx, SectionRule s, String shown, int start, int end, String what) {
        String message = "Section " + Requirements.quote(shown) + " is empty; " + switch (s.requirement()) {
            case REQUIRED -> "the " + ctx.pack().name() + " requires it.";
            case RECOMMENDED -> "the " + ctx.pack().name() + " recommends it.";
            case OPTIONAL -> "it is optional in the " + ctx.pack().name() + ": fill it in or remove " + what + ".";
        };
        ctx.report().accept(new Finding(Code.EMPTY_SECTION, start, end, Requirements.severity(s.requirement()),
                message, s.id()));
    }
}
