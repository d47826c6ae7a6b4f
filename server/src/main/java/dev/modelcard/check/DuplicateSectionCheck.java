package dev.modelcard.check;

import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.SectionRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DiagnosticSeverity;

/** A template section that appears again under the same parent. Each repeat is reported at its heading. */
final class DuplicateSectionCheck implements Check {
    @Override
    public void run(CheckContext ctx) {
        Outline outline = ctx.outline();
        for (SectionRule s : ctx.pack().allSections()) {
            List<Heading> seen = outline.occurrences(s);
            if (seen.size() < 2) {
                continue;
            }
            Map<Heading, Heading> firstUnder = new HashMap<>(); // the null key stands for the top level
            for (Heading h : seen) {
                Heading parent = outline.matchedAncestor(h);
                Heading first = firstUnder.putIfAbsent(parent, h);
                if (first == null) {
                    continue;
                }
                int line = ctx.card().lines().lineOf(first.start()) + 1;
                String under = parent == null ? "" : " under " + Requirements.quote(parent.text());
                String message = "Section " + Requirements.quote(s.title()) + " appears again" + under
                        + " (first at line " + line + "); the " + ctx.pack().name() + " has it once.";
                ctx.report().accept(new Finding(Code.DUPLICATE_SECTION, h.start(), h.end(),
                        DiagnosticSeverity.Information, message, s.id()));
            }
        }
    }
}
