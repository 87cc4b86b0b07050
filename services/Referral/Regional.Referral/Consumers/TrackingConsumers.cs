using MassTransit;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Referrals.V1;
using Regional.Messaging;
using Regional.Referral.Data;
using Regional.Referral.Domain;

namespace Regional.Referral.Consumers;

/// <summary>
/// Placing side: a host raised a CRE concern about one of our children. The first concern opens
/// our tracking of the host's reciprocal case; each concern is kept once, however often it arrives.
/// </summary>
public sealed class CrossBorderConcernRaisedConsumer(ReferralDbContext db, UnitOfWork<ReferralDbContext> work, ServiceIdentity self, TimeProvider clock)
    : IConsumer<CrossBorderConcernRaised>
{
    public async Task Consume(ConsumeContext<CrossBorderConcernRaised> context)
    {
        var message = context.Message;
        MisroutedMessageException.ThrowIfNotFor(message, self);
        var now = clock.GetUtcNow();

        var tracked = await db.TrackedCases.Include(c => c.Concerns).FirstOrDefaultAsync(c => c.CaseId == message.CaseId, context.CancellationToken);
        if (tracked is null)
        {
            tracked = new TrackedCase
            {
                CaseId = message.CaseId,
                HostAuthority = message.From,
                PlacementId = message.PlacementId,
                ChildLocalId = message.Child.LocalId,
                ChildGivenName = message.Child.GivenName,
                ChildFamilyName = message.Child.FamilyName,
                ChildDateOfBirth = message.Child.DateOfBirth,
                ChildNhsNumber = message.Child.NhsNumber,
                Status = CaseStatus.Open,
                OpenedAt = message.Concern.ReceivedAt,
            };
            db.TrackedCases.Add(tracked);
        }
        else if (tracked.HostAuthority != message.From)
        {
            throw new MisroutedMessageException($"Case {message.CaseId} is held by another host.");
        }

        // A re-send after a crash has a new message id; the referral id is the business key.
        if (!tracked.Concerns.Exists(c => c.ReferralId == message.ReferralId)
            && !await db.TrackedConcerns.AnyAsync(c => c.ReferralId == message.ReferralId, context.CancellationToken))
        {
            var concern = message.Concern;
            tracked.Concerns.Add(new TrackedConcern
            {
                ReferralId = message.ReferralId,
                CaseId = message.CaseId,
                Source = concern.Source,
                SourceReference = concern.SourceReference,
                Concerns = concern.Concerns,
                ExploitationTypes = [.. concern.ExploitationTypes],
                ConcernDate = concern.ConcernDate,
                ReceivedAt = concern.ReceivedAt,
                MatchedOn = message.MatchedOn,
            });
        }

        await work.CommitAsync(context.CancellationToken);
    }
}

public sealed class CrossBorderConcernRaisedConsumerDefinition : InboxConsumerDefinition<CrossBorderConcernRaisedConsumer>;

