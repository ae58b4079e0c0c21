using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace GenomDE.Orleans.Tests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL server (or database) for tests.
/// <para>
/// If the environment variable <c>GENOMDE_TEST_POSTGRES</c> holds a connection string, no server
/// is started: a database with a random name is created there and dropped on dispose.
/// Otherwise initdb/pg_ctl are found (PATH, <c>pg_config --bindir</c>, /usr/lib/postgresql/*/bin;
/// as root, <c>apt-get install postgresql</c> as a last resort) and a private cluster is started on
/// a free loopback port with its socket and data in a temp directory.
/// </para>
/// </summary>
public sealed class TemporaryPostgres : IAsyncDisposable
{
    /// <summary>Name of the environment variable that points tests at an existing server.</summary>
    public const string ExternalServerVariable = "GENOMDE_TEST_POSTGRES";

    // initdb and postgres refuse to run as root; this is the account Debian's package creates.
    private const string ServiceUser = "postgres";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string? _binDir;
    private readonly string? _rootDir;
    private readonly bool _runAsServiceUser;
    private readonly string? _adminConnectionString;
    private int _disposed;

    private TemporaryPostgres(string connectionString, string databaseName, string? adminConnectionString,
        string? binDir, string? rootDir, bool runAsServiceUser, int? port)
    {
        ConnectionString = connectionString;
        DatabaseName = databaseName;
        _adminConnectionString = adminConnectionString;
        _binDir = binDir;
        _rootDir = rootDir;
        _runAsServiceUser = runAsServiceUser;
        Port = port;
    }

    /// <summary>Connection string of the fresh, empty database.</summary>
    public string ConnectionString { get; }

    /// <summary>Name of the fresh database.</summary>
    public string DatabaseName { get; }

    /// <summary>TCP port of the private server; null when an external server is used.</summary>
    public int? Port { get; }

    /// <summary>True when this instance started its own server.</summary>
    public bool OwnsServer => _rootDir is not null;

    /// <summary>Starts a private server, or creates a database on the server named by GENOMDE_TEST_POSTGRES.</summary>
    public static async Task<TemporaryPostgres> StartAsync(CancellationToken ct = default)
    {
        var databaseName = "genomde_test_" + Guid.NewGuid().ToString("N")[..12];

        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            await CreateDatabaseAsync(external, databaseName, ct).ConfigureAwait(false);
            var csb = new NpgsqlConnectionStringBuilder(external) { Database = databaseName };
            return new TemporaryPostgres(csb.ConnectionString, databaseName, external, null, null, false, null);
        }

        var binDir = await FindBinDirAsync(ct).ConfigureAwait(false);
        var runAsServiceUser = await IsRootAsync(ct).ConfigureAwait(false);

