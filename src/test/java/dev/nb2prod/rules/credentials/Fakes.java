package dev.nb2prod.rules.credentials;

import java.util.Random;

/** Fake secrets built at run time, so that no secret-shaped literal is committed with the tests. */
final class Fakes {
    private Fakes() {}

    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** {@code n} pseudo-random characters of {@code alphabet}, the same for the same seed. */
    static String random(String alphabet, int n, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static String alnum(int n, long seed) {
        return random(ALNUM, n, seed);
    }

    static String github() {
        return "ghp" + "_" + alnum(36, 1);
    }

    static String stripeLive() {
        return "sk_" + "live_" + alnum(32, 2);
    }

    static String awsKeyId() {
        return "AKIA" + random(UPPER_ALNUM, 16, 3);
    }

    static String awsSecret() {
        return random(ALNUM + "/+", 40, 4);
    }

    static String google() {
        return "AIza" + random(ALNUM + "-_", 35, 5);
    }

    static String openai() {
        return "sk-" + "proj-" + random(ALNUM + "-_", 48, 6);
    }

    static String openaiLegacy() {
        return "sk-" + alnum(48, 7);
    }

    static String anthropic() {
        return "sk-" + "ant-api03-" + random(ALNUM + "-_", 80, 8);
    }

    static String slackBot() {
        return "xoxb" + "-" + random("0123456789", 12, 9) + "-" + random("0123456789", 13, 10) + "-" + alnum(24, 11);
    }

    static String slackWebhookPath() {
        return "T" + random(UPPER_ALNUM, 8, 12) + "/B" + random(UPPER_ALNUM, 8, 13) + "/" + alnum(24, 14);
    }

    static String gitlab() {
        return "glpat" + "-" + random(ALNUM + "-_", 20, 15);
    }

    static String jwt() {
        return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + "." + "eyJ" + random(ALNUM + "-_", 40, 16) + "."
            + random(ALNUM + "-_", 43, 17);
    }

    static String huggingFace() {
        return "hf" + "_" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 34, 18);
    }

    static String pemBody() {
        return "MIIE" + random(ALNUM + "+/", 60, 19);
    }

    static String password() {
        return "Tq7" + random(ALNUM + "!#%&", 11, 20);
    }
}
