using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Referral.Data;
using Regional.Referral.Domain;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.Referral.Features;

/// <summary>The host's referrals and the reciprocal cases it holds for other authorities' children.</summary>
internal static class CaseQueries
{
    public static async Task<Ok<ReferralView[]>> ListReferrals(int? limit, ReferralDbContext db, CancellationToken cancellationToken)
    {
        var referrals = await db.Referrals.AsNoTracking().OrderByDescending(r => r.ReceivedAt)
            .Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        return TypedResults.Ok(referrals.Select(ReferralView.From).ToArray());
    }

    public static async Task<Results<Ok<ReferralView>, NotFound>> GetReferral(Guid id, ReferralDbContext db, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return referral is null ? TypedResults.NotFound() : TypedResults.Ok(ReferralView.From(referral));
    }

    public static async Task<Results<Ok<CaseView[]>, ProblemHttpResult>> ListCases(
        string? status, ReferralDbContext db, WorkingDayCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = db.Cases.AsNoTracking().Include(c => c.Meetings).AsQueryable();
        switch (status)
        {
            case null or "open":
                query = query.Where(c => c.Status == CaseStatus.Open);
                break;
            case "closed":
                query = query.Where(c => c.Status == CaseStatus.Closed);
                break;
            case "all":
                break;
            default:
                return Problems.Unprocessable(new Dictionary<string, string[]> { ["status"] = ["must be one of: open, closed, all."] });
        }

        var cases = await query.OrderBy(c => c.OpenedAt).Take(1000).ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.CaseId != null && ids.Contains(r.CaseId.Value)).ToListAsync(cancellationToken);
        var today = calendar.LocalDate(clock.GetUtcNow());
        return TypedResults.Ok(cases.Select(c => CaseView.From(c, referrals.Where(r => r.CaseId == c.Id), today)).ToArray());
    }

    public static async Task<Results<Ok<CaseView>, NotFound>> GetCase(
        Guid id, HttpContext http, ReferralDbContext db, WorkingDayCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reciprocal = await db.Cases.AsNoTracking().Include(c => c.Meetings).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (reciprocal is null)
        {
            return TypedResults.NotFound();
        }

        EntityTags.Set(http, reciprocal.Revision);

        var referrals = await db.Referrals.AsNoTracking().Where(r => r.CaseId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(CaseView.From(reciprocal, referrals, calendar.LocalDate(clock.GetUtcNow())));
    }

    /// <summary>The aligned and retired tool versions as this authority last heard them from the region.</summary>
    public static async Task<Ok<AlignmentView>> Alignment(ReferralDbContext db, CancellationToken cancellationToken)
    {
        var alignment = await db.ToolAlignment.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(alignment is null
            ? new AlignmentView(0, [], [], null)
            : new AlignmentView(alignment.Revision, alignment.Aligned, alignment.Retired, alignment.ChangedAt));
    }
}
