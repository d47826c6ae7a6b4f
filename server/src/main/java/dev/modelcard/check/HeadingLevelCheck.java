package dev.modelcard.check;

import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.SectionRule;
import org.eclipse.lsp4j.DiagnosticSeverity;

/** Template sections written at another heading level than the template's. The range is the whole heading. */
final class HeadingLevelCheck implements Check {
    @Override
    public void run(CheckContext ctx) {
        for (Heading h : ctx.card().headings()) {
            SectionRule s = ctx.outline().sectionOf(h);
            if (s == null || s.level() == h.level()) {
                continue;
            }
            int level = h.level();
            String message = ctx.outline().message(Code.HEADING_LEVEL, s, level, () -> "Section "
                    + Requirements.quote(s.title()) + " is a level-" + s.level() + " heading in the "
                    + ctx.pack().name() + " (\u201c" + s.heading() + "\u201d), not level " + level + ".");
            ctx.report().accept(new Finding(Code.HEADING_LEVEL, h.start(), h.end(), DiagnosticSeverity.Information,
                    message, s.id()));
        }
    }
}
