package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.junit.jupiter.api.Test;

class FramedMessageConsumerTest {
    private final MessageJsonHandler json =
            new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(ModelCardClient.class));

    @Test
    void diagnosticsAreWrittenByteForByteAsLsp4jWritesThem() {
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        FramedMessageConsumer consumer = new FramedMessageConsumer(ours, json);
        List<Message> messages = List.of(
                publish("file:///cards/README.md", 3, List.of(plain(0, "Missing section \u201cUses\u201d."),
                        rich(), plain(7, "tab\there, quote \" back\\slash <b>&amp;</b> \u2028 emoji \ud83e\udd16"))),
                // again, one diagnostic moved: the others come from what the first publish kept
                publish("file:///cards/README.md", 4, List.of(plain(0, "Missing section \u201cUses\u201d."),
                        rich(), plain(8, "tab\there, quote \" back\\slash <b>&amp;</b> \u2028 emoji \ud83e\udd16"))),
                publish("file:///a%20b/c=d&e/README.md", null, List.of(plain(2, "no version"))),
                publish("file:///cards/README.md", 5, List.of()), // closed: nothing kept
                publish("file:///cards/README.md", 6, List.of(rich())),
                response());
        for (Message m : messages) {
            consumer.consume(m);
        }
        assertEquals(lsp4j(messages), ours.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDocumentKeepsTheDiagnosticsOfItsLastPublishOnly() {
        FramedMessageConsumer consumer = new FramedMessageConsumer(new ByteArrayOutputStream(), json);
        String uri = "file:///cards/README.md";
        consumer.consume(publish(uri, 1, List.of(plain(0, "a"), plain(1, "b"))));
        assertEquals(2, consumer.kept(uri));
        consumer.consume(publish(uri, 2, List.of(plain(1, "b"))));
        assertEquals(1, consumer.kept(uri));
        consumer.consume(publish(uri, 3, List.of()));
        assertEquals(0, consumer.kept(uri));
        List<Diagnostic> many = new ArrayList<>();
        for (int i = 0; i < FramedMessageConsumer.KEPT_PER_DOCUMENT + 5; i++) {
            many.add(plain(i, "d" + i));
        }
        consumer.consume(publish(uri, 4, many));
        assertEquals(FramedMessageConsumer.KEPT_PER_DOCUMENT, consumer.kept(uri));
    }

    /** What LSP4J's own writer writes for the same messages. */
    private String lsp4j(List<Message> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamMessageConsumer reference = new StreamMessageConsumer(out, json);
        messages.forEach(reference::consume);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static NotificationMessage publish(String uri, Integer version, List<Diagnostic> diagnostics) {
        NotificationMessage n = new NotificationMessage();
        n.setMethod(FramedMessageConsumer.PUBLISH);
        n.setParams(new PublishDiagnosticsParams(uri, diagnostics, version));
        return n;
    }

    private static ResponseMessage response() {
        ResponseMessage r = new ResponseMessage();
        r.setId(7);
        r.setResult(List.of("\u201cquoted\u201d"));
        return r;
    }

    private static Diagnostic plain(int line, String message) {
        return new Diagnostic(new Range(new Position(line, 0), new Position(line, 4)), message,
                DiagnosticSeverity.Warning, "modelcard", "missing-section");
    }

    private static Diagnostic rich() {
        Diagnostic d = new Diagnostic(new Range(new Position(3, 2), new Position(5, 1)), "rich",
                DiagnosticSeverity.Hint, "modelcard");
        d.setCode(42);
        d.setCodeDescription(new DiagnosticCodeDescription("https://example.org/rules#rich"));
        d.setTags(List.of(DiagnosticTag.Unnecessary));
        d.setRelatedInformation(List.of(new DiagnosticRelatedInformation(new Location("file:///other.md",
                new Range(new Position(0, 0), new Position(0, 1))), "there")));
        JsonObject data = new JsonObject();
        data.addProperty("section", "uses");
        data.addProperty("n", 1);
        d.setData(data);
        return d;
    }
}
