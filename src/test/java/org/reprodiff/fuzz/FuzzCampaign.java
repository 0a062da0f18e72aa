package org.reprodiff.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs seeded mutations of one valid input through one reader. A case fails when anything escapes the reader
 * (an exception, an {@link Error} such as {@code OutOfMemoryError} or {@code StackOverflowError}) or when it
 * runs past {@link #CASE_BOUND_SECONDS}: a hang guard, far above any normal case, not a speed target. Each
 * failure names the reader, the case number and the case seed, which replays it with {@link Mutator}.
 *
 * <p>The long run: {@code java -Xmx256m -cp target/test-classes:target/classes:<dependencies>
 * org.reprodiff.fuzz.FuzzCampaign 100000 [MINUTES [READER,...]]} runs every reader of {@link FuzzTargets} (or
 * the ones named) for that many cases each (or until MINUTES per reader have passed) and prints one line per reader with the cases run (see the
 * README's reliability section).
 */
final class FuzzCampaign {
    static final int CASE_BOUND_SECONDS = 20;
    /** Cases per reader in the normal test run; {@code -Dreprodiff.fuzz.cases=N} raises it. */
    static final int DEFAULT_CASES = Integer.getInteger("reprodiff.fuzz.cases", 150);

    /** One reader under test: reads the bytes as its format, reporting problems, never throwing. */
    interface Target {
        void read(byte[] input) throws Exception;
    }

    record Outcome(String reader, int cases, List<String> failures) {
    }

    private FuzzCampaign() {
    }

    static Outcome run(String reader, byte[] seed, Target target, int cases, long campaignSeed) {
        return run(reader, seed, target, cases, campaignSeed, Long.MAX_VALUE);
    }

    /** As {@link #run(String, byte[], Target, int, long)}, stopping early at {@code deadlineNanos}; the outcome says how many ran. */
    static Outcome run(String reader, byte[] seed, Target target, int cases, long campaignSeed, long deadlineNanos) {
        int ran = 0;
        List<String> failures = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + reader);
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < cases && failures.size() < 5 && System.nanoTime() < deadlineNanos; i++, ran++) {
                long caseSeed = campaignSeed * 1_000_003L + i;
                byte[] input = Mutator.mutate(seed, caseSeed);
                Future<?> result = worker.submit(() -> {
                    target.read(input);
                    return null;
                });
                try {
                    result.get(CASE_BOUND_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    result.cancel(true);
                    failures.add(reader + " case " + i + " (seed " + caseSeed + "): still running after "
                            + CASE_BOUND_SECONDS + " s");
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(reader + " case " + i + " (seed " + caseSeed + "): " + e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(reader + ": interrupted");
        } finally {
            worker.shutdownNow();
        }
        return new Outcome(reader, ran, failures);
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long minutesPerReader = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE / 60_000_000_000L;
        int failed = 0;
        java.util.Set<String> only = args.length > 2 ? java.util.Set.of(args[2].split(",")) : java.util.Set.of();
        for (FuzzTargets.Named t : FuzzTargets.all(java.nio.file.Files.createTempDirectory("reprodiff-fuzz"))) {
            if (!only.isEmpty() && !only.contains(t.name())) {
                continue;
            }
            long start = System.nanoTime();
            Outcome o = run(t.name(), t.seed(), t.target(), cases, 1L, start + minutesPerReader * 60_000_000_000L);
            System.out.printf("%-22s %,9d cases  %3d failures  %6.1f s%n", o.reader(), o.cases(), o.failures().size(),
                    (System.nanoTime() - start) / 1e9);
            o.failures().forEach(f -> System.out.println("  " + f));
            failed += o.failures().size();
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
