package dev.modelcard.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How near two texts are, word by word, on their {@link dev.modelcard.pack.Titles#key keys}: the measure behind
 * near titles ("Biases and Limitations") and reworded instructions. Both are linear in the words compared times
 * the words of one template text, which is short.
 */
final class Words {
    /** Words that carry no meaning of their own in a title ("How to Get Started with the Model"). */
    private static final Set<String> FILLER = Set.of("a", "an", "the", "of", "to", "for", "with", "on", "in", "by",
            "or", "your", "our", "thi");

    private Words() {}

    /** The key's words. */
    static List<String> of(String key) {
        return key.isEmpty() ? List.of() : List.of(key.split(" "));
    }

    /** The key's words without filler. */
    static List<String> content(String key) {
        List<String> out = new ArrayList<>();
        for (String w : of(key)) {
            if (!FILLER.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Length of the longest common subsequence: the words two texts share in the same order. */
    static int common(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = x.equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }

    /** Word-level edit distance (insertions, deletions and substitutions of whole words). */
    static int distance(List<String> a, List<String> b) {
        return dev.modelcard.text.EditDistance.of(a.size(), b.size(), (i, j) -> a.get(i).equals(b.get(j)));
    }
}
