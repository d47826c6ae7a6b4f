package dev.modelcard.edits;

import dev.modelcard.check.CheckResult;
import dev.modelcard.check.Finding;
import dev.modelcard.markdown.CardDocument;
import dev.modelcard.text.LineIndex;
import dev.modelcard.pack.Code;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "Disable CODE for this line / for this file": the comments the card's author writes, written for them. */
public final class DisableFixes {
    public static final String LINE = "quickfix.modelcard.disable-line";
    public static final String FILE = "quickfix.modelcard.disable-file";
    private static final Pattern FILE_COMMENT = Pattern.compile("<!--[ \\t]*modelcard-disable-file(?![\\w-])(.*?)-->",
            Pattern.DOTALL);

    private DisableFixes() {}

    /** Both fixes; for a finding about the front matter, where no HTML comment can go, the file's only. */
    public static List<Fix> of(CheckResult r, Finding f) {
        var fm = r.card().frontMatter();
        boolean inYaml = fm != null && f.start() >= fm.yamlStart() && f.start() < fm.yamlEnd();
        if (inYaml || EnumSet.of(Code.FRONT_MATTER, Code.METADATA, Code.METADATA_KEY, Code.METADATA_UNKNOWN)
                .contains(f.code())) {
            return List.of(file(r.card(), f));
        }
        return List.of(line(r.card(), f), file(r.card(), f));
    }

    /** A {@code disable-next-line} comment on its own line above the finding's, indented as that line is. */
    private static Fix line(CardDocument card, Finding f) {
        LineIndex lines = card.lines();
        String comment = "<!-- modelcard-disable-next-line " + f.code().id() + " -->";
        String title = "Disable " + f.code().id() + " for this line";
        int start = lines.lineStart(lines.lineOf(f.start()));
        if (start < card.bodyStart()) { // an empty body after the front matter: the comment goes below it
            return new Fix(title, LINE, List.of(atBodyStart(card, comment)), f);
        }
        String line = card.text().substring(start, lines.lineEnd(lines.lineOf(f.start())));
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        return new Fix(title, LINE, List.of(Edit.insert(start, indent + comment + LineEnding.of(card.text()))), f);
    }

    /** Adds the code to the card's {@code disable-file} comment, or writes one at the top of the body. */
    private static Fix file(CardDocument card, Finding f) {
        String title = "Disable " + f.code().id() + " for this file";
        Matcher m = FILE_COMMENT.matcher(card.text());
        if (m.find() && !m.group(1).isBlank()) {
            int at = m.start(1) + m.group(1).stripTrailing().length();
            return new Fix(title, FILE, List.of(Edit.insert(at, " " + f.code().id())), f);
        }
        return new Fix(title, FILE, List.of(atBodyStart(card, "<!-- modelcard-disable-file " + f.code().id() + " -->")),
                f);
    }

    /** A comment on its own line where the body starts (after a line break when the front matter lacks one). */
    private static Edit atBodyStart(CardDocument card, String comment) {
        String eol = LineEnding.of(card.text());
        int at = card.bodyStart();
        boolean lineStart = at == 0 || card.text().charAt(at - 1) == '\n' || card.text().charAt(at - 1) == '\r';
        return Edit.insert(at, (lineStart ? "" : eol) + comment + eol + (at < card.text().length() ? eol : ""));
    }
}
