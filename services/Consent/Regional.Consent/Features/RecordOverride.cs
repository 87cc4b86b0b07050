using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Regional.Consent.Data;
using Regional.Consent.Domain;
using Regional.Messaging;
using Regional.Region;
using Regional.Security;
using Regional.ServiceDefaults;

namespace Regional.Consent.Features;

internal static class RecordOverrideValidator
{
    /// <summary>An override is reviewed within a quarter: sharing without consent is not left standing unexamined.</summary>
    public const int MaxReviewDays = 92;

    public static ValidationErrors Validate(string childId, RecordOverrideRequest request, DateOnly today)
    {
        var errors = new ValidationErrors();
        ConsentRecords.CheckChildId(childId, errors);
        RecordDecisionValidator.Code(errors, "purpose", request.Purpose, Purposes.All);
        RecordDecisionValidator.Code(errors, "recipientType", request.RecipientType, Recipients.Names);
        RecordDecisionValidator.Code(errors, "lawfulBasis", request.LawfulBasis, OverrideLaws.All);
        RecordDecisionValidator.Code(errors, "approverRole", request.ApproverRole, ApproverRoles.All);
        errors.Required("reason", request.Reason, 4000);
        errors.Required("approvedBy", request.ApprovedBy, 200);

        if (request.ReviewBy is not { } reviewBy)
        {
            errors.Add("reviewBy", "is required.");
        }
        else if (reviewBy <= today)
        {
            errors.Add("reviewBy", "must be after today.");
        }
        else if (reviewBy > today.AddDays(MaxReviewDays))
        {
            errors.Add("reviewBy", $"must be within {MaxReviewDays} days (by {today.AddDays(MaxReviewDays):yyyy-MM-dd}).");
        }

        return errors;
    }
}

/// <summary>
/// Records a safeguarding override (the policy has already required a CRE coordinator or manager)
/// and announces each basis it moved, in the same transaction.
/// </summary>
internal static class RecordOverrideHandler
{
    public static Task<Results<Created<OverrideRecordedView>, ProblemHttpResult>> Handle(
        string childId,
        RecordOverrideRequest request,
        ClaimsPrincipal user,
        UnitOfWork<ConsentDbContext> work,
        ServiceIdentity self,
        WorkingDayCalendar calendar,
        TimeProvider clock,
        CancellationToken cancellationToken) =>
        ConsentRecords.OnceMoreOnCollision(work, () => work.ExecuteAsync<Results<Created<OverrideRecordedView>, ProblemHttpResult>>(async ct =>
        {
            var at = ConsentRecords.Clock(self.Authority, clock, calendar);
            var errors = RecordOverrideValidator.Validate(childId, request, at.Today);
            if (errors.Any)
            {
                return Problems.Unprocessable(errors.ToDictionary());
            }

            var record = await ConsentRecords.Load(work.Db, childId, ct);
            if (record is null)
            {
                record = new ConsentRecord { ChildLocalId = childId, CreatedAt = at.Now };
                work.Db.Records.Add(record);
            }

            var safeguarding = new SafeguardingOverride
            {
                Id = Guid.CreateVersion7(at.Now),
                ChildLocalId = childId,
                Purpose = request.Purpose!,
                RecipientType = Recipients.Parse(request.RecipientType)!.Value,
                LawfulBasis = request.LawfulBasis!,
                Reason = request.Reason!.Trim(),
                ApprovedBy = request.ApprovedBy!.Trim(),
                ApproverRole = request.ApproverRole!,
                ReviewBy = request.ReviewBy!.Value,
                RecordedAt = at.Now,
                RecordedBy = user.GetSubject(),
            };
            record.Record(safeguarding, at);
            return TypedResults.Created(
                $"/{self.Authority}/consent/children/{Uri.EscapeDataString(childId)}",
                new OverrideRecordedView(ConsentViews.From(safeguarding, at.Today), ConsentViews.Effective(record, at.Today)));
        }, cancellationToken));
}
