package dev.modelcard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcard.check.CardChecker;
import dev.modelcard.check.CheckResult;
import dev.modelcard.features.Diagnostics;
import dev.modelcard.pack.PackRegistry;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Test helpers in the style of the protocol: {@code testDiagnosticsFor(text, "czi", d(...), ...)}. */
public final class CardAssert {
    public static final PackRegistry PACKS = PackRegistry.bundled();
    public static final CardChecker CHECKER = new CardChecker(PACKS, (m, e) -> {
        throw new AssertionError(m, e);
    });
    public static final DiagnosticSeverity W = DiagnosticSeverity.Warning;
    public static final DiagnosticSeverity I = DiagnosticSeverity.Information;
    public static final DiagnosticSeverity E = DiagnosticSeverity.Error;

    private CardAssert() {}

    public static Range r(int sl, int sc, int el, int ec) {
        return new Range(new Position(sl, sc), new Position(el, ec));
    }

    public static Diagnostic d(int sl, int sc, int el, int ec, String code, DiagnosticSeverity severity) {
        Diagnostic d = new Diagnostic(r(sl, sc, el, ec), "", severity, Diagnostics.SOURCE, code);
        return d;
    }

    public static List<Diagnostic> diagnostics(String text, String template) {
        return diagnostics(text, template, name -> false);
    }

    public static List<Diagnostic> diagnostics(String text, String template, Predicate<String> companions) {
        CheckResult result = CHECKER.check(text, template, companions);
        return Diagnostics.of(result.findings(), result.card().lines());
    }

    /** Asserts code, range, severity and source of every diagnostic, in order, and that there are no others. */
    public static void testDiagnosticsFor(String text, String template, Diagnostic... expected) {
        assertSame(List.of(expected), diagnostics(text, template));
    }

    public static void assertSame(List<Diagnostic> expected, List<Diagnostic> actual) {
        assertEquals(show(expected), show(actual));
    }

    public static String show(List<Diagnostic> ds) {
        return ds.stream().map(CardAssert::show).collect(Collectors.joining("\n"));
    }

    public static String show(Diagnostic d) {
        Range r = d.getRange();
        return r.getStart().getLine() + ":" + r.getStart().getCharacter() + "-" + r.getEnd().getLine() + ":"
                + r.getEnd().getCharacter() + " " + d.getCode().getLeft() + " " + d.getSeverity() + " "
                + d.getSource();
    }

    /** The text a diagnostic's range covers. */
    public static String covered(String text, Diagnostic d) {
        var lines = new dev.modelcard.text.LineIndex(text);
        int s = lines.offset(d.getRange().getStart().getLine(), d.getRange().getStart().getCharacter());
        int e = lines.offset(d.getRange().getEnd().getLine(), d.getRange().getEnd().getCharacter());
        return text.substring(s, e);
    }
}