/// <summary>
/// Placing side: the outcome of a reciprocal meeting, kept once. The case's current state is
/// recomputed from every outcome held, in the order the meetings were held, because outcomes
/// may arrive in any order (the outbox sends a batch concurrently) and a meeting entered late
/// must not undo one held after it.
/// </summary>
public sealed class ReciprocalReviewHeldConsumer(ReferralDbContext db, UnitOfWork<ReferralDbContext> work, ServiceIdentity self)
    : IConsumer<ReciprocalReviewHeld>
{
    public async Task Consume(ConsumeContext<ReciprocalReviewHeld> context)
    {
        var message = context.Message;
        MisroutedMessageException.ThrowIfNotFor(message, self);

        // The concern that opened the case left first, but may still be being retried: wait for it.
        var tracked = await db.TrackedCases.FirstOrDefaultAsync(c => c.CaseId == message.CaseId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Case {message.CaseId} is not tracked yet.");
        if (tracked.HostAuthority != message.From)
        {
            throw new MisroutedMessageException($"Case {message.CaseId} is held by another host.");
        }

        var meetings = await db.TrackedMeetings.Where(m => m.CaseId == message.CaseId).ToListAsync(context.CancellationToken);
        if (!meetings.Exists(m => m.MeetingId == message.MeetingId))
        {
            var meeting = ToMeeting(message);
            db.TrackedMeetings.Add(meeting);
            meetings.Add(meeting);
            var retired = (await db.ToolAlignment.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(context.CancellationToken))?.Retired ?? [];
            Recompute(tracked, meetings, retired);

            // Always a write to the case row, so that two outcomes consumed at once conflict and the
            // loser retries with both in view.
            db.Entry(tracked).State = EntityState.Modified;
        }

        await work.CommitAsync(context.CancellationToken);
    }

    internal static void Recompute(TrackedCase tracked, IReadOnlyList<TrackedMeeting> meetings, IReadOnlyCollection<string> retired) =>
        tracked.Recompute(meetings, retired);

    private static TrackedMeeting ToMeeting(ReciprocalReviewHeld message)
    {
        var assessment = message.Assessment;
        return new TrackedMeeting
        {
            MeetingId = message.MeetingId,
            CaseId = message.CaseId,
            Type = message.MeetingType,
            HeldOn = message.HeldOn,
            Attendance = new Attendance
            {
                ChildAttended = message.Attendance.ChildAttended,
                ParentCarerAttended = message.Attendance.ParentCarerAttended,
                ViewsGivenBefore = message.Attendance.ViewsGivenBefore,
                ChildMissing = message.Attendance.ChildMissing,
                ChildViews = message.Attendance.ChildViews,
            },
            ToolVersion = assessment?.ToolVersion,
            DerivedLevel = assessment?.DerivedLevel,
            Level = assessment?.Level,
            Rule = assessment?.Rule,
            Explanation = assessment?.Explanation,
            Overridden = assessment?.Overridden ?? false,
            OverrideRationale = assessment?.OverrideRationale,
            Plan = [.. (message.Plan ?? []).Select(o => new PlanOutcome(o.Outcome, [.. o.Actions.Select(a => new PlanAction(a.Action, a.Who, a.When))]))],
            NextReviewDue = message.NextReviewDue,
            RecordedAt = message.RecordedAt,
        };
    }
}

public sealed class ReciprocalReviewHeldConsumerDefinition : InboxConsumerDefinition<ReciprocalReviewHeldConsumer>;

/// <summary>Placing side: the host proposes closing the reciprocal case; the decision is ours.</summary>
public sealed class CaseClosureProposedConsumer(ReferralDbContext db, UnitOfWork<ReferralDbContext> work, ServiceIdentity self) : IConsumer<CaseClosureProposed>
{
    public async Task Consume(ConsumeContext<CaseClosureProposed> context)
    {
        var message = context.Message;
        MisroutedMessageException.ThrowIfNotFor(message, self);
        var tracked = await db.TrackedCases.FirstOrDefaultAsync(c => c.CaseId == message.CaseId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Case {message.CaseId} is not tracked yet.");
        if (tracked.HostAuthority != message.From)
        {
            throw new MisroutedMessageException($"Case {message.CaseId} is held by another host.");
        }

        // Idempotent by construction: the latest proposal is the one that stands.
        if (tracked.ClosureProposedAt is null || message.ProposedAt >= tracked.ClosureProposedAt)
        {
            tracked.ClosureProposedReason = message.Reason;
            tracked.ClosureProposedNote = message.Note;
            tracked.ClosureProposedAt = message.ProposedAt;
        }

        await work.CommitAsync(context.CancellationToken);
    }
}

public sealed class CaseClosureProposedConsumerDefinition : RegionalConsumerDefinition<CaseClosureProposedConsumer>;

/// <summary>Host side: the placing authority closed its child's case; our reciprocal case closes with it.</summary>
public sealed class ReciprocalCaseClosedConsumer(ReferralDbContext db, UnitOfWork<ReferralDbContext> work, ServiceIdentity self) : IConsumer<ReciprocalCaseClosed>
{
    public async Task Consume(ConsumeContext<ReciprocalCaseClosed> context)
    {
        var message = context.Message;
        MisroutedMessageException.ThrowIfNotFor(message, self);
        var reciprocal = await db.Cases.FirstOrDefaultAsync(c => c.Id == message.CaseId, context.CancellationToken)
            ?? throw new MisroutedMessageException($"Case {message.CaseId} is not held here.");
        if (reciprocal.PlacingAuthority != message.From)
        {
            // Only the child's own placing authority can close its record.
            throw new MisroutedMessageException($"Case {message.CaseId} belongs to another placing authority.");
        }

        if (reciprocal.Status != CaseStatus.Closed)
        {
            reciprocal.Status = CaseStatus.Closed;
            reciprocal.ClosedReason = message.Reason;
            reciprocal.ClosedNote = message.Note;
            reciprocal.ClosedOn = message.ClosedOn;
            reciprocal.ClosedAt = message.ClosedAt;
            await work.CommitAsync(context.CancellationToken);
        }
    }
}

public sealed class ReciprocalCaseClosedConsumerDefinition : RegionalConsumerDefinition<ReciprocalCaseClosedConsumer>;
