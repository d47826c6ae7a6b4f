package dev.modelcard.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a pack that {@code extends} another edits the inherited sections: {@code remove}, {@code change} (re-grade,
 * retitle, new guidance) and {@code add} (after a section, or under it as its last subsection). Ids are checked
 * against the base when the packs are linked, and a wrong one is reported where it is written.
 */
public record SectionEdits(String file, List<Ref> remove, List<Change> change, List<Addition> add) {
    public static final SectionEdits NONE = new SectionEdits("", List.of(), List.of(), List.of());

    /** A section id as written, with its position for problems. */
    public record Ref(String id, int line, int column) {}

    /** The keys given for an inherited section; null fields keep the base's value. */
    public record Change(Ref ref, String title, List<String> aliases, Integer level, Requirement requirement,
            String guidance, String suggested, String skeleton, List<String> fields, List<String> instructions,
            Boolean tableOfContents) {}

    /** A new section and where it goes: after a section (as its sibling), or under one (as its last child). */
    public record Addition(SectionRule section, Ref after, Ref under) {}

    public boolean isEmpty() {
        return remove.isEmpty() && change.isEmpty() && add.isEmpty();
    }

    /** The base's sections with these edits; each unknown id is a problem. */
    List<SectionRule> apply(List<SectionRule> base, List<PackProblem> problems) {
        Map<String, SectionRule> known = new LinkedHashMap<>();
        collect(base, known);
        for (Ref r : remove) {
            check(r, known, problems);
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        for (Change c : change) {
            if (check(c.ref(), known, problems)) {
                changes.put(c.ref().id(), c);
            }
        }
        List<String> removed = new ArrayList<>();
        for (Ref r : remove) {
            removed.add(r.id());
        }
        List<SectionRule> out = edit(base, removed, changes);
        for (Addition a : add) {
            Ref anchor = a.after() != null ? a.after() : a.under();
            if (!check(anchor, known, problems)) {
                continue;
            }
            if (known.containsKey(a.section().id())) {
                problems.add(new PackProblem(file, anchor.line(), anchor.column(), "added section id '"
                        + a.section().id() + "' is already in the base pack"));
                continue;
            }
            SectionRule target = known.get(anchor.id());
            if (a.under() != null && a.section().level() <= target.level()) {
                problems.add(new PackProblem(file, anchor.line(), anchor.column(), "section '" + a.section().id()
                        + "' must have a deeper level than '" + target.id() + "' (" + target.level() + ")"));
                continue;
            }
            out = place(out, a);
        }
        return out;
    }

    private boolean check(Ref r, Map<String, SectionRule> known, List<PackProblem> problems) {
        if (known.containsKey(r.id())) {
            return true;
        }
        String hint = YamlMap.nearest(r.id(), known.keySet());
        problems.add(new PackProblem(file, r.line(), r.column(), "unknown section id '" + r.id() + "' in the base pack"
                + (hint == null ? "" : "; did you mean '" + hint + "'?")));
        return false;
    }

    private static void collect(List<SectionRule> list, Map<String, SectionRule> out) {
        for (SectionRule s : list) {
            out.put(s.id(), s);
            collect(s.children(), out);
        }
    }

    private static List<SectionRule> edit(List<SectionRule> list, List<String> removed, Map<String, Change> changes) {
        List<SectionRule> out = new ArrayList<>();
        for (SectionRule s : list) {
            if (removed.contains(s.id())) {
                continue;
            }
            Change c = changes.get(s.id());
            List<SectionRule> children = edit(s.children(), removed, changes);
            out.add(c == null ? copy(s, children) : new SectionRule(s.id(), or(c.title(), s.title()),
                    or(c.aliases(), s.aliases()), or(c.level(), s.level()), or(c.requirement(), s.requirement()),
                    or(c.guidance(), s.guidance()), or(c.suggested(), s.suggested()), or(c.skeleton(), s.skeleton()),
                    or(c.fields(), s.fields()), or(c.instructions(), s.instructions()),
                    or(c.tableOfContents(), s.tableOfContents()), children));
        }
        return out;
    }

    private static List<SectionRule> place(List<SectionRule> list, Addition a) {
        List<SectionRule> out = new ArrayList<>();
        for (SectionRule s : list) {
            boolean under = a.under() != null && s.id().equals(a.under().id());
            List<SectionRule> children = place(s.children(), a);
            if (under) {
                children = new ArrayList<>(children);
                children.add(a.section());
            }
            out.add(copy(s, children));
            if (a.after() != null && s.id().equals(a.after().id())) {
                out.add(a.section());
            }
        }
        return out;
    }

    private static SectionRule copy(SectionRule s, List<SectionRule> children) {
        return new SectionRule(s.id(), s.title(), s.aliases(), s.level(), s.requirement(), s.guidance(), s.suggested(),
                s.skeleton(), s.fields(), s.instructions(), s.tableOfContents(), List.copyOf(children));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
