package dev.modelcard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcard.cli.output.Outcome;
import dev.modelcard.cli.output.Output;
import dev.modelcard.cli.output.Summary;
import dev.modelcard.files.CardFiles;
import dev.modelcard.pack.PackRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cards are checked in parallel, written in the order found, and only a few are held at any time. */
class CardRunTest {
    @Test
    void outcomesComeInOrderAndFewAreInFlightHoweverManyCardsThereAre(@TempDir Path dir) throws Exception {
        int cards = 600;
        for (int i = 0; i < cards; i++) {
            Path card = dir.resolve(String.format("m%04d/README.md", i));
            Files.createDirectories(card.getParent());
            Files.writeString(card, "# Model " + i + "\n\n## Model Details\n\nTBD\n");
        }
        AtomicInteger started = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        CardRun.Engine engine = (text, card, cfg) -> {
            mostHeld.accumulateAndGet(started.incrementAndGet() - written.get(), Math::max);
            if (card.path().toString().contains("m00")) {
                try { // the first cards finish last: the order must not follow finishing
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return CardRun.ENGINE.check(text, card, cfg);
        };
        List<Path> order = new ArrayList<>();
        Output output = new Output() {
            @Override
            public void card(Outcome o) {
                written.incrementAndGet();
                order.add(o.path());
            }

            @Override
            public void finish(Summary summary) {}
        };
        PrintWriter err = new PrintWriter(new StringWriter());
        Configs configs = new Configs(PackRegistry.bundled(), null, List.of(), "czi", err);
        Summary summary = new CardRun(configs, engine, false, false, err, Progress.QUIET)
                .run(CardFiles.inputs(List.of(dir)), output);

        assertEquals(cards, summary.checked());
        assertEquals(order.stream().sorted().toList(), order, "written in the order found");
        assertEquals(cards, order.size());
        int bound = Runtime.getRuntime().availableProcessors() * CardRun.IN_FLIGHT_PER_THREAD * CardRun.MAX_BATCH + 1;
        assertTrue(mostHeld.get() <= bound, "at most " + bound + " cards held at once, not " + mostHeld.get());
    }

    @Test
    void progressIsOneUpdatingLineThatGivesWayToOutput() {
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err), 3, false);
        p.show(1, 2);
        assertEquals("", err.toString(), "quiet for few cards");
        p.show(1, 5);
        p.show(2, 5);
        p.beforeOutput(false);
        p.beforeOutput(true);
        p.show(5, 5);
        p.clear();
        assertEquals("\rchecked 1 of 5 cards\u2026\r\033[K\rchecked 5 of 5 cards\u2026\r\033[K", err.toString(),
                "throttled, cleared only before stderr output and at the end");
        PrintWriter w = new PrintWriter(new StringWriter());
        assertEquals(Progress.QUIET, Progress.of(w, "true", true, true), "quiet under CI");
        assertEquals(Progress.QUIET, Progress.of(w, null, false, true), "quiet when stderr is piped");
        assertTrue(Progress.of(w, "false", true, false) != Progress.QUIET, "on a terminal");
    }
}
