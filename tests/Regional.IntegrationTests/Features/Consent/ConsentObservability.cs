using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Regional.Contracts.Consent.V1;
using Regional.IntegrationTests.Infrastructure;
using Regional.ServiceDefaults;
using static Regional.IntegrationTests.Features.Consent.ConsentApi;

namespace Regional.IntegrationTests.Features.Consent;

/// <summary>
/// Consent decisions, an override and access entries, watched at Debug in every service: the
/// child's id (it is in the path) and what was said about the child reach no log line or span attribute.
/// </summary>
public sealed class When_consent_and_access_are_observed(ObservedRegion fixture) : IClassFixture<ObservedRegion>
{
    [Fact]
    public async Task No_personal_data_reaches_logs_or_spans()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        using var coordinator = await fixture.SignedInAs("nottingham-city.cre-coordinator");
        var child = "NC-OBSERVED-4711";
        var today = Today(fixture);
        var refusal = ParentRefusal("health", today);
        refusal["note"] = "Mother, Philippa Quenby, refuses.";
        await RecordDecision(coordinator, child, refusal);
        await RecordDecision(coordinator, child, ChildDecision("consent", "exploitation", today));
        var safeguarding = Override("health", today.AddDays(20));
        safeguarding["reason"] = "Seen at Wolfscote Farm.";
        Assert.Equal(HttpStatusCode.Created, (await PostOverride(coordinator, child, safeguarding)).StatusCode);
        await using (var bus = await TestBus.StartAsync(fixture.BrokerUri, $"consent-observed-{Guid.NewGuid():N}", (_, _) => { }))
        {
            await bus.SendRaw("nottingham-city.consent", typeof(ChildDataAccessed), new ChildDataAccessed(
                Guid.NewGuid(), "derbyshire", "nottingham-city", "read", child, "register-entry", ["child.givenName"], "derbyshire",
                "cre-coordinator", null, null, DateTimeOffset.UtcNow, null), Guid.NewGuid());
            // One for another authority's child: refused, and the refusal is logged without the child.
            await bus.SendRaw("nottingham-city.consent", typeof(ChildDataAccessed), new ChildDataAccessed(
                Guid.NewGuid(), "derbyshire", "derbyshire", "read", child, "register-entry", ["child.givenName"], "derbyshire",
                "cre-coordinator", null, null, DateTimeOffset.UtcNow, null), Guid.NewGuid());
        }

        await Eventually.Until(
            async () => await Read<Regional.Api.Consent.AccessEntryView[]>(await coordinator.GetAsync($"/nottingham-city/consent/children/{child}/access"), HttpStatusCode.OK),
            e => e.Length == 1, what: "the access entry");
        await Eventually.Until(() => Task.FromResult(fixture.Lines.Any(l => l.Contains("Refused an access entry", StringComparison.Ordinal))), found => found, what: "the refusal logged");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/nottingham-city/consent/children/{child}/access.csv")).StatusCode);

        string[] personal = [child, "Philippa", "Quenby", "Wolfscote"];
        foreach (var span in spans)
        {
            // The child's id is in the path, which HTTP instrumentation records; the telemetry
            // pipeline's last processor replaces it before any exporter sees the span.
            PathRedaction.RedactTags(span);
            foreach (var (key, value) in span.TagObjects)
            {
                var text = $"{key}={value}";
                Assert.False(personal.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)), $"{span.Source.Name} {span.DisplayName}: {text}");
            }

            Assert.DoesNotContain(personal, p => span.DisplayName.Contains(p, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(fixture.Lines, l => l.Contains("consent", StringComparison.OrdinalIgnoreCase));
        foreach (var line in fixture.Lines)
        {
            Assert.False(personal.Any(p => line.Contains(p, StringComparison.OrdinalIgnoreCase)), line);
        }
    }
}
