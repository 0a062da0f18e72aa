package org.reprodiff.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprodiff.model.ImportProblem;
import org.reprodiff.model.PackageRef;

/** The logged-model environment files, one behaviour each. */
class PackageListParserTest {
    private static final String ORIGIN = "model/requirements.txt";
    private final List<ImportProblem> problems = new ArrayList<>();

    @Test
    void exactPinGivesTheVersion() {
        assertEquals(List.of(pip("numpy", "1.24.3", null)), requirements("numpy==1.24.3"));
    }

    @Test
    void keepsLocalVersionLabelsWhole() {
        assertEquals(List.of(pip("torch", "2.1.0+cu118", null)), requirements("torch==2.1.0+cu118\n"));
    }

    @Test
    void otherSpecifiersKeepTheConstraintAndNoVersion() {
        assertEquals(List.of(pip("numpy", null, ">=1.2"), pip("pip", null, "<=23.1.2"), pip("scipy", null, ">=1,<2"),
                pip("pandas", null, "==2.*")), requirements("numpy>=1.2\npip<=23.1.2\nscipy>=1,<2\npandas==2.*\n"));
    }

    @Test
    void bareNameHasNeitherVersionNorConstraint() {
        assertEquals(List.of(pip("mlflow", null, null)), requirements("mlflow"));
    }

    @Test
    void skipsCommentsBlankLinesAndOptions() {
        String text = "# a comment\n\n-r other.txt\n--extra-index-url https://x/simple\n-e .\nnumpy==1.0  # pinned\n";
        assertEquals(List.of(pip("numpy", "1.0", null)), requirements(text));
        assertEquals(List.of(), problems);
    }

    @Test
    void dropsExtrasAndEnvironmentMarkers() {
        assertEquals(List.of(pip("uvicorn", "0.23.2", null)),
                requirements("uvicorn[standard]==0.23.2 ; python_version >= \"3.8\""));
    }

    @Test
    void normalisesNames() {
        assertEquals("scikit-learn", requirements("Scikit_Learn==1.3.1").get(0).name());
    }

    @Test
    void reportsALineThatNamesNoPackage() {
        assertEquals(List.of(pip("numpy", "1", null)), requirements("numpy==1\n==2.0\n"));
        assertEquals(1, problems.size());
        assertEquals("line 2", problems.get(0).where());
    }

    @Test
    void condaFileGivesPythonCondaConstraintsAndPipPackages() {
        String text = """
                channels:
                - conda-forge
                dependencies:
                - python=3.11.2
                - pip<=23.1.2
                - conda-forge::cudatoolkit=11.8.0=h6a678d5_0
                - pip
                - pip:
                  - mlflow==2.7.1
                  - scikit-learn==1.3.1
                name: mlflow-env
                """;
        PackageListParser.Environment env = PackageListParser.conda(text, "model/conda.yaml", "f", problems);
        assertEquals("3.11.2", env.python());
        assertEquals(List.of(
                new PackageRef("pip", null, "<=23.1.2", "conda", "model/conda.yaml"),
                new PackageRef("cudatoolkit", "11.8.0", null, "conda", "model/conda.yaml"),
                new PackageRef("pip", null, null, "conda", "model/conda.yaml"),
                new PackageRef("mlflow", "2.7.1", null, "pip", "model/conda.yaml"),
                new PackageRef("scikit-learn", "1.3.1", null, "pip", "model/conda.yaml")), env.packages());
        assertEquals(List.of(), problems);
    }

    @Test
    void pythonEnvFileGivesPythonAndBuildDependencies() {
        String text = """
                python: 3.8.8
                build_dependencies:
                - pip==23.1.2
                - setuptools
                dependencies:
                - -r requirements.txt
                """;
        PackageListParser.Environment env =
                PackageListParser.pythonEnv(text, "model/python_env.yaml", "f", problems);
        assertEquals("3.8.8", env.python());
        assertEquals(List.of(new PackageRef("pip", "23.1.2", null, "pip", "model/python_env.yaml"),
                new PackageRef("setuptools", null, null, "pip", "model/python_env.yaml")), env.packages());
    }

    @Test
    void damagedCondaFileIsAProblemWithItsLine() {
        PackageListParser.Environment env =
                PackageListParser.conda("dependencies:\n- python=3.8\n  - oops: [\n", "o", "conda.yaml", problems);
        assertEquals(List.of(), env.packages());
        assertNull(env.python());
        assertEquals(1, problems.size());
        assertEquals("conda.yaml", problems.get(0).file());
        assertEquals("line 3", problems.get(0).where());
    }

    private List<PackageRef> requirements(String text) {
        return PackageListParser.requirements(text, ORIGIN, "requirements.txt", problems).packages();
    }

    private static PackageRef pip(String name, String version, String constraint) {
        return new PackageRef(name, version, constraint, "pip", ORIGIN);
    }
}
