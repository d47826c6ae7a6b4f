package dev.modelcard.edits;

import dev.modelcard.check.CardChecker;
import dev.modelcard.check.CheckResult;
import dev.modelcard.check.Finding;
import dev.modelcard.markdown.CardDocument;
import dev.modelcard.markdown.Heading;
import dev.modelcard.markdown.Tree;
import dev.modelcard.pack.Code;
import dev.modelcard.pack.SectionRule;
import dev.modelcard.pack.Titles;
import dev.modelcard.text.LineIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one-click fixes for a finding, each an edit of the card's text in its own line endings. */
public final class QuickFixes {
    /** A leading section number, as {@link Titles#key} ignores it: "4. ", "2.1 ", "iv. ". */
    private static final Pattern NUMBER = Pattern.compile("(\\d+(\\.\\d+)*\\.?|[ivxIVX]+\\.)\\s+");
    private QuickFixes() {}

    /**
     * The fixes of a finding. A heading level change that would make another section a duplicate, out of order
     * or missing (the card's other headings disagree with the template) is not offered.
     */
    public static List<Fix> of(CheckResult r, Finding f) {
        if (r.pack() == null) {
            return List.of();
        }
        SectionRule s = f.section() == null ? null : r.pack().section(f.section()).orElse(null);
        String eol = LineEnding.of(r.card().text());
        Fix fix = switch (f.code()) {
            case MISSING_SECTION -> s == null ? null : insertSection(r, f, s);
            case EMPTY_SECTION -> s == null || s.suggested() == null ? null : fillSection(r, f, s, eol);
            case PLACEHOLDER -> placeholder(r, f, s, eol);
            case HEADING_LEVEL -> s == null ? null : safe(r, f, s, changeLevel(r.card(), f, s));
            case SECTION_TITLE -> s == null ? null : rename(r.card(), f, s);
            case METADATA, METADATA_KEY, METADATA_UNKNOWN -> f.replacement() == null ? null
                    : new Fix("Change to " + quote(f.replacement()), kind(f),
                            List.of(new Edit(f.start(), f.end(), f.replacement())), f);
            default -> null;
        };
        return fix == null ? List.of() : List.of(fix);
    }

    private static Fix insertSection(CheckResult r, Finding f, SectionRule s) {
        return new Fix("Insert section " + quote(s.title()) + " (" + s.heading() + ")", kind(f),
                Insertions.of(r, List.of(s)), f);
    }

    /** The suggested text goes after what the section already holds (its guidance comment). */
    private static Fix fillSection(CheckResult r, Finding f, SectionRule s, String eol) {
        Heading h = r.card().headingBefore(f.start());
        if (h == null) {
            return null;
        }
        int at = Placement.endOfBody(r.card(), h);
        String text = LineEnding.convert("\n\n" + s.suggested().strip(), eol);
        return new Fix("Fill " + quote(s.title()) + " with the template's suggested text", kind(f),
                List.of(Edit.insert(at, text)), f);
    }

    /**
     * A template instruction is removed (with its line when it stands alone on it). Other placeholder text that
     * fills its lines is replaced by the section's suggested text, where the template has one.
     */
    private static Fix placeholder(CheckResult r, Finding f, SectionRule s, String eol) {
        CardDocument card = r.card();
        String found = card.text().substring(f.start(), f.end());
        boolean wholeLines = fillsItsLines(card, f.start(), f.end());
        if (r.pack().isInstructionKey(Titles.key(found))) {
            Edit edit = wholeLines ? removeLines(card, f.start(), f.end()) : removeInline(card.text(), f.start(), f.end());
            return new Fix("Remove the template instruction", kind(f), List.of(edit), f);
        }
        if (s != null && s.suggested() != null && wholeLines) {
            return new Fix("Replace with the template's suggested text", kind(f),
                    List.of(new Edit(f.start(), f.end(), LineEnding.convert(s.suggested().strip(), eol))), f);
        }
        return null;
    }

