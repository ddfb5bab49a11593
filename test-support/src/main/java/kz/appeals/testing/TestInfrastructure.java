package kz.appeals.testing;

/**
 * Where the throwaway test infrastructure listens: started by {@code ./appeals test} (or
 * {@code ./appeals infra up --test}) on loopback, never a container.
 */
public final class TestInfrastructure {

    public static final String KAFKA_BOOTSTRAP = System.getProperty("appeals.test.kafka", "127.0.0.1:59192");
    public static final String JDBC_URL = System.getProperty("appeals.test.jdbc",
            "jdbc:postgresql://127.0.0.1:56432/appeals");

    private TestInfrastructure() {
    }
}
