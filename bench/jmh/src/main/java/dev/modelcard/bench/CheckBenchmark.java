package dev.modelcard.bench;

import dev.modelcard.check.CardChecker;
import dev.modelcard.check.CheckOptions;
import dev.modelcard.check.CheckResult;
import dev.modelcard.pack.PackRegistry;
import dev.modelcard.text.LineIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + check of a card of 10 KB and of 1 MB, from scratch and after a one-char edit (the incremental path
 * the server takes while the user types), with the JVM flags of bin/jvm.options' collector and compiler.
 * The cards are the real cards of {@code testdata/corpus} one after another, cut at a line to the size.
 * Run from the repository root: {@code java -jar bench/jmh/target/benchmarks.jar}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
public class CheckBenchmark {
    @Param({"10000", "1000000"})
    int bytes;

    private final CardChecker checker = new CardChecker(PackRegistry.bundled(), (m, e) -> {});
    private final CheckOptions options = CheckOptions.template("bioimage-io");
    private String text;
    private LineIndex lines;
    private String edited;
    private LineIndex editedLines;

    @Setup(Level.Trial)
    public void card() {
        text = card(bytes);
        lines = new LineIndex(text);
        int middle = text.indexOf('\n', text.length() / 2);
        edited = text.substring(0, middle) + "x" + text.substring(middle);
        editedLines = new LineIndex(edited);
    }

    /** The model of the card before the edit, made afresh for each call (an incremental check consumes it). */
    @State(Scope.Thread)
    public static class Before {
        CheckResult previous;

        @Setup(Level.Invocation)
        public void check(CheckBenchmark b) {
            previous = b.checker.check(b.text, b.lines, b.options, name -> false, () -> false);
        }
    }

    @Benchmark
    public CheckResult fromScratch() {
        return checker.check(edited, editedLines, options, name -> false, () -> false);
    }

    @Benchmark
    public CheckResult afterAnEdit(Before before) {
        return checker.check(edited, editedLines, options, name -> false, () -> false, before.previous,
                Runnable::run);
    }

    static String card(int bytes) {
        Path corpus = Stream.of(Path.of("testdata/corpus"), Path.of("../../testdata/corpus"))
                .filter(Files::isDirectory).findFirst()
                .orElseThrow(() -> new IllegalStateException("run from the repository root: no testdata/corpus"));
        try (Stream<Path> files = Files.list(corpus)) {
            List<String> cards = files.sorted().map(CheckBenchmark::read).toList();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; sb.length() < bytes; i++) {
                sb.append(cards.get(i % cards.size())).append('\n');
            }
            int cut = sb.lastIndexOf("\n", bytes);
            return sb.substring(0, cut + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
