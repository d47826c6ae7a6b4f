package dev.modelcard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * A check or report of a folder started as plain {@code java -jar modelcard-ls.jar} (as CI runs it) goes on in a
 * second JVM started with the flags every launch uses ({@code bin/jvm.options} and {@code bin/jvm-folder.options},
 * which the jar carries). With the JVM's own defaults on a small machine (G1 and its threads, C2, a first heap of
 * 1/64 of the memory) a folder of 2,510 Hub cards takes three times as long and five times the memory; the second
 * start costs about 0.15 s. The checker's class-data archive is mapped when the launcher has recorded one for this
 * JDK and jar ({@link LauncherArchive}). A JVM given flags of its own, on its command line (as
 * {@code bin/modelcard-ls} and the editors start it) or in the variables the JVM reads them from, is left as it
 * is; so are single cards, checked before the flags would pay for the second start.
 */
final class Relaunch {
    private static final String FLAGS = "/dev/modelcard/jvm/";
    private static final List<String> COMMANDS = List.of("check", "report");
    private static final List<String> JVM_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

    private Relaunch() {}

    /** The exit status of the command run in a second JVM; empty when this JVM is to run it. */
    static OptionalInt run(String[] args) {
        Map<String, String> env = System.getenv();
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<String> command = command(args, () -> ProcessHandle.current().info().arguments().orElse(null), env,
                javaHome.resolve("bin").resolve("java"), hugePages());
        if (command == null) {
            return OptionalInt.empty();
        }
        int jar = command.indexOf("-jar");
        Path folder = LauncherArchive.folder(env);
        String archive = folder == null ? null : LauncherArchive.flag(folder, javaHome,
                System.getProperty("java.version"), Runtime.version().feature(), Path.of(command.get(jar + 1)));
        if (archive != null) {
            command.add(jar, archive);
        }
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        // A terminated JVM takes the second one with it.
        Runtime.getRuntime().addShutdownHook(new Thread(new Stop(child)));
        try {
            return OptionalInt.of(child.waitFor());
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            return OptionalInt.of(1);
        }
    }

    /**
     * The second JVM's command line, or null when this JVM runs the command itself.
     *
     * @param args the command's arguments, as {@code main} has them
     * @param jvmArgs this JVM's arguments after the program's name, as the operating system gives them (null when
     *        unknown); asked for only after the command and its folder, so that a check of cards only, the usual
     *        short run, does not wait for them
     * @param hugePages whether the heap is to be taken in transparent huge pages, as {@code bin/modelcard-ls} does
     */
    static List<String> command(String[] args, Supplier<String[]> jvmArgs, Map<String, String> env, Path java,
            boolean hugePages) {
        if (args.length == 0 || !COMMANDS.contains(args[0]) || !namesFolder(args)) {
            return null;
        }
        String[] started = jvmArgs.get();
        if (started == null || started.length < 2 || !started[0].equals("-jar") || !Files.isExecutable(java)
                || !isFile(started[1])) {
            return null;
        }
        for (String variable : JVM_VARIABLES) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return null;
            }
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        // The user asked for no flags: a JVM that does not know one of ours (another vendor's, a later version's)
        // still starts, rather than failing the run.
        command.add("-XX:+IgnoreUnrecognizedVMOptions");
        if (!flags("jvm.options", command) || !flags("jvm-folder.options", command)) {
            return null;
        }
        if (hugePages) {
            command.add("-XX:+UseTransparentHugePages");
        }
        command.add("-jar");
        command.add(started[1]);
        command.addAll(List.of(args));
        return command;
    }

    /** Whether the jar named on the command line is still a file there (its name as the system gave it back). */
    private static boolean isFile(String jar) {
        try {
            return Files.isRegularFile(Path.of(jar));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean namesFolder(String[] args) {
        for (int i = 1; i < args.length; i++) {
            try {
                if (!args[i].startsWith("-") && Files.isDirectory(Path.of(args[i]))) {
                    return true;
                }
            } catch (InvalidPathException e) {
                // not a path this system can name: the command reports it
            }
        }
        return false;
    }

    /** Adds the flags of one of the jar's options files (one a line, '#' comments); false when it is missing. */
    private static boolean flags(String file, List<String> to) {
        try (InputStream in = Relaunch.class.getResourceAsStream(FLAGS + file)) {
            if (in == null) {
                return false;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int comment = line.indexOf('#');
                for (String flag : (comment < 0 ? line : line.substring(0, comment)).trim().split("\\s+")) {
                    if (!flag.isEmpty()) {
                        to.add(flag);
                    }
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the kernel offers transparent huge pages (Linux: only Linux JVMs know the flag). */
    private static boolean hugePages() {
        try {
            String mode = Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"));
            return !mode.isBlank() && !mode.contains("[never]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Ends the second JVM (a no-op once it has ended). */
    private record Stop(Process child) implements Runnable {
        @Override
        public void run() {
            child.destroy();
        }
    }
}
