package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
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
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, clientIn, toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    InitializeResult initialize(Object options) throws Exception {
        return initialize(options, new ClientCapabilities());
    }

    InitializeResult initialize(Object options, ClientCapabilities capabilities) throws Exception {
        InitializeParams p = new InitializeParams();
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
            PublishDiagnosticsParams p = client.published.poll(100, TimeUnit.MILLISECONDS);
            if (p != null && p.getUri().equals(uri) && (version == null || version.equals(p.getVersion()))) {
                return p;
            }
        }
        assertNotNull(null, "no diagnostics for " + uri + " version " + version);
        return null;
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

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            all.add(p);
            published.add(p);
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
    }
}
