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

internal static class RecordDecisionValidator
{
    public static ValidationErrors Validate(string childId, RecordDecisionRequest request, DateOnly today)
    {
        var errors = new ValidationErrors();
        ConsentRecords.CheckChildId(childId, errors);
        Code(errors, "decision", request.Decision, Decisions.All);
        Code(errors, "purpose", request.Purpose, Purposes.All);
        Code(errors, "recipientType", request.RecipientType, Recipients.Names);
        Code(errors, "givenBy", request.GivenBy, Givers.All);
        errors.MaxLength("note", request.Note, 2000);

        if (request.DecidedOn is not { } decidedOn)
        {
            errors.Add("decidedOn", "is required.");
        }
        else if (decidedOn > today)
        {
            errors.Add("decidedOn", "cannot be in the future.");
        }
        else if (decidedOn < today.AddYears(-25))
        {
            // No decision about a child (at most 25, as childAge) is older than that; 0001-01-01 is a
            // case system's empty date, not a decision (issue 11).
            errors.Add("decidedOn", "must be within the last 25 years.");
        }

        if (request.GivenBy == Givers.Child)
        {
            if (request.ChildAge is not { } age)
            {
                errors.Add("childAge", "is required when the child gives the decision.");
            }
            else if (age is < 0 or > 25)
            {
                // Care leavers are supported to 25; beyond that this is not a child's record.
                errors.Add("childAge", "must be between 0 and 25.");
            }

            if (request.Competent is not { } competent)
            {
                errors.Add("competent", "is required when the child gives the decision: was the child judged competent (true or false)?");
            }
            else if (!competent && request.Decision is Decisions.Consent or Decisions.Withdrawal)
            {
                // Gillick: only a competent child's own consent counts; a refusal is recorded as the child's view.
                errors.Add("competent", $"a child judged not competent cannot give or withdraw consent; record the {Givers.ParentCarer}'s or the court's decision.");
            }
        }
        else
        {
            if (request.ChildAge is not null)
            {
                errors.Add("childAge", "is only given when the child gives the decision.");
            }

            if (request.Competent is not null)
            {
                errors.Add("competent", "is only given when the child gives the decision.");
            }
        }

        return errors;
    }

    public static void Code(ValidationErrors errors, string field, string? value, IReadOnlyList<string> codes)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required.");
        }
        else if (!codes.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(field, $"must be one of: {string.Join(", ", codes)}.");
        }
    }
}

/// <summary>
/// Records a consent, refusal or withdrawal on the child's record (opening it with the first
/// decision) and announces each basis it moved, in the same transaction.
/// </summary>
internal static class RecordDecisionHandler
{
    public static Task<Results<Created<DecisionRecordedView>, ProblemHttpResult>> Handle(
        string childId,
        RecordDecisionRequest request,
        ClaimsPrincipal user,
        UnitOfWork<ConsentDbContext> work,
        ServiceIdentity self,
        WorkingDayCalendar calendar,
        TimeProvider clock,
        CancellationToken cancellationToken) =>
        ConsentRecords.OnceMoreOnCollision(work, () => work.ExecuteAsync<Results<Created<DecisionRecordedView>, ProblemHttpResult>>(async ct =>
        {
            var at = ConsentRecords.Clock(self.Authority, clock, calendar);
            var errors = RecordDecisionValidator.Validate(childId, request, at.Today);
            if (errors.Any)
            {
                return Problems.Unprocessable(errors.ToDictionary());
            }

            var purpose = request.Purpose!;
            var recipient = Recipients.Parse(request.RecipientType)!.Value;
            var record = await ConsentRecords.Load(work.Db, childId, ct);
            if (request.Decision == Decisions.Withdrawal)
            {
                var withdrawn = record is null ? null : LawfulBasis.Withdrawable(record.Decisions, request.GivenBy!, purpose, recipient);
                if (withdrawn is null)
                {
                    return Problems.Conflict($"There is no consent from the {request.GivenBy} for {purpose} with {recipient} standing to withdraw.");
                }

                if (request.DecidedOn < withdrawn.DecidedOn)
                {
                    errors.Add("decidedOn", $"is before the consent it withdraws ({withdrawn.DecidedOn:yyyy-MM-dd}).");
                    return Problems.Unprocessable(errors.ToDictionary());
                }
            }

            if (record is null)
            {
                record = new ConsentRecord { ChildLocalId = childId, CreatedAt = at.Now };
                work.Db.Records.Add(record);
            }

            var decision = new ConsentDecision
            {
                Id = Guid.CreateVersion7(at.Now),
                ChildLocalId = childId,
                Decision = request.Decision!,
                Purpose = purpose,
                RecipientType = recipient,
                GivenBy = request.GivenBy!,
                ChildAge = request.ChildAge,
                Competent = request.Competent,
                DecidedOn = request.DecidedOn!.Value,
                Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
                RecordedAt = at.Now,
                RecordedBy = user.GetSubject(),
            };
            record.Record(decision, at);
            return TypedResults.Created(
                $"/{self.Authority}/consent/children/{Uri.EscapeDataString(childId)}",
                new DecisionRecordedView(ConsentViews.From(decision), ConsentViews.Effective(record, at.Today)));
        }, cancellationToken));
}
