package dev.modelcard.features;

import com.google.gson.JsonObject;
import dev.modelcard.check.Finding;
import dev.modelcard.text.LineIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;

/** Findings as LSP diagnostics: the one conversion the server and the checker's JSON output share. */
public final class Diagnostics {
    public static final String SOURCE = "modelcard";

    private Diagnostics() {}

    public static List<Diagnostic> of(List<Finding> findings, LineIndex lines) {
        List<Diagnostic> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(of(f, lines));
        }
        return Collections.unmodifiableList(out);
    }

    public static Diagnostic of(Finding f, LineIndex lines) {
        Diagnostic d = new Diagnostic(lines.range(f.start(), f.end()), f.message(), f.severity(), SOURCE,
                f.code().id());
        if (f.section() != null) {
            JsonObject data = new JsonObject();
            data.addProperty("section", f.section());
            d.setData(data);
        }
        return d;
    }
}
