package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.markdown.Tree;
import dev.modelcard.pack.PlaceholderRule;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.Titles;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Template text left in the card, each occurrence at its exact range: the pack's placeholder patterns, italic
 * spans that are template hints, and the template's instruction sentences copied verbatim. Only prose is read:
 * code blocks, code spans, HTML (comments included) and link destinations never are.
 */
final class PlaceholderCheck implements Check {
    /** Instruction texts shorter than this are only matched in italics ("Examples:" is fine as plain prose). */
    private static final int MIN_PLAIN_INSTRUCTION_WORDS = 3;

    @Override
    public void run(CheckContext ctx) {
        RulePack pack = ctx.pack();
        CardDocument card = ctx.card();
        List<PlaceholderRule> inline = new ArrayList<>();
        List<PlaceholderRule> lines = new ArrayList<>();
        List<PlaceholderRule> emphasis = new ArrayList<>();
        for (PlaceholderRule p : pack.placeholders()) {
            switch (p.kind()) {
                case TEXT, REGEX -> inline.add(p);
                case LINE -> lines.add(p);
                case EMPHASIS -> emphasis.add(p);
            }
        }
        Tree.walk(card.root(), n -> {
            if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock || n instanceof HtmlBlock
                    || n instanceof Code || n instanceof HtmlInline || isAutolink(n)) {
                return false;
            }
            if ((n instanceof Paragraph || n instanceof org.commonmark.node.Heading) && n.getFirstChild() != null
                    && isInstruction(pack, n)) {
                // The heading's text, not its markers; a paragraph whole.
                report(ctx, Tree.start(n.getFirstChild()), Tree.end(n.getLastChild()), Tree.plainText(n),
                        "template instruction");
                return false;
            }
            if (n instanceof Emphasis e) {
                String text = Tree.plainText(e).strip();
                String why = pack.isInstruction(text) ? "template instruction" : matchEmphasis(emphasis, text);
                if (why != null) {
                    report(ctx, Tree.start(e), Tree.end(e), text, why);
                    return false;
                }
                return true;
            }
            if (n instanceof Text t) {
                scanText(ctx, t, inline, lines);
            }
            return true;
        });
    }

    /** {@code <https://...>}: its text is its destination, a URL, not prose. */
    private static boolean isAutolink(Node n) {
        if (!(n instanceof Link link)) {
            return false;
        }
        String text = Tree.plainText(link);
        return text.equals(link.getDestination()) || ("mailto:" + text).equals(link.getDestination());
    }

    private static boolean isInstruction(RulePack pack, Node block) {
        String text = Tree.plainText(block);
        return Titles.key(text).split(" ").length >= MIN_PLAIN_INSTRUCTION_WORDS && pack.isInstruction(text);
    }

    private static String matchEmphasis(List<PlaceholderRule> rules, String text) {
        for (PlaceholderRule p : rules) {
            if (p.pattern().matcher(text).find()) {
                return describe(p);
            }
        }
        return null;
    }

    private static void scanText(CheckContext ctx, Text t, List<PlaceholderRule> inline,
            List<PlaceholderRule> lines) {
        int start = Tree.start(t);
        int end = Tree.end(t);
        if (start < 0) {
            return;
        }
        String source = ctx.card().text().substring(start, end);
        if (aloneOnLine(t)) {
            String trimmed = source.strip();
            for (PlaceholderRule p : lines) {
                if (p.source().equals(trimmed)) {
                    int lead = source.indexOf(trimmed);
                    report(ctx, start + lead, start + lead + trimmed.length(), trimmed, describe(p));
                    return;
                }
            }
        }
        // Overlapping matches of different patterns (TODO inside "[TODO: ...]") are reported once, widest first.
        List<int[]> found = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (PlaceholderRule p : inline) {
            Matcher m = p.pattern().matcher(source);
            while (m.find()) {
                if (m.end() > m.start()) {
                    found.add(new int[] {m.start(), m.end()});
                    why.add(describe(p));
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> found.get(a)[0] != found.get(b)[0]
                ? Integer.compare(found.get(a)[0], found.get(b)[0])
                : Integer.compare(found.get(b)[1], found.get(a)[1]));
        int covered = -1;
        for (int i : order) {
            int[] r = found.get(i);
            if (r[0] < covered) {
                continue;
            }
            report(ctx, start + r[0], start + r[1], source.substring(r[0], r[1]), why.get(i));
            covered = r[1];
        }
    }

    /** True when nothing else of its paragraph shares the text's line. */
    private static boolean aloneOnLine(Text t) {
        Node prev = t.getPrevious();
        Node next = t.getNext();
        boolean startsLine = prev == null || prev instanceof SoftLineBreak || prev instanceof HardLineBreak;
        boolean endsLine = next == null || next instanceof SoftLineBreak || next instanceof HardLineBreak;
        return startsLine && endsLine && t.getParent() instanceof Paragraph;
    }

    private static String describe(PlaceholderRule p) {
        return p.description() == null ? "template placeholder" : p.description();
    }

    private static void report(CheckContext ctx, int start, int end, String text, String why) {
        Heading h = ctx.card().headingBefore(start);
        String where = h == null ? "" : " in " + Requirements.quote(h.text());
        String shown = text.strip().replaceAll("\\s+", " ");
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "\u2026";
        }
        String message = "Placeholder " + Requirements.quote(shown) + " left" + where + " (" + why
                + "); replace it with this model's own content (" + ctx.pack().name() + ").";
        ctx.report().accept(new Finding(dev.modelcard.check.Code.PLACEHOLDER, start, end,
                org.eclipse.lsp4j.DiagnosticSeverity.Warning, message, h == null || ctx.outline().sectionOf(h) == null
                        ? null : ctx.outline().sectionOf(h).id()));
    }
}
