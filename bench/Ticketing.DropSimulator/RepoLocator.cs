namespace Ticketing.DropSimulator;

/// <summary>Finds the Ticketing repository: from --repo, else upwards from the tool's own build or the working directory.</summary>
public static class RepoLocator
{
    public static string? Find(string? given)
    {
        if (given is not null)
        {
            return IsRepo(given) ? Path.GetFullPath(given) : null;
        }

        return Upwards(AppContext.BaseDirectory) ?? Upwards(Directory.GetCurrentDirectory());
    }

    private static string? Upwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (IsRepo(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static bool IsRepo(string dir) =>
        File.Exists(Path.Combine(dir, "Ticketing.sln")) && Directory.Exists(Path.Combine(dir, "api-gateway"));
}
