package dev.modelcard.features;

import dev.modelcard.check.CheckResult;
import dev.modelcard.check.Outline;
import dev.modelcard.edits.LineEnding;
import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.markdown.Tree;
import dev.modelcard.pack.GlossaryTerm;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.SectionRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion from the card's template: the sections it still lacks (at a line start), the bold field labels a
 * section still lacks (in a field list), and glossary terms (in prose, or whole entries in the glossary).
 */
public final class Completions {
    /** Up to three spaces, then the {@code #} run typed so far and the start of a title. */
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6}(?:[ \\t].*)?)?$");
    /** An optional bullet, then the bold label typed so far. */
    private static final Pattern FIELD = Pattern.compile("^([ \\t]*)([-*+][ \\t]+)?(\\*{0,2}[^*:]*)$");
    private static final Pattern LABEL = Pattern.compile("\\*\\*([^*\\n]+?):?\\*\\*");

    private final CheckResult r;
    private final CardDocument card;
    private final int offset;
    private final boolean snippets;
    private final String eol;
    private final int lineStart;
    private final String prefix;
    private final boolean typedTrigger;

    private Completions(CheckResult r, int offset, boolean snippets, boolean typedTrigger) {
        this.r = r;
        this.card = r.card();
        this.offset = offset;
        this.snippets = snippets;
        this.eol = LineEnding.of(card.text());
        this.lineStart = card.lines().lineStart(card.lines().lineOf(offset));
        this.prefix = card.text().substring(lineStart, offset);
        this.typedTrigger = typedTrigger;
    }

    /**
     * The items at {@code offset}; empty outside a model card, in code and HTML, and in front matter other than a
     * Hugging Face card's (where the Hub's keys and values are offered).
     *
     * @param snippets the client takes snippets (tab stops)
     * @param typedTrigger the request comes from typing {@code #} or {@code *}, not from the user asking
     */
    public static List<CompletionItem> at(CheckResult r, int offset, boolean snippets, boolean typedTrigger) {
        if (MetadataAssist.applies(r, offset)) {
            return typedTrigger ? List.of() : MetadataAssist.completions(r, offset);
        }
        if (r.pack() == null || offset < r.card().bodyStart() || inLiteralBlock(r.card(), offset)) {
            return List.of();
        }
        return new Completions(r, offset, snippets, typedTrigger).items();
    }

    private List<CompletionItem> items() {
        List<CompletionItem> out = new ArrayList<>();
        Heading here = card.headingBefore(offset);
        boolean onHeadingLine = here != null && card.lines().lineOf(here.start()) == card.lines().lineOf(offset);
        if (onHeadingLine) {
            // The heading being typed is not yet where the cursor is: the section above it is.
            here = here.index() > 0 ? card.headings().get(here.index() - 1) : null;
        }
        Matcher heading = HEADING.matcher(prefix);
        String rest = card.text().substring(offset, card.lines().lineEnd(card.lines().lineOf(offset)));
        if (heading.matches() && rest.isBlank()) {
            if (heading.group(1) == null) {
                fields(here, out);
            }
            headings(here, heading.group(1) == null ? offset : lineStart + heading.start(1), out);
        } else if (!onHeadingLine) {
            if (rest.isBlank()) {
                fields(here, out);
            }
            glossary(here, out);
        }
        return out;
    }

    /**
     * Every missing section. Those that fit at the cursor come first: under the current section or one of its
     * template ancestors (or at the top level), between the template sections around the cursor.
     */
    private void headings(Heading here, int replaceFrom, List<CompletionItem> out) {
        RulePack pack = r.pack();
        Outline outline = r.outline();
        Heading current = here == null ? null : outline.sectionOf(here) != null ? here : outline.matchedAncestor(here);
        SectionRule section = current == null ? null : outline.sectionOf(current);
        Set<SectionRule> parents = new HashSet<>();
        for (SectionRule p = section; p != null; p = pack.parent(p).orElse(null)) {
            parents.add(p);
        }
        int after = section == null ? -1 : pack.orderOf(section);
        int before = nextMatchedOrder(here);
        for (SectionRule s : pack.allSections()) {
            SectionRule parent = pack.parent(s).orElse(null);
            if (outline.isAnswered(s)) {
                continue;
            }
            int order = pack.orderOf(s);
            boolean fits = (parent == null || parents.contains(parent)) && order > after && order < before;
            CompletionItem item = new CompletionItem(s.title());
            item.setKind(CompletionItemKind.Module);
            item.setDetail(s.heading() + " \u00b7 " + s.requirement().word() + " \u00b7 " + pack.shortName());
            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, s.guidance() == null ? s.heading()
                    : s.guidance()));
            item.setFilterText(s.heading());
            item.setSortText((fits ? "0" : "1") + s.requirement().ordinal() + String.format("%04d", order));
            item.setPreselect(fits && out.stream().noneMatch(i -> Boolean.TRUE.equals(i.getPreselect())) ? true : null);
            String body = s.skeleton() == null || s.skeleton().isBlank() ? null : s.skeleton().strip();
            String text;
            if (snippets) {
                text = Skeletons.escape(s.heading()) + "\n\n" + (body == null ? "$0" : Skeletons.snippet(body));
                item.setInsertTextFormat(InsertTextFormat.Snippet);
            } else {
                text = s.heading() + (body == null ? "\n" : "\n\n" + body);
                item.setInsertTextFormat(InsertTextFormat.PlainText);
            }
            item.setTextEdit(Either.forLeft(edit(replaceFrom, text)));
            out.add(item);
        }
    }

    /** The template position of the first template heading after the cursor; past the end without one. */
    private int nextMatchedOrder(Heading here) {
        List<Heading> all = card.headings();
        for (int i = here == null ? 0 : here.index() + 1; i < all.size(); i++) {
            SectionRule s = r.outline().sectionOf(all.get(i));
            if (s != null) {
                return r.pack().orderOf(s);
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The bold labels of the current section's field list that the section does not have yet. */
    private void fields(Heading here, List<CompletionItem> out) {
        SectionRule s = here == null ? null : r.outline().sectionOf(here);
        if (s == null || s.fields().isEmpty()) {
            return;
        }
        Matcher typed = FIELD.matcher(prefix);
        if (!typed.matches() || typed.group(2) == null && !typed.group(3).isEmpty() && !typed.group(3).startsWith("*")) {
            return; // a field starts a list item, or bold text, or an empty line
        }
        Set<String> have = new HashSet<>();
        Matcher m = LABEL.matcher(card.text()).region(here.end(), Sections.end(card, here));
        while (m.find()) {
            have.add(m.group(1).strip().toLowerCase(Locale.ROOT));
        }
        Map<String, String> hints = Skeletons.fields(s.skeleton());
        String bullet = typed.group(2) == null ? "- " : typed.group(2);
        int from = lineStart + typed.end(1);
        int n = 0;
        for (String label : s.fields()) {
            if (have.contains(label.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String hint = hints.getOrDefault(label, "");
            CompletionItem item = new CompletionItem(label);
            item.setKind(CompletionItemKind.Field);
            item.setDetail("field of " + s.title() + " \u00b7 " + r.pack().shortName());
            if (!hint.isEmpty()) {
                item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, hint));
            }
            item.setFilterText(bullet + "**" + label);
            item.setSortText("00" + String.format("%04d", n++));
            String line = bullet + "**" + label + ":** ";
            if (snippets) {
                item.setInsertTextFormat(InsertTextFormat.Snippet);
                item.setTextEdit(Either.forLeft(edit(from, Skeletons.escape(line) + "${1:" + Skeletons.escape(hint)
                        + "}$0")));
            } else {
                item.setInsertTextFormat(InsertTextFormat.PlainText);
                item.setTextEdit(Either.forLeft(edit(from, line)));
            }
            out.add(item);
        }
    }

    /**
     * Glossary terms for the word before the cursor; in the card's glossary section, at the start of a list
     * item, whole {@code - **Term:** definition} entries for the terms it does not define yet.
     */
    private void glossary(Heading here, List<CompletionItem> out) {
        List<GlossaryTerm> terms = Glossary.of(r);
        Heading glossary = Glossary.section(r);
        Matcher entry = FIELD.matcher(prefix);
        boolean inGlossary = glossary != null && here != null && here.start() >= glossary.start()
                && offset <= Sections.limit(card, glossary) && entry.matches();
        Set<String> defined = new HashSet<>();
        if (inGlossary) {
            Glossary.inCard(r).forEach(t -> defined.add(t.term().toLowerCase(Locale.ROOT)));
        }
        int wordStart = offset;
        while (wordStart > lineStart && isWordChar(card.text().charAt(wordStart - 1))) {
            wordStart--;
        }
        if (!inGlossary && (typedTrigger || wordStart == offset)) {
            return; // in prose, terms complete a word being typed; a typed * or # starts emphasis or a heading
        }
        int n = 0;
        for (GlossaryTerm t : terms) {
            if (defined.contains(t.term().toLowerCase(Locale.ROOT))) {
                continue;
            }
            CompletionItem item = new CompletionItem(t.term());
            item.setKind(CompletionItemKind.Text);
            item.setDetail("glossary");
            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, t.definition()));
            item.setSortText("1" + String.format("%04d", n++));
            item.setInsertTextFormat(InsertTextFormat.PlainText);
            if (inGlossary) {
                String bullet = entry.group(2) == null ? "- " : entry.group(2);
                String line = bullet + "**" + t.term() + ":** " + t.definition();
                item.setFilterText(bullet + "**" + t.term());
                item.setTextEdit(Either.forLeft(edit(lineStart + entry.end(1), line)));
            } else {
                item.setFilterText(t.term());
                item.setTextEdit(Either.forLeft(edit(wordStart, t.term())));
            }
            out.add(item);
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    private TextEdit edit(int from, String text) {
        return new TextEdit(card.lines().range(from, offset), LineEnding.convert(text, eol));
    }

    /** True inside a code block or an HTML block, where Markdown completion has no place. */
    private static boolean inLiteralBlock(CardDocument card, int offset) {
        for (Node b : card.blocks()) {
            int start = Tree.start(b);
            if (start > offset) {
                break;
            }
            if ((b instanceof FencedCodeBlock || b instanceof IndentedCodeBlock || b instanceof HtmlBlock)
                    && offset > start && offset <= Tree.end(b)) {
                return true;
            }
        }
        return false;
    }
}
