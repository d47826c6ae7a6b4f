package dev.modelcard.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.modelcard.CardAssert;
import dev.modelcard.Cards;
import dev.modelcard.markdown.CardParser;
import dev.modelcard.pack.RulePack;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class DetectionTest {
    private static final TemplateDetector DETECTOR = new TemplateDetector(CardAssert.PACKS);
    private static final CardParser PARSER = new CardParser();

    private static String detect(String text, String explicit, Predicate<String> companions) {
        RulePack p = DETECTOR.detect(PARSER.parse(text), explicit, companions).orElse(null);
        return p == null ? null : p.id();
    }

    @Test
    void headingsDecideWhenNothingElseDoes() {
        assertEquals("czi", detect(Cards.CZI, null, n -> false));
        assertEquals("bioimage-io", detect(Cards.BIOIMAGE, null, n -> false));
    }

    @Test
    void aDraftWithAFewDistinctiveSectionsIsStillACard() {
        assertEquals("czi", detect("# M\n## Model Details\n## Intended Use\n## Performance Metrics\n", null, n -> false));
        assertEquals("bioimage-io", detect("# M\n# Model Details\n# Uses\n# Task Details\n# Evaluation\n", null,
                n -> false));
    }

    @Test
    void sharedHeadingsAloneAreNotEnough() {
        // The Hugging Face template shares many headings with BioImage's, none of its distinctive ones: such a card
        // is a Hugging Face card, never a BioImage one.
        assertEquals("huggingface", detect("# M\n# Model Details\n## Model Description\n# Uses\n## Direct Use\n# Training Details\n"
                + "# Evaluation\n# Environmental Impact\n# Citation\n# Model Card Contact\n", null, n -> false));
        assertNull(detect("## Model Details\n## Intended Use\n## Hardware and Software\n## Training Data\n", null,
                n -> false));
    }

    @Test
    void ordinaryReadmesAreNotCards() {
        assertNull(detect("# tool\n## Installation\n## Usage\n## Configuration\n## Contributing\n## License\n", null,
                n -> false));
        assertNull(detect("", null, n -> false));
    }

    @Test
    void companionFilesChooseThePack() {
        assertEquals("bioimage-io", detect("# Stub\n", null, "rdf.yaml"::equals));
        assertEquals("bioimage-io", detect("# Stub\n", null, "bioimageio.yaml"::equals));
        assertEquals("czi", detect("# Stub\n", null, "model_card_metadata.yaml"::equals));
        assertEquals("czi", detect(Cards.BIOIMAGE, null, "model_card_details.yaml"::equals));
    }

    @Test
    void anExplicitChoiceWins() {
        assertEquals("czi", detect(Cards.BIOIMAGE, "czi", "rdf.yaml"::equals));
        assertNull(detect(Cards.CZI, "no-such-pack", n -> false));
    }
}
