package kz.appeals.intake.service;

import io.quarkus.runtime.BlockingOperationControl;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.intake.config.IntakeConfig;
import kz.appeals.intake.domain.KnownSettlement;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The place check of every submission (a settlement, city, town, rural district, district or region routing has
 * published), served from memory: a place found in the replica table is kept for
 * {@code appeals.settlements-cached-for}, so a busy front door does not read the same few rows for every appeal. A code
 * not found is read again each time (a settlement routing has just published is accepted at once); a change this
 * instance applies is seen at once, one applied by another replica within that time.
 */
@ApplicationScoped
public class KnownSettlements {

    private record Cached(KnownSettlement settlement, long expiresAt) {
    }

    private final SettlementRepository settlements;
    private final Duration keepFor;
    private final Map<String, Cached> found = new ConcurrentHashMap<>();

    public KnownSettlements(SettlementRepository settlements, IntakeConfig config) {
        this.settlements = settlements;
        this.keepFor = config.settlementsCachedFor();
    }

    /** A code not in memory, looked up on a thread that must not wait for the database (the HTTP event loop). */
    public static final class NotInMemory extends RuntimeException {

        NotInMemory() {
            super("The place must be read from the database, on a thread that may wait", null, false, false);
        }
    }

    /** @throws NotInMemory when the code is not in memory and this thread may not block: ask again on one that may */
    public Optional<KnownSettlement> find(String katoCode) {
        long now = System.nanoTime();
        Cached cached = found.get(katoCode);
        if (cached != null && now - cached.expiresAt() < 0) {
            return Optional.of(cached.settlement());
        }
        if (!BlockingOperationControl.isBlockingAllowed()) {
            throw new NotInMemory();
        }
        Optional<KnownSettlement> settlement = settlements.findByIdOptional(katoCode);
        settlement.ifPresentOrElse(known -> found.put(katoCode, new Cached(known, now + keepFor.toNanos())),
                () -> found.remove(katoCode));
        return settlement;
    }

    /** Called once a change to the settlement has committed. */
    void forget(String katoCode) {
        found.remove(katoCode);
    }
}
