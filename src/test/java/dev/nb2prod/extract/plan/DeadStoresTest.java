package dev.nb2prod.extract.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.python.PythonFrontEnd;
import dev.nb2prod.python.SonarPythonFrontEnd;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeadStoresTest {
    private final PythonFrontEnd frontEnd = new SonarPythonFrontEnd();

    private String strip(String body, String... returned) {
        return DeadStores.strip(body, Set.of(returned), frontEnd);
    }

    @Test
    void aPlainStoreNothingReadsIsRemovedAndACallIsKept() {
        assertThat(strip("x = 1\nax = df.plot()\ny = 2", "y")).isEqualTo("df.plot()\ny = 2");
    }

    @Test
    void anUnreadPairOfALiteralUnpackingGoesWhenItsValueCallsNothing() {
        assertThat(strip("train, test = ds['train'], ds['test']", "train")).isEqualTo("train = ds['train']");
        assertThat(strip("a, b, c = 1, x[0], 3\nprint(a, c)")).isEqualTo("a, c = 1, 3\nprint(a, c)");
    }

    @Test
    void anUnreadTargetWhoseValueCallsSomethingBecomesUnderscore() {
        assertThat(strip("x, y = np.array(a), np.array(b)\nprint(x)"))
            .isEqualTo("x, _ = np.array(a), np.array(b)\nprint(x)");
    }

    @Test
    void anUnpackingWithNothingReadGoesWhenNothingIsCalled() {
        assertThat(strip("city, ranges = 'Zurich', r['Zurich']\nz = 1", "z")).isEqualTo("z = 1");
    }

    @Test
    void aSwapOrAStarredUnpackingIsLeftAlone() {
        assertThat(strip("a, *rest = x\nprint(a)")).isEqualTo("a, *rest = x\nprint(a)");
    }

    @Test
    void anUnreadNameOfAChainedAssignmentIsDropped() {
        assertThat(strip("f = width = 5000  # smoothing\nprint(f)")).isEqualTo("f = 5000  # smoothing\nprint(f)");
        assertThat(strip("width = f = 5000\nprint(f)")).isEqualTo("f = 5000\nprint(f)");
    }

    @Test
    void aLocalReadOnlyByAQueryStringIsPassedAsLocalDict() {
        String body = "q = np.percentile(b, [25, 75])\nlow, high = q[0], q[1]\n"
            + "b = b.query('(x > @low) & (x < @high)')";
        assertThat(strip(body, "b")).isEqualTo("q = np.percentile(b, [25, 75])\nlow, high = q[0], q[1]\n"
            + "b = b.query('(x > @low) & (x < @high)', local_dict={'high': high, 'low': low})");
    }

    @Test
    void aQueryNameThatIsNotALocalOfTheBodyIsLeftToPandas() {
        String body = "b = b.query('x > @limit')";
        assertThat(strip(body, "b")).isEqualTo(body);
    }

    @Test
    void anAtSignInAStringDoesNotStopTheOtherStoresFromGoing() {
        assertThat(strip("FloatList = tf.train.FloatList\nemail = 'a@b.com'", "email")).isEqualTo("email = 'a@b.com'");
    }

    @Test
    void evalKeepsEveryStore() {
        String body = "a = 1\nb = 2\nc = pd.eval('a + b')";
        assertThat(strip(body, "c")).isEqualTo(body);
    }

    @Test
    void aNameANestedFunctionTakesAsAParameterIsNotAReadOfTheOuterOne() {
        assertThat(strip("rate = 0.99\ndef discount(r, rate):\n    return r * rate\nout = discount(1, 2)", "out"))
            .isEqualTo("def discount(r, rate):\n    return r * rate\nout = discount(1, 2)");
        String closure = "rate = 0.99\ndef discount(r):\n    return r * rate\nout = discount(1)";
        assertThat(strip(closure, "out")).isEqualTo(closure);
    }

    @Test
    void aComprehensionVariableIsNotAReadOfTheOuterName() {
        assertThat(strip("city = 'Zurich'\nr = {city: 1 for city in cities}", "r"))
            .isEqualTo("r = {city: 1 for city in cities}");
        String outer = "n = 3\nr = [n * i for i in range(n)]";
        assertThat(strip(outer, "r")).isEqualTo(outer);
    }
}
