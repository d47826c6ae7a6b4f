package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.markdown.Tree;
import dev.modelcard.pack.PlaceholderRule;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import dev.modelcard.pack.Sentences;
import dev.modelcard.pack.Titles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * Template text left in the card, each occurrence at its exact range (a check of one section at a time:
 * {@link CheckContext#scope()}): the pack's placeholder patterns, italic
 * spans that are template hints, and the template's instruction sentences copied verbatim. Only prose is read:
 * code blocks, code spans, HTML (comments included) and link destinations never are.
 */
final class PlaceholderCheck implements Check {
    /** Instruction texts shorter than this are only matched in italics ("Examples:" is fine as plain prose). */
    private static final int MIN_PLAIN_INSTRUCTION_WORDS = 3;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    @Override
    public void run(CheckContext ctx) {
        RulePack pack = ctx.pack();
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
        List<int[]> prose = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<PlaceholderRule, RegexBudget.Budget> budgets = budgetsOf(ctx.card());
        Tree.walkBlocks(ctx.scope(), n -> {
            if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock || n instanceof HtmlBlock
                    || n instanceof Code || n instanceof HtmlInline || isAutolink(n)) {
                return false;
            }
            if ((n instanceof Paragraph || n instanceof org.commonmark.node.Heading) && n.getFirstChild() != null
                    && !adoptedExample(n) && isInstruction(pack, Tree.plainText(n), MIN_PLAIN_INSTRUCTION_WORDS)) {
                // The heading's text, not its markers; a paragraph whole.
                report(ctx, Tree.start(n.getFirstChild()), Tree.end(n.getLastChild()), Tree.plainText(n),
                        "template instruction");
                return false;
            }
            if (n instanceof Paragraph p && p.getFirstChild() != null) {
                String why = Instructions.reworded(ctx, p);
                if (why != null) {
                    report(ctx, Tree.start(p.getFirstChild()), Tree.end(p.getLastChild()), Tree.plainText(p), why);
                    return false;
                }
                if (guidance(ctx, p, !adoptedExample(p))) {
                    return false;
                }
            }
            if (n instanceof Emphasis e) {
                String text = Tree.plainText(e).strip();
                String why = isInstruction(pack, text, 1) ? "template instruction"
                        : matchEmphasis(emphasis, text, budgets, ctx.card().text().length(), skipped);
                if (why != null) {
                    report(ctx, Tree.start(e), Tree.end(e), text, why);
                    return false;
                }
                return true;
            }
            if (n instanceof Text t && Tree.start(t) >= 0) {
                if (!matchLine(ctx, t, lines)) {
                    prose.add(new int[] {Tree.start(t), Tree.end(t)});
                }
            }
            return true;
        });
        scanProse(ctx, prose, inline, budgets, skipped);
        if (!skipped.isEmpty()) {
            throw new RegexBudget.Exceeded(String.join("; ", skipped)); // logged; the other findings stand
        }
    }

    /**
     * Each user pattern's read budget for one card version, shared by the sections it is checked in one at a
     * time, so that a card of many sections cannot multiply a pattern's floor. Weak: gone with the version.
     */
    private static final Map<CardDocument, Map<PlaceholderRule, RegexBudget.Budget>> BUDGETS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static Map<PlaceholderRule, RegexBudget.Budget> budgetsOf(CardDocument card) {
        return BUDGETS.computeIfAbsent(card, c -> new java.util.concurrent.ConcurrentHashMap<>());
    }

    /**
     * A plain list item that repeats one of the template's example bullets ("- Not suitable for diagnostic
     * purposes."): the author has adopted the example as their own statement. In italics it is still the template's.
     */
    private static boolean adoptedExample(Node n) {
        if (!(n.getParent() instanceof ListItem)) {
            return false;
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Emphasis) {
                return false;
            }
        }
        return true;
    }

    /**
     * The template's guidance (or an instruction) pasted as visible text, sentence by sentence ("Provide citation
     * information for users of the model"), also among the author's own sentences. True when the whole paragraph
     * is such text, reported at once. In an adopted example bullet ({@link #adoptedExample}) only guidance counts.
     */
    private static boolean guidance(CheckContext ctx, Paragraph p, boolean instructionsToo) {
        int start = Tree.start(p.getFirstChild());
        int end = Tree.end(p.getLastChild());
        if (start < 0 || end < start) {
            return false;
        }
        String source = ctx.card().text().substring(start, end);
        List<int[]> found = new ArrayList<>();
        List<int[]> sentences = Sentences.of(source);
        for (int[] sentence : sentences) {
            String text = source.substring(sentence[0], sentence[1]);
            boolean mayBe = ctx.pack().mayBeGuidance(text) || ctx.pack().mayBeInstruction(text);
            String key = mayBe ? Titles.key(text) : "";
            boolean italic = text.indexOf('*') >= 0 || text.indexOf('_') >= 0; // an italic one is reported as its span
            boolean instruction = instructionsToo && !italic && ctx.pack().isInstructionKey(key)
                    && key.split(" ").length >= MIN_PLAIN_INSTRUCTION_WORDS;
            if (instruction || ctx.pack().isGuidanceKey(key) && !(italic && ctx.pack().isInstructionKey(key))) {
                found.add(sentence);
            }
        }
        if (!found.isEmpty() && found.size() == sentences.size()) {
            report(ctx, start, end, Tree.plainText(p), "template guidance");
            return true;
        }
        for (int[] sentence : found) {
            report(ctx, start + sentence[0], start + sentence[1], source.substring(sentence[0], sentence[1]),
                    "template guidance");
        }
        return false;
    }

    /** {@code <https://...>}: its text is its destination, a URL, not prose. */
    private static boolean isAutolink(Node n) {
        if (!(n instanceof Link link)) {
            return false;
        }
        String text = Tree.plainText(link);
        return text.equals(link.getDestination()) || ("mailto:" + text).equals(link.getDestination());
    }

    /** True when the text is one of the template's instruction texts and has at least {@code minWords}. */
    private static boolean isInstruction(RulePack pack, String text, int minWords) {
        if (!pack.mayBeInstruction(text)) {
            return false;
        }
        String key = Titles.key(text);
        return pack.isInstructionKey(key) && key.split(" ").length >= minWords;
    }

    /**
     * The first emphasis rule the text matches. Each rule has one budget for the card; one that spends it is
     * dropped for the rest of the card (and named in {@code skipped}), and the other rules go on.
     */
    private static String matchEmphasis(List<PlaceholderRule> rules, String text,
            Map<PlaceholderRule, RegexBudget.Budget> budgets, int cardLength, List<String> skipped) {
        for (Iterator<PlaceholderRule> it = rules.iterator(); it.hasNext(); ) {
            PlaceholderRule p = it.next();
            try {
                RegexBudget.Budget b = budgets.computeIfAbsent(p, x -> new RegexBudget.Budget(cardLength));
                if (RegexBudget.matcher(p.pattern(), text, b).find()) {
                    return describe(p);
                }
            } catch (RegexBudget.Exceeded e) {
                skipped.add("emphasis: " + e.getMessage());
                it.remove();
            }
        }
        return null;
    }

    /** A text alone on its line that is a whole-line placeholder ("..."): reported, and not scanned further. */
    private static boolean matchLine(CheckContext ctx, Text t, List<PlaceholderRule> lines) {
        if (lines.isEmpty() || !aloneOnLine(t)) {
            return false;
        }
        int start = Tree.start(t);
        String source = ctx.card().text().substring(start, Tree.end(t));
        String trimmed = source.strip();
        for (PlaceholderRule p : lines) {
            if (p.source().equals(trimmed)) {
                int lead = source.indexOf(trimmed);
                report(ctx, start + lead, start + lead + trimmed.length(), trimmed, describe(p));
                return true;
            }
        }
        return false;
    }

    /**
     * Runs each inline pattern once over the whole text and keeps the matches that lie inside one prose text
     * span (so never in code, HTML or a URL). Overlapping matches of different patterns ("TODO" inside
     * "[TODO: ...]") are reported once, the widest at the earliest start.
     */
    private static void scanProse(CheckContext ctx, List<int[]> prose, List<PlaceholderRule> inline,
            Map<PlaceholderRule, RegexBudget.Budget> budgets, List<String> skipped) {
        if (prose.isEmpty() || inline.isEmpty()) {
            return;
        }
        prose.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] starts = new int[prose.size()];
        int from = prose.get(0)[0];
        int to = from;
        for (int i = 0; i < starts.length; i++) {
            starts[i] = prose.get(i)[0];
            to = Math.max(to, prose.get(i)[1]);
        }
        String text = ctx.card().text();
        List<int[]> found = new ArrayList<>();
        List<PlaceholderRule> why = new ArrayList<>();
        // Only the prose's stretch is searched and copied: a check runs on each section of a card in turn.
        String stretch = text.substring(from, to);
        String lower = null;
        for (PlaceholderRule p : inline) {
            if (p.kind() == PlaceholderRule.Kind.TEXT) {
                // Literals are found with indexOf on a lower-cased copy: far faster than a case-insensitive
                // regex, and exact while lower-casing keeps every char's offset (it nearly always does).
                lower = lower != null ? lower : stretch.toLowerCase(java.util.Locale.ROOT);
                String needle = p.source().toLowerCase(java.util.Locale.ROOT);
                if (lower.length() == to - from) {
                    for (int i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + 1)) {
                        int at = from + i;
                        if (insideOne(prose, starts, at, at + needle.length())) {
                            found.add(new int[] {at, at + needle.length()});
                            why.add(p);
                        }
                    }
                    continue;
                }
            }
            String lead = p.leadingText();
            int first = lead == null ? -1 : stretch.indexOf(lead);
            if (lead != null && first < 0) {
                continue; // no match can be here
            }
            Matcher m = RegexBudget.matcher(p.pattern(), text,
                    budgets.computeIfAbsent(p, x -> new RegexBudget.Budget(text.length()))).region(from, to);
            // The card's own line starts and ends for ^ and $, not the stretch's (which may start mid-line), and
            // lookaround sees past the stretch: a match tried at one place is the same however the search began.
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            int before = found.size();
            try {
                if (lead == null) {
                    while (m.find()) {
                        add(prose, starts, m, p, found, why);
                    }
                } else {
                    // Tried only where its leading text stands, as find() would try there: indexOf skips the rest.
                    for (int i = first; i >= 0; ) {
                        int next = i + 1;
                        if (m.region(from + i, to).lookingAt()) {
                            add(prose, starts, m, p, found, why);
                            next = Math.max(next, m.end() - from);
                        }
                        i = stretch.indexOf(lead, next);
                    }
                }
            } catch (RegexBudget.Exceeded e) {
                found.subList(before, found.size()).clear();
                why.subList(before, why.size()).clear();
                skipped.add(e.getMessage());
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
            report(ctx, r[0], r[1], text.substring(r[0], r[1]), describe(why.get(i)));
            covered = r[1];
        }
    }

    /** Keeps the matcher's match where it is not empty and lies inside one prose span. */
    private static void add(List<int[]> prose, int[] starts, Matcher m, PlaceholderRule p, List<int[]> found,
            List<PlaceholderRule> why) {
        if (m.end() > m.start() && insideOne(prose, starts, m.start(), m.end())) {
            found.add(new int[] {m.start(), m.end()});
            why.add(p);
        }
    }

    private static boolean insideOne(List<int[]> spans, int[] starts, int start, int end) {
        int i = java.util.Arrays.binarySearch(starts, start);
        int at = i >= 0 ? i : -i - 2;
        return at >= 0 && end <= spans.get(at)[1];
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
        String shown = SPACES.matcher(text.strip()).replaceAll(" ");
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "\u2026";
        }
        String message = "Placeholder " + Requirements.quote(shown) + " left" + where + " (" + why
                + "); replace it with this model's own content (" + ctx.pack().name() + ").";
        SectionRule section = h == null ? null : ctx.outline().sectionOf(h);
        // commonmark's Code (a code span) is imported, so this check's code is named in full.
        ctx.report().accept(new Finding(dev.modelcard.pack.Code.PLACEHOLDER, start, end, DiagnosticSeverity.Warning,
                message, section == null ? null : section.id()));
    }
}
