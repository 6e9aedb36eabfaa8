package dev.nb2prod.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns the fingerprint basis of findings (rule code, the text of the line, the message) into stable
 * fingerprints. They do not depend on line numbers, so they survive edits above a finding; equal bases
 * in one notebook are told apart by their order ({@code :2}, {@code :3}).
 */
final class Fingerprints {
    private Fingerprints() {}

    static List<Finding> assign(List<Finding> findings) {
        Map<String, Integer> seen = new HashMap<>();
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            String hash = sha256(finding.fingerprint()).substring(0, 20);
            int occurrence = seen.merge(hash, 1, Integer::sum);
            String fingerprint = occurrence == 1 ? hash : hash + ":" + occurrence;
            result.add(finding.withFingerprint(fingerprint));
        }
        return result;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
