package dev.modelcard.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The language codes the Hub accepts, asked of the short list first and of the whole list only past it. */
class HubDataTest {
    private final HubData hub = HubData.get();

    @Test
    void aCodeIsKnownExactlyWhenTheWholeListHasIt() {
        for (String code : new String[] {"en", "fr", "zh", "yue", "eng", "jp", "en-US", "EN", "xx", "", "code"}) {
            assertEquals(hub.languages().containsKey(code), hub.isLanguage(code), code);
        }
        assertTrue(hub.languages().keySet().stream().allMatch(hub::isLanguage));
        assertEquals(8100, hub.languages().size());
    }

    @Test
    void aMisusedCodeIsNotOneAndTheCodeMeantIsFound() {
        assertTrue(hub.isLanguage("en"));
        assertFalse(hub.isLanguage("jp"), "Japanese is ja");
        assertEquals("ja", hub.languageMeant("jp").orElseThrow());
    }
}
