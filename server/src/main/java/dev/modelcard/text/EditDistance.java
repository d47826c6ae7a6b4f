package dev.modelcard.text;

/** Levenshtein distance between two sequences (of chars, of words): insertions, deletions, substitutions. */
public final class EditDistance {
    /** Whether element {@code i} of the first sequence equals element {@code j} of the second. */
    @FunctionalInterface
    public interface Same {
        boolean at(int i, int j);
    }

    private EditDistance() {}

    public static int of(int aLength, int bLength, Same same) {
        int[] prev = new int[bLength + 1];
        int[] cur = new int[bLength + 1];
        for (int j = 0; j <= bLength; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= aLength; i++) {
            cur[0] = i;
            for (int j = 1; j <= bLength; j++) {
                int cost = same.at(i - 1, j - 1) ? 0 : 1;
                cur[j] = Math.min(prev[j - 1] + cost, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[bLength];
    }

    /** Between two strings, char by char. */
    public static int of(String a, String b) {
        return of(a.length(), b.length(), (i, j) -> a.charAt(i) == b.charAt(j));
    }
}
