using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.Client;
using Regional.IntegrationTests.Infrastructure;
using Regional.Referral.Data;
using Regional.Referral.Features;
using Regional.Region;
using Regional.ServiceDefaults;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Referrals;

/// <summary>
/// The region on PostgreSQL with the test clock in the referral and coordination services too,
/// so that a test can move time past a review's due date.
/// </summary>
public class ReferralRegion : RegionFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Referral:OverdueCheckInterval", "00:00:00.500")];

    protected override void ConfigureServices(string app, IServiceCollection services)
    {
        if (app.EndsWith(".referral", StringComparison.Ordinal) || app == "region")
        {
            services.AddSingleton<TimeProvider>(Clock);
        }
    }
}

/// <summary>The same on SQLite, the embedded default.</summary>
public sealed class SqliteReferralRegion : ReferralRegion
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The referral API as the tests call it through the gateway, and what they need to set a scene.</summary>
public static class ReferralApi
{
    public const string AlignedVersion = "em-cre-2021.1";
    public const string OlderVersion = "em-cre-2019.1";

    /// <summary>Nottingham City places a child in Derbyshire; waits until Derbyshire's referral service has the child in its register.</summary>
    public static async Task<(Guid PlacementId, JsonObject Child)> PlaceNottinghamChildInDerbyshire(RegionFixture fixture, string? nhsNumber = "943 476 5919")
    {
        using var nottingham = await fixture.SignedInAs("nottingham-city.practitioner");
        var body = SamplePlacement(localId: $"NC-{Guid.NewGuid():N}"[..12]);
        var child = body["child"]!.AsObject();
        child["givenName"] = "Kai";
        child["familyName"] = $"Example{Guid.NewGuid():N}"[..14];
        child["dateOfBirth"] = DateTime.UtcNow.AddYears(-13).AddDays(-40).ToString("yyyy-MM-dd");
        if (nhsNumber is null)
        {
            child.Remove("nhsNumber");
        }
        else
        {
            child["nhsNumber"] = nhsNumber;
        }

        body["startDate"] = DateTime.UtcNow.AddDays(-60).ToString("yyyy-MM-dd");
        var placement = await RecordPlacement(nottingham, "nottingham-city", body);
        await Eventually.Until(
            async () =>
            {
                await using var scope = fixture.Region.ReferralServices("derbyshire").CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<ReferralDbContext>().IncomingChildren.AnyAsync(c => c.PlacementId == placement.Id);
            },
            known => known, what: "the child in Derbyshire's referral register");
        return (placement.Id, child);
    }

    /// <summary>Waits until an authority's referral service has heard the region's alignment (at least <paramref name="revision"/>).</summary>
    public static Task<AlignmentView> AlignmentKnown(HttpClient client, string authority, long revision = 1) =>
        Eventually.Until(
            async () => Ok(await RegionalClients.Referrals(client).GetAlignment(authority)),
            a => a.Revision >= revision, what: $"{authority} to hear the alignment revision {revision}");

    public static JsonObject PoliceConcern(JsonObject child, string? reference = null, string? nhsNumber = null) => new()
    {
        ["source"] = "police",
        ["sourceReference"] = reference,
        ["concerns"] = "Reported missing overnight; found at an address of concern with older males linked to drug supply.",
        ["exploitationTypes"] = new JsonArray("criminal", "sexual"),
        ["concernDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd"),
        ["child"] = new JsonObject
        {
            ["givenName"] = child["givenName"]!.GetValue<string>(),
            ["familyName"] = child["familyName"]!.GetValue<string>(),
            ["dateOfBirth"] = child["dateOfBirth"]!.GetValue<string>(),
            ["nhsNumber"] = nhsNumber,
        },
    };

    /// <summary>Records a concern through the typed client; the JSON sample becomes the request record first.</summary>
    public static async Task<ReferralView> RaiseConcern(HttpClient client, string authority, JsonObject body, HttpStatusCode expected = HttpStatusCode.Created) =>
        Ok(await RegionalClients.Referrals(client).RecordReferral(authority, body.Deserialize<RecordReferralRequest>(Json)!), expected);

