package dev.modelcard.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the engine with Jazzer, in the {@code fuzz} profile only:
 * {@code JAZZER_FUZZ=1 ./mvnw -Pfuzz test -pl server -Dtest=EngineFuzzTest#card} fuzzes one target (for its
 * {@code maxDuration}); without {@code JAZZER_FUZZ} each target runs its kept inputs. Inputs worth keeping go
 * under {@code src/test/resources/dev/modelcard/fuzz/EngineFuzzTestInputs/<target>/}, where
 * {@link FuzzRegressionTest} runs them in every build.
 */
class EngineFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void card(byte[] data) {
        FuzzTargets.card(data);
    }

    @FuzzTest(maxDuration = "2m")
    void frontMatter(byte[] data) {
        FuzzTargets.frontMatter(data);
    }

    @FuzzTest(maxDuration = "2m")
    void config(byte[] data) {
        FuzzTargets.config(data);
    }

    @FuzzTest(maxDuration = "2m")
    void pack(byte[] data) {
        FuzzTargets.pack(data);
    }
}
