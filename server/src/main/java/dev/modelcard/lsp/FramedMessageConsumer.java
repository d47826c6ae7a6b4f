package dev.modelcard.lsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;

/**
 * Writes framed JSON-RPC messages, byte for byte as LSP4J's own writer does, but a document's diagnostics from the
 * JSON of each diagnostic its last publish already wrote. While the user types, nearly every diagnostic of a card
 * is the same from one version to the next, and writing them anew (the messages escaped character by character,
 * then encoded) was most of an edit's work before the server's code is compiled: the first keystrokes.
 */
final class FramedMessageConsumer implements MessageConsumer {
    static final String PUBLISH = "textDocument/publishDiagnostics";
    /** Past this many diagnostics, a document's further ones are written afresh each time rather than kept. */
    static final int KEPT_PER_DOCUMENT = 2_000;
    private static final byte[] OPEN = utf8("{\"jsonrpc\":\"2.0\",\"method\":\"" + PUBLISH + "\",\"params\":{\"uri\":");
    private static final byte[] DIAGNOSTICS = utf8(",\"diagnostics\":[");
    private static final byte[] VERSION = utf8(",\"version\":");
    private static final byte[] CLOSE = utf8("}}");

    private final OutputStream out;
    private final MessageJsonHandler json;
    private final Object lock = new Object();
    /**
     * Per document, the JSON of each diagnostic of its last publish, keyed by the diagnostic's value. Any entry is
     * right for its key, so publishes racing for one document can only cost a miss.
     */
    private final Map<String, Map<Diagnostic, byte[]>> published = new ConcurrentHashMap<>();

    FramedMessageConsumer(OutputStream out, MessageJsonHandler json) {
        this.out = out;
        this.json = json;
    }

    @Override
    public void consume(Message message) {
        byte[] body = message instanceof NotificationMessage n && PUBLISH.equals(n.getMethod())
                && n.getParams() instanceof PublishDiagnosticsParams p && p.getUri() != null
                && p.getDiagnostics() != null
                ? publish(p)
                : utf8(json.serialize(message));
        try {
            synchronized (lock) {
                write(out, body);
            }
        } catch (IOException e) {
            throw new JsonRpcException(e);
        }
    }

    /**
     * Writes one message, its {@code Content-Length} header then the body, in one write: a body larger than the
     * stream's buffer would otherwise reach the client in a second write, after the header alone.
     */
    static void write(OutputStream out, byte[] body) throws IOException {
        byte[] header = new StringBuilder(FramedMessageProducer.LENGTH_HEADER).append(' ').append(body.length)
                .append("\r\n\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] frame = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, frame, header.length, body.length);
        out.write(frame);
        out.flush();
    }

    private byte[] publish(PublishDiagnosticsParams p) {
        List<Diagnostic> diagnostics = p.getDiagnostics();
        Map<Diagnostic, byte[]> before = published.getOrDefault(p.getUri(), Map.of());
        Map<Diagnostic, byte[]> now = new HashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream(256 + 384 * diagnostics.size());
        body.writeBytes(OPEN);
        body.writeBytes(utf8(json.getGson().toJson(p.getUri())));
        body.writeBytes(DIAGNOSTICS);
        for (int i = 0; i < diagnostics.size(); i++) {
            Diagnostic d = diagnostics.get(i);
            byte[] written = before.get(d);
            if (written == null) {
                written = utf8(json.getGson().toJson(d, Diagnostic.class));
            }
            if (now.size() < KEPT_PER_DOCUMENT) {
                now.put(d, written);
            }
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(written);
        }
        body.write(']');
        if (p.getVersion() != null) {
            body.writeBytes(VERSION);
            body.writeBytes(utf8(p.getVersion().toString()));
        }
        body.writeBytes(CLOSE);
        if (now.isEmpty()) {
            published.remove(p.getUri()); // a closed document publishes nothing: its entry goes
        } else {
            published.put(p.getUri(), now);
        }
        return body.toByteArray();
    }

    /** How many diagnostics of the document are kept from its last publish. */
    int kept(String uri) {
        return published.getOrDefault(uri, Map.of()).size();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