        // /tmp rather than $TMPDIR: as root $TMPDIR may sit under /root, which the service user cannot enter.
        var baseTemp = runAsServiceUser ? "/tmp" : Path.GetTempPath();
        var rootDir = Path.Combine(baseTemp, "genomde-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(rootDir);
        var dataDir = Path.Combine(rootDir, "data");

        try
        {
            if (runAsServiceUser)
            {
                await EnsureServiceUserAsync(ct).ConfigureAwait(false);
                await RunAsync("chown", [$"{ServiceUser}:", rootDir], ct).ConfigureAwait(false);
            }

            await RunPgAsync(binDir, runAsServiceUser, "initdb",
                ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"], ct).ConfigureAwait(false);

            // A free port can be taken between probing and binding: retry on a new one.
            for (var attempt = 1; ; attempt++)
            {
                var port = GetFreeLoopbackPort();
                await WriteServerConfigAsync(dataDir, rootDir, port, ct).ConfigureAwait(false);
                try
                {
                    await RunPgAsync(binDir, runAsServiceUser, "pg_ctl",
                        ["-D", dataDir, "-l", Path.Combine(rootDir, "server.log"), "-w", "-t", "60", "start"], ct).ConfigureAwait(false);
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    continue;
                }

                var admin = new NpgsqlConnectionStringBuilder
                {
                    Host = "127.0.0.1",
                    Port = port,
                    Username = "postgres",
                    Database = "postgres",
                    Pooling = false,
                }.ConnectionString;
                await CreateDatabaseAsync(admin, databaseName, ct).ConfigureAwait(false);

                var connectionString = new NpgsqlConnectionStringBuilder(admin)
                {
                    Database = databaseName,
                    Pooling = true,
                }.ConnectionString;
                return new TemporaryPostgres(connectionString, databaseName, admin, binDir, rootDir, runAsServiceUser, port);
            }
        }
        catch
        {
            await StopAndDeleteAsync(binDir, runAsServiceUser, rootDir).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the private server ("fast": open connections are cut, as in a crash of the
    /// database host) but keeps its data directory, so <see cref="StartServerAsync"/> brings the same
    /// database back on the same port. Only for a server this instance started.</summary>
    public async Task StopServerAsync(CancellationToken ct = default)
    {
        var (binDir, rootDir) = OwnServer();
        await RunPgAsync(binDir, _runAsServiceUser, "pg_ctl", ["-D", Path.Combine(rootDir, "data"), "-m", "fast", "-w", "stop"], ct).ConfigureAwait(false);
    }

    /// <summary>Starts the server stopped by <see cref="StopServerAsync"/> again (same data, same port).</summary>
    public async Task StartServerAsync(CancellationToken ct = default)
    {
        var (binDir, rootDir) = OwnServer();
        await RunPgAsync(binDir, _runAsServiceUser, "pg_ctl",
            ["-D", Path.Combine(rootDir, "data"), "-l", Path.Combine(rootDir, "server.log"), "-w", "-t", "60", "start"], ct).ConfigureAwait(false);
    }

    private (string BinDir, string RootDir) OwnServer() =>
        _binDir is not null && _rootDir is not null
            ? (_binDir, _rootDir)
            : throw new InvalidOperationException($"The server is external ({ExternalServerVariable}); only a server started here can be restarted.");

    /// <summary>Stops the private server and deletes its directory, or drops the external database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        // Pooled idle connections would otherwise block DROP DATABASE / linger after shutdown.
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        if (_rootDir is not null && _binDir is not null)
        {
            await StopAndDeleteAsync(_binDir, _runAsServiceUser, _rootDir).ConfigureAwait(false);
        }
        else if (_adminConnectionString is not null)
        {
            await using var admin = new NpgsqlConnection(_adminConnectionString);
            await admin.OpenAsync().ConfigureAwait(false);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    private static async Task CreateDatabaseAsync(string adminConnectionString, string databaseName, CancellationToken ct)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync(ct).ConfigureAwait(false);
        // The name is generated here (hex only), so quoting it as an identifier is safe.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", admin);
        await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task WriteServerConfigAsync(string dataDir, string rootDir, int port, CancellationToken ct)
    {
        // postgresql.auto.conf wins over postgresql.conf and is rewritten per attempt; the socket
        // goes to our own directory so that tests never collide with a system server's socket.
        var config = string.Create(CultureInfo.InvariantCulture, $"""
            listen_addresses = '127.0.0.1'
            port = {port}
            unix_socket_directories = '{rootDir}'
            max_connections = 300
            """);
        await File.WriteAllTextAsync(Path.Combine(dataDir, "postgresql.auto.conf"), config + "\n", ct).ConfigureAwait(false);
    }

    private static int GetFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task StopAndDeleteAsync(string binDir, bool runAsServiceUser, string rootDir)
    {
        var dataDir = Path.Combine(rootDir, "data");
        if (File.Exists(Path.Combine(dataDir, "postmaster.pid")))
        {
            try
            {
                await RunPgAsync(binDir, runAsServiceUser, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"], CancellationToken.None)
                    .ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already gone; deleting the directory is all that is left to do.
            }
        }

        try
        {
            Directory.Delete(rootDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test run.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    private static async Task<string> FindBinDirAsync(CancellationToken ct)
    {
        var found = await TryFindBinDirAsync(ct).ConfigureAwait(false);
        if (found is not null)
        {
            return found;
        }

        if (await IsRootAsync(ct).ConfigureAwait(false))
        {
            await RunAsync("apt-get", ["update"], ct, TimeSpan.FromMinutes(10)).ConfigureAwait(false);
            await RunAsync("apt-get", ["install", "-y", "postgresql"], ct, TimeSpan.FromMinutes(10),
                new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" }).ConfigureAwait(false);
            found = await TryFindBinDirAsync(ct).ConfigureAwait(false);
            if (found is not null)
            {
                return found;
            }
        }

        throw new InvalidOperationException(
            $"PostgreSQL server binaries (initdb, pg_ctl) were not found. Install PostgreSQL 15+ or set {ExternalServerVariable} to a connection string.");
    }

    private static async Task<string?> TryFindBinDirAsync(CancellationToken ct)
    {
        // PATH entries are often symlinks (e.g. /usr/local/bin/initdb); resolve them so that
        // pg_ctl finds the matching postgres binary beside initdb.
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(dir, "initdb");
            if (File.Exists(initdb))
            {
                var target = File.ResolveLinkTarget(initdb, returnFinalTarget: true)?.FullName ?? initdb;
                var binDir = Path.GetDirectoryName(target);
                if (binDir is not null && HasServerBinaries(binDir))
                {
                    return binDir;
                }
            }
        }

        try
        {
            var (_, output) = await RunAsync("pg_config", ["--bindir"], ct).ConfigureAwait(false);
            var binDir = output.Trim();
            if (binDir.Length > 0 && HasServerBinaries(binDir))
            {
                return binDir;
            }
        }
        catch (InvalidOperationException)
        {
            // pg_config absent or failing: fall through to the Debian layout.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Same: the executable does not exist.
        }

        const string DebianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(DebianRoot))
        {
            var newest = Directory.GetDirectories(DebianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: ParseMajor(Path.GetFileName(d))))
                .Where(x => x.Version > 0 && HasServerBinaries(x.Dir))
                .OrderByDescending(x => x.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return newest.Dir;
            }
        }

        return null;
    }

    private static int ParseMajor(string name) =>
        int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static bool HasServerBinaries(string dir) =>
        File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres"));

    private static async Task<bool> IsRootAsync(CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return false;
        }

        var (_, output) = await RunAsync("id", ["-u"], ct).ConfigureAwait(false);
        return output.Trim() == "0";
    }

    private static async Task EnsureServiceUserAsync(CancellationToken ct)
    {
        try
        {
            await RunAsync("id", ["-u", ServiceUser], ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            await RunAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceUser], ct).ConfigureAwait(false);
        }
    }

    private static Task<(int ExitCode, string Output)> RunPgAsync(string binDir, bool runAsServiceUser, string tool, IReadOnlyList<string> args, CancellationToken ct)
    {
        var exe = Path.Combine(binDir, tool);
        if (!runAsServiceUser)
        {
            return RunAsync(exe, args, ct);
        }

        // runuser (util-linux) needs no password and keeps argument boundaries intact.
        return RunAsync("runuser", ["-u", ServiceUser, "--", exe, .. args], ct);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IReadOnlyList<string> args, CancellationToken ct,
        TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            // The service user cannot read root's home; start from a directory everyone can enter.
            WorkingDirectory = "/",
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                psi.Environment[key] = value;
            }
        }

        using var process = new Process { StartInfo = psi };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout ?? CommandTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', args)}' exited with code {process.ExitCode}: {text}");
        }

        return (process.ExitCode, text);
    }
}
