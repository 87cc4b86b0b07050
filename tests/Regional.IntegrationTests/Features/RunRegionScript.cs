using System.Net;
using Regional.IntegrationTests.Infrastructure;
using Regional.Testing;

namespace Regional.IntegrationTests.Features;

/// <summary>
/// deploy/scripts/run-region.sh, stopped by a signal, leaves nothing running: not the region, not
/// the broker node, not its epmd. Runs the region as last built (--no-build), with a state folder
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

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task Everything_it_started_stops(string signal, int exitCode)
    {
        Assert.True(File.Exists(ChildProcess.RegionDll), $"{ChildProcess.RegionDll} is missing: build deploy/Regional.LocalRegion -c Release first.");
        var amqpPort = NodePort();
        await using var script = ChildProcess.Start(
            "bash",
            [Path.Combine(ChildProcess.RepositoryRoot, "deploy", "scripts", "run-region.sh"), "--no-build", "--state", _state,
             "--gateway-port", "0", "--identity-port", "0", "--first-service-port", "0"],
            new Dictionary<string, string> { ["REGIONAL_AMQP_PORT"] = amqpPort.ToString() },
            _state);

        await script.WaitForLineAsync(l => l.StartsWith("Press Ctrl-C", StringComparison.Ordinal), TimeSpan.FromSeconds(150));
        var gateway = new Uri(script.Lines.First(l => l.TrimStart().StartsWith("Gateway:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        using (var client = new HttpClient { BaseAddress = gateway })
        {
            await Eventually.Until(
                async () => { try { return (await client.GetAsync("/health/ready")).StatusCode; } catch (HttpRequestException) { return default; } },
                status => status == HttpStatusCode.OK,
                TimeSpan.FromSeconds(60),
                "the gateway to be ready");
        }

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
