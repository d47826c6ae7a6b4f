package dev.modelcard.config;

import dev.modelcard.files.RegularFiles;
import dev.modelcard.pack.PackException;
import dev.modelcard.pack.PackLoader;
import dev.modelcard.pack.PackProblem;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.pack.PlaceholderRule;
import dev.modelcard.pack.RulePack;
import dev.modelcard.pack.YamlMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads {@code .modelcard.yaml} files and client settings (JSON is YAML) into a {@link ProjectConfig}, with
 * every problem at its line and column. Paths in a file are relative to it, and must stay inside the folders
 * the caller allows: a configuration in a cloned repository must not make the server read elsewhere.
 */
public final class ConfigLoader {
    public static final String FILE_NAME = ".modelcard.yaml";
    static final Set<String> KEYS = Set.of("extends", "template", "rules", "packs", "placeholders", "glossary",
            "ignore");
    /** Client settings have the same keys, plus the server's own and those an editor keeps for itself. */
    static final Set<String> SETTINGS_KEYS = Set.of("template", "rules", "packs", "placeholders", "glossary",
            "ignore", "debounceMs", "java", "trace");
    private static final Set<String> PLACEHOLDER_KEYS = Set.of("add", "accept");
    private static final int MAX_EXTENDS = 8;

    private final Predicate<Path> allowed;
    private final Function<Path, String> reader;

    /**
     * @param allowed whether a file may be read (inside the workspace)
     * @param reader a file's text: an open editor's text first, else the disk's; null when it cannot be read
     */
    public ConfigLoader(Predicate<Path> allowed, Function<Path, String> reader) {
        this.allowed = allowed;
        this.reader = reader;
    }

    /** Reads files from disk, any folder allowed (the command line, where the user names the files). */
    public static ConfigLoader fromDisk() {
        return new ConfigLoader(p -> true, ConfigLoader::readDisk);
    }

