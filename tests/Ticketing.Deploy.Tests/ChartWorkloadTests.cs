using System.Text.RegularExpressions;
using Ticketing.Deploy.Tests.Support;

namespace Ticketing.Deploy.Tests;

/// <summary>The silo and gateway workloads: environment, ports, probes, rollout, disruption, hooks, policies.</summary>
public sealed partial class ChartWorkloadTests
{
    /// <summary>The configuration the silo reads (ClusterSettings, StreamingSettings, StripeOptions, DashboardCredential), as env names.</summary>
    private static readonly string[] SiloReads =
    [
        "Ticketing__Storage",
        "ConnectionStrings__Postgres",
        "Ticketing__Silo__SiloPort",
        "Ticketing__Silo__GatewayPort",
        "Ticketing__Silo__AdvertisedIP",
        "Ticketing__Silo__ServiceId",
        "Ticketing__Silo__ClusterId",
        "Ticketing__Streams",
        "Ticketing__Nats__Url",
        "Ticketing__Stripe__SecretKey",
        "Ticketing__Dashboard__Username",
        "Ticketing__Dashboard__Password",
    ];

    /// <summary>The configuration the gateway reads in client mode (ClusterSettings, JwtSettings, AuthSetup, streams, telemetry).</summary>
    private static readonly string[] GatewayReads =
    [
        "Ticketing__Cluster__Mode",
        "Ticketing__Storage",
        "ConnectionStrings__Postgres",
        "Ticketing__Silo__ServiceId",
        "Ticketing__Silo__ClusterId",
        "Ticketing__Jwt__SigningKey",
        "Ticketing__Operators__",
        "Ticketing__Streams",
        "Ticketing__Nats__Url",
        "Ticketing__Telemetry__MetricsPort",
    ];

    private static readonly string[] Probes = ["startupProbe", "readinessProbe", "livenessProbe"];

    public static TheoryData<string, string> Workloads() => new()
    {
        { "silo-deployment.yaml", "silo" },
        { "gateway-deployment.yaml", "gateway" },
    };

