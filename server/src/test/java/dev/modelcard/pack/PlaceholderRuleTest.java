package dev.modelcard.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The text every match of a pattern starts with, where that is sure: the pattern is tried only where it stands. */
class PlaceholderRuleTest {
    private static String leading(String regex) {
        return new PlaceholderRule(PlaceholderRule.Kind.REGEX, Pattern.compile(regex), regex, null).leadingText();
    }

    @Test
    void wordsBetweenWordBoundaries() {
        assertEquals("TODO", leading("\\bTODO\\b"));
        assertEquals("on the None dataset", leading("\\bon the None dataset\\b"));
    }

    @Test
    void theLiteralAPatternStartsWith() {
        assertEquals("{{", leading("\\{\\{.*?\\}\\}"));
        assertEquals("[", leading("(?m)\\[(?<=^[ \\t>]{0,12}\\[)[^\\[\\]\\n]+\\]"));
        assertEquals("Model Card Template", leading("(?m)Model Card Template\\b(?<=^#{1,6}[ \\t]{1,4}Model).*"));
        assertEquals("[Please include other ", leading("\\[Please include other [^\\]]*\\]"));
        assertEquals("C:\\x", leading("C:\\\\x"));
    }

    @Test
    void aCharThatAQuantifierMakesOptionalIsLeftOut() {
        assertEquals("colo", leading("colou?r"));
        assertEquals("ab", leading("abc*"));
        assertEquals("ab", leading("abc{0,2}"));
        assertNull(leading("a?b"));
    }

    @Test
    void noneWhereMatchesNeedNotStartWithIt() {
        assertNull(leading("TODO|FIXME"), "an alternative without it");
        assertNull(leading("(?i)todo"), "another case matches");
        assertNull(leading("(?x)T O D O"), "spaces do not count");
        assertNull(leading("^TODO"));
        assertNull(leading("\\d+ TODO"));
        assertNull(leading("TODO\\G"), "where the last match ended");
        assertNull(new PlaceholderRule(PlaceholderRule.Kind.EMPHASIS, Pattern.compile("^Examples?:"), "^Examples?:",
                null).leadingText(), "emphasis is matched span by span");
    }

    @Test
    void everyMatchStartsWithIt() {
        String text = "colr color colour {{x}} [a hint] C:\\x abccc";
        for (String regex : new String[] {"colou?r", "\\{\\{.*?\\}\\}", "abc*", "\\[[a-z ]+\\]", "C:\\\\x"}) {
            var m = Pattern.compile(regex).matcher(text);
            while (m.find()) {
                assertTrue(m.group().startsWith(leading(regex)), regex + " matched " + m.group());
            }
        }
    }
}
