package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as its own process on stdin/stdout, as editors start it: framing, stdout kept clean, exit codes. */
class StdioProcessTest {
    private static Process start() throws Exception {
        return start(ProcessBuilder.Redirect.DISCARD);
    }

    private static Process start(ProcessBuilder.Redirect stderr) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.modelcard.cli.Main", "--stdio")
                .redirectError(stderr)
                .start();
    }

    private static void send(OutputStream out, String json) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** Collects the server's stdout on a thread of its own. */
    private static StringBuffer collect(InputStream in) {
        StringBuffer sb = new StringBuffer();
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return sb;
    }

    @Test
    void shutdownThenExitEndsWithZeroAndOnlyProtocolOnStdout() throws Exception {
        Process p = start();
        StringBuffer stdout = collect(p.getInputStream());
        OutputStream in = p.getOutputStream();
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":"
                + "\"file:///x/README.md\",\"languageId\":\"markdown\",\"version\":1,\"text\":\"# M\\n## Model Details\\n"
                + "## Intended Use\\n## Performance Metrics\\nTODO\\n\"}}}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!stdout.toString().contains("publishDiagnostics") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        Thread.sleep(100);
        String out = stdout.toString();
        for (String part : out.split("Content-Length: \\d+\r\n\r\n")) {
            assertTrue(part.isEmpty() || part.startsWith("{\"jsonrpc\":\"2.0\""), "stdout holds only messages: " + part);
        }
        assertTrue(out.contains("\"method\":\"textDocument/publishDiagnostics\""), out);
        assertTrue(out.contains("\"code\":\"placeholder\""), out);
    }

    @Test
    void exitWithoutShutdownIsOneAndClosedInputEndsTheServer() throws Exception {
        Process p = start();
        send(p.getOutputStream(), "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());

        Process q = start();
        q.getOutputStream().close();
        assertTrue(q.waitFor(20, TimeUnit.SECONDS));
        assertEquals(1, q.exitValue());
    }

    /** A client that shows stderr beside window/logMessage (VS Code) must see each line once, and no LSP4J noise. */
    @Test
    void logLinesReachTheClientOnceAndALateCancelIsQuiet(@TempDir Path tmp) throws Exception {
        Path stderr = tmp.resolve("stderr.txt");
        Process p = start(ProcessBuilder.Redirect.to(stderr.toFile()));
        StringBuffer stdout = collect(p.getInputStream());
        OutputStream in = p.getOutputStream();
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!stdout.toString().contains(" ready; ") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // Request 1 is answered already: a cancel for it is a normal race, not a problem to report.
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":1}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        String out = stdout.toString();
        assertEquals(1, Pattern.compile("\"method\":\"window/logMessage\"[^}]*\"message\":\"modelcard-ls [^\"]* ready; ")
                .matcher(out).results().count(), out);
        assertEquals("", Files.readString(stderr), "nothing on stderr once the client is connected");
    }
}
