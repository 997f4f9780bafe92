using Ticketing.Deploy.Tests.Support;

namespace Ticketing.Deploy.Tests;

/// <summary>values.yaml, values.schema.json and the templates agree on every setting.</summary>
public sealed class ChartValuesTests
{
    /// <summary>Values files the chart is installed or linted with, each merged over values.yaml.</summary>
    public static TheoryData<string> Overlays() =>
    [
        "helm/ticketing/values.yaml",
        "helm/ticketing/ci/kind-values.yaml",
        "helm/ticketing/ci/eks-values.yaml",
        "deploy/helm/values-dev.yaml",
        "deploy/helm/values-prod.yaml",
    ];

    [Fact]
    public void Every_values_path_a_template_uses_exists_in_values_yaml()
    {
        var values = Chart.Values();
        var missing = UsedPaths()
            .Where(use => !Yaml.TryGet(values, use.Path, out _))
            .Select(use => $"{use.Template}: .Values.{use.Path}")
            .ToList();

        Assert.True(missing.Count == 0, "Not in values.yaml:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_values_path_a_template_uses_is_declared_in_the_schema()
    {
        var schema = Chart.Schema();
        var missing = UsedPaths()
            .Where(use => !SchemaCheck.Declares(schema, use.Path))
            .Select(use => $"{use.Template}: .Values.{use.Path}")
            .ToList();

        Assert.True(missing.Count == 0, "Not declared in values.schema.json:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_property_the_schema_declares_has_a_default_in_values_yaml()
    {
        var values = Chart.Values();
        var missing = SchemaCheck.DeclaredPaths(Chart.Schema()).Where(path => !Yaml.TryGet(values, path, out _)).ToList();

        Assert.True(missing.Count == 0, "Declared in values.schema.json but absent from values.yaml:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Every_setting_in_values_yaml_is_used_by_a_template()
    {
        var used = UsedPaths().Select(use => use.Path).ToHashSet(StringComparer.Ordinal);
        var unused = Yaml.LeafPaths(Chart.Values())
            .Where(leaf => !used.Any(path => leaf == path || leaf.StartsWith(path + ".", StringComparison.Ordinal)))
            .ToList();

        Assert.True(unused.Count == 0, "values.yaml settings no template reads:\n" + string.Join('\n', unused));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Values_files_conform_to_the_schema(string file)
    {
        var values = Chart.Values();
        if (file != "helm/ticketing/values.yaml")
        {
            values = Yaml.Merge(values, Yaml.LoadMap(Repo.Read(file.Split('/'))));
        }

        var errors = SchemaCheck.Validate(values, Chart.Schema());

        Assert.True(errors.Count == 0, $"{file} (merged over values.yaml) breaks values.schema.json:\n" + string.Join('\n', errors));
    }

    [Fact]
    public void The_schema_rejects_what_it_should()
    {
        var schema = Chart.Schema();
        var values = Chart.Values();

        var unknownKey = Yaml.Merge(values, new Dictionary<string, object?> { ["silo"] = new Dictionary<string, object?> { ["sloPort"] = 1L } });
        var badPort = Yaml.Merge(values, new Dictionary<string, object?> { ["silo"] = new Dictionary<string, object?> { ["siloPort"] = "11111" } });
        var badStreams = Yaml.Merge(values, new Dictionary<string, object?> { ["streams"] = "Kafka" });

        Assert.Contains(SchemaCheck.Validate(unknownKey, schema), e => e.Contains("silo.sloPort", StringComparison.Ordinal));
        Assert.Contains(SchemaCheck.Validate(badPort, schema), e => e.Contains("silo.siloPort", StringComparison.Ordinal));
        Assert.Contains(SchemaCheck.Validate(badStreams, schema), e => e.Contains("streams", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Grace_periods_outlast_the_hosts_shutdown(string file)
    {
        var values = Chart.Values();
        if (file != "helm/ticketing/values.yaml")
        {
            values = Yaml.Merge(values, Yaml.LoadMap(Repo.Read(file.Split('/'))));
        }

        Assert.True(Number(values, "silo.terminationGracePeriodSeconds") > Number(values, "silo.shutdownTimeoutSeconds"),
            $"{file}: silo.terminationGracePeriodSeconds must exceed silo.shutdownTimeoutSeconds.");
        Assert.True(
            Number(values, "gateway.terminationGracePeriodSeconds")
            > Number(values, "gateway.shutdownTimeoutSeconds") + Number(values, "gateway.preStopSleepSeconds"),
            $"{file}: gateway.terminationGracePeriodSeconds must exceed preStopSleepSeconds + shutdownTimeoutSeconds.");
    }

    [Fact]
    public void Templates_are_well_formed_and_include_only_defined_templates()
    {
        var defines = Chart.Defines(Chart.Template("_helpers.tpl")).Keys.ToHashSet(StringComparer.Ordinal);
        var problems = Chart.TemplateFiles()
            .SelectMany(file => Chart.SyntaxProblems(File.ReadAllText(file), defines).Select(p => $"{Repo.Relative(file)}: {p}"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal) { "ticketing.fullname", "ticketing.labels", "ticketing.selectorLabels", "ticketing.validate" },
            defines);
    }

    [Fact]
    public void The_chart_has_notes_and_a_schema()
    {
        Assert.True(File.Exists(Path.Combine(Chart.TemplatesDir, "NOTES.txt")));
        var chart = Yaml.LoadMap(Repo.Read("helm", "ticketing", "Chart.yaml"));
        Assert.Equal("v2", chart["apiVersion"]);
        Assert.Equal("ticketing", chart["name"]);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, Chart.Schema().ValueKind);
    }

    private static double Number(Dictionary<string, object?> values, string path)
    {
        Assert.True(Yaml.TryGet(values, path, out var value), $"{path} is missing.");
        return Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static IEnumerable<(string Template, string Path)> UsedPaths() =>
        Chart.TemplateFiles().SelectMany(file =>
            Chart.ValuesPaths(File.ReadAllText(file)).Select(path => (Repo.Relative(file), path)));
}
