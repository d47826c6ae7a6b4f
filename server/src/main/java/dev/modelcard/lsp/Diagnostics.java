package dev.modelcard.lsp;

import com.google.gson.JsonObject;
import dev.modelcard.check.Finding;
import dev.modelcard.text.LineIndex;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Findings as LSP diagnostics: the one conversion the server and the checker's JSON output share. */
public final class Diagnostics {
    public static final String SOURCE = "modelcard";

    private Diagnostics() {}

    public static List<Diagnostic> of(List<Finding> findings, LineIndex lines) {
        return findings.stream().map(f -> of(f, lines)).toList();
    }

    public static Diagnostic of(Finding f, LineIndex lines) {
        Diagnostic d = new Diagnostic(range(lines, f.start(), f.end()), f.message(), f.severity(), SOURCE,
                f.code().id());
        if (f.section() != null) {
            JsonObject data = new JsonObject();
            data.addProperty("section", f.section());
            d.setData(data);
        }
        return d;
    }

    public static Range range(LineIndex lines, int start, int end) {
        return new Range(position(lines, start), position(lines, end));
    }

    public static Position position(LineIndex lines, int offset) {
        int[] p = lines.position(offset);
        return new Position(p[0], p[1]);
    }
}
