using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Xunit;

namespace Ticketing.Tests.Infrastructure;

/// <summary>Settings for <see cref="PostgresServer"/>.</summary>
public sealed record PostgresServerOptions
{
    /// <summary>Database created at first start and named in <see cref="PostgresServer.ConnectionString"/>.</summary>
    public string Database { get; init; } = "ticketing";

    /// <summary>
    /// Folder with initdb, pg_ctl and postgres. Default: the TICKETING_PG_BIN environment variable, else
    /// Debian's <c>/usr/lib/postgresql/15/bin</c> (package <c>postgresql-15</c>).
    /// </summary>
    public string? BinDirectory { get; init; }

    /// <summary>OS account that runs the server when the caller is root (initdb refuses root).</summary>
    public string OsUser { get; init; } = "postgres";

    /// <summary>Deadline for the server to accept connections after a start.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Deadline for a stop (fast or immediate shutdown).</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Extra postgresql.conf settings (e.g. <c>["max_connections"] = "200"</c>). Durability settings are
    /// left at PostgreSQL's defaults (fsync on, synchronous_commit on) unless set here.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// A throwaway PostgreSQL server for tests, run from Debian's postgresql-15 binaries in a fresh temporary
/// folder, listening on 127.0.0.1 only (TCP on a free port; its unix socket inside that folder).
/// </summary>
/// <remarks>
/// <para>When the caller is root the server runs as the <c>postgres</c> OS user (via <c>runuser</c>) with
/// the folder owned by that user; otherwise it runs as the caller. Password authentication (scram) with a
/// random password is used for every connection.</para>
/// <para><see cref="StopAsync"/> / <see cref="KillAsync"/> take the server down keeping its data (an outage);
/// <see cref="StartAsync"/> brings it back on the same port and data folder. <see cref="DisposeAsync"/> stops
/// it and deletes the folder.</para>
/// <para>Usable as an xUnit class or collection fixture (<see cref="IAsyncLifetime"/>) or on its own via
/// <see cref="StartNewAsync"/>.</para>
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Where Debian's postgresql-15 package installs the server binaries.</summary>
    public const string DefaultBinDirectory = "/usr/lib/postgresql/15/bin";

    /// <summary>The database superuser name.</summary>
    public const string Username = "postgres";

    private static readonly ConcurrentDictionary<PostgresServer, byte> LiveServers = new();
    private static int exitHookInstalled;

    // How long clean-up keeps trying to delete the folder of a stopped server, and how often.
    private static readonly TimeSpan DeleteDeadline = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DeletePollInterval = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim gate = new(1, 1);
    private bool initialized;
    private bool disposed;

    /// <summary>
    /// Creates a server; nothing runs until <see cref="StartAsync"/>. (A single parameterless constructor,
    /// as xUnit requires of fixtures; set <see cref="Options"/> in an object initializer to customize.)
    /// </summary>
    public PostgresServer()
    {
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    }

    /// <summary>Settings; read at the first start.</summary>
    public PostgresServerOptions Options { get; init; } = new();

    private string BinDirectory => Options.BinDirectory
        ?? Environment.GetEnvironmentVariable("TICKETING_PG_BIN")
        ?? DefaultBinDirectory;

    /// <summary>Always 127.0.0.1.</summary>
    public const string Host = "127.0.0.1";

    /// <summary>The TCP port, fixed at the first start and reused by later starts.</summary>
    public int Port { get; private set; }

    /// <summary>Name of the database created at first start.</summary>
    public string Database => Options.Database;

    /// <summary>Random password of <see cref="Username"/>.</summary>
    public string Password { get; }

    /// <summary>The temporary folder holding data, socket and log; deleted by <see cref="DisposeAsync"/>.</summary>
    public string RootDirectory { get; private set; } = "";

    /// <summary>The PostgreSQL data directory (PGDATA).</summary>
    public string DataDirectory => Path.Combine(RootDirectory, "data");

