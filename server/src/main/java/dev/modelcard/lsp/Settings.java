package dev.modelcard.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.modelcard.config.ConfigLoader;
import dev.modelcard.config.ProjectConfig;
import java.nio.file.Path;

/**
 * Client settings, from {@code initializationOptions}, {@code workspace/didChangeConfiguration} or a
 * {@code workspace/configuration} answer. The keys are those of {@code .modelcard.yaml} plus {@code debounceMs},
 * at the top level or under {@code "modelcard"} (as VS Code sends a settings section).
 *
 * @param config what the settings configure, as a configuration under every {@code .modelcard.yaml}
 * @param debounceMs delay before checking after an edit; null = adaptive ({@link Debounce})
 */
public record Settings(ProjectConfig config, Integer debounceMs) {
    public static final Settings DEFAULT = new Settings(ProjectConfig.EMPTY, null);
    /** Edits whose checks are faster than this get no delay by default. */
    static final int AUTO_DEBOUNCE_FROM_MS = 200;
    /** The adaptive delay never waits longer than this. */
    static final int MAX_AUTO_DEBOUNCE_MS = 250;

    /**
     * Settings from a later source laid over those of the start ({@code initializationOptions}): a key the later
     * one has wins, a key it lacks keeps its first value. Several clients answer {@code workspace/configuration}
     * with {@code {}}, which must not undo what they sent at start.
     */
    static JsonElement over(Object first, Object later) {
        JsonObject base = section(first);
        JsonObject top = section(later);
        if (base == null) {
            return top;
        }
        JsonObject merged = base.deepCopy();
        if (top != null) {
            top.entrySet().forEach(e -> merged.add(e.getKey(), e.getValue()));
        }
        return merged;
    }

    /** The settings object of a client's options: {@code "modelcard"} when they hold one; null when none. */
    static JsonObject section(Object options) {
        JsonElement tree = options instanceof JsonElement e ? e : options == null ? null
                : new com.google.gson.Gson().toJsonTree(options);
        if (!(tree instanceof JsonObject o)) {
            return null;
        }
        return o.has("modelcard") && o.get("modelcard").isJsonObject() ? o.getAsJsonObject("modelcard") : o;
    }

    /** @param base the folder relative pack paths are resolved against */
    public static Settings from(Object options, Path base, ServerLog log) {
        JsonElement tree = options instanceof JsonElement e ? e : options == null ? null
                : new com.google.gson.Gson().toJsonTree(options);
        if (!(tree instanceof JsonObject o)) {
            return DEFAULT;
        }
        if (o.has("modelcard") && o.get("modelcard").isJsonObject()) {
            o = o.getAsJsonObject("modelcard");
        }
        Integer debounce = null;
        JsonElement d = o.get("debounceMs");
        if (d != null && !d.isJsonNull()) {
            try {
                debounce = Math.max(0, Math.min(10_000, d.getAsInt()));
            } catch (RuntimeException e) {
                log.warn("setting debounceMs must be a number of milliseconds, not " + d + "; using the default");
            }
        }
        JsonObject rest = o.deepCopy();
        rest.remove("debounceMs");
        // An editor sends null for a setting left unset; JSON null would read as the YAML word "null".
        rest.entrySet().removeIf(e -> e.getValue().isJsonNull());
        ProjectConfig config = ConfigLoader.settings(rest.toString(), base, "settings");
        config.problems().forEach(p -> log.warn("settings: " + p.message()));
        return new Settings(config, debounce);
    }
}
