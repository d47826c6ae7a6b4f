package dev.modelcard.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Typed reads from a YAML mapping node that record every schema problem at the node's position, so a file is
 * reported whole rather than at its first mistake.
 */
public final class YamlMap {
    private final String file;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final List<PackProblem> problems;

    private YamlMap(String file, Node node, List<PackProblem> problems) {
        this.file = file;
        this.node = node;
        this.problems = problems;
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode key) {
                    entries.put(key.getValue(), t);
                } else {
                    problem(t.getKeyNode(), "keys must be plain words");
                }
            }
        }
    }

    /** The mapping at {@code node}, or null (with a problem) when it is not a mapping. */
    public static YamlMap of(String file, Node node, String what, List<PackProblem> problems) {
        if (!(node instanceof MappingNode)) {
            problems.add(at(file, node, what + " must be a mapping of keys to values"));
            return null;
        }
        return new YamlMap(file, node, problems);
    }

    /** The mapping at {@code node} with its keys limited to {@code allowed}, or null when it is not a mapping. */
    public static YamlMap of(String file, Node node, String what, Set<String> allowed, List<PackProblem> problems) {
        YamlMap m = of(file, node, what, problems);
        if (m != null) {
            m.allowOnly(allowed, what);
        }
        return m;
    }

    /** Reports keys outside {@code allowed}, suggesting the nearest allowed one. */
    void allowOnly(Set<String> allowed, String what) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String hint = nearest(e.getKey(), allowed);
                problem(e.getValue().getKeyNode(), "unknown key '" + e.getKey() + "' in " + what
                        + (hint == null ? "" : "; did you mean '" + hint + "'?"));
            }
        }
    }

    /** The keys, in file order. */
    public List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /** A key's own node, for problems about the key rather than its value. */
    public Node keyNode(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? node : t.getKeyNode();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Node value(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    public String string(String key, boolean required) {
        Node v = value(key);
        if (v == null) {
            if (required) {
                problem(node, "missing required key '" + key + "'");
            }
            return null;
        }
        if (v instanceof ScalarNode s) {
            return s.getValue();
        }
        problem(v, "'" + key + "' must be text");
        return null;
    }

    /** true or false; absent is false. */
    public boolean bool(String key) {
        String s = string(key, false);
        if (s == null || s.equals("false")) {
            return false;
        }
        if (!s.equals("true")) {
            problem(value(key), "'" + key + "' must be true or false, not '" + s + "'");
        }
        return s.equals("true");
    }

    public Integer integer(String key, int min, int max) {
        return bounded(key, Integer::valueOf, min, max, "a whole number");
    }

    Double number(String key, double min, double max) {
        return bounded(key, Double::valueOf, min, max, "a number");
    }

    /** A number within [min, max], or null (with a problem when the value is there but wrong). */
    private <T extends Comparable<T>> T bounded(String key, Function<String, T> parse, T min, T max, String kind) {
        String s = string(key, false);
        if (s == null) {
            return null;
        }
        T value;
        try {
            value = parse.apply(s.trim());
        } catch (NumberFormatException e) {
            problem(value(key), "'" + key + "' must be " + kind + ", not '" + s + "'");
            return null;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problem(value(key), "'" + key + "' must be between " + min + " and " + max + ", not " + s);
            return null;
        }
        return value;
    }

    public List<String> strings(String key) {
        return items(key, (item) -> {
            if (item instanceof ScalarNode s) {
                return s.getValue();
            }
            problem(item, "each item of '" + key + "' must be text");
            return null;
        });
    }

    /** The items of a sequence, each converted; null conversions are dropped. A missing key is an empty list. */
    public <T> List<T> items(String key, Function<Node, T> convert) {
        Node v = value(key);
        List<T> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof SequenceNode seq)) {
            problem(v, "'" + key + "' must be a list");
            return out;
        }
        for (Node item : seq.getValue()) {
            T t = convert.apply(item);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** The scalar entries of a nested mapping, in file order. */
    /**
     * A mapping of diagnostic code to {@code off} or a severity word ({@code severities} of a pack, {@code rules}
     * of a configuration), each wrong key or value reported where it is.
     */
    public Map<String, String> ruleMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Node v = value(key);
        YamlMap m = v == null ? null : of(file, v, "'" + key + "'", problems);
        if (m == null) {
            return out;
        }
        List<String> codes = Code.ids();
        for (Map.Entry<String, NodeTuple> e : m.entries.entrySet()) {
            String code = e.getKey();
            String word = m.string(code, false);
            if (!codes.contains(code)) {
                String hint = nearest(code, Set.copyOf(codes));
                m.problem(e.getValue().getKeyNode(), "unknown rule '" + code + "' in '" + key + "'"
                        + (hint == null ? "" : "; did you mean '" + hint + "'?") + " Known: " + codes);
            } else if (word != null && !Severities.RULE_VALUES.contains(word)) {
                m.problem(e.getValue().getValueNode(), "'" + code + "' must be one of " + Severities.RULE_VALUES
                        + ", not '" + word + "'");
            } else if (word != null) {
                out.put(code, word);
            }
        }
        return out;
    }

    public Node node() {
        return node;
    }

    public String file() {
        return file;
    }

    public void problem(Node at, String message) {
        problems.add(at(file, at, message));
    }

    static PackProblem at(String file, Node node, String message) {
        Mark m = node == null ? null : node.getStartMark().orElse(null);
        return m == null
                ? new PackProblem(file, 1, 1, message)
                : new PackProblem(file, m.getLine() + 1, m.getColumn() + 1, message);
    }

    /** The candidate closest to a misspelt word, for "did you mean"; null when none is close. */
    public static String nearest(String word, Set<String> candidates) {
        return nearest(word, candidates, Math.max(2, word.length() / 3));
    }

    /** The candidate closest to {@code word} within {@code maxDistance} edits (the first of equals), or null. */
    public static String nearest(String word, java.util.Collection<String> candidates, int maxDistance) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (Math.abs(c.length() - word.length()) > maxDistance) {
                continue;
            }
            int d = dev.modelcard.text.EditDistance.of(word, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= maxDistance ? best : null;
    }

}
