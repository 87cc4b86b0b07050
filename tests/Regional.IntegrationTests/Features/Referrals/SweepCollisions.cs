using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Regional.IntegrationTests.Infrastructure;
using Regional.Referral.Data;
using Regional.Referral.Domain;
using Regional.Referral.Features;
using static Regional.IntegrationTests.Features.Referrals.ReferralApi;

namespace Regional.IntegrationTests.Features.Referrals;

/// <summary>
/// Makes the lapsed-review sweep write a case at the exact moment a person's write of the same
/// case is about to be saved: the person's save then meets a changed row every time, not by luck.
/// </summary>
public sealed class SweepJustBeforeSave : SaveChangesInterceptor
{
    private (Func<DbContext, bool> When, Func<Task> Collide)? _armed;

    public int Collisions { get; private set; }

    public void Arm(Func<DbContext, bool> when, Func<Task> collide) => _armed = (when, collide);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (_armed is { } armed && eventData.Context is { } context && armed.When(context))
        {
            // Disarmed first: the sweep's own save passes through here too.
            _armed = null;
            await armed.Collide();
            Collisions++;
        }

        return result;
    }
}

/// <summary>
/// The region with the lapsed-review sweep left to the test (it runs only when the test says),
/// and the collision interceptor in Derbyshire's referral service.
/// </summary>
public sealed class CollidingReferralRegion : ReferralRegion
{
    public SweepJustBeforeSave Interceptor { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Referral:OverdueCheckInterval", "01:00:00")];

    protected override void ConfigureServices(string app, IServiceCollection services)
    {
        base.ConfigureServices(app, services);
        if (app == "derbyshire.referral")
        {
            services.ConfigureDbContext<PostgresReferralDbContext>(o => o.AddInterceptors(Interceptor));
            services.ConfigureDbContext<SqliteReferralDbContext>(o => o.AddInterceptors(Interceptor));
        }
    }

    /// <summary>One pass of Derbyshire's lapsed-review sweep, now.</summary>
    public Task<int> SweepDerbyshire() =>
        Region.ReferralServices("derbyshire").GetRequiredService<ReviewOverdueSweep>().SweepAsync(CancellationToken.None);

    public async Task<ReciprocalCase> StoredCase(Guid caseId)
    {
        await using var scope = Region.ReferralServices("derbyshire").CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferralDbContext>().Cases.AsNoTracking()
            .Include(c => c.Meetings).SingleAsync(c => c.Id == caseId);
    }
}

public sealed class When_the_lapsed_review_sweep_writes_a_case_while_a_person_does(CollidingReferralRegion fixture)
    : IClassFixture<CollidingReferralRegion>
{
    /// <summary>A case whose first review lapsed yesterday: the sweep has something to write.</summary>
    private async Task<(HttpClient Derbyshire, Guid CaseId, DateOnly LapsedDue)> ACaseWithALapsedReview()
    {
        var derbyshire = await fixture.SignedInAs("derbyshire.cre-coordinator");
        await AlignmentKnown(derbyshire, "derbyshire");
        var (_, child) = await PlaceNottinghamChildInDerbyshire(fixture);
        var caseId = (await RaiseConcern(derbyshire, "derbyshire", PoliceConcern(child))).CaseId!.Value;
        var today = Today(fixture);
        var strategy = await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("initial-strategy", today, Assessment("high"), Plan(1, today)));
        fixture.Clock.Advance(TimeSpan.FromDays(43));
        return (derbyshire, caseId, strategy.NextReviewDue!.Value);
    }

