package dev.modelcard.cli;

import com.google.gson.Gson;
import dev.modelcard.lsp.ServerLauncher;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * The run that a class-data archive is recorded from ({@code bin/modelcard-ls} and the editor set-ups start it
 * once, in the background, with {@code -XX:ArchiveClassesAtExit}): an editor session on a sample card and a
 * {@code check} of it, so that the archive holds the classes both uses load. Nothing is printed.
 */
final class Training {
    static final String OPTION = "--cds-training";
    private static final String CARD = "/dev/modelcard/training/README.md";
    private static final long WAIT_MS = 20_000;

    private Training() {}

    /** @param folder an empty scratch folder the sample card is written into */
    static int run(Path folder) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(quiet);
        System.setErr(quiet);
        try (InputStream in = Training.class.getResourceAsStream(CARD)) {
            String card = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Path file = Files.createDirectories(folder).resolve("README.md");
            Files.writeString(file, card);
            session(file, card);
            new CommandLine(new Main()).execute("check", "--fail-on", "never", file.toString());
            new CommandLine(new Main()).execute("check", "--format", "json", "--fail-on", "never", file.toString());
            return 0;
        } catch (IOException | RuntimeException e) {
            return 1;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** Drives the server through piped streams as an editor would: open, edit, each request, shut down. */
    private static void session(Path file, String card) throws IOException {
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(client, 1 << 16);
        Replies replies = new Replies();
        Thread server = new Thread(() -> ServerLauncher.run(serverIn, replies, code -> {}), "training-server");
        server.setDaemon(true);
        server.start();
        String uri = file.toUri().toString();
        String doc = "{\"uri\":\"" + uri + "\"}";
        send(client, 1, "initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}");
        replies.await("\"id\":1");
        send(client, null, "initialized", "{}");
        send(client, null, "textDocument/didOpen", "{\"textDocument\":{\"uri\":\"" + uri
                + "\",\"languageId\":\"markdown\",\"version\":1,\"text\":" + json(card) + "}}");
        replies.await("publishDiagnostics");
        send(client, null, "textDocument/didChange", "{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":2},"
                + "\"contentChanges\":[{\"range\":{\"start\":{\"line\":2,\"character\":0},\"end\":{\"line\":2,"
                + "\"character\":0}},\"text\":\"## \"}]}");
        String at = ",\"position\":{\"line\":2,\"character\":3}";
        String range = ",\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":40,\"character\":0}}";
        send(client, 2, "textDocument/completion", "{\"textDocument\":" + doc + at + "}");
        send(client, 3, "textDocument/hover", "{\"textDocument\":" + doc + at + "}");
        send(client, 4, "textDocument/codeAction", "{\"textDocument\":" + doc + range
                + ",\"context\":{\"diagnostics\":[]}}");
        send(client, 5, "textDocument/documentSymbol", "{\"textDocument\":" + doc + "}");
        send(client, 6, "textDocument/foldingRange", "{\"textDocument\":" + doc + "}");
        send(client, 7, "textDocument/codeLens", "{\"textDocument\":" + doc + "}");
        send(client, 8, "shutdown", "null");
        replies.await("\"id\":8");
        send(client, null, "exit", "null");
        client.close();
        try {
            server.join(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String json(String s) {
        return new Gson().toJson(s);
    }

    private static void send(OutputStream to, Integer id, String method, String params) throws IOException {
        String body = "{\"jsonrpc\":\"2.0\"," + (id == null ? "" : "\"id\":" + id + ",") + "\"method\":\"" + method
                + "\",\"params\":" + params + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        to.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        to.write(bytes);
        to.flush();
    }

    /** What the server wrote, searchable while it runs. */
    private static final class Replies extends ByteArrayOutputStream {
        synchronized void await(String marker) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            while (!toString(StandardCharsets.UTF_8).contains(marker) && System.nanoTime() < until) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            notifyAll();
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
            notifyAll();
        }
    }
}
