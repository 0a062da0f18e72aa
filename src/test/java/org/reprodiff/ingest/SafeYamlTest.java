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

    @Test
    void refusesADocumentThatContainsItself() {
        assertThrows(org.yaml.snakeyaml.error.YAMLException.class, () -> SafeYaml.parse("a: &x [1, *x]\n"));
        assertThrows(org.yaml.snakeyaml.error.YAMLException.class, () -> SafeYaml.parse("&m {k: *m}\n"));
    }

    @Test
    void refusesAliasesThatDoubleUpToMillionsOfValues() {
        StringBuilder doc = new StringBuilder("a0: &a0 [x, y]\n");
        for (int i = 1; i <= 22; i++) {
            doc.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        // 22 levels of two aliases (44 alias uses, under SnakeYAML's limit of 50) walk to 2^23 values
        assertThrows(org.yaml.snakeyaml.error.YAMLException.class, () -> SafeYaml.parse(doc.toString()));
        assertEquals(java.util.List.of(java.util.List.of("x", "y"), java.util.List.of("x", "y")),
                ((java.util.Map<?, ?>) SafeYaml.parse("a: &a [x, y]\nb: [*a, *a]\n")).get("b"), "a few aliases are fine");
    }
}