    public static JsonObject Attendance(bool childAttended = true, bool parentCarerAttended = false, bool viewsGivenBefore = true, bool childMissing = false) => new()
    {
        ["childAttended"] = childAttended,
        ["parentCarerAttended"] = parentCarerAttended,
        ["viewsGivenBefore"] = viewsGivenBefore,
        ["childMissing"] = childMissing,
        ["childViews"] = childAttended || viewsGivenBefore ? "Says he feels safer at the home and wants to keep his phone." : null,
    };

    /// <summary>An assessment whose going-missing rating decides the level: high gives High, medium Medium, low Low.</summary>
    public static JsonObject Assessment(string goingMissing, string version = AlignedVersion) => new()
    {
        ["toolVersion"] = version,
        ["indicators"] = new JsonArray(
            new JsonObject { ["code"] = "going-missing", ["rating"] = goingMissing, ["evidence"] = "Missing episodes from the home; found at an address of concern." },
            new JsonObject { ["code"] = "unexplained-items", ["rating"] = "low", ["evidence"] = "A second phone he cannot explain." }),
        ["vulnerabilityFactors"] = new JsonArray("looked-after"),
        ["models"] = new JsonArray(version == AlignedVersion ? "gangs-county-lines" : "party"),
        ["exploitationTypes"] = new JsonArray(version == AlignedVersion ? "criminal" : "sexual"),
    };

    public static JsonArray Plan(int outcomes, DateOnly from) => new(Enumerable.Range(1, outcomes).Select(i => (JsonNode)new JsonObject
    {
        ["outcome"] = $"Outcome {i}: he is safe from the adults linked to the address of concern.",
        ["actions"] = new JsonArray(
            new JsonObject { ["action"] = $"Action {i}.1: return home interview", ["who"] = "Derbyshire CRE team", ["when"] = from.AddDays(7 * i).ToString("yyyy-MM-dd") },
            new JsonObject { ["action"] = $"Action {i}.2: disruption at the address", ["who"] = "Derbyshire Constabulary", ["when"] = from.AddDays(7 * i + 3).ToString("yyyy-MM-dd") }),
    }).ToArray());

    public static JsonObject Meeting(string type, DateOnly heldOn, JsonObject? assessment = null, JsonArray? plan = null, DateOnly? nextReviewDate = null) => new()
    {
        ["type"] = type,
        ["heldOn"] = heldOn.ToString("yyyy-MM-dd"),
        ["attendance"] = Attendance(),
        ["assessment"] = assessment,
        ["plan"] = plan,
        ["nextReviewDate"] = nextReviewDate?.ToString("yyyy-MM-dd"),
    };

    public static async Task<MeetingView> HoldMeeting(HttpClient client, string authority, Guid caseId, JsonObject body) =>
        Ok(await RegionalClients.Referrals(client).RecordMeeting(authority, caseId, body.Deserialize<RecordMeetingRequest>(Json)!), HttpStatusCode.Created);

    public static async Task<CaseView> GetCase(HttpClient client, string authority, Guid caseId) =>
        Ok(await RegionalClients.Referrals(client).GetCase(authority, caseId));

    public static async Task<TrackedCaseView[]> TrackingList(HttpClient client, string authority, bool? includeClosed = null) =>
        Ok(await RegionalClients.Referrals(client).ListTracked(authority, includeClosed));

    public static async Task<TrackedCaseView?> Tracked(HttpClient client, string authority, Guid caseId)
    {
        var response = await RegionalClients.Referrals(client).GetTracked(authority, caseId);
        return response.StatusCode == HttpStatusCode.NotFound ? null : Ok(response);
    }

    /// <summary>Waits until the placing authority's tracking view of the case satisfies <paramref name="done"/>.</summary>
    public static async Task<TrackedCaseView> TrackedUntil(HttpClient client, string authority, Guid caseId, Func<TrackedCaseView, bool> done, string what) =>
        (await Eventually.Until(() => Tracked(client, authority, caseId), t => t is not null && done(t), what: what))!;

    /// <summary>Today in the region, by the clock the services use.</summary>
    public static DateOnly Today(RegionFixture fixture) =>
        fixture.Region.ReferralServices("derbyshire").GetRequiredService<WorkingDayCalendar>().LocalDate(fixture.Clock.GetUtcNow());
}