    /// <summary>The folder holding the server's unix socket.</summary>
    public string SocketDirectory => Path.Combine(RootDirectory, "socket");

    /// <summary>The server log file.</summary>
    public string LogFile => Path.Combine(RootDirectory, "log", "postgres.log");

    /// <summary>True between a successful start and the next stop.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Connection string to <see cref="Database"/> as the superuser (valid after the first start).</summary>
    public string ConnectionString => GetConnectionString(Database);

    /// <summary>Creates the server, starts it and returns it once <see cref="Database"/> accepts connections.</summary>
    public static async Task<PostgresServer> StartNewAsync(PostgresServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new PostgresServer { Options = options ?? new PostgresServerOptions() };
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Connection string for any database of this server.</summary>
    public string GetConnectionString(string database)
    {
        if (Port == 0)
        {
            throw new InvalidOperationException("The PostgreSQL server has not been started yet.");
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Database = database,
            Username = Username,
            Password = Password,
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    /// <summary>
    /// Starts the server. The first call creates the folder, runs initdb, picks a free port and creates
    /// <see cref="Database"/>; later calls (after <see cref="StopAsync"/> or <see cref="KillAsync"/>) restart
    /// the same data folder on the same port. Returns when the server accepts connections; no-op if running.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (IsRunning)
            {
                return;
            }

            if (!initialized)
            {
                await InitializeClusterAsync(cancellationToken).ConfigureAwait(false);
                initialized = true;
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await StartServerAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    }
                    catch (InvalidOperationException) when (attempt < 3 && ReadLogTail().Contains("could not bind", StringComparison.Ordinal))
                    {
                        // Another process took the port between probing and binding: pick another one.
                        Port = GetFreeLoopbackPort();
                        await WriteSettingsAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                await CreateDatabaseCoreAsync(Database, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await StartServerAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Fast shutdown (clients are disconnected, committed data stays). No-op if not running.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => StopCoreAsync("fast", cancellationToken);

    /// <summary>Immediate shutdown, like a crash: the next start runs crash recovery. No-op if not running.</summary>
    public Task KillAsync(CancellationToken cancellationToken = default) => StopCoreAsync("immediate", cancellationToken);

    /// <summary>Creates another database on this server and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsRunning)
            {
                throw new InvalidOperationException("The PostgreSQL server is not running.");
            }

            await CreateDatabaseCoreAsync(database, cancellationToken).ConfigureAwait(false);
            return GetConnectionString(database);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The last <paramref name="maxChars"/> characters of the server log (for diagnostics).</summary>
    public string ReadLogTail(int maxChars = 4000)
    {
        try
        {
            if (!File.Exists(LogFile))
            {
                return "";
            }

            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd();
            return text.Length <= maxChars ? text : text[^maxChars..];
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Stops the server (fast, then immediate if needed) and deletes its folder. Safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (string.IsNullOrEmpty(RootDirectory))
            {
                return;
            }

            if (IsRunning || File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                try
                {
                    await RunPgCtlStopAsync("fast", CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    TryStopImmediatelySync();
                }

                IsRunning = false;
            }

            LiveServers.TryRemove(this, out _);
            await DeleteRootDirectoryAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("PostgresServer runs Debian's PostgreSQL binaries and needs Linux.");
        }

        foreach (var tool in new[] { "initdb", "pg_ctl", "postgres" })
        {
            if (!File.Exists(Path.Combine(BinDirectory, tool)))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL binary '{tool}' not found in {BinDirectory}. Install Debian's postgresql-15 package " +
                    "(apt-get install -y postgresql-15) or set TICKETING_PG_BIN to the folder holding initdb and pg_ctl.");
            }
        }

        var asRoot = IsRoot();
        if (asRoot && !await OsUserExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException(
                $"Running as root, PostgreSQL must run as the '{Options.OsUser}' OS user, which does not exist.");
        }

        // As root, stay out of TMPDIR (it may be a folder the postgres user cannot traverse).
        var tempBase = asRoot ? "/tmp" : Path.GetTempPath();
        var root = Path.GetFullPath(Path.Combine(tempBase, "ticketing-pg-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))));
        Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        RootDirectory = root;

        LiveServers.TryAdd(this, 0);
        InstallExitHook();

        Directory.CreateDirectory(SocketDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(LogFile)!);
        var passwordFile = Path.Combine(RootDirectory, "pwfile");
        await File.WriteAllTextAsync(passwordFile, Password + "\n", cancellationToken).ConfigureAwait(false);

        if (asRoot)
        {
            await RunAsync("chown", ["-R", $"{Options.OsUser}:", RootDirectory], asServerUser: false, TimeSpan.FromSeconds(30), cancellationToken)
                .ConfigureAwait(false);
        }

        await RunAsync(Path.Combine(BinDirectory, "initdb"),
            [
                "--pgdata", DataDirectory,
                "--username", Username,
                "--pwfile", passwordFile,
                "--auth", "scram-sha-256",
                "--encoding", "UTF8",
                "--no-locale",
            ],
            asServerUser: true, TimeSpan.FromSeconds(120), cancellationToken).ConfigureAwait(false);
        File.Delete(passwordFile);

        Port = GetFreeLoopbackPort();
        await WriteSettingsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteSettingsAsync(CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["listen_addresses"] = "'127.0.0.1'",
            ["port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["unix_socket_directories"] = $"'{SocketDirectory}'",
            ["logging_collector"] = "off",
        };
        foreach (var (key, value) in Options.Settings)
        {
            settings[key] = value;
        }

        // Appended after initdb's defaults, so these win; a restart reads the same file (same port, same socket).
        var text = new StringBuilder("\n# --- Ticketing test fixture ---\n");
        foreach (var (key, value) in settings)
        {
            text.Append(key).Append(" = ").Append(value).Append('\n');
        }

        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), text.ToString(), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        var timeoutSeconds = Math.Max(1, (int)Math.Ceiling(Options.StartTimeout.TotalSeconds));
        try
        {
            // -w: pg_ctl itself polls until the server is ready, or fails early if it exits (with a deadline).
            await RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
                ["start", "--pgdata", DataDirectory, "--log", LogFile, "--wait", "--timeout", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                asServerUser: true, Options.StartTimeout + TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL did not start on 127.0.0.1:{Port}. Server log tail:\n{ReadLogTail()}", exception);
        }

        await WaitUntilAcceptingConnectionsAsync(cancellationToken).ConfigureAwait(false);
        IsRunning = true;
    }

    private async Task WaitUntilAcceptingConnectionsAsync(CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(GetConnectionString("postgres"))
        {
            Pooling = false,
            Timeout = 2,
        }.ConnectionString;

        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        var delay = TimeSpan.FromMilliseconds(50);
        while (deadline.Elapsed < Options.StartTimeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException or IOException)
            {
                last = exception;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }

        throw new TimeoutException(
            $"PostgreSQL on 127.0.0.1:{Port} did not accept connections within {Options.StartTimeout}. Log tail:\n{ReadLogTail()}",
            last);
    }

    private async Task CreateDatabaseCoreAsync(string database, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(GetConnectionString("postgres")) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }
        }

        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task StopCoreAsync(string mode, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (!IsRunning)
            {
                return;
            }

            await RunPgCtlStopAsync(mode, cancellationToken).ConfigureAwait(false);
            IsRunning = false;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RunPgCtlStopAsync(string mode, CancellationToken cancellationToken)
    {
        var timeoutSeconds = Math.Max(1, (int)Math.Ceiling(Options.StopTimeout.TotalSeconds));
        var result = await RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
            ["stop", "--pgdata", DataDirectory, "--mode", mode, "--wait", "--timeout", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            asServerUser: true, Options.StopTimeout + TimeSpan.FromSeconds(10), cancellationToken, throwOnError: false).ConfigureAwait(false);

        // pg_ctl exits 1 with "PID file ... does not exist" when the server is already down: that is fine.
        if (result.ExitCode != 0 && File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            throw new InvalidOperationException(
                $"pg_ctl stop -m {mode} failed (exit {result.ExitCode}): {result.Output}\nServer log tail:\n{ReadLogTail()}");
        }
    }

    private void TryStopImmediatelySync()
    {
        if (string.IsNullOrEmpty(RootDirectory))
        {
            return;
        }

        try
        {
            var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
            if (!File.Exists(pidFile))
            {
                return;
            }

            RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["stop", "--pgdata", DataDirectory, "--mode", "immediate", "--wait", "--timeout", "20"],
                asServerUser: true, TimeSpan.FromSeconds(30), CancellationToken.None, throwOnError: false).GetAwaiter().GetResult();

            if (File.Exists(pidFile) &&
                int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && pid > 0)
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception)
        {
            // Best effort: the process may already be gone.
        }
    }

    /// <summary>
    /// Deletes the server's folder, polling until the stopped server has let go of its files or the deadline passes
    /// (a leftover temporary folder is not worth failing a test run for).
    /// </summary>
    private async Task DeleteRootDirectoryAsync()
    {
        if (string.IsNullOrEmpty(RootDirectory) || !RootDirectory.Contains("ticketing-pg-", StringComparison.Ordinal))
        {
            return;
        }

        var deadline = DateTime.UtcNow + DeleteDeadline;
        while (true)
        {
            try
            {
                if (Directory.Exists(RootDirectory))
                {
                    Directory.Delete(RootDirectory, recursive: true);
                }

                return;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    return;
                }

                await Task.Delay(DeletePollInterval).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> OsUserExistsAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync("id", ["-u", Options.OsUser], asServerUser: false, TimeSpan.FromSeconds(10), cancellationToken, throwOnError: false)
            .ConfigureAwait(false);
        return result.ExitCode == 0;
    }

    private readonly record struct CommandResult(int ExitCode, string Output);

    /// <summary>Runs a tool (as the server's OS user when we are root) with a deadline; captures its output.</summary>
    private async Task<CommandResult> RunAsync(
        string fileName,
        IReadOnlyList<string> arguments,
        bool asServerUser,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        bool throwOnError = true)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = string.IsNullOrEmpty(RootDirectory) ? "/" : RootDirectory,
        };

        if (asServerUser && IsRoot())
        {
            startInfo.FileName = "runuser";
            startInfo.ArgumentList.Add("-u");
            startInfo.ArgumentList.Add(Options.OsUser);
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(fileName);
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Keep the caller's libpq settings away from the tools, and their messages untranslated.
        foreach (var variable in new[] { "PGDATA", "PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE", "PGOPTIONS", "PGSERVICE" })
        {
            startInfo.Environment.Remove(variable);
        }

        startInfo.Environment["LC_ALL"] = "C";

        using var process = new Process { StartInfo = startInfo };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };

        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }

            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"'{fileName} {string.Join(' ', arguments)}' did not finish within {timeout}.");
        }

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{Path.GetFileName(fileName)} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}:\n{text}");
        }

        return new CommandResult(process.ExitCode, text);
    }

    private static int GetFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>True when the effective uid is 0 (second field of the "Uid:" line of /proc/self/status).</summary>
    private static bool IsRoot()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var uidLine = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        var fields = uidLine?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 3 } && fields[2] == "0";
    }

    /// <summary>If the test process exits without disposing, take the servers down so none outlives it.</summary>
    private static void InstallExitHook()
    {
        if (Interlocked.Exchange(ref exitHookInstalled, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var server in LiveServers.Keys)
            {
                server.TryStopImmediatelySync();
                server.DeleteRootDirectoryAsync().GetAwaiter().GetResult();
            }
        };
    }
}
