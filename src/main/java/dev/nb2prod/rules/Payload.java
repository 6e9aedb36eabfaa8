package dev.nb2prod.rules;

import java.util.Objects;

/**
 * What a finding found, typed, for the code that acts on findings ({@code nb2prod extract}): the key a number
 * should get in configuration, the path or endpoint a literal holds, the kind of a secret, the seed. The message
 * says the same things to people; programs read the payload and never parse the message.
 *
 * <p>Payloads are not part of any report format and not of the fingerprint. Values are the literal's text as
 * written between its quotes (escape sequences not interpreted, like {@code IoAccess.target}) and are not
 * redacted, so they must not be printed: {@link #toString()} of every payload masks secrets.
 */
public sealed interface Payload {
    /** The payload of findings that carry none (most rules, and findings read from elsewhere). */
    Payload NONE = new None();

    /** No payload. */
    record None() implements Payload {}

    /**
     * NB201: a number that is a setting.
     *
     * @param suggestedKey the configuration key the rule suggests ({@code min_revenue}, {@code test_size},
     *     {@code train_end}); never empty
     * @param keyword the keyword when the number is passed as {@code keyword=value} ({@code n_estimators}),
     *     else empty
     */
    record Setting(String suggestedKey, String keyword) implements Payload {
        public Setting {
            Objects.requireNonNull(suggestedKey);
            Objects.requireNonNull(keyword);
        }
    }

    /**
     * NB202, NB203: a literal that names a file, a folder or a storage location.
     *
     * @param value the literal's text (an f-string's text with its placeholders, for NB202)
     * @param kind what sort of location it is
     * @param role whether the notebook reads or writes data there, as far as the cell graph knows
     */
    record PathValue(String value, PathKind kind, PathRole role) implements Payload {
        public PathValue {
            Objects.requireNonNull(value);
            Objects.requireNonNull(kind);
            Objects.requireNonNull(role);
        }

        @Override
        public String toString() {
            return "PathValue[value=" + Secrets.redact(value) + ", kind=" + kind + ", role=" + role + "]";
        }
    }

    /** The sort of location a path literal names. */
    enum PathKind {
        /** {@code data/sales.csv}: resolved against the current directory. */
        RELATIVE,
        /** {@code /home/ana/sales.csv} */
        ABSOLUTE,
        /** {@code C:\Users\ana\sales.csv} */
        WINDOWS,
        /** {@code ~/Downloads/sales.csv} */
        HOME,
        /** {@code \\server\share\sales.csv} */
        NETWORK_SHARE,
        /** {@code s3://bucket/raw/}, {@code gs://...}, {@code dbfs:/...} */
        CLOUD
    }

    /**
     * How the notebook uses a path, from the I/O calls of the cell graph it reaches (directly or through the
     * variable it is assigned to). When several calls use it, the first in notebook order decides: a file the
     * notebook reads before writing it must exist beforehand (INPUT); one it writes before reading it back is
     * a result (OUTPUT).
     */
    enum PathRole {
        /** Data is read from it. */
        INPUT,
        /** Results are written to it. */
        OUTPUT,
        /** No I/O call of the cell graph uses it. */
        UNKNOWN
    }

    /**
     * NB204: an endpoint written in the code.
     *
     * @param value the URL, connection string, host or IP address as written (stripped), or the port's digits
     * @param kind which of these it is
     */
    record Endpoint(String value, EndpointKind kind) implements Payload {
        public Endpoint {
            Objects.requireNonNull(value);
            Objects.requireNonNull(kind);
        }

        @Override
        public String toString() {
            return "Endpoint[value=" + Secrets.redact(value) + ", kind=" + kind + "]";
        }
    }

    /** The sort of endpoint NB204 found. */
    enum EndpointKind {
        /** An http(s) or ftp URL given to a network or data-loading call. */
        URL,
        /** A database connection string ({@code postgresql://...}, {@code jdbc:...}): it belongs in the environment. */
        CONNECTION_STRING,
        /** A host name (or URL) assigned to a host-like variable ({@code DB_HOST = "db.example.com"}). */
        HOST,
        /** A remote IPv4 address, with or without a port. */
        IP_ADDRESS,
        /** A port number assigned to a port-like variable ({@code DB_PORT = 5432}); the value is a number literal. */
        PORT
    }

    /**
     * NB401: a secret in code. Carries the kind only, never the value.
     *
     * @param kind the human kind, as the message starts with it: {@code Stripe live key}, {@code password},
     *     {@code API key}, {@code token}, {@code secret}
     */
    record SecretValue(String kind) implements Payload {
        public SecretValue {
            Objects.requireNonNull(kind);
        }
    }

    /**
     * NB605: a global seeding call.
     *
     * @param value the seed's text when it is a non-negative integer literal (the first positional argument
     *     or {@code seed=}), e.g. {@code 42}; empty when the seed is computed, a name, or missing
     */
    record Seed(String value) implements Payload {
        public Seed {
            Objects.requireNonNull(value);
        }
    }
}
