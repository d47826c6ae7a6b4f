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
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * Types into a sample card once the packs are loaded, off the message thread: the path of a keystroke (apply the
 * change, re-parse and re-check the card from the version before, write the diagnostics) then runs compiled code
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

    /** @return the keystrokes typed (fewer when {@code stop} turned true) */
    static int run(CardChecker checker, BooleanSupplier stop) {
        // The messages are written as the server writes them, by a JSON handler of the same kind, and dropped.
        MessageJsonHandler json = new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(ModelCardClient.class));
        TextDocument doc = new TextDocument("file:///modelcard-warmup/README.md", 1, sample());
        CheckOptions options = CheckOptions.template(null);
        CheckResult result = checker.check(doc.text(), doc.lines(), options, name -> false, () -> false);
        int line = doc.lines().lineCount() / 2;
        int column = doc.lines().lineEnd(line) - doc.lines().lineStart(line);
        int typed = 0;
        for (; typed < KEYSTROKES && !stop.getAsBoolean(); typed++) {
            char c = TYPED.charAt(typed % TYPED.length());
            Position at = new Position(line, column);
            doc = doc.apply(List.of(new TextDocumentContentChangeEvent(new Range(at, at), String.valueOf(c))),
                    doc.version() + 1, warning -> {});
            if (c == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
            result = checker.check(doc.text(), doc.lines(), options, name -> false, () -> false, result,
                    Runnable::run);
            json.serialize(notification("textDocument/publishDiagnostics", new PublishDiagnosticsParams(doc.uri(),
                    Diagnostics.of(result.findings(), doc.lines()), doc.version())));
            json.serialize(notification("modelcard/status", CardStatus.of(doc.uri(), doc.version(), result)));
        }
        return typed;
    }

    private static NotificationMessage notification(String method, Object params) {
        NotificationMessage m = new NotificationMessage();
        m.setMethod(method);
        m.setParams(params);
        return m;
    }

    private static String sample() {
        try (InputStream in = Warmup.class.getResourceAsStream(CARD)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
