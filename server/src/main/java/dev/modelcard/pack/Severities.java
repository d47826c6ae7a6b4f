package dev.modelcard.pack;

import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.DiagnosticSeverity;

/** The severity words packs and settings use, as LSP names them. */
public final class Severities {
    public static final List<String> WORDS = List.of("error", "warning", "information", "hint");
    /** What a rule can be set to: a severity word, or off. */
    public static final List<String> RULE_VALUES = List.of("off", "error", "warning", "information", "hint");

    private Severities() {}

    /** A severity word as LSP's severity; empty for "off" (and for any other word, which loaders refuse). */
    public static Optional<DiagnosticSeverity> parse(String word) {
        return switch (word) {
            case "error" -> Optional.of(DiagnosticSeverity.Error);
            case "warning" -> Optional.of(DiagnosticSeverity.Warning);
            case "information" -> Optional.of(DiagnosticSeverity.Information);
            case "hint" -> Optional.of(DiagnosticSeverity.Hint);
            default -> Optional.empty();
        };
    }
}
