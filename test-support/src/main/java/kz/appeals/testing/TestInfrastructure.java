package kz.appeals.testing;

/**
 * Where the throwaway test infrastructure listens: started by {@code ./appeals test} (or
 * {@code ./appeals infra up --test}) on loopback, never a container.
 */
public final class TestInfrastructure {

    /** Same variables and defaults as {@code scripts/common.sh} and the services' {@code %test} profile. */
    public static final String KAFKA_BOOTSTRAP = "127.0.0.1:" + port("APPEALS_TEST_KAFKA_PORT", "19192");
    public static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:" + port("APPEALS_TEST_PG_PORT", "16432")
            + "/appeals";

    private TestInfrastructure() {
    }

    private static String port(String variable, String defaultPort) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? defaultPort : value;
    }
}
