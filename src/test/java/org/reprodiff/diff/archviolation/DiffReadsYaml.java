package org.reprodiff.diff.archviolation;

/** Deliberately breaks "diff depends on model and small pure libraries only"; used by ArchitectureRulesBiteTest. */
public final class DiffReadsYaml {
    public Object yaml() {
        return new org.yaml.snakeyaml.Yaml();
    }
}
