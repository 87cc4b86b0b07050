using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Messaging;
using Regional.Referral.Data;
using Regional.Referral.Domain;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.Referral.Features;

internal static class ClosureValidator
{
    public static ValidationErrors Validate(ClosureRequest request, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors.Add("reason", "is required.");
        }
        else if (!Vocabulary.ClosureReasons.Contains(request.Reason))
        {
            errors.Add("reason", $"must be one of: {string.Join(", ", Vocabulary.ClosureReasons)}.");
        }

        errors.MaxLength("note", request.Note, 2000);
        if (request.ClosedOn is { } on && on > today)
        {
            errors.Add("closedOn", "cannot be in the future.");
        }
        else if (request.ClosedOn is { } back && back < today.AddYears(-1))
        {
            // As a meeting's date: a case record closed in year 1 is a case system's empty date, not a closure (issue 11).
            errors.Add("closedOn", "must be within the last year.");
        }

        return errors;
    }
}

/// <summary>
/// The host may propose closing a reciprocal case, never close it: the child's case record is
/// the placing authority's (it keeps responsibility under the reciprocal arrangement).
/// </summary>
internal static class HostClosureHandlers
{
    public static async Task<Results<Ok<CaseView>, NotFound, ProblemHttpResult>> Propose(
        Guid id,
        ClosureRequest request,
        HttpContext http,
        UnitOfWork<ReferralDbContext> work,
        ServiceIdentity self,
        WorkingDayCalendar calendar,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = calendar.LocalDate(now);
        var errors = ClosureValidator.Validate(request with { ClosedOn = null }, today);
        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        ReciprocalCase? proposed = null;
        var result = await work.ExecuteAsync<Results<Ok<CaseView>, NotFound, ProblemHttpResult>>(async ct =>
        {
            var reciprocal = await work.Db.Cases.Include(c => c.Meetings).FirstOrDefaultAsync(c => c.Id == id, ct);
            if (reciprocal is null)
            {
                return TypedResults.NotFound();
            }

            if (EntityTags.PreconditionFails(http, reciprocal.Revision))
            {
                return EntityTags.PreconditionFailed(http, reciprocal.Revision, "case");
            }

            if (reciprocal.Status == CaseStatus.Closed)
            {
                return Problems.Conflict($"{reciprocal.PlacingAuthority} already closed this case on {reciprocal.ClosedOn:yyyy-MM-dd}.");
            }

            reciprocal.ProposeClosure(request.Reason!, request.Note?.Trim(), self.Authority, now);
            proposed = reciprocal;
            var referrals = await work.Db.Referrals.AsNoTracking().Where(r => r.CaseId == id).ToListAsync(ct);
            return TypedResults.Ok(CaseView.From(reciprocal, referrals, today));
        }, cancellationToken);

        if (proposed is not null && result.Result is Ok<CaseView>)
        {
            EntityTags.Set(http, proposed.Revision);
        }

        return result;
    }

    /// <summary>Always refused: says who can close and what the host can do instead.</summary>
    public static async Task<Results<NotFound, ProblemHttpResult>> Close(Guid id, ReferralDbContext db, ServiceIdentity self, CancellationToken cancellationToken)
    {
        var reciprocal = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (reciprocal is null)
        {
            return TypedResults.NotFound();
        }

        return Problems.Forbidden(
            $"Only the placing authority, {reciprocal.PlacingAuthority}, can close its child's case record; {self.Authority} holds the reciprocal "
            + $"reviews for it. Propose closure instead: POST /{self.Authority}/cases/{id}/propose-closure.");
    }
}
