package org.reprodiff.ingest.guild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The opref line and the shell words it is made of, against Python's {@code shlex.split} worked by hand. */
class GuildOpRefTest {
    @Test
    void readsEmptyQuotedPartsAsEmptyWords() {
        GuildOpRef ref = GuildOpRef.parse("test: '' util test\n");
        assertEquals(new GuildOpRef("test", "", "", "util", "test"), ref);
        assertEquals("util:test", ref.opSpec());
        assertEquals("train", GuildOpRef.parse("test: '' '' train").opSpec());
    }

    @Test
    void readsEscapedSpacesAndAColonInThePackageName() {
        GuildOpRef ref = GuildOpRef.parse("guildfile:/foo/project\\ with\\ spaces 7253deeeaeb6dc85466cf691facff24e test go");
        assertEquals(new GuildOpRef("guildfile", "/foo/project with spaces", "7253deeeaeb6dc85466cf691facff24e", "test", "go"), ref);
        assertEquals("c:/x", GuildOpRef.parse("guildfile:c:/x 1 m op").pkgName());
    }

    @Test
    void rejectsLinesThatAreNotFourWordsOrLackTheTypeColon() {
        assertNull(GuildOpRef.parse("not a valid opref"));
        assertNull(GuildOpRef.parse("package:fashion 1.0 fashion"));
        assertNull(GuildOpRef.parse("package:fashion '1.0 fashion train"));
        assertNull(GuildOpRef.parse(null));
    }

    @Test
    void splitsLikePythonsShlex() {
        assertEquals(List.of("a b", "c\"d", "e'f", "", "g\\h"),
                ShlexParser.split("'a b' \"c\\\"d\" e\\'f \"\" \"g\\h\""));
        assertEquals(List.of("ab", "c"), ShlexParser.split("  a'b'  c "));
        assertNull(ShlexParser.split("trailing\\"));
    }
}