    /** The {@code #} run becomes the template's; a setext heading is rewritten as an ATX one. */
    private static Fix changeLevel(CardDocument card, Finding f, SectionRule s) {
        Heading h = card.headingBefore(f.start());
        if (h == null) {
            return null;
        }
        String text = card.text();
        String hashes = "#".repeat(s.level());
        Edit edit;
        if (text.charAt(h.start()) == '#') {
            int run = h.start();
            while (run < text.length() && text.charAt(run) == '#') {
                run++;
            }
            edit = new Edit(h.start(), run, hashes);
        } else {
            edit = new Edit(h.start(), Tree.end(card.blocks().get(h.blockIndex())),
                    hashes + " " + text.substring(h.textStart(), h.textEnd()));
        }
        return new Fix("Make it a level-" + s.level() + " heading (" + hashes + " " + h.text() + ")", kind(f),
                List.of(edit), f);
    }

    /** The heading's text becomes the template's title; a leading section number stays. */
    private static Fix rename(CardDocument card, Finding f, SectionRule s) {
        String old = card.text().substring(f.start(), f.end());
        Matcher number = NUMBER.matcher(old);
        String title = (number.lookingAt() ? number.group() : "") + s.title();
        return new Fix("Rename to " + quote(s.title()) + " (the template's title)", kind(f),
                List.of(new Edit(f.start(), f.end(), title)), f);
    }

    /** The level change, when the outline after it has no finding the outline before has not. */
    private static Fix safe(CheckResult r, Finding f, SectionRule s, Fix fix) {
        if (fix == null) {
            return null;
        }
        Heading h = r.card().headingBefore(f.start());
        Set<String> before = structure(CardChecker.outlineFindings(r, null, 0));
        return before.containsAll(structure(CardChecker.outlineFindings(r, h, s.level()))) ? fix : null;
    }

    /** Outline findings by code and section (their messages name lines, which edits shift). */
    private static Set<String> structure(List<Finding> findings) {
        Set<String> out = new HashSet<>();
        for (Finding f : findings) {
            out.add(f.code().id() + " " + f.section());
        }
        return out;
    }

    /** True when only blanks, list bullets or quote markers share the range's lines. */
    private static boolean fillsItsLines(CardDocument card, int start, int end) {
        LineIndex lines = card.lines();
        String text = card.text();
        String lead = text.substring(lines.lineStart(lines.lineOf(start)), start);
        String trail = text.substring(end, lines.lineEnd(lines.lineOf(end)));
        return lead.matches("[\\s>]*([-*+]|\\d+[.)])?\\s*") && trail.isBlank();
    }

    /** Deletes whole lines, and one blank line after them when a blank line also precedes them. */
    private static Edit removeLines(CardDocument card, int start, int end) {
        LineIndex lines = card.lines();
        String text = card.text();
        int first = lines.lineOf(start);
        int last = lines.lineOf(end);
        int from = lines.lineStart(first);
        int to = last + 1 < lines.lineCount() ? lines.lineStart(last + 1) : text.length();
        boolean blankAbove = first == 0 || text.substring(lines.lineStart(first - 1), lines.lineEnd(first - 1)).isBlank();
        if (blankAbove && last + 2 < lines.lineCount()
                && text.substring(lines.lineStart(last + 1), lines.lineEnd(last + 1)).isBlank()) {
            to = lines.lineStart(last + 2);
        } else if (to == text.length() && first > 0) {
            from = lines.lineEnd(first - 1); // the last line: take the line break before it instead
        }
        return new Edit(from, to, "");
    }

    /** Deletes the range and one space next to it, so that no double space is left. */
    private static Edit removeInline(String text, int start, int end) {
        if (end < text.length() && text.charAt(end) == ' ') {
            end++;
        } else if (start > 0 && text.charAt(start - 1) == ' ') {
            start--;
        }
        return new Edit(start, end, "");
    }

    private static String kind(Finding f) {
        return Fix.QUICKFIX + f.code().id();
    }

    static String quote(String s) {
        return "\u201c" + s + "\u201d";
    }
}
