using System.Text.RegularExpressions;
using Ticketing.Deploy.Tests.Support;

namespace Ticketing.Deploy.Tests;

/// <summary>The GitHub workflows run what the README and docs/deploy.md say they run, on files that exist.</summary>
public sealed partial class WorkflowTests
{
    public static TheoryData<string> Workflows() => ["ci.yml", "release.yml", "deploy-eks.yml"];

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Workflows_are_valid_yaml_with_jobs(string workflow)
    {
        var document = Workflow(workflow);

        Assert.True(document.ContainsKey("on"), $"{workflow} has no trigger.");
        Assert.True(document.GetValueOrDefault("jobs") is Dictionary<string, object?> { Count: > 0 }, $"{workflow} has no jobs.");
    }

    [Fact]
    public void Ci_runs_the_readme_test_command_on_every_push()
    {
        var ci = Workflow("ci.yml");

        Assert.True(ci["on"] is Dictionary<string, object?> on && on.ContainsKey("push"));
        Assert.Contains(RunScripts("ci.yml"), run => run.Contains("scripts/test.sh", StringComparison.Ordinal));
        Assert.Contains("scripts/test.sh", Repo.Read("README.md"), StringComparison.Ordinal);
        Assert.True(Repo.Exists("scripts/test.sh"));
    }

    [Fact]
    public void Release_runs_on_tags_and_proves_the_chart_on_kind_before_eks()
    {
        var release = Workflow("release.yml");
        var on = Assert.IsType<Dictionary<string, object?>>(release["on"]);
        var push = Assert.IsType<Dictionary<string, object?>>(on["push"]);
        Assert.True(push.ContainsKey("tags"));

        var jobs = Assert.IsType<Dictionary<string, object?>>(release["jobs"]);
        var runs = string.Join('\n', RunScripts("release.yml"));
        Assert.Contains("helm lint", runs, StringComparison.Ordinal);
        Assert.Contains("kind load image-archive", runs, StringComparison.Ordinal);
        Assert.Contains("/api/payments", runs, StringComparison.Ordinal);
        Assert.Contains("--resolve ticketing.local:80:127.0.0.1", runs, StringComparison.Ordinal);

        // kind first; each environment after it, through the reusable deploy workflow.
        var dev = Assert.IsType<Dictionary<string, object?>>(jobs["deploy-dev"]);
        var prod = Assert.IsType<Dictionary<string, object?>>(jobs["deploy-prod"]);
        Assert.Equal("kind", dev["needs"]);
        Assert.Equal("deploy-dev", prod["needs"]);
        Assert.Equal("./.github/workflows/deploy-eks.yml", dev["uses"]);
        Assert.Equal("./.github/workflows/deploy-eks.yml", prod["uses"]);
    }

    [Fact]
    public void Deploy_assumes_a_role_through_oidc_per_github_environment()
    {
        var deploy = Repo.Read(".github", "workflows", "deploy-eks.yml");

        Assert.Contains("id-token: write", deploy, StringComparison.Ordinal);
        Assert.Contains("aws-actions/configure-aws-credentials", deploy, StringComparison.Ordinal);
        Assert.Contains("role-to-assume:", deploy, StringComparison.Ordinal);
        Assert.DoesNotContain("aws-access-key-id", deploy, StringComparison.Ordinal);
        Assert.Contains("name: ${{ inputs.environment }}", deploy, StringComparison.Ordinal);
        Assert.Contains("helm upgrade --install ticketing helm/ticketing", deploy, StringComparison.Ordinal);
        foreach (var environment in new[] { "dev", "prod" })
        {
            Assert.True(Repo.Exists($"deploy/helm/values-{environment}.yaml"), $"deploy/helm/values-{environment}.yaml is missing.");
        }
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Every_repository_path_a_workflow_names_exists(string workflow)
    {
        var text = Repo.Read(".github", "workflows", workflow);
        var missing = RepoPath().Matches(text)
            // Whole paths only: not owner/action@v1, not a path that goes on with an expression (values-${{ ... }}).
            .Where(m => m.Index + m.Length >= text.Length || " \t\r\n\"'),;:".Contains(text[m.Index + m.Length], StringComparison.Ordinal))
            .Select(m => m.Groups["path"].Value)
            .Where(path => !path.Contains('$', StringComparison.Ordinal) && !path.Contains('*', StringComparison.Ordinal))
            .Distinct()
            .Where(path => !Repo.Exists(path))
            .ToList();

        Assert.True(missing.Count == 0, $"{workflow} names paths that do not exist: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_images_the_workflows_build_are_the_repositorys_dockerfiles()
    {
        foreach (var workflow in new[] { "ci.yml", "release.yml" })
        {
            var text = Repo.Read(".github", "workflows", workflow);
            Assert.Contains("file: silo/Dockerfile", text, StringComparison.Ordinal);
            Assert.Contains("file: api-gateway/Dockerfile", text, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, object?> Workflow(string name) => Yaml.LoadMap(Repo.Read(".github", "workflows", name));

    private static IEnumerable<string> RunScripts(string workflow) =>
        Assert.IsType<Dictionary<string, object?>>(Workflow(workflow)["jobs"]).Values
            .OfType<Dictionary<string, object?>>()
            .SelectMany(job => job.GetValueOrDefault("steps") as List<object?> ?? [])
            .OfType<Dictionary<string, object?>>()
            .Select(step => step.GetValueOrDefault("run") as string)
            .OfType<string>();

    [GeneratedRegex(@"(?<![\w./-])(?<path>(?:helm|deploy|scripts|silo|api-gateway|tests)/[\w./${}*-]*[\w/}*])")]
    private static partial Regex RepoPath();
}
