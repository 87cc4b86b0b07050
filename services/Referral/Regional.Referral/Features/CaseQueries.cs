using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Regional.Messaging;
using Regional.Referral.Data;
using Regional.Referral.Domain;
using Regional.Region;
using Regional.RiskTool;
using Regional.ServiceDefaults;

namespace Regional.Referral.Features;

/// <summary>The host's referrals and the reciprocal cases it holds for other authorities' children.</summary>
internal static class CaseQueries
{
    private static readonly string[] ReferralFields = ["child", "source", "concerns", "exploitationTypes", "concernDate", "matchedOn"];

    private static readonly string[] CaseFields = ["child", "status", "meetings", "currentLevel", "nextReviewDue", "referrals"];

    /// <summary>The referrals received here; those about another authority's child are audited as read of that child's record.</summary>
    public static async Task<Ok<ReferralView[]>> ListReferrals(
        int? limit, ReferralDbContext db, UnitOfWork<ReferralDbContext> work, CrossBorderOutbox outbox, CancellationToken cancellationToken)
    {
        var referrals = await db.Referrals.AsNoTracking().OrderByDescending(r => r.ReceivedAt)
            .Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(cancellationToken);
        var caseIds = referrals.Where(r => r.IsCrossBorder && r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct().ToList();
        if (caseIds.Count > 0)
        {
            var children = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ChildLocalId, cancellationToken);
            foreach (var referral in referrals.Where(r => r.CaseId is { } id && children.ContainsKey(id)))
            {
                outbox.RecordRead(db, referral.PlacingAuthority!, children[referral.CaseId!.Value], "referral", ReferralFields);
            }

            await work.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(referrals.Select(ReferralView.From).ToArray());
    }

    /// <summary>A referral; one about a child another authority placed here is that authority's child's record: the read is audited and it is told.</summary>
    public static async Task<Results<Ok<ReferralView>, NotFound>> GetReferral(
        Guid id, ReferralDbContext db, UnitOfWork<ReferralDbContext> work, CrossBorderOutbox outbox, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (referral is null)
        {
            return TypedResults.NotFound();
        }

        if (referral is { PlacingAuthority: { } owner, CaseId: { } caseId }
            && await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.ChildLocalId).FirstOrDefaultAsync(cancellationToken) is { } child)
        {
            outbox.RecordRead(db, owner, child, "referral", ReferralFields);
            await work.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(ReferralView.From(referral));
    }

    /// <summary>The reciprocal cases: each one shown is another authority's child's record, audited as read.</summary>
    public static async Task<Results<Ok<CaseView[]>, ProblemHttpResult>> ListCases(
        string? status, ReferralDbContext db, UnitOfWork<ReferralDbContext> work, CrossBorderOutbox outbox,
        WorkingDayCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
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
        if (cases.Count > 0)
        {
            foreach (var shown in cases)
            {
                outbox.RecordRead(db, shown.PlacingAuthority, shown.ChildLocalId, "case", CaseFields);
            }

            await work.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(cases.Select(c => CaseView.From(c, referrals.Where(r => r.CaseId == c.Id), today)).ToArray());
    }

    /// <summary>A reciprocal case: another authority's child's record, so the read is audited here and that authority told of it.</summary>
    public static async Task<Results<Ok<CaseView>, NotFound>> GetCase(
        Guid id, HttpContext http, ReferralDbContext db, UnitOfWork<ReferralDbContext> work, CrossBorderOutbox outbox,
        WorkingDayCalendar calendar, TimeProvider clock, CancellationToken cancellationToken)
    {
        var reciprocal = await db.Cases.AsNoTracking().Include(c => c.Meetings).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (reciprocal is null)
        {
            return TypedResults.NotFound();
        }

        EntityTags.Set(http, reciprocal.Revision);

        var referrals = await db.Referrals.AsNoTracking().Where(r => r.CaseId == id).ToListAsync(cancellationToken);
        outbox.RecordRead(db, reciprocal.PlacingAuthority, reciprocal.ChildLocalId, "case", CaseFields);
        await work.CommitAsync(cancellationToken);
        return TypedResults.Ok(CaseView.From(reciprocal, referrals, calendar.LocalDate(clock.GetUtcNow())));
    }

    /// <summary>The aligned and retired tool versions as this authority last heard them from the region.</summary>
    public static async Task<Ok<AlignmentView>> Alignment(ReferralDbContext db, CancellationToken cancellationToken)
    {
        var alignment = await db.ToolAlignment.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(alignment is null
            ? new AlignmentView(0, [], [], null)
            : new AlignmentView(alignment.Revision, alignment.Aligned, alignment.Retired, alignment.ChangedAt));
    }

    /// <summary>A version of the aligned regional risk tool as data: every code an assessment may use, with its meaning.</summary>
    public static async Task<Results<Ok<RiskToolView>, NotFound<ProblemDetails>>> RiskToolDefinition(
        string version, ReferralDbContext db, CancellationToken cancellationToken)
    {
        if (!RiskToolCatalog.Embedded.TryGet(version, out var tool))
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "No such risk tool version.",
                Detail = $"'{version}' is not a version of the regional risk tool; known versions are {string.Join(", ", RiskToolCatalog.Embedded.Definitions.Select(d => d.Version))}.",
            });
        }

        var alignment = await RecordMeetingHandler.CurrentAlignment(db, cancellationToken);
        return TypedResults.Ok(new RiskToolView(
            tool.Version,
            tool.Title,
            tool.Published,
            tool.Description,
            alignment.IsAligned(tool.Version),
            alignment.IsRetired(tool.Version),
            [.. tool.Indicators.Select(i => new RiskIndicatorView(i.Code, i.Name, i.Descriptors.Low, i.Descriptors.Medium, i.Descriptors.High))],
            [.. tool.VulnerabilityFactors.Select(c => new CodeView(c.Code, c.Name))],
            [.. tool.Models.Select(c => new CodeView(c.Code, c.Name))],
            [.. tool.ExploitationTypes.Select(c => new CodeView(c.Code, c.Name))],
            ["none", "low", "medium", "high"],
            ["not-yet-assessed", "low", "medium", "high"]));
    }
}

