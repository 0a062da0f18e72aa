package org.reprodiff.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Expected values worked out by hand from PEP 440 (normalisation, ordering, local versions). */
class PackageVersionTest {

    private static PackageVersion v(String text) {
        return PackageVersion.parse(text).orElseThrow(() -> new AssertionError("did not parse: " + text));
    }

    private static PackageVersion.VersionChange change(String from, String to) {
        return PackageVersion.classify(from, to).orElseThrow(() -> new AssertionError(from + " → " + to + " equal"));
    }

    @Test
    void trailingZeroReleaseSegmentsAreEqual() {
        assertEquals(0, v("1.0").compareTo(v("1.0.0")));
        assertEquals(v("1.0"), v("1.0.0"));
        assertEquals(v("1.0").hashCode(), v("1.0.0").hashCode());
    }

    @Test
    void ordersDevBeforePreBeforeFinalBeforePost() {
        List<String> expected = List.of("1.0.dev0", "1.0a1", "1.0b2", "1.0rc1", "1.0", "1.0.post1");
        List<PackageVersion> shuffled = new ArrayList<>();
        for (String s : expected) {
            shuffled.add(v(s));
        }
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertEquals(expected, shuffled.stream().map(PackageVersion::toString).toList());
    }

    @Test
    void ordersDevReleasesOfAPreReleaseBeforeIt() {
        assertTrue(v("1.0a1.dev1").compareTo(v("1.0a1")) < 0);
        assertTrue(v("1.0a1").compareTo(v("1.0a2.dev0")) < 0);
        assertTrue(v("1.0.post1.dev0").compareTo(v("1.0.post1")) < 0);
        assertTrue(v("1.0").compareTo(v("1.0.post1.dev0")) < 0);
    }

    @Test
    void comparesReleaseSegmentsNumerically() {
        assertTrue(v("1.10").compareTo(v("1.9")) > 0);
        assertTrue(v("1.0.1").compareTo(v("1.0")) > 0);
    }

    @Test
    void epochOutranksRelease() {
        assertTrue(v("1!1.0").compareTo(v("2.0")) > 0);
        assertEquals(v("0!2.0"), v("2.0"));
    }

    @Test
    void localVersionSortsAfterSamePublicVersion() {
        assertTrue(v("2.1.0+cu118").compareTo(v("2.1.0")) > 0);
        assertTrue(v("2.1.0+cu118").compareTo(v("2.1.1")) < 0);
    }

    @Test
    void numericLocalSegmentsSortAfterAlphanumericOnes() {
        assertTrue(v("1.0+1").compareTo(v("1.0+abc")) > 0);
        assertTrue(v("1.0+ubuntu.10").compareTo(v("1.0+ubuntu.9")) > 0);
        assertTrue(v("1.0+ubuntu").compareTo(v("1.0+ubuntu.1")) < 0);
        assertEquals(v("1.0+ubuntu.01"), v("1.0+ubuntu-1"));
        assertEquals("1.0+ubuntu.1", v("1.0+ubuntu.01").toString());
    }

    @Test
    void parsesLeadingVAndIgnoresCase() {
        assertEquals("1.0", v("v1.0").toString());
        assertEquals("1.0rc1", v("V1.0RC1").toString());
        assertEquals(v("1.0"), v("  v1.0 "));
    }

    @Test
    void normalisesPreReleaseSpellingsAndSeparators() {
        assertEquals("1.0rc1", v("1.0-rc.1").toString());
        assertEquals("1.0rc1", v("1.0c1").toString());
        assertEquals("1.0rc1", v("1.0pre1").toString());
        assertEquals("1.0rc1", v("1.0.preview_1").toString());
        assertEquals("1.0a1", v("1.0alpha1").toString());
        assertEquals("1.0b0", v("1.0-beta").toString());
    }

    @Test
    void normalisesPostAndDevSpellings() {
        assertEquals("1.0.post1", v("1.0-1").toString());
        assertEquals("1.0.post2", v("1.0.rev2").toString());
        assertEquals("1.0.post0", v("1.0-post").toString());
        assertEquals("1.0.dev0", v("1.0dev").toString());
        assertEquals("1!2.0rc1.post3.dev4+cu118", v("1!2.0-RC1-post3.dev4+CU118").toString());
    }

    @Test
    void normalisesLocalSeparatorsToDots() {
        assertEquals(Optional.of("ubuntu.1.2"), v("1.0+Ubuntu-1_2").local());
    }

    @Test
    void rejectsTextThatIsNotAVersion() {
        assertEquals(Optional.empty(), PackageVersion.parse("foo"));
        assertEquals(Optional.empty(), PackageVersion.parse(""));
        assertEquals(Optional.empty(), PackageVersion.parse("1.0+"));
        assertEquals(Optional.empty(), PackageVersion.parse("1.1.1w"));
        assertEquals(Optional.empty(), PackageVersion.parse("<=23.1.2"));
        assertEquals(Optional.empty(), PackageVersion.parse(null));
    }

