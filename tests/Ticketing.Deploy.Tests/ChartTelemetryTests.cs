using System.Text.RegularExpressions;
using Ticketing.Deploy.Tests.Support;

namespace Ticketing.Deploy.Tests;

/// <summary>Metrics scraping, trace export and the silos' dashboard credential, as the chart wires them.</summary>
public sealed class ChartTelemetryTests
{
    public static TheoryData<string, string> ScrapedPorts() => new()
    {
        { "silo-deployment.yaml", ".Values.silo.httpPort" },
        { "gateway-deployment.yaml", ".Values.gateway.metricsPort" },
    };

    [Theory]
    [MemberData(nameof(ScrapedPorts))]
    public void Pods_carry_scrape_annotations_for_the_port_that_serves_metrics(string template, string port)
    {
        var text = Chart.Template(template);
        var annotations = Chart.Block(text, "annotations");

        Assert.Equal("true", Chart.Scalar(annotations, "prometheus.io/scrape"));
        Assert.Equal($"{{{{ {port} | quote }}}}", Chart.Scalar(annotations, "prometheus.io/port"));
        Assert.Equal("/metrics", Chart.Scalar(annotations, "prometheus.io/path"));
        Assert.Contains("{{- if .Values.telemetry.scrapeAnnotations }}", text, StringComparison.Ordinal);
        Assert.Contains(ContainerPorts(Chart.Block(text, "ports")), p => p == $"{{{{ {port} }}}}");

        // Both hosts serve the scrape at that path (service-defaults/Telemetry/TicketingTelemetry.cs).
        Assert.Contains("MetricsPath = \"/metrics\"", Repo.Read("service-defaults", "Telemetry", "TicketingTelemetry.cs"), StringComparison.Ordinal);
        Assert.Contains("UseTicketingMetrics(", Repo.Read("silo", "Program.cs"), StringComparison.Ordinal);
        Assert.Contains("UseTicketingMetrics(", Repo.Read("api-gateway", "GatewayApp.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_gateway_serves_metrics_on_a_port_of_its_own_that_neither_the_service_nor_the_ingress_exposes()
    {
        var gateway = Chart.Template("gateway-deployment.yaml");
        var env = Chart.Block(gateway, "env");
        var values = Chart.Values();

        var urls = env.SkipWhile(line => !line.Contains("name: ASPNETCORE_URLS", StringComparison.Ordinal)).Skip(1).First();
        Assert.Contains(".Values.gateway.httpPort .Values.gateway.metricsPort", urls, StringComparison.Ordinal);
        var metricsPort = env.SkipWhile(line => !line.Contains("name: Ticketing__Telemetry__MetricsPort", StringComparison.Ordinal)).Skip(1).First();
        Assert.Contains(".Values.gateway.metricsPort", metricsPort, StringComparison.Ordinal);
        Assert.NotEqual(Chart.Resolve("{{ .Values.gateway.httpPort }}", values), Chart.Resolve("{{ .Values.gateway.metricsPort }}", values));
        Assert.DoesNotContain("metrics", Chart.Template("gateway-service.yaml"), StringComparison.Ordinal);
        Assert.Equal("http", Chart.Scalar(Chart.Block(Chart.Template("gateway-ingress.yaml"), "port"), "name"));
        Assert.Contains("gateway.metricsPort must differ from gateway.httpPort", Chart.Template("_helpers.tpl"), StringComparison.Ordinal);

        // The network policy lets scrapers in on that port.
        var policy = Chart.Template("networkpolicy.yaml").Split("\n---\n").Single(d => d.Contains("}}-gateway\n", StringComparison.Ordinal));
        Assert.Contains("port: {{ .Values.gateway.metricsPort }}", policy, StringComparison.Ordinal);
        Assert.Contains("$np.gatewayMetricsFrom", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_otlp_endpoint_reaches_every_pod_through_the_config_map()
    {
        var configMap = Chart.Template("configmap.yaml");

        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT: {{ . | quote }}", configMap, StringComparison.Ordinal);
        Assert.Contains("{{- with .Values.telemetry.otlpEndpoint }}", configMap, StringComparison.Ordinal);
        Assert.True(Yaml.TryGet(Chart.Values(), "telemetry.otlpEndpoint", out var endpoint) && endpoint is "");
        foreach (var template in new[] { "silo-deployment.yaml", "gateway-deployment.yaml" })
        {
            Assert.Contains(Chart.Block(Chart.Template(template), "envFrom"), line => line.Contains("include \"ticketing.configMapName\"", StringComparison.Ordinal));
        }

        Assert.Contains("OtlpEndpointKey = \"OTEL_EXPORTER_OTLP_ENDPOINT\"", Repo.Read("service-defaults", "Telemetry", "TicketingTelemetry.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_silos_read_their_dashboard_credential_from_the_secret_or_the_existing_one()
    {
        var silo = Chart.Expanded("silo-deployment.yaml");
        var env = Chart.Block(silo, "env");
        var secret = Chart.Template("secret.yaml");

        foreach (var (name, key) in new[] { ("Ticketing__Dashboard__Username", "dashboard-username"), ("Ticketing__Dashboard__Password", "dashboard-password") })
        {
            var entry = env.SkipWhile(line => !line.Contains($"name: {name}", StringComparison.Ordinal)).Skip(1).Take(5).ToList();
            Assert.True(entry.Count == 5, $"The silo Deployment does not set {name}.");
            Assert.Contains(entry, line => Regex.IsMatch(line, @"name: \{\{ include ""ticketing.secretName"" \. \}\}\s*$"));
            Assert.Contains(entry, line => Regex.IsMatch(line, $@"key: {key}\s*$"));
            Assert.Contains(entry, line => Regex.IsMatch(line, @"optional: true\s*$"));
            Assert.Contains($"  {key}: {{{{ .Values.secrets.", secret, StringComparison.Ordinal);
        }

        // The silo host reads exactly these keys and ignores a password shorter than 12 characters; the chart refuses one.
        var credential = Repo.Read("silo", "Operations", "DashboardCredential.cs");
        Assert.Contains("\"Ticketing:Dashboard:Username\"", credential, StringComparison.Ordinal);
        Assert.Contains("\"Ticketing:Dashboard:Password\"", credential, StringComparison.Ordinal);
        Assert.Contains("Length: >= 12", credential, StringComparison.Ordinal);
        Assert.Contains("(lt (len .Values.secrets.dashboardPassword) 12)", Chart.Template("_helpers.tpl"), StringComparison.Ordinal);
        Assert.True(Yaml.TryGet(Chart.Values(), "secrets.dashboardPassword", out var password) && password is "",
            "secrets.dashboardPassword must default to empty: no dashboard on silos unless an operator sets one.");
    }

    private static List<string> ContainerPorts(IEnumerable<string> portsBlock) =>
        [.. portsBlock.Select(line => Regex.Match(line, @"^\s*containerPort:\s*(?<port>.+?)\s*$")).Where(m => m.Success).Select(m => m.Groups["port"].Value.Trim())];
}
