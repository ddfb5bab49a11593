package kz.appeals.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.intake.domain.Appeal;
import kz.appeals.intake.domain.ReceiptNumber;

import java.util.Optional;
import java.util.UUID;

/** Finds an appeal by what callers hold: the receipt number the citizen keeps, or the appeal id of the events. */
@ApplicationScoped
public class AppealLookup {

    private final AppealRepository appeals;

    public AppealLookup(AppealRepository appeals) {
        this.appeals = appeals;
    }

    public Optional<Appeal> find(String receiptOrId) {
        if (ReceiptNumber.isValid(receiptOrId)) {
            return appeals.find("receiptNumber", receiptOrId).firstResultOptional();
        }
        try {
            return appeals.findByIdOptional(UUID.fromString(receiptOrId));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
