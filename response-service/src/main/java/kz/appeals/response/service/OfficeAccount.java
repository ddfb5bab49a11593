package kz.appeals.response.service;

import kz.appeals.response.domain.AppealAction.Party;

import java.util.EnumSet;
import java.util.Set;

/** Who is acting: the body's view, the account reference the audit records, and whether it is the body's head. */
public record OfficeAccount(Viewer viewer, String accountRef, boolean headOfBody) {

    /** The parties whose actions this account may take on an appeal its body holds. */
    public Set<Party> partiesOnOwnAppeal() {
        return headOfBody ? EnumSet.of(Party.OFFICE, Party.HEAD_OF_BODY) : EnumSet.of(Party.OFFICE);
    }
}
