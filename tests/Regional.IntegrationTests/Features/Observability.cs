using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features;

/// <summary>A region whose every log line, at Debug, is captured in memory.</summary>
public sealed class ObservedRegion : RegionFixture, ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override Regional.ServiceDefaults.DatabaseProvider Provider => Regional.ServiceDefaults.DatabaseProvider.Postgres;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Logging:LogLevel:Default", "Debug"), new("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Debug")];

    protected override void ConfigureServices(string app, IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
    }

    ILogger ILoggerProvider.CreateLogger(string categoryName) => new Capture(this, categoryName);

    void IDisposable.Dispose()
    {
    }

    private sealed class Capture(ObservedRegion region, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            region.Lines.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            region.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>
/// One trace per cross-border step, from the caller through the gateway, the placing service, the
/// broker and the host's service; and no child's data in any log line or span attribute.
/// </summary>
public sealed class When_the_region_is_observed(ObservedRegion fixture) : IClassFixture<ObservedRegion>
{
    [Fact]
    public async Task A_notice_is_one_trace_and_no_personal_data_is_logged_or_traced()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var body = SamplePlacement(localId: "NC-TRACE-0001");
        body["child"]!["givenName"] = "Zebedee";
        body["child"]!["familyName"] = "Quillfeather";

        using var source = new ActivitySource("Regional.Tests");
        PlacementView placement;
        ActivityTraceId traceId;
        using (var root = source.StartActivity("practitioner records a placement", ActivityKind.Client))
        {
            traceId = root!.TraceId;
            placement = await RecordPlacement(nottingham, "nottingham-city", body);
        }

        await InRegister(derbyshire, "derbyshire", placement.Id);
        await derbyshire.PostAsync($"/derbyshire/register/{placement.Id}/acknowledge", null);
        await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "acknowledged");

        // The host's consumption of the notice belongs to the practitioner's trace.
        var consumed = await Eventually.Until(
            () => Task.FromResult(spans.Where(s => s.TraceId == traceId && s.Kind == ActivityKind.Consumer).ToList()),
            found => found.Count > 0, what: "a consumer span in the practitioner's trace");
        Assert.Contains(consumed, s => s.DisplayName.Contains("derbyshire.placement", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.TraceId == traceId && s.Kind == ActivityKind.Server);

        string[] personal = ["Zebedee", "Quillfeather", "9434765919", "943 476 5919", "DE4 3AG", "Station Road", "NC-TRACE-0001", "2013-04-17"];
        foreach (var span in spans)
        {
            foreach (var (key, value) in span.TagObjects)
            {
                var text = $"{key}={value}";
                Assert.DoesNotContain(personal, p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
            }
        }

        Assert.NotEmpty(fixture.Lines);
        foreach (var line in fixture.Lines)
        {
            Assert.DoesNotContain(personal, p => line.Contains(p, StringComparison.OrdinalIgnoreCase));
        }
    }
}
