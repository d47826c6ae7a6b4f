package dev.modelcard.lsp;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.launch.LSPLauncher;

/** Runs the server over a pair of streams. */
public final class ServerLauncher {
    /** Held here because java.util.logging keeps loggers only weakly, and with them their filters. */
    private static final Logger RPC_LOG = Logger.getLogger(RemoteEndpoint.class.getName());

    static {
        // A client may cancel a request the server has already answered (the protocol allows the race); LSP4J then
        // warns on stderr, which clients show as noise in their output.
        RPC_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unmatched cancel notification"));
    }

    private ServerLauncher() {}

    /**
     * Runs on the process's stdin and stdout until the client sends {@code exit} or closes the input. Stdout is
     * taken for the protocol first, so a stray print elsewhere goes to stderr and cannot corrupt it.
     */
    public static int runOnStdio() {
        PrintStream protocolOut = System.out;
        System.setOut(System.err);
        return run(System.in, protocolOut, code -> {
            protocolOut.flush();
            System.exit(code);
        });
    }

    /** LSP4J's launcher with a reader that keeps its place after a bad message. */
    private static final class Builder extends LSPLauncher.Builder<ModelCardClient> {
        private final ProtocolGate gate;
        private MessageJsonHandler json;
        private RemoteEndpoint endpoint;

        Builder(ProtocolGate gate) {
            this.gate = gate;
        }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
            json = jsonHandler;
            endpoint = super.createRemoteEndpoint(jsonHandler);
            return endpoint;
        }

        @Override
        protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer ignored, MessageConsumer consumer,
                ModelCardClient remoteProxy) {
            return new ConcurrentMessageProcessor(new FramedMessageProducer(new BufferedInputStream(input), json,
                    endpoint, m -> System.err.println("[modelcard warning] " + m), gate::unreadable), consumer);
        }
    }

    /** Listens until the input ends; returns 0 when the client shut the server down first, else 1. */
    public static int run(InputStream in, OutputStream out, IntConsumer exit) {
        ModelCardServer server = new ModelCardServer(exit);
        ProtocolGate gate = new ProtocolGate(m -> System.err.println("[modelcard warning] " + m));
        Launcher<ModelCardClient> launcher = new Builder(gate).setLocalService(server)
                .setRemoteInterface(ModelCardClient.class).setInput(in).setOutput(out).wrapMessages(gate::wrap)
                .create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        try {
            listening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            System.err.println("[modelcard error] the connection failed: " + e.getCause());
        }
        return server.isShutdown() ? 0 : 1;
    }
}
