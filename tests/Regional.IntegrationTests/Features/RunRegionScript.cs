using System.Net;
using Regional.IntegrationTests.Infrastructure;
using Regional.Testing;

namespace Regional.IntegrationTests.Features;

/// <summary>
/// deploy/scripts/run-region.sh, stopped by a signal, SIGKILL included, leaves nothing running:
/// not the region, not the broker node, not its epmd, not its watchdog. Runs the region as last built (--no-build), with a state folder
/// and ports of its own, so it collides with no developer's region.
/// </summary>
public sealed class When_run_region_sh_is_signalled : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"regional-run-region-{Guid.NewGuid():N}");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_state);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        // After a failure: the node's own stop (it also stops an epmd the node left).
        using var stop = System.Diagnostics.Process.Start(
            "bash", [Path.Combine(ChildProcess.RepositoryRoot, "deploy", "scripts", "rabbitmq-node.sh"), "stop", Path.Combine(_state, "rabbitmq")])!;
        await stop.WaitForExitAsync();
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's own cleanup.
        }
    }

    /// <param name="inBackground">Started as a background job of a non-interactive shell, which hands it SIGINT ignored.</param>
    [Theory]
    [InlineData("TERM", 143, false)]
    [InlineData("INT", 130, false)]
    [InlineData("INT", 130, true)]
    public async Task Everything_it_started_stops(string signal, int exitCode, bool inBackground)
    {
        var amqpPort = NodePort();
        await using var script = await StartScriptAsync(amqpPort, inBackground);
        var ports = script.BannerPorts().Concat([amqpPort, amqpPort + 10000, amqpPort + 20000]).ToList();
        Assert.Contains(script.Leftovers(), p => p.CommandLine.Contains("beam.smp", StringComparison.Ordinal));
        Assert.Contains(script.Leftovers(), p => p.CommandLine.Contains("Regional.LocalRegion.dll", StringComparison.Ordinal));

        await script.SignalAsync(signal);

        Assert.True(await script.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"Still running 60 s after SIG{signal}:\n{script.Tail()}");
        Assert.Equal(exitCode, script.Process.ExitCode);
        Assert.Contains(script.Lines, l => l.Contains("The region has stopped.", StringComparison.Ordinal));
        Assert.Empty(script.Leftovers());
        Assert.Empty(await script.PortsStillOpenAsync(ports));
    }

    /// <summary>
    /// SIGKILL reaches no trap: the watchdog the script started in a session of its own stops the
    /// region (cleanly, with SIGTERM) and the broker node once the script is gone.
    /// </summary>
    [Fact]
    public async Task Everything_it_started_stops_even_when_it_is_killed()
    {
        var amqpPort = NodePort();
        await using var script = await StartScriptAsync(amqpPort);
        var ports = script.BannerPorts().Concat([amqpPort, amqpPort + 10000, amqpPort + 20000]).ToList();

        // Every process it started, by pid and start time (a pid alone may be reused once it is gone).
        var started = script.Leftovers().Select(p => (p.Pid, p.CommandLine, Since: StartTime(p.Pid))).ToList();
        Assert.Contains(started, p => p.Pid == script.Process.Id);
        Assert.Contains(started, p => p.CommandLine.Contains("beam.smp", StringComparison.Ordinal));
        Assert.Contains(started, p => p.CommandLine.Contains("Regional.LocalRegion.dll", StringComparison.Ordinal));
        Assert.Contains(started, p => p.CommandLine.Contains("region-watchdog.sh", StringComparison.Ordinal));

        await script.SignalAsync("KILL");

        // The region's own stop is bounded at 20 s and the node's at a few; 60 s is a stuck stop.
        var left = await Eventually.Until(
            () => Task.FromResult(started.Where(p => p.Since is not null && StartTime(p.Pid) == p.Since).Select(p => $"{p.Pid} {p.CommandLine}").ToList()),
            alive => alive.Count == 0,
            TimeSpan.FromSeconds(60),
            "every process run-region.sh started to be gone");
        Assert.Empty(left);
        Assert.Empty(script.Leftovers());
        Assert.Empty(await script.PortsStillOpenAsync(ports));
        Assert.Contains(script.Lines, l => l.Contains("is gone: stopping the region it started", StringComparison.Ordinal));
        Assert.Contains(script.Lines, l => l.Contains("The region has stopped.", StringComparison.Ordinal));
    }

    private async Task<ChildProcess> StartScriptAsync(int amqpPort, bool inBackground = false)
    {
        Assert.True(File.Exists(ChildProcess.RegionDll), $"{ChildProcess.RegionDll} is missing: build deploy/Regional.LocalRegion -c Release first.");
        string[] command =
        [
            "bash", Path.Combine(ChildProcess.RepositoryRoot, "deploy", "scripts", "run-region.sh"), "--no-build", "--state", _state,
            "--gateway-port", "0", "--identity-port", "0", "--first-service-port", "0",
        ];
        var environment = new Dictionary<string, string> { ["REGIONAL_AMQP_PORT"] = amqpPort.ToString() };
        var script = inBackground
            ? await ChildProcess.StartInBackgroundAsync(command, environment, _state)
            : ChildProcess.Start(command[0], command[1..], environment, _state);
        try
        {
            await script.WaitForLineAsync(l => l.StartsWith("Press Ctrl-C", StringComparison.Ordinal), TimeSpan.FromSeconds(150));
            var gateway = new Uri(script.Lines.First(l => l.TrimStart().StartsWith("Gateway:", StringComparison.Ordinal))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            using var client = new HttpClient { BaseAddress = gateway };
            await Eventually.Until(
                async () => { try { return (await client.GetAsync("/health/ready")).StatusCode; } catch (HttpRequestException) { return default; } },
                status => status == HttpStatusCode.OK,
                TimeSpan.FromSeconds(60),
                "the gateway to be ready");
            return script;
        }
        catch
        {
            await script.DisposeAsync();
            throw;
        }
    }

    /// <summary>The start time of a live process (field 22 of /proc/PID/stat), null once it is gone or a zombie.</summary>
    private static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] is "Z" or "X" ? null : fields[19];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A free AMQP port whose epmd (+10000) and distribution (+20000) ports are free too.</summary>
    private static int NodePort()
    {
        while (true)
        {
            var port = FreePort.Next();
            if (port is >= 1024 and <= 45535 && !FreePort.IsListening(port + 10000) && !FreePort.IsListening(port + 20000))
            {
                return port;
            }
        }
    }
}
