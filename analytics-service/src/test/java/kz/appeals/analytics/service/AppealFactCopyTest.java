package kz.appeals.analytics.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.transaction.RollbackException;
import kz.appeals.analytics.domain.AppealFact;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bulk replay's COPY of facts against the real database, held to the entity's mapping. */
@QuarkusTest
class AppealFactCopyTest {

    private final AgroalDataSource dataSource;
    private final EntityManager entityManager;

    AppealFactCopyTest(AgroalDataSource dataSource, EntityManager entityManager) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    @Test
    void theCopyWritesEveryMappedColumn() {
        List<String> mapped = Arrays.stream(AppealFact.class.getDeclaredFields())
                .filter(field -> field.isAnnotationPresent(Column.class))
                .map(field -> field.getAnnotation(Column.class).name()).sorted().toList();
        assertEquals(mapped, AppealFactCopy.COLUMNS.stream().sorted().toList());
    }

    /** Read back in the copy's transaction, which is then rolled back: no test fact joins the metrics. */
    @Test
    void aCopiedFactReadsBackAsItWasWritten() {
        AppealFact written = everyColumnSet(UUID.randomUUID());
        AppealFact sparse = new AppealFact(UUID.randomUUID());
        sparse.lastEventAt = Instant.parse("2026-11-02T04:05:06.123456Z");
        QuarkusTransactionException rolledBack = assertThrows(QuarkusTransactionException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> copyAndReadBack(written, sparse)));
        assertInstanceOf(RollbackException.class, rolledBack.getCause());
        assertNull(QuarkusTransaction.requiringNew().call(() -> entityManager.find(AppealFact.class,
                written.appealId)), "rolled back");
    }

    private void copyAndReadBack(AppealFact... facts) {
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(facts.length, AppealFactCopy.copy(connection, List.of(facts)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        for (AppealFact fact : facts) {
            assertSameColumns(fact, entityManager.find(AppealFact.class, fact.appealId));
        }
        QuarkusTransaction.setRollbackOnly();
    }

    /** Values a text COPY could get wrong: tabs, backslashes, newlines, non-Latin letters, microseconds. */
    private static AppealFact everyColumnSet(UUID id) {
        AppealFact fact = new AppealFact(id);
        fact.receiptNumber = "KZ-2026-\t\\N-001";
        fact.categoryCode = "roads\nyards";
        fact.appealType = AppealType.COMPLAINT;
        fact.registrationDay = LocalDate.of(2026, 11, 2);
        fact.bodyCode = "RD-Әкім\\";
        fact.ruralDistrictKato = "351621100";
        fact.districtKato = "351600000";
        fact.regionKato = "350000000";
        fact.routedAt = Instant.parse("2026-11-02T04:05:07.000001Z");
        fact.routingMethod = RoutingMethod.ADDRESS;
        fact.routingDecidedAt = Instant.parse("2026-11-03T04:05:07Z");
        fact.firstAnsweredAt = Instant.parse("2026-11-10T10:00:00Z");
        fact.outcome = Outcome.values()[Outcome.values().length - 1];
        fact.outcomeCycle = 2;
        fact.outcomeAt = Instant.parse("2026-11-12T10:00:00Z");
        fact.extended = true;
        fact.redirectedCount = 3;
        fact.deemedRefused = true;
        fact.escalationLevel = BodyLevel.PRESIDENTIAL_ADMINISTRATION;
        fact.ratedSatisfied = false;
        fact.ratingCycle = 2;
        fact.ratedAt = Instant.parse("2026-11-13T10:00:00Z");
        fact.reopenedCount = 1;
        fact.lastEventAt = Instant.parse("2026-11-13T10:00:00.5Z");
        fact.applicantRef = "ab".repeat(32);
        fact.issueId = UUID.randomUUID();
        fact.termStartDay = LocalDate.of(2026, 11, 4);
        return fact;
    }

    private static void assertSameColumns(AppealFact expected, AppealFact actual) {
        assertNotNull(actual, "copied fact " + expected.appealId);
        for (Field field : AppealFact.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(Column.class)) {
                // Quarkus turns public entity fields into protected ones behind generated accessors.
                field.setAccessible(true);
                try {
                    assertEquals(field.get(expected), field.get(actual), field.getName());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
