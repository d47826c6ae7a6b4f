package dev.modelcard.cli;

import dev.modelcard.check.CardChecker;
import dev.modelcard.check.CheckOptions;
import dev.modelcard.config.ConfigLoader;
import dev.modelcard.config.ConfigFinder;
import dev.modelcard.config.ProjectConfig;
import dev.modelcard.files.CardFiles.Input;
import dev.modelcard.files.RegularFiles;
import dev.modelcard.pack.PackProblem;
import dev.modelcard.pack.PackRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of each card on the command line: {@code --config}, or the nearest {@code .modelcard.yaml}.
 * Everything is looked up once per run: the nearest file per folder, each file (its problems printed once),
 * the options per file and a checker (with its packs loaded) per set of packs. Used from one thread.
 */
final class Configs {
    /** A card's configuration, its options and the checker with its packs. */
    record ForCard(ProjectConfig config, CardChecker checker, CheckOptions options, boolean broken) {}

    private final Path explicit;
    private final List<Path> extraPacks;
    private final String template;
    private final PrintWriter err;
    private final Map<Path, Optional<Path>> nearest = new HashMap<>();
    private final Map<Optional<Path>, ForCard> byFile = new HashMap<>();
    private final Map<List<Path>, CardChecker> checkers = new HashMap<>();

    /**
     * @param packs the packs of the command line (bundled and {@code --pack}), already loaded
     * @param template the template named on the command line (it wins over the files'), or null
     */
    Configs(PackRegistry packs, Path explicit, List<Path> extraPacks, String template, PrintWriter err) {
        this.explicit = explicit;
        this.extraPacks = List.copyOf(extraPacks);
        this.template = template;
        this.err = err;
        checkers.put(this.extraPacks, checker(packs));
    }

    /** Whether a configuration file used in the run has a problem (printed when it was read). */
    boolean broken() {
        for (ForCard c : byFile.values()) {
            if (c.broken()) {
                return true;
            }
        }
        return false;
    }

    ForCard forCard(Input card) {
        Optional<Path> file = explicit != null ? Optional.of(explicit.toAbsolutePath().normalize())
                : nearest(card.path().toAbsolutePath().normalize().getParent(), card);
        return byFile.computeIfAbsent(file, this::load);
    }

    /**
     * {@link ConfigFinder#nearest} for a folder, remembered for it and every folder walked through, so that a run
     * over thousands of cards looks at each folder once (the card's own folder only where its walk saw the names).
     */
    private Optional<Path> nearest(Path dir, Input card) {
        List<Path> walked = new ArrayList<>();
        Optional<Path> found = Optional.empty();
        for (Path d = dir; d != null; d = d.getParent()) {
            Optional<Path> known = nearest.get(d);
            if (known != null) {
                found = known;
                break;
            }
            walked.add(d);
            boolean own = d == dir;
            Path candidate = d.resolve(ConfigLoader.FILE_NAME);
            if ((!own || card.mayHold(ConfigLoader.FILE_NAME)) && RegularFiles.isFile(candidate)) {
                found = Optional.of(candidate);
                break;
            }
            if ((!own || card.mayHold(".git")) && RegularFiles.exists(d.resolve(".git"))) {
                break;
            }
        }
        for (Path d : walked) {
            nearest.put(d, found);
        }
        return found;
    }

    private ForCard load(Optional<Path> file) {
        ProjectConfig config = file.map(this::read).orElse(ProjectConfig.EMPTY);
        boolean broken = !config.problems().isEmpty();
        for (PackProblem p : config.problems()) {
            err.println(p);
        }
        List<Path> packs = new ArrayList<>(extraPacks);
        packs.addAll(config.packs());
        CardChecker checker = checkers.computeIfAbsent(packs, this::loadPacks);
        CheckOptions options = template == null ? config.options() : config.options().withTemplate(template);
        return new ForCard(config, checker, options, broken);
    }

    /**
     * A discovered file may only read inside its repository (the folder holding {@code .git}, else its own
     * folder); a file named with {@code --config} is the user's choice.
     */
    private ProjectConfig read(Path file) {
        Path root = explicit != null ? null : RegularFiles.real(ConfigFinder.repositoryOf(file));
        ConfigLoader loader = new ConfigLoader(p -> root == null || p.startsWith(root), ConfigLoader::readDisk);
        return loader.load(file);
    }

    /** Packs named in a configuration file, besides those of the command line (whose problems were printed). */
    private CardChecker loadPacks(List<Path> packs) {
        PackRegistry registry = PackRegistry.withFiles(packs);
        for (PackProblem p : registry.problems()) {
            err.println(p + " (pack not used)");
        }
        return checker(registry);
    }

    private CardChecker checker(PackRegistry registry) {
        return new CardChecker(registry, (message, e) -> err.println("internal error: " + message + ": " + e));
    }
}
