package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.FrontMatter;
import dev.modelcard.markdown.Metadata;
import dev.modelcard.pack.Code;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * Front matter that cannot be read: not closed, or not valid YAML (see {@link Metadata} for the limits). The
 * error is placed where the parser stopped.
 */
final class FrontMatterCheck implements Check {

    @Override
    public void run(CheckContext ctx) {
        CardDocument card = ctx.card();
        FrontMatter fm = card.frontMatter();
        if (fm == null) {
            return;
        }
        if (!fm.closed()) {
            ctx.report().accept(new Finding(Code.FRONT_MATTER, fm.openStart(), fm.openEnd(), DiagnosticSeverity.Error,
                    "Front matter is not closed: add a line \u201c---\u201d after the YAML metadata.", null));
            return;
        }
        Metadata.Problem p = card.metadata().problem();
        if (p != null) {
            ctx.report().accept(new Finding(Code.FRONT_MATTER, p.start(), p.end(), DiagnosticSeverity.Error,
                    p.message(), null));
        }
    }
}
