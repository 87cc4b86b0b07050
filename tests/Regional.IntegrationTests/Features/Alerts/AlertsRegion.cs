using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.Alerts.Data;
using Regional.Api.Alerts;
using Regional.Client;
using Regional.IntegrationTests.Features.Referrals;
using Regional.IntegrationTests.Infrastructure;
using Regional.ServiceDefaults;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Alerts;

/// <summary>
/// The region with the test clock in every service that keeps one (placement, referral, alerts), and
/// pushes retried quickly so that a failing receiver runs out of attempts within a test.
/// </summary>
public class AlertsRegion : ReferralRegion
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        .. base.ExtraSettings,
        new("Alerts:Push:FirstBackoff", "00:00:00.200"),
        new("Alerts:Push:MaxBackoff", "00:00:00.400"),
        new("Alerts:Push:MaxAttempts", "3"),
        new("Alerts:Push:Timeout", "00:00:02"),
    ];
}

public sealed class SqliteAlertsRegion : AlertsRegion
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The police side as the tests call it: a force's officer through the gateway, with the typed client a force system uses.</summary>
public static class PoliceApi
{
    public const string Derbyshire = "derbyshire-police";
    public const string Nottinghamshire = "nottinghamshire-police";

    public static Task<HttpClient> Officer(RegionFixture fixture, string force) => fixture.SignedInAs($"{force}.officer");

    public static async Task<AlertView[]> Inbox(HttpClient officer, string force, string? status = null, string? kind = null) =>
        Ok(await RegionalClients.Alerts(officer).List(force, status, kind, 500));

    /// <summary>Waits until the force's inbox holds an alert about <paramref name="sourceId"/> of <paramref name="kind"/>.</summary>
    public static async Task<AlertView> AlertAbout(HttpClient officer, string force, Guid sourceId, string kind) =>
        (await Eventually.Until(() => Inbox(officer, force), a => a.Any(x => x.SourceId == sourceId && x.Kind == kind), what: $"a {kind} alert in {force}'s inbox"))
            .Single(x => x.SourceId == sourceId && x.Kind == kind);

    /// <summary>Every alert the alerts database holds, straight from the database.</summary>
    public static async Task<List<Regional.Alerts.Domain.PoliceAlert>> Stored(RegionFixture fixture, Guid sourceId)
    {
        await using var scope = fixture.Region.AlertsServices.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertsDbContext>().Alerts.AsNoTracking().Where(a => a.SourceId == sourceId).ToListAsync();
    }
}
