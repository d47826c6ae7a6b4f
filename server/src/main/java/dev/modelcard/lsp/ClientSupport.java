package dev.modelcard.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * What the client said it can take, read once at {@code initialize} from its capabilities as JSON (LSP4J's
 * {@code ClientCapabilities} are turned into JSON first, so that the first reply can do without them).
 *
 * @param snippets completion items may be snippets with tab stops
 * @param documentChanges workspace edits may name the document version they apply to
 * @param configuration the client answers {@code workspace/configuration}
 * @param watchedFiles file watchers can be registered at run time
 */
record ClientSupport(boolean snippets, boolean documentChanges, boolean configuration, boolean watchedFiles) {
    static final ClientSupport NONE = new ClientSupport(false, false, false, false);
    private static final List<String> SNIPPETS = List.of("textDocument", "completion", "completionItem",
            "snippetSupport");
    private static final List<String> DOCUMENT_CHANGES = List.of("workspace", "workspaceEdit", "documentChanges");
    private static final List<String> CONFIGURATION = List.of("workspace", "configuration");
    private static final List<String> WATCHED_FILES = List.of("workspace", "didChangeWatchedFiles",
            "dynamicRegistration");
    /** Where each flag is in the capabilities: all the capabilities the server reads. */
    static final List<List<String>> FLAGS = List.of(SNIPPETS, DOCUMENT_CHANGES, CONFIGURATION, WATCHED_FILES);

    /**
     * @param caps the {@code capabilities} of {@code initialize}; null or JSON null for none
     * @throws IllegalArgumentException when a value on the way to a flag is not of the protocol's type
     */
    static ClientSupport of(JsonElement caps) {
        if (caps == null || caps.isJsonNull()) {
            return NONE;
        }
        return new ClientSupport(flag(caps, SNIPPETS), flag(caps, DOCUMENT_CHANGES), flag(caps, CONFIGURATION),
                flag(caps, WATCHED_FILES));
    }

    /** The boolean at a path of object keys; false when it or an object on the way is absent or null. */
    private static boolean flag(JsonElement caps, List<String> path) {
        JsonElement at = caps;
        for (String key : path) {
            if (!(at instanceof JsonObject o)) {
                throw new IllegalArgumentException("capabilities: not an object before " + key);
            }
            at = o.get(key);
            if (at == null || at.isJsonNull()) {
                return false;
            }
        }
        if (!at.isJsonPrimitive() || !at.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("capabilities: " + String.join(".", path) + " is not a boolean");
        }
        return at.getAsBoolean();
    }
}
