package dev.modelcard.cli;

import dev.modelcard.check.CheckResult;
import dev.modelcard.check.CheckOptions;
import dev.modelcard.cli.output.Outcome;
import dev.modelcard.cli.output.Outcome.Status;
import dev.modelcard.cli.output.Output;
import dev.modelcard.cli.output.Summary;
import dev.modelcard.edits.SafeFixes;
import dev.modelcard.features.Completeness;
import dev.modelcard.features.Diagnostics;
import dev.modelcard.files.CardFiles.Input;
import dev.modelcard.files.CardText;
import dev.modelcard.files.Walk;
import dev.modelcard.text.LineIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * One run of the checker over its inputs: cards are read and checked in parallel on every core, and written in
 * input order as soon as each one's turn comes. Cards go to the pool in small batches, and at most a few batches
 * per core are in flight, so memory does not grow with the number of cards. A card that cannot be read or checked
 * is said so, and the run goes on.
 */
final class CardRun {
    /** Checks one card's text; the engine, or in a test one that fails. */
    @FunctionalInterface
    interface Engine {
        CheckResult check(String text, Input card, Configs.ForCard cfg);
    }

    static final Engine ENGINE = (text, card, cfg) -> cfg.checker().check(text, new LineIndex(text), cfg.options(),
            CardText.companions(card), () -> false);

    static final int IN_FLIGHT_PER_THREAD = 4;
    /** Cards handed to a pool thread at once, at most. */
    static final int MAX_BATCH = 16;

    private final Configs configs;
    private final Engine engine;
    private final boolean fix;
    private final boolean sections;
    private final PrintWriter err;
    private final Progress progress;

    /** @param sections whether outcomes carry each section's state (for the report) */
    CardRun(Configs configs, Engine engine, boolean fix, boolean sections, PrintWriter err, Progress progress) {
        this.configs = configs;
        this.engine = engine;
        this.fix = fix;
        this.sections = sections;
        this.err = err;
        this.progress = progress;
    }

    /** Runs over the inputs, writing each outcome to the output in order. */
    Summary run(List<Input> inputs, Output output) {
        return run(Walk.of(inputs), output);
    }

