package dev.modelcard.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Answers the client's first message, when it is {@code initialize}, before the server and LSP4J's launcher are
 * built: building them (proxies, Gson adapters for the protocol's types) and reading the request through LSP4J take
 * longer than the whole answer here. The request is read as JSON, its params only as far as the server uses them
 * ({@link InitializeRequest}, handed to the server once it is built), and the reply is the declared result
 * ({@link Capabilities}). No lambda or string concatenation on the way: the first of either starts
 * java.lang.invoke, which alone takes longer than the reply. Anything else (another first message, framing or JSON
 * that is not plainly right, a value of an unexpected type, any failure) puts the input back where it was, and
 * LSP4J reads and answers the message as it always does.
 */
final class EarlyInitialize {
    /** Far more than any client's initialize; the input can be put back this far. */
    static final int LIMIT = 1 << 20;

    private EarlyInitialize() {}

    /**
     * @param in the server's input, which LSP4J reads on from where this leaves it
     * @return the request when it was answered (the input is then just past it; the server is to take it before
     *     anything else is read), else null (the input is where it was)
     */
    static InitializeRequest answer(BufferedInputStream in, OutputStream out, Consumer<String> log) {
        in.mark(LIMIT);
        InitializeRequest taken;
        byte[] reply;
        try {
            JsonObject request = request(new Bounded(in));
            String id = request == null ? null : idText(request.get("id"));
            if (id == null) {
                return putBack(in);
            }
            taken = InitializeRequest.read(request.getAsJsonObject("params"));
            reply = new StringBuilder().append("{\"jsonrpc\":\"2.0\",\"id\":").append(id).append(",\"result\":")
                    .append(Capabilities.json()).append('}').toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return putBack(in);
        }
        forgetMark(in);
        try {
            FramedMessageConsumer.write(out, reply);
        } catch (IOException e) {
            log.accept("the reply to initialize could not be written: " + e.getMessage());
        }
        return taken;
    }

    /**
     * The first message when it is an {@code initialize} request in plain JSON with params, which are read only as
     * far as the server uses them ({@link PrunedJson}); else null.
     */
    private static JsonObject request(InputStream in) throws IOException {
        FramedMessageProducer.Headers h = FramedMessageProducer.headers(in, false);
        if (h == null || h.length < 0 || h.length > LIMIT) {
            return null;
        }
        Charset charset = FramedMessageProducer.charset(h.charset);
        byte[] body = in.readNBytes((int) h.length);
        if (charset == null || body.length < h.length) {
            return null;
        }
        JsonReader reader = new JsonReader(new StringReader(new String(body, charset)));
        reader.setStrictness(Strictness.STRICT);
        JsonObject m = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            switch (key) {
                case "jsonrpc", "id", "method" -> m.add(key, JsonParser.parseReader(reader));
                case "params" -> m.add(key, PrunedJson.read(reader, InitializeRequest.PATHS));
                default -> {
                    return null;
                }
            }
        }
        reader.endObject();
        if (reader.peek() != JsonToken.END_DOCUMENT || !isString(m.get("jsonrpc"), "2.0")
                || !isString(m.get("method"), "initialize") || !(m.get("params") instanceof JsonObject)) {
            return null;
        }
        return m;
    }

    private static boolean isString(JsonElement e, String value) {
        return e instanceof JsonPrimitive p && p.isString() && p.getAsString().equals(value);
    }

    /**
     * The id as JSON text, the same as it came: an integer, or a string of printable ASCII that JSON does not
     * escape; null for any other (LSP4J answers those).
     */
    private static String idText(JsonElement e) {
        if (!(e instanceof JsonPrimitive p) || !(p.isString() || p.isNumber())) {
            return null;
        }
        String s = p.getAsString();
        if (p.isString()) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < ' ' || c > '~' || c == '"' || c == '\\') {
                    return null;
                }
            }
            return new StringBuilder().append('"').append(s).append('"').toString();
        }
        int start = s.startsWith("-") ? 1 : 0;
        if (s.length() == start || s.length() > 18) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return s;
    }

    private static InitializeRequest putBack(BufferedInputStream in) {
        try {
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: no more than the mark's limit is read", e);
        }
        forgetMark(in);
        return null;
    }

    /** A mark kept would keep what LSP4J reads next in the buffer, up to the limit. */
    private static void forgetMark(BufferedInputStream in) {
        in.mark(0);
    }

    /** The input, ending after {@link #LIMIT} bytes: no more is read than can be put back. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private int left = LIMIT;

        Bounded(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return len == 0 ? 0 : -1;
            }
            int n = in.read(b, off, Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
