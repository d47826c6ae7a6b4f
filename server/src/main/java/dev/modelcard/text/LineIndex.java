package dev.modelcard.text;

import java.util.Arrays;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Line starts of a text, for converting between char offsets and LSP positions.
 * Lines break at {@code \n}, {@code \r\n} and a lone {@code \r}, as LSP and CommonMark count them.
 * Offsets and columns are Java chars, which are UTF-16 code units, the LSP default encoding.
 */
public final class LineIndex {
    private final String text;
    private final int[] starts;

    public LineIndex(String text) {
        this(text, scan(text, new int[] {0}, 1, 0, text.length()));
    }

    private LineIndex(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    /**
     * The index of this text with {@code [start, end)} replaced by {@code insert}, the result being {@code edited}:
     * the lines before the edit are kept, the edited ones found again, those after moved.
     */
    public LineIndex edited(int start, int end, String insert, String edited) {
        // Line starts before the edit stand (a char decides a line start only by following a CR, and the chars
        // up to the edit are unchanged); the line holding the char before the edit is read again from its start.
        int line = lineOf(Math.max(0, start - 1));
        int past = start + insert.length();
        int[] s = scan(edited, starts, line + 1, starts[line], past);
        int last = s[s.length - 1];
        int shift = insert.length() - (end - start);
        // A break after the edit is a break of the old text too, so the old lines after it follow, moved.
        if (last - 1 < past) {
            return new LineIndex(edited, s); // read to the end
        }
        int at = Arrays.binarySearch(starts, last - shift);
        if (at < 0) {
            return new LineIndex(edited); // cannot happen; the index stays right if it does
        }
        int[] all = Arrays.copyOf(s, s.length + starts.length - at - 1);
        for (int k = at + 1; k < starts.length; k++) {
            all[s.length + k - at - 1] = starts[k] + shift;
        }
        return new LineIndex(edited, all);
    }

    /**
     * {@code kept[0, count)} and the line starts found in {@code text} from {@code from}, up to the first break at or
     * after {@code past}.
     */
    private static int[] scan(String text, int[] kept, int count, int from, int past) {
        int[] s = Arrays.copyOf(kept, count + 16);
        int n = count;
        int len = text.length();
        for (int i = from; i < len; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < len && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (n == s.length) {
                    s = Arrays.copyOf(s, n * 2);
                }
                s[n++] = i + 1;
                if (i >= past) {
                    break;
                }
            }
        }
        return Arrays.copyOf(s, n);
    }

    public int lineCount() {
        return starts.length;
    }

    /** Offset of the first char of a line; clamped to the text. */
    public int lineStart(int line) {
        if (line < 0) {
            return 0;
        }
        return line >= starts.length ? text.length() : starts[line];
    }

    /** Offset just past the line's content, before its line break; clamped to the text. */
    public int lineEnd(int line) {
        if (line < 0) {
            return lineEnd(0);
        }
        if (line >= starts.length) {
            return text.length();
        }
        int end = line + 1 < starts.length ? starts[line + 1] : text.length();
        while (end > starts[line] && isBreak(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** The line holding an offset; an offset past the end belongs to the last line. */
    public int lineOf(int offset) {
        int o = Math.max(0, Math.min(offset, text.length()));
        int i = Arrays.binarySearch(starts, o);
        return i >= 0 ? i : -i - 2;
    }

    /** Zero-based line and UTF-16 column of an offset, clamped into the text. */
    public int[] position(int offset) {
        int o = Math.max(0, Math.min(offset, text.length()));
        int line = lineOf(o);
        // An offset between \r and \n belongs at the end of the line's content.
        int col = Math.min(o, lineEnd(line)) - starts[line];
        return new int[] {line, col};
    }

    /**
     * Offset of an LSP position. Out-of-range values are clamped the way editors do: a line past the end means
     * the end of the text, a column past the line's content means the end of that content.
     */
    public int offset(int line, int character) {
        if (line < 0) {
            return 0;
        }
        if (line >= starts.length) {
            return text.length();
        }
        int start = starts[line];
        return start + Math.max(0, Math.min(character, lineEnd(line) - start));
    }

    /** The LSP range between two offsets (each clamped into the text). */
    public Range range(int start, int end) {
        int[] s = position(start);
        int[] e = position(end);
        return new Range(new Position(s[0], s[1]), new Position(e[0], e[1]));
    }

    /** True when a position lies inside the text as it is (no clamping needed). */
    public boolean contains(int line, int character) {
        return line >= 0 && line < starts.length && character >= 0 && character <= lineEnd(line) - starts[line];
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
