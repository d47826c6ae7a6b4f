package dev.modelcard.lsp;

import com.google.gson.JsonParser;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * The lifecycle the protocol prescribes, kept before any message reaches the server: nothing but
 * {@code initialize} before it (-32002), one {@code initialize} only, nothing but {@code exit} after
 * {@code shutdown} (-32600), and a request for a method the server does not offer is -32601 (LSP4J's default
 * methods would throw and answer -32603). A message that could not be read is answered when it was a request.
 */
final class ProtocolGate {
    /** The requests the server answers; they match the capabilities it announces. */
    static final Set<String> REQUESTS = Set.of("initialize", "shutdown", "textDocument/hover",
            "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/codeLens",
            "textDocument/completion", "textDocument/codeAction");

    private enum State { NEW, RUNNING, SHUT_DOWN }

    private volatile State state = State.NEW;
    private volatile MessageConsumer out;
    private final Consumer<String> log;

    ProtocolGate(Consumer<String> log) {
        this.log = log;
    }

    /** Wraps each consumer LSP4J builds: the outgoing stream is kept for answers, the incoming one is gated. */
    MessageConsumer wrap(MessageConsumer next) {
        if (out == null) {
            out = next; // LSP4J wraps the outgoing stream first, then the incoming endpoint
            return next;
        }
        return message -> {
            if (admit(message)) {
                next.consume(message);
            }
        };
    }

    /** The first {@code initialize} was answered before LSP4J read the input ({@link EarlyInitialize}). */
    void initializeAnswered() {
        state = State.RUNNING;
    }

    private boolean admit(Message message) {
        if (message instanceof RequestMessage r) {
            String method = r.getMethod();
            if (state == State.SHUT_DOWN) {
                return refuse(r, ResponseErrorCode.InvalidRequest, "the server is shut down; only exit is accepted");
            }
            if (method.equals("initialize")) {
                if (state != State.NEW) {
                    return refuse(r, ResponseErrorCode.InvalidRequest, "the server is already initialized");
                }
                state = State.RUNNING;
                return true;
            }
            if (state == State.NEW) {
                return refuse(r, ResponseErrorCode.ServerNotInitialized, "the server is not initialized yet");
            }
            if (!REQUESTS.contains(method)) {
                return refuse(r, ResponseErrorCode.MethodNotFound, "method not offered: " + method);
            }
            if (method.equals("shutdown")) {
                state = State.SHUT_DOWN;
            }
            return true;
        }
        if (message instanceof NotificationMessage n) {
            // Before initialize and after shutdown, notifications are dropped, except exit.
            return n.getMethod().equals("exit") || state == State.RUNNING;
        }
        return true; // responses to the server's own requests
    }

    private boolean refuse(RequestMessage r, ResponseErrorCode code, String why) {
        answer(r.getRawId(), code, why);
        return false;
    }

    /** A message that could not be read: logged, and answered with an error when it carried a request id. */
    void unreadable(String text, Throwable e) {
        log.accept("skipped a message that cannot be read: " + e);
        Either<String, Number> id = requestId(text);
        if (id != null) {
            answer(id, ResponseErrorCode.InvalidParams, "the message cannot be read: " + e.getMessage());
        }
    }

    private void answer(Either<String, Number> id, ResponseErrorCode code, String why) {
        ResponseMessage response = new ResponseMessage();
        response.setJsonrpc("2.0");
        response.setRawId(id);
        response.setError(new ResponseError(code, why, null));
        MessageConsumer o = out;
        if (o != null) {
            o.consume(response);
        }
    }

    /**
     * The {@code id} of a request's raw text, read without parsing it whole (it may be nested too deeply to
     * parse): the value after the {@code "id"} key at the top level, when there is a {@code "method"} too.
     */
    static Either<String, Number> requestId(String text) {
        int depth = 0;
        boolean method = false;
        Either<String, Number> id = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = stringEnd(text, i);
                if (depth == 1) {
                    String key = text.substring(i + 1, Math.max(i + 1, end - 1));
                    int colon = skipSpaces(text, end);
                    if (colon < text.length() && text.charAt(colon) == ':') {
                        method |= key.equals("method");
                        if (key.equals("id")) {
                            id = value(text, skipSpaces(text, colon + 1));
                        }
                    }
                }
                i = end - 1;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return method ? id : null;
    }

    private static Either<String, Number> value(String text, int at) {
        int end = at;
        if (at < text.length() && text.charAt(at) == '"') {
            end = stringEnd(text, at);
        } else {
            while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '-')) {
                end++;
            }
        }
        try {
            var v = JsonParser.parseString(text.substring(at, end)).getAsJsonPrimitive();
            return v.isString() ? Either.forLeft(v.getAsString()) : Either.forRight(v.getAsNumber());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Offset just past the string starting at {@code at}. */
    private static int stringEnd(String text, int at) {
        int i = at + 1;
        while (i < text.length() && text.charAt(i) != '"') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(text.length(), i + 1);
    }

    private static int skipSpaces(String text, int at) {
        int i = at;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
