package dev.modelcard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcard.CardAssert;
import dev.modelcard.Cards;
import dev.modelcard.check.CheckResult;
import dev.modelcard.cli.output.Outcome.SectionState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's cells agree with the lens: a section written as a bold label is there. */
class SectionStatesTest {

    private static SectionState stateOf(String card, String sectionId) {
        CheckResult r = CardAssert.CHECKER.check(card, "czi", n -> false);
        List<SectionState> states = SectionStates.of(r);
        return states.get(r.pack().allSections().indexOf(r.pack().section(sectionId).orElseThrow()));
    }

    @Test
    void aBoldLabelIsThereAndAnEmptyOneIsEmpty() {
        String labelled = Cards.CZI.replace("### Model Architecture\nA two-layer transformer.\n",
                "**Model Architecture:** A two-layer transformer.\n\n");
        assertEquals(SectionState.COMPLETE, stateOf(labelled, "model-architecture"));
        String empty = Cards.CZI.replace("### Model Architecture\nA two-layer transformer.\n",
                "**Model Architecture:**\n\n");
        assertEquals(SectionState.EMPTY, stateOf(empty, "model-architecture"));
        String absent = Cards.CZI.replace("### Model Architecture\nA two-layer transformer.\n", "");
        assertEquals(SectionState.MISSING, stateOf(absent, "model-architecture"));
    }

    @Test
    void anAbsentOptionalSectionIsNotMissing() {
        assertEquals(SectionState.OPTIONAL_ABSENT, stateOf(Cards.CZI, "model-card-authors"));
    }
}
