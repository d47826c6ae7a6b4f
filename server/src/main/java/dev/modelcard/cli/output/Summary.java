package dev.modelcard.cli.output;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * The totals of a run.
 *
 * @param problems inputs that were not read or could not be checked
 * @param counts diagnostics per severity, in severity order
 */
public record Summary(int checked, int skipped, int problems, Map<DiagnosticSeverity, Integer> counts) {

    /** "4 cards checked, 2 skipped, 1 not read: 36 warnings, 2 information." */
    public String line() {
        StringJoiner found = new StringJoiner(", ");
        found.setEmptyValue("no problems");
        counts.forEach((severity, n) -> found.add(n + " " + word(severity)
                + (n == 1 || severity == DiagnosticSeverity.Information ? "" : "s")));
        return checked + (checked == 1 ? " card" : " cards") + " checked"
                + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + (problems > 0 ? ", " + problems + " not read or not checked" : "") + ": " + found + ".";
    }

    public static String word(DiagnosticSeverity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
