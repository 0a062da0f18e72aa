package org.reprodiff.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.YAMLException;

class SafeYamlTest {
    @Test
    void readsPythonObjectTagsAsPlainData() {
        Object doc = SafeYaml.parse("params: !!python/object:argparse.Namespace\n  lr: 0.1\n  layers: !!python/tuple [1, 2]\n"
                + "fn: !!python/name:torch.optim.Adam ''\n");
        Map<?, ?> map = (Map<?, ?>) doc;
        assertEquals(Map.of("lr", 0.1, "layers", List.of(1, 2)), map.get("params"));
        assertEquals("", map.get("fn"));
    }

    @Test
    void refusesAnAliasBomb() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char prev = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append(", *")
                    .append(prev).append(", *").append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
        }
        YAMLException e = assertThrows(YAMLException.class, () -> SafeYaml.parse(bomb.toString()));
        assertTrue(e.getMessage().toLowerCase().contains("alias"), e.getMessage());
    }

    @Test
    void constructsNoJavaObjectFromAJavaTag() {
        Object doc = SafeYaml.parse("x: !!java.io.File {path: /etc/passwd}\n");
        assertEquals(Map.of("x", Map.of("path", "/etc/passwd")), doc);
    }
}
