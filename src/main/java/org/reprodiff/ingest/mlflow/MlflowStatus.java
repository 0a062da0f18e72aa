package org.reprodiff.ingest.mlflow;

import org.reprodiff.model.RunStatus;

/** MLflow's run status: an integer enum in the file store, a name in the SQL store (FORMATS.md 1.1, 1.2). */
final class MlflowStatus {
    private MlflowStatus() {
    }

    /** RUNNING=1, SCHEDULED=2, FINISHED=3, FAILED=4, KILLED=5 (mlflow/protos/service.proto, RunStatus). */
    static RunStatus fromInt(int code) {
        return switch (code) {
            case 1 -> RunStatus.RUNNING;
            case 2 -> RunStatus.SCHEDULED;
            case 3 -> RunStatus.FINISHED;
            case 4 -> RunStatus.FAILED;
            case 5 -> RunStatus.KILLED;
            default -> RunStatus.UNKNOWN;
        };
    }

    /** A status as either store writes it: an integer, a numeric string, or a name. */
    static RunStatus parse(Object value) {
        if (value == null) {
            return RunStatus.RUNNING;
        }
        if (value instanceof Number n) {
            return fromInt(n.intValue());
        }
        String s = value.toString().trim();
        if (s.matches("\\d+")) {
            return fromInt(Integer.parseInt(s));
        }
        return RunStatus.parse(s);
    }
}
