package dev.modelcard.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server takes from the params of {@code initialize}, read from their JSON: the same reading whether the
 * request came through LSP4J or was answered before it ({@link EarlyInitialize}).
 *
 * @param rootUris the workspace folders' URIs, else the root URI, else none
 * @param support what the client can take
 * @param options the {@code initializationOptions}, or null
 */
record InitializeRequest(List<String> rootUris, ClientSupport support, JsonElement options) {
    private static final String FOLDERS = "workspaceFolders";
    private static final String ROOT = "rootUri";
    private static final String CAPABILITIES = "capabilities";
    private static final String OPTIONS = "initializationOptions";
    /** What is read of the params, as paths of keys: the capabilities along their flags only, the rest whole. */
    static final List<List<String>> PATHS = paths();

    private static List<List<String>> paths() {
        List<List<String>> paths = new ArrayList<>(List.of(List.of(FOLDERS), List.of(ROOT), List.of(OPTIONS)));
        for (List<String> flag : ClientSupport.FLAGS) {
            List<String> path = new ArrayList<>();
            path.add(CAPABILITIES);
            path.addAll(flag);
            paths.add(List.copyOf(path));
        }
        return List.copyOf(paths);
    }

    /**
     * @param params the params object, whole or read along {@link #PATHS}
     * @throws IllegalArgumentException when a value the server reads is not of the protocol's type
     */
    static InitializeRequest read(JsonObject params) {
        List<String> uris = new ArrayList<>();
        JsonElement folders = params.get(FOLDERS);
        if (present(folders)) {
            if (!folders.isJsonArray()) {
                throw new IllegalArgumentException(FOLDERS + " is not an array");
            }
            for (JsonElement f : (JsonArray) folders) {
                if (!f.isJsonObject()) {
                    throw new IllegalArgumentException("a workspace folder is not an object");
                }
                uris.add(string(f.getAsJsonObject().get("uri"), "a workspace folder's uri"));
            }
        } else {
            String root = string(params.get(ROOT), ROOT);
            if (root != null) {
                uris.add(root);
            }
        }
        return new InitializeRequest(uris, ClientSupport.of(params.get(CAPABILITIES)), params.get(OPTIONS));
    }

    private static boolean present(JsonElement e) {
        return e != null && !e.isJsonNull();
    }

    private static String string(JsonElement e, String what) {
        if (!present(e)) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(what + " is not a string");
        }
        return e.getAsString();
    }
}
