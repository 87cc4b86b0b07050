using System.Net;
using Regional.Api.Consent;
using Regional.Consent.Features;
using Regional.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Regional.IntegrationTests.Infrastructure;
using Regional.Region;
using static Regional.IntegrationTests.Features.Consent.ConsentApi;

namespace Regional.IntegrationTests.Features.Consent;

/// <summary>
/// The consent part of the story, through the gateway: a mother refuses health, the competent
/// 15-year-old consents to exploitation, a coordinator overrides, the child withdraws.
/// </summary>
public abstract class When_consent_is_recorded_for_a_placed_child<TRegion>(TRegion fixture)
    where TRegion : RegionFixture
{
    private static readonly string[] OwnServices = ["queue:nottingham-city.placement", "queue:nottingham-city.referral"];

    [Fact]
    public async Task A_mothers_refusal_and_a_competent_childs_consent_decide_their_own_purposes()
    {
        using var practitioner = await fixture.SignedInAs("nottingham-city.practitioner");
        var child = NewChildId();
        var today = Today(fixture);

        var refused = await RecordDecision(practitioner, child, ParentRefusal("health", today.AddDays(-2)));
        var consented = await RecordDecision(practitioner, child, ChildDecision("consent", "exploitation", today.AddDays(-1)));

        Assert.Null(Basis(refused.Effective, "health").Basis);
        Assert.Equal(("consent", consented.Decision.Id), (Basis(consented.Effective, "exploitation").Basis, Basis(consented.Effective, "exploitation").DecisionId));
        var record = await GetRecord(practitioner, child);
        Assert.Equal([refused.Decision.Id, consented.Decision.Id], record.Decisions.Select(d => d.Id));
        Assert.Null(Basis(record.Effective, "health").Basis);
        Assert.Equal("consent", Basis(record.Effective, "exploitation").Basis);
        Assert.All(record.Effective.Where(b => b.Purpose != "exploitation" || b.RecipientType != "HostAuthority"), b => Assert.Null(b.Basis));

        // The refusal moved nothing (no basis held before it); the consent is announced to our own
        // placement and referral services, and handed to the broker.
        var announced = await Eventually.Until(() => Announced(fixture, child), a => a.Count == 2 && a.All(x => x.Dispatched), what: "the lawful basis dispatched");
        Assert.Equal(OwnServices, announced.Select(a => a.Destination).Order());
        Assert.All(announced, a =>
        {
            Assert.Equal(("nottingham-city", "nottingham-city", "exploitation", RecipientType.HostAuthority), (a.Message.From, a.Message.To, a.Message.Purpose, a.Message.RecipientType));
            Assert.Equal(("consent", true), (a.Message.Basis, a.Message.Holds));
        });
    }

    [Fact]
    public async Task A_coordinators_override_holds_where_consent_was_refused_and_a_practitioners_is_forbidden()
    {
        using var practitioner = await fixture.SignedInAs("nottingham-city.practitioner");
        using var coordinator = await fixture.SignedInAs("nottingham-city.cre-coordinator");
        var child = NewChildId();
        var today = Today(fixture);
        await RecordDecision(practitioner, child, ParentRefusal("health", today));

        var forbidden = await PostOverride(practitioner, child, Override("health", today.AddDays(30)));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal((1, 0), ((await Stored(fixture, child)).Decisions, (await Stored(fixture, child)).Overrides));

        var recorded = await Read<OverrideRecordedView>(await PostOverride(coordinator, child, Override("health", today.AddDays(30))), HttpStatusCode.Created);
        var health = Basis(recorded.Effective, "health");
        Assert.Equal(("safeguarding", recorded.Override.Id, "dpa-2018-sch1-para18", today.AddDays(30)), (health.Basis, health.OverrideId, health.Reference, health.ReviewBy));
        Assert.Equal("safeguarding", Basis((await GetRecord(practitioner, child)).Effective, "health").Basis);
        var announced = Assert.Single(await Announced(fixture, child), a => a.Destination == OwnServices[0]).Message;
        Assert.Equal(("safeguarding", "dpa-2018-sch1-para18", true), (announced.Basis, announced.Reference, announced.Holds));
        Assert.Equal(fixture.Region.ConsentServices("nottingham-city").GetRequiredService<WorkingDayCalendar>().EndOfDay(today.AddDays(30)), announced.ValidUntil);
    }

    [Fact]
    public async Task A_manager_may_record_an_override_too()
    {
        using var manager = await fixture.SignedInAs("nottingham-city.manager");
        var child = NewChildId();

        await Read<OverrideRecordedView>(await PostOverride(manager, child, Override("education", Today(fixture).AddDays(7))), HttpStatusCode.Created);
        Assert.Equal("safeguarding", Basis((await GetRecord(manager, child)).Effective, "education").Basis);
    }

    [Fact]
    public async Task A_withdrawal_stops_consent_at_once_and_says_so_under_the_same_basis_id()
    {
        using var practitioner = await fixture.SignedInAs("nottingham-city.practitioner");
        var child = NewChildId();
        var today = Today(fixture);
        await RecordDecision(practitioner, child, ChildDecision("consent", "exploitation", today.AddDays(-3)));

        var withdrawn = await RecordDecision(practitioner, child, ChildDecision("withdrawal", "exploitation", today));

        Assert.Null(Basis(withdrawn.Effective, "exploitation").Basis);
        Assert.Null(Basis((await GetRecord(practitioner, child)).Effective, "exploitation").Basis);
        var toPlacement = (await Announced(fixture, child)).Where(a => a.Destination == OwnServices[0]).Select(a => a.Message).ToList();
        Assert.Equal([true, false], toPlacement.Select(m => m.Holds));
        Assert.Equal("consent", toPlacement[1].Basis);
        Assert.Equal(toPlacement[0].BasisId, toPlacement[1].BasisId);
    }

    [Fact]
    public async Task Two_first_decisions_at_once_both_open_the_one_record()
    {
        using var practitioner = await fixture.SignedInAs("nottingham-city.practitioner");
        using var coordinator = await fixture.SignedInAs("nottingham-city.cre-coordinator");
        var child = NewChildId();
        var today = Today(fixture);

        var responses = await Task.WhenAll(
            PostDecision(practitioner, child, ParentRefusal("health", today)),
            PostDecision(coordinator, child, ChildDecision("consent", "exploitation", today)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal((2, 1), ((await Stored(fixture, child)).Decisions, (await Stored(fixture, child)).Records));
        Assert.Equal("consent", Basis((await GetRecord(practitioner, child)).Effective, "exploitation").Basis);
    }

    [Fact]
    public async Task A_withdrawal_with_nothing_to_withdraw_is_a_conflict_and_stores_nothing()
    {
        using var practitioner = await fixture.SignedInAs("nottingham-city.practitioner");
        var child = NewChildId();
        var today = Today(fixture);
        // The parent consented; the child has nothing standing to withdraw.
        var parentConsent = ParentRefusal("health", today);
        parentConsent["decision"] = "consent";
        await RecordDecision(practitioner, child, parentConsent);
        var before = await Stored(fixture, child);

        var conflict = await PostDecision(practitioner, child, ChildDecision("withdrawal", "health", today));
        var unknownChild = await PostDecision(practitioner, NewChildId(), ChildDecision("withdrawal", "health", today));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, unknownChild.StatusCode);
        Assert.Equal(before, await Stored(fixture, child));
    }

    [Fact]
    public async Task An_override_past_its_review_date_stops_holding_and_the_services_are_told_once()
    {
        using var coordinator = await fixture.SignedInAs("nottingham-city.cre-coordinator");
        var child = NewChildId();
        var today = Today(fixture);
        await Read<OverrideRecordedView>(await PostOverride(coordinator, child, Override("health", today.AddDays(10))), HttpStatusCode.Created);

        // A pass of the sweep as it will run in eleven days; the service's own clock stays at today.
        var services = fixture.Region.ConsentServices("nottingham-city");
        var later = new ShiftableClock();
        later.Advance(TimeSpan.FromDays(11) + (fixture.Clock.GetUtcNow() - TimeProvider.System.GetUtcNow()));
        var sweep = new OverrideExpirySweep(
            services.GetRequiredService<IServiceScopeFactory>(), later, services.GetRequiredService<WorkingDayCalendar>(),
            services.GetRequiredService<IOptions<ConsentOptions>>(), NullLogger<OverrideExpirySweep>.Instance);
        Assert.Equal(0, await new OverrideExpirySweep(
            services.GetRequiredService<IServiceScopeFactory>(), fixture.Clock, services.GetRequiredService<WorkingDayCalendar>(),
            services.GetRequiredService<IOptions<ConsentOptions>>(), NullLogger<OverrideExpirySweep>.Instance).SweepAsync(CancellationToken.None));
        await sweep.SweepAsync(CancellationToken.None);
        await sweep.SweepAsync(CancellationToken.None);

        var toPlacement = (await Announced(fixture, child)).Where(a => a.Destination == OwnServices[0]).Select(a => a.Message).ToList();
        Assert.Equal([true, false], toPlacement.Select(m => m.Holds));
        Assert.Equal(("safeguarding", "dpa-2018-sch1-para18"), (toPlacement[1].Basis, toPlacement[1].Reference));
    }
}

[Collection(nameof(ConsentCollection))]
public sealed class When_consent_is_recorded_for_a_placed_child_on_postgres(ConsentRegion fixture)
    : When_consent_is_recorded_for_a_placed_child<ConsentRegion>(fixture);

public sealed class When_consent_is_recorded_for_a_placed_child_on_sqlite(SqliteConsentRegion fixture)
    : When_consent_is_recorded_for_a_placed_child<SqliteConsentRegion>(fixture), IClassFixture<SqliteConsentRegion>;
