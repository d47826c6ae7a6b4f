package dev.modelcard.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** The packs in the jar, composed at build time, are the YAML files of rules/ to the last field and position. */
class PackCompilerTest {
    private static final Path RULES = Path.of(System.getProperty("modelcard.repo", "..")).resolve("rules");

    @Test
    void theBundledPacksAreThoseOfTheYamlFiles() throws Exception {
        List<PackRegistry.Source> yaml = new ArrayList<>();
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                yaml.add(new PackRegistry.Source("rules/" + f.getFileName(), Files.readString(f)));
            }
        }
        PackRegistry fromYaml = PackRegistry.of(yaml);
        PackRegistry bundled = PackRegistry.bundled();
        assertEquals(List.of(), bundled.problems());
        assertEquals(yaml.stream().map(PackRegistry.Source::file).toList(),
                PackRegistry.bundledSources().stream().map(PackRegistry.Source::file).toList());
        List<String> ids = fromYaml.templates().stream().map(RulePack::id).toList();
        assertEquals(ids, bundled.templates().stream().map(RulePack::id).toList());
        assertTrue(ids.size() >= 5, ids.toString());
        for (String id : List.of("common", "czi", "bioimage-io", "huggingface", "huggingface-hub")) {
            assertEquals(fields(fromYaml.get(id).orElseThrow()), fields(bundled.get(id).orElseThrow()), id);
        }
    }

    @Test
    void nodesAreReadBackAsTheyWereComposed() throws Exception {
        String text = "id: x\nname: \"Quoted \\u00e9 \uD83D\uDE00\"\nflow: {a: [1, 2.5, true, null], 'b': c}\n"
                + "block: |\n  line one\n  line two\nfolded: >\n  a\n  b\nlist:\n  - - nested\n    - ~\n  - k: v\n"
                + "long: " + "w".repeat(70_000) + "\n";
        Node composed = PackLoader.compose(text, "t.yaml", "pack");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PackNodes.write(List.of(new PackRegistry.Source("t.yaml", null, composed)), new DataOutputStream(bytes));
        List<PackRegistry.Source> read = PackNodes.read(bytes.toByteArray());
        assertEquals(1, read.size());
        assertEquals("t.yaml", read.get(0).file());
        assertEquals(describe(composed), describe(read.get(0).node()));
    }

    @Test
    void aBundledPackWithAProblemFailsTheBuild(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.yaml"), Files.readString(RULES.resolve("czi.yaml")).replace("id: czi",
                "id: good"));
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\nname: Bad\nsections:\n  - id: a\n    title: A\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PackCompiler.compose(dir));
        assertTrue(e.getMessage().contains("rules/bad.yaml:4:5: missing required key 'level'"), e.getMessage());
    }

    private static List<Object> fields(RulePack p) {
        return List.of(p.id(), p.name(), p.shortName(), p.extendsId(), p.detection(), p.title(), p.sections(),
                p.glossary(), p.placeholders().stream().map(r -> List.of(r.kind(), r.pattern().pattern(),
                        r.pattern().flags(), r.source(), String.valueOf(r.description()))).toList(),
                p.severities(), p.metadata(), p.edits(), p.allSections());
    }

    /** Every node's kind, tag, style, start and value, depth first. */
    private static List<String> describe(Node n) {
        List<String> out = new ArrayList<>();
        describe(n, out);
        return out;
    }

    private static void describe(Node n, List<String> out) {
        var m = n.getStartMark().orElseThrow();
        String at = n.getNodeType() + " " + n.getTag() + " " + m.getLine() + ":" + m.getColumn();
        if (n instanceof ScalarNode s) {
            out.add(at + " " + s.getScalarStyle() + " " + s.getValue());
        } else if (n instanceof SequenceNode s) {
            out.add(at + " " + s.getFlowStyle() + " " + s.getValue().size());
            s.getValue().forEach(item -> describe(item, out));
        } else {
            MappingNode map = (MappingNode) n;
            out.add(at + " " + map.getFlowStyle() + " " + map.getValue().size());
            for (NodeTuple t : map.getValue()) {
                describe(t.getKeyNode(), out);
                describe(t.getValueNode(), out);
            }
        }
    }
}