    @Test
    void rejectsNumbersTooLongForALong() {
        assertEquals(Optional.empty(), PackageVersion.parse("1.99999999999999999999"));
    }

    @Test
    void classifiesFirstSegmentChangeAsMajor() {
        assertEquals(Change.MAJOR, change("1.24.3", "2.0.0").change());
    }

    @Test
    void classifiesSecondSegmentChangeAsMinor() {
        assertEquals(Change.MINOR, change("2.0.1", "2.1.0").change());
    }

    @Test
    void classifiesThirdOrLaterSegmentChangeAsPatch() {
        assertEquals(Change.PATCH, change("2.1.0", "2.1.2").change());
        assertEquals(Change.PATCH, change("1.0", "1.0.0.1").change());
    }

    @Test
    void classifiesDowngrades() {
        assertEquals(Change.DOWNGRADE_MINOR, change("1.3.1", "1.2.0").change());
        assertEquals(Change.DOWNGRADE_MAJOR, change("2.0", "1.9").change());
        assertEquals(Change.DOWNGRADE_PATCH, change("1.2.3", "1.2.2").change());
    }

    @Test
    void classifiesEpochChangeAsMajorWithNote() {
        PackageVersion.VersionChange c = change("2.0", "1!1.0");
        assertEquals(Change.MAJOR, c.change());
        assertEquals("epoch 0 → 1", c.note());
    }

    @Test
    void classifiesPreDevAndPostOnlyChangesAsPreRelease() {
        assertEquals(Change.PRE_RELEASE, change("1.0rc1", "1.0").change());
        assertEquals(Change.PRE_RELEASE, change("1.0", "1.0.post1").change());
        assertEquals(Change.PRE_RELEASE, change("2.2.0.dev20231010", "2.2.0").change());
    }

    @Test
    void notesPreReleaseDowngrade() {
        PackageVersion.VersionChange c = change("1.0", "1.0rc1");
        assertEquals(Change.PRE_RELEASE, c.change());
        assertEquals("downgrade", c.note());
    }

    @Test
    void classifiesLocalLabelOnlyChangeAsLocalBuild() {
        PackageVersion.VersionChange c = change("2.1.0+cu118", "2.1.0+cu121");
        assertEquals(Change.LOCAL_BUILD, c.change());
        assertEquals("CUDA build cu118 → cu121", c.note());
    }

    @Test
    void describesNonCudaLocalChangeAsLocalBuild() {
        PackageVersion.VersionChange c = change("1.0+ubuntu1", "1.0");
        assertEquals(Change.LOCAL_BUILD, c.change());
        assertEquals("local build ubuntu1 → none", c.note());
    }

    @Test
    void cpuToCudaBuildIsACudaBuildChange() {
        assertEquals("CUDA build cpu → cu118", change("2.1.0+cpu", "2.1.0+cu118").note());
    }

    @Test
    void jaxlibCudaLabelIsACudaBuildChange() {
        assertEquals("CUDA build cuda11.cudnn86 → cuda12.cudnn89",
                change("0.4.13+cuda11.cudnn86", "0.4.13+cuda12.cudnn89").note());
    }

    @Test
    void releaseChangeWinsOverLocalChangeAndNotesIt() {
        PackageVersion.VersionChange c = change("2.1.0+cu118", "2.1.2+cu121");
        assertEquals(Change.PATCH, c.change());
        assertTrue(c.note().contains("cu118") && c.note().contains("cu121"), c.note());
        assertEquals("also CUDA build cu118 → cu121", c.note());
    }

    @Test
    void equivalentLocalLabelsAreNotNotedAsChanged() {
        assertEquals("", change("1.0+ubuntu.01", "1.1+ubuntu.1").note());
    }

    @Test
    void equivalentVersionsHaveNoChange() {
        assertEquals(Optional.empty(), PackageVersion.classify("1.0", "1.0.0"));
        assertEquals(Optional.empty(), PackageVersion.classify("1.0RC1", "1.0-rc.1"));
        assertEquals(Optional.empty(), PackageVersion.classify("foo", "foo"));
    }

    @Test
    void unparseableVersionIsChanged() {
        PackageVersion.VersionChange c = change("1.1.1w", "3.0.2");
        assertEquals(Change.CHANGED, c.change());
        assertEquals("not a PEP 440 version: 1.1.1w", c.note());
    }

    @Test
    void localVersionsThatDifferAreNotEqual() {
        assertNotEquals(v("2.1.0+cu118"), v("2.1.0+cu121"));
        assertNotEquals(v("1.0"), v("1.0+local"));
    }

    @Test
    void exposesParts() {
        PackageVersion p = v("1!2.0.1rc1+cu118");
        assertEquals(1, p.epoch());
        assertEquals(List.of(2L, 0L, 1L), p.release());
        assertTrue(p.isPreRelease());
        assertEquals("1!2.0.1rc1", p.publicVersion());
        assertEquals("1!2.0.1rc1+cu118", p.text());
    }
}
