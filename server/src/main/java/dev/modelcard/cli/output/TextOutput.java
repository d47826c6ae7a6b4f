package dev.modelcard.cli.output;

import dev.modelcard.cli.output.Outcome.Status;
import java.io.PrintWriter;
import org.eclipse.lsp4j.Diagnostic;

/**
 * The compiler format, {@code path:line:column: severity code message}, 1-based. A card with findings gets one
 * line first that names its template and how complete it is, so that each finding's line need not repeat the
 * template; the messages are otherwise those of the JSON output.
 */
public final class TextOutput implements Output {
    private final PrintWriter out;

    public TextOutput(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void card(Outcome o) {
        if (o.status() == Status.NOT_A_CARD || o.status() == Status.IGNORED) {
            out.println(o.path() + ": skipped, " + o.message());
        }
        if (o.status() != Status.CHECKED || o.diagnostics().isEmpty()) {
            return; // problems went to stderr
        }
        String name = o.pack().name();
        out.println(o.path() + ": " + name + ", " + (o.completeness().total() == 0
                ? "any layout: metadata and leftovers checked"
                : o.completeness().complete() + " of " + o.completeness().total() + " sections complete"));
        for (Diagnostic d : o.diagnostics()) {
            out.println(o.path() + ":" + (d.getRange().getStart().getLine() + 1) + ":"
                    + (d.getRange().getStart().getCharacter() + 1) + ": " + Summary.word(d.getSeverity()) + " "
                    + d.getCode().getLeft() + " " + shorten(d.getMessage(), name));
        }
    }

    @Override
    public void finish(Summary summary) {
        out.println(summary.line());
        out.flush();
    }

    /**
     * A message without the template's name, which the card's first line gives: "…; replace it with this model's
     * own content (CZI model card template)." ends at the parenthesis before it, "required by the CZI model card
     * template" becomes "required by the template".
     */
    static String shorten(String message, String templateName) {
        return message.replace("; replace it with this model's own content (" + templateName + ")", "")
                .replace(" (" + templateName + ")", "")
                .replace("the " + templateName, "the template");
    }
}
