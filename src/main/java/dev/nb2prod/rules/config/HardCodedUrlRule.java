package dev.nb2prod.rules.config;

import dev.nb2prod.python.ast.Arg;
import dev.nb2prod.python.ast.AstWalker;
import dev.nb2prod.python.ast.Dotted;
import dev.nb2prod.python.ast.Expr;
import dev.nb2prod.python.ast.Stmt;
import dev.nb2prod.python.ast.Span;
import dev.nb2prod.rules.Family;
import dev.nb2prod.rules.Payload;
import dev.nb2prod.rules.Rule;
import dev.nb2prod.rules.RuleContext;
import dev.nb2prod.rules.RuleInfo;
import dev.nb2prod.rules.Severity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * NB204: endpoints written into the code: URLs given to network and data-loading calls, database connection
 * strings, and host/port/IP assignments; a URL assigned to a variable that such a call is given is reported at the
 * assignment. URLs with an embedded password are left to the credential rules.
 */
public final class HardCodedUrlRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("NB204", "hard-coded-url", Family.CONFIGURATION, Severity.WARNING,
        "A service URL, database connection string, host or port is written in the code.",
        """
        Endpoints differ between development, staging and production, and they move. A URL or a connection
        string in a cell ties the job to one environment; switching means editing code, and the address of
        internal systems ends up in version control.
        """,
        """
        engine = create_engine("postgresql://db.internal:5432/sales")
        resp = requests.get("https://api.example.com/v1/orders")
        """,
        """
        engine = create_engine(config.database_url)
        resp = requests.get(f"{config.api_base_url}/v1/orders")
        """,
        "`nb2prod extract` moves the address into configuration (an environment variable for connection strings).");

    private static final Pattern HTTP = Pattern.compile("(?i)(https?|ftp)://[^\\s]+");
    private static final Pattern DATABASE = Pattern.compile(
        "(?i)((postgres(ql)?|mysql|mssql|oracle|sqlite|mongodb(\\+srv)?|rediss?|amqp|snowflake|redshift|clickhouse|"
            + "cockroachdb|mariadb|teradata|db2|hive|presto|trino|bigquery|databricks)(\\+\\w+)?://\\S*|jdbc:\\S+)");
    private static final Pattern EMBEDDED_PASSWORD = Pattern.compile("://[^/@\\s:]+:[^/@\\s]*@");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(:\\d{1,5})?");
    private static final Pattern HOST_NAME = Pattern.compile("(?i)(\\w+_)?(host|hostname|server|server_name|ip|ip_address|endpoint)");
    private static final Pattern PORT_NAME = Pattern.compile("(?i)(\\w+_)?port");
    private static final Pattern HOST_VALUE = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(:\\d+)?");
    private static final Set<String> NETWORK_CALLS = Set.of(
        "urlopen", "urlretrieve", "read_csv", "read_json", "read_html", "read_excel", "read_parquet", "read_table",
        "read_xml", "read_feather", "read_pickle", "create_engine", "get_file", "MongoClient", "Redis", "Request",
        "download", "loadtxt", "genfromtxt", "connect", "StrictRedis", "Elasticsearch", "ServerProxy");
    private static final Set<String> NETWORK_ROOTS = Set.of("requests", "httpx", "urllib", "urllib2", "urllib3",
        "aiohttp", "session", "s", "http", "wget");
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "0.0.0.0", "::1");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext context) {
        Map<Integer, Set<Span>> reportedByCell = new HashMap<>();
        for (RuleContext.ParsedCodeCell cell : context.parsedCells()) {
            Set<Span> reported = reportedByCell.computeIfAbsent(cell.index(), k -> new HashSet<>());
            for (Expr.Call call : AstWalker.find(cell.module(), Expr.Call.class)) {
                if (!networkCall(call)) {
                    continue;
                }
                for (Arg arg : call.args()) {
                    if ((arg.kind() == Arg.Kind.POSITIONAL || arg.kind() == Arg.Kind.KEYWORD)
                        && arg.value() instanceof Expr.Str s && HTTP.matcher(s.value().strip()).matches()
                        && !EMBEDDED_PASSWORD.matcher(s.value()).find() && reported.add(s.span())) {
                        context.report(cell.index(), s.span(), "hard-coded URL " + Literals.quote(s.value().strip())
                            + " in " + Dotted.describe(call.func()) + "(): move it to configuration",
                            new Payload.Endpoint(s.value().strip(), Payload.EndpointKind.URL));
                    }
                }
            }
            for (Expr.Str s : AstWalker.find(cell.module(), Expr.Str.class)) {
                String value = s.value().strip();
                if (DATABASE.matcher(value).matches() && !EMBEDDED_PASSWORD.matcher(value).find()
                    && !value.contains(":memory:") && !value.matches("(?i)\\w+(\\+\\w+)?://") && reported.add(s.span())) {
                    context.report(cell.index(), s.span(), "hard-coded connection string " + Literals.quote(value)
                        + ": move it to configuration", new Payload.Endpoint(value, Payload.EndpointKind.CONNECTION_STRING));
                } else if (remoteIp(value) && reported.add(s.span())) {
                    context.report(cell.index(), s.span(), "hard-coded IP address " + Literals.quote(value)
                        + ": move it to configuration", new Payload.Endpoint(value, Payload.EndpointKind.IP_ADDRESS));
                }
            }
            for (Stmt.Assign assign : AstWalker.find(cell.module(), Stmt.Assign.class)) {
                hostOrPort(context, cell.index(), assign, reported);
            }
        }
        throughVariables(context, reportedByCell);
    }

    /** URLs assigned to a variable that a network call is given: reported at the assignment, once. */
    private static void throughVariables(RuleContext context, Map<Integer, Set<Span>> reportedByCell) {
        DataPathUses.of(context).sites().forEach((site, found) -> {
            List<DataPathUses.Use> uses = found.uses().stream().filter(u -> networkCall(u.call())).toList();
            if (!found.throughVariable() || uses.isEmpty() || !(found.literal() instanceof Expr.Str s)) {
                return;
            }
            String value = s.value().strip();
            if (!HTTP.matcher(value).matches() || EMBEDDED_PASSWORD.matcher(value).find()
                || !reportedByCell.computeIfAbsent(site.cell(), k -> new HashSet<>()).add(s.span())) {
                return;
            }
            DataPathUses.Use first = uses.get(0);
            int others = uses.size() - 1;
            String more = others == 0 ? "" : " and " + others + (others == 1 ? " more call" : " more calls");
            context.report(site.cell(), s.span(), "hard-coded URL " + Literals.quote(value) + " (given to "
                + first.access().call() + " in cell " + (first.cell() + 1) + more + "): move it to configuration",
                new Payload.Endpoint(value, Payload.EndpointKind.URL));
        });
    }

    private static void hostOrPort(RuleContext context, int cell, Stmt.Assign assign, Set<Span> reported) {
        if (assign.targets().size() != 1 || !(assign.targets().get(0) instanceof Expr.Name target)) {
            return;
        }
        Expr value = assign.value();
        if (HOST_NAME.matcher(target.id()).matches() && value instanceof Expr.Str s) {
            String host = s.value().strip();
            if (!LOCAL.contains(host.replaceAll(":\\d+$", "").toLowerCase(java.util.Locale.ROOT))
                && (HOST_VALUE.matcher(host).matches() || HTTP.matcher(host).matches())
                && !EMBEDDED_PASSWORD.matcher(host).find() && reported.add(s.span())) {
                context.report(cell, s.span(), "hard-coded host " + Literals.quote(host) + " assigned to " + target.id()
                    + ": move it to configuration", new Payload.Endpoint(host, Payload.EndpointKind.HOST));
            }
        } else if (PORT_NAME.matcher(target.id()).matches() && value instanceof Expr.Num n
            && n.text().matches("\\d{2,5}") && reported.add(n.span())) {
            context.report(cell, n.span(), "hard-coded port " + n.text() + " assigned to " + target.id()
                + ": move it to configuration", new Payload.Endpoint(n.text(), Payload.EndpointKind.PORT));
        }
    }

    private static boolean networkCall(Expr.Call call) {
        String root = Dotted.root(call.func()).orElse("");
        String last = Dotted.lastPart(call.func());
        return NETWORK_CALLS.contains(last) || (NETWORK_ROOTS.contains(root) && !Dotted.name(call.func()).isEmpty()
            && Set.of("get", "post", "put", "patch", "delete", "head", "request", "urlopen", "download").contains(last));
    }

    /** An IPv4 address (optionally with a port) that is not local, a netmask or a four-part version number. */
    private static boolean remoteIp(String value) {
        var m = IPV4.matcher(value);
        if (!m.matches()) {
            return false;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            octets[i] = Integer.parseInt(m.group(i + 1));
            if (octets[i] > 255) {
                return false;
            }
        }
        boolean local = octets[0] == 127 || octets[0] == 0 || octets[0] == 255;
        boolean versionLike = octets[0] < 10 && octets[1] < 10 && octets[2] < 10 && octets[3] < 10;
        return !local && !versionLike;
    }
}
