package dev.modelcard.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackLoaderTest {
    private static final String MINIMAL = """
            id: team
            name: Team model card template
            sections:
              - id: overview
                title: Overview
                level: 2
            """;

    private static List<String> problems(String yaml) {
        PackException e = assertThrows(PackException.class, () -> PackLoader.parse(yaml, "rules/team.yaml", "team"));
        return e.problems().stream().map(PackProblem::toString).toList();
    }

    @Test
    void bundledPacksLoadWithoutProblems() {
        PackRegistry r = PackRegistry.bundled();
        assertEquals(List.of(), r.problems());
        assertEquals(List.of("bioimage-io", "czi", "huggingface-hub", "huggingface-trainer", "huggingface"),
                r.templates().stream().map(RulePack::id).toList());
        assertEquals(35, r.get("huggingface").orElseThrow().allSections().size());
        assertEquals("huggingface", r.get("huggingface-trainer").orElseThrow().metadata().orElseThrow(),
                "inherited from huggingface-hub");
        RulePack czi = r.get("czi").orElseThrow();
        assertEquals(23, czi.allSections().size());
        assertEquals(38, r.get("bioimage-io").orElseThrow().allSections().size());
        // Inherited from common.yaml, before the pack's own.
        assertEquals("[More Information Needed]", czi.placeholders().get(0).source());
        assertEquals("Model Card Authors", czi.section("model-card-authors").orElseThrow().title());
        assertEquals(Requirement.OPTIONAL, czi.section("acknowledgements").orElseThrow().requirement());
        assertEquals(Requirement.RECOMMENDED, czi.section("training-code").orElseThrow().requirement());
    }

    @Test
    void minimalPackLoads() throws PackException {
        RulePack p = PackLoader.parse(MINIMAL, "rules/team.yaml", "team");
        assertEquals("Team model card template", p.shortName());
        assertEquals(Requirement.REQUIRED, p.sections().get(0).requirement());
    }

    @Test
    void aDuplicateKeyIsRefusedWhereItRepeats() {
        assertEquals(List.of("rules/team.yaml:3:1: YAML syntax: found duplicate key name"),
                problems("id: team\nname: x\nname: y\nsections: []\n"));
        assertEquals(List.of("rules/team.yaml:5:5: YAML syntax: found duplicate key level"),
                problems("id: team\nname: x\nsections:\n  - {id: a, title: A, level: 2,\n    level: 3}\n"));
    }

    @Test
    void yamlSyntaxErrorHasFileLineAndColumn() {
        assertEquals(List.of("rules/team.yaml:4:3: YAML syntax: expected the node content, but found '-'"),
                problems("id: team\nname: x\nsections: [\n  - id: a\n"));
    }

    @Test
    void everySchemaProblemIsReportedAtItsNode() {
        String yaml = """
                id: team
                name: Team
                sectons: []
                sections:
                  - id: overview
                    title: Overview
                    level: nine
                    requirement: must
                  - id: overview
                    title: Again
                    level: 2
                    sections:
                      - id: child
                        title: Child
                        level: 1
                placeholders:
                  - regex: '[unclosed'
                  - text: a
                    line: b
                severities:
                  placeholder: loud
                  placeholders: off
                """;
        assertEquals(List.of(
                "rules/team.yaml:3:1: unknown key 'sectons' in a rule pack; did you mean 'sections'?",
                "rules/team.yaml:7:12: 'level' must be a whole number, not 'nine'",
                "rules/team.yaml:8:18: 'requirement' must be required, recommended or optional, not 'must'",
                "rules/team.yaml:9:9: section id 'overview' is used twice",
                "rules/team.yaml:13:7: subsection 'child' must have a deeper level than 2",
                "rules/team.yaml:17:12: 'regex' is not a valid regular expression: Unclosed character class",
                "rules/team.yaml:18:5: a placeholder needs exactly one of text, regex, line or emphasis",
                "rules/team.yaml:21:16: 'placeholder' must be one of [off, error, warning, information, hint], "
                        + "not 'loud'",
                "rules/team.yaml:22:3: unknown rule 'placeholders' in 'severities'; did you mean 'placeholder'? Known: "
                        + "[missing-section, empty-section, placeholder, heading-level, duplicate-section, "
                        + "section-order, section-title, front-matter, unknown-rule, metadata, metadata-key, metadata-unknown]"),
                problems(yaml));
    }

    @Test
    void idMustMatchTheFileName() {
        assertEquals(List.of("rules/team.yaml:1:5: 'id' is 'other' but the file is named team.yaml"),
                problems(MINIMAL.replace("id: team", "id: other")));
    }

    @Test
    void aBrokenPackIsLeftOutAndTheOthersStay() {
        PackRegistry r = PackRegistry.of(List.of(
                new PackRegistry.Source("rules/common.yaml", "id: common\nname: Common\nsections: []\n"),
                new PackRegistry.Source("rules/team.yaml", MINIMAL.replace("level: 2", "level: [")),
                new PackRegistry.Source("rules/lab.yaml", MINIMAL.replace("id: team", "id: lab")
                        + "extends: common\n"),
                new PackRegistry.Source("rules/orphan.yaml", MINIMAL.replace("id: team", "id: orphan")
                        + "extends: nowhere\n")));
        assertEquals(List.of("lab"), r.templates().stream().map(RulePack::id).toList());
        assertEquals(2, r.problems().size());
        assertTrue(r.problems().get(0).toString().startsWith("rules/team.yaml:"));
        assertEquals("rules/orphan.yaml:1:1: 'extends' names an unknown pack 'nowhere'", r.problems().get(1).toString());
    }

    @Test
    void aliasBombIsRefusedQuickly() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> problems(bomb.toString()));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("aliases"), problems.get(0));
    }

    @Test
    void titleKeysIgnoreCasePunctuationPluralsAndNumbering() {
        assertEquals(Titles.key("Biases, Risks, and Limitations"), Titles.key("Bias, Risks and Limitations"));
        assertEquals(Titles.key("Uses"), Titles.key("use"));
        assertEquals(Titles.key("Out-of-Scope Use"), Titles.key("  2.1 Out of scope uses [optional]"));
        assertEquals(Titles.key("Speeds, Sizes, Times"), Titles.key("\ud83d\ude80 Speeds Sizes Times"));
        assertTrue(!Titles.key("Training Data").equals(Titles.key("Training Date")));
    }

    private static final String INSTITUTE = """
            id: institute
            name: Example Institute model card template
            short-name: Institute card
            extends: czi
            remove: [model-card-authors, caveats-and-recommendations]
            change:
              citation: {requirement: optional, guidance: Cite the institute's paper.}
              training-code: {requirement: required}
            add:
              - id: data-availability
                title: Data Availability
                level: 2
                after: training-data
                guidance: Where the training data can be found.
              - id: lab-notebook
                title: Lab Notebook
                level: 3
                under: model-details
            """;

    @Test
    void aPackThatExtendsAnotherEditsItsSections() {
        List<PackRegistry.Source> sources = new java.util.ArrayList<>(PackRegistry.bundledSources());
        sources.add(new PackRegistry.Source("team/institute.yaml", INSTITUTE));
        PackRegistry r = PackRegistry.of(sources);
        assertEquals(List.of(), r.problems());
        RulePack p = r.get("institute").orElseThrow();
        assertEquals(List.of("model-details", "model-architecture", "parameters", "citation", "lab-notebook",
                "intended-use", "primary-use-cases", "out-of-scope-use", "training-data", "training-procedure",
                "training-code", "speeds-sizes-times", "training-hyperparameters", "data-availability",
                "performance-metrics", "metrics", "evaluation-datasets", "evaluation-results",
                "biases-risks-limitations", "potential-biases", "risks", "limitations", "acknowledgements"),
                p.allSections().stream().map(SectionRule::id).toList());
        assertEquals(Requirement.OPTIONAL, p.section("citation").orElseThrow().requirement());
        assertEquals("Cite the institute's paper.", p.section("citation").orElseThrow().guidance());
        assertEquals(Requirement.REQUIRED, p.section("training-code").orElseThrow().requirement());
        assertEquals("[More Information Needed]", p.placeholders().get(0).source(), "placeholders are inherited");
        assertEquals("CZI model card template", r.get("czi").orElseThrow().name(), "the base is unchanged");
    }

    @Test
    void editsNamingUnknownSectionsAreReportedWhereTheyAreWritten() {
        String yaml = INSTITUTE.replace("remove: [model-card-authors,", "remove: [model-card-author,")
                .replace("  training-code: {", "  trainig-code: {").replace("under: model-details", "under: nope")
                .replace("after: training-data", "after: training-data\n    under: model-details");
        assertEquals(List.of(
                "team/institute.yaml:10:5: an added section needs exactly one of 'after' (a section id) or 'under' "
                        + "(a section id)"),
                PackRegistry.problemsOf("team/institute.yaml", yaml).stream().map(PackProblem::toString).toList());
        String linked = yaml.replace("    under: model-details\n", "");
        assertEquals(List.of(
                "team/institute.yaml:5:10: unknown section id 'model-card-author' in the base pack; did you mean "
                        + "'model-card-authors'?",
                "team/institute.yaml:8:3: unknown section id 'trainig-code' in the base pack; did you mean "
                        + "'training-code'?",
                "team/institute.yaml:18:12: unknown section id 'nope' in the base pack"),
                PackRegistry.problemsOf("team/institute.yaml", linked).stream().map(PackProblem::toString).toList());
    }

    @Test
    void editsNeedExtends() {
        assertEquals(List.of("rules/team.yaml:7:9: 'remove' edits inherited sections: it needs 'extends' and no "
                + "'sections' of its own"), problems(MINIMAL + "remove: [overview]\n"));
    }
}
