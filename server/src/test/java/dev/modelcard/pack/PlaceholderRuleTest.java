package dev.modelcard.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The text every match of a pattern contains, where it is sure: a scan is skipped where that text is absent. */
class PlaceholderRuleTest {
    private static String required(String regex) {
        return new PlaceholderRule(PlaceholderRule.Kind.REGEX, Pattern.compile(regex), regex, null).requiredText();
    }

    @Test
    void wordsBetweenWordBoundaries() {
        assertEquals("TODO", required("\\bTODO\\b"));
        assertEquals("on the None dataset", required("\\bon the None dataset\\b"));
    }

    @Test
    void theLiteralAPatternStartsWith() {
        assertEquals("{{", required("\\{\\{.*?\\}\\}"));
        assertEquals("[", required("(?m)\\[(?<=^[ \\t>]{0,12}\\[)[^\\[\\]\\n]+\\]"));
        assertEquals("Model Card Template", required("(?m)Model Card Template\\b(?<=^#{1,6}[ \\t]{1,4}Model).*"));
        assertEquals("[Please include other ", required("\\[Please include other [^\\]]*\\]"));
        assertEquals("C:\\x", required("C:\\\\x"));
    }

    @Test
    void aCharThatAQuantifierMakesOptionalIsLeftOut() {
        assertEquals("colo", required("colou?r"));
        assertEquals("ab", required("abc*"));
        assertEquals("ab", required("abc{0,2}"));
        assertNull(required("a?b"));
    }

    @Test
    void noneWhereMatchesNeedNotContainIt() {
        assertNull(required("TODO|FIXME"), "an alternative without it");
        assertNull(required("(?i)todo"), "another case matches");
        assertNull(required("(?x)T O D O"), "spaces do not count");
        assertNull(required("^TODO"));
        assertNull(required("\\d+ TODO"));
        assertNull(new PlaceholderRule(PlaceholderRule.Kind.EMPHASIS, Pattern.compile("^Examples?:"), "^Examples?:",
                null).requiredText(), "emphasis is matched span by span");
    }

    @Test
    void everyMatchContainsIt() {
        String text = "colr color colour {{x}} [a hint] C:\\x abccc";
        for (String regex : new String[] {"colou?r", "\\{\\{.*?\\}\\}", "abc*", "\\[[a-z ]+\\]", "C:\\\\x"}) {
            var m = Pattern.compile(regex).matcher(text);
            while (m.find()) {
                assertTrue(m.group().contains(required(regex)), regex + " matched " + m.group());
            }
        }
    }
}
