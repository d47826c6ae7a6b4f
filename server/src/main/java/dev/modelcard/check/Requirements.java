package dev.modelcard.check;

import dev.modelcard.pack.Requirement;
import org.eclipse.lsp4j.DiagnosticSeverity;

/** Default severities: a problem with a required section warns, anything else informs. */
final class Requirements {
    private Requirements() {}

    static DiagnosticSeverity severity(Requirement r) {
        return r == Requirement.REQUIRED ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
    }

    static String quote(String s) {
        return "\u201c" + s + "\u201d";
    }
}
