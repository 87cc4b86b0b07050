using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Monitoring.V1;
using Regional.Contracts.Referrals.V1;
using Regional.Messaging;
using Regional.Referral.Data;
using Regional.Referral.Domain;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.Referral.Features;

/// <summary>
/// The placing authority's tracking of its children with reciprocal cases elsewhere, and the
/// one action that is only theirs: closing the case record.
/// </summary>
internal static class Tracking
{
    // Concerns and meetings are loaded in the same statement as the case (not a split query), so a
    // view never pairs a case's state with meetings committed after it was read.

    /// <summary>
    /// Sorted by what needs attention: overdue reviews first, then the highest risk, then the
    /// soonest review; closed cases last. "Overdue" is computed now, from the injected clock.
    /// </summary>
    public static async Task<Ok<TrackedCaseView[]>> List(
        bool? includeClosed, ReferralDbContext db, WorkingDayCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = db.TrackedCases.AsNoTracking().Include(c => c.Concerns).Include(c => c.Meetings).AsQueryable();
        if (includeClosed != true)
        {
            query = query.Where(c => c.Status == CaseStatus.Open);
        }

        var cases = await query.Take(1000).ToListAsync(cancellationToken);
        var today = calendar.LocalDate(clock.GetUtcNow());
        return TypedResults.Ok(Prioritise(cases, today).Select(c => TrackedCaseView.From(c, today)).ToArray());
    }

    internal static IEnumerable<TrackedCase> Prioritise(IEnumerable<TrackedCase> cases, DateOnly today) =>
        cases
            .OrderBy(c => c.Status == CaseStatus.Open ? 0 : 1)
            .ThenByDescending(c => c.IsOverdue(today))
            .ThenByDescending(c => Vocabulary.LevelRank(c.CurrentLevel))
            .ThenBy(c => c.NextReviewDue ?? DateOnly.MaxValue)
            .ThenBy(c => c.OpenedAt);

    public static async Task<Results<Ok<TrackedCaseView>, NotFound>> Get(
        Guid caseId, HttpContext http, ReferralDbContext db, WorkingDayCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var tracked = await db.TrackedCases.AsNoTracking().Include(c => c.Concerns).Include(c => c.Meetings)
            .FirstOrDefaultAsync(c => c.CaseId == caseId, cancellationToken);
        if (tracked is null)
        {
            return TypedResults.NotFound();
        }

        EntityTags.Set(http, tracked.Revision);
        return TypedResults.Ok(TrackedCaseView.From(tracked, calendar.LocalDate(clock.GetUtcNow())));
    }

    /// <summary>The placing authority closes its child's case record; the host is told and stops reviewing.</summary>
    public static async Task<Results<Ok<TrackedCaseView>, NotFound, ProblemHttpResult>> Close(
        Guid caseId,
        ClosureRequest request,
        HttpContext http,
        UnitOfWork<ReferralDbContext> work,
        ServiceIdentity self,
        WorkingDayCalendar calendar,
        TimeProvider clock,
        ReferralMetrics metrics,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = calendar.LocalDate(now);
        TrackedCase? closed = null;
        var result = await work.ExecuteAsync<Results<Ok<TrackedCaseView>, NotFound, ProblemHttpResult>>(async ct =>
        {
            var tracked = await work.Db.TrackedCases.Include(c => c.Concerns).Include(c => c.Meetings)
                .FirstOrDefaultAsync(c => c.CaseId == caseId, ct);
            if (tracked is null)
            {
                return TypedResults.NotFound();
            }

            if (EntityTags.PreconditionFails(http, tracked.Revision))
            {
                return EntityTags.PreconditionFailed(http, tracked.Revision, "case");
            }

            if (tracked.Status == CaseStatus.Closed)
            {
                return Problems.Conflict($"The case was already closed on {tracked.ClosedOn:yyyy-MM-dd} ({tracked.ClosedReason}).");
            }

            var errors = ClosureValidator.Validate(request, today);
            if (errors.Any)
            {
                return Problems.Unprocessable(errors.ToDictionary());
            }

            tracked.Close(request.Reason!, request.Note?.Trim(), request.ClosedOn ?? today, self.Authority, now);
            closed = tracked;
            return TypedResults.Ok(TrackedCaseView.From(tracked, today));
        }, cancellationToken);

        if (closed is not null && result.Result is Ok<TrackedCaseView>)
        {
            EntityTags.Set(http, closed.Revision);
            metrics.Closed(closed.ClosedReason!, closed.HostAuthority);
        }

        return result;
    }
}
