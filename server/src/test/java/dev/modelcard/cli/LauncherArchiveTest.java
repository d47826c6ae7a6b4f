package dev.modelcard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's checker archive is mapped by a relaunched check only when it was made for this JDK and jar. */
class LauncherArchiveTest {
    /** As bin/modelcard-ls writes it; HOME and JAR stand for the test's JDK folder and jar. */
    private static final String LAUNCH = "java=/usr/bin/java\nhome=HOME\nid=HOME|17.0.15|JAR\nkey=123\nend\n";

    @TempDir
    Path tmp;

    private Path cache;
    private Path home;
    private Path jar;

    /** A cache as bin/modelcard-ls leaves it: "launch" and the archive named by its key, newer than the jar. */
    private void recorded(String launch, String archive) throws Exception {
        cache = Files.createDirectories(tmp.resolve("cache/modelcard-ls"));
        home = Files.createDirectories(tmp.resolve("jdk"));
        jar = Files.writeString(tmp.resolve("modelcard-ls.jar"), "jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        Files.writeString(cache.resolve("launch"), launch.replace("HOME", home.toString())
                .replace("JAR", jar.toString()));
        Files.setLastModifiedTime(Files.writeString(cache.resolve(archive), "archive"), FileTime.fromMillis(2_000_000));
    }

    @Test
    void theArchiveMadeForThisJdkVersionAndJarIsMapped() throws Exception {
        recorded(LAUNCH, "modelcard-ls-check-17.0.15-123.jsa");
        assertEquals("-XX:SharedArchiveFile=" + cache.resolve("modelcard-ls-check-17.0.15-123.jsa"),
                LauncherArchive.flag(cache, home, "17.0.15", 17, jar));
        // the same files by other paths
        assertEquals("-XX:SharedArchiveFile=" + cache.resolve("modelcard-ls-check-17.0.15-123.jsa"),
                LauncherArchive.flag(cache, tmp.resolve("jdk/../jdk"), "17.0.15", 17,
                        tmp.resolve("./modelcard-ls.jar")));
    }

    @Test
    void fromJava25ItIsTheAotCache() throws Exception {
        recorded(LAUNCH.replace("17.0.15", "25.0.3"), "modelcard-ls-check-25.0.3-123.aot");
        assertEquals("-XX:AOTCache=" + cache.resolve("modelcard-ls-check-25.0.3-123.aot"),
                LauncherArchive.flag(cache, home, "25.0.3", 25, jar));
    }

    @Test
    void anyOtherArchiveOrLaunchFileIsNotUsed() throws Exception {
        recorded(LAUNCH, "modelcard-ls-check-17.0.15-123.jsa");
        assertNull(LauncherArchive.flag(cache, home, "17.0.16", 17, jar), "another version");
        assertNull(LauncherArchive.flag(cache, tmp, "17.0.15", 17, jar), "another JDK");
        assertNull(LauncherArchive.flag(cache, home, "17.0.15", 17, Files.writeString(tmp.resolve("b.jar"), "b")),
                "another jar");
        assertNull(LauncherArchive.flag(cache, home, "17.0.15", 25, jar), "an AOT cache wanted, none recorded");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(3_000_000));
        assertNull(LauncherArchive.flag(cache, home, "17.0.15", 17, jar), "a jar newer than the archive");

        recorded(LAUNCH.replace("end\n", ""), "modelcard-ls-check-17.0.15-123.jsa");
        assertNull(LauncherArchive.flag(cache, home, "17.0.15", 17, jar), "a launch file written in part");
        recorded(LAUNCH.replace("key=123", "key=../../x"), "modelcard-ls-check-17.0.15-123.jsa");
        assertNull(LauncherArchive.flag(cache, home, "17.0.15", 17, jar), "a key that is not cksum's");
        Files.delete(cache.resolve("modelcard-ls-check-17.0.15-123.jsa"));
        recorded(LAUNCH, "modelcard-ls-check-17.0.15-124.jsa");
        assertNull(LauncherArchive.flag(cache, home, "17.0.15", 17, jar), "no archive by that key");
        Files.delete(cache.resolve("launch"));
        assertNull(LauncherArchive.flag(cache, home, "17.0.15", 17, jar), "no launch file");
        Files.createDirectory(cache.resolve("launch"));
        assertNull(LauncherArchive.flag(cache, home, "17.0.15", 17, jar), "a folder named launch");
    }

    @Test
    void theFolderIsTheLaunchersCache() {
        assertEquals(Path.of("/c/modelcard-ls"), LauncherArchive.folder(Map.of("XDG_CACHE_HOME", "/c", "HOME", "/h")));
        assertEquals(Path.of("/h/.cache/modelcard-ls"),
                LauncherArchive.folder(Map.of("XDG_CACHE_HOME", "", "HOME", "/h")));
        assertNull(LauncherArchive.folder(Map.of()));
    }
}
