package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DebounceTest {
    private static final String CARD = "file:///w/README.md";
    private static final String OTHER = "file:///w/other/README.md";

    @Test
    void aDocumentWhoseEditsWereNeverCheckedIsCheckedAtOnce() {
        assertEquals(0, new Debounce().delayMs(CARD));
    }

    @Test
    void oneSlowEditCheckIsNoTrend() {
        Debounce d = new Debounce();
        d.editChecked(CARD, 900); // the first edit, before the code is compiled
        assertEquals(0, d.delayMs(CARD));
        d.editChecked(CARD, 15);
        d.editChecked(CARD, 600);
        assertEquals(0, d.delayMs(CARD));
    }

    @Test
    void twoSlowEditChecksInARowDelayTheNextEditByTheShorterOneAtMost250Ms() {
        Debounce d = new Debounce();
        d.editChecked(CARD, 230);
        d.editChecked(CARD, 210);
        assertEquals(210, d.delayMs(CARD));
        d.editChecked(CARD, 900);
        assertEquals(210, d.delayMs(CARD));
        d.editChecked(CARD, 700);
        assertEquals(250, d.delayMs(CARD));
        assertEquals(0, d.delayMs(OTHER));
        d.editChecked(CARD, 199);
        assertEquals(0, d.delayMs(CARD));
    }

    @Test
    void aClosedDocumentStartsAfresh() {
        Debounce d = new Debounce();
        d.editChecked(CARD, 400);
        d.editChecked(CARD, 400);
        d.forget(CARD);
        assertEquals(0, d.delayMs(CARD));
    }
}
