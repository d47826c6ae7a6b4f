package dev.modelcard.cli;

import dev.modelcard.check.CardChecker;
import dev.modelcard.check.CheckOptions;
import dev.modelcard.config.ConfigFinder;
import dev.modelcard.config.ConfigLoader;
import dev.modelcard.config.ProjectConfig;
import dev.modelcard.files.RegularFiles;
import dev.modelcard.pack.PackProblem;
import dev.modelcard.pack.PackRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration of each card on the command line: {@code --config}, or the nearest {@code .modelcard.yaml}
 * (read once, its problems printed once), and a checker for each set of rule packs.
 */
final class Configs {
    /** A card's configuration and the checker with its packs. */
    record ForCard(ProjectConfig config, CardChecker checker, boolean broken) {
        /** The configured options; a template named on the command line wins over the file's. */
        CheckOptions options(String template) {
            return template == null ? config.options() : config.options().withTemplate(template);
        }
    }

    private final Path explicit;
    private final List<Path> extraPacks;
    private final PrintWriter err;
    private final Map<Path, ProjectConfig> loaded = new HashMap<>();
    private final Map<List<Path>, CardChecker> checkers = new HashMap<>();
    private final Set<Path> reported = new HashSet<>();

    Configs(Path explicit, List<Path> extraPacks, PrintWriter err) {
        this.explicit = explicit;
        this.extraPacks = extraPacks;
        this.err = err;
    }

    ForCard forCard(Path card) {
        Optional<Path> file = explicit != null ? Optional.of(explicit) : ConfigFinder.nearest(card, null);
        ProjectConfig config = file.map(f -> loaded.computeIfAbsent(f.toAbsolutePath().normalize(), this::load))
                .orElse(ProjectConfig.EMPTY);
        boolean broken = !config.problems().isEmpty();
        if (broken && file.isPresent() && reported.add(file.get().toAbsolutePath().normalize())) {
            for (PackProblem p : config.problems()) {
                err.println(p);
            }
        }
        List<Path> packs = new ArrayList<>(extraPacks);
        packs.addAll(config.packs());
        CardChecker checker = checkers.computeIfAbsent(packs, this::checker);
        return new ForCard(config, checker, broken);
    }

    /**
     * A discovered file may only read inside its repository (the folder holding {@code .git}, else its own
     * folder); a file named with {@code --config} is the user's choice.
     */
    private ProjectConfig load(Path file) {
        Path root = explicit != null ? null : RegularFiles.real(ConfigFinder.repositoryOf(file));
        ConfigLoader loader = new ConfigLoader(p -> root == null || p.startsWith(root), ConfigLoader::readDisk);
        return loader.load(file);
    }

    private CardChecker checker(List<Path> packs) {
        PackRegistry registry = packs.isEmpty() ? PackRegistry.bundled() : PackRegistry.withFiles(packs);
        if (packs.size() > extraPacks.size()) {
            for (PackProblem p : registry.problems()) {
                err.println(p + " (pack not used)");
            }
        }
        return new CardChecker(registry, (message, e) -> err.println("internal error: " + message + ": " + e));
    }
}
