package dev.modelcard.pack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** Reads one rule pack file and checks it against the schema in {@code rules/README.md}. */
public final class PackLoader {
    private static final Set<String> PACK_KEYS = Set.of("id", "name", "short-name", "source", "extends", "detection",
            "title", "sections", "glossary", "placeholders", "severities", "remove", "change", "add", "metadata");
    /** The metadata schemas a pack can name: the front matter rules the checker knows. */
    private static final Set<String> METADATA_SCHEMAS = Set.of("huggingface");
    private static final Set<String> DETECTION_KEYS =
            Set.of("companions", "signature", "min-signature", "min-sections", "min-share",
            "metadata-keys", "other-keys", "markers");
    private static final Set<String> TITLE_KEYS = Set.of("level", "requirement", "guidance", "instructions");
    private static final Set<String> SECTION_KEYS = Set.of("id", "title", "aliases", "level", "requirement",
            "guidance", "suggested", "skeleton", "fields", "instructions", "table-of-contents", "sections");
    private static final Set<String> CHANGE_KEYS = Set.of("title", "aliases", "level", "requirement", "guidance",
            "suggested", "skeleton", "fields", "instructions", "table-of-contents");
    private static final Set<String> ADD_KEYS = union(SECTION_KEYS, Set.of("after", "under"));
    private static final Set<String> GLOSSARY_KEYS = Set.of("term", "definition");
    private static final Set<String> PLACEHOLDER_KINDS = Set.of("text", "regex", "line", "emphasis");
    private static final Set<String> PLACEHOLDER_KEYS = Set.of("text", "regex", "line", "emphasis", "description");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Packs are small hand-written files; anything larger is refused before it is parsed. */
    public static final int MAX_PACK_CHARS = 2 * 1024 * 1024;
    /** Far deeper than a pack or configuration needs (they nest about five levels). */
    public static final int MAX_DEPTH = 64;

    private PackLoader() {}

    /** Safe YAML settings: no aliases to speak of, bounded nesting and size, duplicate keys refused. */
    public static LoadSettings yamlSettings(String label, int length) {
        return yamlSettings(label, length, MAX_PACK_CHARS, 20);
    }

    /** As {@link #yamlSettings(String, int)}, with another size limit and alias limit (front matter's). */
    public static LoadSettings yamlSettings(String label, int length, int maxChars, int maxAliases) {
        return LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(maxAliases)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(maxChars)
                .setUseMarks(true)
                // The reader copies its window each time it refills it while a token is open: with the default
                // 1 KiB buffer a long comment or scalar costs its length squared. One buffer for the whole text.
                .setBufferSize(Math.max(1024, length + 1))
                .build();
    }

    /**
     * The YAML document of a data file, read with {@link #yamlSettings}; any syntax error is a problem at its
     * position. {@code what} names the file kind in messages ("pack", "configuration").
     */
    public static Node compose(String text, String file, String what) throws PackException {
        if (text.length() > MAX_PACK_CHARS) {
            throw new PackException(List.of(new PackProblem(file, 1, 1, what + " is larger than 2 MiB")));
        }
        int[] deep = tooDeep(text);
        if (deep != null) {
            throw new PackException(List.of(new PackProblem(file, deep[0], deep[1], what + " is nested deeper than "
                    + MAX_DEPTH + " levels; refused")));
        }
        try {
            LoadSettings settings = yamlSettings(file, text.length());
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> single = composer.getSingleNode();
            if (single.isEmpty()) {
                throw new PackException(List.of(new PackProblem(file, 1, 1, what + " is empty")));
            }
            ScalarNode twice = duplicateKey(single.get());
            if (twice != null) {
                throw new PackException(List.of(YamlMap.at(file, twice, "YAML syntax: found duplicate key "
                        + twice.getValue())));
            }
            return single.get();
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String reason = (e.getProblem() == null ? "invalid YAML" : e.getProblem().trim());
            throw new PackException(List.of(m == null
                    ? new PackProblem(file, 1, 1, "YAML syntax: " + reason)
                    : new PackProblem(file, m.getLine() + 1, m.getColumn() + 1, "YAML syntax: " + reason)));
        } catch (YamlEngineException e) {
            throw new PackException(List.of(new PackProblem(file, 1, 1, "YAML: " + e.getMessage())));
        } catch (StackOverflowError e) {
            throw new PackException(List.of(new PackProblem(file, 1, 1, what + " is nested too deeply; refused")));
        }
    }

