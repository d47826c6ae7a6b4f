package dev.modelcard.pack;

import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Composed YAML documents in a compact binary form: each node's kind, tag, style and start position, and a
 * scalar's value. Reading it back gives the nodes the YAML parser gave, without parsing: the bundled packs are
 * written so at build time ({@link PackCompiler}), since parsing 50 KB of YAML in a JVM that has just started
 * took longer than checking a card. End positions are not kept (problems are reported where a node starts).
 */
final class PackNodes {
    private static final byte SCALAR = 0;
    private static final byte SEQUENCE = 1;
    private static final byte MAPPING = 2;
    private static final int[] NO_TEXT = new int[0];

    private PackNodes() {}

    /** The packs' file names and documents, in order. */
    static void write(List<PackRegistry.Source> sources, DataOutputStream out) throws IOException {
        out.writeInt(sources.size());
        List<String> tags = new ArrayList<>();
        for (PackRegistry.Source s : sources) {
            string(s.file(), out);
            node(s.node(), tags, out);
        }
    }

    /** What {@link #write} wrote. */
    static List<PackRegistry.Source> read(byte[] data) throws IOException {
        Bytes in = new Bytes(data);
        try {
            int n = in.readInt();
            List<PackRegistry.Source> out = new ArrayList<>(n);
            List<Tag> tags = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String file = in.string();
                out.add(new PackRegistry.Source(file, null, node(in, tags, file)));
            }
            return out;
        } catch (IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new EOFException("the packs end early");
        }
    }

    /** A node; its tag as the index of one written before, or as -1 and the tag, the first time. */
    private static void node(Node n, List<String> tags, DataOutputStream out) throws IOException {
        Mark start = n.getStartMark().orElseThrow();
        out.writeByte(n instanceof ScalarNode ? SCALAR : n instanceof SequenceNode ? SEQUENCE : MAPPING);
        int tag = tags.indexOf(n.getTag().getValue());
        out.writeInt(tag);
        if (tag < 0) {
            tags.add(n.getTag().getValue());
            string(n.getTag().getValue(), out);
        }
        out.writeInt(start.getLine());
        out.writeInt(start.getColumn());
        if (n instanceof ScalarNode s) {
            out.writeByte(s.getScalarStyle().ordinal());
            string(s.getValue(), out);
        } else if (n instanceof SequenceNode s) {
            out.writeByte(s.getFlowStyle().ordinal());
            out.writeInt(s.getValue().size());
            for (Node item : s.getValue()) {
                node(item, tags, out);
            }
        } else {
            MappingNode m = (MappingNode) n;
            out.writeByte(m.getFlowStyle().ordinal());
            out.writeInt(m.getValue().size());
            for (NodeTuple t : m.getValue()) {
                node(t.getKeyNode(), tags, out);
                node(t.getValueNode(), tags, out);
            }
        }
    }

    private static Node node(Bytes in, List<Tag> tags, String file) {
        byte kind = in.readByte();
        int index = in.readInt();
        if (index < 0) {
            tags.add(new Tag(in.string()));
        }
        Tag tag = tags.get(index < 0 ? tags.size() - 1 : index);
        Optional<Mark> start = Optional.of(new Mark(file, 0, in.readInt(), in.readInt(), NO_TEXT, 0));
        if (kind == SCALAR) {
            ScalarStyle style = ScalarStyle.values()[in.readByte()];
            return new ScalarNode(tag, true, in.string(), style, start, Optional.empty());
        }
        FlowStyle flow = FlowStyle.values()[in.readByte()];
        int size = in.readInt();
        if (kind == SEQUENCE) {
            List<Node> items = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                items.add(node(in, tags, file));
            }
            return new SequenceNode(tag, true, items, flow, start, Optional.empty());
        }
        List<NodeTuple> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(new NodeTuple(node(in, tags, file), node(in, tags, file)));
        }
        return new MappingNode(tag, true, entries, flow, start, Optional.empty());
    }

    /** UTF-8 with its length: a scalar can be longer than {@code writeUTF} takes. */
    private static void string(String s, DataOutputStream out) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * The bytes {@link DataOutputStream} wrote, read back from memory: a start reads thousands of numbers, and a
     * stream's read per byte is slow before it is compiled.
     */
    private static final class Bytes {
        private final byte[] data;
        private int at;

        Bytes(byte[] data) {
            this.data = data;
        }

        byte readByte() {
            return data[at++];
        }

        int readInt() {
            int v = (data[at] & 0xff) << 24 | (data[at + 1] & 0xff) << 16 | (data[at + 2] & 0xff) << 8
                    | data[at + 3] & 0xff;
            at += 4;
            return v;
        }

        String string() {
            int length = readInt();
            java.util.Objects.checkFromIndexSize(at, length, data.length);
            String s = new String(data, at, length, StandardCharsets.UTF_8);
            at += length;
            return s;
        }
    }
}
