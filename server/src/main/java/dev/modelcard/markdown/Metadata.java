package dev.modelcard.markdown;

import dev.modelcard.pack.PackLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A card's front matter read as YAML nodes with their positions: read once per card, shared by the checks that
 * judge the metadata, by detection, completion and hover. Limits (size, nesting, aliases, duplicate keys) apply
 * before and while parsing, so a hostile block is refused quickly as a {@link #problem()}.
 */
public final class Metadata {
    /** Front matter is small; a block larger than this is refused unread. */
    public static final int MAX_CHARS = 1024 * 1024;
    private static final java.util.regex.Pattern TOP_KEY =
            java.util.regex.Pattern.compile("(?m)^([A-Za-z_][\\w-]*)[ \\t]*:(?=[ \\t]|$)");
    static final Metadata NONE = new Metadata(null, null, null, null);

    /** Where the YAML could not be read, as card offsets, and why, as a whole message. */
    public record Problem(int start, int end, String message) {
        static Problem invalid(int start, int end, String reason) {
            return new Problem(start, end, "Front matter is not valid YAML: " + reason + ".");
        }

        static Problem refused(int start, int end, String why) {
            return new Problem(start, end, "Front matter " + why + "; it was not read.");
        }
    }

    private final CardDocument card;
    private final FrontMatter fm;
    private final Node root;
    private final Problem problem;

    private Metadata(CardDocument card, FrontMatter fm, Node root, Problem problem) {
        this.card = card;
        this.fm = fm;
        this.root = root;
        this.problem = problem;
    }

    /** The same YAML for another version of the card with the same front matter at the same place. */
    Metadata on(CardDocument other) {
        return this == NONE ? this : new Metadata(other, fm, root, problem);
    }

    static Metadata read(CardDocument card) {
        FrontMatter fm = card.frontMatter();
        if (fm == null || !fm.closed()) {
            return NONE;
        }
        if (fm.yamlEnd() - fm.yamlStart() > MAX_CHARS) {
            return new Metadata(card, fm, null, Problem.refused(fm.openStart(), fm.openEnd(), "is larger than 1 MiB"));
        }
        String yaml = card.text().substring(fm.yamlStart(), fm.yamlEnd());
        int[] deep = PackLoader.tooDeep(yaml);
        if (deep != null) {
            int at = card.lines().offset(card.lines().lineOf(fm.yamlStart()) + deep[0] - 1, deep[1] - 1);
            return new Metadata(card, fm, null, Problem.refused(at, Math.min(at + 1, fm.yamlEnd()),
                    "is nested deeper than " + PackLoader.MAX_DEPTH + " levels"));
        }
        LoadSettings settings = settings(yaml.length());
        Metadata partial = new Metadata(card, fm, null, null);
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)));
            Node root = composer.getSingleNode().orElse(null);
            ScalarNode twice = root == null ? null : PackLoader.duplicateKey(root);
            if (twice != null) {
                int[] range = partial.lineRange(twice.getStartMark().orElseThrow());
                return new Metadata(card, fm, null, Problem.invalid(range[0], range[1],
                        "found duplicate key " + twice.getValue()));
            }
            return new Metadata(card, fm, root, null);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            int[] range = mark.map(partial::lineRange).orElse(new int[] {fm.openStart(), fm.openEnd()});
            return new Metadata(card, fm, null, Problem.invalid(range[0], range[1], reason(e.getProblem(), e)));
        } catch (YamlEngineException e) {
            return new Metadata(card, fm, null, Problem.invalid(fm.openStart(), fm.openEnd(), reason(e.getMessage(), e)));
        } catch (StackOverflowError e) {
            return new Metadata(card, fm, null, Problem.refused(fm.openStart(), fm.openEnd(), "is nested too deeply"));
        }
    }

    /**
     * The reader's settings for front matter of this length, made once per power of two of the length: making
     * them costs as much as reading a small front matter, and only the buffer's size depends on the length (any
     * size at least the length reads the same).
     */
    private static LoadSettings settings(int length) {
        int bucket = 32 - Integer.numberOfLeadingZeros(Math.max(length, 1));
        LoadSettings s = SETTINGS.get(bucket);
        if (s == null) {
            s = PackLoader.yamlSettings("front matter", (1 << bucket) - 1, MAX_CHARS, 50);
            SETTINGS.set(bucket, s);
        }
        return s;
    }

    /** By {@link #settings}' bucket; the settings are immutable, so a race only makes one twice. */
    private static final AtomicReferenceArray<LoadSettings> SETTINGS = new AtomicReferenceArray<>(32);

    private static String reason(String problem, Exception e) {
        String r = problem != null ? problem : e.getMessage();
        return r == null ? "invalid YAML" : r.strip().replaceAll("\\s+", " ");
    }

    /** The front matter block, or null when the card has none (or it is not closed). */
    public FrontMatter frontMatter() {
        return fm;
    }

    /** The YAML's root node; null without front matter, when it is empty, or when it cannot be read. */
    public Node root() {
        return root;
    }

    /** Why the YAML cannot be read, or null. */
    public Problem problem() {
        return problem;
    }

    /** The top-level mapping's entries; empty when the root is not a mapping. */
    public List<NodeTuple> entries() {
        return root instanceof MappingNode m ? m.getValue() : List.of();
    }

    /**
     * The top-level keys that are plain scalars, in order. While the YAML cannot be read (as it is typed), the
     * lines that start with {@code key:}, so that the card stays what it was.
     */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        if (root == null && problem != null) {
            java.util.regex.Matcher m = TOP_KEY.matcher(card.text().substring(fm.yamlStart(), fm.yamlEnd()));
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }
        for (NodeTuple t : entries()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                out.add(k.getValue());
            }
        }
        return out;
    }

    /** The top-level value of a key, if present. */
    public Optional<NodeTuple> entry(String key) {
        for (NodeTuple t : entries()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** A node's range as card offsets: a scalar without the trailing blanks its end mark may include. */
    public int[] range(Node n) {
        int start = offset(n.getStartMark().orElseThrow());
        int end = offset(n.getEndMark().orElseThrow());
        String text = card.text();
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new int[] {start, Math.max(start, end)};
    }

    /** A mark (line and code-point column within the YAML) as an offset into the card. */
    public int offset(Mark m) {
        var lines = card.lines();
        int line = lines.lineOf(fm.yamlStart()) + m.getLine();
        if (line >= lines.lineCount()) {
            return fm.yamlEnd();
        }
        int at = lines.lineStart(line);
        int lineEnd = lines.lineEnd(line);
        String text = card.text();
        for (int cp = 0; cp < m.getColumn() && at < lineEnd; cp++) {
            at += Character.charCount(text.codePointAt(at));
        }
        return Math.min(at, fm.yamlEnd());
    }

    /** From the mark to the end of its line's content, at least one char when the line has one. */
    private int[] lineRange(Mark m) {
        var lines = card.lines();
        int start = offset(m);
        int lineEnd = Math.min(lines.lineEnd(lines.lineOf(start)), fm.yamlEnd());
        String text = card.text();
        int end = lineEnd;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int contentEnd = lines.lineEnd(lines.lineOf(start));
        if (end == start && start < contentEnd) {
            end = start < lineEnd ? start + 1 : contentEnd; // past the YAML: the closing line
        }
        return new int[] {start, Math.max(end, start)};
    }
}
