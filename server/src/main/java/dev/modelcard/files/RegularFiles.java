package dev.modelcard.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reading data files named by a repository (configurations, rule packs). Only a regular file is read, and its size
 * is checked before reading and bounded while reading: a link to {@code /dev/zero}, a FIFO or
 * {@code /proc/self/fd/0} is refused at once instead of filling memory or blocking.
 */
public final class RegularFiles {
    private RegularFiles() {}

    /** The file's UTF-8 text; an {@link IOException} with a reason when it is not a regular file or too large. */
    public static String read(Path file, long maxBytes) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attrs.isRegularFile()) {
            throw new IOException(file + " is not a regular file");
        }
        if (attrs.size() > maxBytes) {
            throw new IOException(file + " is larger than " + maxBytes / 1024 + " KiB");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IOException(file + " is larger than " + maxBytes / 1024 + " KiB"); // it grew
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * {@link Files#isRegularFile} and {@link Files#exists} (links followed) without an exception for a file that
     * is not there: a run over thousands of cards asks for each card's companions and configuration, which are
     * nearly never there.
     */
    public static boolean isFile(Path p) {
        return isDefault(p) ? p.toFile().isFile() : Files.isRegularFile(p);
    }

    public static boolean exists(Path p) {
        return isDefault(p) ? p.toFile().exists() : Files.exists(p);
    }

    private static boolean isDefault(Path p) {
        return p.getFileSystem() == FileSystems.getDefault();
    }

    /** The file's real path (links resolved), or its normalized absolute path when it does not exist. */
    public static Path real(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException | RuntimeException e) {
            Path parent = abs.getParent();
            // A file not yet there: its folder's real path still decides where it would be.
            return parent == null || parent.equals(abs) ? abs : real(parent).resolve(abs.getFileName());
        }
    }
}
