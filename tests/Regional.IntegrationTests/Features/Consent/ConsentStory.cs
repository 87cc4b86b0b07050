using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Refit;
using Regional.Api.Consent;
using Regional.Api.Placements;
using Regional.Client;
using Regional.IntegrationTests.Features.Referrals;
using Regional.IntegrationTests.Infrastructure;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.ServiceDefaults;
using static Regional.IntegrationTests.Features.Consent.ConsentApi;
using static Regional.IntegrationTests.Infrastructure.Api;

namespace Regional.IntegrationTests.Features.Consent;

/// <summary>
/// Issue 8's story end to end, through the gateway with real tokens, over RabbitMQ: a mother
/// refuses health sharing, her competent 15-year-old consents to exploitation sharing; the child is
/// placed in Derbyshire; the notice goes on its statutory basis without the health details but with
/// the exploitation history; a share of the health details is refused and held; a safeguarding
/// override lets it go; the child withdraws and consent-based sharing stops while statutory sharing
/// goes on; a second placement in Nottinghamshire; and Nottingham City's one answer to "who has
/// received or read what about this child". At each step the test reads what arrived in the other
/// authority's database, field by field.
/// </summary>
public abstract class When_consent_governs_what_crosses_a_border<TRegion>(TRegion fixture)
    where TRegion : ConsentRegion
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> InPlacementDb<T>(string authority, Func<PlacementDbContext, Task<T>> read)
    {
        await using var scope = fixture.Region.PlacementServices(authority).CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PlacementDbContext>());
    }

    /// <summary>Waits until Nottingham City's placement service holds the consent service's word on a purpose.</summary>
    private Task<RecordedBasis> PlacementKnows(string child, string purpose, bool holds) =>
        Eventually.Until(
            () => InPlacementDb("nottingham-city", db => db.Set<RecordedBasis>().AsNoTracking()
                .FirstOrDefaultAsync(b => b.ChildLocalId == child && b.Purpose == purpose && b.RecipientType == "HostAuthority", Ct)),
            b => b is not null && b.Holds == holds,
            what: $"the placement service's copy of the {purpose} basis")!;

    private Task<Placement.Domain.RegisterEntry> AtHost(string host, Guid placementId, Func<Placement.Domain.RegisterEntry, bool> done, string what) =>
        Eventually.Until(
            () => InPlacementDb(host, db => db.Register.AsNoTracking().FirstOrDefaultAsync(e => e.PlacementId == placementId, Ct)),
            e => e is not null && done(e), what: what)!;

    [Fact]
    public async Task Each_disclosure_names_its_basis_and_the_placing_authority_answers_who_saw_what()
    {
        using var practitioner = await fixture.SignedInAs("nottingham-city.practitioner");
        using var coordinator = await fixture.SignedInAs("nottingham-city.cre-coordinator");
        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        using var nottinghamshire = await fixture.SignedInAs("nottinghamshire.practitioner");
        var child = NewChildId();
        var today = Today(fixture);

        // The mother refuses health sharing; the child, 15 and judged competent, consents to exploitation sharing.
        var refusal = await RecordDecision(practitioner, child, ParentRefusal("health", today));
        Assert.Null(Basis(refusal.Effective, "health").Basis);
        var consent = await RecordDecision(practitioner, child, ChildDecision("consent", "exploitation", today));
        Assert.Equal("consent", Basis(consent.Effective, "exploitation").Basis);
        await PlacementKnows(child, "exploitation", holds: true);

        // Placed in Derbyshire: the notice goes (reg 13) with the exploitation history, without health.
        var body = SamplePlacement(localId: child);
        body["startDate"] = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd");
        body["health"] = new JsonObject { ["conditions"] = "asthma", ["medication"] = "salbutamol inhaler", ["allergies"] = "penicillin" };
        body["exploitationRisks"] = "Seen with older men at Derby station; unexplained phone.";
        var placement = await RecordPlacement(practitioner, "nottingham-city", body);
        var registered = await AtHost("derbyshire", placement.Id, _ => true, "the child in Derbyshire's register");
        Assert.Equal((child, "Jordan", "Matlock"), (registered.Child.LocalId, registered.Child.GivenName, registered.Address.Town));
        Assert.Null(registered.Health);
        Assert.Equal("Seen with older men at Derby station; unexplained phone.", registered.ExploitationRisks);

        // Derbyshire's CRE coordinator needs the health details: without a basis the share is refused and held.
        // Through the typed client a case system uses.
        var refused = await RegionalClients.Placements(practitioner).ShareChildDetails(
            "nottingham-city", placement.Id, new ShareChildDetailsRequest("health", new HealthRequest("asthma", "salbutamol inhaler", "penicillin"), null), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("purpose 'health'", (refused.Error as ApiException)?.Content);

        // A safeguarding override (DPA 2018 Sch.1 para 18), recorded by a CRE coordinator: the held share goes.
        var recorded = Ok(await RegionalClients.Consent(coordinator).RecordOverride(
            "nottingham-city", child, Override("health", today.AddDays(30)).Deserialize<RecordOverrideRequest>(ConsentApi.Json)!, Ct), HttpStatusCode.Created);
        Assert.Equal("safeguarding", Basis(recorded.Effective, "health").Basis);
        var withHealth = await AtHost("derbyshire", placement.Id, e => e.Health is not null, "the health details in Derbyshire's register");
        Assert.Equal(("asthma", "salbutamol inhaler", "penicillin"), (withHealth.Health!.Conditions, withHealth.Health.Medication, withHealth.Health.Allergies));
        var shared = await InPlacementDb("nottingham-city", db => db.Set<DisclosureAuditEntry>().AsNoTracking()
            .SingleAsync(e => e.ChildLocalId == child && e.What == "urn:regional:placements:child-details-shared:v1", Ct));
        var told = await InPlacementDb("nottingham-city", db => db.Outbox.AsNoTracking()
            .Where(m => m.MessageType == "urn:regional:consent:child-data-accessed:v1" && m.Body.Contains(shared.EntryId.ToString())).ToListAsync(Ct));
        Assert.True(told.Count == 1, $"{told.Count} access entries queued for the share's disclosure {shared.EntryId}");
        Assert.Equal("safeguarding; health: safeguarding", shared.Basis);

        // Derbyshire reads the child's record: an access notice reaches Nottingham City.
        Assert.Equal(HttpStatusCode.OK, (await derbyshire.GetAsync($"/derbyshire/register/{placement.Id}", Ct)).StatusCode);

        // The child withdraws: consent-based sharing stops at once; statutory sharing goes on.
        await RecordDecision(practitioner, child, ChildDecision("withdrawal", "exploitation", today));
        await PlacementKnows(child, "exploitation", holds: false);
        var stopped = await practitioner.PostAsJsonAsync(
            $"/nottingham-city/placements/{placement.Id}/share", new { purpose = "exploitation", exploitationRisks = "New: missing overnight twice." }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stopped.StatusCode);
        var end = await practitioner.PostAsJsonAsync($"/nottingham-city/placements/{placement.Id}/end",
            new { endDate = DateTime.UtcNow.ToString("yyyy-MM-dd"), reason = "moved-placement" }, Ct);
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        var ended = await AtHost("derbyshire", placement.Id, e => e.EndDate is not null, "the end notice in Derbyshire's register");
        Assert.Equal("Seen with older men at Derby station; unexplained phone.", ended.ExploitationRisks);

        // A new placement in Nottinghamshire: health goes there too (the override covers host authorities); exploitation no longer does.
        var moved = SamplePlacement(host: "nottinghamshire", localId: child);
        moved["health"] = body["health"]!.DeepClone();
        moved["exploitationRisks"] = body["exploitationRisks"]!.DeepClone();
        moved["address"]!["town"] = "Mansfield";
        moved["address"]!["postcode"] = "NG18 1AA";
        var second = await RecordPlacement(practitioner, "nottingham-city", moved);
        var inNottinghamshire = await AtHost("nottinghamshire", second.Id, _ => true, "the child in Nottinghamshire's register");
        Assert.Equal("asthma", inNottinghamshire.Health?.Conditions);
        Assert.Null(inNottinghamshire.ExploitationRisks);
        Assert.Equal(HttpStatusCode.OK, (await nottinghamshire.GetAsync($"/nottinghamshire/register/{second.Id}", Ct)).StatusCode);

        // One request: everything any authority received or read about the child, in time order, with basis and fields.
        var access = (await Eventually.Until(
            async () => new AccessLog(await Read<AccessEntryView[]>(await coordinator.GetAsync($"/nottingham-city/consent/children/{child}/access", Ct), HttpStatusCode.OK)),
            a => a.Entries.Count(e => e.Kind == "read") >= 2 && a.Entries.Count(e => e.Kind == "disclosure") >= 4,
            what: "four disclosures and two reads in the access log")).Entries;
        Assert.Equal(access.OrderBy(e => e.OccurredAt).Select(e => e.EntryId), access.Select(e => e.EntryId));
        Assert.Equal(
            ["disclosure", "disclosure", "read", "disclosure", "disclosure", "read"],
            access.Select(e => e.Kind));
        var disclosures = access.Where(e => e.Kind == "disclosure").ToList();
        Assert.Equal(
            ["urn:regional:placements:placement-notice:v1", "urn:regional:placements:child-details-shared:v1", "urn:regional:placements:placement-end-notice:v1", "urn:regional:placements:placement-notice:v1"],
            disclosures.Select(e => e.What));
        Assert.Equal(["derbyshire", "derbyshire", "derbyshire", "nottinghamshire"], disclosures.Select(e => e.Counterpart));
        Assert.Equal("statutory; exploitation: consent", disclosures[0].Basis);
        Assert.DoesNotContain(disclosures[0].Fields, f => f.StartsWith("health", StringComparison.Ordinal));
        Assert.Contains("exploitationRisks", disclosures[0].Fields);
        Assert.StartsWith("safeguarding", disclosures[1].Basis);
        Assert.Contains("dpa-2018-sch1-para18", disclosures[1].Reference);
        Assert.Contains("health.conditions", disclosures[1].Fields);
        Assert.Equal("statutory", disclosures[2].Basis);
        Assert.Equal("statutory; health: safeguarding", disclosures[3].Basis);
        Assert.DoesNotContain("exploitationRisks", disclosures[3].Fields);
        var reads = access.Where(e => e.Kind == "read").ToList();
        Assert.Equal(["derbyshire", "nottinghamshire"], reads.Select(e => e.From));
        Assert.All(reads, r => Assert.Equal("register-entry", r.What));
        Assert.Equal(["cre-coordinator", "practitioner"], reads.Select(e => e.ActorRole));

        var csv = await coordinator.GetAsync($"/nottingham-city/consent/children/{child}/access.csv", Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(access.Length + 1, lines.Length);
        Assert.All(access, e => Assert.Contains(lines, l => l.Contains(e.EntryId.ToString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_referral_about_another_authoritys_child_sends_an_access_notice_and_one_about_our_own_child_none()
    {
        using var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        using var nottingham = await fixture.SignedInAs("nottingham-city.cre-coordinator");
        var (_, placed) = await ReferralApi.PlaceNottinghamChildInDerbyshire(fixture);
        var child = placed["localId"]!.GetValue<string>();
        var theirs = await ReferralApi.RaiseConcern(derbyshire, "derbyshire", ReferralApi.PoliceConcern(placed, nhsNumber: "943 476 5919"));
        Assert.True(theirs.CrossBorder);
        var local = new JsonObject { ["givenName"] = "Alex", ["familyName"] = $"Local{Guid.NewGuid():N}"[..12], ["dateOfBirth"] = "2012-05-05" };
        var ours = await ReferralApi.RaiseConcern(derbyshire, "derbyshire", ReferralApi.PoliceConcern(local));
        Assert.False(ours.CrossBorder);

        Assert.Equal(HttpStatusCode.OK, (await derbyshire.GetAsync($"/derbyshire/referrals/{ours.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await derbyshire.GetAsync($"/derbyshire/referrals/{theirs.Id}", Ct)).StatusCode);

        await using (var scope = fixture.Region.ReferralServices("derbyshire").CreateAsyncScope())
        {
            var reads = await scope.ServiceProvider.GetRequiredService<Referral.Data.ReferralDbContext>().Set<DisclosureAuditEntry>().AsNoTracking()
                .Where(e => e.Kind == "read").ToListAsync(Ct);
            var read = Assert.Single(reads, r => r.What == "referral");
            Assert.Equal(("nottingham-city", child), (read.ChildOwner, read.ChildLocalId));
        }

        var access = await Eventually.Until(
            async () => await Read<AccessEntryView[]>(await nottingham.GetAsync($"/nottingham-city/consent/children/{child}/access", Ct), HttpStatusCode.OK),
            a => a.Any(e => e.Kind == "read"), what: "Derbyshire's read in Nottingham City's access log");
        var notice = Assert.Single(access, e => e.Kind == "read");
        Assert.Equal(("referral", "derbyshire", "cre-coordinator"), (notice.What, notice.From, notice.ActorRole));
    }
}

/// <summary>The access log as a waiting test reports it when it times out.</summary>
internal sealed record AccessLog(AccessEntryView[] Entries)
{
    public override string ToString() => string.Join("; ", Entries.Select(e => $"{e.Kind} {e.What} from {e.From} to {e.Counterpart} on {e.Basis}"));
}

[Collection(nameof(ConsentCollection))]
public sealed class When_consent_governs_what_crosses_a_border_on_postgres(ConsentRegion fixture)
    : When_consent_governs_what_crosses_a_border<ConsentRegion>(fixture);

public sealed class When_consent_governs_what_crosses_a_border_on_sqlite(SqliteConsentRegion fixture)
    : When_consent_governs_what_crosses_a_border<SqliteConsentRegion>(fixture), IClassFixture<SqliteConsentRegion>;
