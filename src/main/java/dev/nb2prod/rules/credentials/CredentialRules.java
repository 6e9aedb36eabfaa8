package dev.nb2prod.rules.credentials;

import dev.nb2prod.rules.Rule;
import java.util.List;

/** The rules of this family. */
public final class CredentialRules {
    private CredentialRules() {}

    public static List<Rule> all() {
        return List.of(new SecretInCodeRule(), new SecretInOutputRule(), new PersonalDataInOutputRule());
    }
}
