package dev.modelcard.cli.output;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.modelcard.cli.output.Outcome.Status;
import java.io.PrintWriter;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;

/**
 * An array with one object per file, {@code {"uri", "template", "diagnostics"}}, the diagnostics exactly as the
 * server publishes them. A file that was skipped says why in {@code "skipped"}; one that could not be read or
 * checked, in {@code "error"}. Written one object at a time.
 */
public final class JsonOutput implements Output {
    private final PrintWriter out;
    private final Gson trees = new MessageJsonHandler(Map.of()).getDefaultGsonBuilder().create();
    // Diagnostics become trees the way the server writes them (no null fields); only the explicit null of
    // "template" for a file that is not a card survives serializeNulls.
    private final Gson printer = new MessageJsonHandler(Map.of()).getDefaultGsonBuilder().setPrettyPrinting()
            .serializeNulls().create();
    private boolean first = true;

    public JsonOutput(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void start() {
        out.print("[");
    }

    @Override
    public void card(Outcome o) {
        JsonObject object = new JsonObject();
        object.addProperty("uri", o.path().toAbsolutePath().normalize().toUri().toString());
        object.addProperty("template", o.pack() == null ? null : o.pack().id());
        object.add("diagnostics", trees.toJsonTree(o.diagnostics()));
        if (o.status().isProblem()) {
            object.addProperty("error", o.message());
        } else if (o.status() == Status.NOT_A_CARD || o.status() == Status.IGNORED) {
            object.addProperty("skipped", o.message());
        }
        out.print(first ? "\n  " : ",\n  ");
        out.print(printer.toJson(object).replace("\n", "\n  "));
        first = false;
    }

    @Override
    public void finish(Summary summary) {
        out.println(first ? "]" : "\n]");
        out.flush();
    }
}
