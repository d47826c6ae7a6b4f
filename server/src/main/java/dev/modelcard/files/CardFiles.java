package dev.modelcard.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which files are model cards by name, and finding them in folders. */
public final class CardFiles {
    private static final Set<String> NAMES = Set.of("readme.md", "model_card.md");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", "target", "build", "dist");

    private CardFiles() {}

    /** README.md, MODEL_CARD.md, model_card.md (any case) and *.modelcard.md. */
    public static boolean isCardName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return NAMES.contains(n) || n.endsWith(".modelcard.md");
    }

    /** Card files below a folder, recursively, sorted; hidden folders and build output are passed over. */
    public static List<Path> find(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(folder) && (name.startsWith(".") || SKIPPED_FOLDERS.contains(name));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isCardName(file.getFileName().toString())) {
                    out.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }
}
