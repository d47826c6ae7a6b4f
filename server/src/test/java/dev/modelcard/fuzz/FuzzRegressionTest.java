package dev.modelcard.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The inputs the fuzzers ({@code -Pfuzz}, {@link EngineFuzzTest}) keep, run in every build: each once broke or
 * slowed the engine, or is a seed of the shapes they mutate.
 */
class FuzzRegressionTest {
    private static final Duration HANG = Duration.ofSeconds(30);

    @TestFactory
    Stream<DynamicTest> keptInputsStillPass() throws IOException, URISyntaxException {
        Path root = Path.of(FuzzRegressionTest.class.getResource("EngineFuzzTestInputs").toURI());
        List<Object[]> targets = List.of(
                new Object[] {"card", (Consumer<byte[]>) FuzzTargets::card},
                new Object[] {"frontMatter", (Consumer<byte[]>) FuzzTargets::frontMatter},
                new Object[] {"config", (Consumer<byte[]>) FuzzTargets::config},
                new Object[] {"pack", (Consumer<byte[]>) FuzzTargets::pack});
        List<DynamicTest> tests = new java.util.ArrayList<>();
        for (Object[] t : targets) {
            @SuppressWarnings("unchecked")
            Consumer<byte[]> target = (Consumer<byte[]>) t[1];
            Path dir = root.resolve((String) t[0]);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    byte[] data = Files.readAllBytes(f);
                    tests.add(DynamicTest.dynamicTest(t[0] + "/" + f.getFileName(), () ->
                            assertTimeoutPreemptively(HANG, () -> assertDoesNotThrow(() -> target.accept(data)))));
                }
            }
        }
        assertTrue(tests.size() >= 4, "inputs for every target");
        return tests.stream();
    }
}
