using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Ticketing.Hosting.Database;

/// <summary>One versioned SQL migration embedded in the silo assembly.</summary>
/// <param name="Version">The number in the file name (<c>0002_orleans_persistence.sql</c> is version 2).</param>
/// <param name="Name">The rest of the file name without extension (<c>orleans_persistence</c>).</param>
/// <param name="ResourceName">The manifest resource name it was loaded from.</param>
/// <param name="Sql">The script text.</param>
/// <param name="Checksum">SHA-256 (hex) of the script with line endings normalized to LF.</param>
public sealed record SchemaMigration(int Version, string Name, string ResourceName, string Sql, string Checksum)
{
    /// <summary>Logical resource names must end with <c>Migrations.NNNN_name.sql</c>.</summary>
    private static readonly Regex ResourcePattern = new(
        @"(?:^|\.)Migrations\.(?<version>\d{4})_(?<name>[A-Za-z0-9_]+)\.sql$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    /// <summary>
    /// Loads every embedded migration of <paramref name="assembly"/>, ordered by version.
    /// Throws when none is found (the .sql files are not wired as EmbeddedResource) or when two share a version.
    /// </summary>
    public static IReadOnlyList<SchemaMigration> LoadEmbedded(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);

        var migrations = new List<SchemaMigration>();
        foreach (var resourceName in assembly.GetManifestResourceNames())
        {
            var match = ResourcePattern.Match(resourceName);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' could not be opened.");
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var sql = reader.ReadToEnd();

            migrations.Add(new SchemaMigration(
                int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                resourceName,
                sql,
                ComputeChecksum(sql)));
        }

        if (migrations.Count == 0)
        {
            throw new InvalidOperationException(
                $"No embedded schema migrations found in {assembly.GetName().Name}. Expected EmbeddedResource items " +
                "with logical names like 'Ticketing.Silo.Database.Migrations.0001_orleans_clustering.sql'.");
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two embedded migrations share version {duplicate.Key}: " +
                string.Join(", ", duplicate.Select(m => m.ResourceName)) + ".");
        }

        return migrations.OrderBy(m => m.Version).ToArray();
    }

    private static string ComputeChecksum(string sql)
    {
        var normalized = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }
}

/// <summary>A row of <c>schema_migrations</c>: a migration the database has applied.</summary>
public sealed record AppliedMigration(int Version, string Name, DateTimeOffset AppliedAt, string? Checksum);

/// <summary>What <see cref="SchemaMigrator.MigrateAsync(string, Microsoft.Extensions.Logging.ILogger, CancellationToken)"/> did.</summary>
/// <param name="PreviousVersion">Highest applied version before this run (0 for an empty database).</param>
/// <param name="CurrentVersion">Highest applied version after this run.</param>
/// <param name="Applied">Migrations this run applied, in order; empty when the schema was already current.</param>
public sealed record MigrationResult(int PreviousVersion, int CurrentVersion, IReadOnlyList<SchemaMigration> Applied)
{
    /// <summary>True when this run changed nothing.</summary>
    public bool WasUpToDate => Applied.Count == 0;
}

/// <summary>The database's schema state compared with the migrations embedded in this build.</summary>
/// <param name="CurrentVersion">Highest applied version (0 when <c>schema_migrations</c> does not exist).</param>
/// <param name="LatestVersion">Highest version embedded in this build.</param>
/// <param name="Applied">Rows of <c>schema_migrations</c>, by version.</param>
/// <param name="Pending">Embedded migrations not yet applied, by version.</param>
public sealed record SchemaStatus(
    int CurrentVersion,
    int LatestVersion,
    IReadOnlyList<AppliedMigration> Applied,
    IReadOnlyList<SchemaMigration> Pending)
{
    /// <summary>True when every embedded migration has been applied.</summary>
    public bool IsUpToDate => Pending.Count == 0;
}
