using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Alerts.V1;
using Regional.Contracts.Monitoring.V1;
using Regional.Contracts.Referrals.V1;
using Regional.Messaging;
using Regional.Referral.Data;
using Regional.Referral.Domain;
using Regional.Region;
using Regional.RiskTool;
using Regional.Security;
using Regional.ServiceDefaults;

namespace Regional.Referral.Features;

/// <summary>
/// The host records a reciprocal meeting (professionals, initial CRE strategy, review): who
/// attended, the assessment with an aligned tool version, the plan and the next review. Its
/// outcome goes to the placing authority in the same transaction.
/// </summary>
internal static class RecordMeetingHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Results<Created<MeetingView>, NotFound, ProblemHttpResult>> Handle(
        Guid id,
        RecordMeetingRequest request,
        HttpContext http,
        ClaimsPrincipal user,
        UnitOfWork<ReferralDbContext> work,
        ServiceIdentity self,
        WorkingDayCalendar calendar,
        ReviewSchedule schedule,
        TimeProvider clock,
        ReferralMetrics metrics,
        RegionDirectory region,
        CancellationToken cancellationToken)
    {
        ReciprocalCase? recorded = null;
        var result = await work.ExecuteAsync(async ct =>
        {
            var (outcome, reciprocal) = await Attempt(id, request, http, user, work.Db, self, calendar, schedule, clock, region, ct);
            recorded = reciprocal;
            return outcome;
        }, cancellationToken);

        if (result.Result is Created<MeetingView> created && recorded is not null)
        {
            EntityTags.Set(http, recorded.Revision);
            metrics.MeetingHeld(created.Value!.Type, recorded.PlacingAuthority);
        }

        return result;
    }

    /// <summary>One attempt on the case as it is now; the unit of work repeats it if the case moved on meanwhile.</summary>
    private static async Task<(Results<Created<MeetingView>, NotFound, ProblemHttpResult>, ReciprocalCase?)> Attempt(
        Guid id,
        RecordMeetingRequest request,
        HttpContext http,
        ClaimsPrincipal user,
        ReferralDbContext db,
        ServiceIdentity self,
        WorkingDayCalendar calendar,
        ReviewSchedule schedule,
        TimeProvider clock,
        RegionDirectory region,
        CancellationToken cancellationToken)
    {
        var reciprocal = await db.Cases.Include(c => c.Meetings).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (reciprocal is null)
        {
            return (TypedResults.NotFound(), null);
        }

        if (EntityTags.PreconditionFails(http, reciprocal.Revision))
        {
            return (EntityTags.PreconditionFailed(http, reciprocal.Revision, "case"), null);
        }

        if (reciprocal.Status == CaseStatus.Closed)
        {
            return (Problems.Conflict($"{reciprocal.PlacingAuthority} closed this case on {reciprocal.ClosedOn:yyyy-MM-dd}; no further meetings are held under it."), null);
        }

        var now = clock.GetUtcNow();
        var today = calendar.LocalDate(now);
        var errors = new ValidationErrors();
        var type = request.Type;
        var knownType = false;
        if (string.IsNullOrWhiteSpace(type))
        {
            errors.Add("type", "is required.");
        }
        else if (!MeetingTypes.All.Contains(type))
        {
            errors.Add("type", $"must be one of: {string.Join(", ", MeetingTypes.All)}.");
        }
        else
        {
            knownType = true;
        }

        // The review dates below are counted from heldOn, so only once it is known to be a plausible
        // date: the last day of the calendar (9999-12-31) has no day six weeks later (a 500 before, issue 11).
        var heldOnChecked = false;
        if (request.HeldOn is not { } heldOn)
        {
            errors.Add("heldOn", "is required.");
        }
        else if (heldOn > today)
        {
            errors.Add("heldOn", "cannot be in the future; record a meeting once it has been held.");
        }
        else if (heldOn < today.AddYears(-1))
        {
            errors.Add("heldOn", "must be within the last year.");
        }
        else if (knownType)
        {
            heldOnChecked = true;
            var openedBy = await db.Referrals.AsNoTracking()
                .Where(r => r.Id == reciprocal.ReferralId).Select(r => (DateOnly?)r.ConcernDate).FirstOrDefaultAsync(cancellationToken);
            reciprocal.CheckMeeting(type!, heldOn, openedBy ?? DateOnly.MinValue, errors);
        }

        ValidateAttendance(request.Attendance, errors);

        var needsOutcome = type is MeetingTypes.InitialStrategy or MeetingTypes.Review;
        RiskAssessment? assessment = null;
        AlignedVersions? alignment = null;
        if (request.Assessment is { } given)
        {
            alignment = await CurrentAlignment(db, cancellationToken);
            assessment = AssessmentInput.Read(given, alignment, RiskToolCatalog.Embedded, errors);
        }
        else if (needsOutcome)
        {
            errors.Add("assessment", "is required at an initial strategy meeting and at a review.");
        }

        var plan = ReadPlan(request.Plan, needsOutcome, errors);

        DateOnly? nextReview = null;
        if (heldOnChecked && request.HeldOn is { } on)
        {
            var (due, error) = schedule.NextReview(type!, on, reciprocal.NextReviewDue, request.NextReviewDate);
            if (error is not null)
            {
                errors.Add("nextReviewDate", error);
            }

            nextReview = due;
        }

        if (errors.Any)
        {
            return (alignment is not null && errors.ToDictionary().ContainsKey("assessment.toolVersion")
                ? ReferralProblems.NotAligned(errors, alignment.Aligned)
                : Problems.Unprocessable(errors.ToDictionary()), null);
        }

        var a = request.Attendance!;
        var meeting = new CaseMeeting
        {
            Id = Guid.CreateVersion7(now),
            CaseId = reciprocal.Id,
            Type = type!,
            HeldOn = request.HeldOn!.Value,
            Attendance = new Attendance
            {
                ChildAttended = a.ChildAttended!.Value,
                ParentCarerAttended = a.ParentCarerAttended!.Value,
                ViewsGivenBefore = a.ViewsGivenBefore!.Value,
                ChildMissing = a.ChildMissing!.Value,
                ChildViews = a.ChildViews?.Trim(),
            },
            Plan = plan,
            NextReviewDue = nextReview,
            RecordedAt = now,
            RecordedBy = user.GetSubject(),
        };

        if (assessment is not null)
        {
            var scored = RiskToolCatalog.Embedded.Score(assessment);
            meeting.AssessmentJson = JsonSerializer.Serialize(assessment, Json);
            meeting.ToolVersion = scored.ToolVersion;
            meeting.DerivedLevel = Vocabulary.LevelName(scored.DerivedLevel);
            meeting.Level = Vocabulary.LevelName(scored.FinalLevel);
            meeting.Rule = scored.Reason.RuleId;
            meeting.Explanation = scored.Explanation;
            meeting.Overridden = scored.Overridden;
            meeting.OverrideRationale = scored.Override?.Rationale;
        }

        db.Meetings.Add(meeting);
        var child = await db.IncomingChildren.AsNoTracking().FirstOrDefaultAsync(c => c.PlacementId == reciprocal.PlacementId, cancellationToken);
        reciprocal.RecordMeeting(meeting, self.Authority, now, new PoliceRecipients(
            region.ForcesCovering(self.Authority, reciprocal.PlacingAuthority),
            new AlertChild(
                reciprocal.ChildLocalId, reciprocal.ChildGivenName, reciprocal.ChildFamilyName, child?.DateOfBirth, child?.Gender,
                child?.NhsNumber, child?.Ethnicity)));
        return (TypedResults.Created($"/{self.Authority}/cases/{reciprocal.Id}/meetings/{meeting.Id}", MeetingView.From(meeting)), reciprocal);
    }

    internal static async Task<AlignedVersions> CurrentAlignment(ReferralDbContext db, CancellationToken cancellationToken) =>
        (await db.ToolAlignment.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken))?.ToAlignedVersions() ?? AlignedVersions.None;

    private static void ValidateAttendance(AttendanceRequest? attendance, ValidationErrors errors)
    {
        if (attendance is null)
        {
            errors.Add("attendance", "is required.");
            return;
        }

        if (attendance.ChildAttended is null)
        {
            errors.Add("attendance.childAttended", "is required.");
        }

        if (attendance.ParentCarerAttended is null)
        {
            errors.Add("attendance.parentCarerAttended", "is required.");
        }

        if (attendance.ViewsGivenBefore is null)
        {
            errors.Add("attendance.viewsGivenBefore", "is required.");
        }

        if (attendance.ChildMissing is null)
        {
            errors.Add("attendance.childMissing", "is required.");
        }
        else if (attendance.ChildMissing == true && attendance.ChildAttended == true)
        {
            errors.Add("attendance.childMissing", "cannot be true when the child attended.");
        }

        errors.MaxLength("attendance.childViews", attendance.ChildViews, 4000);
    }

    private static List<PlanOutcome> ReadPlan(PlanOutcomeRequest[]? plan, bool required, ValidationErrors errors)
    {
        var outcomes = new List<PlanOutcome>();
        if (plan is null || plan.Length == 0)
        {
            if (required)
            {
                errors.Add("plan", "is required at an initial strategy meeting and at a review: at least one outcome.");
            }

            return outcomes;
        }

        if (plan.Length > Vocabulary.MaxPlanOutcomes)
        {
            errors.Add("plan", $"has {plan.Length} outcomes; a plan has at most {Vocabulary.MaxPlanOutcomes}.");
        }

        for (var i = 0; i < plan.Length; i++)
        {
            var outcome = plan[i];
            var field = $"plan[{i}]";
            if (outcome is null)
            {
                errors.Add(field, "is required.");
                continue;
            }

            errors.Required($"{field}.outcome", outcome.Outcome, 500);
            var actions = new List<PlanAction>();
            if (outcome.Actions is null || outcome.Actions.Length == 0)
            {
                errors.Add($"{field}.actions", "needs at least one action: what, who and when.");
            }
            else
            {
                for (var j = 0; j < outcome.Actions.Length; j++)
                {
                    var action = outcome.Actions[j];
                    var at = $"{field}.actions[{j}]";
                    if (action is null)
                    {
                        errors.Add(at, "is required.");
                        continue;
                    }

                    errors.Required($"{at}.action", action.Action, 500);
                    errors.Required($"{at}.who", action.Who, 200);
                    if (action.When is null)
                    {
                        errors.Add($"{at}.when", "is required.");
                    }

                    if (!string.IsNullOrWhiteSpace(action.Action) && !string.IsNullOrWhiteSpace(action.Who) && action.When is { } when)
                    {
                        actions.Add(new PlanAction(action.Action.Trim(), action.Who.Trim(), when));
                    }
                }
            }

            if (!string.IsNullOrWhiteSpace(outcome.Outcome))
            {
                outcomes.Add(new PlanOutcome(outcome.Outcome.Trim(), actions));
            }
        }

        return outcomes;
    }
}
