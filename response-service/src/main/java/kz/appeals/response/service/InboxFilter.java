package kz.appeals.response.service;

import kz.appeals.response.domain.AppealStatus;

/**
 * What an inbox query keeps. Null or false means "no restriction". {@code dueWithinWorkingDays} and {@code overdue}
 * concern open appeals only (not answered, not handed back), since only those can still miss their term.
 * {@code receiptNumber} finds the appeal a citizen reads out on the phone, within what the caller may see.
 */
public record InboxFilter(AppealStatus status, boolean openOnly, String categoryCode, Integer dueWithinWorkingDays,
                          boolean overdue, boolean escalated, String receiptNumber) {

    public static final InboxFilter NONE = new InboxFilter(null, false, null, null, false, false, null);

    public boolean restrictsToOpen() {
        return openOnly || dueWithinWorkingDays != null || overdue;
    }
}
