package kz.appeals.routing.domain;

import kz.appeals.routing.domain.IssueGrouping.EarliestInSettlement;
import kz.appeals.routing.domain.IssueGrouping.Nearby;
import kz.appeals.routing.domain.IssueGrouping.Newcomer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IssueGroupingTest {

    /** 0.0009° of latitude is about 100 m. */
    private static final double HUNDRED_METRES = 0.0009;

    @Test
    void theNearestRelatedAppealLendsItsIssueWhetherStoredOrRoutedEarlierInTheBatch() {
        UUID stored = UUID.randomUUID();
        IssueGrouping grouping = new IssueGrouping(List.of(new Nearby(stored, "roads", 48.6, 68.9)), List.of());

        UUID first = grouping.issueOf(point("roads", 48.6 + 2 * HUNDRED_METRES));
        UUID second = grouping.issueOf(point("roads", 48.6 + 4 * HUNDRED_METRES));
        UUID beside = grouping.issueOf(point("roads", 48.6 + 2.5 * HUNDRED_METRES));

        assertEquals(stored, first, "200 m from the stored appeal");
        assertEquals(stored, second, "200 m from the first, which joined the stored one's issue");
        assertEquals(stored, beside);
        UUID far = grouping.issueOf(point("roads", 48.6 + 10 * HUNDRED_METRES));
        assertNotEquals(stored, far, "600 m from the nearest");
        assertEquals(far, grouping.issueOf(point("roads", 48.6 + 11 * HUNDRED_METRES)), "a new issue lends too");
        assertNotEquals(stored, grouping.issueOf(point("yards", 48.6)), "another category never joins");
    }

    @Test
    void ofTwoRelatedAppealsTheNearerWinsEvenIfRoutedLater() {
        UUID stored = UUID.randomUUID();
        IssueGrouping grouping = new IssueGrouping(List.of(new Nearby(stored, "roads", 48.6, 68.9)), List.of());
        UUID own = grouping.issueOf(point("roads", 48.604));

        assertNotEquals(stored, own, "445 m from the stored one");
        assertEquals(own, grouping.issueOf(point("roads", 48.6021)), "211 m from it against 234 m from the stored");
    }

    @Test
    void withoutCoordinatesTheEarliestOfTheSettlementLendsItsIssueAStoredOneFirst() {
        UUID stored = UUID.randomUUID();
        IssueGrouping grouping = new IssueGrouping(List.of(),
                List.of(new EarliestInSettlement("roads", "991021001", stored)));

        assertEquals(stored, grouping.issueOf(settlement("roads", "991021001")));
        // a point with a settlement searches by distance only, but lends its issue to the settlement
        UUID pointed = grouping.issueOf(new Newcomer("roads", 48.6, 68.9, "991021002"));
        assertEquals(pointed, grouping.issueOf(settlement("roads", "991021002")));
        UUID alone = grouping.issueOf(settlement("roads", "991021003"));
        assertEquals(alone, grouping.issueOf(settlement("roads", "991021003")));
        assertNotEquals(alone, grouping.issueOf(settlement("yards", "991021003")));
        assertNotEquals(alone, grouping.issueOf(new Newcomer("roads", null, null, null)), "no place, no group");
    }

    private static Newcomer point(String category, double latitude) {
        return new Newcomer(category, latitude, 68.9, null);
    }

    private static Newcomer settlement(String category, String settlementKato) {
        return new Newcomer(category, null, null, settlementKato);
    }
}
