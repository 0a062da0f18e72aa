package org.reprodiff.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides which parameter keys are expected to differ between runs of the same experiment, and why: each
 * tracker's own bookkeeping (built-in rules) and the user's ignore globs. Globs match the whole dotted key, with
 * {@code *} matching within a segment and {@code **} across segments (e.g. {@code trainer.*_dir},
 * {@code **.timestamp}).
 */
final class ExpectedDifferences {
    /** A glob as a regex, with the literal text it must start and end with as a cheap pre-check. */
    private record Rule(Pattern pattern, String literalHead, String literalTail, String reason) {
    }

    private static final List<String[]> BUILT_IN = List.of(
            new String[] {"_wandb", "W&B bookkeeping"},
            new String[] {"_wandb.**", "W&B bookkeeping"},
            new String[] {"wandb_version", "W&B bookkeeping"},
            new String[] {"run_name", "run name"},
            new String[] {"**.run_name", "run name"},
            new String[] {"experiment_name", "experiment name"},
            new String[] {"hydra.run.dir", "Hydra output folder"},
            new String[] {"hydra.sweep.**", "Hydra sweep folders"},
            new String[] {"hydra.runtime.**", "Hydra runtime bookkeeping"},
            new String[] {"hydra.job.id", "Hydra job id"},
            new String[] {"hydra.job.num", "Hydra job number"},
            new String[] {"**output_dir", "output folder"},
            new String[] {"**out_dir", "output folder"},
            new String[] {"**log_dir", "log folder"},
            new String[] {"**logdir", "log folder"},
            new String[] {"**save_dir", "output folder"},
            new String[] {"**checkpoint_dir", "checkpoint folder"},
            new String[] {"**timestamp", "timestamp"},
            new String[] {"**start_time", "timestamp"},
            new String[] {"**datetime", "timestamp"});

    private final List<Rule> rules = new ArrayList<>();

    ExpectedDifferences(List<String> userGlobs) {
        for (String[] r : BUILT_IN) {
            rules.add(rule(r[0], r[1]));
        }
        for (String glob : userGlobs) {
            rules.add(rule(glob, "ignored by --ignore " + glob));
        }
    }

    private static Rule rule(String glob, String reason) {
        String lower = glob.toLowerCase(Locale.ROOT);
        int last = Math.max(lower.lastIndexOf('*'), lower.lastIndexOf('?'));
        int first = firstWildcard(lower);
        return new Rule(Pattern.compile(toRegex(lower)), lower.substring(0, first), lower.substring(last + 1), reason);
    }

    private static int firstWildcard(String glob) {
        int star = glob.indexOf('*');
        int mark = glob.indexOf('?');
        int first = star < 0 ? mark : mark < 0 ? star : Math.min(star, mark);
        return first < 0 ? glob.length() : first;
    }

    /** {@code **} matches anything, {@code *} anything but a dot, {@code ?} one character but a dot. */
    static String toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
            } else if (c == '*') {
                re.append("[^.]*");
            } else if (c == '?') {
                re.append("[^.]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    /** Why {@code key} is expected to differ, or null when it is not. */
    String reason(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (Rule r : rules) {
            if (k.startsWith(r.literalHead()) && k.endsWith(r.literalTail()) && r.pattern().matcher(k).matches()) {
                return r.reason();
            }
        }
        return null;
    }
}
