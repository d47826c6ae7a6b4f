package dev.modelcard.edits;

import dev.modelcard.check.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fixes that are safe without a person looking: insert the missing sections, then bring the table of
 * contents up to date. Nothing the writer typed is changed or removed.
 */
public final class SafeFixes {
    /** The fixed text, what was done (fix titles, in order), and the check of the fixed text. */
    public record Result(String text, List<String> applied, CheckResult check) {}

    private SafeFixes() {}

    /** @param check checks a text against the card's template (detected or forced) */
    public static Result apply(CheckResult first, Function<String, CheckResult> check) {
        List<String> applied = new ArrayList<>();
        CheckResult r = first;
        String text = first.card().text();
        for (Function<CheckResult, Optional<Fix>> step : List.<Function<CheckResult, Optional<Fix>>>of(
                SourceFixes::insertMissing, SourceFixes::tableOfContents)) {
            Optional<Fix> fix = r.pack() == null ? Optional.empty() : step.apply(r);
            if (fix.isPresent()) {
                text = Edit.apply(text, fix.get().edits());
                applied.add(fix.get().title());
                r = check.apply(text);
            }
        }
        return new Result(text, applied, r);
    }
}
