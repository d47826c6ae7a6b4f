package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcard.check.CardChecker;
import dev.modelcard.pack.PackRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarmupTest {
    private static final CardChecker CHECKER = new CardChecker(PackRegistry.bundled(), (m, e) -> {
        throw new AssertionError(m, e);
    });

    @Test
    void typesTheWholeSampleWithoutAFailingCheck() {
        assertEquals(60, Warmup.run(CHECKER, () -> false));
    }

    @Test
    void stopsAtTheNextKeystrokeWhenTheServerShutsDown() {
        AtomicInteger asked = new AtomicInteger();
        assertEquals(3, Warmup.run(CHECKER, () -> asked.incrementAndGet() > 3));
    }
}
