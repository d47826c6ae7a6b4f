package dev.modelcard.check;

import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.SectionRule;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * Template sections out of the template's order among their template siblings. The fewest sections are
 * reported: those outside the longest run that is in order.
 */
final class SectionOrderCheck implements Check {
    @Override
    public void run(CheckContext ctx) {
        for (Ordering.Group g : Ordering.groups(ctx.pack(), ctx.outline())) {
            for (int i = 0; i < g.rank().length; i++) {
                if (!g.inOrder()[i]) {
                    report(ctx, g.headings(), g.rank(), g.inOrder(), i);
                }
            }
        }
    }

    private static void report(CheckContext ctx, List<Heading> group, int[] rank, boolean[] inOrder, int i) {
        Heading h = group.get(i);
        SectionRule s = ctx.outline().sectionOf(h);
        // Name the in-order neighbour it belongs after (or, failing that, before).
        Heading after = null;
        Heading before = null;
        for (int j = 0; j < group.size(); j++) {
            if (!inOrder[j]) {
                continue;
            }
            if (rank[j] < rank[i]) {
                after = group.get(j);
            } else if (before == null) {
                before = group.get(j);
            }
        }
        String place = after != null
                ? "after " + Requirements.quote(ctx.outline().sectionOf(after).title())
                : "before " + Requirements.quote(ctx.outline().sectionOf(before).title());
        String message = "Section " + Requirements.quote(s.title()) + " is out of order: the " + ctx.pack().name()
                + " puts it " + place + ".";
        ctx.report().accept(new Finding(Code.SECTION_ORDER, h.start(), h.end(), DiagnosticSeverity.Information,
                message, s.id()));
    }
}
