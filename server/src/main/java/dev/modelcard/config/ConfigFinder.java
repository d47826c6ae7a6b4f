package dev.modelcard.config;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/** Finds the configuration file that applies to a card: the nearest {@code .modelcard.yaml} above it. */
public final class ConfigFinder {
    private ConfigFinder() {}

    /** The folder holding {@code .git} above a file, else the file's own folder: a repository's bounds. */
    public static Path repositoryOf(Path file) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return dir;
    }

    /**
     * Walks up from the card's folder to {@code stop} (included); with no stop, to the first folder holding
     * {@code .git} or the file system root, as the command line does.
     */
    public static Optional<Path> nearest(Path card, Path stop) {
        // A link or special file is found too, so that reading it is refused with a reason, not skipped unseen.
        return nearest(card, stop, f -> Files.exists(f, LinkOption.NOFOLLOW_LINKS));
    }

    /** As {@link #nearest(Path, Path)}, with {@code exists} deciding which files there are (an editor's too). */
    public static Optional<Path> nearest(Path card, Path stop, Predicate<Path> exists) {
        Path dir = card.toAbsolutePath().normalize().getParent();
        Path end = stop == null ? null : stop.toAbsolutePath().normalize();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(ConfigLoader.FILE_NAME);
            if (exists.test(candidate)) {
                return Optional.of(candidate);
            }
            if (end != null ? d.equals(end) : Files.exists(d.resolve(".git"))) {
                break;
            }
        }
        return Optional.empty();
    }
}
