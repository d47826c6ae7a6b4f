package dev.modelcard.edits;

import dev.modelcard.check.CheckResult;
import dev.modelcard.check.Finding;
import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.SectionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whole-card changes: insert every missing section, write the table of contents. */
public final class SourceFixes {
    private SourceFixes() {}

    /**
     * One fix inserting every section reported missing, each in its template place; sections that go to the same
     * place are written together in template order.
     */
    public static Optional<Fix> insertMissing(CheckResult r) {
        if (r.pack() == null) {
            return Optional.empty();
        }
        List<SectionRule> missing = new ArrayList<>();
        for (Finding f : r.findings()) {
            if (f.code() == Code.MISSING_SECTION && f.section() != null) {
                r.pack().section(f.section()).ifPresent(missing::add);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Fix("Insert all missing sections (" + missing.size() + ")", Fix.INSERT_MISSING,
                Insertions.of(r, missing), null));
    }

    /**
     * Writes the table of contents of a template that has one: links to the card's headings at the level of
     * the contents section, below it. An existing contents section has its body replaced; a missing one is
     * inserted in its template place. Empty when the card's contents are already current.
     */
    public static Optional<Fix> tableOfContents(CheckResult r) {
        if (r.pack() == null) {
            return Optional.empty();
        }
        Optional<SectionRule> toc = r.pack().allSections().stream().filter(SectionRule::tableOfContents).findFirst();
        if (toc.isEmpty()) {
            return Optional.empty();
        }
        CardDocument card = r.card();
        List<Heading> present = r.outline().occurrences(toc.get());
        Heading at = present.isEmpty() ? null : present.get(0);
        int from = at == null ? Insertions.place(r, toc.get()) : at.start();
        String list = links(r, toc.get().level(), from, at);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        String eol = LineEnding.of(card.text());
        Edit edit;
        String title;
        if (at == null) {
            edit = Placement.insertBlocks(card.text(), from, toc.get().heading() + "\n\n" + list + "\n", eol);
            title = "Insert table of contents";
        } else {
            int bodyEnd = Placement.endOfBody(card, at);
            String current = card.text().substring(at.end(), bodyEnd);
            String wanted = LineEnding.convert("\n\n" + list.stripTrailing(), eol);
            if (current.equals(wanted)) {
                return Optional.empty();
            }
            edit = new Edit(at.end(), bodyEnd, wanted);
            title = "Update table of contents";
        }
        return Optional.of(new Fix(title, Fix.TABLE_OF_CONTENTS, List.of(edit), null));
    }

    /** {@code - [Title](#anchor)} for each heading of the level after {@code from}, but the contents' own. */
    private static String links(CheckResult r, int level, int from, Heading self) {
        Anchors anchors = new Anchors();
        StringBuilder b = new StringBuilder();
        Heading title = r.outline().title();
        for (Heading h : r.card().headings()) {
            String anchor = anchors.next(h.text());
            if (h.level() == level && h.start() >= from && !h.equals(self) && !h.equals(title)) {
                b.append("- [").append(h.text().replace("[", "\\[").replace("]", "\\]")).append("](#")
                        .append(anchor).append(")\n");
            }
        }
        return b.toString();
    }
}
