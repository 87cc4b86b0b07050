using Regional.Contracts.Monitoring.V1;
using Regional.IntegrationTests.Infrastructure;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features;

/// <summary>
/// A notification not acknowledged within the regional service level (1 working day) is
/// marked overdue and an escalation event, with no identity in it, is published.
/// </summary>
public sealed class When_a_host_does_not_acknowledge_in_time(PostgresRegion fixture) : IClassFixture<PostgresRegion>
{
    [Fact]
    public async Task Placing_authority_sees_it_overdue_and_the_monitor_gets_an_escalation()
    {
        await using var monitor = await TestBus.StartAsync(fixture.BrokerUri, "test.monitor.overdue", (e, bus) =>
        {
            bus.Capture<NotificationOverdue>(e);
            bus.Capture<CrossBorderStepRecorded>(e);
        });
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var nottinghamshire = await fixture.SignedInAs("nottinghamshire.practitioner");

        var body = SamplePlacement(host: "nottinghamshire", localId: $"NC-{Guid.NewGuid():N}"[..12]);
        var placement = await RecordPlacement(nottingham, "nottingham-city", body);
        await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "delivered");
        Assert.Empty(await Placements(nottingham, "nottingham-city", status: "overdue"));

        // Past the end of the next working day (and any weekend or bank holiday in between).
        fixture.Clock.Advance(TimeSpan.FromDays(5));

        var overdue = await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "overdue");
        Assert.NotNull(overdue.Notifications[0].OverdueAt);
        Assert.Contains(await Placements(nottingham, "nottingham-city", status: "overdue"), p => p.Id == placement.Id);

        var notificationId = placement.Notifications[0].Id;
        var escalation = await Eventually.Until(
            () => Task.FromResult(monitor.Messages<NotificationOverdue>().Where(e => e.NotificationId == notificationId).ToList()),
            found => found.Count > 0, what: "the escalation event");
        var only = Assert.Single(escalation);
        Assert.Equal(("nottingham-city", "nottinghamshire", "placement-start"), (only.From, only.To, only.Kind));
        Assert.Equal(placement.Notifications[0].AcknowledgeBy, only.DueBy);

        // Sweeping again does not escalate the same notification twice.
        await Task.Delay(1500);
        Assert.Single(monitor.Messages<NotificationOverdue>(), e => e.NotificationId == notificationId);

        // Monitoring events name authorities and kinds, never the child.
        var child = body["child"]!;
        foreach (var (_, raw) in monitor.Received)
        {
            Assert.DoesNotContain(child["familyName"]!.GetValue<string>(), raw, StringComparison.Ordinal);
            Assert.DoesNotContain(child["givenName"]!.GetValue<string>(), raw, StringComparison.Ordinal);
            Assert.DoesNotContain("9434765919", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("DE4 3AG", raw, StringComparison.Ordinal);
            Assert.DoesNotContain(placement.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains(monitor.Messages<CrossBorderStepRecorded>(), s => s.NotificationId == notificationId && s.Kind == StepKinds.PlacementNoticeSent);

        // A late acknowledgement still lands.
        await nottinghamshire.PostAsync($"/nottinghamshire/register/{placement.Id}/acknowledge", null);
        await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "acknowledged");
    }
}
