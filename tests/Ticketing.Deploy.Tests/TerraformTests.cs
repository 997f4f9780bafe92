using System.Text.RegularExpressions;
using Ticketing.Deploy.Tests.Support;

namespace Ticketing.Deploy.Tests;

/// <summary>
/// The Terraform root and its per-environment variables agree. (terraform validate needs the providers, which
/// only CI can download; `terraform fmt -check` runs there too.)
/// </summary>
public sealed partial class TerraformTests
{
    public static TheoryData<string> Environments() => ["dev", "prod"];

    [Theory]
    [MemberData(nameof(Environments))]
    public void Each_environment_sets_every_required_variable_and_only_declared_ones(string environment)
    {
        var declared = Declarations();
        var set = TfvarsKey().Matches(Repo.Read("deploy", "terraform", "environments", environment, "terraform.tfvars"))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

        var unknown = set.Where(name => !declared.ContainsKey(name)).ToList();
        var unset = declared.Where(d => !d.Value && !set.Contains(d.Key)).Select(d => d.Key).ToList();

        Assert.True(unknown.Count == 0, $"{environment} sets undeclared variables: {string.Join(", ", unknown)}");
        Assert.True(unset.Count == 0, $"{environment} leaves required variables unset: {string.Join(", ", unset)}");
        Assert.True(Repo.Exists($"deploy/terraform/environments/{environment}/backend.hcl"));
    }

    [Fact]
    public void The_root_builds_what_the_deployment_needs()
    {
        var all = string.Concat(Directory.EnumerateFiles(Repo.PathOf("deploy", "terraform"), "*.tf").Select(File.ReadAllText));

        foreach (var needed in new[]
                 {
                     "terraform-aws-modules/vpc/aws", "terraform-aws-modules/eks/aws", "eks_managed_node_groups",
                     "resource \"aws_ecr_repository\"", "terraform-aws-modules/rds/aws", "engine_version       = \"15\"",
                     "resource \"aws_acm_certificate\"", "resource \"aws_route53_record\" \"app\"",
                     "attach_load_balancer_controller_policy = true", "kube-system:aws-load-balancer-controller",
                     "token.actions.githubusercontent.com", "enableNetworkPolicy",
                 })
        {
            Assert.Contains(needed, all, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(@"source\s*=\s*""(?!hashicorp/|terraform-aws-modules/)", all);
    }

    [Fact]
    public void The_chart_and_terraform_agree_on_the_load_balancer_name()
    {
        foreach (var environment in new[] { "dev", "prod" })
        {
            var tfvars = Repo.Read("deploy", "terraform", "environments", environment, "terraform.tfvars");
            var values = Yaml.LoadMap(Repo.Read("deploy", "helm", $"values-{environment}.yaml"));
            var albName = Regex.Match(tfvars, @"^alb_name\s*=\s*""(?<name>[^""]+)""", RegexOptions.Multiline).Groups["name"].Value;

            Assert.True(Yaml.TryGet(values, "ingress.alb.loadBalancerName", out var chartName));
            Assert.Equal(albName, chartName);
        }
    }

    /// <summary>Declared variables, and whether each has a default.</summary>
    private static Dictionary<string, bool> Declarations()
    {
        var text = Repo.Read("deploy", "terraform", "variables.tf");
        var blocks = VariableBlock().Matches(text);
        Assert.NotEmpty(blocks);
        return blocks.ToDictionary(
            m => m.Groups["name"].Value,
            m => Regex.IsMatch(m.Groups["body"].Value, @"^\s*default\s*=", RegexOptions.Multiline),
            StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^variable\s+""(?<name>\w+)""\s*\{(?<body>.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex VariableBlock();

    [GeneratedRegex(@"^(?<name>\w+)\s*=", RegexOptions.Multiline)]
    private static partial Regex TfvarsKey();
}