    /** A regular file's text, at most the size a pack may have; null when it cannot (or must not) be read. */
    public static String readDisk(Path p) {
        try {
            return RegularFiles.read(p, PackLoader.MAX_PACK_CHARS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether a file may be read: its real path (every link resolved) must be allowed, so a link inside the
     * workspace cannot lead outside it.
     */
    private boolean allows(Path file) {
        return allowed.test(RegularFiles.real(file));
    }

    /** A configuration file, with the files it extends merged beneath it. */
    public ProjectConfig load(Path file) {
        return load(file.toAbsolutePath().normalize(), new ArrayList<>());
    }

    private ProjectConfig load(Path file, List<Path> chain) {
        if (!allows(file)) {
            return problem(file, 1, 1, file + " leads outside the workspace (" + RegularFiles.real(file)
                    + "); refused");
        }
        String text = reader.apply(file);
        if (text == null) {
            return problem(file, 1, 1, "cannot read " + file);
        }
        return parse(text, file, chain);
    }

    /** The text of a configuration file (an editor's unsaved text, say); {@code file} places relative paths. */
    public ProjectConfig parse(String text, Path file) {
        return parse(text, file.toAbsolutePath().normalize(), new ArrayList<>());
    }

    private ProjectConfig parse(String text, Path file, List<Path> chain) {
        chain.add(file);
        List<PackProblem> problems = new ArrayList<>();
        Node root;
        try {
            root = PackLoader.compose(text, file.toString(), "configuration");
        } catch (PackException e) {
            return problems(file, e.problems());
        }
        YamlMap map = YamlMap.of(file.toString(), root, "a configuration", KEYS, problems);
        if (map == null) {
            return problems(file, problems);
        }
        ProjectConfig base = ProjectConfig.EMPTY;
        String extendsPath = map.string("extends", false);
        if (extendsPath != null) {
            Path target = file.getParent().resolve(extendsPath).normalize();
            if (chain.contains(target)) {
                map.problem(map.value("extends"), "'extends' makes a cycle: " + chain + " -> " + target);
            } else if (chain.size() >= MAX_EXTENDS) {
                map.problem(map.value("extends"), "'extends' goes deeper than " + MAX_EXTENDS + " files");
            } else if (!allows(target)) {
                map.problem(map.value("extends"), "'extends' points outside the workspace ("
                        + RegularFiles.real(target) + "); refused");
            } else if (reader.apply(target) == null) {
                map.problem(map.value("extends"), "'extends' names a file that cannot be read: " + target);
            } else {
                base = load(target, new ArrayList<>(chain));
            }
        }
        ProjectConfig own = read(map, file.getParent(), problems, true);
        if (own.template() != null && chain.size() == 1) { // a file it extends may name a pack this file adds
            List<Path> packs = new ArrayList<>(base.packs());
            packs.addAll(own.packs());
            checkTemplate(map, own.template(), packs);
        }
        return base.with(new ProjectConfig(List.of(file), own.template(), own.rules(), own.packs(),
                own.placeholders(), own.accept(), own.glossary(), own.ignore(), List.copyOf(problems)));
    }

    /**
     * Client settings, as sent in {@code initializationOptions} or a configuration change (JSON); {@code base}
     * places relative pack paths. Settings are the user's own, so their paths are not limited.
     */
    public static ProjectConfig settings(String json, Path base, String label) {
        List<PackProblem> problems = new ArrayList<>();
        Node root;
        try {
            root = PackLoader.compose(json, label, "settings");
        } catch (PackException e) {
            return new ProjectConfig(List.of(), null, Map.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), e.problems());
        }
        YamlMap map = YamlMap.of(label, root, "the settings", SETTINGS_KEYS, problems);
        if (map == null) {
            return new ProjectConfig(List.of(), null, Map.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), problems);
        }
        ProjectConfig c = new ConfigLoader(p -> true, ConfigLoader::readDisk).read(map, base, problems, false);
        return new ProjectConfig(List.of(), c.template(), c.rules(), c.packs(), c.placeholders(), c.accept(),
                c.glossary(), c.ignore(), List.copyOf(problems));
    }

    private ProjectConfig read(YamlMap map, Path dir, List<PackProblem> problems, boolean limitPaths) {
        String file = map.file();
        String template = map.string("template", false);
        if (template != null && (template.isBlank() || template.equals("auto"))) {
            template = null;
        }
        Map<String, String> rules = map.ruleMap("rules");
        List<Path> packs = map.items("packs", n -> {
            String s = scalar(map, n, "packs");
            if (s == null) {
                return null;
            }
            Path p = dir.resolve(s).normalize();
            if (limitPaths && !allows(p)) {
                map.problem(n, "pack '" + s + "' is outside the workspace (" + RegularFiles.real(p) + "); refused");
                return null;
            }
            if (reader.apply(p) == null) {
                map.problem(n, "pack '" + s + "' cannot be read (" + p + ")");
                return null;
            }
            return p;
        });
        List<PlaceholderRule> add = new ArrayList<>();
        List<Pattern> accept = new ArrayList<>();
        if (map.has("placeholders")) {
            YamlMap ph = YamlMap.of(file, map.value("placeholders"), "'placeholders'", PLACEHOLDER_KEYS, problems);
            if (ph != null) {
                add.addAll(ph.items("add", n -> PackLoader.placeholder(file, n, problems)));
                accept.addAll(ph.items("accept", n -> acceptPattern(ph, n, problems)));
            }
        }
        var glossary = map.items("glossary", n -> PackLoader.glossaryTerm(file, n, problems));
        List<ProjectConfig.Ignore> ignore = map.items("ignore", n -> {
            String glob = scalar(map, n, "ignore");
            if (glob == null) {
                return null;
            }
            try {
                return new ProjectConfig.Ignore(dir, glob, Glob.of(glob));
            } catch (IllegalArgumentException e) {
                map.problem(n, "'" + glob + "' is not a valid glob: " + e.getMessage());
                return null;
            }
        });
        return new ProjectConfig(List.of(), template, rules, packs, add, accept, glossary, ignore, List.of());
    }

    /**
     * A template must be a bundled one or one of the configuration's packs (whose id is its file name); else the
     * cards would silently be taken for no model card at all.
     */
    private static void checkTemplate(YamlMap map, String template, List<Path> packs) {
        Set<String> known = new TreeSet<>(BundledTemplates.IDS);
        for (Path p : packs) {
            String name = p.getFileName().toString();
            known.add(name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name);
        }
        if (!known.contains(template)) {
            String near = YamlMap.nearest(template, known);
            map.problem(map.value("template"), "unknown template '" + template + "'"
                    + (near == null ? "" : "; did you mean '" + near + "'?") + " Known: " + known);
        }
    }

    /** The bundled templates' ids, read once. */
    private static final class BundledTemplates {
        static final List<String> IDS = PackRegistry.bundled().templates().stream().map(RulePack::id).toList();
    }

    /** A literal text (compared ignoring case), or {@code {regex: ...}}. */
    private static Pattern acceptPattern(YamlMap parent, Node n, List<PackProblem> problems) {
        if (n instanceof ScalarNode s) {
            return Pattern.compile(Pattern.quote(s.getValue().strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
        YamlMap m = YamlMap.of(parent.file(), n, "an accepted placeholder", Set.of("regex"), problems);
        String regex = m == null ? null : m.string("regex", true);
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            m.problem(m.value("regex"), "'regex' is not a valid regular expression: " + e.getDescription());
            return null;
        }
    }

    private static String scalar(YamlMap map, Node n, String key) {
        if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
            return s.getValue();
        }
        map.problem(n, "each item of '" + key + "' must be a path or pattern");
        return null;
    }

    private static ProjectConfig problem(Path file, int line, int col, String message) {
        return problems(file, List.of(new PackProblem(file.toString(), line, col, message)));
    }

    private static ProjectConfig problems(Path file, List<PackProblem> problems) {
        return new ProjectConfig(List.of(file), null, Map.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.copyOf(problems));
    }
}
