using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Regional.IntegrationTests.Infrastructure;
using Regional.Region;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features;

/// <summary>
/// Issue 2's story, through the gateway with real tokens, over RabbitMQ: Nottingham City places a
/// child in a Derbyshire children's home; Derbyshire's register gets the child; Derbyshire
/// acknowledges; Nottingham City sees it acknowledged, with the time; ending the placement
/// notifies Derbyshire too.
/// </summary>
public abstract class When_a_placing_authority_notifies_a_host<TRegion>(TRegion fixture)
    where TRegion : RegionFixture
{
    [Fact]
    public async Task Host_registers_the_child_and_placing_authority_sees_acknowledgement()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");

        var placement = await RecordPlacement(nottingham, "nottingham-city", SamplePlacement(localId: $"NC-{Guid.NewGuid():N}"[..12]));
        var notification = Assert.Single(placement.Notifications);
        Assert.Equal("derbyshire", notification.To);
        Assert.Equal("placement-start", notification.Kind);

        var entry = await InRegister(derbyshire, "derbyshire", placement.Id);
        Assert.Equal("nottingham-city", entry.PlacingAuthority);
        Assert.Equal(placement.Child, entry.Child);
        Assert.Equal(placement.Address, entry.Address);
        Assert.True(entry.AwaitingAcknowledgement);

        var delivered = await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "delivered");
        Assert.NotNull(delivered.Notifications[0].SentAt);
        Assert.NotNull(delivered.Notifications[0].DeliveredAt);

        var before = DateTimeOffset.UtcNow;
        var acknowledge = await derbyshire.PostAsync($"/derbyshire/register/{placement.Id}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, acknowledge.StatusCode);
        var acknowledged = await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "acknowledged");
        var at = acknowledged.Notifications[0].AcknowledgedAt!.Value;
        Assert.InRange(at, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal("practitioner", acknowledged.Notifications[0].AcknowledgedByRole);
        Assert.DoesNotContain(await Register(derbyshire, "derbyshire", awaitingAcknowledgement: true), e => e.PlacementId == placement.Id);
    }

    [Fact]
    public async Task Ending_the_placement_notifies_the_host()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        var body = SamplePlacement(localId: $"NC-{Guid.NewGuid():N}"[..12]);
        body["startDate"] = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd");
        var placement = await RecordPlacement(nottingham, "nottingham-city", body);
        await InRegister(derbyshire, "derbyshire", placement.Id);

        var endDate = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        var end = await nottingham.PostAsJsonAsync($"/nottingham-city/placements/{placement.Id}/end", new { endDate, reason = "returned-home" });
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);

        var entry = await Eventually.Until(
            () => InRegister(derbyshire, "derbyshire", placement.Id), e => e.EndDate is not null, what: "the end of placement in the register");
        Assert.Equal(DateOnly.Parse(endDate), entry.EndDate);
        Assert.Equal("returned-home", entry.EndReason);
        Assert.Equal(["placement-start", "placement-end"], entry.Notices.Select(n => n.Kind));

        Assert.Equal(HttpStatusCode.OK, (await derbyshire.PostAsync($"/derbyshire/register/{placement.Id}/acknowledge", null)).StatusCode);
        var ended = await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "acknowledged");
        Assert.Equal(2, ended.Notifications.Count);
        var endNotice = ended.Notifications.Single(n => n.Kind == "placement-end");
        var calendar = fixture.Region.PlacementServices("nottingham-city").GetRequiredService<WorkingDayCalendar>();
        Assert.Equal(calendar.AddWorkingDays(DateOnly.Parse(endDate), 10), endNotice.StatutoryDueBy);
        Assert.False(endNotice.GivenLate);

        var again = await nottingham.PostAsJsonAsync($"/nottingham-city/placements/{placement.Id}/end", new { endDate, reason = "returned-home" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Only_the_host_is_told()
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        using var derbyshire = await fixture.SignedInAs("derbyshire.practitioner");
        var placement = await RecordPlacement(nottingham, "nottingham-city", SamplePlacement(localId: $"NC-{Guid.NewGuid():N}"[..12]));
        await InRegister(derbyshire, "derbyshire", placement.Id);
        await PlacementWithStatus(nottingham, "nottingham-city", placement.Id, "delivered");

        foreach (var other in new[] { "derby-city", "nottinghamshire", "nottingham-city" })
        {
            using var client = await fixture.SignedInAs($"{other}.practitioner");
            Assert.DoesNotContain(await Register(client, other, includeEnded: true), e => e.PlacementId == placement.Id);
        }
    }
}

public sealed class When_a_placing_authority_notifies_a_host_on_postgres(PostgresRegion fixture)
    : When_a_placing_authority_notifies_a_host<PostgresRegion>(fixture), IClassFixture<PostgresRegion>;

public sealed class When_a_placing_authority_notifies_a_host_on_sqlite(SqliteRegion fixture)
    : When_a_placing_authority_notifies_a_host<SqliteRegion>(fixture), IClassFixture<SqliteRegion>;
