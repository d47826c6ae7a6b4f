package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.FrontMatter;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.PackLoader;
import dev.modelcard.text.LineIndex;
import java.util.Optional;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Front matter that cannot be read: not closed, or not valid YAML. The YAML is loaded with limits (aliases,
 * nesting, size) so a hostile block is refused quickly; the error is placed where the parser stopped.
 */
final class FrontMatterCheck implements Check {
    private static final int MAX_FRONT_MATTER_CHARS = 1024 * 1024;

    @Override
    public void run(CheckContext ctx) {
        CardDocument card = ctx.card();
        FrontMatter fm = card.frontMatter();
        if (fm == null) {
            return;
        }
        if (!fm.closed()) {
            ctx.report().accept(new Finding(Code.FRONT_MATTER, fm.openStart(), fm.openEnd(), DiagnosticSeverity.Error,
                    "Front matter is not closed: add a line \u201c---\u201d after the YAML metadata.", null));
            return;
        }
        // Limits before any work: the size, then the nesting (the YAML parser recurses once per level).
        if (fm.yamlEnd() - fm.yamlStart() > MAX_FRONT_MATTER_CHARS) {
            refuse(ctx, fm.openStart(), fm.openEnd(), "is larger than 1 MiB");
            return;
        }
        String yaml = card.text().substring(fm.yamlStart(), fm.yamlEnd());
        int[] deep = PackLoader.tooDeep(yaml);
        if (deep != null) {
            int at = card.lines().offset(card.lines().lineOf(fm.yamlStart()) + deep[0] - 1, deep[1] - 1);
            refuse(ctx, at, Math.min(at + 1, fm.yamlEnd()), "is nested deeper than " + PackLoader.MAX_DEPTH
                    + " levels");
            return;
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel("front matter")
                .setMaxAliasesForCollections(50)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(false)
                .setCodePointLimit(MAX_FRONT_MATTER_CHARS)
                .setBufferSize(yaml.length() + 1) // one refill: the reader's window copies are quadratic otherwise
                .build();
        try {
            new Load(settings).loadAllFromString(yaml).forEach(doc -> { });
        } catch (StackOverflowError e) {
            refuse(ctx, fm.openStart(), fm.openEnd(), "is nested too deeply");
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            int[] range = mark.map(m -> rangeAt(card, fm, m)).orElse(new int[] {fm.openStart(), fm.openEnd()});
            report(ctx, range, e.getProblem() != null ? e.getProblem() : e.getMessage());
        } catch (YamlEngineException e) {
            report(ctx, new int[] {fm.openStart(), fm.openEnd()}, e.getMessage());
        }
    }

    private static void refuse(CheckContext ctx, int start, int end, String why) {
        ctx.report().accept(new Finding(Code.FRONT_MATTER, start, end, DiagnosticSeverity.Error,
                "Front matter " + why + "; it was not read.", null));
    }

    private static void report(CheckContext ctx, int[] range, String problem) {
        String reason = problem == null ? "invalid YAML" : problem.strip().replaceAll("\\s+", " ");
        ctx.report().accept(new Finding(Code.FRONT_MATTER, range[0], range[1], DiagnosticSeverity.Error,
                "Front matter is not valid YAML: " + reason + ".", null));
    }

    /** From the mark to the end of its line's content; the mark's column counts code points. */
    private static int[] rangeAt(CardDocument card, FrontMatter fm, Mark m) {
        LineIndex lines = card.lines();
        int line = lines.lineOf(fm.yamlStart()) + m.getLine();
        int lineStart = lines.lineStart(line);
        int lineEnd = Math.min(lines.lineEnd(line), fm.yamlEnd());
        String text = card.text();
        int start = lineStart;
        for (int cp = 0; cp < m.getColumn() && start < lineEnd; cp++) {
            start += Character.charCount(text.codePointAt(start));
        }
        int end = lineEnd;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end == start && start < lineEnd) {
            end = start + 1;
        }
        return new int[] {Math.min(start, lineEnd), Math.max(end, Math.min(start, lineEnd))};
    }
}
