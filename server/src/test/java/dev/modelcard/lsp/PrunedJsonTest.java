package dev.modelcard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrunedJsonTest {
    private static JsonElement pruned(String json, List<List<String>> paths) throws IOException {
        return PrunedJson.read(new JsonReader(new StringReader(json)), paths);
    }

    @Test
    void onlyWhatLiesAlongThePathsIsKeptAndAPathsEndIsKeptWhole() throws Exception {
        assertEquals(JsonParser.parseString("{\"a\":{\"b\":1},\"d\":{\"e\":[true,{\"x\":1}]}}"),
                pruned("{\"a\":{\"b\":1,\"c\":[2]},\"d\":{\"e\":[true,{\"x\":1}]},\"f\":{\"a\":5}}",
                        List.of(List.of("a", "b"), List.of("d"))));
    }

    @Test
    void aValueOnTheWayThatIsNotAnObjectIsKeptAsItIs() throws Exception {
        assertEquals(JsonParser.parseString("{\"a\":[1,2],\"b\":{\"c\":\"x\"}}"),
                pruned("{\"a\":[1,2],\"b\":{\"c\":\"x\"}}", List.of(List.of("a", "z"), List.of("b", "c", "d"))));
        assertEquals(JsonParser.parseString("7"), pruned("7", List.of(List.of("a"))));
    }
}
