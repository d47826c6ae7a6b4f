package dev.modelcard.cli.output;

import dev.modelcard.cli.output.Outcome.Status;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;

/**
 * GitHub Actions workflow commands ({@code ::warning file=…,line=…::message}): each finding becomes an
 * annotation on the pull request's changed lines, with no upload step. Paths are relative to the base (the
 * workspace, where the job runs).
 */
public final class GithubOutput implements Output {
    private final PrintWriter out;
    private final Path base;

    public GithubOutput(PrintWriter out, Path base) {
        this.out = out;
        this.base = base.toAbsolutePath().normalize();
    }

    @Override
    public void card(Outcome o) {
        String file = Locations.relative(base, o.path()).orElse(o.path().toAbsolutePath().normalize().toString());
        if (o.status().isProblem()) {
            out.println("::error file=" + property(file) + ",title=" + property("modelcard: not checked") + "::"
                    + data(o.message()));
        } else if (o.status() == Status.CHECKED) {
            for (Diagnostic d : o.diagnostics()) {
                Range r = d.getRange();
                out.println("::" + command(d) + " file=" + property(file)
                        + ",line=" + (r.getStart().getLine() + 1) + ",col=" + (r.getStart().getCharacter() + 1)
                        + ",endLine=" + (r.getEnd().getLine() + 1) + ",endColumn=" + (r.getEnd().getCharacter() + 1)
                        + ",title=" + property("modelcard " + d.getCode().getLeft()) + "::" + data(d.getMessage()));
            }
        }
    }

    @Override
    public void finish(Summary summary) {
        out.println(summary.line());
        out.flush();
    }

    private static String command(Diagnostic d) {
        return switch (d.getSeverity()) {
            case Error -> "error";
            case Warning -> "warning";
            case Information, Hint -> "notice";
        };
    }

    /** The escaping GitHub's runner undoes in a command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The escaping in a command's properties, where ',' and ':' separate. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
