package dev.modelcard.pack;

import dev.modelcard.files.RegularFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The packs in use: the bundled ones and any the user adds. A pack with a problem is left out and its problems
 * kept for reporting; the others stay usable.
 */
public final class PackRegistry {
    private static final String BUNDLED_DIR = "rules/";

    /** A pack file's name (for messages and the expected id) and its text. */
    public record Source(String file, String text) {
        String stem() {
            String name = Path.of(file).getFileName().toString();
            return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
        }
    }

    private final Map<String, RulePack> packs;
    private final List<PackProblem> problems;

    private PackRegistry(Map<String, RulePack> packs, List<PackProblem> problems) {
        this.packs = Collections.unmodifiableMap(packs);
        this.problems = List.copyOf(problems);
    }

    /** Loads and links packs; a later source with the same id replaces an earlier one. */
    public static PackRegistry of(List<Source> sources) {
        Map<String, RulePack> raw = new LinkedHashMap<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        List<PackProblem> problems = new ArrayList<>();
        for (Source s : sources) {
            try {
                RulePack p = PackLoader.parse(s.text(), s.file(), s.stem());
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

    /** The packs shipped inside the jar (or the build's classes folder). */
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

    static List<Source> bundledSources() {
        List<Source> out = new ArrayList<>();
        try {
            Path location = Path.of(PackRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.list(location.resolve(BUNDLED_DIR))) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                        out.add(new Source(BUNDLED_DIR + f.getFileName(), Files.readString(f)));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    List<JarEntry> entries = new ArrayList<>();
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        JarEntry entry = e.nextElement();
                        if (entry.getName().startsWith(BUNDLED_DIR) && entry.getName().endsWith(".yaml")) {
                            entries.add(entry);
                        }
                    }
                    entries.sort((a, b) -> a.getName().compareTo(b.getName()));
                    for (JarEntry entry : entries) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            out.add(new Source(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the bundled rule packs: " + e.getMessage(), e);
        }
        return out;
    }

    public Optional<RulePack> get(String id) {
        return Optional.ofNullable(packs.get(id));
    }

    /**
     * The packs a card can follow: those with sections or a way to detect them (a base such as {@code common}
     * has neither).
     */
    public List<RulePack> templates() {
        return packs.values().stream().filter(p -> !p.sections().isEmpty() || p.detection().isPresent()).toList();
    }

    public List<PackProblem> problems() {
        return problems;
    }
}
