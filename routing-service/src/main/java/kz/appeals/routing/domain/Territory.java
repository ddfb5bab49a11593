package kz.appeals.routing.domain;

import java.time.LocalDate;
import java.util.Optional;

/** Read access to the classifier as the routing rules need it: the version of a unit in force on a day. */
public interface Territory {
    Optional<TerritorialUnit> find(String katoCode, LocalDate day);
}
