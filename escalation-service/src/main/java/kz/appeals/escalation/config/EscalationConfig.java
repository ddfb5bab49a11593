package kz.appeals.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import kz.appeals.contracts.AppealEvents.WarningThreshold;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "appeals.escalation")
public interface EscalationConfig {

    /**
     * How often the sweeper looks for warnings and lapses; both fall due at midnight national time, so a minute's
     * delay is immaterial. Read by the {@code @Scheduled} expression of DeadlineSweeper; declared here so that the
     * setting is documented and validated like the others.
     */
    @WithDefault("60s")
    Duration sweepEvery();

    /** Deadlines handled per transaction; a sweep worker repeats batches until one comes back short. */
    @WithDefault("200")
    int sweepBatchSize();

    /**
     * Concurrent sweep workers in this replica (each with its own transactions and connection). More than one helps
     * only where the database has cores to spare; on the 2-core build machine one is faster (bench/README.md).
     */
    @WithDefault("1")
    int sweepWorkers();

    /**
     * How often each replica rereads the calendar years loaded through the admin API, so that a year loaded on one
     * replica reaches the others. Read by the {@code @Scheduled} expression of CalendarRegistry.
     */
    @WithDefault("60s")
    Duration calendarRefreshEvery();

    /**
     * How often the open and overdue deadline gauges are recounted (a scan of the open deadlines). Read by the
     * {@code @Scheduled} expression of DeadlineMetrics.
     */
    @WithDefault("30s")
    Duration metricsEvery();

    Warnings warnings();

    Ladder ladder();

    /** Warnings to the office and its head as a term runs out (service practice, not law). */
    interface Warnings {
        @WithDefault("0.5")
        double halfTerm();

        @WithDefault("0.75")
        double threeQuartersTerm();

        /** Working days left when ONE_WORKING_DAY_LEFT is sent. */
        @WithDefault("1")
        int workingDaysBefore();

        @WithDefault("HALF_TERM,THREE_QUARTERS_TERM,ONE_WORKING_DAY_LEFT")
        Set<WarningThreshold> thresholds();
    }

    /**
     * The term, in working days, of each level an appeal escalates to. Unset, a level has the APPK Art. 76 answer
     * term (AppkTerms.ANSWER): the higher body takes the matter up as an appeal received that day.
     */
    interface Ladder {
        Optional<Integer> districtAkimatTerm();

        Optional<Integer> regionAkimatTerm();

        Optional<Integer> presidentialAdministrationTerm();
    }
}
