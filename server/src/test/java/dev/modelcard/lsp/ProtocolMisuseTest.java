package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.modelcard.Cards;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server on raw pipes, sent what a broken or careless client sends: bad framing, requests out of the
 * lifecycle, methods it does not offer, params it cannot read. Every request gets an answer and the server keeps
 * serving.
 */
class ProtocolMisuseTest {
    private static final Duration HANG = Duration.ofSeconds(60);
    private static final String URI = "file:///nonexistent/model/README.md";

    /** The server on one end of a pair of pipes; the test writes bytes and reads framed JSON. */
    static final class Wire implements AutoCloseable {
        private final OutputStream toServer;
        final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

        Wire() throws IOException {
            Pipe up = Pipe.open();
            Pipe down = Pipe.open();
            toServer = Channels.newOutputStream(up.sink());
            InputStream serverIn = Channels.newInputStream(up.source());
            OutputStream serverOut = Channels.newOutputStream(down.sink());
            InputStream fromServer = Channels.newInputStream(down.source());
            Thread server = new Thread(() -> ServerLauncher.run(serverIn, serverOut, code -> { }), "server-raw");
            server.setDaemon(true);
            server.start();
            Thread reader = new Thread(() -> read(fromServer), "client-raw");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream in) {
            try {
                while (true) {
                    int length = -1;
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    while (true) {
                        int c = in.read();
                        if (c < 0) {
                            return;
                        }
                        if (c == '\n') {
                            String l = line.toString(StandardCharsets.US_ASCII).strip();
                            line.reset();
                            if (l.isEmpty()) {
                                break;
                            }
                            if (l.startsWith("Content-Length:")) {
                                length = Integer.parseInt(l.substring(15).strip());
                            }
                        } else {
                            line.write(c);
                        }
                    }
                    byte[] body = in.readNBytes(length);
                    received.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
                }
            } catch (IOException e) {
                // closed
            }
        }

        void raw(String bytes) throws IOException {
            toServer.write(bytes.getBytes(StandardCharsets.UTF_8));
            toServer.flush();
        }

        void send(String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            raw("Content-Length: " + body.length + "\r\n\r\n");
            toServer.write(body);
            toServer.flush();
        }

        void request(int id, String method, String params) throws IOException {
            send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        }

        void notify(String method, String params) throws IOException {
            send("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
        }

        /** The response to request {@code id}; messages before it (logs, diagnostics) are skipped. */
        JsonObject response(int id) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                JsonObject m = received.poll(100, TimeUnit.MILLISECONDS);
                if (m != null && m.has("id") && !m.has("method") && m.get("id").getAsInt() == id) {
                    return m;
                }
            }
            throw new AssertionError("no response to request " + id);
        }

        /** The error code of the response to {@code id}, or null for a result. */
        Integer errorCode(int id) throws InterruptedException {
            JsonObject r = response(id);
            return r.has("error") ? r.getAsJsonObject("error").get("code").getAsInt() : null;
        }

        void initialize() throws Exception {
            request(1, "initialize", "{\"capabilities\":{},\"initializationOptions\":{\"debounceMs\":0}}");
            assertTrue(response(1).has("result"));
            notify("initialized", "{}");
        }

        /** A request that answers only when the server still reads its input in step. */
        void assertStillServing(int id) throws Exception {
            request(id, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + URI + "\"}}");
            assertEquals(null, errorCode(id), "answered with a result");
        }

