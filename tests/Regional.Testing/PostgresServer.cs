using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace Regional.Testing;

/// <summary>
/// A PostgreSQL server for tests: a private cluster (initdb in a temporary folder, loopback only,
/// a free port, fsync off) run from the installed binaries, or, when the <c>REGIONAL_TEST_POSTGRES</c>
/// environment variable holds a connection string, that running server.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>
    /// Names an already running server to use instead of starting one: an Npgsql connection string
    /// whose user may create and drop databases, e.g. <c>Host=127.0.0.1;Port=5432;Username=postgres;Password=secret</c>.
    /// </summary>
    public const string EnvironmentVariable = "REGIONAL_TEST_POSTGRES";

    private const string Superuser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static int counter;

    private readonly NpgsqlConnectionStringBuilder server;
    private readonly string? binDirectory;
    private readonly string? directory;
    private readonly List<string> createdDatabases = [];
    private bool disposed;

    private PostgresServer(NpgsqlConnectionStringBuilder server, string? binDirectory, string? directory)
    {
        this.server = server;
        this.binDirectory = binDirectory;
        this.directory = directory;
    }

    /// <summary>The server's host: 127.0.0.1 for a private server.</summary>
    public string Host => server.Host ?? "127.0.0.1";

    /// <summary>The server's TCP port.</summary>
    public int Port => server.Port;

    /// <summary>The user name (postgres for a private server).</summary>
    public string Username => server.Username ?? Superuser;

    /// <summary>The user's password.</summary>
    public string? Password => server.Password;

    /// <summary>A connection string to the server's maintenance database (<c>postgres</c>).</summary>
    public string ConnectionString => server.ConnectionString;

    /// <summary>
    /// True for a private server, which this object stops on dispose; false for a server named by
    /// <see cref="EnvironmentVariable"/> (on dispose, only the databases this object created are dropped).
    /// </summary>
    public bool CanControl => directory is not null;

    /// <summary>The folder holding a private server's cluster and log (deleted on dispose); null otherwise.</summary>
    public string? DataDirectory => directory;

    /// <summary>Starts a private server (about 1 s), or returns the server named by <see cref="EnvironmentVariable"/>.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            NpgsqlConnectionStringBuilder builder;
            try
            {
                builder = new NpgsqlConnectionStringBuilder(external);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"{EnvironmentVariable} is not a valid Npgsql connection string: {e.Message}", e);
            }

            if (string.IsNullOrEmpty(builder.Database))
            {
                builder.Database = "postgres";
            }

            var given = new PostgresServer(builder, null, null);
            await given.CheckConnectionAsync(cancellationToken).ConfigureAwait(false);
            return given;
        }

        var bin = await FindBinDirectoryAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var number = Interlocked.Increment(ref counter);
            var directory = Path.Combine(
                TempBase(), $"regional-test-pg-{Environment.ProcessId}-{number}-{RandomNumberGenerator.GetHexString(6, lowercase: true)}");
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = FreePort.Next(),
                Username = Superuser,
                Password = RandomNumberGenerator.GetHexString(24, lowercase: true),
                Database = "postgres",
            };
            var instance = new PostgresServer(builder, bin, directory);
            try
            {
                await instance.LaunchAsync(cancellationToken).ConfigureAwait(false);
                return instance;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
                await instance.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await instance.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// Creates a fresh database called <paramref name="name"/> (dropping one of that name first, with
    /// its connections) and returns a connection string for it:
    /// <c>Host=127.0.0.1;Port=...;Username=postgres;Password=...;Database=name</c>.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (System.Text.Encoding.UTF8.GetByteCount(name) > 63)
        {
            throw new ArgumentException("PostgreSQL database names are at most 63 bytes long.", nameof(name));
        }

        var quoted = "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using (var connection = await OpenMaintenanceConnectionAsync(cancellationToken).ConfigureAwait(false))
        {
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, $"CREATE DATABASE {quoted}", cancellationToken).ConfigureAwait(false);
        }

        lock (createdDatabases)
        {
            createdDatabases.Add(quoted);
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Stops a private server (<c>pg_ctl -m fast stop</c>) and deletes its folder; for a server named by
    /// <see cref="EnvironmentVariable"/>, drops the databases this object created.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (directory is null)
        {
            await DropCreatedDatabasesAsync().ConfigureAwait(false);
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(DataPath, "postmaster.pid")))
            {
                var result = await PgCtlAsync(["-D", DataPath, "-m", "fast", "-w", "-t", "30", "stop"], CancellationToken.None)
                    .ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    ProcessCleanup.RunCleanup(directory);
                }
            }
        }
        catch (TimeoutException)
        {
            ProcessCleanup.RunCleanup(directory);
        }
        finally
        {
            ProcessCleanup.Unregister(directory);
            ProcessCleanup.DeleteDirectory(directory);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        CanControl ? $"PostgreSQL on {Host}:{Port} ({directory})" : $"PostgreSQL on {Host}:{Port} (from {EnvironmentVariable})";

    private string DataPath => Path.Combine(directory!, "data");

    private string SocketPath => Path.Combine(directory!, "sock");

    private string LogPath => Path.Combine(directory!, "postgres.log");

    private static bool AsRoot => Environment.IsPrivilegedProcess;

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory!);
        Directory.CreateDirectory(SocketPath);
        var passwordFile = Path.Combine(directory!, "pwfile");
        await File.WriteAllTextAsync(passwordFile, server.Password + "\n", cancellationToken).ConfigureAwait(false);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        if (AsRoot)
        {
            await ProcessRunner.RunCheckedAsync("chown", ["-R", $"{Superuser}:", directory!], CommandTimeout, null, cancellationToken)
                .ConfigureAwait(false);
        }

        ProcessCleanup.Register(directory!, CleanupScript());

        await AsServerUserCheckedAsync(
            Path.Combine(binDirectory!, "initdb"),
            ["-D", DataPath, "-U", Superuser, "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}",
             "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions"],
            cancellationToken).ConfigureAwait(false);
        File.Delete(passwordFile);

        var port = server.Port.ToString(CultureInfo.InvariantCulture);
        var options = $"-p {port} -k {SocketPath} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300";
        var start = await PgCtlAsync(["-D", DataPath, "-l", LogPath, "-w", "-t", "60", "-o", options, "start"], cancellationToken)
            .ConfigureAwait(false);
        if (!start.Succeeded)
        {
            throw new InvalidOperationException(
                $"PostgreSQL did not start on 127.0.0.1:{port} (pg_ctl exit code {start.ExitCode}).\n{start.Output}\n" +
                $"Last lines of {LogPath}:\n{ProcessRunner.Tail(LogPath)}");
        }

        await CheckConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private string CleanupScript()
    {
        var pgCtl = Command(Path.Combine(binDirectory!, "pg_ctl"), ["-D", DataPath, "-m", "immediate", "-w", "-t", "20", "stop"]);
        return $"""
            # Stops this server (see ProcessCleanup). Generated by Regional.Testing.
            if [ -f '{DataPath}/postmaster.pid' ]; then
              {string.Join(' ', pgCtl.Arguments.Prepend(pgCtl.FileName).Select(a => $"'{a}'"))} >/dev/null 2>&1
            fi
            exit 0
            """;
    }

    private Task<ProcessResult> PgCtlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (file, args) = Command(Path.Combine(binDirectory!, "pg_ctl"), arguments);
        return ProcessRunner.RunAsync(file, args, TimeSpan.FromSeconds(90), null, cancellationToken);
    }

    private Task<string> AsServerUserCheckedAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (fileName, args) = Command(file, arguments);
        return ProcessRunner.RunCheckedAsync(fileName, args, CommandTimeout, null, cancellationToken);
    }

    // PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
    private static (string FileName, IReadOnlyList<string> Arguments) Command(string file, IReadOnlyList<string> arguments) =>
        AsRoot ? ("runuser", ["-u", Superuser, "--", file, .. arguments]) : (file, arguments);

    private async Task<NpgsqlConnection> OpenMaintenanceConnectionAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CheckConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenMaintenanceConnectionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "SELECT 1", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            var where = CanControl ? $"the private server in {directory}" : $"the server named by {EnvironmentVariable}";
            throw new InvalidOperationException($"Cannot connect to {where} ({Host}:{Port}): {e.Message}", e);
        }
    }

    private async Task DropCreatedDatabasesAsync()
    {
        string[] names;
        lock (createdDatabases)
        {
            names = [.. createdDatabases];
        }

        if (names.Length == 0)
        {
            return;
        }

        try
        {
            await using var connection = await OpenMaintenanceConnectionAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var quoted in names)
            {
                await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (NpgsqlException)
        {
            // Best effort: the next CreateDatabaseAsync of the same name drops it anyway.
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> FindBinDirectoryAsync(CancellationToken cancellationToken)
    {
        var candidates = new List<string>();
        try
        {
            var result = await ProcessRunner.RunAsync("pg_config", ["--bindir"], TimeSpan.FromSeconds(10), null, cancellationToken)
                .ConfigureAwait(false);
            if (result.Succeeded)
            {
                candidates.Add(result.Output.Trim());
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // pg_config is not installed.
        }

        candidates.Add("/usr/lib/postgresql/15/bin");
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found via pg_config --bindir or under /usr/lib/postgresql: " +
                $"install the postgresql package (apt-get install postgresql), or set {EnvironmentVariable} to the connection string of a running server.");
    }

    // As root, the folder must be reachable by the postgres user: every ancestor must be searchable by others.
    private static string TempBase()
    {
        var temp = Path.GetTempPath();
        if (!AsRoot)
        {
            return temp;
        }

        for (var dir = new DirectoryInfo(temp); dir is not null; dir = dir.Parent)
        {
            if (!dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return "/tmp";
            }
        }

        return temp;
    }
}
