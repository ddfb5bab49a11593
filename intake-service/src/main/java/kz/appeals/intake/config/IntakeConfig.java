package kz.appeals.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "appeals")
public interface IntakeConfig {

    /** Secret of the keyed hash that turns an IIN into the pseudonymous applicant reference on public topics. */
    String pseudonymKey();

    PersonalData personalData();

    Limits limits();

    Retention retention();

    GroupCommit groupCommit();

    /**
     * How long a settlement found in intake's replica is trusted without reading it again (KnownSettlements). A change
     * this instance consumes applies at once; one consumed by another replica within this time.
     */
    @WithDefault("30s")
    Duration settlementsCachedFor();

    /**
     * How submissions are stored together (one writer, one transaction per group). Under light load a group is one
     * submission and waits for nothing; under load the queue fills while a group commits and the next takes it all.
     */
    interface GroupCommit {

        /**
         * Submissions that may wait for the writer; one more is refused with 503 service-busy. Below the HTTP worker
         * pool (200 threads by default), so that a flood is refused here rather than left waiting for a worker; at
         * the 3,000 appeals/s, 128 waiting is about 40 ms of work, inside the 50 ms p99 asked for.
         */
        @WithDefault("128")
        int queueCapacity();

        /** Most submissions stored in one transaction. */
        @WithDefault("128")
        int maxBatchSize();

        /**
         * How long the writer waits for more once it has taken what was queued and the group is not full. Zero
         * (the default) takes what is waiting and no more: the commit in progress is what makes groups grow.
         */
        @WithDefault("0ms")
        Duration maxWait();

        /** Retry-After of a submission refused because the queue was full. */
        @WithDefault("1s")
        Duration retryAfter();
    }

    /** How long the applicant's personal data outlives the answer. */
    interface Retention {

        /** A closed appeal (answered or rated, not reopened) untouched this long loses its applicant. */
        @WithDefault("P1095D")
        Duration anonymiseClosedAfter();
    }

    /** What one request may carry and how often one party may submit (HTTP 413 and 429 beyond). */
    interface Limits {

        /** Largest request body; larger ones get 413 before they are read. */
        @WithDefault("262144")
        long maxBodyBytes();

        /** Submissions one signed-in citizen (token claim iin) may make per minute: a burst of this many, then refill. */
        @WithDefault("20")
        int citizenSubmissionsPerMinute();

        /** Submissions one client account (a front end) may make per second, whoever its citizens are. */
        @WithDefault("10000")
        int clientSubmissionsPerSecond();
    }

    /**
     * Keys that seal the applicant's personal data at rest (AES-256-GCM, 32 bytes in Base64). A sealed value names
     * its key, so a rotation adds a new current key and keeps the old one under retired keys until nothing sealed
     * with it is left.
     */
    interface PersonalData {

        /** Name stored with every value sealed by {@link #currentKey()}, e.g. {@code 2026-11}. */
        String currentKeyId();

        String currentKey();

        /** Older keys that still open what they sealed, as {@code id:base64} entries. */
        Optional<List<String>> retiredKeys();
    }
}
