package dev.nb2prod.rules.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.testing.RuleTester;
import org.junit.jupiter.api.Test;

class SwallowedErrorRuleTest {
    private final SwallowedErrorRule rule = new SwallowedErrorRule();

    @Test
    void bareExceptPass() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "try:\n    x = f()\nexcept:\n    pass")))
            .containsExactly("0:3:1 NB602 bare 'except: pass' hides every error, KeyboardInterrupt included: catch "
                + "the exceptions you expect and log them");
    }

    @Test
    void broadExceptionThatDoesNothing() {
        assertThat(RuleTester.describe(RuleTester.run(rule,
            "for p in paths:\n    try:\n        load(p)\n    except Exception as e:\n        continue",
            "try:\n    g()\nexcept (ValueError, BaseException):\n    ...")))
            .containsExactly(
                "0:4:5 NB602 'except Exception: continue' hides every error: catch the exceptions you expect and log them",
                "1:3:1 NB602 'except BaseException: ...' hides every error: catch the exceptions you expect and log them");
    }

    @Test
    void bareExceptWithRealBodyStillCatchesKeyboardInterrupt() {
        assertThat(RuleTester.describe(RuleTester.run(rule, "try:\n    x = f()\nexcept:\n    x = None")))
            .containsExactly("0:3:1 NB602 bare 'except:' also catches KeyboardInterrupt and SystemExit: catch the "
                + "exceptions you expect");
    }

    @Test
    void lookAlikesAreFine() {
        assertThat(RuleTester.run(rule,
            "try:\n    import ujson as json\nexcept ImportError:\n    pass",
            "try:\n    f()\nexcept Exception as e:\n    log.warning('failed: %s', e)",
            "try:\n    f()\nexcept:\n    cleanup()\n    raise",
            "try:\n    %tensorflow_version 2.x\nexcept Exception:\n    pass",
            "try:\n    f()\nfinally:\n    pass")).isEmpty();
    }
}
