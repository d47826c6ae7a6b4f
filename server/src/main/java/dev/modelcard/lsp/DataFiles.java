package dev.modelcard.lsp;

import dev.modelcard.config.ConfigLoader;
import dev.modelcard.features.Diagnostics;
import dev.modelcard.pack.PackProblem;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.text.LineIndex;
import dev.modelcard.text.TextDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * The YAML files the server reads: {@code .modelcard.yaml} configurations and rule packs. Open in the editor,
 * they get diagnostics at the exact place of each problem (syntax, unknown keys, wrong types, unknown ids).
 */
final class DataFiles {
    static final String CONFIG_CODE = "config";
    static final String PACK_CODE = "rule-pack";
    /** A pack says who it is and what it holds or extends; a configuration file is found by its name. */
    private static final Pattern PACK = Pattern.compile("(?m)^id:\\s*\\S");
    private static final Pattern PACK_BODY = Pattern.compile("(?m)^(sections|extends):");

    private DataFiles() {}

    static boolean isYaml(String uri) {
        String u = uri.toLowerCase(Locale.ROOT);
        return u.endsWith(".yaml") || u.endsWith(".yml");
    }

    static boolean isConfig(Path path) {
        return path != null && path.getFileName() != null
                && path.getFileName().toString().equals(ConfigLoader.FILE_NAME);
    }

    static boolean isPack(String text) {
        return PACK.matcher(text).find() && PACK_BODY.matcher(text).find();
    }

    /** The diagnostics of an open YAML document; empty for YAML that is neither kind. */
    static List<Diagnostic> diagnostics(TextDocument doc, Projects projects) {
        Path path = Projects.path(doc.uri());
        if (isConfig(path)) {
            String file = path.toAbsolutePath().normalize().toString();
            List<PackProblem> problems = projects.configFile(path, doc.text()).problems();
            return problems.stream().map(p -> diagnostic(p, doc.lines(), doc.text(), CONFIG_CODE,
                    p.file().equals(file) ? null : p.file())).toList();
        }
        if (isPack(doc.text())) {
            String file = path != null ? path.toString() : doc.uri();
            return PackRegistry.problemsOf(file, doc.text()).stream()
                    .map(p -> diagnostic(p, doc.lines(), doc.text(), PACK_CODE, null)).toList();
        }
        return List.of();
    }

    /**
     * A problem as a diagnostic from its line and column to the end of the word there. A problem of another file
     * (a file this one extends) is shown at the top, naming that file.
     */
    private static Diagnostic diagnostic(PackProblem p, LineIndex lines, String text, String code, String elsewhere) {
        int start = elsewhere != null ? 0 : lines.offset(p.line() - 1, p.column() - 1);
        int end = start;
        while (elsewhere == null && end < text.length() && !Character.isWhitespace(text.charAt(end))
                && ",:]}".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        if (end == start) {
            end = Math.min(text.length(), lines.lineEnd(lines.lineOf(start)));
        }
        String message = elsewhere == null ? p.message() : elsewhere + ":" + p.line() + ":" + p.column() + ": "
                + p.message();
        return new Diagnostic(lines.range(start, end), message, DiagnosticSeverity.Error, Diagnostics.SOURCE, code);
    }
}
