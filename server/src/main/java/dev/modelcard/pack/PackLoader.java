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
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/** Reads one rule pack file and checks it against the schema in {@code rules/README.md}. */
public final class PackLoader {
    private static final Set<String> PACK_KEYS = Set.of("id", "name", "short-name", "source", "extends", "detection",
            "title", "sections", "glossary", "placeholders", "severities");
    private static final Set<String> DETECTION_KEYS =
            Set.of("companions", "signature", "min-signature", "min-sections", "min-share");
    private static final Set<String> TITLE_KEYS = Set.of("level", "requirement", "guidance", "instructions");
    private static final Set<String> SECTION_KEYS = Set.of("id", "title", "aliases", "level", "requirement",
            "guidance", "suggested", "skeleton", "fields", "instructions", "table-of-contents", "sections");
    private static final Set<String> GLOSSARY_KEYS = Set.of("term", "definition");
    private static final Set<String> PLACEHOLDER_KINDS = Set.of("text", "regex", "line", "emphasis");
    private static final Set<String> PLACEHOLDER_KEYS = Set.of("text", "regex", "line", "emphasis", "description");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Packs are small hand-written files; anything larger is refused before it is parsed. */
    static final int MAX_PACK_CHARS = 2 * 1024 * 1024;

    private PackLoader() {}

    /** Safe YAML settings: no aliases to speak of, bounded nesting and size, duplicate keys refused. */
    public static LoadSettings yamlSettings(String label) {
        return LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(20)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(MAX_PACK_CHARS)
                .setUseMarks(true)
                .build();
    }

    /**
     * Parses a pack. {@code file} names it in problems; {@code expectedId}, when given, must equal the pack's id
     * (the file name stem). The pack's {@code extends} is not resolved here.
     */
    public static RulePack parse(String text, String file, String expectedId) throws PackException {
        List<PackProblem> problems = new ArrayList<>();
        if (text.length() > MAX_PACK_CHARS) {
            throw new PackException(List.of(new PackProblem(file, 1, 1, "pack is larger than 2 MiB")));
        }
        Node root;
        try {
            LoadSettings settings = yamlSettings(file);
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> single = composer.getSingleNode();
            if (single.isEmpty()) {
                throw new PackException(List.of(new PackProblem(file, 1, 1, "pack is empty")));
            }
            root = single.get();
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String reason = (e.getProblem() == null ? "invalid YAML" : e.getProblem().trim());
            throw new PackException(List.of(m == null
                    ? new PackProblem(file, 1, 1, "YAML syntax: " + reason)
                    : new PackProblem(file, m.getLine() + 1, m.getColumn() + 1, "YAML syntax: " + reason)));
        } catch (YamlEngineException e) {
            throw new PackException(List.of(new PackProblem(file, 1, 1, "YAML: " + e.getMessage())));
        }

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
        if (!pack.has("sections")) {
            pack.problem(pack.node(), "missing required key 'sections'");
        }
        List<SectionRule> sections = pack.items("sections", n -> section(file, n, ids, problems));
        List<GlossaryTerm> glossary = pack.items("glossary", n -> glossaryTerm(file, n, problems));
        List<PlaceholderRule> placeholders = pack.items("placeholders", n -> placeholder(file, n, problems));
        Map<String, String> severities = pack.ruleMap("severities");
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
                glossary, placeholders, severities);
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
                minShare == null ? 0 : minShare);
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

    private static SectionRule section(String file, Node node, Set<String> ids, List<PackProblem> problems) {
        YamlMap s = YamlMap.of(file, node, "a section", SECTION_KEYS, problems);
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
        List<SectionRule> children = s.items("sections", n -> section(file, n, ids, problems));
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

    private static GlossaryTerm glossaryTerm(String file, Node node, List<PackProblem> problems) {
        YamlMap g = YamlMap.of(file, node, "a glossary entry", GLOSSARY_KEYS, problems);
        if (g == null) {
            return null;
        }
        String term = g.string("term", true);
        String definition = g.string("definition", true);
        return term == null || definition == null ? null : new GlossaryTerm(term, text(definition));
    }

    private static PlaceholderRule placeholder(String file, Node node, List<PackProblem> problems) {
        YamlMap p = YamlMap.of(file, node, "a placeholder", PLACEHOLDER_KEYS, problems);
        if (p == null) {
            return null;
        }
        List<String> kinds = PLACEHOLDER_KINDS.stream().filter(p::has).sorted().toList();
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
