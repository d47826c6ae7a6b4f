package dev.modelcard.lsp;

import dev.modelcard.check.CardChecker;
import dev.modelcard.config.ConfigFinder;
import dev.modelcard.config.ConfigLoader;
import dev.modelcard.config.ProjectConfig;
import dev.modelcard.files.RegularFiles;
import dev.modelcard.pack.PackProblem;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.text.TextDocument;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The configuration of each open card: the client's settings under the nearest {@code .modelcard.yaml} between
 * the card and its workspace folder, and a checker with the rule packs they name. Files are read only inside the
 * workspace folders (or the card's own folder tree when there are none), and an open editor's text wins over the
 * disk, so a configuration applies as it is typed. Caches are dropped whenever a configuration or pack changes.
 */
final class Projects {
    /** A card's configuration, and the checker to use. */
    record ForCard(ProjectConfig config, CardChecker checker, boolean ignored) {}

    private final Supplier<Settings> settings;
    private final Function<String, TextDocument> openDocs;
    private final Supplier<CardChecker> bundled;
    private final Consumer<String> report;
    private final BiConsumer<String, Throwable> checkLog;
    private volatile List<Path> roots = List.of();
    // Replaced, not cleared, on a change: a read under way finishes into the old map, never into the new one.
    private volatile Map<Path, ProjectConfig> configs = new ConcurrentHashMap<>();
    private volatile Map<List<Path>, CardChecker> checkers = new ConcurrentHashMap<>();

    /**
     * @param openDocs the open document of a URI, or null
     * @param bundled the checker with the bundled packs only (loaded at start)
     * @param report told once about each problem of a pack
     * @param checkLog told when a check fails or skips a pattern
     */
    Projects(Supplier<Settings> settings, Function<String, TextDocument> openDocs, Supplier<CardChecker> bundled,
            Consumer<String> report, BiConsumer<String, Throwable> checkLog) {
        this.settings = settings;
        this.openDocs = openDocs;
        this.bundled = bundled;
        this.report = report;
        this.checkLog = checkLog;
    }

    void setRoots(List<Path> folders) {
        roots = folders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        forget();
    }

    List<Path> roots() {
        return roots;
    }

    /** Drops every cached configuration and checker: a file they came from changed. */
    void forget() {
        configs = new ConcurrentHashMap<>();
        checkers = new ConcurrentHashMap<>();
    }

    /** True when a path is a configuration or pack file in use, whose change must reach every card. */
    boolean isInUse(Path file) {
        Path p = file.toAbsolutePath().normalize();
        return DataFiles.isConfig(p)
                || configs.values().stream().anyMatch(c -> c.files().contains(p) || c.packs().contains(p))
                || settings.get().config().packs().contains(p);
    }

    ForCard forCard(Path card) {
        ProjectConfig config = settings.get().config();
        if (card != null) {
            Path stop = rootOf(card).orElse(card.toAbsolutePath().normalize().getParent());
            Optional<Path> file = ConfigFinder.nearest(card, stop,
                    f -> openDocs.apply(f.toUri().toString()) != null || Files.exists(f, LinkOption.NOFOLLOW_LINKS));
            if (file.isPresent()) {
                config = config.with(configs.computeIfAbsent(file.get(), f -> loader(stop).load(f)));
            }
        }
        List<Path> packs = config.packs();
        CardChecker checker = packs.isEmpty() ? bundled.get() : checkers.computeIfAbsent(packs, this::checker);
        return new ForCard(config, checker, card != null && config.ignores(card));
    }

    /** The configuration a configuration file gives, read as a card under it would read it (for diagnostics). */
    ProjectConfig configFile(Path file, String text) {
        Path stop = rootOf(file).orElse(file.toAbsolutePath().normalize().getParent());
        return loader(stop).parse(text, file);
    }

    /** The workspace folder holding a file, if any. */
    Optional<Path> rootOf(Path file) {
        Path p = file.toAbsolutePath().normalize();
        return roots.stream().filter(p::startsWith).max((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount()));
    }

    /** Reads inside the workspace folders, or under {@code fallback} when there are none (real paths both). */
    private ConfigLoader loader(Path fallback) {
        List<Path> allowed = (roots.isEmpty() ? List.of(fallback) : roots).stream().map(RegularFiles::real).toList();
        return new ConfigLoader(p -> allowed.stream().anyMatch(p::startsWith), this::read);
    }

    private String read(Path p) {
        TextDocument open = openDocs.apply(p.toUri().toString());
        return open != null ? open.text() : ConfigLoader.readDisk(p);
    }

    private CardChecker checker(List<Path> packs) {
        PackRegistry registry = PackRegistry.withFiles(packs);
        for (PackProblem p : registry.problems()) {
            report.accept("rule pack not used: " + p);
        }
        return new CardChecker(registry, checkLog);
    }

    static Path path(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static List<Path> paths(List<String> uris) {
        List<Path> out = new ArrayList<>();
        for (String u : uris) {
            Path p = path(u);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }
}
