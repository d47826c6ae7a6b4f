package dev.modelcard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcard.Cards;
import dev.modelcard.cli.NeverSkipTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML completeness report: its matrix, totals, filters and links, read from the page it writes. */
class ReportCommandTest {
    private static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static List<String> all(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        return m.results().map(r -> r.group(1)).toList();
    }

    @Test
    void theMatrixHasARowPerCardACellPerSectionAndTotals(@TempDir Path dir) throws Exception {
        write(dir, "cards/a/README.md", Cards.CZI);
        write(dir, "cards/b/README.md", Cards.CZI.replace("15 million.", "TBD").replace("### Training Code\n"
                + "See the repository.\n", "").replace("A held-out donor.\n", ""));
        write(dir, "cards/c/README.md", Cards.BIOIMAGE);
        write(dir, "cards/tool/README.md", "# tool\n");
        Path html = dir.resolve("out/report.html");
        Run r = NeverSkipTest.run("report", "--html", html.toString(), dir.resolve("cards").toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(html + ": 3 cards checked, 1 skipped: 2 warnings, 1 information.\n", r.out());
        String page = Files.readString(html);

        assertFalse(page.contains("http://") || page.contains("https://") || page.contains(" src="),
                "nothing from the network");
        assertEquals(List.of("bioimage-io", "czi"), all(page, "<section class=\"template\" data-template=\"([^\"]+)\""));
        assertEquals(List.of("bioimage-io", "czi", "czi"), all(page, "<tr class=\"card\" id=\"card-\\d+\" "
                + "data-template=\"([^\"]+)\""));
        assertEquals(23, all(page.substring(page.indexOf("data-template=\"czi\"")),
                "<th class=\"section [a-z]+\" title=\"([^\"]+)\"").size(), "a column per CZI section");

        String b = page.substring(page.indexOf(dir.resolve("cards/b/README.md") + "</a></th>"));
        b = b.substring(0, b.indexOf("</tr>"));
        assertTrue(b.contains("data-complete=\"15\" data-total=\"18\""), b);
        assertTrue(b.contains("<td class=\"state placeholder\" title=\"Parameters: placeholder left\">"), b);
        assertTrue(b.contains("<td class=\"state missing\" title=\"Training Code: missing\">"), b);
        assertTrue(b.contains("<td class=\"state empty\" title=\"Evaluation Datasets: empty\">"), b);
        assertTrue(b.contains("<td class=\"state complete\" title=\"Citation: complete\">"), b);
        assertTrue(page.contains("data-states=\"empty missing placeholder\" data-complete=\"false\""), page);

        assertTrue(page.contains("<td class=\"total\" data-section=\"parameters\" title=\"Parameters: 1 complete, 1 "
                + "placeholder left\"><span class=\"complete\" data-state=\"complete\">\u27131</span><span class=\"placeholder"
                + "\" data-state=\"placeholder\">\u20261</span></td>"), page);
        assertTrue(page.contains("<a href=\"../cards/b/README.md#L6\">" + dir.resolve("cards/b/README.md") + ":6</a> "
                + "<span class=\"sev\">warning</span> <code>placeholder</code> Placeholder \u201cTBD\u201d left in "
                + "\u201cParameters\u201d (unfinished text marked TBD (to be determined)).</li>"), page);
        assertTrue(page.contains("<option value=\"czi\">CZI model card template</option>"));
        assertTrue(page.contains("<li><a href=\"../cards/tool/README.md\">" + dir.resolve("cards/tool/README.md")
                + "</a>: not a model card (no template matched)</li>"), page);
    }

    @Test
    void unreadInputIsNamedInThePageAndExitsTwo(@TempDir Path dir) throws Exception {
        write(dir, "a/README.md", Cards.CZI);
        Path html = dir.resolve("report.html");
        Run r = NeverSkipTest.run("report", "--html", html.toString(), dir.resolve("a").toString(),
                dir.resolve("gone").toString());
        assertEquals(2, r.exit());
        assertEquals(dir.resolve("gone") + ": no such file or folder\n", r.err());
        assertTrue(Files.readString(html).contains("<section id=\"problems\"><h2>Not read or not checked</h2><ul>\n"
                + "<li><a href=\"gone\">" + dir.resolve("gone") + "</a>: no such file or folder</li>"));
    }
}
