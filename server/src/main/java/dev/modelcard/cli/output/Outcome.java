package dev.modelcard.cli.output;

import dev.modelcard.features.Completeness;
import dev.modelcard.pack.RulePack;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;

/**
 * What became of one input of a run: all an output needs, and nothing more, so that a run over many cards holds
 * only the few outcomes it has not written yet (never a parsed card).
 *
 * @param pack the card's template when it was checked, else null
 * @param sections the state of each of the pack's sections, in {@link RulePack#allSections()} order; only when a
 *     report asked for them, else empty
 * @param message why it was skipped or could not be read or checked; for a checked card, null, or what went
 *     wrong besides (the fixes could not be written)
 * @param notes lines for stderr, in order (what {@code --fix} changed)
 */
public record Outcome(Path path, Status status, RulePack pack, List<Diagnostic> diagnostics,
        Completeness completeness, List<SectionState> sections, String message, List<String> notes) {

    /** Whether this input makes the exit status 2: not read, not checked, or its fixes not written. */
    public boolean isProblem() {
        return status.isProblem() || status == Status.CHECKED && message != null;
    }

    public enum Status {
        CHECKED, NOT_A_CARD, IGNORED, UNREADABLE, FAILED;

        /** Input that was not read or not checked: it makes the exit status 2. */
        public boolean isProblem() {
            return this == UNREADABLE || this == FAILED;
        }
    }

    /** How a template section stands in a card. */
    public enum SectionState {
        COMPLETE, EMPTY, PLACEHOLDER, MISSING, OPTIONAL_ABSENT
    }

    public static Outcome problem(Path path, Status status, String message) {
        return new Outcome(path, status, null, List.of(), null, List.of(), message, List.of());
    }

    public static Outcome skipped(Path path, Status status, String message, List<String> notes) {
        return new Outcome(path, status, null, List.of(), null, List.of(), message, notes);
    }
}
