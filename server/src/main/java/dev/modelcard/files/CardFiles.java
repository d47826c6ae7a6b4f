package dev.modelcard.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /** One input of a run: a card file to read, or a path that cannot be read, with the reason. */
    public record Input(Path path, String problem) {
        public boolean isCard() {
            return problem == null;
        }
    }

    /** Opens a folder's listing; the file system's own in a run, another in a test. */
    @FunctionalInterface
    public interface Lister {
        DirectoryStream<Path> open(Path folder) throws IOException;
    }

    /** README.md, MODEL_CARD.md, model_card.md (any case) and *.modelcard.md. */
    public static boolean isCardName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return NAMES.contains(n) || n.endsWith(".modelcard.md");
    }

    /** The inputs of the given paths, in their order; each folder's sorted by path. */
    public static List<Input> inputs(List<Path> paths) {
        return inputs(paths, Files::newDirectoryStream);
    }

    public static List<Input> inputs(List<Path> paths, Lister lister) {
        List<Input> out = new ArrayList<>();
        for (Path p : paths) {
            BasicFileAttributes attrs = attributes(p, true);
            if (attrs == null) {
                boolean link = attributes(p, false) != null;
                out.add(new Input(p, link ? "a symbolic link whose target does not exist (or a link loop)"
                        : "no such file or folder"));
            } else if (attrs.isDirectory()) {
                List<Input> found = walk(p, lister);
                if (found.isEmpty()) {
                    out.add(new Input(p, "no card file in this folder (" + CARD_NAMES + ")"));
                }
                out.addAll(found);
            } else if (attrs.isRegularFile()) {
                out.add(new Input(p, null)); // named explicitly: checked whatever its name, through a link too
            } else {
                out.add(new Input(p, notRegular()));
            }
        }
        return out;
    }

    /** Card files and unreadable paths below a folder, recursively, sorted; links are not followed. */
    static List<Input> walk(Path folder, Lister lister) {
        List<Input> out = new ArrayList<>();
        Deque<Path> folders = new ArrayDeque<>();
        folders.push(folder);
        while (!folders.isEmpty()) {
            Path dir = folders.pop();
            try (DirectoryStream<Path> entries = lister.open(dir)) {
                for (Path entry : entries) {
                    visit(entry, folders, out);
                }
            } catch (IOException | RuntimeException e) {
                out.add(new Input(dir, "cannot list folder: " + reason(e)));
            }
        }
        out.sort(Comparator.comparing(Input::path));
        return out;
    }

    private static void visit(Path entry, Deque<Path> folders, List<Input> out) {
        String name = entry.getFileName().toString();
        BasicFileAttributes attrs = attributes(entry, false);
        if (attrs == null) {
            if (isCardName(name)) {
                out.add(new Input(entry, "cannot read its attributes"));
            }
        } else if (attrs.isDirectory()) {
            if (!name.startsWith(".") && !SKIPPED_FOLDERS.contains(name)) {
                folders.push(entry);
            }
        } else if (!isCardName(name)) {
            return;
        } else if (attrs.isRegularFile()) {
            out.add(new Input(entry, null));
        } else if (attrs.isSymbolicLink()) {
            out.add(new Input(entry, "a symbolic link; links inside a folder are not followed (name the file to "
                    + "check it)"));
        } else {
            out.add(new Input(entry, notRegular()));
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