    [Fact]
    public async Task A_review_being_recorded_is_re_applied_and_saved_not_refused()
    {
        var (derbyshire, caseId, lapsedDue) = await ACaseWithALapsedReview();
        var before = await fixture.StoredCase(caseId);
        var collisions = fixture.Interceptor.Collisions;
        fixture.Interceptor.Arm(
            when: db => db.ChangeTracker.Entries<CaseMeeting>().Any(e => e.State == EntityState.Added && e.Entity.CaseId == caseId),
            collide: () => fixture.SweepDerbyshire());

        var today = Today(fixture);
        var response = await derbyshire.PostAsJsonAsync(
            $"/derbyshire/cases/{caseId}/meetings", Meeting("review", today, Assessment("medium"), Plan(1, today)));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal(collisions + 1, fixture.Interceptor.Collisions);
        var after = await fixture.StoredCase(caseId);
        Assert.Equal(2, after.Meetings.Count);
        Assert.Equal(1, after.Meetings.Count(m => m.Type == "review"));
        // Both writes stand: the sweep's report of the lapse and the person's review.
        Assert.Equal(lapsedDue, after.OverdueReportedFor);
        Assert.Equal(("medium", today.AddMonths(3)), (after.CurrentLevel, after.NextReviewDue));
        Assert.Equal(before.Version + 2, after.Version);
        // Only the person's change moves the entity tag.
        Assert.Equal(before.Revision + 1, after.Revision);
        Assert.Equal($"\"{after.Revision}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_closure_being_proposed_is_re_applied_and_saved_not_refused()
    {
        var (derbyshire, caseId, lapsedDue) = await ACaseWithALapsedReview();
        var before = await fixture.StoredCase(caseId);
        fixture.Interceptor.Arm(
            when: db => db.ChangeTracker.Entries<ReciprocalCase>().Any(e => e.Entity.Id == caseId && e.Property(c => c.ClosureProposedReason).IsModified),
            collide: () => fixture.SweepDerbyshire());

        var response = await derbyshire.PostAsJsonAsync(
            $"/derbyshire/cases/{caseId}/propose-closure", new { reason = "risk-reduced", note = "No missing episodes for four months." });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var after = await fixture.StoredCase(caseId);
        Assert.Equal(("risk-reduced", lapsedDue), (after.ClosureProposedReason, after.OverdueReportedFor));
        Assert.Equal(before.Version + 2, after.Version);
        Assert.Equal(before.Revision + 1, after.Revision);
    }

    [Fact]
    public async Task The_sweep_alone_does_not_change_the_entity_tag_a_person_holds()
    {
        var (derbyshire, caseId, lapsedDue) = await ACaseWithALapsedReview();
        var read = await derbyshire.GetAsync($"/derbyshire/cases/{caseId}");
        var tag = read.Headers.ETag!;

        await fixture.SweepDerbyshire();
        Assert.Equal(lapsedDue, (await fixture.StoredCase(caseId)).OverdueReportedFor);

        using var propose = new HttpRequestMessage(HttpMethod.Post, $"/derbyshire/cases/{caseId}/propose-closure")
        {
            Content = JsonContent.Create(new { reason = "moved" }),
        };
        propose.Headers.IfMatch.Add(tag);
        var response = await derbyshire.SendAsync(propose);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_change_by_another_person_since_the_read_is_a_precondition_failure_with_the_current_tag()
    {
        var (derbyshire, caseId, _) = await ACaseWithALapsedReview();
        var read = await derbyshire.GetAsync($"/derbyshire/cases/{caseId}");
        var stale = read.Headers.ETag!;

        // A colleague records the review first.
        var today = Today(fixture);
        await HoldMeeting(derbyshire, "derbyshire", caseId, Meeting("review", today, Assessment("low"), Plan(1, today)));

        using var propose = new HttpRequestMessage(HttpMethod.Post, $"/derbyshire/cases/{caseId}/propose-closure")
        {
            Content = JsonContent.Create(new { reason = "risk-reduced" }),
        };
        propose.Headers.IfMatch.Add(stale);
        var refused = await derbyshire.SendAsync(propose);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var current = refused.Headers.ETag!;
        Assert.NotEqual(stale.Tag, current.Tag);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(current.Tag, problem["currentVersion"]!.GetValue<string>());
        Assert.Null((await fixture.StoredCase(caseId)).ClosureProposedReason);

        using var retry = new HttpRequestMessage(HttpMethod.Post, $"/derbyshire/cases/{caseId}/propose-closure")
        {
            Content = JsonContent.Create(new { reason = "risk-reduced" }),
        };
        retry.Headers.IfMatch.Add(current);
        Assert.Equal(HttpStatusCode.OK, (await derbyshire.SendAsync(retry)).StatusCode);
    }
}
