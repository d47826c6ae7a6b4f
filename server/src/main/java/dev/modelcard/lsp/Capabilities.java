package dev.modelcard.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the server answers to {@code initialize}: the capabilities it announces, its name and version, declared once
 * in {@code initialize-result.json} as the JSON that goes on the wire (the build writes the version in). Text
 * rather than LSP4J objects, so that the first reply needs neither LSP4J's reflection nor a JSON writer
 * ({@link EarlyInitialize}); LSP4J's path reads it into its types. The requests it announces are those
 * {@link ProtocolGate} lets through.
 */
final class Capabilities {
    private static final String RESOURCE = "initialize-result.json";

    private Capabilities() {}

    /** The {@code initialize} result as JSON text. */
    static String json() {
        try (InputStream in = Capabilities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
