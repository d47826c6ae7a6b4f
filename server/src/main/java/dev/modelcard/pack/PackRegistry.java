package dev.modelcard.pack;

import dev.modelcard.files.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The packs in use: the bundled ones and any the user adds. A pack with a problem is left out and its problems
 * kept for reporting; the others stay usable.
 */
public final class PackRegistry {
    /**
     * A pack file's name (for messages and the expected id) and its text, or for a bundled pack the document
     * composed at build time ({@link PackCompiler}).
     */
    public record Source(String file, String text, Node node) {
        public Source(String file, String text) {
            this(file, text, null);
        }

        String stem() {
            String name = Path.of(file).getFileName().toString();
            return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
        }

        RulePack parse() throws PackException {
            return node != null ? PackLoader.parse(node, file, stem()) : PackLoader.parse(text, file, stem());
        }
    }

    private final Map<String, RulePack> packs;
    private final List<PackProblem> problems;
    /** See {@link #templates()}: found once, as a check asks for them per card. */
    private final List<RulePack> templates;

    private PackRegistry(Map<String, RulePack> packs, List<PackProblem> problems) {
        this.packs = Collections.unmodifiableMap(packs);
        this.problems = List.copyOf(problems);
        List<RulePack> followed = new ArrayList<>();
        for (RulePack p : packs.values()) {
            if (!p.sections().isEmpty() || p.detection().isPresent()) {
                followed.add(p);
            }
        }
        this.templates = List.copyOf(followed);
    }

    /** Loads and links packs; a later source with the same id replaces an earlier one. */
    public static PackRegistry of(List<Source> sources) {
        Map<String, RulePack> raw = new LinkedHashMap<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        List<PackProblem> problems = new ArrayList<>();
        for (Source s : sources) {
            try {
                RulePack p = s.parse();
                raw.put(p.id(), p);
                fileOf.put(p.id(), s.file());
            } catch (PackException e) {
                problems.addAll(e.problems());
            }
        }
        Map<String, RulePack> linked = new LinkedHashMap<>();
        for (RulePack p : raw.values()) {
            RulePack resolved = link(p, raw, new ArrayList<>(), fileOf, problems);
            if (resolved != null) {
                linked.put(p.id(), resolved);
            }
        }
        return new PackRegistry(linked, problems);
    }

    private static RulePack link(RulePack p, Map<String, RulePack> raw, List<String> chain,
            Map<String, String> fileOf, List<PackProblem> problems) {
        if (p.extendsId().isEmpty()) {
            return p;
        }
        String baseId = p.extendsId().get();
        chain.add(p.id());
        RulePack base = raw.get(baseId);
        if (base == null || chain.contains(baseId)) {
            problems.add(new PackProblem(fileOf.get(p.id()), 1, 1, base == null
                    ? "'extends' names an unknown pack '" + baseId + "'"
                    : "'extends' makes a cycle: " + String.join(" -> ", chain) + " -> " + baseId));
            return null;
        }
        RulePack resolvedBase = link(base, raw, chain, fileOf, problems);
        if (resolvedBase == null) {
            return null;
        }
        List<PackProblem> editProblems = new ArrayList<>();
        List<SectionRule> inherited = p.edits().apply(resolvedBase.sections(), editProblems);
        problems.addAll(editProblems);
        return editProblems.isEmpty() ? p.withBase(resolvedBase, inherited) : null;
    }

    /**
     * The problems of one pack file's text, linked against the bundled packs as it would be when used (an
     * {@code extends} and its section ids are checked too).
     */
    public static List<PackProblem> problemsOf(String file, String text) {
        List<Source> sources = new ArrayList<>(bundledSources());
        sources.add(new Source(file, text));
        return of(sources).problems().stream().filter(p -> p.file().equals(file)).toList();
    }

    /** The packs shipped inside the jar. */
    public static PackRegistry bundled() {
        return of(bundledSources());
    }

    /** The bundled packs plus user pack files; a user pack with a bundled pack's id replaces it. */
    public static PackRegistry withFiles(List<Path> files) {
        List<Source> sources = new ArrayList<>(bundledSources());
        List<PackProblem> unreadable = new ArrayList<>();
        for (Path f : files) {
            try {
                sources.add(new Source(f.toString(), RegularFiles.read(f, PackLoader.MAX_PACK_CHARS)));
            } catch (IOException | RuntimeException e) {
                unreadable.add(new PackProblem(f.toString(), 1, 1, "cannot read pack: " + e.getMessage()));
            }
        }
        PackRegistry r = of(sources);
        List<PackProblem> all = new ArrayList<>(unreadable);
        all.addAll(r.problems);
        return new PackRegistry(new LinkedHashMap<>(r.packs), all);
    }

    /** The packs shipped inside the jar (or among the build's classes), as composed at build time. */
    static List<Source> bundledSources() {
        try (InputStream in = PackRegistry.class.getResourceAsStream("/" + PackCompiler.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled rule packs (" + PackCompiler.RESOURCE
                        + ") are missing: build with Maven");
            }
            return PackNodes.read(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled rule packs: " + e.getMessage(), e);
        }
    }

    public Optional<RulePack> get(String id) {
        return Optional.ofNullable(packs.get(id));
    }

    /**
     * The packs a card can follow: those with sections or a way to detect them (a base such as {@code common}
     * has neither).
     */
    public List<RulePack> templates() {
        return templates;
    }

    public List<PackProblem> problems() {
        return problems;
    }
}
