package dev.modelcard.lsp;

import dev.modelcard.check.CardChecker;
import dev.modelcard.check.CheckOptions;
import dev.modelcard.check.CheckResult;
import dev.modelcard.features.Diagnostics;
import dev.modelcard.text.TextDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * Types into a sample card once the packs are loaded, off the message thread: the path of a keystroke (apply the
 * change, re-parse and re-check the card from the version before, make the diagnostics) then runs compiled code
 * from the user's first keystroke, where it would otherwise run in the interpreter for the first few dozen.
 * It takes a few hundred milliseconds of one core, once, and stops when the server shuts down.
 */
final class Warmup {
    /** The card the class-data archive is recorded with: a BioImage card half filled in. */
    private static final String CARD = "/dev/modelcard/training/README.md";
    private static final String TYPED = " lorem ipsum dolor sit amet.\n";
    /** About as many as the compiler needs to see before it compiles the keystroke path. */
    private static final int KEYSTROKES = 60;

    private Warmup() {}

    static void run(CardChecker checker, BooleanSupplier stop) {
        TextDocument doc = new TextDocument("file:///modelcard-warmup/README.md", 1, sample());
        CheckOptions options = CheckOptions.template(null);
        CheckResult result = checker.check(doc.text(), doc.lines(), options, name -> false, () -> false);
        int line = doc.lines().lineCount() / 2;
        int column = doc.lines().lineEnd(line) - doc.lines().lineStart(line);
        for (int i = 0; i < KEYSTROKES && !stop.getAsBoolean(); i++) {
            String typed = String.valueOf(TYPED.charAt(i % TYPED.length()));
            Position at = new Position(line, column);
            doc = doc.apply(List.of(new TextDocumentContentChangeEvent(new Range(at, at), typed)), doc.version() + 1,
                    warning -> {});
            if (typed.equals("\n")) {
                line++;
                column = 0;
            } else {
                column++;
            }
            result = checker.check(doc.text(), doc.lines(), options, name -> false, () -> false, result,
                    Runnable::run);
            Diagnostics.of(result.findings(), doc.lines());
        }
    }

    private static String sample() {
        try (InputStream in = Warmup.class.getResourceAsStream(CARD)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
