package dev.modelcard.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which files are model cards by name, and what a run over paths given on the command line reads: every card
 * file, and every path it cannot read, with the reason. Nothing is passed over in silence except what is passed
 * over by design (hidden folders, build output, links to folders, files whose name is not a card's).
 */
public final class CardFiles {
    private static final Set<String> NAMES = Set.of("readme.md", "model_card.md");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", "target", "build", "dist");
    static final String CARD_NAMES = "README.md, MODEL_CARD.md, model_card.md or *.modelcard.md";

    private CardFiles() {}

    /**
     * One input of a run: a card file to read, or a path that cannot be read, with the reason.
     *
     * @param beside the names in the card's folder when a walk listed it (lower-cased), else null
     */
    public record Input(Path path, String problem, Set<String> beside) {
        public Input(Path path, String problem) {
            this(path, problem, null);
        }

        public boolean isCard() {
            return problem == null;
        }

        /**
         * Whether the card's folder may hold a file of that name: false only where the walk listed the folder
         * without it, so that a run over thousands of cards asks the file system only about files that are there
         * (their companions and configuration files nearly never are). Case is ignored, as some file systems do.
         */
        public boolean mayHold(String name) {
            return beside == null || !isAscii(name) || beside.contains(name.toLowerCase(Locale.ROOT));
        }

        private static boolean isAscii(String name) {
            for (int i = 0; i < name.length(); i++) {
                if (name.charAt(i) >= 128) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Lists a folder's entries; {@link #list} in a run, another in a test. */
    @FunctionalInterface
    public interface Lister {
        List<Path> list(Path folder) throws IOException;
    }

    /**
     * A folder's entries. {@link java.io.File#list} reads a folder in one call, without the descriptor copy and the
     * path object per entry of a directory stream (a third of a walk's system calls); a folder it cannot read, or
     * a name it cannot decode, is listed again by a directory stream, which says why or keeps the name's bytes.
     */
    public static List<Path> list(Path folder) throws IOException {
        String[] names = folder.getFileSystem() == FileSystems.getDefault() ? folder.toFile().list() : null;
        List<Path> out = new ArrayList<>();
        if (names != null && decoded(names)) {
            for (String name : names) {
                out.add(folder.resolve(name));
            }
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(out::add);
        }
        return out;
    }

    /** Whether no name holds U+FFFD, which a name whose bytes are not in the platform's encoding reads as. */
    private static boolean decoded(String[] names) {
        for (String name : names) {
            if (name.indexOf('\uFFFD') >= 0) {
                return false;
            }
        }
        return true;
    }

    /** README.md, MODEL_CARD.md, model_card.md (any case) and *.modelcard.md. */
    public static boolean isCardName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return NAMES.contains(n) || n.endsWith(".modelcard.md");
    }

    /** The inputs of the given paths, in their order; each folder's sorted by path. */
    public static List<Input> inputs(List<Path> paths) {
        return inputs(paths, CardFiles::list);
    }

    public static List<Input> inputs(List<Path> paths, Lister lister) {
        List<Input> out = new ArrayList<>();
        each(paths, lister, out::add);
        return out;
    }

    /** The inputs of {@link #inputs}, in the same order, each given to {@code out} as soon as it is found. */
    public static void each(List<Path> paths, Lister lister, Consumer<Input> out) {
        for (Path p : paths) {
            BasicFileAttributes attrs = attributes(p, true);
            if (attrs == null) {
                boolean link = attributes(p, false) != null;
                out.accept(new Input(p, link ? "a symbolic link whose target does not exist (or a link loop)"
                        : "no such file or folder"));
            } else if (attrs.isDirectory()) {
                if (walk(p, lister, out) == 0) {
                    out.accept(new Input(p, "no card file in this folder (" + CARD_NAMES + ")"));
                }
            } else if (attrs.isRegularFile()) {
                out.accept(new Input(p, null)); // named explicitly: checked whatever its name, through a link too
            } else {
                out.accept(new Input(p, notRegular()));
            }
        }
    }

    /** A path due in a walk: an input found, or a folder to list when its turn comes (input null). */
    private record Due(Path path, Input input) {}

    /**
     * Card files and unreadable paths below a folder, recursively, sorted by path; links are not followed.
     * A folder's path sorts before everything in it, so each folder is listed only when its turn comes: the
     * inputs come out in order as they are found, and only the folders not yet listed are held.
     *
     * @return how many inputs were given to {@code out}
     */
    static int walk(Path folder, Lister lister, Consumer<Input> out) {
        int found = 0;
        PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> a.path().compareTo(b.path()));
        due.add(new Due(folder, null));
        while (!due.isEmpty()) {
            Due next = due.poll();
            if (next.input() != null) {
                out.accept(next.input());
                found++;
                continue;
            }
            Path dir = next.path();
            List<Path> listed = List.of();
            try {
                listed = lister.list(dir);
            } catch (IOException | RuntimeException e) {
                due.add(new Due(dir, new Input(dir, "cannot list folder: " + reason(e))));
            }
            Set<String> names = new HashSet<>();
            for (Path entry : listed) {
                names.add(entry.getFileName().toString().toLowerCase(Locale.ROOT));
            }
            for (Path entry : listed) {
                visit(entry, names, due);
            }
        }
        return found;
    }

    /** @param names the names in the entry's folder, for the inputs found there */
    private static void visit(Path entry, Set<String> names, PriorityQueue<Due> due) {
        String name = entry.getFileName().toString();
        BasicFileAttributes attrs = attributes(entry, false);
        if (attrs == null) {
            if (isCardName(name)) {
                due.add(new Due(entry, new Input(entry, "cannot read its attributes")));
            }
        } else if (attrs.isDirectory()) {
            if (!name.startsWith(".") && !SKIPPED_FOLDERS.contains(name)) {
                due.add(new Due(entry, null));
            }
        } else if (!isCardName(name)) {
            return;
        } else if (attrs.isRegularFile()) {
            due.add(new Due(entry, new Input(entry, null, names)));
        } else if (attrs.isSymbolicLink()) {
            due.add(new Due(entry, new Input(entry, "a symbolic link; links inside a folder are not followed (name "
                    + "the file to check it)")));
        } else {
            due.add(new Due(entry, new Input(entry, notRegular())));
        }
    }

    private static String notRegular() {
        return "not a regular file (a FIFO, device or socket); not read";
    }

    private static BasicFileAttributes attributes(Path p, boolean followLinks) {
        try {
            return followLinks ? Files.readAttributes(p, BasicFileAttributes.class)
                    : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** A reason a user can act on: Java's messages for these are only the path. */
    static String reason(Exception e) {
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