    /** Runs over the inputs as the walk finds them, writing each outcome to the output in order. */
    Summary run(Walk inputs, Output output) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "modelcard-check");
            t.setDaemon(true);
            return t;
        });
        int checked = 0;
        int skipped = 0;
        int problems = 0;
        Map<DiagnosticSeverity, Integer> counts = new EnumMap<>(DiagnosticSeverity.class);
        output.start();
        try {
            Deque<Future<List<Outcome>>> pending = new ArrayDeque<>();
            int done = 0;
            int taken = 0;
            while (true) {
                // What the walk has found fills the window; it is waited for only when nothing is in flight.
                while (pending.size() < threads * IN_FLIGHT_PER_THREAD) {
                    List<Input> batch = batch(inputs, pending.isEmpty(), taken, threads);
                    if (batch.isEmpty()) {
                        break;
                    }
                    taken += batch.size();
                    pending.add(submit(pool, batch));
                }
                if (pending.isEmpty()) {
                    break;
                }
                for (Outcome o : await(pending.poll())) {
                    progress.beforeOutput(!o.notes().isEmpty() || o.isProblem());
                    for (String note : o.notes()) {
                        err.println(o.path() + ": " + note);
                    }
                    if (o.isProblem()) {
                        err.println(o.path() + ": " + o.message());
                        problems++;
                    }
                    if (o.status() == Status.CHECKED) {
                        checked++;
                    } else if (!o.status().isProblem()) {
                        skipped++;
                    }
                    o.diagnostics().forEach(d -> counts.merge(d.getSeverity(), 1, Integer::sum));
                    output.card(o);
                    progress.show(++done, inputs.found());
                }
            }
        } finally {
            pool.shutdownNow();
            progress.clear();
        }
        Summary summary = new Summary(checked, skipped, problems, counts);
        output.finish(summary);
        return summary;
    }

    /**
     * The next inputs to hand to one pool thread together: a thread woken per card would cost more than a small
     * card's check. As many as keep every thread busy with what the walk has found, up to {@link #MAX_BATCH}.
     *
     * @param wait whether to wait for the walk when it has found nothing more yet
     * @param taken how many inputs were taken from the walk before
     */
    private static List<Input> batch(Walk inputs, boolean wait, int taken, int threads) {
        Input first = wait ? inputs.take() : inputs.poll();
        if (first == null) {
            return List.of();
        }
        int size = Math.max(1, Math.min(MAX_BATCH, (inputs.found() - taken) / (2 * threads)));
        List<Input> batch = new ArrayList<>(size);
        batch.add(first);
        for (Input next; batch.size() < size && (next = inputs.poll()) != null; ) {
            batch.add(next);
        }
        return batch;
    }

    /** Checks the cards of a batch on a pool thread; their outcomes in input order. */
    private Future<List<Outcome>> submit(ExecutorService pool, List<Input> batch) {
        // Each card's configuration is found here, in order: its problems print once, in order.
        List<Configs.ForCard> cfgs = new ArrayList<>(batch.size());
        boolean anyCard = false;
        for (Input input : batch) {
            cfgs.add(input.isCard() ? configs.forCard(input) : null);
            anyCard |= input.isCard();
        }
        return anyCard ? pool.submit(() -> checkAll(batch, cfgs))
                : CompletableFuture.completedFuture(checkAll(batch, cfgs));
    }

    private List<Outcome> checkAll(List<Input> batch, List<Configs.ForCard> cfgs) {
        List<Outcome> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Input input = batch.get(i);
            out.add(input.isCard() ? check(input, cfgs.get(i))
                    : Outcome.problem(input.path(), Status.UNREADABLE, input.problem()));
        }
        return out;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One card, on a pool thread: everything an output needs, and the parsed card dropped. */
    Outcome check(Input input, Configs.ForCard cfg) {
        Path card = input.path();
        if (cfg.config().ignores(card)) {
            List<Path> files = cfg.config().files();
            return Outcome.skipped(card, Status.IGNORED, "ignored by " + files.get(files.size() - 1), List.of());
        }
        String text;
        try {
            text = CardText.read(card);
        } catch (CardText.UnreadableException e) {
            return Outcome.problem(card, Status.UNREADABLE, e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        String[] unwritten = {null};
        try {
            CheckResult result = engine.check(text, input, cfg);
            if (result.pack() == null) {
                return Outcome.skipped(card, Status.NOT_A_CARD, "not a model card (no template matched)", notes);
            }
            if (fix) {
                result = fix(card, cfg, result, notes, unwritten);
            }
            return new Outcome(card, Status.CHECKED, result.pack(), Diagnostics.of(result.findings(),
                    result.card().lines()), Completeness.of(result), sections ? SectionStates.of(result) : List.of(),
                    unwritten[0], notes);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Outcome.problem(card, Status.FAILED, "cannot be checked: internal error (" + e + ")");
        }
    }

    /** Applies the safe fixes and writes them; what could not be written goes into {@code unwritten[0]}. */
    private CheckResult fix(Path card, Configs.ForCard cfg, CheckResult result, List<String> notes,
            String[] unwritten) {
        CheckOptions forced = cfg.options().withTemplate(result.pack().id());
        SafeFixes.Result fixed = SafeFixes.apply(result, t -> cfg.checker().check(t, new LineIndex(t), forced,
                name -> false, () -> false));
        if (fixed.applied().isEmpty()) {
            return result;
        }
        try {
            CardText.write(card, fixed.text());
            notes.add("fixed: " + String.join("; ", fixed.applied()));
            return fixed.check();
        } catch (IOException e) {
            unwritten[0] = "cannot write the fixes: " + e.getMessage();
            return result;
        }
    }
}
