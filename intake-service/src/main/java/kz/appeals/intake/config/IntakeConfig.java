package kz.appeals.intake.config;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "appeals")
public interface IntakeConfig {

    /** Secret of the keyed hash that turns an IIN into the pseudonymous applicant reference on public topics. */
    String pseudonymKey();
}