        @Override
        public void close() throws IOException {
            toServer.close();
        }
    }

    @Test
    void badFramingIsSkippedAndTheServerKeepsServing() throws Exception {
        assertTimeoutPreemptively(HANG, () -> {
            try (Wire w = new Wire()) {
                w.initialize();
                String body = "{\"jsonrpc\":\"2.0\",\"id\":50,\"method\":\"shutdown\"}";
                w.raw("Content-Length: -5\r\n\r\n" + body);
                w.assertStillServing(2);
                w.raw("Content-Length: abc\r\n\r\n" + body);
                w.assertStillServing(3);
                w.raw("Content-Length: 99999999999999999999\r\n\r\n" + body);
                w.assertStillServing(4);
                w.raw("Content-Type: application/vscode-jsonrpc\r\n\r\n" + body);
                w.assertStillServing(5);
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                w.raw("Content-Length: " + b.length + "\r\nContent-Type: application/json; charset=klingon\r\n\r\n"
                        + body);
                w.assertStillServing(6);
                w.raw("garbage line without a colon\r\n\r\n");
                w.assertStillServing(7);
            }
        });
    }

    @Test
    void aMessageNestedFiveThousandDeepIsAnsweredAndSkipped() throws Exception {
        assertTimeoutPreemptively(HANG, () -> {
            try (Wire w = new Wire()) {
                w.initialize();
                w.request(2, "textDocument/hover", "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
                assertEquals(-32700, w.errorCode(2), "a parse error, answered");
                w.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":" + "{\"a\":".repeat(5000)
                        + "1" + "}".repeat(5000) + "}");
                w.assertStillServing(3);
            }
        });
    }

    @Test
    void aCodeActionWhoseDiagnosticCodeIsNotAStringOrNumberIsAnswered() throws Exception {
        assertTimeoutPreemptively(HANG, () -> {
            try (Wire w = new Wire()) {
                w.initialize();
                w.notify("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + URI + "\",\"languageId\":"
                        + "\"markdown\",\"version\":1,\"text\":" + JsonParser.parseString("\"" + Cards.CZI
                        .replace("\n", "\\n") + "\"") + "}}");
                int id = 2;
                for (String code : List.of("{\"a\":1}", "[1,2]", "true")) {
                    w.request(id, "textDocument/codeAction", "{\"textDocument\":{\"uri\":\"" + URI + "\"},"
                            + "\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":0,\"character\":0}},"
                            + "\"context\":{\"diagnostics\":[{\"range\":{\"start\":{\"line\":0,\"character\":0},"
                            + "\"end\":{\"line\":0,\"character\":1}},\"message\":\"m\",\"code\":" + code + "}]}}");
                    JsonObject r = w.response(id);
                    assertTrue(r.has("result") || r.has("error"), r.toString());
                    id++;
                }
                w.assertStillServing(id);
            }
        });
    }

    @Test
    void theLifecycleIsKept() throws Exception {
        assertTimeoutPreemptively(HANG, () -> {
            try (Wire w = new Wire()) {
                w.request(1, "textDocument/hover", "{\"textDocument\":{\"uri\":\"" + URI + "\"},"
                        + "\"position\":{\"line\":0,\"character\":0}}");
                assertEquals(-32002, w.errorCode(1), "before initialize");
                w.request(2, "initialize", "{\"capabilities\":{}}");
                assertNotNull(w.response(2).get("result"));
                w.request(3, "initialize", "{\"capabilities\":{}}");
                assertEquals(-32600, w.errorCode(3), "a second initialize");
                w.request(4, "$/unknown", "{}");
                assertEquals(-32601, w.errorCode(4));
                w.request(5, "workspace/executeCommand", "{\"command\":\"x\",\"arguments\":[]}");
                assertEquals(-32601, w.errorCode(5));
                w.request(6, "textDocument/formatting", "{\"textDocument\":{\"uri\":\"" + URI + "\"},"
                        + "\"options\":{\"tabSize\":2,\"insertSpaces\":true}}");
                assertEquals(-32601, w.errorCode(6));
                w.request(7, "codeAction/resolve", "{\"title\":\"x\"}");
                assertEquals(-32601, w.errorCode(7));
                w.assertStillServing(8);
                w.request(9, "shutdown", "null");
                JsonElement result = w.response(9).get("result");
                assertTrue(result == null || result.isJsonNull());
                w.request(10, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"" + URI + "\"}}");
                assertEquals(-32600, w.errorCode(10), "after shutdown");
                w.request(11, "shutdown", "null");
                assertEquals(-32600, w.errorCode(11), "a second shutdown");
            }
        });
    }

    /** Several clients answer workspace/configuration with {}: what they sent at start still applies. */
    @Test
    void anEmptyConfigurationAnswerKeepsTheInitializationOptions() throws Exception {
        String card = Cards.CZI.replace("15 million.", "TBD");
        try (LspHarness h = new LspHarness()) {
            h.client.configurationAnswer = new JsonObject();
            org.eclipse.lsp4j.ClientCapabilities caps = new org.eclipse.lsp4j.ClientCapabilities();
            org.eclipse.lsp4j.WorkspaceClientCapabilities ws = new org.eclipse.lsp4j.WorkspaceClientCapabilities();
            ws.setConfiguration(true);
            caps.setWorkspace(ws);
            h.initialize(JsonParser.parseString("{\"debounceMs\": 0, \"rules\": {\"placeholder\": \"off\"}}"), caps);
            h.open(URI, 1, card);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (h.client.configurationRequests.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, h.client.configurationRequests.size(), "the settings were pulled");
            Thread.sleep(500); // the answer is applied and every card re-checked
            h.change(URI, 2, LspHarness.edit(0, 0, 0, 0, ""));
            assertEquals(List.of(), h.diagnostics(URI, 2).getDiagnostics(), "placeholder is still off");
        }
    }
}
