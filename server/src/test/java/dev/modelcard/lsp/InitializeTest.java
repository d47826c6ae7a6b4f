package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.modelcard.cli.Main;
import dev.modelcard.edits.Fix;
import dev.modelcard.lsp.ProtocolMisuseTest.Wire;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CodeLensOptions;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first {@code initialize}: answered before LSP4J is ready ({@link EarlyInitialize}), or by LSP4J when it is not
 * the first message or not plainly readable. Either way the same reply, the same server state, and the same
 * answers to what is wrong with it.
 */
class InitializeTest {
    private static final Duration HANG = Duration.ofSeconds(60);
    private static final Gson LSP4J = new MessageJsonHandler(Map.of()).getGson();
    private static final String INITIALIZE = request("1", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}";

    private static String request(String id, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":" + params + "}";
    }

    /** The result as the server built it in LSP4J's types before its declaration became data. */
    private static JsonElement resultAsDeclaredBefore() {
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(true);
        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(sync);
        caps.setHoverProvider(true);
        caps.setDocumentSymbolProvider(true);
        caps.setFoldingRangeProvider(true);
        caps.setCodeLensProvider(new CodeLensOptions(false));
        caps.setCompletionProvider(new CompletionOptions(false, List.of("#", "*")));
        CodeActionOptions actions = new CodeActionOptions(List.of(CodeActionKind.QuickFix, Fix.INSERT_MISSING,
                Fix.TABLE_OF_CONTENTS));
        actions.setResolveProvider(false);
        caps.setCodeActionProvider(actions);
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        caps.setWorkspace(new WorkspaceServerCapabilities(folders));
        return LSP4J.toJsonTree(new InitializeResult(caps, new ServerInfo("modelcard-ls", Main.version())));
    }

    private static byte[] frame(String body) {
        return framed("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n", body);
    }