    /**
     * The first key that repeats one before it in the same mapping, or null. The composer does not look (only
     * snakeyaml's constructor does, and nodes are read here without it), so every YAML reader checks here.
     */
    public static ScalarNode duplicateKey(Node n) {
        if (n instanceof MappingNode m) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && !seen.add(k.getValue())) {
                    return k;
                }
                ScalarNode inner = duplicateKey(t.getValueNode());
                if (inner != null) {
                    return inner;
                }
            }
        } else if (n instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                ScalarNode inner = duplicateKey(item);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /**
     * Where a text nests flow collections ({@code [[[...}) or indents blocks ({@code "- - - ..."} counts as
     * indentation) past any real data file's depth, as line and column; null when it does not. The YAML parser
     * recurses per level, so this is checked before parsing (front matter too).
     */
    public static int[] tooDeep(String text) {
        int depth = 0;
        int line = 1;
        int lineStart = 0;
        boolean indent = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                indent = true;
                continue;
            }
            if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return new int[] {line, i - lineStart + 1};
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            // A block sequence or key indicator opens a level as surely as indentation does.
            boolean indicator = (c == '-' || c == '?' || c == ':') && i + 1 < text.length()
                    && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t');
            indent &= c == ' ' || c == '\t' || indicator;
            if (indent && i - lineStart >= 2 * MAX_DEPTH) {
                return new int[] {line, i - lineStart + 1};
            }
        }
        return null;
    }

    /**
     * Parses a pack. {@code file} names it in problems; {@code expectedId}, when given, must equal the pack's id
     * (the file name stem). The pack's {@code extends} is not resolved here.
     */
    public static RulePack parse(String text, String file, String expectedId) throws PackException {
        if (text.length() > MAX_PACK_CHARS) {
            throw new PackException(List.of(new PackProblem(file, 1, 1, "pack is larger than 2 MiB")));
        }
        return parse(compose(text, file, "pack"), file, expectedId);
    }

    /** As {@link #parse(String, String, String)}, from the document {@link #compose} made of the text. */
    static RulePack parse(Node root, String file, String expectedId) throws PackException {
        List<PackProblem> problems = new ArrayList<>();
        YamlMap pack = YamlMap.of(file, root, "a rule pack", PACK_KEYS, problems);
        if (pack == null) {
            throw new PackException(problems);
        }
        String id = pack.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            pack.problem(pack.value("id"), "'id' must be lower-case letters, digits and '-', not '" + id + "'");
        } else if (id != null && expectedId != null && !id.equals(expectedId)) {
            pack.problem(pack.value("id"), "'id' is '" + id + "' but the file is named " + expectedId + ".yaml");
        }
        String name = pack.string("name", true);
        String shortName = pack.string("short-name", false);
        pack.string("source", false);
        String extendsId = pack.string("extends", false);
        Detection detection = pack.has("detection") ? detection(pack, problems) : null;
        TitleRule title = pack.has("title") ? title(pack, problems) : null;
        Set<String> ids = new HashSet<>();
        if (!pack.has("sections") && extendsId == null) {
            pack.problem(pack.node(), "missing required key 'sections' (only a pack that extends another inherits them)");
        }
        List<SectionRule> sections = pack.items("sections", n -> section(file, n, ids, problems, SECTION_KEYS));
        SectionEdits edits = edits(pack, ids, extendsId, problems);
        List<GlossaryTerm> glossary = pack.items("glossary", n -> glossaryTerm(file, n, problems));
        List<PlaceholderRule> placeholders = pack.items("placeholders", n -> placeholder(file, n, problems));
        Map<String, String> severities = pack.ruleMap("severities");
        String metadata = pack.string("metadata", false);
        if (metadata != null && !METADATA_SCHEMAS.contains(metadata)) {
            pack.problem(pack.value("metadata"), "'metadata' must be one of " + METADATA_SCHEMAS + ", not '"
                    + metadata + "'");
        }
        if (detection != null) {
            for (String sig : detection.signature()) {
                if (!ids.contains(sig)) {
                    pack.problem(pack.value("detection"), "signature names an unknown section id '" + sig + "'");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PackException(problems);
        }
        return new RulePack(id, name, shortName == null ? name : shortName, extendsId, detection, title, sections,
                glossary, placeholders, severities, edits, metadata);
    }

    private static Detection detection(YamlMap pack, List<PackProblem> problems) {
        YamlMap d = YamlMap.of(pack.file(), pack.value("detection"), "'detection'", DETECTION_KEYS, problems);
        if (d == null) {
            return null;
        }
        Integer minSignature = d.integer("min-signature", 0, 1000);
        Integer minSections = d.integer("min-sections", 0, 1000);
        Double minShare = d.number("min-share", 0, 1);
        return new Detection(d.strings("companions"), d.strings("signature"),
                minSignature == null ? 0 : minSignature,
                minSections == null ? 1 : minSections,
                minShare == null ? 0 : minShare, d.strings("metadata-keys"), d.strings("other-keys"),
                d.strings("markers"));
    }

    private static TitleRule title(YamlMap pack, List<PackProblem> problems) {
        YamlMap t = YamlMap.of(pack.file(), pack.value("title"), "'title'", TITLE_KEYS, problems);
        if (t == null) {
            return null;
        }
        Integer level = t.integer("level", 1, 6);
        return new TitleRule(level == null ? 1 : level, requirement(t), text(t.string("guidance", false)),
                t.strings("instructions"));
    }

    /** {@code remove}, {@code change} and {@code add}: how a pack that extends another edits its sections. */
    private static SectionEdits edits(YamlMap pack, Set<String> ids, String extendsId, List<PackProblem> problems) {
        String file = pack.file();
        for (String key : List.of("remove", "change", "add")) {
            if (pack.has(key) && (extendsId == null || pack.has("sections"))) {
                pack.problem(pack.value(key), "'" + key + "' edits inherited sections: it needs 'extends' and no "
                        + "'sections' of its own");
            }
        }
        List<SectionEdits.Ref> remove = pack.items("remove", n -> n instanceof ScalarNode sc ? ref(sc.getValue(), n)
                : null);
        List<SectionEdits.Change> change = new ArrayList<>();
        if (pack.has("change")) {
            YamlMap all = YamlMap.of(file, pack.value("change"), "'change'", problems);
            if (all != null) {
                for (String id : all.keys()) {
                    YamlMap c = YamlMap.of(file, all.value(id), "the change of '" + id + "'", CHANGE_KEYS, problems);
                    if (c != null) {
                        change.add(new SectionEdits.Change(ref(id, all.keyNode(id)), c.string("title", false),
                                c.has("aliases") ? c.strings("aliases") : null, c.integer("level", 1, 6),
                                c.has("requirement") ? requirement(c) : null, text(c.string("guidance", false)),
                                text(c.string("suggested", false)), text(c.string("skeleton", false)),
                                c.has("fields") ? c.strings("fields") : null,
                                c.has("instructions") ? c.strings("instructions") : null,
                                c.has("table-of-contents") ? c.bool("table-of-contents") : null));
                    }
                }
            }
        }
        List<SectionEdits.Addition> add = pack.items("add", n -> {
            SectionRule section = section(file, n, ids, problems, ADD_KEYS);
            YamlMap a = YamlMap.of(file, n, "an added section", problems);
            if (section == null || a == null) {
                return null;
            }
            if (a.has("after") == a.has("under")) {
                a.problem(n, "an added section needs exactly one of 'after' (a section id) or 'under' (a section id)");
                return null;
            }
            String where = a.has("after") ? "after" : "under";
            String anchor = a.string(where, true);
            SectionEdits.Ref r = anchor == null ? null : ref(anchor, a.value(where));
            return r == null ? null : new SectionEdits.Addition(section, where.equals("after") ? r : null,
                    where.equals("under") ? r : null);
        });
        return remove.isEmpty() && change.isEmpty() && add.isEmpty() ? SectionEdits.NONE
                : new SectionEdits(file, remove, change, add);
    }

    private static SectionEdits.Ref ref(String id, Node at) {
        var mark = at.getStartMark();
        return new SectionEdits.Ref(id, mark.map(m -> m.getLine() + 1).orElse(1),
                mark.map(m -> m.getColumn() + 1).orElse(1));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }

    private static SectionRule section(String file, Node node, Set<String> ids, List<PackProblem> problems,
            Set<String> keys) {
        YamlMap s = YamlMap.of(file, node, "a section", keys, problems);
        if (s == null) {
            return null;
        }
        String id = s.string("id", true);
        if (id != null) {
            if (!ID.matcher(id).matches()) {
                s.problem(s.value("id"), "section id must be lower-case letters, digits and '-', not '" + id + "'");
            } else if (!ids.add(id)) {
                s.problem(s.value("id"), "section id '" + id + "' is used twice");
            }
        }
        String title = s.string("title", true);
        Integer level = s.integer("level", 1, 6);
        if (level == null && !s.has("level")) {
            s.problem(node, "missing required key 'level'");
        }
        List<SectionRule> children = s.items("sections", n -> section(file, n, ids, problems, SECTION_KEYS));
        int lv = level == null ? 1 : level;
        for (SectionRule child : children) {
            if (child.level() <= lv) {
                s.problem(s.value("sections"), "subsection '" + child.id() + "' must have a deeper level than " + lv);
            }
        }
        return new SectionRule(id, title == null ? "" : title, s.strings("aliases"), lv, requirement(s),
                text(s.string("guidance", false)), text(s.string("suggested", false)),
                text(s.string("skeleton", false)), s.strings("fields"), s.strings("instructions"), s.bool("table-of-contents"), children);
    }

    private static Requirement requirement(YamlMap m) {
        String word = m.string("requirement", false);
        if (word == null) {
            return Requirement.REQUIRED;
        }
        Requirement r = Requirement.of(word);
        if (r == null) {
            m.problem(m.value("requirement"), "'requirement' must be required, recommended or optional, not '"
                    + word + "'");
            return Requirement.REQUIRED;
        }
        return r;
    }

    public static GlossaryTerm glossaryTerm(String file, Node node, List<PackProblem> problems) {
        YamlMap g = YamlMap.of(file, node, "a glossary entry", GLOSSARY_KEYS, problems);
        if (g == null) {
            return null;
        }
        String term = g.string("term", true);
        String definition = g.string("definition", true);
        return term == null || definition == null ? null : new GlossaryTerm(term, text(definition));
    }

    public static PlaceholderRule placeholder(String file, Node node, List<PackProblem> problems) {
        YamlMap p = YamlMap.of(file, node, "a placeholder", PLACEHOLDER_KEYS, problems);
        if (p == null) {
            return null;
        }
        List<String> kinds = new ArrayList<>();
        for (String kind : PLACEHOLDER_KINDS) {
            if (p.has(kind)) {
                kinds.add(kind);
            }
        }
        kinds.sort(null);
        if (kinds.size() != 1) {
            p.problem(node, "a placeholder needs exactly one of text, regex, line or emphasis");
            return null;
        }
        String kind = kinds.get(0);
        String value = p.string(kind, true);
        if (value == null || value.isEmpty()) {
            p.problem(p.value(kind), "'" + kind + "' must not be empty");
            return null;
        }
        String description = p.string("description", false);
        try {
            return switch (kind) {
                case "text" -> new PlaceholderRule(PlaceholderRule.Kind.TEXT,
                        Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                        value, description);
                case "line" -> new PlaceholderRule(PlaceholderRule.Kind.LINE, Pattern.compile(Pattern.quote(value)),
                        value, description);
                case "regex" -> new PlaceholderRule(PlaceholderRule.Kind.REGEX, Pattern.compile(value), value,
                        description);
                default -> new PlaceholderRule(PlaceholderRule.Kind.EMPHASIS, Pattern.compile(value), value,
                        description);
            };
        } catch (PatternSyntaxException e) {
            p.problem(p.value(kind), "'" + kind + "' is not a valid regular expression: " + e.getDescription());
            return null;
        }
    }

    /** Text fields without the trailing newline that YAML block scalars keep. */
    private static String text(String s) {
        return s == null ? null : s.strip();
    }
}
