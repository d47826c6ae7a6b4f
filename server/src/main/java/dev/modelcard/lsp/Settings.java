package dev.modelcard.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Client settings, from {@code initializationOptions} or {@code workspace/didChangeConfiguration}. The same keys
 * work at the top level or under {@code "modelcard"} (as VS Code sends a settings section).
 *
 * @param template a pack id to use for every card, or null to detect it
 * @param debounceMs delay before checking after an edit; null = adaptive (none for a check under 50 ms, else as
 *     long as the last check took, at most 250 ms)
 * @param packs extra rule pack files
 */
public record Settings(String template, Integer debounceMs, List<String> packs) {
    public static final Settings DEFAULT = new Settings(null, null, List.of());
    /** Checks faster than this get no delay by default. */
    static final int AUTO_DEBOUNCE_FROM_MS = 50;
    /** The adaptive delay never waits longer than this. */
    static final int MAX_AUTO_DEBOUNCE_MS = 250;

    public static Settings from(Object options, ServerLog log) {
        if (!(options instanceof JsonObject o)) {
            return DEFAULT;
        }
        if (o.has("modelcard") && o.get("modelcard").isJsonObject()) {
            o = o.getAsJsonObject("modelcard");
        }
        String template = string(o.get("template"));
        Integer debounce = null;
        JsonElement d = o.get("debounceMs");
        if (d != null && !d.isJsonNull()) {
            try {
                debounce = Math.max(0, Math.min(10_000, d.getAsInt()));
            } catch (RuntimeException e) {
                log.warn("setting debounceMs must be a number of milliseconds, not " + d + "; using the default");
            }
        }
        List<String> packs = new ArrayList<>();
        JsonElement p = o.get("packs");
        if (p != null && p.isJsonArray()) {
            p.getAsJsonArray().forEach(e -> {
                String s = string(e);
                if (s != null) {
                    packs.add(s);
                }
            });
        }
        return new Settings(template == null || template.isBlank() || template.equals("auto") ? null : template,
                debounce, List.copyOf(packs));
    }

    private static String string(JsonElement e) {
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
