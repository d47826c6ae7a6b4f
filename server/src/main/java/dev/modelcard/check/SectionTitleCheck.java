package dev.modelcard.check;

import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.SectionRule;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * Headings taken for a template section by a near title ("Biases and Limitations" for "Biases, Risks, and
 * Limitations"): the section counts as present, and the author learns the template's title. The range is the
 * heading's text.
 */
final class SectionTitleCheck implements Check {
    @Override
    public void run(CheckContext ctx) {
        for (Heading h : ctx.card().headings()) {
            if (!ctx.outline().titleDiffers(h)) {
                continue;
            }
            SectionRule s = ctx.outline().sectionOf(h);
            String message = "Heading " + Requirements.quote(h.text()) + " is taken for the section "
                    + Requirements.quote(s.title()) + " of the " + ctx.pack().name()
                    + ", which titles it differently.";
            ctx.report().accept(new Finding(Code.SECTION_TITLE, h.textStart(), h.textEnd(),
                    DiagnosticSeverity.Information, message, s.id()));
        }
    }
}
