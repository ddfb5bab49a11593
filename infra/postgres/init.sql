-- The appeals database: one schema per service, owned by that service's login role, which sees only its
-- own schema by default. Run by ./appeals as the postgres superuser with psql (it uses \gexec and
-- \connect) on every `infra up`, so every statement must be safe to repeat.
-- Passwords equal the role names: these clusters listen on 127.0.0.1 only and hold local or test data.

SELECT 'CREATE DATABASE appeals ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'appeals')
\gexec

DO $$
DECLARE
    service text;
BEGIN
    FOREACH service IN ARRAY ARRAY['intake', 'routing', 'response', 'escalation', 'analytics'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = service) THEN
            EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', service, service);
        END IF;
        EXECUTE format('ALTER ROLE %I SET search_path = %I', service, service);
    END LOOP;
END
$$;

-- Only the service roles (and superusers) may connect to appeals.
REVOKE CONNECT, TEMPORARY ON DATABASE appeals FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE appeals TO intake, routing, response, escalation, analytics;

\connect appeals

-- No shared scratch space: a table lands in its service's schema or nowhere.
REVOKE ALL ON SCHEMA public FROM PUBLIC;

DO $$
DECLARE
    service text;
BEGIN
    FOREACH service IN ARRAY ARRAY['intake', 'routing', 'response', 'escalation', 'analytics'] LOOP
        EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', service, service);
        EXECUTE format('ALTER SCHEMA %I OWNER TO %I', service, service);
        -- A service reads another's data only through events, never through the database.
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', service);
    END LOOP;
END
$$;