    [Fact]
    public void The_silo_gets_every_setting_it_reads()
    {
        var set = EnvironmentOf("silo-deployment.yaml");
        var missing = SiloReads.Where(name => !set.Any(s => s.StartsWith(name, StringComparison.Ordinal))).ToList();

        Assert.True(missing.Count == 0, "The silo Deployment does not set: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_gateway_gets_every_setting_it_reads_and_runs_as_a_client()
    {
        var set = EnvironmentOf("gateway-deployment.yaml");
        var missing = GatewayReads.Where(name => !set.Any(s => s.StartsWith(name, StringComparison.Ordinal))).ToList();
        Assert.True(missing.Count == 0, "The gateway Deployment does not set: " + string.Join(", ", missing));

        var env = Chart.Block(Chart.Expanded("gateway-deployment.yaml"), "env");
        var mode = env.SkipWhile(line => !line.Contains("name: Ticketing__Cluster__Mode", StringComparison.Ordinal)).Skip(1).First();
        Assert.Matches(@"^\s*value:\s*""?Client""?\s*$", mode);
    }

    [Fact]
    public void Storage_is_postgres_for_every_pod()
    {
        Assert.Contains("Ticketing__Storage: {{ .Values.storage | quote }}", Chart.Template("configmap.yaml"), StringComparison.Ordinal);
        Assert.Equal("Postgres", Chart.Values()["storage"]);
    }

    [Fact]
    public void The_settings_the_chart_sets_are_the_ones_the_app_reads()
    {
        // Each env name maps to a configuration path; the app's sources must read that path (a section string
        // and the key within it), so renaming a key in the app without the chart fails here.
        var sources = Repo.AppSources().Select(File.ReadAllText).ToList();
        var unread = new List<string>();
        foreach (var name in SiloReads.Concat(GatewayReads).Distinct())
        {
            var segments = name.TrimEnd('_').Split("__");
            var read = segments[0] == "ConnectionStrings"
                ? sources.Any(s => s.Contains($"GetConnectionString(\"{segments[1]}\")", StringComparison.Ordinal))
                : sources.Any(s => s.Contains($"\"{string.Join(':', segments)}\"", StringComparison.Ordinal))
                  || sources.Any(s => s.Contains($"\"{string.Join(':', segments[..^1])}\"", StringComparison.Ordinal)
                                      && Regex.IsMatch(s, $@"\b{segments[^1]}\b"));
            if (!read)
            {
                unread.Add(name);
            }
        }

        Assert.True(unread.Count == 0, "The chart sets settings no application source reads: " + string.Join(", ", unread));
    }

    [Fact]
    public void Silos_advertise_their_pod_ip()
    {
        var env = Chart.Block(Chart.Template("silo-deployment.yaml"), "env");
        var advertised = env.SkipWhile(line => !line.Contains("name: Ticketing__Silo__AdvertisedIP", StringComparison.Ordinal)).Take(4);

        Assert.Contains(advertised, line => Regex.IsMatch(line, @"fieldPath:\s*status\.podIP\s*$"));
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Every_probe_names_a_declared_container_port(string template, string component)
    {
        var text = Chart.Template(template);
        var ports = Chart.Block(text, "ports");
        var declared = Chart.ListNames(ports);
        Assert.NotEmpty(declared);

        foreach (var probe in Probes)
        {
            var block = Chart.Block(text, probe);
            Assert.True(block.Count > 0, $"{component}: no {probe}.");
            var port = Chart.Scalar(block, "port");
            Assert.True(port is not null, $"{component}: {probe} names no port.");
            Assert.True(declared.Contains(port) || ContainerPorts(ports).Contains(port),
                $"{component}: {probe} uses port '{port}', but the container declares only {string.Join(", ", declared)}.");
        }
    }

    [Fact]
    public void The_silo_declares_its_orleans_ports_and_probes_its_health_endpoint()
    {
        var text = Chart.Template("silo-deployment.yaml");
        var values = Chart.Values();
        var ports = ContainerPorts(Chart.Block(text, "ports")).Select(p => Chart.Resolve(p, values)).ToList();

        Assert.Equal(["11111", "30000", "8080"], ports);
        foreach (var probe in Probes)
        {
            Assert.Equal("/healthz", Chart.Scalar(Chart.Block(text, probe), "path"));
        }

        // The silo host maps /healthz (silo/Program.cs).
        Assert.Contains("MapHealthChecks(\"/healthz\")", Repo.Read("silo", "Program.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_gateway_probes_healthz_and_readyz_that_it_maps()
    {
        var text = Chart.Template("gateway-deployment.yaml");

        Assert.Equal("/healthz", Chart.Scalar(Chart.Block(text, "startupProbe"), "path"));
        Assert.Equal("/readyz", Chart.Scalar(Chart.Block(text, "readinessProbe"), "path"));
        Assert.Equal("/healthz", Chart.Scalar(Chart.Block(text, "livenessProbe"), "path"));
        var gatewaySources = string.Concat(Repo.AppSources().Where(f => Repo.Relative(f).StartsWith("api-gateway/", StringComparison.Ordinal)).Select(File.ReadAllText));
        Assert.Contains("\"/healthz\"", gatewaySources, StringComparison.Ordinal);
        Assert.Contains("\"/readyz\"", gatewaySources, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Rollouts_never_take_a_pod_away_first_and_shutdown_fits_the_grace_period(string template, string component)
    {
        var text = Chart.Template(template);

        Assert.Equal("0", Chart.Scalar(Chart.Block(text, "rollingUpdate"), "maxUnavailable"));
        Assert.Contains($"terminationGracePeriodSeconds: {{{{ .Values.{component}.terminationGracePeriodSeconds }}}}", text, StringComparison.Ordinal);
        var env = Chart.Block(text, "env");
        var shutdown = env.SkipWhile(line => !line.Contains("name: DOTNET_SHUTDOWNTIMEOUTSECONDS", StringComparison.Ordinal)).Skip(1).FirstOrDefault();
        Assert.True(shutdown is not null, $"{component}: DOTNET_SHUTDOWNTIMEOUTSECONDS is not set.");
        Assert.Contains($".Values.{component}.shutdownTimeoutSeconds", shutdown, StringComparison.Ordinal);
        Assert.Contains($"{component}.terminationGracePeriodSeconds", Chart.Template("_helpers.tpl"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Each_workload_has_a_disruption_budget_an_autoscaler_and_a_read_only_root(string template, string component)
    {
        var pdb = Chart.Template($"{component}-pdb.yaml");
        Assert.Contains("kind: PodDisruptionBudget", pdb, StringComparison.Ordinal);
        Assert.Contains($"include \"ticketing.{component}.selectorLabels\"", pdb, StringComparison.Ordinal);

        var hpa = Chart.Template($"{component}-hpa.yaml");
        Assert.Contains("kind: HorizontalPodAutoscaler", hpa, StringComparison.Ordinal);
        Assert.Contains($"name: {{{{ include \"ticketing.{component}.fullname\" . }}}}", hpa, StringComparison.Ordinal);

        var text = Chart.Template(template);
        Assert.Contains("toYaml .Values.containerSecurityContext", text, StringComparison.Ordinal);
        Assert.Contains("include \"ticketing.tmpVolumeMount\"", text, StringComparison.Ordinal);
        Assert.True(Yaml.TryGet(Chart.Values(), "containerSecurityContext.readOnlyRootFilesystem", out var readOnly) && readOnly is true);
        Assert.True(Yaml.TryGet(Chart.Values(), "podSecurityContext.runAsNonRoot", out var nonRoot) && nonRoot is true);
    }

    [Fact]
    public void The_migration_job_runs_db_migrate_with_the_silo_before_install_and_upgrade()
    {
        var job = Chart.Template("migrate-job.yaml");

        var command = CommandLine().Match(job);
        Assert.True(command.Success, "The migrate Job has no command: [...] line.");
        var words = Regex.Matches(command.Groups["words"].Value, "\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["dotnet", DockerfileTests.AssemblyName("silo/Ticketing.Silo.csproj") + ".dll", "db", "migrate"], words);
        Assert.Contains("helm.sh/hook: pre-install,pre-upgrade", job, StringComparison.Ordinal);
        Assert.Contains("\"repository\" .Values.silo.image.repository", job, StringComparison.Ordinal);
        Assert.Contains("name: ConnectionStrings__Postgres", job, StringComparison.Ordinal);

        // The silo host answers `db migrate` (silo/Program.cs) rather than starting a silo.
        Assert.Matches(@"\[\s*""db""\s*,\s*""migrate""", Repo.Read("silo", "Program.cs"));
    }

    [Fact]
    public void Network_policies_allow_the_clusters_traffic()
    {
        var documents = Chart.Template("networkpolicy.yaml").Split("\n---\n");

        string Policy(string nameSuffix) => documents.SingleOrDefault(d => d.Contains($"}}}}-{nameSuffix}\n", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No NetworkPolicy named *-{nameSuffix}.");

        var siloToSilo = Policy("silo-to-silo");
        Assert.Contains("ticketing.silo.selectorLabels", siloToSilo, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(siloToSilo, @"port: \{\{ \.Values\.silo\.siloPort \}\}"));

        var gatewayToSilo = Policy("gateway-to-silo");
        Assert.Contains("ticketing.gateway.selectorLabels", gatewayToSilo, StringComparison.Ordinal);
        Assert.Contains("port: {{ .Values.silo.gatewayPort }}", gatewayToSilo, StringComparison.Ordinal);
        Assert.Contains("port: {{ .Values.silo.gatewayPort }}", Policy("gateway"), StringComparison.Ordinal);

        var postgres = Policy("to-postgres");
        Assert.Contains("toYaml $np.postgres.to", postgres, StringComparison.Ordinal);
        Assert.Contains("port: {{ $np.postgres.port }}", postgres, StringComparison.Ordinal);
        Assert.Contains("port: 53", postgres, StringComparison.Ordinal);

        var nats = Policy("to-nats");
        Assert.Contains("toYaml $np.nats.to", nats, StringComparison.Ordinal);
        Assert.Contains("port: {{ $np.nats.port }}", nats, StringComparison.Ordinal);
    }

    [Fact]
    public void The_ingress_is_an_alb_with_tls_from_acm()
    {
        var ingress = Chart.Template("gateway-ingress.yaml");

        foreach (var annotation in new[] { "scheme", "target-type", "listen-ports", "ssl-redirect", "certificate-arn", "healthcheck-path" })
        {
            Assert.Contains($"\"alb.ingress.kubernetes.io/{annotation}\"", ingress, StringComparison.Ordinal);
        }

        Assert.Contains("\"alb.ingress.kubernetes.io/certificate-arn\" .Values.ingress.alb.certificateArn", ingress, StringComparison.Ordinal);
        Assert.Contains("HTTPS", ingress, StringComparison.Ordinal);
        Assert.Equal("alb", Chart.Values().GetValueOrDefault("ingress") is Dictionary<string, object?> i ? i["className"] : null);
        Assert.Contains("ingress.alb.certificateArn is required", Chart.Template("_helpers.tpl"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_orleans_kubernetes_labels_anywhere()
    {
        // ADO.NET clustering: Microsoft.Orleans.Hosting.Kubernetes is not used, and its orleans/* labels would
        // make pods respawn if they reached a selector.
        var withLabels = Chart.TemplateFiles().Where(f => File.ReadAllText(f).Contains("orleans/", StringComparison.Ordinal)).ToList();

        Assert.Empty(withLabels);
    }

    /// <summary>Env names a Deployment sets: its env entries (includes expanded) plus its ConfigMap's keys.</summary>
    private static List<string> EnvironmentOf(string template)
    {
        var text = Chart.Expanded(template);
        var names = Chart.ListNames(Chart.Block(text, "env"));
        if (Chart.Block(text, "envFrom").Any(line => line.Contains("include \"ticketing.configMapName\"", StringComparison.Ordinal)))
        {
            names.AddRange(Chart.Block(Chart.Template("configmap.yaml"), "data")
                .Select(line => ConfigMapKey().Match(line))
                .Where(m => m.Success)
                .Select(m => TemplateAction().Replace(m.Groups["key"].Value, "")));
        }

        return names;
    }

    private static List<string> ContainerPorts(IEnumerable<string> portsBlock) =>
        [.. portsBlock.Select(line => ContainerPort().Match(line)).Where(m => m.Success).Select(m => m.Groups["port"].Value.Trim())];

    [GeneratedRegex(@"^\s*containerPort:\s*(?<port>.+?)\s*$")]
    private static partial Regex ContainerPort();

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z_][A-Za-z0-9_]*(\{\{[^}]*\}\})?):")]
    private static partial Regex ConfigMapKey();

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex TemplateAction();

    [GeneratedRegex(@"command:\s*\[(?<words>[^\]]*)\]")]
    private static partial Regex CommandLine();
}
