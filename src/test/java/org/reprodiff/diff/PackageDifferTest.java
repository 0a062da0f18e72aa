package org.reprodiff.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprodiff.model.Facet;
import org.reprodiff.model.PackageRef;

class PackageDifferTest {

    private final PackageDiffer differ = new PackageDiffer();

    private static PackageRef pip(String name, String version) {
        return new PackageRef(name, version, null, "pip", "requirements.txt");
    }

    private static PackageRef conda(String name, String version) {
        return new PackageRef(name, version, null, "conda", "conda.yaml");
    }

    private static PackageRef constraint(String name, String constraint) {
        return new PackageRef(name, null, constraint, "pip", "requirements.txt");
    }

    private static Difference only(FacetDiff diff) {
        assertEquals(1, diff.differences().size(), diff.differences().toString());
        return diff.differences().get(0);
    }

    @Test
    void identicalPackageListsHaveNoDifferencesAndCountEqual() {
        List<PackageRef> refs = List.of(pip("requests", "2.31.0"), pip("torch", "2.1.0"));
        FacetDiff diff = differ.compare(refs, refs);
        assertEquals(Facet.PACKAGES, diff.facet());
        assertFalse(diff.differs());
        assertEquals(List.of(), diff.expected());
        assertEquals(2, diff.equal());
    }

    @Test
    void packageOnlyInBIsAdded() {
        Difference d = only(differ.compare(List.of(), List.of(pip("requests", "2.31.0"))));
        assertEquals(new Difference("requests", null, "2.31.0", Change.ADDED, ""), d);
    }

    @Test
    void packageOnlyInAIsRemoved() {
        Difference d = only(differ.compare(List.of(pip("requests", "2.31.0")), List.of()));
        assertEquals(new Difference("requests", "2.31.0", null, Change.REMOVED, ""), d);
    }

    @Test
    void classifiesVersionChange() {
        Difference d = only(differ.compare(List.of(pip("requests", "1.3.1")), List.of(pip("requests", "1.2.0"))));
        assertEquals(new Difference("requests", "1.3.1", "1.2.0", Change.DOWNGRADE_MINOR, ""), d);
    }

    @Test
    void notesFrameworkPackages() {
        Difference d = only(differ.compare(List.of(pip("numpy", "1.24.3")), List.of(pip("numpy", "2.0.0"))));
        assertEquals(Change.MAJOR, d.change());
        assertEquals("framework", d.note());
    }

    @Test
    void cudaLocalBuildChangeIsLocalBuildWithEvidence() {
        Difference d = only(differ.compare(List.of(pip("torch", "2.1.0+cu118")), List.of(pip("torch", "2.1.0+cu121"))));
        assertEquals(Change.LOCAL_BUILD, d.change());
        assertEquals("2.1.0+cu118", d.a());
        assertEquals("2.1.0+cu121", d.b());
        assertEquals("framework; CUDA build cu118 → cu121", d.note());
    }

    @Test
    void releaseAndLocalChangeIsPatchNotingTheBuild() {
        Difference d = only(differ.compare(List.of(pip("torch", "2.1.0+cu118")), List.of(pip("torch", "2.1.2+cu121"))));
        assertEquals(Change.PATCH, d.change());
        assertEquals("framework; also CUDA build cu118 → cu121", d.note());
    }

    @Test
    void equivalentVersionTextCountsAsEqual() {
        FacetDiff diff = differ.compare(List.of(pip("six", "1.0")), List.of(pip("six", "1.0.0")));
        assertFalse(diff.differs());
        assertEquals(1, diff.equal());
    }

    @Test
    void unparseableVersionsThatDifferAreChanged() {
        Difference d = only(differ.compare(List.of(conda("openssl", "1.1.1w")), List.of(conda("openssl", "3.0.2"))));
        assertEquals(Change.CHANGED, d.change());
        assertEquals("not a PEP 440 version: 1.1.1w", d.note());
    }

    @Test
    void equalConstraintTextIsEqual() {
        FacetDiff diff = differ.compare(List.of(constraint("pip", "<=23.1.2")), List.of(constraint("pip", "<= 23.1.2")));
        assertFalse(diff.differs());
        assertEquals(1, diff.equal());
    }

    @Test
    void differentConstraintTextIsChanged() {
        Difference d = only(differ.compare(List.of(constraint("pip", "<=23.1.2")), List.of(constraint("pip", ">=23"))));
        assertEquals(new Difference("pip", "<=23.1.2", ">=23", Change.CHANGED,
                "A records only a constraint; B records only a constraint"), d);
    }

    @Test
    void constraintAgainstExactVersionIsChanged() {
        Difference d = only(differ.compare(List.of(constraint("pip", "<=23.1.2")), List.of(pip("pip", "23.1.2"))));
        assertEquals(new Difference("pip", "<=23.1.2", "23.1.2", Change.CHANGED, "A records only a constraint"), d);
    }

    @Test
    void nameWithoutVersionComparesAsEmptyText() {
        Difference d = only(differ.compare(List.of(new PackageRef("tqdm", null, null, "pip", "requirements.txt")),
                List.of(pip("tqdm", "4.66.1"))));
        assertEquals(new Difference("tqdm", "", "4.66.1", Change.CHANGED, "A lists no version"), d);
    }

