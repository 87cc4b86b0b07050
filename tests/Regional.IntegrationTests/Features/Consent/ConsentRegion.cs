using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regional.Api.Consent;
using Regional.Consent.Data;
using Regional.Contracts.Consent.V1;
using Regional.IntegrationTests.Infrastructure;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.IntegrationTests.Features.Consent;

/// <summary>The region on PostgreSQL with the test clock in the consent services too.</summary>
public class ConsentRegion : RegionFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override void ConfigureServices(string app, IServiceCollection services)
    {
        if (app.EndsWith(".consent", StringComparison.Ordinal))
        {
            services.AddSingleton<TimeProvider>(Clock);
        }
    }
}

/// <summary>One PostgreSQL region for the consent classes: a region is costly to start, and they run one after another.</summary>
[CollectionDefinition(nameof(ConsentCollection))]
public sealed class ConsentCollection : ICollectionFixture<ConsentRegion>;

/// <summary>The same on SQLite, the embedded default.</summary>
public sealed class SqliteConsentRegion : ConsentRegion
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The consent API as the tests call it through the gateway, and what they read behind it.</summary>
public static class ConsentApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NewChildId() => $"NC-{Guid.NewGuid():N}"[..14];

    public static DateOnly Today(RegionFixture fixture) =>
        fixture.Region.ConsentServices("nottingham-city").GetRequiredService<WorkingDayCalendar>().LocalDate(fixture.Clock.GetUtcNow());

    public static JsonObject ParentRefusal(string purpose, DateOnly decidedOn, string recipientType = "HostAuthority") => new()
    {
        ["decision"] = "refusal",
        ["purpose"] = purpose,
        ["recipientType"] = recipientType,
        ["givenBy"] = "parent-carer",
        ["decidedOn"] = decidedOn.ToString("yyyy-MM-dd"),
        ["note"] = "Mother does not want health details shared with other councils.",
    };

    public static JsonObject ChildDecision(string decision, string purpose, DateOnly decidedOn, string recipientType = "HostAuthority") => new()
    {
        ["decision"] = decision,
        ["purpose"] = purpose,
        ["recipientType"] = recipientType,
        ["givenBy"] = "child",
        ["childAge"] = 15,
        ["competent"] = true,
        ["decidedOn"] = decidedOn.ToString("yyyy-MM-dd"),
    };

    public static JsonObject Override(string purpose, DateOnly reviewBy, string recipientType = "HostAuthority") => new()
    {
        ["purpose"] = purpose,
        ["recipientType"] = recipientType,
        ["lawfulBasis"] = "dpa-2018-sch1-para18",
        ["reason"] = "CRE concern in Derbyshire: the host's CRE coordinator needs the child's health needs to plan the disruption.",
        ["approvedBy"] = "Team manager, Children in Care",
        ["approverRole"] = "manager",
        ["reviewBy"] = reviewBy.ToString("yyyy-MM-dd"),
    };

    public static Task<HttpResponseMessage> PostDecision(HttpClient client, string childId, JsonObject body, string authority = "nottingham-city") =>
        client.PostAsJsonAsync($"/{authority}/consent/children/{childId}/decisions", body);

    public static Task<HttpResponseMessage> PostOverride(HttpClient client, string childId, JsonObject body, string authority = "nottingham-city") =>
        client.PostAsJsonAsync($"/{authority}/consent/children/{childId}/overrides", body);

    public static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public static async Task<DecisionRecordedView> RecordDecision(HttpClient client, string childId, JsonObject body) =>
        await Read<DecisionRecordedView>(await PostDecision(client, childId, body), HttpStatusCode.Created);

    public static async Task<ConsentRecordView> GetRecord(HttpClient client, string childId, string authority = "nottingham-city") =>
        await Read<ConsentRecordView>(await client.GetAsync($"/{authority}/consent/children/{childId}"), HttpStatusCode.OK);

    public static EffectiveBasisView Basis(IEnumerable<EffectiveBasisView> effective, string purpose, string recipientType = "HostAuthority") =>
        effective.Single(b => b.Purpose == purpose && b.RecipientType == recipientType);

    /// <summary>
    /// The lawful bases the consent service committed for the child, with where each copy went and
    /// whether the dispatcher has handed it to the broker: the outbox is what the service promised to send.
    /// </summary>
    public static async Task<List<(LawfulBasisRecorded Message, string Destination, bool Dispatched)>> Announced(RegionFixture fixture, string childId, string authority = "nottingham-city")
    {
        await using var scope = fixture.Region.ConsentServices(authority).CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConsentDbContext>();
        var rows = await db.Outbox.AsNoTracking().Where(m => m.MessageType == "urn:regional:consent:lawful-basis-recorded:v1").ToListAsync();
        return [.. rows
            .OrderBy(r => r.Sequence)
            .Select(r => (Message: JsonSerializer.Deserialize<LawfulBasisRecorded>(r.Body, Json)!, Destination: r.Destination!, Dispatched: r.DispatchedAt is not null))
            .Where(r => r.Message.ChildLocalId == childId)];
    }

    /// <summary>What the consent service holds for the child: decisions, overrides and outbox rows about it.</summary>
    public static async Task<(int Decisions, int Overrides, int Records, int Outbox)> Stored(RegionFixture fixture, string childId, string authority = "nottingham-city")
    {
        await using var scope = fixture.Region.ConsentServices(authority).CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConsentDbContext>();
        return (
            await db.Decisions.CountAsync(d => d.ChildLocalId == childId),
            await db.Overrides.CountAsync(o => o.ChildLocalId == childId),
            await db.Records.CountAsync(r => r.ChildLocalId == childId),
            await db.Outbox.CountAsync());
    }
}
