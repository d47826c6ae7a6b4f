package dev.modelcard.lsp;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.launch.LSPLauncher;

/** Runs the server over a pair of streams. */
public final class ServerLauncher {
    /** Warnings of the protocol layer, on stderr. A class, not a lambda: see {@link #runOnStdio}. */
    private static final Consumer<String> WARN = new Consumer<>() {
        @Override
        public void accept(String message) {
            System.err.println("[modelcard warning] " + message);
        }
    };

    private ServerLauncher() {}

    /**
     * Runs on the process's stdin and stdout until the client sends {@code exit} or closes the input. Stdout is
     * taken for the protocol first, so a stray print elsewhere goes to stderr and cannot corrupt it.
     */
    public static int runOnStdio() {
        PrintStream protocolOut = System.out;
        System.setOut(System.err);
        // Classes, not lambdas, on the way to the first reply (EarlyInitialize): the first lambda starts
        // java.lang.invoke, which takes longer than the reply.
        return run(System.in, protocolOut, new IntConsumer() {
            @Override
            public void accept(int code) {
                protocolOut.flush();
                System.exit(code);
            }
        });
    }

    /** LSP4J's launcher with a reader that keeps its place after a bad message. */
    private static final class Builder extends LSPLauncher.Builder<ModelCardClient> {
        /** Held here because java.util.logging keeps loggers only weakly, and with them their filters. */
        private static final Logger RPC_LOG = Logger.getLogger(RemoteEndpoint.class.getName());

        static {
            // A client may cancel a request the server has already answered (the protocol allows the race); LSP4J
            // then warns on stderr, which clients show as noise in their output. Set here, after the first reply:
            // java.util.logging takes long to start.
            RPC_LOG.setFilter(r -> r.getMessage() == null
                    || !r.getMessage().startsWith("Unmatched cancel notification"));
        }

        private final ProtocolGate gate;
        private MessageJsonHandler json;
        private RemoteEndpoint endpoint;

        Builder(ProtocolGate gate) {
            this.gate = gate;
        }

        /** LSP4J's endpoint, writing through {@link FramedMessageConsumer} instead of LSP4J's writer. */
        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
            json = jsonHandler;
            MessageConsumer outgoing = wrapMessageConsumer(new FramedMessageConsumer(output, jsonHandler));
            endpoint = exceptionHandler == null
                    ? new RemoteEndpoint(outgoing, ServiceEndpoints.toEndpoint(localServices))
                    : new RemoteEndpoint(outgoing, ServiceEndpoints.toEndpoint(localServices), exceptionHandler);
            jsonHandler.setMethodProvider(endpoint);
            endpoint.setJsonHandler(jsonHandler);
            return endpoint;
        }

        @Override
        protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer ignored, MessageConsumer consumer,
                ModelCardClient remoteProxy) {
            // The input is buffered already (run may have read the first message from it).
            return new ConcurrentMessageProcessor(new FramedMessageProducer(input, json, endpoint, WARN,
                    gate::unreadable), consumer);
        }
    }

    /**
     * Listens until the input ends; returns 0 when the client shut the server down first, else 1. The first message
     * is answered before the server and LSP4J's launcher are built when it can be ({@link EarlyInitialize}); the
     * packs then load while the launcher is built.
     */
    public static int run(InputStream in, OutputStream out, IntConsumer exit) {
        BufferedInputStream input = new BufferedInputStream(in);
        InitializeRequest answered = EarlyInitialize.answer(input, out, WARN);
        ModelCardServer server = new ModelCardServer(exit);
        if (answered != null) {
            server.accept(answered);
            server.loadBundled();
        }
        ProtocolGate gate = new ProtocolGate(WARN);
        Launcher<ModelCardClient> launcher = new Builder(gate).setLocalService(server)
                .setRemoteInterface(ModelCardClient.class).setInput(input).setOutput(out).wrapMessages(gate::wrap)
                .create();
        server.connect(launcher.getRemoteProxy());
        if (answered != null) {
            gate.initializeAnswered();
            server.applyInitialSettings();
        }
        try {
            launcher.startListening().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            System.err.println("[modelcard error] the connection failed: " + e.getCause());
        }
        return server.isShutdown() ? 0 : 1;
    }
}
