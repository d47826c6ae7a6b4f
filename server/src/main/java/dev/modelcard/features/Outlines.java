package dev.modelcard.features;

import dev.modelcard.check.CheckResult;
import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.FrontMatter;
import dev.modelcard.markdown.Heading;
import dev.modelcard.markdown.Tree;
import dev.modelcard.pack.SectionRule;
import dev.modelcard.text.LineIndex;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.SymbolKind;

/** The document outline (hierarchical symbols) and folding ranges, for any Markdown file. */
public final class Outlines {
    /** A heading whose symbol may still take children. */
    private record Open(int level, DocumentSymbol symbol) {}

    private Outlines() {}

    /** One symbol per heading, nested by level; a template section's symbol names its requirement. */
    public static List<DocumentSymbol> symbols(CheckResult r, BooleanSupplier cancelled) {
        CardDocument card = r.card();
        LineIndex lines = card.lines();
        List<DocumentSymbol> roots = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        for (Heading h : card.headings()) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            SectionRule s = r.outline() == null ? null : r.outline().sectionOf(h);
            String name = h.text().isEmpty() ? "#".repeat(h.level()) : h.text();
            DocumentSymbol sym = new DocumentSymbol(name, SymbolKind.String,
                    lines.range(h.start(), Math.max(h.end(), Sections.end(card, h))),
                    lines.range(h.textStart(), h.textEnd()),
                    s == null ? null : s.requirement().word() + " \u00b7 " + r.pack().shortName());
            sym.setChildren(new ArrayList<>());
            while (!stack.isEmpty() && stack.peek().level() >= h.level()) {
                stack.pop();
            }
            if (stack.isEmpty()) {
                roots.add(sym);
            } else {
                stack.peek().symbol().getChildren().add(sym);
            }
            stack.push(new Open(h.level(), sym));
        }
        return roots;
    }

    /** Sections, the front matter, fenced code and multi-line HTML comments. */
    public static List<FoldingRange> folding(CardDocument card, BooleanSupplier cancelled) {
        LineIndex lines = card.lines();
        List<FoldingRange> out = new ArrayList<>();
        FrontMatter fm = card.frontMatter();
        if (fm != null && fm.closed()) {
            add(out, lines, fm.openStart(), fm.end() - 1, null);
        }
        for (Heading h : card.headings()) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            add(out, lines, h.start(), Sections.end(card, h), null);
        }
        for (Node b : card.blocks()) {
            if (b instanceof FencedCodeBlock) {
                add(out, lines, Tree.start(b), Tree.end(b), null);
            } else if (b instanceof HtmlBlock html && html.getLiteral().startsWith("<!--")) {
                add(out, lines, Tree.start(b), Tree.end(b), FoldingRangeKind.Comment);
            }
        }
        out.sort((a, b) -> a.getStartLine() != b.getStartLine() ? Integer.compare(a.getStartLine(), b.getStartLine())
                : Integer.compare(b.getEndLine(), a.getEndLine()));
        return out;
    }

    private static void add(List<FoldingRange> out, LineIndex lines, int start, int end, String kind) {
        int first = lines.lineOf(start);
        int last = lines.lineOf(Math.max(start, end));
        if (last > first) {
            FoldingRange f = new FoldingRange(first, last);
            if (kind != null) {
                f.setKind(kind);
            }
            out.add(f);
        }
    }
}
