package kz.appeals.response.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.AuthorizationMatrix;
import kz.appeals.testing.AuthorizationMatrix.Seed;
import kz.appeals.testing.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static kz.appeals.response.support.OfficeApi.asHigherBody;
import static kz.appeals.response.support.OfficeApi.awaitAppeal;
import static kz.appeals.response.support.RoutingFixtures.DAY;
import static kz.appeals.response.support.RoutingFixtures.district;
import static kz.appeals.response.support.RoutingFixtures.escalated;
import static kz.appeals.response.support.RoutingFixtures.newOfficeKato;
import static kz.appeals.response.support.RoutingFixtures.now;
import static kz.appeals.response.support.RoutingFixtures.receipt;
import static kz.appeals.response.support.RoutingFixtures.region;
import static kz.appeals.response.support.RoutingFixtures.routed;
import static kz.appeals.response.support.RoutingFixtures.send;
import static kz.appeals.testing.Eventually.eventually;
import static org.hamcrest.Matchers.hasItem;

/** Every operation against every caller, as src/test/resources/authorization-matrix.tsv declares. */
@QuarkusTest
class AuthorizationMatrixTest {

    /** The service's own rules, with the calendar in force (years other tests published included). */
    @Inject
    DeadlinePolicy deadlines;
    /** Registered before any other test's appeal, so that it heads its region's inbox, which lists by due date. */
    private static final LocalDate EARLIEST = LocalDate.of(2026, 1, 5);

    private static KafkaProbe routing;
    private static KafkaProbe escalation;

    @TestHTTPResource("/")
    URI root;
    /** The appeal the read operations are probed with, seeded once, and the office holding it. */
    private UUID readableId;
    private String readableOffice;

    @BeforeAll
    static void openProbes() {
        routing = new KafkaProbe(Topics.ROUTING);
        escalation = new KafkaProbe(Topics.ESCALATION);
    }

    @AfterAll
    static void closeProbes() {
        routing.close();
        escalation.close();
    }

    @Test
    void everyOperationLetsInExactlyTheDeclaredCallers() {
        AuthorizationMatrix.of(root)
                .officeKato(newOfficeKato())
                .sample("id", UUID.randomUUID().toString())
                .sample("size", "100")
                .seeder(this::seed)
                .verify();
    }

    /**
     * Reads are probed at each level of the territory, for the office, its district and its region; an action as the
     * body holding the appeal, on a fresh one. The Presidential Administration has no district: it reads every appeal.
     */
    private Optional<Seed> seed(String operation, String role) {
        return switch (operation) {
            case "GET /api/v1/inbox", "GET /api/v1/appeals/{id}", "GET /api/v1/appeals/{id}/audit" ->
                    Optional.ofNullable(levelOf(role)).map(this::readableAppeal);
            case "POST /api/v1/appeals/{id}/acknowledge" -> office(role).map(r -> routedAppeal());
            case "POST /api/v1/appeals/{id}/redirect" ->
                    office(role).map(r -> routedAppeal().withBody("{\"reason\":\"Not this body's competence\"}"));
            case "POST /api/v1/appeals/{id}/answer" -> office(role).map(r -> routedAppeal()
                    .withBody("{\"outcome\":\"SATISFIED\",\"text\":\"Repaired\",\"language\":\"ru\"}"));
            case "POST /api/v1/appeals/{id}/extend" -> office(role).map(r -> routedAppeal()
                    .withBody("{\"newDueDate\":\"" + deadlines.calendar().addWorkingDays(deadlines.answerDue(DAY), 10)
                            + "\",\"reason\":\"Asphalt plant closed until spring\"}")
                    .withClaims(Map.of(OfficeScope.HEAD_CLAIM, true)));
            case "POST /api/v1/appeals/{id}/take-over" ->
                    Optional.of(role).filter(Roles.DISTRICT_AKIMAT::equals).map(r -> escalatedAppeal());
            default -> Optional.empty();
        };
    }

    private static Optional<String> office(String role) {
        return Optional.of(role).filter(Roles.AKIM_OFFICE::equals);
    }

    /** Maps an office's KATO code to the caller's level of it, or null for a role outside the territory. */
    private static UnaryOperator<String> levelOf(String role) {
        return switch (role) {
            case Roles.AKIM_OFFICE -> UnaryOperator.identity();
            case Roles.DISTRICT_AKIMAT -> kato -> district(kato);
            case Roles.REGION_AKIMAT -> kato -> region(kato);
            default -> null;
        };
    }

    private Seed readableAppeal(UnaryOperator<String> level) {
        if (readableId == null) {
            readableId = UUID.randomUUID();
            readableOffice = newOfficeKato();
            send(routing, routed(readableId, readableOffice, EARLIEST, receipt(), now()));
            awaitAppeal(readableOffice, readableId);
        }
        return Seed.of(level.apply(readableOffice), level.apply(foreignTo(readableOffice)), readableId.toString(),
                Map.of("id", readableId.toString()));
    }

    private static Seed routedAppeal() {
        UUID id = UUID.randomUUID();
        String office = newOfficeKato();
        send(routing, routed(id, office));
        awaitAppeal(office, id);
        return Seed.of(office, foreignTo(office), id.toString(), Map.of("id", id.toString()));
    }

    /** Escalated to the office's district akimat, which may take it over. */
    private static Seed escalatedAppeal() {
        Seed routed = routedAppeal();
        UUID id = UUID.fromString(routed.resourceId());
        send(escalation, escalated(id, routed.homeKato(), now()));
        String districtKato = district(routed.homeKato());
        eventually(() -> asHigherBody(Roles.DISTRICT_AKIMAT, districtKato).get("/api/v1/appeals/{id}", id)
                .then().statusCode(200).body("allowedActions", hasItem("TAKE_OVER")));
        return Seed.of(districtKato, district(routed.foreignKato()), routed.resourceId(), routed.parameters());
    }

    /** An office in another region, so that its district and region are foreign too. */
    private static String foreignTo(String office) {
        String foreign = newOfficeKato();
        while (region(foreign).equals(region(office))) {
            foreign = newOfficeKato();
        }
        return foreign;
    }
}
