package kz.appeals.platform.transaction;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseUnavailableTest {

    /** As Narayana reports a one-phase commit whose connection broke: the driver's error only among the suppressed. */
    @Test
    void aCommitThatLostItsConnectionIsTheDatabaseBeingUnavailable() {
        RuntimeException commitFailed = new RuntimeException("Could not commit transaction",
                new IllegalStateException("ARJUNA016053: Could not commit transaction."));
        commitFailed.getCause().addSuppressed(new Exception("Error trying to transactionCommit local transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertTrue(DatabaseUnavailable.causedBy(commitFailed));
    }

    @Test
    void aFailureOfTheWorkItselfIsNot() {
        RuntimeException refused = new RuntimeException("Could not commit transaction");
        refused.addSuppressed(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertFalse(DatabaseUnavailable.causedBy(refused));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("no cause at all")));
    }
}
