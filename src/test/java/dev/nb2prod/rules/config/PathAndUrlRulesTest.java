package dev.nb2prod.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nb2prod.rules.Finding;
import dev.nb2prod.rules.Payload;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathAndUrlRulesTest {
    private static List<String> run(Rule rule, String... cells) {
        return RuleTester.describe(RuleTester.run(rule, cells));
    }

    @Test
    void hardCodedPathsOfEveryKind() {
        assertThat(run(new HardCodedPathRule(),
            "df = pd.read_csv('/home/ana/data/sales.csv')\n"
                + "w = 'C:\\\\Users\\\\ana\\\\x.csv'\n"
                + "r = r'D:/exports/out'\n"
                + "h = '~/Downloads/a.csv'\n"
                + "s = 's3://bucket/raw/'\n"
                + "u = r'\\\\server\\share\\f.txt'\n"
                + "d = 'dbfs:/mnt/lake/x'\n"
                + "f = f'/Users/{user}/data.csv'"))
            .containsExactly(
                "0:1:18 NB202 hard-coded absolute path \"/home/ana/data/sales.csv\": move it to configuration",
                "0:2:5 NB202 hard-coded Windows path \"C:\\\\Users\\\\ana\\\\x.csv\": move it to configuration",
                "0:3:5 NB202 hard-coded Windows path \"D:/exports/out\": move it to configuration",
                "0:4:5 NB202 hard-coded home-relative path \"~/Downloads/a.csv\": move it to configuration",
                "0:5:5 NB202 hard-coded cloud storage URI \"s3://bucket/raw/\": move it to configuration",
                "0:6:5 NB202 hard-coded network share path \"\\\\server\\share\\f.txt\": move it to configuration",
                "0:7:5 NB202 hard-coded cloud storage URI \"dbfs:/mnt/lake/x\": move it to configuration",
                "0:8:5 NB202 hard-coded absolute path \"/Users/{user}/data.csv\": move it to configuration");
    }

    @Test
    void pathLookAlikesAreNotPaths() {
        assertThat(run(new HardCodedPathRule(),
            "root = '/'\napi = 'https://example.com/api/v1/data'\nroute = '/api/v1'\npat = re.compile(r'/home/(\\w+)/')\n"
                + "msg = 'copy /tmp/x to the server and then run it'\n\"\"\"Reads /home/ana/x.csv.\"\"\"\n"
                + "b = b'/home/ana/x'\nfrac = '1/2'\nrel = 'data/x.csv'"))
            .isEmpty();
    }

    @Test
    void anFStringWhoseLocationIsAVariableIsNoHardCodedPath() {
        assertThat(run(new HardCodedPathRule(),
            "uri = f'gs://{bucket_name}/staging'\nout = f's3://{bucket}/{prefix}/part.parquet'\n"
                + "p = f'{root}/data/x.csv'\nq = f'{DATA_DIR}/raw/{day}.csv'\nr = f'/{mount}/x'"))
            .isEmpty();
        assertThat(run(new HardCodedPathRule(), "uri = f'gs://my-bucket/staging/{day}'"))
            .containsExactly("0:1:7 NB202 hard-coded cloud storage URI \"gs://my-bucket/staging/{day}\": move it to "
                + "configuration");
    }

    @Test
    void relativeDataPathsOfReadsAndWrites() {
        assertThat(run(new RelativeDataPathRule(),
            "df = pd.read_csv('data/x.csv')\nwith open('out.txt', 'w') as f:\n    pass\n"
                + "df.to_csv('reports/a.csv')\nplt.savefig('fig.png')"))
            .containsExactly(
                "0:1:18 NB203 relative data path \"data/x.csv\" in pd.read_csv(): take it from configuration",
                "0:2:11 NB203 relative data path \"out.txt\" in open(): take it from configuration",
                "0:4:11 NB203 relative data path \"reports/a.csv\" in df.to_csv(): take it from configuration",
                "0:5:13 NB203 relative data path \"fig.png\" in plt.savefig(): take it from configuration");
    }

    @Test
    void relativeDataPathLookAlikes() {
        assertThat(run(new RelativeDataPathRule(),
            "a = pd.read_csv('/home/ana/x.csv')\nb = pd.read_csv('https://x.org/a.csv')\n"
                + "c = pd.read_sql('SELECT * FROM t', con)\nd = sns.load_dataset('tips')\ne = pd.read_csv(path)\n"
                + "name = 'data/x.csv'\nf = pd.read_csv(f'data/{day}.csv')"))
            .isEmpty();
    }

    @Test
    void hardCodedUrlsConnectionStringsAndHosts() {
        assertThat(run(new HardCodedUrlRule(),
            "r = requests.get('https://api.example.com/v1/orders')\n"
                + "df = pd.read_csv('https://data.example.org/a.csv')\n"
                + "engine = create_engine('postgresql://db.internal:5432/sales')\n"
                + "DB = 'mssql+pyodbc://dsn'\nJ = 'jdbc:mysql://h/db'\n"
                + "HOST = '10.0.0.5'\nDB_PORT = 5432\nserver = 'db.example.com'"))
            .containsExactly(
                "0:1:18 NB204 hard-coded URL \"https://api.example.com/v1/orders\" in requests.get(): move it to configuration",
                "0:2:18 NB204 hard-coded URL \"https://data.example.org/a.csv\" in pd.read_csv(): move it to configuration",
                "0:3:24 NB204 hard-coded connection string \"postgresql://db.internal:5432/sales\": move it to configuration",
                "0:4:6 NB204 hard-coded connection string \"mssql+pyodbc://dsn\": move it to configuration",
                "0:5:5 NB204 hard-coded connection string \"jdbc:mysql://h/db\": move it to configuration",
                "0:6:8 NB204 hard-coded IP address \"10.0.0.5\": move it to configuration",
                "0:7:11 NB204 hard-coded port 5432 assigned to DB_PORT: move it to configuration",
                "0:8:10 NB204 hard-coded host \"db.example.com\" assigned to server: move it to configuration");
    }

    @Test
    void urlLookAlikes() {
        assertThat(run(new HardCodedUrlRule(),
            "e = create_engine('postgresql://admin:s3cret@db/sales')\nm = create_engine('sqlite:///:memory:')\n"
                + "v = '1.2.3.4'\nlocal = '127.0.0.1'\nHOST = 'localhost'\ndoc = 'see https://pandas.pydata.org'\n"
                + "version = '10.0.1'\nport = 'abc'"))
            .isEmpty();
    }

    private static List<Payload> payloads(Rule rule, String... cells) {
        return RuleTester.run(rule, cells).stream().map(Finding::payload).toList();
    }

    private static Payload.PathValue relative(String value, Payload.PathRole role) {
        return new Payload.PathValue(value, Payload.PathKind.RELATIVE, role);
    }

    @Test
    void relativeDataPathsReachingACallThroughAVariableAreReportedAtTheAssignment() {
        String[] cells = {"import pandas as pd", "DATA = 'data/x.data'", "df = pd.read_csv(DATA, header=None)",
            "out = 'reports/a.csv'\ndf.to_csv(out)"};
        assertThat(run(new RelativeDataPathRule(), cells)).containsExactly(
            "1:1:8 NB203 relative data path \"data/x.data\" (read by pd.read_csv in cell 3): take it from configuration",
            "3:1:7 NB203 relative data path \"reports/a.csv\" (written by df.to_csv in cell 4): take it from configuration");
        assertThat(payloads(new RelativeDataPathRule(), cells)).containsExactly(
            relative("data/x.data", Payload.PathRole.INPUT), relative("reports/a.csv", Payload.PathRole.OUTPUT));
    }

    @Test
    void aPathReadAndWrittenIsReportedOnceAndTheFirstUseGivesItsRole() {
        assertThat(run(new RelativeDataPathRule(), "p = 'cache.csv'\ndf.to_csv(p)\nback = pd.read_csv(p)"))
            .containsExactly("0:1:5 NB203 relative data path \"cache.csv\" (written by df.to_csv in cell 1, read by "
                + "pd.read_csv in cell 1): take it from configuration");
        assertThat(payloads(new RelativeDataPathRule(), "p = 'cache.csv'\ndf.to_csv(p)\nback = pd.read_csv(p)"))
            .containsExactly(relative("cache.csv", Payload.PathRole.OUTPUT));
        assertThat(payloads(new RelativeDataPathRule(), "p = 'data.csv'", "df = pd.read_csv(p)", "df.to_csv(p)"))
            .containsExactly(relative("data.csv", Payload.PathRole.INPUT));
        assertThat(run(new RelativeDataPathRule(), "p = 'data.csv'", "a = pd.read_csv(p)", "b = pd.read_csv(p)",
            "a.to_csv(p)")).containsExactly("0:1:5 NB203 relative data path \"data.csv\" (read by pd.read_csv in cell 2 "
                + "and 2 more calls): take it from configuration");
    }

    @Test
    void aRelativePathNoDataCallUsesIsNotReported() {
        assertThat(run(new RelativeDataPathRule(),
            "name = 'data/x.csv'\nprint(name)", "m = 'model.h5'\nmodel = load_model(m)",
            "p = 'data/y.csv'\nif fast:\n    p = 'data/z.csv'\ndf = pd.read_csv(p)",
            "q = 'data/q.csv'  # nb2prod: ignore[NB203]\ndq = pd.read_csv(q)")).isEmpty();
    }

    @Test
    void relativeDataPathsWrittenInTheCallCarryTheirRole() {
        assertThat(payloads(new RelativeDataPathRule(), "df = pd.read_csv('data/x.csv')\nplt.savefig('fig.png')\n"
            + "joblib.dump(model, 'model.pkl')")).containsExactly(relative("data/x.csv", Payload.PathRole.INPUT),
                relative("fig.png", Payload.PathRole.OUTPUT), relative("model.pkl", Payload.PathRole.OUTPUT));
    }

    @Test
    void hardCodedPathsCarryTheirKindAndRole() {
        String[] cells = {"ROOT = '/home/ana/data/sales.csv'", "df = pd.read_csv(ROOT)",
            "out = 's3://bucket/out/r.parquet'\ndf.to_parquet(out)", "notes = '~/notes/todo.txt'",
            "x = pd.read_csv(f'C:/Users/{user}/x.csv')"};
        assertThat(run(new HardCodedPathRule(), cells)).containsExactly(
            "0:1:8 NB202 hard-coded absolute path \"/home/ana/data/sales.csv\": move it to configuration",
            "2:1:7 NB202 hard-coded cloud storage URI \"s3://bucket/out/r.parquet\": move it to configuration",
            "3:1:9 NB202 hard-coded home-relative path \"~/notes/todo.txt\": move it to configuration",
            "4:1:17 NB202 hard-coded Windows path \"C:/Users/{user}/x.csv\": move it to configuration");
        assertThat(payloads(new HardCodedPathRule(), cells)).containsExactly(
            new Payload.PathValue("/home/ana/data/sales.csv", Payload.PathKind.ABSOLUTE, Payload.PathRole.INPUT),
            new Payload.PathValue("s3://bucket/out/r.parquet", Payload.PathKind.CLOUD, Payload.PathRole.OUTPUT),
            new Payload.PathValue("~/notes/todo.txt", Payload.PathKind.HOME, Payload.PathRole.UNKNOWN),
            new Payload.PathValue("C:/Users/{user}/x.csv", Payload.PathKind.WINDOWS, Payload.PathRole.INPUT));
    }

    @Test
    void endpointsCarryTheirKind() {
        assertThat(payloads(new HardCodedUrlRule(),
            "r = requests.get('https://api.example.com/v1/orders')\n"
                + "engine = create_engine('postgresql://db.internal:5432/sales')\n"
                + "HOST = '10.0.0.5'\nDB_PORT = 5432\nserver = 'db.example.com'"))
            .containsExactly(
                new Payload.Endpoint("https://api.example.com/v1/orders", Payload.EndpointKind.URL),
                new Payload.Endpoint("postgresql://db.internal:5432/sales", Payload.EndpointKind.CONNECTION_STRING),
                new Payload.Endpoint("10.0.0.5", Payload.EndpointKind.IP_ADDRESS),
                new Payload.Endpoint("5432", Payload.EndpointKind.PORT),
                new Payload.Endpoint("db.example.com", Payload.EndpointKind.HOST));
    }

    @Test
    void urlsReachingANetworkCallThroughAVariableAreReportedAtTheAssignment() {
        String[] cells = {"url = 'https://data.example.org/a.csv'", "df = pd.read_csv(url, sep=';')\nb = pd.read_csv(url)",
            "API_HOST = 'https://api.example.com'\nr = requests.get(API_HOST)", "doc = 'https://example.com/docs'\nprint(doc)",
            "link = 'https://example.com/x.csv'\nwith open(link) as f:\n    pass"};
        assertThat(run(new HardCodedUrlRule(), cells)).containsExactly(
            "0:1:7 NB204 hard-coded URL \"https://data.example.org/a.csv\" (given to pd.read_csv in cell 2 and 1 more "
                + "call): move it to configuration",
            "2:1:12 NB204 hard-coded host \"https://api.example.com\" assigned to API_HOST: move it to configuration");
        assertThat(payloads(new HardCodedUrlRule(), cells)).containsExactly(
            new Payload.Endpoint("https://data.example.org/a.csv", Payload.EndpointKind.URL),
            new Payload.Endpoint("https://api.example.com", Payload.EndpointKind.HOST));
    }
}
