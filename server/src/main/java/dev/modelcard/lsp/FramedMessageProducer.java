package dev.modelcard.lsp;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

/**
 * Reads framed JSON-RPC messages ({@code Content-Length} headers, then the body) and keeps its place whatever
 * arrives. LSP4J's own reader parses straight from the stream: a body it cannot parse is left half read, and a
 * bad header makes it read the next bodies as headers, so one bad message silences the server for good. Here a
 * body is read whole before it is parsed, and after a header without a usable length the reader skips to the next
 * {@code Content-Length:}. Every skipped message is logged.
 */
final class FramedMessageProducer implements MessageProducer, Closeable {
    static final String LENGTH_HEADER = "Content-Length:";
    /** Larger than any card an editor sends (cards over 64 MiB are not read from disk either). */
    static final int MAX_BODY = 128 * 1024 * 1024;
    private static final int MAX_HEADER_LINE = 8 * 1024;

    private final InputStream in;
    private final MessageJsonHandler json;
    private final MessageIssueHandler issues;
    private final Consumer<String> log;
    /** Told of a message that could not be read, with its raw text: a request among them still gets an answer. */
    private final BiConsumer<String, Throwable> unreadable;
    private volatile boolean running;

    FramedMessageProducer(InputStream in, MessageJsonHandler json, MessageIssueHandler issues, Consumer<String> log,
            BiConsumer<String, Throwable> unreadable) {
        this.in = in;
        this.json = json;
        this.issues = issues;
        this.log = log;
        this.unreadable = unreadable;
    }

    /** A message's header block. */
    static final class Headers {
        /** The body's length in bytes; -1 when the header is missing or not a length. */
        long length = -1;
        String lengthText;
        String charset;
    }

    @Override
    public void listen(MessageConsumer callback) {
        running = true;
        boolean resync = false;
        try {
            while (running) {
                Headers h = headers(in, resync);
                if (h == null) {
                    return; // end of input
                }
                resync = false;
                if (h.length < 0 || h.length > MAX_BODY) {
                    log.accept("skipped a message with " + (h.lengthText == null ? "no " + LENGTH_HEADER + " header"
                            : "the header " + LENGTH_HEADER + " " + h.lengthText) + "; reading on from the next one");
                    resync = true;
                    continue;
                }
                byte[] body = in.readNBytes((int) h.length);
                if (body.length < h.length) {
                    return;
                }
                Charset charset = charset(h.charset);
                if (charset == null) {
                    log.accept("skipped a message in the unknown charset " + h.charset);
                    continue;
                }
                handle(new String(body, charset), callback);
            }
        } catch (IOException e) {
            if (running) {
                log.accept("the input stream failed: " + e.getMessage());
            }
        } finally {
            running = false;
        }
    }

    private void handle(String text, MessageConsumer callback) {
        Message message;
        try {
            message = json.parseMessage(text);
        } catch (MessageIssueException e) {
            issues.handle(e.getRpcMessage(), e.getIssues());
            return;
        } catch (RuntimeException | StackOverflowError e) {
            unreadable.accept(text, e);
            return;
        }
        try {
            callback.consume(message);
        } catch (MessageIssueException e) {
            issues.handle(e.getRpcMessage(), e.getIssues());
        } catch (RuntimeException | StackOverflowError e) {
            log.accept("a message could not be handled: " + e);
        }
    }

    /**
     * The next header block, up to its empty line; null at the end of input. With {@code resync}, the bytes before
     * the next {@code Content-Length:} are skipped first (the rest of a message whose length was unknown).
     */
    static Headers headers(InputStream in, boolean resync) throws IOException {
        Headers h = new Headers();
        String first = null;
        if (resync) {
            if (!skipTo(in, LENGTH_HEADER)) {
                return null;
            }
            first = LENGTH_HEADER;
        }
        while (true) {
            String line = line(in, first);
            first = null;
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                return h;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? line : line.substring(0, colon).trim();
            String value = colon < 0 ? "" : line.substring(colon + 1).trim();
            if (key.equalsIgnoreCase("Content-Length")) {
                h.lengthText = value;
                h.length = parseLength(value);
            } else if (key.equalsIgnoreCase("Content-Type")) {
                int at = value.toLowerCase(Locale.ROOT).indexOf("charset=");
                h.charset = at < 0 ? null : value.substring(at + 8).trim();
            }
        }
    }

    private static long parseLength(String value) {
        if (value.isEmpty() || value.length() > 10) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(value);
    }

    /** The charset a {@code Content-Type} header names; UTF-8 when none; null when not one the protocol allows. */
    static Charset charset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        String n = name.replace("\"", "").toLowerCase(Locale.ROOT);
        // The protocol allows utf-8 only; "utf8" is accepted for old clients, as LSP4J does.
        return n.equals("utf-8") || n.equals("utf8") ? StandardCharsets.UTF_8 : null;
    }

    /** One header line without its line break (a line too long to be a header is cut); null at end of input. */
    private static String line(InputStream in, String start) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        if (start != null) {
            line.writeBytes(start.getBytes(StandardCharsets.US_ASCII));
        }
        while (true) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            if (c == '\n') {
                return line.toString(StandardCharsets.US_ASCII).strip();
            }
            if (c != '\r' && line.size() < MAX_HEADER_LINE) {
                line.write(c);
            }
        }
    }

    /** Reads up to and including the next occurrence of {@code token}; false at end of input. */
    private static boolean skipTo(InputStream in, String token) throws IOException {
        byte[] t = token.getBytes(StandardCharsets.US_ASCII);
        int matched = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return false;
            }
            if (c == t[matched]) {
                if (++matched == t.length) {
                    return true;
                }
            } else {
                matched = c == t[0] ? 1 : 0;
            }
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
