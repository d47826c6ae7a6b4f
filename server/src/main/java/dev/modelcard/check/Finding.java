package dev.modelcard.check;

import dev.modelcard.pack.Code;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * One problem in a card, as offsets into its text.
 *
 * @param section the id of the template section it concerns, or null
 * @param replacement text that fixes the problem when it replaces the range (a metadata value's right
 *     spelling), or null
 */
public record Finding(Code code, int start, int end, DiagnosticSeverity severity, String message, String section,
        String replacement) {

    public Finding(Code code, int start, int end, DiagnosticSeverity severity, String message, String section) {
        this(code, start, end, severity, message, section, null);
    }
}
