package dev.modelcard.cli.output;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import dev.modelcard.pack.Code;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;

/**
 * SARIF 2.1.0, for code scanning: one run whose tool lists every rule code (from {@link Code}, so a new code
 * shows up by itself), and a result per diagnostic with its exact region (1-based lines, columns in UTF-16 code
 * units, as LSP counts them). Files below the base folder are named relative to it ({@code SRCROOT}), others by
 * absolute URI. Inputs that could not be read or checked are tool execution notifications. Results are written
 * as they come; the notifications, few, at the end.
 */
public final class SarifOutput implements Output {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String BASE_ID = "SRCROOT";

    private final JsonWriter json;
    private final PrintWriter out;
    private final Path base;
    private final String version;
    private final String rulesUri;
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
    private final JsonArray notifications = new JsonArray();

    /**
     * @param base the folder relative paths start from (the repository's root, where code scanning looks)
     * @param rulesUri the README's table of rule codes
     */
    public SarifOutput(PrintWriter out, Path base, String version, String rulesUri) {
        this.out = out;
        this.json = new JsonWriter(out);
        this.json.setIndent("  ");
        this.base = base.toAbsolutePath().normalize();
        this.version = version;
        this.rulesUri = rulesUri;
    }

    @Override
    public void start() {
        io(() -> {
            json.beginObject();
            json.name("$schema").value(SCHEMA);
            json.name("version").value("2.1.0");
            json.name("runs").beginArray().beginObject();
            json.name("tool");
            gson.toJson(tool(), json);
            json.name("originalUriBaseIds");
            JsonObject root = new JsonObject();
            root.add(BASE_ID, object("uri", base.toUri().toString()));
            gson.toJson(root, json);
            json.name("columnKind").value("utf16CodeUnits");
            json.name("results").beginArray();
        });
    }

    @Override
    public void card(Outcome o) {
        if (o.status().isProblem()) {
            JsonObject n = new JsonObject();
            n.addProperty("level", "error");
            n.add("message", object("text", o.message()));
            n.add("locations", array(location(o.path(), null)));
            notifications.add(n);
            return;
        }
        for (Diagnostic d : o.diagnostics()) {
            JsonObject r = new JsonObject();
            String code = d.getCode().getLeft();
            r.addProperty("ruleId", code);
            Code.of(code).ifPresent(c -> r.addProperty("ruleIndex", c.ordinal()));
            r.addProperty("level", level(d.getSeverity()));
            r.add("message", object("text", d.getMessage()));
            r.add("locations", array(location(o.path(), d.getRange())));
            JsonObject properties = new JsonObject();
            properties.addProperty("template", o.pack().id());
            if (d.getData() instanceof JsonObject data && data.has("section")) {
                properties.add("section", data.get("section"));
            }
            r.add("properties", properties);
            io(() -> gson.toJson(r, json));
        }
    }

    @Override
    public void finish(Summary summary) {
        io(() -> {
            json.endArray();
            json.name("invocations").beginArray().beginObject();
            json.name("executionSuccessful").value(summary.problems() == 0);
            if (!notifications.isEmpty()) {
                json.name("toolExecutionNotifications");
                gson.toJson(notifications, json);
            }
            json.endObject().endArray();
            json.endObject().endArray();
            json.endObject();
            json.flush();
        });
        out.println();
        out.flush();
    }

    private JsonObject tool() {
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "modelcard-ls");
        driver.addProperty("version", version);
        driver.addProperty("informationUri", rulesUri.replaceFirst("#.*", ""));
        JsonArray rules = new JsonArray();
        for (Code c : Code.values()) {
            JsonObject rule = new JsonObject();
            rule.addProperty("id", c.id());
            rule.addProperty("name", name(c));
            rule.add("shortDescription", object("text", c.summary()));
            rule.add("fullDescription", object("text", c.summary() + " " + help(c, "")));
            JsonObject helpText = object("text", c.summary() + " " + help(c, "") + " See " + rulesUri + ".");
            helpText.addProperty("markdown", c.summary() + " " + help(c, "`") + " See [the rule codes](" + rulesUri
                    + ").");
            rule.add("help", helpText);
            rule.addProperty("helpUri", rulesUri);
            rules.add(rule);
        }
        driver.add("rules", rules);
        return object("driver", driver);
    }

    /** "missing-section" → "MissingSection", the form SARIF viewers show as a rule's name. */
    static String name(Code c) {
        return Arrays.stream(c.id().split("-"))
                .map(w -> w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1))
                .collect(Collectors.joining());
    }

    /** How to configure the rule; {@code quote} marks code in Markdown. */
    private static String help(Code c, String quote) {
        return "Turn it off or change its severity with " + quote + "rules:" + quote + " in " + quote
                + ".modelcard.yaml" + quote + ", or silence it in the card with " + quote + "<!-- modelcard-disable "
                + c.id() + " -->" + quote + ".";
    }

    private static String level(DiagnosticSeverity s) {
        return switch (s) {
            case Error -> "error";
            case Warning -> "warning";
            case Information, Hint -> "note";
        };
    }

    private JsonObject location(Path card, Range range) {
        JsonObject artifact = new JsonObject();
        Locations.relative(base, card).ifPresentOrElse(rel -> {
            artifact.addProperty("uri", Locations.uriReference(rel));
            artifact.addProperty("uriBaseId", BASE_ID);
        }, () -> artifact.addProperty("uri", card.toAbsolutePath().normalize().toUri().toString()));
        JsonObject physical = object("artifactLocation", artifact);
        if (range != null) {
            JsonObject region = new JsonObject();
            region.addProperty("startLine", range.getStart().getLine() + 1);
            region.addProperty("startColumn", range.getStart().getCharacter() + 1);
            region.addProperty("endLine", range.getEnd().getLine() + 1);
            region.addProperty("endColumn", range.getEnd().getCharacter() + 1);
            physical.add("region", region);
        }
        return object("physicalLocation", physical);
    }

    private static JsonObject object(String key, String value) {
        JsonObject o = new JsonObject();
        o.addProperty(key, value);
        return o;
    }

    private static JsonObject object(String key, JsonElement value) {
        JsonObject o = new JsonObject();
        o.add(key, value);
        return o;
    }

    private static JsonArray array(JsonElement e) {
        JsonArray a = new JsonArray();
        a.add(e);
        return a;
    }

    private interface Step {
        void run() throws IOException;
    }

    private static void io(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
