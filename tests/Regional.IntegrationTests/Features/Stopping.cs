using System.Net;
using Regional.IntegrationTests.Infrastructure;
using Regional.Testing;

namespace Regional.IntegrationTests.Features;

/// <summary>A broker node of this class's own, which a test may stop under a running region.</summary>
public sealed class PrivateBroker : IAsyncLifetime
{
    public RabbitMqNode Node { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Node = await RabbitMqNode.StartAsync();

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}

/// <summary>
/// The region run as its own process, as a user runs it: a stop signal stops all of it, promptly
/// and cleanly, and a lost broker costs one log line per reconnection attempt.
/// </summary>
public sealed class When_the_region_process_is_signalled(PrivateBroker broker) : IClassFixture<PrivateBroker>, IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"regional-stop-{Guid.NewGuid():N}");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's own cleanup.
        }

        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task It_stops_every_app_and_exits_with_0(string signal)
    {
        await using var region = await StartRegionAsync();
        var ports = region.BannerPorts();
        Assert.True(ports.Count >= 16, $"Expected the gateway, identity and fourteen services in the banner:\n{region.Tail()}");

        await region.SignalAsync(signal);

        Assert.True(await region.WaitForExitAsync(TimeSpan.FromSeconds(25)), $"Still running 25 s after SIG{signal}:\n{region.Tail()}");
        Assert.Equal(0, region.Process.ExitCode);
        Assert.Contains(region.Lines, l => l.Contains("The region has stopped.", StringComparison.Ordinal));
        Assert.Empty(await region.PortsStillOpenAsync(ports));
        Assert.Empty(region.Leftovers());
    }

    [Fact]
    public async Task The_gateway_answers_a_browser_at_the_root()
    {
        await using var region = await StartRegionAsync();
        using var client = new HttpClient { BaseAddress = GatewayOf(region) };

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/identity/dev/users\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/health/ready\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/openapi/placement.json\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/reference/referral\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/openapi/alerts.json\"", page, StringComparison.Ordinal);

        await region.SignalAsync("TERM");
        Assert.True(await region.WaitForExitAsync(TimeSpan.FromSeconds(25)), region.Tail());
    }

    [Fact]
    public async Task A_lost_broker_costs_one_short_line_per_attempt_and_still_lets_it_stop()
    {
        await using var region = await StartRegionAsync();
        var services = region.Lines
            .Where(l => l.Contains("MassTransit[0] Bus started", StringComparison.Ordinal))
            .Select(Tag)
            .Distinct()
            .ToList();
        // Four authorities' placement, referral and consent services, the coordination and alerts services.
        Assert.Equal(14, services.Count);

        var before = region.Lines.Count;
        await broker.Node.StopBrokerAsync();
        try
        {
            // Two attempts each: the retry, not only the first failure, is what repeated the traces.
            await Eventually.Until(
                () => Task.FromResult(Unreachable(region.Lines.Skip(before))),
                counts => services.All(s => counts.GetValueOrDefault(s) >= 2),
                TimeSpan.FromSeconds(90),
                "two reconnection attempts of every service");

            var massTransit = region.Lines.Skip(before).Where(l => l.Contains("MassTransit", StringComparison.Ordinal)).ToList();
            Assert.All(massTransit, line =>
            {
                // One line per attempt: the "Connection Failed" warning, nothing else of MassTransit's.
                Assert.Contains("broker unreachable", line, StringComparison.Ordinal);
                Assert.DoesNotContain("Retrying", line, StringComparison.Ordinal);
                Assert.DoesNotContain("guest:", line, StringComparison.Ordinal);
                Assert.True(line.Length < 300, $"Not concise ({line.Length} characters): {line}");
            });

            // A stack trace, in the multi-line ("   at ") or the single-line console format.
            Assert.DoesNotContain(region.Lines.Skip(before), l =>
                l.StartsWith("   at ", StringComparison.Ordinal) || l.Contains(" at System.", StringComparison.Ordinal)
                || l.Contains("--->", StringComparison.Ordinal));

            // Stopping must not wait for a broker that is not there.
            await region.SignalAsync("TERM");
            Assert.True(await region.WaitForExitAsync(TimeSpan.FromSeconds(25)), $"Still running 25 s after SIGTERM:\n{region.Tail()}");
            Assert.Empty(region.Leftovers());
        }
        finally
        {
            await broker.Node.StartBrokerAsync();
        }
    }

    private async Task<ChildProcess> StartRegionAsync()
    {
        var region = await ChildProcess.StartRegionInBackgroundAsync(
            _data,
            "--rabbitmq", broker.Node.AmqpUri.ToString(),
            "--data", _data,
            "--gateway-port", "0",
            "--identity-port", "0",
            "--first-service-port", "0");
        try
        {
            await region.WaitForLineAsync(l => l.Contains("region is running", StringComparison.Ordinal), TimeSpan.FromSeconds(120));
            await region.WaitForLineAsync(l => l.StartsWith("Press Ctrl-C", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
            using var client = new HttpClient { BaseAddress = GatewayOf(region) };
            await Eventually.Until(
                async () => { try { return (await client.GetAsync("/health/ready")).StatusCode; } catch (HttpRequestException) { return default; } },
                status => status == HttpStatusCode.OK,
                TimeSpan.FromSeconds(60),
                "the gateway to be ready");
            return region;
        }
        catch
        {
            await region.DisposeAsync();
            throw;
        }
    }

    private static Uri GatewayOf(ChildProcess region)
    {
        var line = region.Lines.First(l => l.TrimStart().StartsWith("Gateway:", StringComparison.Ordinal));
        return new Uri(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    /// <summary>The app a log line is from: <c>HH:mm:ss [app] level: ...</c>.</summary>
    private static string Tag(string line)
    {
        var start = line.IndexOf('[', StringComparison.Ordinal);
        var end = line.IndexOf(']', start + 1);
        return start < 0 || end < 0 ? "" : line[(start + 1)..end];
    }

    private static Dictionary<string, int> Unreachable(IEnumerable<string> lines) =>
        lines.Where(l => l.Contains("broker unreachable", StringComparison.Ordinal))
            .GroupBy(Tag)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
