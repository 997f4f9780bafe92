using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ticketing.Hosting.Database;

/// <summary>
/// Applies the SQL migrations embedded in the silo assembly (<c>Database/Migrations/NNNN_name.sql</c>) to a
/// PostgreSQL database and records them in <c>schema_migrations (version, name, applied_at, checksum)</c>.
/// </summary>
/// <remarks>
/// Each pending migration runs in its own transaction that first takes a transaction-scoped advisory lock
/// (<c>pg_advisory_xact_lock</c>), then re-reads <c>schema_migrations</c>: silos starting together serialize
/// on the lock and every migration is applied exactly once. A failing migration rolls back entirely and the
/// exception propagates; migrations before it stay applied. Running it again when current changes nothing.
/// </remarks>
public static partial class SchemaMigrator
{
    /// <summary>Advisory lock key shared by every Ticketing migrator ("TicketDB" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x5469_636B_6574_4442;

    /// <summary>Timeout for each migrator command, including the wait for another silo's migration.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<IReadOnlyList<SchemaMigration>> EmbeddedMigrations =
        new(() => SchemaMigration.LoadEmbedded(typeof(SchemaMigrator).Assembly));

    private const string EnsureHistoryTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations
        (
            version    integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            checksum   text        NULL
        )
        """;

    private const string ReadHistorySql =
        "SELECT version, name, applied_at, checksum FROM schema_migrations ORDER BY version";

    /// <summary>The migrations embedded in this build, ordered by version.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations => EmbeddedMigrations.Value;

    /// <summary>The highest migration version embedded in this build.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Applies all pending embedded migrations to the database behind <paramref name="connectionString"/>.</summary>
    public static async Task<MigrationResult> MigrateAsync(
        string connectionString, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await MigrateAsync(dataSource, logger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies all pending embedded migrations using connections from <paramref name="dataSource"/>.</summary>
    public static async Task<MigrationResult> MigrateAsync(
        NpgsqlDataSource dataSource, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(logger);

        var migrations = Migrations;
        var latest = migrations[^1].Version;
        var previousVersion = -1;
        var applied = new List<SchemaMigration>();
        var checkedHistory = false;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        while (true)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken,
                new NpgsqlParameter<long>("key", AdvisoryLockKey)).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, EnsureHistoryTableSql, cancellationToken).ConfigureAwait(false);

            var history = await ReadHistoryAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            var currentVersion = history.Count == 0 ? 0 : history[^1].Version;
            if (previousVersion < 0)
            {
                previousVersion = currentVersion;
            }

            if (!checkedHistory)
            {
                checkedHistory = true;
                ReportHistoryDifferences(logger, migrations, history, latest);
            }

            var appliedVersions = history.Select(h => h.Version).ToHashSet();
            var next = migrations.FirstOrDefault(m => !appliedVersions.Contains(m.Version));
            if (next is null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                if (applied.Count == 0)
                {
                    LogUpToDate(logger, currentVersion);
                }
                else
                {
                    LogMigrationsApplied(logger, applied.Count, previousVersion, currentVersion);
                }

                return new MigrationResult(previousVersion, currentVersion, applied);
            }

            LogApplying(logger, next.Version, next.Name);
            var stopwatch = Stopwatch.StartNew();
            try
            {
                await ExecuteAsync(connection, transaction, next.Sql, cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, transaction,
                    "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)",
                    cancellationToken,
                    new NpgsqlParameter<int>("version", next.Version),
                    new NpgsqlParameter<string>("name", next.Name),
                    new NpgsqlParameter<string>("checksum", next.Checksum)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                LogMigrationFailed(logger, exception, next.Version, next.Name);
                throw;
            }

            LogApplied(logger, next.Version, next.Name, stopwatch.ElapsedMilliseconds);
            applied.Add(next);
        }
    }

    /// <summary>The highest applied migration version; 0 for a database never migrated.</summary>
    public static async Task<int> GetCurrentVersionAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var status = await GetStatusAsync(connectionString, cancellationToken).ConfigureAwait(false);
        return status.CurrentVersion;
    }

    /// <summary>Applied and pending migrations, without changing anything (no lock, no DDL).</summary>
    public static async Task<SchemaStatus> GetStatusAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        IReadOnlyList<AppliedMigration> history = [];
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection))
        {
            exists.CommandTimeout = (int)CommandTimeout.TotalSeconds;
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                history = await ReadHistoryAsync(connection, transaction: null, cancellationToken).ConfigureAwait(false);
            }
        }

        var appliedVersions = history.Select(h => h.Version).ToHashSet();
        return new SchemaStatus(
            history.Count == 0 ? 0 : history[^1].Version,
            LatestVersion,
            history,
            Migrations.Where(m => !appliedVersions.Contains(m.Version)).ToArray());
    }

    private static void ReportHistoryDifferences(
        ILogger logger, IReadOnlyList<SchemaMigration> migrations, IReadOnlyList<AppliedMigration> history, int latest)
    {
        var byVersion = migrations.ToDictionary(m => m.Version);
        foreach (var row in history)
        {
            if (byVersion.TryGetValue(row.Version, out var migration) &&
                row.Checksum is not null &&
                !string.Equals(row.Checksum, migration.Checksum, StringComparison.OrdinalIgnoreCase))
            {
                LogChecksumMismatch(logger, row.Version, row.Name);
            }
        }

        if (history.Count > 0 && history[^1].Version > latest)
        {
            LogDatabaseAhead(logger, history[^1].Version, latest);
        }
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadHistoryAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ReadHistorySql, connection, transaction);
        command.CommandTimeout = (int)CommandTimeout.TotalSeconds;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);

        var rows = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new AppliedMigration(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        CancellationToken cancellationToken,
        params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.CommandTimeout = (int)CommandTimeout.TotalSeconds;
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Database schema is up to date at version {Version}")]
    private static partial void LogUpToDate(ILogger logger, int version);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Applying schema migration {Version} ({Name})")]
    private static partial void LogApplying(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Applied schema migration {Version} ({Name}) in {ElapsedMs} ms")]
    private static partial void LogApplied(ILogger logger, int version, string name, long elapsedMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Applied {Count} schema migration(s): version {PreviousVersion} -> {CurrentVersion}")]
    private static partial void LogMigrationsApplied(ILogger logger, int count, int previousVersion, int currentVersion);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error,
        Message = "Schema migration {Version} ({Name}) failed and was rolled back")]
    private static partial void LogMigrationFailed(ILogger logger, Exception exception, int version, string name);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "Applied schema migration {Version} ({Name}) differs from the script embedded in this build; migrations must not be edited once applied")]
    private static partial void LogChecksumMismatch(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning,
        Message = "Database schema version {DatabaseVersion} is newer than this build's latest migration {LatestVersion}")]
    private static partial void LogDatabaseAhead(ILogger logger, int databaseVersion, int latestVersion);
}
