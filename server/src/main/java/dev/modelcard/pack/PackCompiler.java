package dev.modelcard.pack;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The build step that writes the bundled packs ({@code rules/*.yaml}, the source) into the jar as composed nodes
 * ({@link PackNodes}), so that a start reads no YAML. The build fails on any problem of a bundled pack.
 *
 * <p>Run by Maven after compiling: {@code PackCompiler RULES_FOLDER OUTPUT_FILE}.
 */
public final class PackCompiler {
    /** Where the compiled packs are, in the jar and among the build's classes. */
    static final String RESOURCE = "rules/packs.bin";
    private static final String FOLDER_IN_JAR = "rules/";

    private PackCompiler() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PackCompiler RULES_FOLDER OUTPUT_FILE");
        }
        List<PackRegistry.Source> sources = compose(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            PackNodes.write(sources, data);
        }
    }

    /** The folder's packs, by file name, composed and checked as they will be used. */
    static List<PackRegistry.Source> compose(Path folder) throws IOException {
        List<PackRegistry.Source> sources = new ArrayList<>();
        List<PackProblem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String file = FOLDER_IN_JAR + f.getFileName();
                try {
                    sources.add(new PackRegistry.Source(file, null,
                            PackLoader.compose(Files.readString(f), file, "pack")));
                } catch (PackException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        problems.addAll(PackRegistry.of(sources).problems());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the bundled packs have problems:\n"
                    + problems.stream().map(PackProblem::toString).collect(Collectors.joining("\n")));
        }
        return sources;
    }
}
