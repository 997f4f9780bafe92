using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ticketing.Deploy.Tests.Support;

namespace Ticketing.Deploy.Tests;

/// <summary>The two Dockerfiles build the real projects and run their real outputs, non-root, read-only friendly.</summary>
public sealed partial class DockerfileTests
{
    public static TheoryData<string, string> Images() => new()
    {
        { "silo/Dockerfile", "silo/Ticketing.Silo.csproj" },
        { "api-gateway/Dockerfile", "api-gateway/Ticketing.Gateway.csproj" },
    };

    /// <summary>The assembly a project builds: its AssemblyName, else its file name.</summary>
    public static string AssemblyName(string csproj)
    {
        var project = XDocument.Parse(Repo.Read(csproj.Split('/')));
        var name = project.Descendants("AssemblyName").Select(e => e.Value.Trim()).FirstOrDefault();
        return string.IsNullOrEmpty(name) ? Path.GetFileNameWithoutExtension(csproj) : name;
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_entry_point_runs_the_published_assembly_of_the_project(string dockerfile, string csproj)
    {
        var text = Repo.Read(dockerfile.Split('/'));

        var publish = PublishLine().Match(text);
        Assert.True(publish.Success, $"{dockerfile} has no `dotnet publish <project>` step.");
        Assert.Equal(csproj, publish.Groups["project"].Value);

        var entry = EntryPoint().Match(text);
        Assert.True(entry.Success, $"{dockerfile} has no exec-form ENTRYPOINT.");
        var words = JsonSerializer.Deserialize<string[]>(entry.Groups["json"].Value)!;
        Assert.Equal(["dotnet", AssemblyName(csproj) + ".dll"], words);
        Assert.Contains($"test -f /app/{AssemblyName(csproj)}.dll", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Multi_stage_from_the_dotnet_10_sdk_to_the_aspnet_runtime(string dockerfile, string csproj)
    {
        _ = csproj;
        var text = Repo.Read(dockerfile.Split('/'));
        var args = ArgDefault().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        var stages = From().Matches(text).Select(m => Substitute(m.Groups["image"].Value, args)).ToList();

        Assert.Contains(stages, image => image == "mcr.microsoft.com/dotnet/sdk:10.0");
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", stages[^1]);
        Assert.Contains("COPY --from=build", FinalStage(text), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void The_runtime_runs_as_non_root_and_writes_only_to_tmp(string dockerfile, string csproj)
    {
        _ = csproj;
        var final = FinalStage(Repo.Read(dockerfile.Split('/')));

        var user = UserLine().Match(final);
        Assert.True(user.Success, $"{dockerfile}: the runtime stage sets no USER.");
        Assert.DoesNotMatch(@"^(root|0)(:.*)?$", user.Groups["user"].Value);
        Assert.Contains("HOME=/tmp", final, StringComparison.Ordinal);
        Assert.Contains("TMPDIR=/tmp", final, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", final, StringComparison.Ordinal);
        Assert.DoesNotContain("RUN ", final, StringComparison.Ordinal);
    }

    [Fact]
    public void The_silo_image_exposes_the_ports_the_chart_uses()
    {
        var exposed = Regex.Match(FinalStage(Repo.Read("silo", "Dockerfile")), @"^EXPOSE\s+(?<ports>.+)$", RegexOptions.Multiline)
            .Groups["ports"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = Chart.Values();

        foreach (var path in new[] { "silo.siloPort", "silo.gatewayPort", "silo.httpPort" })
        {
            Assert.True(Yaml.TryGet(values, path, out var port));
            Assert.Contains(Convert.ToString(port, System.Globalization.CultureInfo.InvariantCulture), exposed);
        }
    }

    [Fact]
    public void The_gateway_image_builds_the_storefront_in_its_build_stage()
    {
        var text = Repo.Read("api-gateway", "Dockerfile");
        var build = text[..text.LastIndexOf("\nFROM ", StringComparison.Ordinal)];

        Assert.Matches(@"FROM [^\n]*node:\$\{NODE_VERSION\}", build);
        Assert.Matches(@"ARG NODE_VERSION=20\b", text);
        Assert.Contains("COPY --from=node /usr/local/bin/node", build, StringComparison.Ordinal);
        Assert.Contains("npm ci", build, StringComparison.Ordinal);
        Assert.Contains("test -f /app/wwwroot/index.html", build, StringComparison.Ordinal);
        Assert.DoesNotContain("SkipStorefront=true", text, StringComparison.Ordinal);
        // The MSBuild targets that run npm are still the gateway's.
        var project = Repo.Read("api-gateway", "Ticketing.Gateway.csproj");
        Assert.Contains("npm run build", project, StringComparison.Ordinal);
        Assert.Contains("Name=\"IncludeStorefront\"", project, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Everything_the_build_copies_exists_and_is_not_docker_ignored(string dockerfile, string csproj)
    {
        _ = csproj;
        var ignored = Repo.Read(".dockerignore").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.Contains('*', StringComparison.Ordinal))
            .Select(line => line.TrimEnd('/'))
            .ToList();

        foreach (Match copy in CopyLine().Matches(Repo.Read(dockerfile.Split('/'))))
        {
            var parts = copy.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in parts[..^1])
            {
                Assert.True(Repo.Exists(source), $"{dockerfile} copies {source}, which does not exist.");
                var hiddenBy = ignored.FirstOrDefault(pattern => source.TrimEnd('/') == pattern || source.StartsWith(pattern + "/", StringComparison.Ordinal));
                Assert.True(hiddenBy is null, $"{dockerfile} copies {source}, but .dockerignore excludes {hiddenBy}.");
            }
        }
    }

    [Fact]
    public void The_docker_context_leaves_build_outputs_and_node_modules_out()
    {
        var ignore = Repo.Read(".dockerignore");

        foreach (var pattern in new[] { "**/bin/", "**/obj/", "**/node_modules/", "api-gateway/wwwroot/", ".git/" })
        {
            Assert.Contains(pattern, ignore.Split('\n').Select(l => l.Trim()));
        }
    }

    private static string FinalStage(string dockerfile) => dockerfile[dockerfile.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];

    private static string Substitute(string image, Dictionary<string, string> args) =>
        Regex.Replace(image, @"\$\{(?<name>\w+)\}", m => args.GetValueOrDefault(m.Groups["name"].Value, m.Value));

    [GeneratedRegex(@"^ARG\s+(?<name>\w+)=(?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex ArgDefault();

    [GeneratedRegex(@"^FROM\s+(--platform=\S+\s+)?(?<image>\S+)", RegexOptions.Multiline)]
    private static partial Regex From();

    [GeneratedRegex(@"dotnet publish\s+(?<project>\S+\.csproj)")]
    private static partial Regex PublishLine();

    [GeneratedRegex(@"^ENTRYPOINT\s+(?<json>\[.*\])\s*$", RegexOptions.Multiline)]
    private static partial Regex EntryPoint();

    [GeneratedRegex(@"^USER\s+(?<user>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex UserLine();

    [GeneratedRegex(@"^COPY\s+(?!--from)(?<args>.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyLine();
}
