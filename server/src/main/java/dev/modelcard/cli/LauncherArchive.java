package dev.modelcard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The checker's class-data archive that {@code bin/modelcard-ls} recorded on this machine, for a check that
 * {@link Relaunch} starts: it is used when it was made for the same JDK, Java version and jar, and is not older
 * than the jar. The launcher writes what it made its archives' key from into {@code launch} beside them
 * ({@code home=}, {@code id=HOME|VERSION|JAR}, {@code key=}, then {@code end}); nothing is recorded from here, so a
 * check on a fresh machine (a CI job) competes with no recording.
 */
final class LauncherArchive {
    /** A larger file is not the launcher's. */
    private static final long MAX_SIZE = 64 * 1024;

    private LauncherArchive() {}

    /** The launcher's folder: {@code ${XDG_CACHE_HOME:-$HOME/.cache}/modelcard-ls}; null without a home. */
    static Path folder(Map<String, String> env) {
        String cache = env.get("XDG_CACHE_HOME");
        if (cache != null && !cache.isEmpty()) {
            return Path.of(cache, "modelcard-ls");
        }
        String home = env.get("HOME");
        return home == null || home.isEmpty() ? null : Path.of(home, ".cache", "modelcard-ls");
    }

    /**
     * The JVM flag that maps the archive, or null when there is none for this JDK and jar.
     *
     * @param version the Java version as the JDK's release file gives it ({@code java.version})
     * @param feature the Java feature release: from 25 the archive is an AOT cache
     */
    static String flag(Path folder, Path javaHome, String version, int feature, Path jar) {
        try {
            Path launch = folder.resolve("launch");
            if (!Files.isRegularFile(launch) || Files.size(launch) > MAX_SIZE) {
                return null;
            }
            String home = null;
            String id = null;
            String key = null;
            boolean complete = false;
            for (String line : Files.readString(launch, StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("home=")) {
                    home = line.substring(5);
                } else if (line.startsWith("id=")) {
                    id = line.substring(3);
                } else if (line.startsWith("key=")) {
                    key = line.substring(4);
                } else if (line.equals("end")) {
                    complete = true;
                }
            }
            String made = home + "|" + version + "|";
            if (!complete || home == null || id == null || key == null || !key.matches("[0-9]{1,10}")
                    || !id.startsWith(made) || !Files.isSameFile(Path.of(home), javaHome)
                    || !Files.isSameFile(Path.of(id.substring(made.length())), jar)) {
                return null;
            }
            boolean aot = feature >= 25;
            Path archive = folder.resolve("modelcard-ls-check-" + version + "-" + key + (aot ? ".aot" : ".jsa"));
            if (!Files.isRegularFile(archive)
                    || Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(archive)) > 0) {
                return null;
            }
            return (aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
