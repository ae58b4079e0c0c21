using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GenomDE.Orleans.Bench;

/// <summary>The platform as a child process: the Release silo (REST API in-process) on loopback ports.</summary>
internal sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private SiloProcess(Process process, StreamWriter log, Uri baseAddress, string logPath)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public int Pid => _process.Id;

    public static async Task<SiloProcess> StartAsync(string siloDll, string? connectionString, CancellationToken ct)
    {
        siloDll = Path.GetFullPath(siloDll);
        var httpPort = FreePort();
        var siloPort = FreePort();
        var gatewayPort = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(siloDll)!,
        };
        psi.ArgumentList.Add(siloDll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        psi.ArgumentList.Add($"--Orleans:SiloPort={siloPort}");
        psi.ArgumentList.Add($"--Orleans:GatewayPort={gatewayPort}");
        psi.ArgumentList.Add("--Auth:Embedded:ClientSecretKey=" + Participants.ClientSecretKey);
        psi.ArgumentList.Add("--Platform:Seed=true");

        // The bench measures capacity, not the per-participant limiter (200/s): the baseline sends
        // thousands of requests per second as one operator.
        psi.ArgumentList.Add("--RateLimits:PermitsPerSecond=1000000");
        psi.ArgumentList.Add("--RateLimits:Burst=1000000");
        if (connectionString is not null)
        {
            psi.ArgumentList.Add("--Platform:Mode=durable");
            psi.ArgumentList.Add("--Platform:AllowEmbeddedIssuer=true"); // one machine: no external issuer to measure against
            psi.ArgumentList.Add("--Orleans:ConnectionString=" + connectionString);
            psi.ArgumentList.Add("--Orleans:AdvertisedIPAddress=127.0.0.1");
            psi.ArgumentList.Add("--Orleans:ClusterId=bench-" + Guid.NewGuid().ToString("N")[..8]);
        }

        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";

        var logPath = Path.Combine(Path.GetTempPath(), $"genomde-bench-silo-{httpPort}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, log, baseAddress, logPath);

        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                var code = process.ExitCode;
                await silo.DisposeAsync();
                throw new InvalidOperationException($"The silo exited with code {code} during start; see {logPath}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), ct);
                if (ready.IsSuccessStatusCode)
                {
                    return silo;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // Slow start.
            }

            if (DateTime.UtcNow > deadline)
            {
                await silo.DisposeAsync();
                throw new TimeoutException($"The silo was not ready within 90 s; see {logPath}");
            }

            await Task.Delay(250, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                // Best effort.
            }
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
