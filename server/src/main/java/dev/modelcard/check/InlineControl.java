package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Tree;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.YamlMap;
import dev.modelcard.text.LineIndex;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * The card's own {@code <!-- modelcard-disable ... -->} comments, as markdownlint users write them: which
 * findings they silence, and the codes they misname. No codes means every code.
 *
 * <ul>
 *   <li>{@code modelcard-disable CODE...} / {@code modelcard-enable CODE...}: from the comment on;
 *   <li>{@code modelcard-disable-next-line CODE...}: the line after the comment;
 *   <li>{@code modelcard-disable-file CODE...}: the whole card.
 * </ul>
 */
public final class InlineControl {
    public static final String PREFIX = "modelcard-";
    private static final Pattern COMMENT =
            Pattern.compile("<!--[ \\t]*modelcard-(disable-next-line|disable-file|disable|enable)(?![\\w-])(.*?)-->",
                    Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile("[^\\s,]+");

    private enum Kind { DISABLE, ENABLE, NEXT_LINE, FILE }

    /**
     * One comment: where it is, what it does, to which codes (empty: all). A comment that names only unknown
     * codes is not kept at all: a misspelt code must not widen it to every code.
     */
    private record Directive(Kind kind, int start, int end, int lastLine, Set<Code> codes) {}

    private final List<Directive> directives;
    private final List<Finding> unknown;
    private final LineIndex lines;

    private InlineControl(List<Directive> directives, List<Finding> unknown, LineIndex lines) {
        this.directives = directives;
        this.unknown = unknown;
        this.lines = lines;
    }

    /** The comments of a card, read from its HTML (never from code, where a comment is only an example). */
    public static InlineControl of(CardDocument card) {
        List<Directive> directives = new ArrayList<>();
        List<Finding> unknown = new ArrayList<>();
        String text = card.text();
        if (!text.contains(PREFIX)) {
            return new InlineControl(directives, unknown, card.lines()); // no comment to look for: no walk
        }
        Tree.walk(card.root(), n -> {
            if (n instanceof HtmlBlock || n instanceof HtmlInline) {
                int from = Tree.start(n);
                int to = Tree.end(n);
                if (from >= 0 && to <= text.length()) {
                    Matcher m = COMMENT.matcher(text).region(from, to);
                    while (m.find()) {
                        Directive d = directive(card, m, unknown);
                        if (d != null) {
                            directives.add(d);
                        }
                    }
                }
                return false;
            }
            return true;
        });
        return new InlineControl(directives, unknown, card.lines());
    }

    private static Directive directive(CardDocument card, Matcher m, List<Finding> unknown) {
        Kind kind = switch (m.group(1)) {
            case "disable" -> Kind.DISABLE;
            case "enable" -> Kind.ENABLE;
            case "disable-next-line" -> Kind.NEXT_LINE;
            default -> Kind.FILE;
        };
        Set<Code> codes = EnumSet.noneOf(Code.class);
        boolean named = false;
        Matcher w = WORD.matcher(card.text()).region(m.start(2), m.end(2));
        while (w.find()) {
            named = true;
            Optional<Code> code = Code.of(w.group());
            if (code.isPresent()) {
                codes.add(code.get());
            } else {
                unknown.add(new Finding(Code.UNKNOWN_RULE, w.start(), w.end(), DiagnosticSeverity.Warning,
                        unknownMessage(w.group(), m.group(1)), null));
            }
        }
        if (named && codes.isEmpty()) {
            return null;
        }
        return new Directive(kind, m.start(), m.end(), card.lines().lineOf(m.end()), codes);
    }

    private static String unknownMessage(String word, String directive) {
        String near = YamlMap.nearest(word.toLowerCase(Locale.ROOT), Set.copyOf(Code.ids()));
        return "Unknown rule \u201c" + word + "\u201d in modelcard-" + directive + (near == null ? ""
                : "; did you mean \u201c" + near + "\u201d?") + " Known rules: " + String.join(", ", Code.ids()) + ".";
    }

    /** The comments' own problems: codes that do not exist. */
    public List<Finding> unknownRules() {
        return unknown;
    }

    /** True when a finding at this place is silenced by a comment. */
    public boolean silences(Finding f) {
        if (directives.isEmpty()) {
            return false;
        }
        int line = lines.lineOf(f.start());
        boolean all = false;
        Set<Code> named = EnumSet.noneOf(Code.class); // disabled codes; with `all`, the codes enabled again
        for (Directive d : directives) {
            if (d.kind() == Kind.FILE && covers(d, f.code())) {
                return true;
            }
            if (d.kind() == Kind.NEXT_LINE && d.lastLine() + 1 == line && covers(d, f.code())) {
                return true;
            }
            if (d.start() > f.start() || d.kind() == Kind.FILE || d.kind() == Kind.NEXT_LINE) {
                continue;
            }
            boolean disable = d.kind() == Kind.DISABLE;
            if (d.codes().isEmpty()) {
                all = disable;
                named.clear();
            } else if (disable != all) {
                named.addAll(d.codes());
            } else {
                named.removeAll(d.codes());
            }
        }
        return all != named.contains(f.code());
    }

    private static boolean covers(Directive d, Code code) {
        return d.codes().isEmpty() || d.codes().contains(code);
    }
}
