package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/** The real server on one end of a pair of pipes, an LSP4J client on the other, as an editor drives it. */
final class LspHarness implements AutoCloseable {
    final RecordingClient client = new RecordingClient();
    final LanguageServer server;
    final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    final CompletableFuture<Integer> runResult = new CompletableFuture<>();
    // NIO pipes, not java.io piped streams: those fail once the last thread that wrote to them ends.
    private final OutputStream toServer;

    LspHarness() throws IOException {
        this(false);
    }

    /**
     * @param throughLsp4j send a notification first, which the server drops before {@code initialize}: then
     *     {@code initialize} is not the first message, and LSP4J reads it rather than {@link EarlyInitialize}
     */
    LspHarness(boolean throughLsp4j) throws IOException {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        toServer = Channels.newOutputStream(up.sink());
        OutputStream toClient = Channels.newOutputStream(down.sink());
        InputStream serverIn = Channels.newInputStream(up.source());
        InputStream clientIn = Channels.newInputStream(down.source());
        Thread t = new Thread(() -> runResult.complete(ServerLauncher.run(serverIn, toClient, exitCode::complete)),
                "server-under-test");
        t.setDaemon(true);
        t.start();
        if (throughLsp4j) {
            byte[] body = "{\"jsonrpc\":\"2.0\",\"method\":\"$/setTrace\",\"params\":{\"value\":\"off\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            toServer.write(body);
        }
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    InitializeResult initialize(Object options) throws Exception {
        return initialize(options, new ClientCapabilities());
    }

    InitializeResult initialize(Object options, ClientCapabilities capabilities) throws Exception {
        return initialize(options, capabilities, null);
    }

    /** @param folder the workspace folder, or null for none */
    InitializeResult initialize(Object options, ClientCapabilities capabilities, java.nio.file.Path folder)
            throws Exception {
        InitializeParams p = new InitializeParams();
        if (folder != null) {
            p.setWorkspaceFolders(List.of(new org.eclipse.lsp4j.WorkspaceFolder(folder.toUri().toString(), "ws")));
        }
        p.setInitializationOptions(options);
        p.setCapabilities(capabilities);
        InitializeResult r = server.initialize(p).get(20, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return r;
    }

    void open(String uri, int version, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "markdown", version, text)));
    }

    void change(String uri, int version, TextDocumentContentChangeEvent... changes) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(changes)));
    }

    void save(String uri) {
        server.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    void close(String uri) {
        server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    static TextDocumentContentChangeEvent edit(int sl, int sc, int el, int ec, String text) {
        return new TextDocumentContentChangeEvent(new Range(new Position(sl, sc), new Position(el, ec)), text);
    }

    /** Waits for the publish of {@code uri} at {@code version} (null: any), skipping earlier ones. */
    PublishDiagnosticsParams diagnostics(String uri, Integer version) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = client.queue(uri).poll(100, TimeUnit.MILLISECONDS);
            if (p != null && (version == null || version.equals(p.getVersion()))) {
                return p;
            }
        }
        assertNotNull(null, "no diagnostics for " + uri + " version " + version);
        return null;
    }

    /**
     * Waits until a publish for {@code uri} shows what {@code wanted} accepts (earlier publishes, made before a
     * change reached the server, are skipped); fails with the last one seen.
     */
    PublishDiagnosticsParams awaitDiagnostics(String uri, java.util.function.Predicate<PublishDiagnosticsParams> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        PublishDiagnosticsParams last = null;
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = client.queue(uri).poll(100, TimeUnit.MILLISECONDS);
            if (p != null) {
                last = p;
                if (wanted.test(p)) {
                    return p;
                }
            }
        }
        throw new AssertionError("no wanted diagnostics for " + uri + "; last: " + last + "; log: " + client.logs);
    }

    @Override
    public void close() throws IOException {
        toServer.close();
    }

    static final class RecordingClient implements ModelCardClient {
        final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
        final BlockingQueue<CardStatus> statuses = new LinkedBlockingQueue<>();

        @Override
        public void status(CardStatus s) {
            statuses.add(s);
        }
        final List<PublishDiagnosticsParams> all = new CopyOnWriteArrayList<>();
        final List<MessageParams> logs = new CopyOnWriteArrayList<>();
        final List<MessageParams> shown = new CopyOnWriteArrayList<>();

        /** Publishes per document, so that waiting for one document never swallows another's. */
        final java.util.Map<String, BlockingQueue<PublishDiagnosticsParams>> byUri =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            all.add(p);
            published.add(p);
            queue(p.getUri()).add(p);
        }

        BlockingQueue<PublishDiagnosticsParams> queue(String uri) {
            return byUri.computeIfAbsent(uri, u -> new LinkedBlockingQueue<>());
        }

        @Override
        public void logMessage(MessageParams m) {
            logs.add(m);
        }

        @Override
        public void showMessage(MessageParams m) {
            shown.add(m);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void telemetryEvent(Object o) {}

        final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
        final List<ConfigurationParams> configurationRequests = new CopyOnWriteArrayList<>();
        /** What {@code workspace/configuration} answers, one object per item asked for. */
        volatile Object configurationAnswer = new JsonObject();
        /**
         * When set, {@code workspace/configuration} is answered when the test completes the request's future
         * (taken from {@link #heldConfigurations}); the answer reaches the server before anything sent after it.
         */
        volatile boolean holdConfiguration;
        final BlockingQueue<CompletableFuture<List<Object>>> heldConfigurations = new LinkedBlockingQueue<>();

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams p) {
            registrations.add(p);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<List<Object>> configuration(ConfigurationParams p) {
            configurationRequests.add(p);
            if (holdConfiguration) {
                CompletableFuture<List<Object>> answer = new CompletableFuture<>();
                heldConfigurations.add(answer);
                return answer;
            }
            return CompletableFuture.completedFuture(p.getItems().stream().map(i -> configurationAnswer).toList());
        }
    }
}
