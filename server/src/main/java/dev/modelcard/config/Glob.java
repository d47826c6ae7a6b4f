package dev.modelcard.config;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A glob with the syntax of {@link java.nio.file.FileSystem#getPathMatcher} ({@code *}, {@code **}, {@code ?},
 * {@code [...]}, {@code {a,b}}, {@code \} escapes), matched without backtracking: every alternative is a list of
 * tokens, and a path is read once, char by char, with the set of tokens reached. The cost is path length times
 * glob length, whatever the glob: a pattern in a cloned repository cannot hang the server.
 */
final class Glob implements PathMatcher {
    /** Brace alternatives multiply; more than this is refused as a glob no one writes by hand. */
    static final int MAX_ALTERNATIVES = 64;
    static final int MAX_LENGTH = 1024;

    private enum Kind { CHAR, ONE, STAR, ANY, CLASS }

    private record Token(Kind kind, char c, String set, boolean negated) {
        boolean accepts(char ch) {
            return switch (kind) {
                case CHAR -> ch == c;
                case ONE -> ch != '/';
                case STAR -> ch != '/';
                case ANY -> true;
                case CLASS -> ch != '/' && inSet(ch) != negated;
            };
        }

        private boolean inSet(char ch) {
            for (int i = 0; i < set.length(); i++) {
                if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                    if (ch >= set.charAt(i) && ch <= set.charAt(i + 2)) {
                        return true;
                    }
                    i += 2;
                } else if (set.charAt(i) == ch) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<List<Token>> alternatives;

    private Glob(List<List<Token>> alternatives) {
        this.alternatives = alternatives;
    }

    /** @throws IllegalArgumentException with a reason, for a glob that is malformed or too large */
    static Glob of(String glob) {
        if (glob.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LENGTH + " chars");
        }
        List<List<Token>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        List<List<Token>> beforeBrace = null;
        List<List<Token>> braceResults = null;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            Token t;
            switch (c) {
                case '\\' -> {
                    if (++i >= glob.length()) {
                        throw new IllegalArgumentException("ends with an escape");
                    }
                    t = new Token(Kind.CHAR, glob.charAt(i), null, false);
                }
                case '?' -> t = new Token(Kind.ONE, c, null, false);
                case '*' -> {
                    boolean twice = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                    i += twice ? 1 : 0;
                    t = new Token(twice ? Kind.ANY : Kind.STAR, c, null, false);
                }
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        throw new IllegalArgumentException("'[' is not closed");
                    }
                    boolean negated = glob.charAt(i + 1) == '!';
                    t = new Token(Kind.CLASS, c, glob.substring(negated ? i + 2 : i + 1, close), negated);
                    i = close;
                }
                case '{' -> {
                    if (beforeBrace != null) {
                        throw new IllegalArgumentException("'{' inside '{...}'");
                    }
                    beforeBrace = out;
                    braceResults = new ArrayList<>();
                    out = copy(beforeBrace);
                    continue;
                }
                case ',', '}' -> {
                    if (beforeBrace == null) {
                        t = new Token(Kind.CHAR, c, null, false);
                        break;
                    }
                    braceResults.addAll(out);
                    if (braceResults.size() > MAX_ALTERNATIVES) {
                        throw new IllegalArgumentException("more than " + MAX_ALTERNATIVES + " alternatives");
                    }
                    if (c == ',') {
                        out = copy(beforeBrace);
                    } else {
                        out = braceResults;
                        beforeBrace = null;
                    }
                    continue;
                }
                default -> t = new Token(Kind.CHAR, c, null, false);
            }
            for (List<Token> alt : out) {
                alt.add(t);
            }
        }
        if (beforeBrace != null) {
            throw new IllegalArgumentException("'{' is not closed");
        }
        return new Glob(out);
    }

    private static List<List<Token>> copy(List<List<Token>> lists) {
        List<List<Token>> out = new ArrayList<>();
        for (List<Token> l : lists) {
            out.add(new ArrayList<>(l));
        }
        return out;
    }

    @Override
    public boolean matches(Path path) {
        return matches(path.toString().replace(File.separatorChar, '/'));
    }

    boolean matches(String s) {
        for (List<Token> alt : alternatives) {
            if (matches(alt, s)) {
                return true;
            }
        }
        return false;
    }

    /** Runs the tokens as an automaton: the states are token positions, a star keeps its own. */
    private static boolean matches(List<Token> tokens, String s) {
        int n = tokens.size();
        BitSet states = closure(tokens, new BitSet(n + 1), 0);
        for (int i = 0; i < s.length() && !states.isEmpty(); i++) {
            char ch = s.charAt(i);
            BitSet next = new BitSet(n + 1);
            for (int at = states.nextSetBit(0); at >= 0 && at < n; at = states.nextSetBit(at + 1)) {
                Token t = tokens.get(at);
                if (t.accepts(ch)) {
                    boolean repeats = t.kind() == Kind.STAR || t.kind() == Kind.ANY;
                    closure(tokens, next, repeats ? at : at + 1);
                }
            }
            states = next;
        }
        return states.get(n);
    }

    /** Adds a state and those a star lets through without reading. */
    private static BitSet closure(List<Token> tokens, BitSet set, int from) {
        for (int at = from; at <= tokens.size() && !set.get(at); at++) {
            set.set(at);
            if (at == tokens.size()) {
                break;
            }
            Kind k = tokens.get(at).kind();
            if (k != Kind.STAR && k != Kind.ANY) {
                break;
            }
        }
        return set;
    }
}
