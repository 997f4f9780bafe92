namespace Ticketing.Deploy.Tests.Support;

/// <summary>The repository under test, found by walking up from the test assembly to the folder holding Ticketing.sln.</summary>
internal static class Repo
{
    private static readonly string[] AppFolders = ["silo", "api-gateway", "service-defaults", "grains", "grain-interfaces"];

    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts)
    {
        var path = PathOf(parts);
        Assert.True(File.Exists(path), $"{Relative(path)} does not exist.");
        return File.ReadAllText(path);
    }

    public static bool Exists(string relativePath)
    {
        var path = PathOf(relativePath.TrimEnd('/').Split('/'));
        return File.Exists(path) || Directory.Exists(path);
    }

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>The C# sources of the application (not the tests, not generated code).</summary>
    public static IEnumerable<string> AppSources() =>
        AppFolders
            .Select(folder => PathOf(folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ticketing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Ticketing.sln.");
    }
}
