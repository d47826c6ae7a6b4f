package dev.modelcard.check;

import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Tree;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.YamlMap;
import dev.modelcard.text.LineIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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

    private final List<Finding> unknown;
    private final LineIndex lines;
    /** Codes disabled by {@code disable-file} comments. */
    private final Set<Code> wholeFile;
    /** Per line: the codes a {@code disable-next-line} comment above it disables. */
    private final Map<Integer, Set<Code>> nextLine;
    /** The starts of the {@code disable} and {@code enable} comments, in order, and the codes off after each. */
    private final int[] rangeStarts;
    private final List<Set<Code>> offAfter;

    private InlineControl(List<Directive> directives, List<Finding> unknown, LineIndex lines) {
        this.unknown = unknown;
        this.lines = lines;
        // Each comment's effect is folded once, in order, so that asking about a finding is a lookup, not a walk
        // over every comment (thousands of comments times thousands of findings).
        Set<Code> file = EnumSet.noneOf(Code.class);
        Map<Integer, Set<Code>> next = new HashMap<>();
        List<Integer> starts = new ArrayList<>();
        List<Set<Code>> states = new ArrayList<>();
        Set<Code> off = EnumSet.noneOf(Code.class);
        for (Directive d : directives) {
            Set<Code> codes = d.codes().isEmpty() ? EnumSet.allOf(Code.class) : d.codes();
            switch (d.kind()) {
                case FILE -> file.addAll(codes);
                case NEXT_LINE -> next.computeIfAbsent(d.lastLine() + 1, l -> EnumSet.noneOf(Code.class)).addAll(codes);
                case DISABLE, ENABLE -> {
                    off = EnumSet.copyOf(off);
                    if (d.kind() == Kind.DISABLE) {
                        off.addAll(codes);
                    } else {
                        off.removeAll(codes);
                    }
                    starts.add(d.start());
                    states.add(off);
                }
            }
        }
        this.wholeFile = file;
        this.nextLine = next;
        this.rangeStarts = new int[starts.size()];
        for (int i = 0; i < rangeStarts.length; i++) {
            rangeStarts[i] = starts.get(i);
        }
        this.offAfter = states;
    }

    /** The comments of a card, read from its HTML (never from code, where a comment is only an example). */
    public static InlineControl of(CardDocument card) {
        List<Directive> directives = new ArrayList<>();
        List<Finding> unknown = new ArrayList<>();
        Map<String, String> messages = new HashMap<>(); // one "did you mean" per misspelling, not per comment
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
                        Directive d = directive(card, m, unknown, messages);
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

    private static Directive directive(CardDocument card, Matcher m, List<Finding> unknown,
            Map<String, String> messages) {
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
                        messages.computeIfAbsent(w.group() + " " + m.group(1),
                                k -> unknownMessage(w.group(), m.group(1))), null));
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
        if (wholeFile.contains(f.code())) {
            return true;
        }
        if (!nextLine.isEmpty() && nextLine.getOrDefault(lines.lineOf(f.start()), Set.of()).contains(f.code())) {
            return true;
        }
        // The last disable or enable comment that starts at or before the finding decides.
        int i = Arrays.binarySearch(rangeStarts, f.start());
        int at = i >= 0 ? lastAt(i, f.start()) : -i - 2;
        return at >= 0 && offAfter.get(at).contains(f.code());
    }

    private int lastAt(int i, int start) {
        int at = i;
        while (at + 1 < rangeStarts.length && rangeStarts[at + 1] == start) {
            at++;
        }
        return at;
    }
}
