package kz.appeals.routing.domain;

import java.util.Optional;

/** Read access to the classifier, as the routing rules need it. */
public interface Territory {
    Optional<TerritorialUnit> find(String katoCode);
}
