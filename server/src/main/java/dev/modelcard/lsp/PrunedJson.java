package dev.modelcard.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON value keeping only what lies along some paths of object keys: an object's members that start no
 * path are skipped unbuilt (an editor's capabilities are most of its {@code initialize}, and building them as a
 * tree takes several times longer than skipping them), the value at a path's end is kept whole, and a value on
 * the way that is not an object is kept as it is, for the reader of the result to refuse. Read along its paths,
 * the result is the same as the whole value.
 */
final class PrunedJson {
    private PrunedJson() {}

    /** @param paths each a list of keys, from the value read */
    static JsonElement read(JsonReader in, List<List<String>> paths) throws IOException {
        return read(in, paths, 0);
    }

    private static JsonElement read(JsonReader in, List<List<String>> paths, int depth) throws IOException {
        for (List<String> path : paths) {
            if (path.size() == depth) {
                return JsonParser.parseReader(in);
            }
        }
        if (in.peek() != JsonToken.BEGIN_OBJECT) {
            return JsonParser.parseReader(in);
        }
        JsonObject kept = new JsonObject();
        in.beginObject();
        while (in.hasNext()) {
            String key = in.nextName();
            List<List<String>> on = new ArrayList<>();
            for (List<String> path : paths) {
                if (path.get(depth).equals(key)) {
                    on.add(path);
                }
            }
            if (on.isEmpty()) {
                in.skipValue();
            } else {
                kept.add(key, read(in, on, depth + 1));
            }
        }
        in.endObject();
        return kept;
    }
}