    private static byte[] framed(String headers, String body) {
        return (headers + body).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** What {@link EarlyInitialize} made of an input: whether it answered, what it wrote, what it left to read. */
    private record Early(InitializeRequest taken, byte[] written, byte[] left, List<String> log) {
        boolean answered() {
            return taken != null;
        }

        /** The body of the one message written, after checking its length header. */
        JsonObject reply() {
            String text = new String(written, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertTrue(text.startsWith("Content-Length: "), text);
            byte[] body = text.substring(end + 4).getBytes(StandardCharsets.UTF_8);
            assertEquals(Integer.parseInt(text.substring(16, end)), body.length, text);
            return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
        }
    }

    private static Early early(InputStream input) throws IOException {
        BufferedInputStream in = new BufferedInputStream(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> log = new ArrayList<>();
        InitializeRequest taken = EarlyInitialize.answer(in, out, log::add);
        return new Early(taken, out.toByteArray(), in.readAllBytes(), log);
    }

    private static Early early(byte[] input) throws IOException {
        return early(new ByteArrayInputStream(input));
    }

    @Test
    void theEarlyReplyIsTheResultLsp4jMadeAndTheInputIsLeftJustPastTheRequest() throws Exception {
        Early e = early(concat(frame(INITIALIZE), frame(INITIALIZED)));
        assertTrue(e.answered());
        JsonObject reply = e.reply();
        assertEquals("2.0", reply.get("jsonrpc").getAsString());
        assertEquals(1, reply.get("id").getAsInt());
        assertEquals(resultAsDeclaredBefore(), reply.get("result"));
        assertEquals(new String(frame(INITIALIZED), StandardCharsets.UTF_8),
                new String(e.left(), StandardCharsets.UTF_8));
        assertEquals(List.of(), e.log());
    }

    @Test
    void whatTheServerUsesIsTakenFromTheRequest() throws Exception {
        String caps = "{\"workspace\":{\"configuration\":true,"
                + "\"didChangeWatchedFiles\":{\"dynamicRegistration\":true}},"
                + "\"textDocument\":{\"completion\":{\"completionItem\":{\"snippetSupport\":false}}}}";
        String folderList = "[{\"uri\":\"file:///a\",\"name\":\"a\"},{\"uri\":\"file:///b\",\"name\":\"b\"}]";
        InitializeRequest folders = early(frame(request("1", "{\"rootUri\":\"file:///r\",\"workspaceFolders\":"
                + folderList + ",\"capabilities\":" + caps + ",\"initializationOptions\":{\"template\":\"czi\"}}")))
                .taken();
        assertEquals(List.of("file:///a", "file:///b"), folders.rootUris(), "the folders win over the root URI");
        assertEquals(new ClientSupport(false, false, true, true), folders.support());
        assertEquals(JsonParser.parseString("{\"template\":\"czi\"}"), folders.options());

        InitializeRequest root = early(frame(request("1", "{\"rootUri\":\"file:///r\",\"workspaceFolders\":null}")))
                .taken();
        assertEquals(List.of("file:///r"), root.rootUris());
        assertEquals(ClientSupport.NONE, root.support());
        assertEquals(null, root.options());
        assertEquals(List.of(), early(frame(request("1", "{\"rootUri\":\"file:///r\",\"workspaceFolders\":[]}")))
                .taken().rootUris(), "no folders open");
    }

    /** An editor's initialize as VS Code's language client writes it, with every capability it announces. */
    @Test
    void anEditorsFullInitializeIsAnsweredEarlyAndReadAsLsp4jReadsIt() throws Exception {
        String body;
        try (InputStream in = InitializeTest.class.getResourceAsStream("editor-initialize.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Early e = early(frame(body));
        assertTrue(e.answered());
        assertEquals(resultAsDeclaredBefore(), e.reply().get("result"));
        JsonObject params = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("params");
        InitializeRequest throughLsp4j = InitializeRequest.read(LSP4J.toJsonTree(
                LSP4J.fromJson(params, InitializeParams.class)).getAsJsonObject());
        assertEquals(throughLsp4j, e.taken());
        assertEquals(List.of("file:///home/user/models"), e.taken().rootUris());
        assertEquals(new ClientSupport(true, true, true, true), e.taken().support());
    }

    @Test
    void aStringIdIsEchoedAndARequestArrivingByteByByteIsAnswered() throws Exception {
        byte[] input = frame(request("\"init-1\"", "{\"capabilities\":{}}"));
        Early e = early(new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < input.length ? input[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int c = read();
                if (c < 0) {
                    return len == 0 ? 0 : -1;
                }
                b[off] = (byte) c;
                return 1;
            }
        });
        assertTrue(e.answered());
        assertEquals("init-1", e.reply().get("id").getAsString());
        assertEquals(resultAsDeclaredBefore(), e.reply().get("result"));
    }

    static Stream<Arguments> firstMessagesForLsp4j() {
        String init = INITIALIZE;
        byte[] body = init.getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("a notification", concat(frame(INITIALIZED), frame(init))),
                Arguments.of("another request", frame(init.replace("\"initialize\"", "\"shutdown\""))),
                Arguments.of("a header without a length", framed("Content-Length: abc\r\n\r\n", init)),
                Arguments.of("no length header", framed("Content-Type: application/vscode-jsonrpc\r\n\r\n", init)),
                Arguments.of("a charset not allowed", framed("Content-Length: " + body.length
                        + "\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n", init)),
                Arguments.of("a body cut short", framed("Content-Length: " + (body.length + 10) + "\r\n\r\n", init)),
                Arguments.of("lenient JSON", frame(init.replace('"', '\''))),
                Arguments.of("a second value after it", frame(init + " {}")),
                Arguments.of("a batch", frame("[" + init + "]")),
                Arguments.of("no params", frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}")),
                Arguments.of("null params", frame(request("1", "null"))),
                Arguments.of("params in an array", frame(request("1", "[{}]"))),
                Arguments.of("no id", frame(init.replace("\"id\":1,", ""))),
                Arguments.of("a null id", frame(request("null", "{}"))),
                Arguments.of("a fractional id", frame(request("1.5", "{}"))),
                Arguments.of("an id JSON escapes", frame(request("\"a\\\"b\"", "{}"))),
                Arguments.of("no jsonrpc member", frame(init.replace("\"jsonrpc\":\"2.0\",", ""))),
                Arguments.of("another member", frame(init.replace("\"jsonrpc\"", "\"result\":1,\"jsonrpc\""))),
                Arguments.of("capabilities not an object", frame(request("1", "{\"capabilities\":5}"))),
                Arguments.of("a flag as a string", frame(request("1",
                        "{\"capabilities\":{\"workspace\":{\"configuration\":\"true\"}}}"))),
                Arguments.of("workspace folders not a list", frame(request("1", "{\"workspaceFolders\":5}"))),
                Arguments.of("a folder's uri a number", frame(request("1",
                        "{\"workspaceFolders\":[{\"uri\":5,\"name\":\"w\"}]}"))),
                Arguments.of("a root uri a number", frame(request("1", "{\"rootUri\":5}"))),
                Arguments.of("options nested 300 deep", frame(request("1", "{\"initializationOptions\":"
                        + "[".repeat(300) + "]".repeat(300) + "}"))),
                Arguments.of("a capability not read nested 300 deep", frame(request("1",
                        "{\"capabilities\":{\"experimental\":" + "[".repeat(300) + "]".repeat(300) + "}}"))),
                Arguments.of("a bad escape in a capability not read", frame(request("1",
                        "{\"capabilities\":{\"experimental\":\"\\x\"}}"))),
                Arguments.of("a number JSON does not allow in a capability not read", frame(request("1",
                        "{\"capabilities\":{\"experimental\":01}}"))),
                Arguments.of("a body over the limit", frame(init + " ".repeat(EarlyInitialize.LIMIT))),
                Arguments.of("a header line over the limit", framed("X-Padding: " + "x".repeat(EarlyInitialize.LIMIT)
                        + "\r\nContent-Length: " + body.length + "\r\n\r\n", init)));
    }

    /** Each is left to LSP4J, which reads it from its first byte: nothing is written, nothing is lost. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("firstMessagesForLsp4j")
    void aFirstMessageLeftToLsp4jIsReadFromItsFirstByte(String what, byte[] input) throws Exception {
        Early e = early(input);
        assertFalse(e.answered(), what);
        assertEquals(0, e.written().length, what);
        assertArrayEquals(input, e.left(), what + ": the input is left as it came");
    }

    @Test
    void lsp4jAnswersWithTheSameResult() throws Exception {
        assertTimeoutPreemptively(HANG, () -> {
            try (Wire w = new Wire()) {
                w.notify("$/setTrace", "{\"value\":\"off\"}");
                w.request(1, "initialize", "{\"capabilities\":{}}");
                assertEquals(resultAsDeclaredBefore(), w.response(1).get("result"));
                w.request(2, "initialize", "{\"capabilities\":{}}");
                assertEquals(-32600, w.errorCode(2), "a second initialize");
            }
        });
    }

    @Test
    void afterAnEarlyInitializeTheLifecycleIsKept() throws Exception {
        assertTimeoutPreemptively(HANG, () -> {
            try (Wire w = new Wire()) {
                w.request(1, "initialize", "{\"capabilities\":{},\"initializationOptions\":{\"debounceMs\":0}}");
                assertEquals(resultAsDeclaredBefore(), w.response(1).get("result"));
                w.request(2, "initialize", "{\"capabilities\":{}}");
                assertEquals(-32600, w.errorCode(2), "a second initialize");
                w.notify("initialized", "{}");
                w.request(3, "$/unknown", "{}");
                assertEquals(-32601, w.errorCode(3));
                w.assertStillServing(4);
                w.request(5, "shutdown", "null");
                assertEquals(null, w.errorCode(5));
                w.request(6, "textDocument/documentSymbol", "{\"textDocument\":{\"uri\":\"file:///x/README.md\"}}");
                assertEquals(-32600, w.errorCode(6), "after shutdown");
            }
        });
    }

    /** What LSP4J answered before there was an early path, it still answers. */
    @Test
    void aFirstInitializeLeftToLsp4jIsAnsweredAsBefore() throws Exception {
        assertTimeoutPreemptively(HANG, () -> {
            try (Wire w = new Wire()) {
                w.request(1, "initialize", "{\"capabilities\":5}");
                assertEquals(-32700, w.errorCode(1), "capabilities LSP4J cannot read");
                w.request(2, "initialize", "{\"workspaceFolders\":[{\"uri\":\"file:///w\",\"name\":\"w\"}],"
                        + "\"capabilities\":{\"workspace\":{\"configuration\":\"true\"}}}");
                assertEquals(resultAsDeclaredBefore(), w.response(2).get("result"), "a flag LSP4J reads leniently");
                w.request(3, "initialize", "{\"capabilities\":{}}");
                assertEquals(-32600, w.errorCode(3), "a second initialize");
            }
            try (Wire w = new Wire()) {
                w.raw("Content-Length: abc\r\n\r\n" + INITIALIZE);
                w.send(request("2", "{\"capabilities\":{}}" + " ".repeat(EarlyInitialize.LIMIT)));
                assertEquals(resultAsDeclaredBefore(), w.response(2).get("result"), "after a bad header, a large one");
                w.assertStillServing(3);
            }
            try (Wire w = new Wire()) {
                w.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"}");
                assertEquals(-32603, w.errorCode(1), "no params");
                w.request(2, "initialize", "{}");
                assertEquals(-32600, w.errorCode(2), "the gate counts the first initialize, answered or not");
            }
        });
    }

    /**
     * The workspace (as folders or as a root URI), the client's capabilities and its initialization options reach
     * the server the same way on both paths: the folder's configuration and the options both apply, and the
     * server registers file watchers and pulls settings because the client said it can.
     */
    @ParameterizedTest(name = "through LSP4J {0}, as a root URI {1}")
    @CsvSource({"false, false", "false, true", "true, false", "true, true"})
    void whatInitializeTellsReachesTheServer(boolean throughLsp4j, boolean asRootUri, @TempDir Path ws)
            throws Exception {
        Files.writeString(ws.resolve(".modelcard.yaml"), "rules:\n  placeholder: error\n");
        String card = ConfigProtocolTest.CARD; // a placeholder on line 5, a heading too deep on line 6
        Path file = Files.createDirectories(ws.resolve("models/a")).resolve("README.md");
        Files.writeString(file, card);
        String uri = file.toUri().toString();
        InitializeParams p = new InitializeParams();
        if (asRootUri) {
            p.setRootUri(ws.toUri().toString());
        } else {
            p.setWorkspaceFolders(List.of(new WorkspaceFolder(ws.toUri().toString(), "ws")));
        }
        WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
        workspace.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        workspace.setConfiguration(true);
        ClientCapabilities caps = new ClientCapabilities();
        caps.setWorkspace(workspace);
        p.setCapabilities(caps);
        p.setInitializationOptions(JsonParser.parseString("{\"debounceMs\":0,\"rules\":{\"heading-level\":\"off\"}}"));
        try (LspHarness h = new LspHarness(throughLsp4j)) {
            h.server.initialize(p).get(20, TimeUnit.SECONDS);
            h.server.initialized(new InitializedParams());
            h.open(uri, 1, card);
            List<String> wanted = List.of("5:0-5:3 placeholder Error");
            assertEquals(wanted, ConfigProtocolTest.show(h.awaitDiagnostics(uri,
                    d -> ConfigProtocolTest.show(d).equals(wanted))));
            assertEquals(1, h.client.registrations.size(), "file watchers");
            assertEquals(1, h.client.configurationRequests.size(), "settings pulled");
        }
    }

    @Test
    void eachFlagIsReadFromLsp4jsJsonOfTheCapabilities() {
        assertEquals(ClientSupport.NONE, ClientSupport.of(null));
        assertEquals(ClientSupport.NONE, ClientSupport.of(LSP4J.toJsonTree(new ClientCapabilities())));

        CompletionItemCapabilities item = new CompletionItemCapabilities();
        item.setSnippetSupport(true);
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setCompletion(new CompletionCapabilities(item));
        ClientCapabilities snippets = new ClientCapabilities();
        snippets.setTextDocument(text);
        assertEquals(new ClientSupport(true, false, false, false), ClientSupport.of(LSP4J.toJsonTree(snippets)));

        WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
        edits.setDocumentChanges(true);
        WorkspaceClientCapabilities versioned = new WorkspaceClientCapabilities();
        versioned.setWorkspaceEdit(edits);
        assertEquals(new ClientSupport(false, true, false, false), ClientSupport.of(LSP4J.toJsonTree(
                new ClientCapabilities(versioned, null, null))));

        WorkspaceClientCapabilities configuration = new WorkspaceClientCapabilities();
        configuration.setConfiguration(true);
        assertEquals(new ClientSupport(false, false, true, false), ClientSupport.of(LSP4J.toJsonTree(
                new ClientCapabilities(configuration, null, null))));

        WorkspaceClientCapabilities watched = new WorkspaceClientCapabilities();
        watched.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        assertEquals(new ClientSupport(false, false, false, true), ClientSupport.of(LSP4J.toJsonTree(
                new ClientCapabilities(watched, null, null))));
    }
}