    @Test
    void collapsePrefersExactVersionOverConstraint() {
        List<PackageRef> a = List.of(constraint("pip", "<=23.1.2"), conda("pip", "23.1.2"));
        FacetDiff diff = differ.compare(a, List.of(pip("pip", "23.1.2")));
        assertFalse(diff.differs(), diff.differences().toString());
        assertEquals(1, diff.equal());
    }

    @Test
    void collapsePrefersPipOverCondaWhenBothGiveVersions() {
        List<PackageRef> a = List.of(conda("numpy", "1.24.3"), pip("numpy", "1.24.4"));
        Difference d = only(differ.compare(a, List.of(pip("numpy", "1.25.0"))));
        assertEquals("1.24.4", d.a());
        assertEquals(Change.MINOR, d.change());
        assertEquals("framework; A lists several versions: 1.24.3 (conda, conda.yaml), 1.24.4 (pip, requirements.txt);"
                + " used 1.24.4", d.note());
    }

    @Test
    void collapseUsesFirstOfTwoDifferentExactVersionsAndSaysSo() {
        List<PackageRef> a = List.of(new PackageRef("requests", "2.31.0", null, "pip", "requirements.txt"),
                new PackageRef("requests", "2.28.0", null, "pip", "model/requirements.txt"));
        Difference d = only(differ.compare(a, List.of(pip("requests", "2.32.0"))));
        assertEquals("2.31.0", d.a());
        assertEquals(Change.MINOR, d.change());
        assertEquals("A lists several versions: 2.31.0 (pip, requirements.txt), 2.28.0 (pip, model/requirements.txt);"
                + " used 2.31.0", d.note());
    }

    @Test
    void collapseDoesNotReportRepeatsOfTheSameVersion() {
        List<PackageRef> a = List.of(pip("requests", "2.31.0"), conda("requests", "2.31.0"));
        Difference d = only(differ.compare(a, List.of(pip("requests", "2.32.0"))));
        assertEquals("", d.note());
    }

    @Test
    void duplicatesCountOnceForEqual() {
        List<PackageRef> a = List.of(pip("requests", "2.31.0"), pip("requests", "2.31.0"));
        FacetDiff diff = differ.compare(a, List.of(pip("requests", "2.31.0")));
        assertEquals(1, diff.equal());
        assertFalse(diff.differs());
    }

    @Test
    void ordersFrameworkPackagesFirstThenByName() {
        List<PackageRef> a = List.of(pip("zipp", "1.0"), pip("torch", "2.0"), pip("attrs", "1.0"),
                pip("nvidia-cudnn-cu12", "8.9"), pip("numpy", "1.0"));
        List<PackageRef> b = List.of(pip("zipp", "2.0"), pip("torch", "2.1"), pip("attrs", "2.0"),
                pip("nvidia-cudnn-cu12", "9.0"), pip("numpy", "2.0"), pip("aiohttp", "3.0"), pip("jax", "0.4"));
        List<String> keys = differ.compare(a, b).differences().stream().map(Difference::key).toList();
        assertEquals(List.of("jax", "numpy", "nvidia-cudnn-cu12", "torch", "aiohttp", "attrs", "zipp"), keys);
    }

    @Test
    void countsEqualPackagesAlongsideDifferences() {
        List<PackageRef> a = List.of(pip("a", "1.0"), pip("b", "1.0"), pip("c", "1.0"), pip("d", "1.0"));
        List<PackageRef> b = List.of(pip("a", "1.0"), pip("b", "1.1"), pip("c", "1.0"), pip("e", "1.0"));
        FacetDiff diff = differ.compare(a, b);
        assertEquals(2, diff.equal());
        assertEquals(List.of(Change.MINOR, Change.REMOVED, Change.ADDED),
                diff.differences().stream().map(Difference::change).toList());
    }

    @Test
    void recognisesFrameworkNames() {
        for (String name : List.of("torch", "tensorflow-gpu", "scikit-learn", "pytorch-cuda", "nvidia-cublas-cu12",
                "cuda-nvcc", "cudnn", "cudatoolkit", "mkl", "jaxlib", "pytorch-lightning")) {
            assertTrue(PackageDiffer.isFramework(name), name);
        }
        for (String name : List.of("requests", "nvidia", "torchmetrics", "numpy-financial")) {
            assertFalse(PackageDiffer.isFramework(name), name);
        }
    }

    @Test
    void classifiesAThousandPackagesPerSide() {
        List<PackageRef> a = new ArrayList<>();
        List<PackageRef> b = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String name = "package-" + i;
            a.add(pip(name, "1." + (i % 7) + ".0+cu118"));
            // A third unchanged, a third changed, a third with only a local label change; plus a duplicate.
            String version = i % 3 == 0 ? "1." + (i % 7) + ".0+cu118" : i % 3 == 1 ? "2.0.0rc1" : "1." + (i % 7) + ".0+cu121";
            b.add(pip(name, version));
            if (i % 10 == 0) {
                b.add(conda(name, "0.9"));
            }
        }
        FacetDiff diff = differ.compare(a, b);
        assertEquals(334, diff.equal());
        assertEquals(666, diff.differences().size());
    }
}
