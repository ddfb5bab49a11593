package kz.appeals.routing.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The issues that newly routed appeals join ({@link RelatedAppealsPolicy}), for appeals routed together: each joins
 * the issue of the nearest related open appeal, stored before or routed earlier among them, or without coordinates
 * the issue of the earliest one in its settlement; else it opens an issue of its own. Asked in the order the appeals
 * are decided, it gives the issues that routing them one at a time gives, each seeing those before it stored.
 */
public final class IssueGrouping {

    /** An appeal routed now, which has no issue yet; what it knows of its place decides how it searches. */
    public record Newcomer(String categoryCode, Double latitude, Double longitude, String settlementKato) {

        /** With coordinates related appeals are found by distance alone, even when the settlement is known. */
        public boolean searchesNearby() {
            return latitude != null && longitude != null;
        }

        public boolean searchesSettlement() {
            return !searchesNearby() && settlementKato != null;
        }
    }

    /** A stored open routed appeal with an issue and coordinates, in the search box of some newcomer. */
    public record Nearby(UUID issueId, String categoryCode, double latitude, double longitude) {
    }

    /** The issue of the earliest stored open routed appeal of a category in a settlement. */
    public record EarliestInSettlement(String categoryCode, String settlementKato, UUID issueId) {
    }

    private record Key(String categoryCode, String settlementKato) {
    }

    private record Member(UUID issueId, Newcomer appeal) {
    }

    private final Map<String, List<Nearby>> storedNearby = new HashMap<>();
    private final Map<Key, UUID> storedEarliest = new HashMap<>();
    /** The newcomers given an issue so far, by category, in the order they were routed. */
    private final Map<String, List<Member>> routedBefore = new HashMap<>();

    /** @param storedNearby every stored candidate in the newcomers' search boxes (in any category) */
    public IssueGrouping(Collection<Nearby> storedNearby, Collection<EarliestInSettlement> storedEarliest) {
        storedNearby.forEach(stored -> this.storedNearby.computeIfAbsent(stored.categoryCode(),
                category -> new ArrayList<>()).add(stored));
        storedEarliest.forEach(stored -> this.storedEarliest.put(
                new Key(stored.categoryCode(), stored.settlementKato()), stored.issueId()));
    }

    /** The issue of {@code appeal}, routed after every appeal this grouping was asked about before. */
    public UUID issueOf(Newcomer appeal) {
        UUID issue = relatedIssue(appeal).orElseGet(UUID::randomUUID);
        routedBefore.computeIfAbsent(appeal.categoryCode(), category -> new ArrayList<>())
                .add(new Member(issue, appeal));
        return issue;
    }

    private Optional<UUID> relatedIssue(Newcomer appeal) {
        if (appeal.searchesNearby()) {
            return nearestIssue(appeal);
        }
        if (appeal.searchesSettlement()) {
            return earliestIssueInSettlement(appeal);
        }
        return Optional.empty();
    }

    /** Stored candidates first, then those routed before in order: the first of equally near ones wins. */
    private Optional<UUID> nearestIssue(Newcomer appeal) {
        double latitude = appeal.latitude();
        double longitude = appeal.longitude();
        UUID nearest = null;
        double nearestMetres = Double.POSITIVE_INFINITY;
        for (Nearby stored : storedNearby.getOrDefault(appeal.categoryCode(), List.of())) {
            double metres = metresIfRelated(latitude, longitude, stored.latitude(), stored.longitude());
            if (metres < nearestMetres) {
                nearest = stored.issueId();
                nearestMetres = metres;
            }
        }
        for (Member member : routedBefore.getOrDefault(appeal.categoryCode(), List.of())) {
            if (member.appeal().searchesNearby()) {
                double metres = metresIfRelated(latitude, longitude, member.appeal().latitude(),
                        member.appeal().longitude());
                if (metres < nearestMetres) {
                    nearest = member.issueId();
                    nearestMetres = metres;
                }
            }
        }
        return Optional.ofNullable(nearest);
    }

    /** @return the distance, or infinity when the other point is not related to this one */
    private static double metresIfRelated(double latitude, double longitude, double otherLatitude,
                                          double otherLongitude) {
        return RelatedAppealsPolicy.inSearchBox(latitude, longitude, otherLatitude, otherLongitude)
                && RelatedAppealsPolicy.near(latitude, longitude, otherLatitude, otherLongitude)
                ? RelatedAppealsPolicy.metres(latitude, longitude, otherLatitude, otherLongitude)
                : Double.POSITIVE_INFINITY;
    }

    /** Stored appeals were decided before any newcomer, so a stored one is the earliest when there is one. */
    private Optional<UUID> earliestIssueInSettlement(Newcomer appeal) {
        UUID stored = storedEarliest.get(new Key(appeal.categoryCode(), appeal.settlementKato()));
        if (stored != null) {
            return Optional.of(stored);
        }
        return routedBefore.getOrDefault(appeal.categoryCode(), List.of()).stream()
                .filter(member -> appeal.settlementKato().equals(member.appeal().settlementKato()))
                .map(Member::issueId)
                .findFirst();
    }
}
