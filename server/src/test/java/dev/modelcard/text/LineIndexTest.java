package dev.modelcard.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** An index updated for an edit equals the index of the edited text read from scratch. */
class LineIndexTest {
    private static final String[] PIECES = {"", "x", "\n", "\r", "\r\n", "\n\r", "ab\ncd", "\r\r\n\n", "é😀", "\n\n\n"};

    @Test
    void aBreakJoinedOrSplitAtTheEditsEdgesIsFound() {
        // A CR before the edit and an LF after it become one CR LF break when the text between goes.
        assertEdited("a\rX\nb", 2, 3, "", 2);
        // Inserting between CR and LF splits one break into two.
        assertEdited("a\r\nb", 2, 2, "X", 3);
        // Deleting the LF of a CR LF leaves a lone CR.
        assertEdited("a\r\nb", 2, 3, "", 2);
        // An LF typed after a lone CR.
        assertEdited("a\r", 2, 2, "\n", 2);
        // Edits at the very start and end.
        assertEdited("x\ny", 0, 0, "\n", 3);
        assertEdited("x\ny", 3, 3, "\n", 3);
    }

    @Test
    void randomEditsGiveTheIndexOfTheEditedText() {
        Random random = new Random(7);
        String text = "line one\r\nline two\nthree\rfour\n\n";
        LineIndex index = new LineIndex(text);
        for (int step = 0; step < 5_000; step++) {
            int start = random.nextInt(text.length() + 1);
            int end = Math.min(text.length(), start + random.nextInt(4));
            String insert = PIECES[random.nextInt(PIECES.length)];
            String edited = text.substring(0, start) + insert + text.substring(end);
            index = index.edited(start, end, insert, edited);
            assertEqual(new LineIndex(edited), index, "step " + step);
            text = edited.length() > 2_000 ? edited.substring(0, 1_000) : edited;
            if (text != edited) {
                index = new LineIndex(text);
            }
        }
    }

    private static void assertEdited(String before, int start, int end, String insert, int lines) {
        String edited = before.substring(0, start) + insert + before.substring(end);
        LineIndex index = new LineIndex(before).edited(start, end, insert, edited);
        assertEquals(lines, index.lineCount(), edited);
        assertEqual(new LineIndex(edited), index, edited);
    }

    private static void assertEqual(LineIndex expected, LineIndex actual, String where) {
        assertEquals(expected.lineCount(), actual.lineCount(), where);
        for (int line = 0; line < expected.lineCount(); line++) {
            assertEquals(expected.lineStart(line), actual.lineStart(line), where + ", line " + line);
        }
    }
}
