package dev.modelcard.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The parser's guards change only what would cost too much, and pass every other text as it is. */
class CardParserGuardsTest {
    @Test
    void aRunOfLinesIsBrokenAtItsLimitAndNotOneLineBefore() {
        int n = CardParser.MAX_RUN_LINES;
        String shortBelow = "|\n".repeat(n - 2) + "|";
        assertSame(shortBelow, CardParser.breakLongRuns(shortBelow));
        String longBelow = "|\n".repeat(n - 2) + "|".repeat(100);
        assertSame(longBelow, CardParser.breakLongRuns(longBelow));
        String at = "|\n".repeat(n - 1) + "|";
        assertEquals("|\n".repeat(n - 1) + " ", CardParser.breakLongRuns(at));
    }

    @Test
    void lineBreaksOfEitherKindCountTowardsARun() {
        int n = CardParser.MAX_RUN_LINES;
        String lone = "|\r".repeat(n) + "x";
        assertEquals("|\r".repeat(n - 1) + " \rx", CardParser.breakLongRuns(lone));
    }

    @Test
    void aParagraphOfImageOpenersIsDefusedOnlyPastTheCost() {
        // openers times the paragraph's length: 3,000 openers over 6,000 chars is below the limit.
        String cheap = "![".repeat(3000);
        assertSame(cheap, CardParser.defuseImageOpeners(cheap));
        int openers = 4000;
        String costly = "![".repeat(openers) + "x".repeat(2000);
        String defused = CardParser.defuseImageOpeners(costly);
        assertEquals(" [".repeat(openers) + "x".repeat(2000), defused);
        String apart = ("![".repeat(openers / 2) + "\n\n").repeat(2) + "x".repeat(2000);
        assertSame(apart, CardParser.defuseImageOpeners(apart), "each paragraph alone is below the limit");
    }
}
